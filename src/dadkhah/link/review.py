"""The review queue and reviewers' decisions.

Doubtful pairs (in the review band, or strong pairs held back by a cannot-link rule) enter
``link_review``. A reviewer's verdict goes to ``link_decision`` and binds every later run: a
confirmed "same" is merged first and never split, a confirmed "not same" is never merged.
Undo revokes a decision (kept, with who revoked it and when) and reopens its review item.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from dadkhah.errors import Conflict, InputError, NotFound
from dadkhah.link.features import RECORD_COLUMNS
from dadkhah.model.persons import LinkDecision, ReviewItem, ReviewRecord, Verdict
from dadkhah.store import Database, audit

__all__ = [
    "VERDICTS",
    "active_decisions",
    "decide",
    "enqueue",
    "open_items",
    "undo",
]

VERDICTS: tuple[str, ...] = ("same", "not_same")
_SHOWN = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_date",
    "city",
    "prison",
    "death_date",
)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def active_decisions(db: Database) -> list[tuple[int, int, str]]:
    rows = db.query(
        "SELECT record_a, record_b, verdict FROM link_decision WHERE revoked_at IS NULL ORDER BY id"
    )
    latest: dict[tuple[int, int], str] = {}
    for r in rows:
        a, b = sorted((int(r["record_a"]), int(r["record_b"])))
        latest[(a, b)] = r["verdict"]
    return [(a, b, v) for (a, b), v in latest.items()]


def enqueue(db: Database, run_id: int, review: pd.DataFrame) -> int:
    """Replace the open queue by this run's doubtful pairs; return how many."""
    db.execute("UPDATE link_review SET status = 'stale' WHERE status IN ('open', 'skipped')")
    rows = [
        (run_id, int(a), int(b), float(p), str(reason))
        for a, b, p, reason in review[
            ["unique_id_l", "unique_id_r", "match_probability", "reason"]
        ].itertuples(index=False)
    ]
    db.executemany(
        "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason, status)"
        " VALUES (?, ?, ?, ?, ?, 'open')",
        rows,
    )
    return len(rows)


def _record(db: Database, rid: int) -> ReviewRecord:
    r = db.query_one(
        "SELECT r.id, r.record_id, l.name AS list_name, "
        + ", ".join(f"r.{c}" for c in RECORD_COLUMNS)
        + ", p.uid FROM list_record r JOIN victim_list l ON l.id = r.list_id"
        " LEFT JOIN record_person rp ON rp.list_record_id = r.id"
        " LEFT JOIN person p ON p.id = rp.person_id WHERE r.id = ?",
        (rid,),
    )
    if r is None:
        raise NotFound(f"no list record with id {rid}")
    fields = {c: str(r[c]) for c in RECORD_COLUMNS if r.get(c) not in (None, "")}
    return ReviewRecord(int(r["id"]), r["list_name"], r["record_id"], fields, r["uid"])


def _agreement(a: ReviewRecord, b: ReviewRecord) -> dict[str, str]:
    from dadkhah import names

    out: dict[str, str] = {}
    for f in _SHOWN:
        x, y = a.fields.get(f), b.fields.get(f)
        if not x or not y:
            out[f] = "missing"
        elif f in {"full_name", "given_name", "surname", "father_name", "city", "prison"}:
            out[f] = "agree" if names.match_key(x) == names.match_key(y) else "differ"
        else:
            out[f] = "agree" if x.strip().lower() == y.strip().lower() else "differ"
    return out


def _item(db: Database, r: Mapping[str, Any]) -> ReviewItem:
    left, right = _record(db, int(r["record_a"])), _record(db, int(r["record_b"]))
    p = r["match_probability"]
    return ReviewItem(
        id=int(r["id"]),
        run_id=int(r["run_id"]),
        probability=None if p is None else float(p),
        reason=r["reason"],
        status=r["status"],
        left=left,
        right=right,
        agreement=_agreement(left, right),
    )


def open_items(
    db: Database, *, limit: int | None = None, include_skipped: bool = True
) -> list[ReviewItem]:
    statuses = "('open', 'skipped')" if include_skipped else "('open')"
    sql = (
        f"SELECT * FROM link_review WHERE status IN {statuses}"
        " ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, match_probability DESC, id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_item(db, r) for r in db.query(sql)]


def decide(
    db: Database, review_id: int, verdict: str, *, reviewer: str, note: str | None = None
) -> LinkDecision | None:
    """Record a verdict (``same``, ``not_same``) or ``skip`` for one review item."""
    if verdict not in (*VERDICTS, "skip"):
        raise InputError(f"unknown verdict {verdict!r}; valid: same, not_same, skip")
    with db.transaction():
        r = db.query_one("SELECT * FROM link_review WHERE id = ?", (review_id,))
        if r is None:
            raise NotFound(f"no review item {review_id}; see 'dadkhah review CASE'")
        if r["status"] not in ("open", "skipped"):
            raise Conflict(f"review item {review_id} is {r['status']}, not open")
        if verdict == "skip":
            db.execute("UPDATE link_review SET status = 'skipped' WHERE id = ?", (review_id,))
            audit(db, actor=reviewer, action="link.review.skip", target=f"link_review:{review_id}")
            return None
        a, b = sorted((int(r["record_a"]), int(r["record_b"])))
        at = _now()
        did = db.insert(
            "INSERT INTO link_decision (record_a, record_b, verdict, reviewer, decided_at, note,"
            " review_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a, b, verdict, reviewer, at, note, review_id),
        )
        db.execute(
            "UPDATE link_review SET status = 'decided', decision_id = ? WHERE id = ?",
            (did, review_id),
        )
        audit(
            db,
            actor=reviewer,
            action="link.decide",
            target=f"link_decision:{did}",
            details={
                "record_a": a,
                "record_b": b,
                "verdict": verdict,
                "review_id": review_id,
                "note": note,
            },
        )
    return LinkDecision(did, a, b, verdict_of(verdict), reviewer, at, note)


def verdict_of(text: str) -> Verdict:
    if text == "same":
        return "same"
    if text == "not_same":
        return "not_same"
    raise InputError(f"unknown verdict {text!r}; valid: same, not_same")


def undo(db: Database, *, reviewer: str, decision_id: int | None = None) -> LinkDecision:
    """Revoke a decision (the reviewer's latest when no id is given); reopen its review item."""
    with db.transaction():
        if decision_id is None:
            r = db.query_one(
                "SELECT * FROM link_decision WHERE revoked_at IS NULL AND reviewer = ?"
                " ORDER BY id DESC LIMIT 1",
                (reviewer,),
            )
        else:
            r = db.query_one("SELECT * FROM link_decision WHERE id = ?", (decision_id,))
        if r is None:
            raise NotFound("no decision to undo")
        if r["revoked_at"] is not None:
            raise Conflict(f"decision {r['id']} was already revoked at {r['revoked_at']}")
        at = _now()
        db.execute(
            "UPDATE link_decision SET revoked_at = ?, revoked_by = ? WHERE id = ?",
            (at, reviewer, r["id"]),
        )
        if r["review_id"] is not None:
            db.execute(
                "UPDATE link_review SET status = 'open', decision_id = NULL WHERE id = ?",
                (r["review_id"],),
            )
        audit(db, actor=reviewer, action="link.undo", target=f"link_decision:{r['id']}")
    return LinkDecision(
        int(r["id"]),
        int(r["record_a"]),
        int(r["record_b"]),
        verdict_of(r["verdict"]),
        r["reviewer"],
        r["decided_at"],
        r["note"],
        at,
    )

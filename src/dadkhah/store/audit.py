"""The append-only, hash-chained audit log.

Every write appends one row, in the same transaction as the write it records. A row's ``hash`` is
SHA-256 over the previous row's hash and this row's canonical content (id, time, actor, action,
target, details as canonical JSON), so changing, removing or reordering any row breaks every hash
after it. :func:`verify_chain` recomputes the chain and names the first broken row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dadkhah.model.sources import AuditEntry
from dadkhah.store.db import Database, Row

__all__ = [
    "GENESIS",
    "AuditEntry",
    "ChainBreak",
    "canonical_json",
    "entries",
    "head",
    "record",
    "verify_chain",
]

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces and raw Unicode: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _content(id_: int, at: str, actor: str, action: str, target: str, details: str) -> str:
    return canonical_json(
        {
            "id": id_,
            "at": at,
            "actor": actor,
            "action": action,
            "target": target,
            "details": details,
        }
    )


def _digest(prev_hash: str, content: str) -> str:
    return hashlib.sha256((prev_hash + "\n" + content).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def record(
    db: Database,
    *,
    actor: str,
    action: str,
    target: str,
    details: Mapping[str, Any] | None = None,
    at: str | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the write it records."""
    details_text = canonical_json(dict(details or {}))
    at = at or _now()
    with db.transaction():
        if db.dialect == "postgresql":
            db.execute("LOCK TABLE audit_log IN EXCLUSIVE MODE")
        last = db.query_one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        prev = last["hash"] if last else GENESIS
        next_id = (int(last["id"]) + 1) if last else 1
        h = _digest(prev, _content(next_id, at, actor, action, target, details_text))
        db.execute(
            "INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (next_id, at, actor, action, target, details_text, prev, h),
        )
    return AuditEntry(next_id, at, actor, action, target, json.loads(details_text), prev, h)


def _entry(r: Row) -> AuditEntry:
    try:
        details = json.loads(r["details"])
    except (TypeError, ValueError):
        details = {"_unparseable": r["details"]}
    return AuditEntry(
        int(r["id"]),
        r["at"],
        r["actor"],
        r["action"],
        r["target"],
        details,
        r["prev_hash"],
        r["hash"],
    )


def entries(
    db: Database, *, limit: int | None = None, target: str | None = None
) -> list[AuditEntry]:
    """Audit entries in order (oldest first); optionally only those about one target."""
    sql = "SELECT * FROM audit_log"
    params: list[Any] = []
    if target is not None:
        sql += " WHERE target = ?"
        params.append(target)
    sql += " ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_entry(r) for r in db.query(sql, params)]


def head(db: Database) -> str:
    """The hash of the newest entry (the genesis value for an empty log)."""
    h = db.scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
    return str(h) if h else GENESIS


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first row where the chain does not verify, and why."""

    row_id: int
    reason: str


def _iter_rows(db: Database) -> Iterator[Row]:
    yield from db.iterate("SELECT * FROM audit_log ORDER BY id")


def verify_chain(db: Database) -> tuple[int, ChainBreak | None]:
    """Recompute the chain. Return (rows checked, first break or None)."""
    prev = GENESIS
    expected_id = 1
    n = 0
    for r in _iter_rows(db):
        n += 1
        rid = int(r["id"])
        if rid != expected_id:
            return n, ChainBreak(
                rid,
                f"row id {rid} where {expected_id} was expected (a row was removed or inserted)",
            )
        if r["prev_hash"] != prev:
            return n, ChainBreak(rid, "prev_hash does not match the hash of the row before")
        content = _content(rid, r["at"], r["actor"], r["action"], r["target"], r["details"])
        if _digest(prev, content) != r["hash"]:
            return n, ChainBreak(rid, "content does not match its hash (a field was changed)")
        prev = r["hash"]
        expected_id += 1
    return n, None

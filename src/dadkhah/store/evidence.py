"""Evidence items and their chain of custody.

A file is hashed first, then copied into the case's write-once evidence folder, then recorded
(``evidence`` row, ``received`` custody event, audit entry), all inside the caller's transaction.
The same bytes are stored once: receiving them again adds a custody event to the existing item.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dadkhah.errors import InputError, NotFound
from dadkhah.model.sources import CustodyEvent, EvidenceItem
from dadkhah.store.audit import canonical_json
from dadkhah.store.audit import record as record_audit
from dadkhah.store.blobs import BlobStore, sha256_file
from dadkhah.store.db import Database, Row

__all__ = [
    "add_custody_event",
    "custody_events",
    "evidence_by_sha256",
    "get_evidence",
    "record_evidence",
    "resolve_evidence",
    "store_bytes",
    "store_file",
]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _item(r: Row) -> EvidenceItem:
    return EvidenceItem(
        id=int(r["id"]),
        sha256=r["sha256"],
        size=int(r["size"]),
        media_type=r["media_type"],
        original_name=r["original_name"],
        title=r["title"],
        received_at=r["received_at"],
        derived_from=int(r["derived_from"]) if r["derived_from"] is not None else None,
        operation=r["operation"],
        source_id=int(r["source_id"]) if r["source_id"] is not None else None,
        confidentiality=r["confidentiality"],
    )


def get_evidence(db: Database, evidence_id: int) -> EvidenceItem:
    r = db.query_one("SELECT * FROM evidence WHERE id = ?", (evidence_id,))
    if r is None:
        raise NotFound(f"no evidence item with id {evidence_id}")
    return _item(r)


def evidence_by_sha256(db: Database, sha256: str) -> EvidenceItem | None:
    r = db.query_one("SELECT * FROM evidence WHERE sha256 = ?", (sha256,))
    return _item(r) if r else None


def resolve_evidence(db: Database, ref: str) -> EvidenceItem:
    """An item by id (``12``) or by SHA-256 or a unique prefix of it (at least 6 hex digits)."""
    ref = ref.strip().lower()
    if ref.isdigit():
        return get_evidence(db, int(ref))
    if len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref):
        rows = db.query(
            "SELECT * FROM evidence WHERE sha256 LIKE ? ORDER BY id LIMIT 2", (ref + "%",)
        )
        if len(rows) == 1:
            return _item(rows[0])
        if len(rows) > 1:
            raise InputError(
                f"SHA-256 prefix {ref!r} matches several evidence items: give more digits"
            )
        raise NotFound(f"no evidence item with SHA-256 starting {ref!r}")
    raise InputError(f"{ref!r} is not an evidence id (a number) or a SHA-256 prefix")


def add_custody_event(
    db: Database,
    evidence_id: int,
    *,
    actor: str,
    action: str,
    details: dict[str, Any] | None = None,
) -> None:
    db.execute(
        "INSERT INTO custody_event (evidence_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)",
        (evidence_id, now(), actor, action, canonical_json(details or {})),
    )


def custody_events(db: Database, evidence_id: int) -> list[CustodyEvent]:
    rows = db.query("SELECT * FROM custody_event WHERE evidence_id = ? ORDER BY id", (evidence_id,))
    return [
        CustodyEvent(
            id=int(r["id"]),
            evidence_id=int(r["evidence_id"]),
            at=r["at"],
            actor=r["actor"],
            action=r["action"],
            details=json.loads(r["details"] or "{}"),
        )
        for r in rows
    ]


def record_evidence(
    db: Database,
    *,
    sha256: str,
    size: int,
    media_type: str,
    actor: str,
    original_name: str | None = None,
    title: str | None = None,
    derived_from: int | None = None,
    operation: str | None = None,
    source_id: int | None = None,
    custody: dict[str, Any] | None = None,
) -> tuple[EvidenceItem, bool]:
    """Record stored bytes as an evidence item; (item, True) when new, (existing, False) if not."""
    with db.transaction():
        existing = evidence_by_sha256(db, sha256)
        if existing is not None:
            again = {"original_name": original_name, **(custody or {})}
            add_custody_event(db, existing.id, actor=actor, action="received-again", details=again)
            record_audit(
                db,
                actor=actor,
                action="evidence.receive-again",
                target=f"evidence:{existing.id}",
                details=again,
            )
            return existing, False
        received = now()
        new_id = db.insert(
            "INSERT INTO evidence (sha256, size, media_type, original_name, title, received_at,"
            " derived_from, operation, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sha256,
                size,
                media_type,
                original_name,
                title,
                received,
                derived_from,
                operation,
                source_id,
            ),
        )
        action = "derived" if derived_from is not None else "received"
        details: dict[str, Any] = {"sha256": sha256, "size": size, "original_name": original_name}
        if derived_from is not None:
            details.update(derived_from=derived_from, operation=operation)
        add_custody_event(
            db, new_id, actor=actor, action=action, details={**details, **(custody or {})}
        )
        record_audit(
            db,
            actor=actor,
            action="evidence.derive" if derived_from is not None else "evidence.add",
            target=f"evidence:{new_id}",
            details={**details, "media_type": media_type, "title": title},
        )
        return get_evidence(db, new_id), True


def store_file(
    db: Database,
    blobs: BlobStore,
    path: Path,
    *,
    media_type: str,
    actor: str,
    sha256: str | None = None,
    **kw: Any,
) -> tuple[EvidenceItem, bool]:
    """Hash ``path`` (unless its ``sha256`` is given), copy it in, record it.

    The copy is hashed as it is written and must match, so a file that changes on the way in is
    refused. Runs inside the caller's transaction.
    """
    if sha256 is None:
        sha, size = sha256_file(path)
    else:
        sha, size = sha256, path.stat().st_size
    with db.transaction():
        if evidence_by_sha256(db, sha) is None:
            try:
                blobs.put_file(path, sha256=sha)
            except OSError as e:
                raise InputError(f"{path} could not be stored: {e}") from e
        kw.setdefault("original_name", path.name)
        return record_evidence(db, sha256=sha, size=size, media_type=media_type, actor=actor, **kw)


def store_bytes(
    db: Database, blobs: BlobStore, data: bytes, *, media_type: str, actor: str, **kw: Any
) -> tuple[EvidenceItem, bool]:
    """Store bytes (extracted text, for example) as an evidence item."""
    with db.transaction():
        sha, size = blobs.put_bytes(data)
        return record_evidence(db, sha256=sha, size=size, media_type=media_type, actor=actor, **kw)

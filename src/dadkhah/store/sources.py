"""Sources: who made the material a case holds (a list, a report, a testimony)."""

from __future__ import annotations

from dadkhah.errors import InputError, NotFound, one_of
from dadkhah.model.sources import SOURCE_TYPES, Source
from dadkhah.store.audit import record as record_audit
from dadkhah.store.db import Database, Row
from dadkhah.store.evidence import now

__all__ = ["create_source", "get_source"]


def _source(r: Row) -> Source:
    return Source(
        id=int(r["id"]),
        title=r["title"],
        source_type=r["source_type"],
        originator=r["originator"],
        language=r["language"],
        date_text=r["date_text"],
        date_start=r["date_start"],
        date_end=r["date_end"],
        confidentiality=r["confidentiality"],
        notes=r["notes"],
        created_at=r["created_at"],
    )


def create_source(
    db: Database,
    *,
    title: str,
    actor: str,
    source_type: str = "other",
    originator: str | None = None,
    language: str | None = None,
    date_text: str | None = None,
) -> Source:
    """Record a source (audited); return it."""
    if source_type not in SOURCE_TYPES:
        raise InputError(f"source type {one_of(source_type, SOURCE_TYPES)}")
    with db.transaction():
        new_id = db.insert(
            "INSERT INTO source (title, source_type, originator, language, date_text, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (title, source_type, originator, language, date_text, now()),
        )
        record_audit(
            db,
            actor=actor,
            action="source.add",
            target=f"source:{new_id}",
            details={"title": title, "source_type": source_type},
        )
        return get_source(db, new_id)


def get_source(db: Database, source_id: int) -> Source:
    r = db.query_one("SELECT * FROM source WHERE id = ?", (source_id,))
    if r is None:
        raise NotFound(f"no source with id {source_id}")
    return _source(r)

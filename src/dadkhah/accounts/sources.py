"""Sources referred to by citations: rows of the case's core ``source`` table.

How the source knows (``knowledge``: eyewitness, victim, relative, third party, official record)
and the originator's reliability are columns of the source, not of each claim.
"""

from __future__ import annotations

from typing import Any

from dadkhah.accounts.entities import _check, now
from dadkhah.errors import InputError, NotFound, Problem
from dadkhah.model.accounts import CONFIDENTIALITIES
from dadkhah.model.sources import SOURCE_TYPES
from dadkhah.store.audit import record as audit
from dadkhah.store.db import Database

__all__ = ["KNOWLEDGE", "add_source", "find_source", "source_dict"]

KNOWLEDGE = ("eyewitness", "victim", "relative", "third party", "official record", "unknown")


def add_source(
    db: Database,
    *,
    actor: str,
    title: str,
    originator: str | None = None,
    source_type: str = "other",
    language: str | None = None,
    date_text: str | None = None,
    date_start: str | None = None,
    date_end: str | None = None,
    knowledge: str | None = None,
    reliability: str | None = None,
    url: str | None = None,
    notes: str | None = None,
    confidentiality: str | None = None,
) -> dict[str, Any]:
    """Record a source (a report, article, testimony, judgment) that claims can cite."""
    if not title or not title.strip():
        raise InputError("a source needs a title", [Problem("required", field="title")])
    _check(knowledge, KNOWLEDGE, "knowledge")
    _check(source_type or "other", SOURCE_TYPES, "source_type")
    conf = confidentiality or "restricted"
    _check(conf, CONFIDENTIALITIES, "confidentiality")
    if url:
        notes = f"{url}\n{notes}" if notes else url
    with db.transaction():
        sid = db.insert(
            "INSERT INTO source (title, originator, source_type, language, date_text, date_start, date_end,"
            " confidentiality, knowledge, reliability, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                title.strip(),
                originator,
                source_type or "other",
                language,
                date_text,
                date_start,
                date_end,
                conf,
                knowledge,
                reliability,
                notes,
                now(),
            ),
        )
        out = source_dict(db, sid)
        audit(db, actor=actor, action="accounts.source.add", target=f"source:{sid}", details=out)
    return out


def source_dict(db: Database, source_id: int) -> dict[str, Any]:
    row = db.query_one("SELECT * FROM source WHERE id = ?", (source_id,))
    if row is None:
        raise NotFound(f"no source with id {source_id}")
    return dict(row)


def find_source(db: Database, key: str | int) -> int:
    """A source id from its number or its exact title."""
    text = str(key).strip()
    if text.isdigit() and db.scalar("SELECT 1 FROM source WHERE id = ?", (int(text),)):
        return int(text)
    rows = db.query("SELECT id FROM source WHERE title = ?", (text,))
    if len(rows) == 1:
        return int(rows[0]["id"])
    if len(rows) > 1:
        raise InputError(
            f"source title {text!r} is ambiguous; use its id",
            [Problem("ambiguous", field="source", value=text)],
        )
    raise NotFound(f"no source with id or title {text!r}")

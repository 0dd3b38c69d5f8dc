"""Documents: evidence items with extracted text, and that text.

The text of a document (HTML with its boilerplate dropped, PDF, plain text) is stored as an
evidence item of its own, derived from the document, and linked to it in ``evidence_text``.
:func:`document_text` returns exactly the text ``dadkhah show --text`` prints, so offsets into it
(mentions of persons, quotations) stay valid.
"""

from __future__ import annotations

from dadkhah.errors import IntegrityError, NotFound
from dadkhah.store.case import Case
from dadkhah.store.db import Database
from dadkhah.store.evidence import get_evidence

__all__ = ["document_text", "link_text", "text_item_id"]


def link_text(
    db: Database, evidence_id: int, text_evidence_id: int, extractor: str, chars: int
) -> None:
    """Record that ``text_evidence_id`` holds the extracted text of ``evidence_id``."""
    db.execute(
        "INSERT INTO evidence_text (evidence_id, text_evidence_id, extractor, chars) VALUES (?, ?, ?, ?)",
        (evidence_id, text_evidence_id, extractor, chars),
    )


def text_item_id(db: Database, evidence_id: int) -> int | None:
    """The evidence item holding the extracted text of ``evidence_id`` (None when it has none)."""
    r = db.query_one(
        "SELECT text_evidence_id FROM evidence_text WHERE evidence_id = ?", (evidence_id,)
    )
    if r is not None:
        return int(r["text_evidence_id"])
    if db.query_one("SELECT 1 AS x FROM evidence_text WHERE text_evidence_id = ?", (evidence_id,)):
        return evidence_id  # the item is itself an extracted text
    return None


def document_text(case: Case, evidence_id: int) -> str:
    """The extracted text of a document (or of a text item), as ``dadkhah show --text`` prints it."""
    item = get_evidence(case.db, evidence_id)
    text_id = text_item_id(case.db, item.id)
    if text_id is None:
        raise NotFound(f"evidence item {evidence_id} ({item.original_name}) has no extracted text")
    text_item = item if text_id == item.id else get_evidence(case.db, text_id)
    try:
        data = case.blobs.read_bytes(text_item.sha256)
    except FileNotFoundError as e:
        raise IntegrityError(f"the text file of evidence item {text_id} is missing") from e
    return data.decode("utf-8")

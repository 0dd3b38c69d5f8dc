"""Use case: full-text search over the records of active lists and the text of documents."""

from __future__ import annotations

from dadkhah.errors import InputError, one_of
from dadkhah.model.sources import SearchHit
from dadkhah.store import Case
from dadkhah.store.search import search as _search

__all__ = ["KINDS", "search"]

KINDS: tuple[str, ...] = ("record", "document")


def search(
    case: Case, query: str, *, limit: int = 50, kinds: tuple[str, ...] = KINDS
) -> list[SearchHit]:
    """Records and documents matching every word of ``query`` (Persian and Latin script alike).

    The query is normalised as the index is (Arabic/Persian letter variants, digits, diacritics,
    case); a word ending in ``*`` matches as a prefix. Records of replaced list versions are left
    out.
    """
    for kind in kinds:
        if kind not in KINDS:
            raise InputError(f"search kind {one_of(kind, KINDS)}")
    if limit < 1:
        raise InputError(f"--limit must be at least 1, not {limit}")
    return _search(case.db, query, limit=limit, kinds=kinds)

"""The full-text index over list records and documents (SQLite FTS5; PostgreSQL tsvector).

Text is normalised before it is indexed and every query is normalised the same way, so Arabic and
Persian letter variants, Persian digits, diacritics and case do not stop a match. Query words are
all required; a word ending in ``*`` matches as a prefix.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence

from dadkhah.model.sources import SearchHit
from dadkhah.names import normalize_text
from dadkhah.store.db import Database

__all__ = [
    "index_document",
    "index_records",
    "normalize_text",
    "record_bodies",
    "search",
    "search_form",
]

_WORD = re.compile(r"[^\W_]+\*?|\*", re.UNICODE)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def search_form(text: str) -> str:
    """Text as the record index holds it: normalised, words separated by single spaces.

    The records' index splits words on spaces only (it is fast), so everything that is not a
    letter or digit is turned into a space here, on the index side and the query side alike.
    """
    return _NOT_WORD.sub(" ", normalize_text(text)).strip()


def record_bodies(columns: Sequence[Sequence[str | None]], count: int) -> list[str]:
    """The indexed text of each record, from the columns of values to index.

    Each distinct value of a column is normalised once (values repeat a lot across a list).
    """
    folded = _Folded()  # shared by the columns: given names and fathers' names overlap
    normalised = [list(map(folded.__getitem__, column)) for column in columns]
    if not normalised:
        return [""] * count
    return list(map(" ".join, zip(*normalised, strict=True)))


class _Folded(dict[str | None, str]):
    """Search forms of values, each worked out on first use."""

    def __missing__(self, value: str | None) -> str:
        form = search_form(value) if value else ""
        self[value] = form
        return form


def index_records(
    db: Database, ids: Sequence[int], columns: Sequence[Sequence[str | None]]
) -> None:
    """Index list records: their ids, and the columns of their values to index (aligned with
    ``ids``). Call inside the writing transaction."""
    bodies = record_bodies(columns, len(ids))
    if db.dialect == "sqlite" and isinstance(ids, range) and ids.step == 1 and _json_each(db):
        # consecutive ids: the bodies go in as one JSON array that SQLite walks itself, a
        # statement for the whole batch instead of one per record
        db.execute(
            "INSERT INTO record_fts (rowid, body) SELECT ? + key, value FROM json_each(?)",
            (ids.start, json.dumps(bodies, ensure_ascii=False)),
        )
        return
    data = zip(ids, bodies, strict=True)
    if db.dialect == "sqlite":
        db.executemany("INSERT INTO record_fts (rowid, body) VALUES (?, ?)", data)
        return
    with (
        db.raw.cursor() as cur,
        cur.copy("COPY record_search (list_record_id, body) FROM STDIN") as cp,
    ):
        for row in data:
            cp.write_row(row)


def _json_each(db: Database) -> bool:
    """Whether this SQLite has the JSON functions (built in since 3.38; an option before)."""
    try:
        db.scalar("SELECT COUNT(*) AS n FROM json_each('[1]')")
    except sqlite3.OperationalError:
        return False
    return True


def index_document(db: Database, evidence_id: int, text: str) -> None:
    """Index the text of a document (an evidence item). Call inside the writing transaction."""
    body = normalize_text(text)
    if db.dialect == "sqlite":
        db.execute("INSERT INTO document_fts (rowid, body) VALUES (?, ?)", (evidence_id, body))
    else:
        db.execute(
            "INSERT INTO document_search (evidence_id, body) VALUES (?, ?)", (evidence_id, body)
        )


def _words(query: str) -> list[str]:
    return [w for w in _WORD.findall(normalize_text(query)) if w != "*"]


def _fts5_query(words: list[str]) -> str:
    parts = []
    for w in words:
        prefix = w.endswith("*")
        w = w.rstrip("*")
        parts.append(f'"{w}"' + ("*" if prefix else ""))
    return " AND ".join(parts)


def _tsquery(words: list[str]) -> str:
    parts = []
    for w in words:
        prefix = w.endswith("*")
        w = w.rstrip("*").replace("\\", "\\\\").replace("'", "''")
        parts.append(f"'{w}'" + (":*" if prefix else ""))
    return " & ".join(parts)


def _record_title(r: dict[str, object]) -> str:
    full = r.get("full_name")
    if full:
        return str(full)
    return " ".join(str(r[k]) for k in ("given_name", "surname") if r.get(k))


_RECORD_COLUMNS = (
    "r.id, r.record_id, r.full_name, r.given_name, r.surname, r.father_name, r.city, r.prison,"
    " vl.name AS list_name"
)


def _record_snippet(r: dict[str, object]) -> str:
    parts = [f"{k}: {r[k]}" for k in ("father_name", "city", "prison") if r.get(k)]
    return "; ".join(parts)


def search(
    db: Database, query: str, *, limit: int = 50, kinds: tuple[str, ...] = ("record", "document")
) -> list[SearchHit]:
    """Records of active lists and documents matching every word of ``query``, best first."""
    words = _words(query)
    if not words:
        return []
    hits: list[SearchHit] = []
    if db.dialect == "sqlite":
        match = _fts5_query(words)
        rec_sql = (
            f"SELECT {_RECORD_COLUMNS} FROM record_fts f"
            " JOIN list_record r ON r.id = f.rowid JOIN victim_list vl ON vl.id = r.list_id"
            " WHERE record_fts MATCH ? AND vl.active = 1 ORDER BY r.id LIMIT ?"
        )
        doc_sql = (
            "SELECT e.id, e.title, e.original_name,"
            " snippet(document_fts, 0, '[', ']', '…', 16) AS snip FROM document_fts d"
            " JOIN evidence e ON e.id = d.rowid WHERE document_fts MATCH ? ORDER BY d.rank LIMIT ?"
        )
    else:
        match = _tsquery(words)
        rec_sql = (
            f"SELECT {_RECORD_COLUMNS} FROM record_search s"
            " JOIN list_record r ON r.id = s.list_record_id JOIN victim_list vl ON vl.id = r.list_id"
            " WHERE s.tsv @@ to_tsquery('simple', ?) AND vl.active = 1"
            " ORDER BY r.id LIMIT ?"
        )
        doc_sql = (
            "SELECT e.id, e.title, e.original_name, ts_headline('simple', s.body,"
            " to_tsquery('simple', ?), 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snip"
            " FROM document_search s JOIN evidence e ON e.id = s.evidence_id"
            " WHERE s.tsv @@ to_tsquery('simple', ?)"
            " ORDER BY ts_rank(s.tsv, to_tsquery('simple', ?)) DESC LIMIT ?"
        )
    if "record" in kinds:
        for r in db.query(rec_sql, (match, limit)):
            hits.append(
                SearchHit(
                    kind="record",
                    id=int(r["id"]),
                    title=_record_title(dict(r)),
                    snippet=_record_snippet(dict(r)),
                    list_name=r["list_name"],
                    record_id=r["record_id"],
                )
            )
    if "document" in kinds:
        params: tuple[object, ...] = (
            (match, limit) if db.dialect == "sqlite" else (match,) * 3 + (limit,)
        )
        for r in db.query(doc_sql, params):
            hits.append(
                SearchHit(
                    kind="document",
                    id=int(r["id"]),
                    title=r["title"] or r["original_name"] or f"evidence {r['id']}",
                    snippet=r["snip"] or "",
                )
            )
    return hits

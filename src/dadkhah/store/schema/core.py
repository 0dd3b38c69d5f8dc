"""Tables of the ``core`` component: sources, evidence, custody, lists, records, audit log."""

from __future__ import annotations

import json

from dadkhah.store.db import Database
from dadkhah.store.migrations import Migration

_V1 = """
CREATE TABLE source (
  id {id},
  title TEXT NOT NULL,
  originator TEXT,
  source_type TEXT NOT NULL DEFAULT 'other',
  language TEXT,
  date_text TEXT,
  date_start TEXT,
  date_end TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  knowledge TEXT,
  reliability TEXT,
  notes TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE evidence (
  id {id},
  sha256 TEXT NOT NULL UNIQUE,
  size {bigint} NOT NULL,
  media_type TEXT NOT NULL,
  original_name TEXT,
  title TEXT,
  received_at TEXT NOT NULL,
  derived_from BIGINT REFERENCES evidence(id),
  operation TEXT,
  source_id BIGINT REFERENCES source(id),
  confidentiality TEXT NOT NULL DEFAULT 'restricted'
);

CREATE TABLE custody_event (
  id {id},
  evidence_id BIGINT NOT NULL REFERENCES evidence(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX custody_event_evidence ON custody_event(evidence_id);

CREATE TABLE victim_list (
  id {id},
  name TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  source_id BIGINT REFERENCES source(id),
  evidence_id BIGINT REFERENCES evidence(id),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  record_count INTEGER NOT NULL DEFAULT 0,
  columns TEXT NOT NULL DEFAULT '[]',
  mapping TEXT NOT NULL DEFAULT '{}',
  ids_generated INTEGER NOT NULL DEFAULT 0,
  superseded_by BIGINT REFERENCES victim_list(id),
  UNIQUE (name, version)
);

CREATE TABLE list_record (
  id {id},
  list_id BIGINT NOT NULL REFERENCES victim_list(id),
  record_id TEXT NOT NULL,
  line INTEGER,
  raw TEXT NOT NULL,
  full_name TEXT,
  given_name TEXT,
  surname TEXT,
  father_name TEXT,
  sex TEXT,
  birth_date TEXT,
  birth_place TEXT,
  city TEXT,
  province TEXT,
  prison TEXT,
  death_date TEXT,
  death_place TEXT,
  affiliation TEXT,
  source_ref TEXT,
  notes TEXT,
  UNIQUE (list_id, record_id)
);
CREATE INDEX list_record_list ON list_record(list_id);

CREATE TABLE audit_log (
  id {id},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
)
"""

MIGRATIONS: list[Migration] = [
    Migration("core", 1, "sources, evidence, custody, lists, records, audit log", _V1),
]

# v2: imports of files into lists (a list grows with --append), extracted text of documents,
# and the full-text search index over list records and documents. The index holds text that was
# normalised (Persian letter variants, digits, diacritics) before it was stored; queries are
# normalised the same way.
_V2_COMMON = """
CREATE TABLE list_import (
  id {id},
  list_id BIGINT NOT NULL REFERENCES victim_list(id),
  evidence_id BIGINT NOT NULL REFERENCES evidence(id),
  mode TEXT NOT NULL,
  file_name TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  ids_generated INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE INDEX list_import_evidence ON list_import(evidence_id);
CREATE INDEX list_import_list ON list_import(list_id);
ALTER TABLE list_record ADD COLUMN import_id BIGINT REFERENCES list_import(id);
CREATE INDEX victim_list_name ON victim_list(name);
CREATE INDEX evidence_derived_from ON evidence(derived_from);

CREATE TABLE evidence_text (
  evidence_id BIGINT PRIMARY KEY REFERENCES evidence(id),
  text_evidence_id BIGINT NOT NULL REFERENCES evidence(id),
  extractor TEXT NOT NULL,
  chars INTEGER NOT NULL
);
"""

_V2_SQLITE = (
    _V2_COMMON
    + """
CREATE VIRTUAL TABLE record_fts USING fts5(
  body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE document_fts USING fts5(
  body, tokenize='unicode61 remove_diacritics 2'
)
"""
)

_V2_POSTGRES = (
    _V2_COMMON
    + """
CREATE TABLE record_search (
  list_record_id BIGINT PRIMARY KEY REFERENCES list_record(id),
  body TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX record_search_tsv ON record_search USING GIN (tsv);
CREATE TABLE document_search (
  evidence_id BIGINT PRIMARY KEY REFERENCES evidence(id),
  body TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX document_search_tsv ON document_search USING GIN (tsv)
"""
)

MIGRATIONS.append(
    Migration(
        "core",
        2,
        "list imports, extracted document text, full-text search index",
        sqlite_sql=_V2_SQLITE,
        postgres_sql=_V2_POSTGRES,
    )
)


# v3: a leaner index of list records, so that large lists import fast. On SQLite the records'
# full-text table keeps neither positions nor sizes (queries are words and prefixes, found in file
# order) and splits words on ASCII separators only: its text is normalised and reduced to letters,
# digits and spaces before it is stored (dadkhah.store.search.search_form). It is rebuilt from the
# stored records. The index list_record_list goes: the
# UNIQUE (list_id, record_id) index serves the same lookups.
_V3_SQLITE = """
DROP INDEX IF EXISTS list_record_list;
DROP TABLE record_fts;
CREATE VIRTUAL TABLE record_fts USING fts5(
  body, content='', detail=none, columnsize=0, tokenize='ascii'
)
"""

_V3_POSTGRES = """
DROP INDEX IF EXISTS list_record_list
"""


def _reindex_records(db: Database) -> None:
    if db.dialect != "sqlite":
        return
    from dadkhah.store.search import index_records

    rows = db.query("SELECT id, raw FROM list_record ORDER BY id")
    ids = [int(r["id"]) for r in rows]
    index_records(db, ids, [[" ".join(_raw_values(r["raw"])) for r in rows]])


def _raw_values(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [str(v) for k, v in data.items() if v not in (None, "") and k not in _UNINDEXED]


_UNINDEXED = {"record_id", "sex", "birth_date", "death_date", "source_ref"}

MIGRATIONS.append(
    Migration(
        "core",
        3,
        "leaner full-text index of list records",
        sqlite_sql=_V3_SQLITE,
        postgres_sql=_V3_POSTGRES,
        run=_reindex_records,
    )
)

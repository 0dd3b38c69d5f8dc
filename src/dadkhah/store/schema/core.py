"""Tables of the ``core`` component: sources, evidence, custody, lists, records, audit log."""

from __future__ import annotations

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

"""Tables of the ``link`` component: persons and the link of each list record to its person.

``person`` is the one table of people in a case: victims found by linkage, and persons added by
hand or through accounts of responsibility (perpetrators, witnesses). A person's role is never a
column: it comes from what links to the person (records, acts, postings).
"""

from __future__ import annotations

from dadkhah.store.migrations import Migration

_V1 = """
CREATE TABLE person (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  display_name TEXT,
  display_name_latin TEXT,
  sex TEXT,
  birth_year_from INTEGER,
  birth_year_to INTEGER,
  city TEXT,
  province TEXT,
  origin TEXT NOT NULL DEFAULT 'linkage',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE record_person (
  list_record_id BIGINT PRIMARY KEY REFERENCES list_record(id),
  person_id BIGINT NOT NULL REFERENCES person(id),
  match_probability {float},
  run_id BIGINT,
  decided_by TEXT
);
CREATE INDEX record_person_person ON record_person(person_id)
"""

MIGRATIONS: list[Migration] = [
    Migration("link", 1, "persons and record-to-person links", _V1),
]

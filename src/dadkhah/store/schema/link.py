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

_V2 = """
CREATE TABLE link_run (
  id {id},
  started_at TEXT NOT NULL,
  finished_at TEXT,
  actor TEXT NOT NULL,
  engine TEXT NOT NULL,
  settings TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  version TEXT NOT NULL,
  seed INTEGER,
  record_count INTEGER NOT NULL DEFAULT 0,
  person_count INTEGER NOT NULL DEFAULT 0,
  pair_count INTEGER NOT NULL DEFAULT 0,
  review_count INTEGER NOT NULL DEFAULT 0,
  auto_links INTEGER NOT NULL DEFAULT 0,
  kept_persons INTEGER NOT NULL DEFAULT 0,
  new_persons INTEGER NOT NULL DEFAULT 0,
  retired_persons INTEGER NOT NULL DEFAULT 0,
  decisions_applied INTEGER NOT NULL DEFAULT 0,
  timings TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE link_model (
  id {id},
  run_id BIGINT NOT NULL REFERENCES link_run(id),
  model TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX link_model_run ON link_model(run_id);

CREATE TABLE link_decision (
  id {id},
  record_a BIGINT NOT NULL REFERENCES list_record(id),
  record_b BIGINT NOT NULL REFERENCES list_record(id),
  verdict TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  note TEXT,
  review_id BIGINT,
  revoked_at TEXT,
  revoked_by TEXT
);
CREATE INDEX link_decision_pair ON link_decision(record_a, record_b);

CREATE TABLE link_review (
  id {id},
  run_id BIGINT NOT NULL REFERENCES link_run(id),
  record_a BIGINT NOT NULL REFERENCES list_record(id),
  record_b BIGINT NOT NULL REFERENCES list_record(id),
  match_probability {float},
  reason TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  decision_id BIGINT REFERENCES link_decision(id)
);
CREATE INDEX link_review_status ON link_review(status)
"""

MIGRATIONS.append(
    Migration("link", 2, "linkage runs, trained models, review queue and reviewer decisions", _V2)
)

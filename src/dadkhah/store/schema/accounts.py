"""Tables of the ``accounts`` component (see dadkhah.store.migrations).

Accounts of responsibility: organisations, posts, sites, events, acts, and the claims made about
them, each claim backed by citations into sources. Persons live in the ``person`` table of the
``link`` component (one table for victims, perpetrators and witnesses alike).

An entity reference is a pair (``*_type``, ``*_id``) where the type is one of ``person``,
``organization``, ``post``, ``site``, ``event``, ``act``: claims link entities of any kind.
"""

from __future__ import annotations

from dadkhah.store.migrations import Migration

_V1 = """
CREATE TABLE organization (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  org_type TEXT NOT NULL,
  country TEXT,
  notes TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE post (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  organization_id BIGINT REFERENCES organization(id),
  notes TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX post_organization ON post(organization_id);

CREATE TABLE site (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  site_type TEXT NOT NULL,
  geometry TEXT,
  coordinate_precision TEXT,
  precision_m {float},
  location_method TEXT,
  place TEXT,
  notes TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE event (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  event_type TEXT,
  parent_id BIGINT REFERENCES event(id),
  site_id BIGINT REFERENCES site(id),
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT,
  date_text TEXT,
  notes TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX event_parent ON event(parent_id);

CREATE TABLE act (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  act_type TEXT NOT NULL,
  victim_id BIGINT REFERENCES person(id),
  event_id BIGINT REFERENCES event(id),
  site_id BIGINT REFERENCES site(id),
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT,
  date_text TEXT,
  notes TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX act_victim ON act(victim_id);
CREATE INDEX act_event ON act(event_id);

CREATE TABLE claim (
  id {id},
  uid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  subject_type TEXT,
  subject_id BIGINT,
  object_type TEXT,
  object_id BIGINT,
  value_text TEXT,
  value_number {float},
  value_low {float},
  value_high {float},
  quantity TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT,
  date_text TEXT,
  status TEXT NOT NULL DEFAULT 'work needed',
  confidence TEXT,
  confidence_note TEXT,
  researcher TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'restricted',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX claim_subject ON claim(subject_type, subject_id);
CREATE INDEX claim_object ON claim(object_type, object_id);
CREATE INDEX claim_kind ON claim(kind);

CREATE TABLE citation (
  id {id},
  claim_id BIGINT REFERENCES claim(id),
  entity_type TEXT,
  entity_id BIGINT,
  source_id BIGINT NOT NULL REFERENCES source(id),
  evidence_id BIGINT REFERENCES evidence(id),
  page TEXT,
  paragraph TEXT,
  line TEXT,
  time_start TEXT,
  time_end TEXT,
  table_cell TEXT,
  quote TEXT,
  char_start INTEGER,
  char_end INTEGER,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX citation_claim ON citation(claim_id);
CREATE INDEX citation_entity ON citation(entity_type, entity_id);
CREATE INDEX citation_source ON citation(source_id)
"""

MIGRATIONS: list[Migration] = [
    Migration(
        "accounts",
        1,
        "organisations, posts, sites, events, acts, claims and citations",
        _V1,
    ),
]

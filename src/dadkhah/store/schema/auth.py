"""Tables of the ``auth`` component: users of the web workbench, their sessions and login attempts.

``app_user`` holds one row per person who may log in to a case: an argon2 password hash (never the
password), a role, an optional TOTP secret and the interface language. ``web_session`` stores only
the SHA-256 of each session token, so a copy of the database does not let anyone log in.
``login_attempt`` feeds the login rate limit and is kept as a record of who tried.
"""

from __future__ import annotations

from dadkhah.store.migrations import Migration

_V1 = """
CREATE TABLE app_user (
  id {id},
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  password_hash TEXT,
  totp_secret TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE web_session (
  token_sha256 TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  ip TEXT,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX web_session_user ON web_session(user_id);

CREATE TABLE login_attempt (
  id {id},
  username TEXT NOT NULL,
  ip TEXT,
  at TEXT NOT NULL,
  success INTEGER NOT NULL,
  reason TEXT
);
CREATE INDEX login_attempt_username ON login_attempt(username, at);
CREATE INDEX login_attempt_ip ON login_attempt(ip, at)
"""

MIGRATIONS: list[Migration] = [
    Migration("auth", 1, "web users, sessions and login attempts", _V1),
]

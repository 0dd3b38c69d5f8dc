"""Versioned schema migrations, per component.

Each component of Dadkhah that keeps tables (``core``, ``link``, ``accounts``, ``auth``,
``estimate``) declares an ordered list of :class:`Migration` in ``dadkhah.store.schema.<component>``.
:func:`migrate` applies, in component order, every migration not yet recorded in
``schema_migrations``. Migrations are append-only: a released migration is never edited; a change
is a new migration with the next version number.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from dadkhah.store.db import Database

__all__ = ["Migration", "applied_versions", "migrate"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step. ``sql`` is a DDL script with type tokens; ``run`` is for data moves."""

    component: str
    version: int
    description: str
    sql: str = ""
    postgres_sql: str | None = None  # when PostgreSQL needs different DDL (e.g. full-text search)
    sqlite_sql: str | None = None
    run: Callable[[Database], None] | None = None


_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
  component TEXT NOT NULL,
  version INTEGER NOT NULL,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (component, version)
)
"""


def applied_versions(db: Database) -> dict[str, int]:
    """The highest applied version of each component."""
    if not db.table_exists("schema_migrations"):
        return {}
    rows = db.query("SELECT component, MAX(version) AS v FROM schema_migrations GROUP BY component")
    return {r["component"]: int(r["v"]) for r in rows}


def migrate(db: Database, migrations: Sequence[Migration] | None = None) -> list[Migration]:
    """Apply every pending migration in one transaction; return those applied."""
    if migrations is None:
        from dadkhah.store.schema import all_migrations

        migrations = all_migrations()
    with db.transaction():
        db.script(_LEDGER)
        done = applied_versions(db)
        applied: list[Migration] = []
        for m in migrations:
            if m.version <= done.get(m.component, 0):
                continue
            specific = m.postgres_sql if db.dialect == "postgresql" else m.sqlite_sql
            ddl = specific if specific is not None else m.sql
            if ddl:
                db.script(ddl)
            if m.run is not None:
                m.run(db)
            db.execute(
                "INSERT INTO schema_migrations (component, version, description, applied_at)"
                " VALUES (?, ?, ?, ?)",
                (m.component, m.version, m.description, datetime.now(UTC).isoformat()),
            )
            done[m.component] = m.version
            applied.append(m)
            log.info("applied migration %s/%d: %s", m.component, m.version, m.description)
    return applied

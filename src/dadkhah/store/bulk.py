"""Bulk inserts on SQLite: many rows per INSERT statement.

Each statement SQLite runs has a fixed cost (binding aside: starting and finishing the statement,
foreign-key and autoincrement bookkeeping, and, in Python's sqlite3, a round trip through the
driver). Writing a hundred rows per ``INSERT … VALUES (…), (…), …`` pays it once per hundred
rows, which takes about a third off the time of storing a large list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from dadkhah.store.db import Database

__all__ = ["ROWS_PER_STATEMENT", "insert_rows"]

ROWS_PER_STATEMENT = 100


def _rows_per_statement(db: Database, width: int) -> int:
    try:
        limit = int(db.raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        limit = 999  # the smallest limit SQLite has ever had
    return max(1, min(ROWS_PER_STATEMENT, limit // max(1, width)))


def insert_rows(
    db: Database, head: str, values: str, width: int, rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (each of ``width`` values) on SQLite.

    ``head`` is the statement up to ``VALUES`` (``"INSERT INTO t (a, b) VALUES "``) and
    ``values`` the group of one row (``"(?, ?)"``, which may hold literals besides the marks).
    """
    if db.dialect != "sqlite":
        raise ValueError("insert_rows is for SQLite; PostgreSQL uses COPY")
    batch = rows if isinstance(rows, list) else list(rows)
    per = _rows_per_statement(db, width)
    full = len(batch) - len(batch) % per
    flat = chain.from_iterable
    if full:
        db.executemany(
            head + ", ".join([values] * per),
            (tuple(flat(batch[i : i + per])) for i in range(0, full, per)),
        )
    if full < len(batch):
        db.execute(head + ", ".join([values] * (len(batch) - full)), tuple(flat(batch[full:])))

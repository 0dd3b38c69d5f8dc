"""Bulk inserts on SQLite: many rows per INSERT statement.

Each statement SQLite runs has a fixed cost (binding aside: starting and finishing the statement,
foreign-key and autoincrement bookkeeping, and, in Python's sqlite3, a round trip through the
driver). Writing a hundred rows per ``INSERT … VALUES (…), (…), …`` pays it once per hundred
rows, which takes about a third off the time of storing a large list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
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


def insert_rows(db: Database, head: str, values: str, columns: Sequence[Sequence[Any]]) -> None:
    """Insert rows given a column at a time (all columns of the same length) on SQLite.

    ``head`` is the statement up to ``VALUES`` (``"INSERT INTO t (a, b) VALUES "``) and
    ``values`` the group of one row (``"(?, ?)"``, which may hold literals besides the marks).
    The values are laid out row after row in one flat list by slice assignment, so no tuple is
    made per row; each statement binds a slice of it.
    """
    if db.dialect != "sqlite":
        raise ValueError("insert_rows is for SQLite; PostgreSQL uses COPY")
    width = len(columns)
    count = len(columns[0]) if columns else 0
    if not count:
        return
    flat: list[Any] = [None] * (count * width)
    for k, column in enumerate(columns):
        flat[k::width] = column
    per = _rows_per_statement(db, width)
    step = per * width
    full = (count - count % per) * width
    if full:
        sql = head + ", ".join([values] * per)
        db.executemany(sql, (flat[i : i + step] for i in range(0, full, step)))
    if full < len(flat):
        db.execute(head + ", ".join([values] * (count - full // width)), flat[full:])

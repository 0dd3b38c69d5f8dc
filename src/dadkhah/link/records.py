"""Reading the records to link from a case: every record of every active list."""

from __future__ import annotations

import hashlib

import pandas as pd

from dadkhah.link.features import RECORD_COLUMNS
from dadkhah.store import Database

__all__ = ["ACTIVE_RECORDS_SQL", "input_hash", "load_records"]

ACTIVE_RECORDS_SQL = (
    "SELECT r.id AS unique_id, l.name AS list_name, r.record_id, "
    + ", ".join(f"r.{c}" for c in RECORD_COLUMNS)
    + " FROM list_record r JOIN victim_list l ON l.id = r.list_id"
    " WHERE l.active = 1 AND l.superseded_by IS NULL ORDER BY r.id"
)


def load_records(db: Database) -> pd.DataFrame:
    """One row per record of the active lists, ``unique_id`` being ``list_record.id``."""
    rows = list(db.iterate(ACTIVE_RECORDS_SQL))
    cols = ["unique_id", "list_name", "record_id", *RECORD_COLUMNS]
    df = pd.DataFrame(rows, columns=cols)
    df["unique_id"] = df["unique_id"].astype("int64")
    return df


def input_hash(records: pd.DataFrame, decisions: list[tuple[int, int, str]]) -> str:
    """SHA-256 of everything a run reads: the records' fields and the binding decisions."""
    h = hashlib.sha256()
    cols = ["unique_id", "list_name", "record_id", *RECORD_COLUMNS]
    for row in records[cols].itertuples(index=False):
        h.update("\x1f".join("" if v is None else str(v) for v in row).encode("utf-8"))
        h.update(b"\x1e")
    for a, b, verdict in sorted(decisions):
        h.update(f"{a}\x1f{b}\x1f{verdict}\x1e".encode())
    return h.hexdigest()

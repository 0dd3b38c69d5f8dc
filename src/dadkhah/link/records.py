"""Reading the records to link from a case: every record of every active list.

Besides the standard fields, linkage uses a few optional columns some lists carry
(:data:`dadkhah.link.features.EXTRA_COLUMNS`: postcode, occupation, e-mail; and ``age``, the age
at death, which gives a birth-year range where no birth date is given). The list format keeps
them only in each record's ``raw`` row, so they are read from there: the column the list's
mapping file renamed to the extra's name, else a column whose own name is the extra's name or a
usual alias of it (``zip``, ``profession``, ``e-mail`` ...), compared without case, spaces,
hyphens or underscores.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import pandas as pd

from dadkhah.link.features import EXTRA_COLUMNS, RECORD_COLUMNS
from dadkhah.store import Database

__all__ = ["ACTIVE_RECORDS_SQL", "EXTRA_ALIASES", "OPTIONAL_COLUMNS", "input_hash", "load_records"]

log = logging.getLogger(__name__)

ACTIVE_RECORDS_SQL = (
    "SELECT r.id AS unique_id, l.name AS list_name, r.record_id, "
    + ", ".join(f"r.{c}" for c in RECORD_COLUMNS)
    + ", r.list_id, r.raw FROM list_record r JOIN victim_list l ON l.id = r.list_id"
    " WHERE l.active = 1 AND l.superseded_by IS NULL ORDER BY r.id"
)
_LISTS_SQL = (
    "SELECT id, columns, mapping FROM victim_list WHERE active = 1 AND superseded_by IS NULL"
)

# the names (after folding) under which a list may carry each extra column
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "postcode": ("postcode", "postalcode", "zip", "zipcode", "plz"),
    "occupation": ("occupation", "profession", "job", "trade"),
    "email": ("email", "emailaddress", "mail"),
    "age": ("age", "ageatdeath", "سن"),
}
# the optional columns read from the raw rows
OPTIONAL_COLUMNS: tuple[str, ...] = (*EXTRA_COLUMNS, "age")


def _fold(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _load(text: Any, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except (TypeError, ValueError):
        return default


def _extra_sources(columns: list[str], mapping: dict[str, Any]) -> dict[str, str]:
    """For one list: extra column → the list's own column holding it."""
    renamed = mapping.get("columns") if isinstance(mapping, dict) else None
    out: dict[str, str] = {}
    for extra in OPTIONAL_COLUMNS:
        if isinstance(renamed, dict):
            found = [orig for orig, new in renamed.items() if _fold(str(new)) == _fold(extra)]
            if found:
                out[extra] = str(found[0])
                continue
        aliases = EXTRA_ALIASES.get(extra, (extra,))
        for alias in aliases:  # the first alias in order of preference
            hit = next((c for c in columns if _fold(c) == alias), None)
            if hit is not None:
                out[extra] = hit
                break
    return out


def load_records(db: Database) -> pd.DataFrame:
    """One row per record of the active lists, ``unique_id`` being ``list_record.id``.

    The extra columns are present (possibly all missing) whenever some list carries them.
    """
    sources: dict[int, dict[str, str]] = {}
    for row in db.query(_LISTS_SQL):
        columns = [str(c) for c in _load(row["columns"], [])]
        found = _extra_sources(columns, _load(row["mapping"], {}))
        if found:
            sources[int(row["id"])] = found
            log.info("list %s: linkage reads %s", row["id"], found)
    cols = ["unique_id", "list_name", "record_id", *RECORD_COLUMNS]
    wanted = [e for e in OPTIONAL_COLUMNS if any(e in s for s in sources.values())]
    rows: list[list[Any]] = []
    for row in db.iterate(ACTIVE_RECORDS_SQL):
        values = [row[c] for c in cols]
        held = sources.get(int(row["list_id"]))
        if wanted:
            raw = _load(row["raw"], {}) if held else {}
            for extra in wanted:
                src = held.get(extra) if held else None
                value = raw.get(src) if src is not None and isinstance(raw, dict) else None
                text = str(value).strip() if value is not None else ""
                values.append(text or None)
        rows.append(values)
    df = pd.DataFrame(rows, columns=[*cols, *wanted])
    df["unique_id"] = df["unique_id"].astype("int64")
    return df


def input_hash(records: pd.DataFrame, decisions: list[tuple[int, int, str]]) -> str:
    """SHA-256 of everything a run reads: the records' fields and the binding decisions."""
    h = hashlib.sha256()
    cols = ["unique_id", "list_name", "record_id", *RECORD_COLUMNS]
    cols += [e for e in OPTIONAL_COLUMNS if e in records.columns]
    for row in records[cols].itertuples(index=False):
        h.update("\x1f".join("" if v is None else str(v) for v in row).encode("utf-8"))
        h.update(b"\x1e")
    for a, b, verdict in sorted(decisions):
        h.update(f"{a}\x1f{b}\x1f{verdict}\x1e".encode())
    return h.hexdigest()

"""From list records to comparison features: normalised names, keys, year and day ranges.

Every record becomes one row of plain columns that any SQL backend can compare with ``=``,
``levenshtein`` and arithmetic, so the same features serve DuckDB and Spark. The name columns
come from :mod:`dadkhah.link.name_features`, the date columns from
:mod:`dadkhah.link.date_features`; places, sex and the optional columns are read here.

=================  ==========================================================================
column             meaning
=================  ==========================================================================
given_k1/k2        coarse (cross-script) and fine key of the given name
surname_k1/k2      the same for the surname
father_k1/k2       the same for the father's name
name_k1            coarse key of the whole name, the smaller of given+surname and
                   surname+given: equal when the parts are swapped or split differently
name_k2            fine given + surname key
given_p/surname_p  first two letters of the coarse keys (blocking despite a later typo)
given_a/surname_a  the letters of the coarse keys in sorted order: equal, with the keys two
                   edits apart, when two neighbouring letters were swapped (Ebrahim/Erbahim)
name_a             the letters of given + surname key in sorted order (blocking: meets a name
                   whose word break moved, whose parts swapped, or with two letters swapped)
given_dict         dictionary (Persian) form of a known given name, else null; same for
surname_dict       the surname: known names with other forms are other names
father_common      1 when the father's name is common (Mohammad, Ali...), else 0
sex                ``M`` / ``F`` or null
birth_from/to      birth year range (a Solar Hijri year covers two Gregorian years)
                   (from an ``age`` column and the death date when no birth date is given)
birth_year         the year of the middle of a range at most a year wide (blocking), else null
birth_day          day number when the full birth date is known
death_from/to      death date range as day numbers
city_key           place id from the gazetteer, or the place's coarse key
prison_key         the same for the prison
=================  ==========================================================================
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dadkhah import names, places
from dadkhah.link.date_features import (
    birth_columns,
    death_columns,
    fill_birth_from_age,
)
from dadkhah.link.name_features import name_columns, surname_first_flags

__all__ = ["FEATURE_COLUMNS", "RECORD_COLUMNS", "TEXT_COLUMNS", "build_features"]

log = logging.getLogger(__name__)

RECORD_COLUMNS: tuple[str, ...] = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_date",
    "birth_place",
    "city",
    "province",
    "prison",
    "death_date",
)

FEATURE_COLUMNS: tuple[str, ...] = (
    "unique_id",
    "given_k1",
    "given_k2",
    "surname_k1",
    "surname_k2",
    "father_k1",
    "father_k2",
    "name_k1",
    "name_k2",
    "given_p",
    "surname_p",
    "given_a",
    "surname_a",
    "name_a",
    "sex",
    "birth_from",
    "birth_to",
    "birth_year",
    "birth_day",
    "death_from",
    "death_to",
    "city_key",
    "prison_key",
    "given_dict",
    "surname_dict",
    "father_common",
    "postcode_key",
    "occupation_key",
    "email_key",
)

# optional columns some lists carry beyond the standard list format; used when present
EXTRA_COLUMNS: tuple[str, ...] = ("postcode", "occupation", "email")

# kept beside the features for the cannot-link rules, never sent to the SQL engine
TEXT_COLUMNS: tuple[str, ...] = ("given_text", "surname_text", "father_text", "full_text")

_SEX = {
    "m": "M", "male": "M", "man": "M", "h": "M", "مرد": "M", "مذکر": "M", "پسر": "M",
    "f": "F", "female": "F", "woman": "F", "زن": "F", "مونث": "F", "مؤنث": "F", "دختر": "F",
}  # fmt: skip


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


@lru_cache(maxsize=50_000)
def _place_key(text: str, kind: Any = None) -> str:
    if not text:
        return ""
    place = places.resolve_place(text, kind)
    if place is not None:
        return f"place:{place.id}"
    return names.match_key(text)


def _plain_key(text: str) -> str | None:
    """Lower case, letters and digits only: " TQ13 8DF " and "tq138df" give one key."""
    key = "".join(ch for ch in text.lower() if ch.isalnum())
    return key or None


def _letters(key: Any) -> str | None:
    """A key's letters in sorted order (the same for two keys that differ by a swap)."""
    return "".join(sorted(key)) if isinstance(key, str) and key else None


def _sex(text: str) -> str:
    return _SEX.get(text.lower(), "") if text else ""


def _column(records: pd.DataFrame, name: str) -> pd.Series:
    if name not in records.columns:
        return pd.Series([""] * len(records), index=records.index, dtype=object)
    return records[name].map(_text, na_action="ignore").fillna("").astype(object)


def _per_unique(
    keys: pd.Series, fn: Callable[..., dict[str, Any]], *parts: pd.Series
) -> pd.DataFrame:
    """Apply ``fn`` once per distinct value of ``keys`` and spread the result to every row."""
    codes, uniques = pd.factorize(keys, sort=False)
    first = np.zeros(len(uniques), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    columns = [p.tolist() for p in parts]
    rows = [fn(*(c[i] for c in columns)) for i in first.tolist()]
    table = pd.DataFrame(rows)
    return table.iloc[codes].reset_index(drop=True)


def build_features(
    records: pd.DataFrame, *, progress: Callable[[int], None] | None = None
) -> pd.DataFrame:
    """One feature row per record. ``records`` needs ``unique_id`` and any of RECORD_COLUMNS.

    Work is done once per distinct value (names, dates and places repeat a lot), so a million
    records cost about as much as their distinct spellings.
    """
    n = len(records)
    if n == 0:
        return pd.DataFrame(columns=[*FEATURE_COLUMNS, *TEXT_COLUMNS])
    cols = {c: _column(records, c).reset_index(drop=True) for c in RECORD_COLUMNS}
    order = surname_first_flags(records, cols)
    name_key = (
        order
        + "\x1f"
        + cols["given_name"]
        + "\x1f"
        + cols["surname"]
        + "\x1f"
        + cols["father_name"]
        + "\x1f"
        + cols["full_name"]
    )
    parts = [
        _per_unique(
            name_key,
            name_columns,
            cols["given_name"],
            cols["surname"],
            cols["father_name"],
            cols["full_name"],
            order,
        ),
        _per_unique(cols["birth_date"], birth_columns, cols["birth_date"]),
        _per_unique(cols["death_date"], death_columns, cols["death_date"]),
    ]
    if progress is not None:
        progress(n)
    place = cols["city"].where(cols["city"] != "", cols["birth_place"])
    feats = pd.concat(parts, axis=1)
    feats["unique_id"] = records["unique_id"].to_numpy()
    for part in ("given", "surname"):
        feats[f"{part}_a"] = feats[f"{part}_k1"].map(_letters)
    both = feats["given_k1"].notna() & feats["surname_k1"].notna()
    whole = feats["given_k1"].where(both, "") + feats["surname_k1"].where(both, "")
    feats["name_a"] = whole.map(_letters)
    feats["sex"] = cols["sex"].map(lambda v: _sex(v) or None)
    feats["city_key"] = place.map(lambda v: _place_key(v) or None)
    feats["prison_key"] = cols["prison"].map(lambda v: _place_key(v, "prison") or None)
    for extra in EXTRA_COLUMNS:
        feats[f"{extra}_key"] = _column(records, extra).reset_index(drop=True).map(_plain_key)
    if "age" in records.columns:
        fill_birth_from_age(feats, _column(records, "age").reset_index(drop=True))
    feats = feats[[*FEATURE_COLUMNS, *TEXT_COLUMNS]]
    for c in (
        "birth_from",
        "birth_to",
        "birth_year",
        "birth_day",
        "death_from",
        "death_to",
        "father_common",
    ):
        feats[c] = feats[c].astype("Int64")
    log.info("built features for %d records", len(feats))
    return feats

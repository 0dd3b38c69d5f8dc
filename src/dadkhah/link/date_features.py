"""Date features of a record: birth and death dates as year and day ranges, and an age.

Days are counted from 1 January 1900 (:data:`EPOCH`), so that every backend can compare them
with plain arithmetic; a date known only to the year, season or month is a range of days.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dadkhah import dates, names

__all__ = [
    "EPOCH",
    "MAX_AGE",
    "birth_columns",
    "death_columns",
    "fill_birth_from_age",
    "parse_age",
    "year_of",
]

EPOCH = date(1900, 1, 1).toordinal()


def year_of(day: int) -> int:
    """The Gregorian year of a day index (days since 1 January 1900)."""
    return date.fromordinal(day + EPOCH).year


_YEAR_ONLY = re.compile(r"^((?:1[0-9]|20)[0-9]{2})[-/.]")
_AGE = re.compile(r"(?<![0-9])([0-9]{1,3})(?![0-9])")
MAX_AGE = 110


def parse_age(text: str) -> int | None:
    """Age in whole years from a list's age cell ("32", "۳۲", "32 years", "۳۲ ساله"), else None.

    A cell holding more than one number ("30-35") or a number above :data:`MAX_AGE` says too
    little to be used.
    """
    found = _AGE.findall(names.to_ascii_digits(text)) if text else []
    if len(found) != 1:
        return None
    age = int(found[0])
    return age if age <= MAX_AGE else None


def fill_birth_from_age(feats: pd.DataFrame, ages: pd.Series) -> None:
    """Fill the birth-year range from the age at death where a record has no birth date.

    Someone aged ``a`` at a death in year ``y`` was born in ``y - a - 1`` or ``y - a``.
    """
    age = ages.map(parse_age)
    use = (age.notna() & feats["birth_from"].isna() & feats["death_from"].notna()).to_numpy()
    if not use.any():
        return
    rows = np.flatnonzero(use)
    years = age.to_numpy()[rows].astype(np.int64)
    first = [year_of(int(d)) for d in feats["death_from"].to_numpy()[rows]]
    last = [year_of(int(d)) for d in feats["death_to"].to_numpy()[rows]]
    mask = pd.Series(use, index=feats.index)
    feats.loc[mask, "birth_from"] = np.asarray(first, dtype=np.int64) - years - 1
    feats.loc[mask, "birth_to"] = np.asarray(last, dtype=np.int64) - years


@lru_cache(maxsize=100_000)
def _date_range(text: str) -> tuple[int, int, int, int] | None:
    """(year_from, year_to, day_from, day_to) of a date text, or None."""
    if not text:
        return None
    r = dates.parse_date(text)
    if r is None and len(text) == 8 and text.isdigit():  # compact ISO date: 19420127
        r = dates.parse_date(f"{text[:4]}-{text[4:6]}-{text[6:]}")
    if r is None:
        m = _YEAR_ONLY.match(text)  # a damaged date whose year is still legible: 1858-71-09
        r = dates.parse_date(m.group(1)) if m else None
    if r is None:
        return None
    return r.start.year, r.end.year, r.start.toordinal() - EPOCH, r.end.toordinal() - EPOCH


def _blocking_year(r: tuple[int, int, int, int]) -> int | None:
    """The year of the middle day of a birth range at most a year wide, else None.

    A Solar Hijri year (1312 = 21 March 1933 to 20 March 1934) spans two Gregorian years but
    still names one birth year: its key is the year holding most of it (1933), the key the
    Gregorian year 1933 gets too.
    """
    if r[3] - r[2] > 366:
        return None
    return year_of((r[2] + r[3]) // 2)


def birth_columns(text: str) -> dict[str, Any]:
    r = _date_range(text)
    if r is None:
        return {"birth_from": None, "birth_to": None, "birth_year": None, "birth_day": None}
    return {
        "birth_from": r[0],
        "birth_to": r[1],
        "birth_year": _blocking_year(r),
        "birth_day": r[2] if r[2] == r[3] else None,
    }


def death_columns(text: str) -> dict[str, Any]:
    r = _date_range(text)
    return {"death_from": r[2] if r else None, "death_to": r[3] if r else None}

"""Dates as lists write them: Solar Hijri or Gregorian, exact or partial, Persian or ASCII digits.

Conversion to Solar Hijri is vectorised: the Gregorian date of each Nowruz (1 Farvardin) comes
from jdatetime once; a day's Solar Hijri year, month and day follow by arithmetic.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jdatetime
import numpy as np

from dadkhah.dates import SOLAR_MONTH_NAMES_FA, SOLAR_MONTH_NAMES_LATIN

__all__ = ["format_date", "gregorian_parts", "solar_hijri_parts", "to_persian_digits"]

_FIRST_YEAR, _LAST_YEAR = 1250, 1420
_MONTH_STARTS = np.array([0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336])

SH_MONTHS_FA = SOLAR_MONTH_NAMES_FA
SH_MONTHS_LATIN = SOLAR_MONTH_NAMES_LATIN
G_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
G_MONTHS_FA = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)
SEASONS_EN = ("spring", "summer", "autumn", "winter")
SEASONS_FA = ("بهار", "تابستان", "پاییز", "زمستان")
PARTS_EN = ("early", "mid", "late")
PARTS_FA = ("اوایل", "اواسط", "اواخر")

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def to_persian_digits(text: str) -> str:
    return text.translate(_PERSIAN_DIGITS)


@lru_cache(maxsize=1)
def _nowruz() -> np.ndarray:
    return np.array(
        [
            jdatetime.date(y, 1, 1).togregorian().toordinal()
            for y in range(_FIRST_YEAR, _LAST_YEAR + 1)
        ],
        dtype=np.int64,
    )


def solar_hijri_parts(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Solar Hijri (year, month, day) of Gregorian ordinals, vectorised."""
    starts = _nowruz()
    i = np.searchsorted(starts, ordinals, side="right") - 1
    day_of_year = ordinals - starts[i]
    month = np.searchsorted(_MONTH_STARTS, day_of_year, side="right")
    day = day_of_year - _MONTH_STARTS[month - 1] + 1
    return i + _FIRST_YEAR, month, day


def gregorian_parts(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gregorian (year, month, day) of ordinals, vectorised through numpy datetimes."""
    days = (ordinals - dt.date(1970, 1, 1).toordinal()).astype("datetime64[D]")
    years = days.astype("datetime64[Y]")
    months = days.astype("datetime64[M]")
    return (
        years.astype(np.int64) + 1970,
        (months - years).astype(np.int64) + 1,
        (days - months).astype(np.int64) + 1,
    )


def _g_season(month: int, day: int) -> int:
    md = month * 100 + day
    if 321 <= md < 621:
        return 0
    if 621 <= md < 923:
        return 1
    if 923 <= md < 1222:
        return 2
    return 3


def format_date(
    fmt: str,
    sh: tuple[int, int, int],
    g: tuple[int, int, int],
    *,
    persian: bool,
    persian_digits: bool,
    pad: bool,
    circa_year: int | None = None,
) -> str:
    """One date in one of the formats of :data:`dadkhah.simulate.settings.BIRTH_FORMATS`."""
    sy, sm, sd = sh
    gy, gm, gd = g
    text: str
    if fmt == "sh_ymd":
        text = f"{sy}/{sm:02d}/{sd:02d}" if pad else f"{sy}/{sm}/{sd}"
    elif fmt == "sh_ymd_short":
        text = f"{sy % 100:02d}/{sm}/{sd}"
    elif fmt == "sh_text":
        text = (
            f"{sd} {SH_MONTHS_FA[sm - 1]} {sy}"
            if persian
            else f"{sd} {SH_MONTHS_LATIN[sm - 1]} {sy}"
        )
    elif fmt == "sh_month":
        text = f"{SH_MONTHS_FA[sm - 1]} {sy}" if persian else f"{SH_MONTHS_LATIN[sm - 1]} {sy}"
    elif fmt == "sh_part_month":
        part = min((sd - 1) // 10, 2)
        text = (
            f"{PARTS_FA[part]} {SH_MONTHS_FA[sm - 1]} {sy}"
            if persian
            else f"{PARTS_EN[part]} {SH_MONTHS_LATIN[sm - 1]} {sy}"
        )
    elif fmt == "sh_season":
        season = (sm - 1) // 3
        text = f"{SEASONS_FA[season]} {sy}" if persian else f"{SEASONS_EN[season]} {sy}"
    elif fmt == "sh_year":
        text = str(sy)
    elif fmt == "g_iso":
        text = f"{gy:04d}-{gm:02d}-{gd:02d}"
    elif fmt == "g_dmy":
        text = f"{gd:02d}/{gm:02d}/{gy}" if pad else f"{gd}/{gm}/{gy}"
    elif fmt == "g_text":
        text = f"{gd} {G_MONTHS_FA[gm - 1]} {gy}" if persian else f"{gd} {G_MONTHS_EN[gm - 1]} {gy}"
    elif fmt == "g_month":
        text = f"{G_MONTHS_FA[gm - 1]} {gy}" if persian else f"{G_MONTHS_EN[gm - 1]} {gy}"
    elif fmt == "g_season":
        season = _g_season(gm, gd)
        text = f"{SEASONS_FA[season]} {gy}" if persian else f"{SEASONS_EN[season]} {gy}"
    elif fmt == "g_year":
        text = str(gy)
    elif fmt == "g_circa":
        year = gy if circa_year is None else circa_year
        text = f"حدود {year}" if persian else f"c. {year}"
    else:  # validated settings never get here
        raise ValueError(fmt)
    return to_persian_digits(text) if persian_digits else text

"""Solar Hijri (Jalali) conversions and formatting, on top of jdatetime."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import jdatetime

from dadkhah.dates._months import SOLAR_MONTH_NAMES_FA, SOLAR_MONTH_NAMES_LATIN
from dadkhah.errors import InputError, Problem

__all__ = [
    "format_solar_hijri",
    "from_solar_hijri",
    "solar_month_range",
    "solar_year_range",
    "to_persian_digits",
    "to_solar_hijri",
]

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def to_persian_digits(text: str) -> str:
    """Replace ASCII digits by Persian digits (for display in a Persian locale)."""
    return text.translate(_PERSIAN_DIGITS)


def from_solar_hijri(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Solar Hijri date; InputError if the date does not exist."""
    try:
        result: date = jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError) as e:
        raise InputError(
            "no such Solar Hijri date",
            problems=[Problem(str(e), field="date", value=f"{year:04d}/{month:02d}/{day:02d}")],
        ) from e
    return result


def to_solar_hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) in the Solar Hijri calendar."""
    j = jdatetime.date.fromgregorian(date=day)
    return j.year, j.month, j.day


def solar_year_range(year: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri year (1367 -> 1988-03-21..1989-03-20)."""
    start = jdatetime.date(year, 1, 1).togregorian()
    end = jdatetime.date(year + 1, 1, 1).togregorian() - timedelta(days=1)
    return start, end


def solar_month_range(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri month (Mordad 1367 -> 07-23..08-22)."""
    start = jdatetime.date(year, month, 1).togregorian()
    if month == 12:
        nxt = jdatetime.date(year + 1, 1, 1).togregorian()
    else:
        nxt = jdatetime.date(year, month + 1, 1).togregorian()
    return start, nxt - timedelta(days=1)


def format_solar_hijri(
    day: date,
    style: Literal["numeric", "long", "latin"] = "numeric",
    digits: Literal["ascii", "persian"] = "ascii",
) -> str:
    """A Gregorian date written in the Solar Hijri calendar.

    ``numeric``: ``1367/05/12``; ``long``: ``12 مرداد 1367``; ``latin``: ``12 Mordad 1367``.
    ``digits="persian"`` writes Persian digits. Every form is read back by ``parse_date``.
    """
    y, m, d = to_solar_hijri(day)
    if style == "numeric":
        text = f"{y:04d}/{m:02d}/{d:02d}"
    elif style == "long":
        text = f"{d} {SOLAR_MONTH_NAMES_FA[m - 1]} {y}"
    else:
        text = f"{d} {SOLAR_MONTH_NAMES_LATIN[m - 1]} {y}"
    return to_persian_digits(text) if digits == "persian" else text

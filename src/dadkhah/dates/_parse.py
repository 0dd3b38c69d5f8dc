"""Reading written dates (Gregorian or Solar Hijri, Persian or Latin) into DateRanges.

The parser never raises on bad input: :func:`parse_date` returns None and
:func:`why_unparsed` says why.
"""

from __future__ import annotations

import calendar as _gregorian
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final, Literal

import jdatetime

from dadkhah.dates._calendar import solar_month_range, solar_year_range
from dadkhah.dates._months import (
    APPROX_WORDS,
    GREGORIAN_MARKERS,
    GREGORIAN_MONTHS,
    LUNAR_MARKERS,
    LUNAR_MONTHS,
    NOISE_WORDS,
    PART_WORDS,
    SEASONS,
    SOLAR_MARKERS,
    SOLAR_MONTHS,
    fold_word,
)
from dadkhah.dates._range import Calendar, DateRange, Precision

__all__ = ["APPROXIMATE_YEARS", "DateHint", "parse_date", "why_unparsed"]

log = logging.getLogger(__name__)

DateHint = Literal["solar-hijri", "gregorian"]
APPROXIMATE_YEARS: Final = 2
""""c. 1961" is read as 1961 plus or minus this many years."""
MAX_LENGTH: Final = 120

_SOLAR_MIN, _SOLAR_MAX = 1200, 1420  # later 14xx years are more likely lunar Hijri
_GREG_MIN, _GREG_MAX = 1500, 2199

_DIGITS = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)
_DELETE = dict.fromkeys(
    map(
        ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u0640\ufeff"
    ),
    None,
)
_NUMERIC = re.compile(r"^(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})$")
_TWO_FIELDS = re.compile(r"^(\d{1,4})\s*[/\-.–]\s*(\d{1,4})$")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th|er|e|ام|اُم|م)\b")
_ISO_TIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[t ]\d{1,2}:\d{2}.*$")


class _Unparsed(Exception):
    pass


@dataclass
class _Context:
    original: str
    hint: DateHint | None
    calendar: Calendar | None  # from an explicit marker, a month name or Persian script
    approximate: bool = False
    part: int | None = None
    persian: bool = False


def _clean(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_DIGITS).translate(_DELETE)
    s = s.replace("ي", "ی").replace("ك", "ک").replace("\u00a0", " ").lower()
    s = _ISO_TIME.sub(r"\1", s.strip())
    s = _ORDINAL.sub("", s)
    s = re.sub(r"[,،;()\[\]]", " ", s)
    return " ".join(s.split())


def _year(raw: str, ctx: _Context) -> tuple[int, Calendar]:
    value = int(raw)
    calendar = ctx.calendar or ctx.hint
    if len(raw) <= 2:
        if calendar == "solar-hijri" or (calendar is None and ctx.persian):
            return 1300 + value, "solar-hijri"
        if calendar == "gregorian":
            return 1900 + value, "gregorian"
        raise _Unparsed(
            f"two-digit year {raw!r}: give hint='solar-hijri' (13{raw}) or hint='gregorian' (19{raw})"
        )
    if len(raw) == 3:
        raise _Unparsed(f"three-digit year {raw!r} is not a year of either calendar")
    if calendar == "solar-hijri" or (calendar is None and _SOLAR_MIN <= value <= _SOLAR_MAX):
        if not _SOLAR_MIN <= value <= _SOLAR_MAX:
            raise _Unparsed(
                f"year {value} is outside the Solar Hijri years read ({_SOLAR_MIN}-{_SOLAR_MAX})"
            )
        return value, "solar-hijri"
    if calendar == "gregorian" or (calendar is None and _GREG_MIN <= value <= _GREG_MAX):
        if not 1 <= value <= 9998:
            raise _Unparsed(f"year {value} is out of range")
        return value, "gregorian"
    raise _Unparsed(
        f"year {value} is neither a Solar Hijri ({_SOLAR_MIN}-{_SOLAR_MAX}) nor a "
        f"Gregorian ({_GREG_MIN}-{_GREG_MAX}) year"
    )


def _day(year: int, month: int, day: int, cal: Calendar) -> date:
    try:
        if cal == "solar-hijri":
            result: date = jdatetime.date(year, month, day).togregorian()
            return result
        return date(year, month, day)
    except (ValueError, OverflowError) as e:
        raise _Unparsed(f"no day {day} in month {month} of {cal} year {year}") from e


def _month_range(year: int, month: int, cal: Calendar) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise _Unparsed(f"month {month} is not between 1 and 12")
    if cal == "solar-hijri":
        return solar_month_range(year, month)
    last = _gregorian.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def _year_range(year: int, cal: Calendar) -> tuple[date, date]:
    if cal == "solar-hijri":
        return solar_year_range(year)
    return date(year, 1, 1), date(year, 12, 31)


def _result(
    start: date, end: date, precision: Precision, cal: Calendar, ctx: _Context
) -> DateRange:
    if ctx.approximate and precision != "approximate":
        if precision == "year":
            lo = _year_range(_year_of(start, cal) - APPROXIMATE_YEARS, cal)[0]
            hi = _year_range(_year_of(start, cal) + APPROXIMATE_YEARS, cal)[1]
            start, end = lo, hi
        precision = "approximate"
    return DateRange(start, end, precision, cal, ctx.original)


def _year_of(day: date, cal: Calendar) -> int:
    if cal == "solar-hijri":
        return int(jdatetime.date.fromgregorian(date=day).year)
    return day.year


def _numeric(m: re.Match[str], ctx: _Context) -> DateRange:
    a, _, b, c = m.groups()
    # year first: Y/M/D (ISO and Persian order); a one-digit last number is never a year, so
    # 31/5/2 is Persian 1331/5/2 even though 31 could be a day
    if len(a) >= 3 or int(a) > 31 or (int(a) > 12 and len(c) == 1):
        if len(a) <= 2 and ctx.calendar is None and ctx.hint is None:
            # A two-digit year written first is the Persian habit (67/5/6 = 1367/5/6).
            ctx.calendar = "solar-hijri"
        year, cal = _year(a, ctx)
        day = _day(year, int(b), int(c), cal)
        return _result(day, day, "day", cal, ctx)
    if len(c) >= 3 or int(c) > 31:  # year last: D/M/Y or M/D/Y
        year, cal = _year(c, ctx)
        options: list[date] = []
        for d, mo in ((int(a), int(b)), (int(b), int(a))):
            try:
                options.append(_day(year, mo, d, cal))
            except _Unparsed:
                continue
        if not options:
            raise _Unparsed(f"{a}/{b} is not a valid day and month in either order")
        lo, hi = min(options), max(options)
        return _result(lo, hi, "day" if lo == hi else "approximate", cal, ctx)
    if ctx.calendar == "solar-hijri" or ctx.hint == "solar-hijri" or ctx.persian:
        year, cal = _year(a, ctx)  # Persian order with a two-digit year: YY/M/D
        day = _day(year, int(b), int(c), cal)
        return _result(day, day, "day", cal, ctx)
    raise _Unparsed("cannot tell which of the three numbers is the year")


def _two_fields(m: re.Match[str], ctx: _Context) -> DateRange:
    a, b = m.groups()
    if (len(a) == 4 and len(b) in (2, 4) and int(b[-2:]) > 12) or (len(a) == 4 and len(b) == 4):
        first, cal = _year(a, ctx)
        second = int(b) if len(b) == 4 else first - first % 100 + int(b)
        if not 0 <= second - first <= 5:
            raise _Unparsed(f"{a}-{b} is not a span of consecutive years")
        return _result(
            _year_range(first, cal)[0],
            _year_range(second, cal)[1],
            "year" if first == second else "approximate",
            cal,
            ctx,
        )
    if len(a) >= 3 or (len(a) == 2 and int(a) > 12):  # Y/M
        year, cal = _year(a, ctx)
        start, end = _month_range(year, int(b), cal)
        return _result(start, end, "month", cal, ctx)
    if len(b) >= 3 or int(b) > 12:  # M/Y
        year, cal = _year(b, ctx)
        start, end = _month_range(year, int(a), cal)
        return _result(start, end, "month", cal, ctx)
    raise _Unparsed("cannot tell the year from the month in two small numbers")


def _named(tokens: list[str], ctx: _Context) -> DateRange:
    month: int | None = None
    season: int | None = None
    cal: Calendar | None = None
    numbers: list[tuple[int, str]] = []
    month_at = -1
    for i, tok in enumerate(tokens):
        if len(tok) > 2 and tok.endswith(".") and not tok[:-1].isdigit():
            tok = tok[:-1]  # an abbreviated month name: "Aug.", "Sept."
        folded = fold_word(tok)
        if tok.isdigit():
            numbers.append((i, tok))
        elif folded in SOLAR_MONTHS or folded.removesuffix("ماه") in SOLAR_MONTHS:
            if month is not None:
                raise _Unparsed("two month names")
            month = SOLAR_MONTHS.get(folded) or SOLAR_MONTHS[folded.removesuffix("ماه")]
            cal, month_at = "solar-hijri", i
        elif folded in GREGORIAN_MONTHS:
            if month is not None:
                raise _Unparsed("two month names")
            month, cal, month_at = GREGORIAN_MONTHS[folded], "gregorian", i
        elif tok in SEASONS or folded in SEASONS:
            season = SEASONS.get(tok, SEASONS.get(folded))
        elif tok in LUNAR_MONTHS or folded in LUNAR_MONTHS:
            raise _Unparsed(f"{tok!r} is a lunar Hijri month; lunar dates are not read")
        else:
            raise _Unparsed(f"unrecognised word {tok!r}")
    if month is None and season is None:
        raise _Unparsed("no month, season or year found")
    if cal is not None:
        if ctx.calendar is not None and ctx.calendar != cal:
            raise _Unparsed(f"the month name is {cal} but the text says {ctx.calendar}")
        ctx.calendar = cal
    if not numbers:
        raise _Unparsed("no year")
    if len(numbers) > 2:
        raise _Unparsed("too many numbers")
    year_raw: str
    day_raw: str | None = None
    if len(numbers) == 1:
        index, year_raw = numbers[0]
        if month is not None and index < month_at and len(year_raw) <= 2 and int(year_raw) <= 31:
            raise _Unparsed("a day and a month but no year")
    else:
        (ia, a), (ib, b) = numbers
        if len(a) >= 3 or int(a) > 31:
            year_raw, day_raw = a, b
        elif len(b) >= 3 or int(b) > 31:
            year_raw, day_raw = b, a
        elif ia < month_at < ib or (ia > month_at and ib > month_at):
            day_raw, year_raw = a, b
        else:
            raise _Unparsed("cannot tell the day from the year")
    if day_raw is not None and month is None:
        raise _Unparsed("a day number with a season")
    if cal is not None and len(year_raw) == 4:
        value = int(year_raw)
        solar = _SOLAR_MIN <= value <= _SOLAR_MAX
        if (cal == "solar-hijri") != solar:
            other = "gregorian" if cal == "solar-hijri" else "solar-hijri"
            raise _Unparsed(f"a {cal} month with a {other} year {year_raw}")
    year, ycal = _year(year_raw, ctx)
    if cal is not None and ycal != cal:
        raise _Unparsed(f"a {cal} month with a {ycal} year {year_raw}")
    if month is not None:
        if day_raw is not None:
            day = _day(year, month, int(day_raw), ycal)
            return _result(day, day, "day", ycal, ctx)
        start, end = _month_range(year, month, ycal)
        if ctx.part is not None:  # early = days 1-10, mid = 11-20, late = 21 to the end
            lo = start + timedelta(days=10 * ctx.part)
            hi = start + timedelta(days=10 * ctx.part + 9) if ctx.part < 2 else end
            return _result(lo, hi, "approximate", ycal, ctx)
        return _result(start, end, "month", ycal, ctx)
    assert season is not None
    start, end = _season(year, season, ycal)
    if ctx.part is not None:
        return _result(*_part_of(start, end, ctx.part), "approximate", ycal, ctx)
    return _result(start, end, "season", ycal, ctx)


def _part_of(start: date, end: date, part: int) -> tuple[date, date]:
    """Early, middle or late third of a range (a season)."""
    span = (end - start).days + 1
    third = span // 3
    bounds = [start, start + timedelta(days=third), start + timedelta(days=2 * third), end]
    lo = bounds[part]
    hi = bounds[part + 1] - timedelta(days=1) if part < 2 else end
    return lo, hi


def _season(year: int, season: int, cal: Calendar) -> tuple[date, date]:
    if cal == "solar-hijri":  # Persian seasons are whole months: summer = Tir..Shahrivar
        return solar_month_range(year, 3 * season + 1)[0], solar_month_range(year, 3 * season + 3)[
            1
        ]
    # Gregorian: the union of the meteorological and astronomical season. "Winter 1988" is
    # read both as the winter that starts the year and the one that ends it.
    spans = {
        0: (date(year, 3, 1), date(year, 6, 21)),
        1: (date(year, 6, 1), date(year, 9, 23)),
        2: (date(year, 9, 1), date(year, 12, 22)),
        3: (date(year - 1, 12, 1), date(year + 1, 3, 21)),
    }
    return spans[season]


def _parse(text: object, hint: DateHint | None) -> DateRange | str:
    if not isinstance(text, str):
        return f"not text but {type(text).__name__}"
    if hint not in (None, "solar-hijri", "gregorian"):
        return f"unknown hint {hint!r}: use 'solar-hijri' or 'gregorian'"
    if not text.strip():
        return "empty"
    if len(text) > MAX_LENGTH:
        return f"longer than {MAX_LENGTH} characters"
    ctx = _Context(original=text, hint=hint, calendar=None)
    ctx.persian = any("\u0600" <= ch <= "\u06ff" for ch in text)
    s = _clean(text)
    tokens: list[str] = []
    for tok in re.split(r"\s+", s):
        if tok in SOLAR_MARKERS:
            ctx.calendar = "solar-hijri"
        elif tok in GREGORIAN_MARKERS:
            ctx.calendar = "gregorian"
        elif tok in LUNAR_MARKERS:
            return "a lunar Hijri date; lunar dates are not read"
        elif tok in APPROX_WORDS:
            ctx.approximate = True
        elif tok in PART_WORDS:
            ctx.part = PART_WORDS[tok]
        elif tok in NOISE_WORDS or not tok:
            continue
        else:
            if tok.startswith("~") or tok.endswith("?"):
                ctx.approximate = True
                tok = tok.strip("~?")
            if tok.startswith("c.") and tok[2:].isdigit():
                ctx.approximate, tok = True, tok[2:]
            tokens.append(tok)
    try:
        joined = " ".join(tokens)
        if (m := _NUMERIC.match(joined)) is not None:
            return _numeric(m, ctx)
        if (m := _TWO_FIELDS.match(joined)) is not None:
            return _two_fields(m, ctx)
        if len(tokens) == 1 and tokens[0].isdigit():
            year, cal = _year(tokens[0], ctx)
            start, end = _year_range(year, cal)
            return _result(start, end, "year", cal, ctx)
        if not tokens:
            return "no date found"
        return _named(tokens, ctx)
    except _Unparsed as e:
        return str(e)
    except (ValueError, OverflowError, KeyError, IndexError) as e:  # defensive: never raise
        log.debug("date %r not read: %s", text, e)
        return f"not a date ({e})"


@lru_cache(maxsize=100_000)
def _cached(text: str, hint: DateHint | None) -> DateRange | str:
    return _parse(text, hint)


def parse_date(text: str, hint: DateHint | None = None) -> DateRange | None:
    """Read a written date into the range of days it denotes, or None when it is not a date.

    Gregorian and Solar Hijri; Persian, Arabic-Indic and ASCII digits; Persian, Latin and Dari
    month names; ``1367/05/12``, ``12 مرداد 1367``, ``Mordad 1367``, ``summer 1988``, ``1988``,
    ``1367``, ``c. 1961``, ``late Mordad 67``. Two-digit years need ``hint`` unless the text is
    in Persian script or names a Solar Hijri month (then 67 is 1367). A day/month order that
    cannot be told gives the range covering both readings. Never raises on bad input: see
    :func:`why_unparsed` for the reason of a None.

    >>> str(parse_date("۱۳۶۷/۰۵/۱۲"))
    '1988-08-03'
    """
    if not isinstance(text, str):
        return None
    result = (
        _cached(text, hint) if hint in (None, "solar-hijri", "gregorian") else _parse(text, hint)
    )
    return result if isinstance(result, DateRange) else None


def why_unparsed(text: str, hint: DateHint | None = None) -> str | None:
    """Why :func:`parse_date` returns None for ``text`` (None when it reads the date)."""
    if not isinstance(text, str):
        return f"not text but {type(text).__name__}"
    result = (
        _cached(text, hint) if hint in (None, "solar-hijri", "gregorian") else _parse(text, hint)
    )
    return None if isinstance(result, DateRange) else result

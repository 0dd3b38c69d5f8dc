"""Date ranges as researchers write them: ``1988``, ``1988-08``, ``1988-08-01``, ``1988-07/1988-09``,
or in words in either calendar ("summer 1988", "مرداد ۱۳۶۷", read by :mod:`dadkhah.dates`).

A claim's date is a range of ISO days (earliest, latest) with a precision and the text as written
in the source, so that "summer 1988" can be kept verbatim next to the range it stands for.
"""

from __future__ import annotations

import calendar
import re

from dadkhah.dates import parse_date, why_unparsed
from dadkhah.errors import InputError, Problem
from dadkhah.model.accounts import DATE_PRECISIONS, DateRange

__all__ = ["bound", "parse_range", "to_range"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def bound(text: str, *, upper: bool, field: str = "date") -> tuple[str, str]:
    """One ISO date of year, month or day precision -> (first or last day, precision)."""
    m = _ISO.match(text.strip())
    if not m:
        raise InputError(
            f"{field}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}",
            [Problem("not an ISO date", field=field, value=text)],
        )
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise InputError(
            f"{field}: month out of range in {text!r}",
            [Problem("bad month", field=field, value=text)],
        )
    if month is None:
        return (f"{year:04d}-12-31" if upper else f"{year:04d}-01-01"), "year"
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return (
            f"{year:04d}-{month:02d}-{last:02d}" if upper else f"{year:04d}-{month:02d}-01"
        ), "month"
    if not 1 <= day <= last:
        raise InputError(
            f"{field}: day out of range in {text!r}", [Problem("bad day", field=field, value=text)]
        )
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


_ORDER = {"day": 0, "month": 1, "year": 2}


def parse_range(text: str | None, *, field: str = "date") -> DateRange:
    """``1988``, ``1988-08-01`` or ``START/END`` (either side may be empty) -> DateRange."""
    if text is None or not str(text).strip():
        return DateRange()
    raw = str(text).strip()
    if "/" not in raw and not _ISO.match(raw):
        written = parse_date(raw)
        if written is None:
            raise InputError(
                f"{field}: cannot read {raw!r} as a date: {why_unparsed(raw)}",
                [Problem("not a date", field=field, value=raw)],
            )
        kind: str = "approximate" if written.precision == "season" else written.precision
        return DateRange(written.start.isoformat(), written.end.isoformat(), kind, raw)
    if "/" in raw:
        left, _, right = raw.partition("/")
    else:
        left = right = raw
    start = end = None
    precisions: list[str] = []
    if left.strip():
        start, p = bound(left, upper=False, field=field)
        precisions.append(p)
    if right.strip():
        end, p = bound(right, upper=True, field=field)
        precisions.append(p)
    if start and end and start > end:
        raise InputError(
            f"{field}: range ends before it starts: {raw!r}",
            [Problem("reversed range", field=field, value=raw)],
        )
    precision = max(precisions, key=lambda p: _ORDER[p]) if precisions else None
    return DateRange(start, end, precision, None)


def to_range(
    *,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    text: str | None = None,
    field: str = "date",
) -> DateRange:
    """Build a range from either ``date`` (a range expression) or separate start and end."""
    if date and (start or end):
        raise InputError(
            f"{field}: give either a date range or start/end, not both",
            [Problem("both given", field=field, value=date)],
        )
    if date:
        r = parse_range(date, field=field)
    elif text and not (start or end):
        written = parse_date(text)  # "summer 1988", "Mordad 1367": the range the text stands for
        r = DateRange()
        if written is not None:
            kind: str = "approximate" if written.precision == "season" else written.precision
            r = DateRange(written.start.isoformat(), written.end.isoformat(), kind)
    else:
        s = bound(start, upper=False, field=f"{field}_start") if start else None
        e = bound(end, upper=True, field=f"{field}_end") if end else None
        if s and e and s[0] > e[0]:
            raise InputError(
                f"{field}: range ends before it starts",
                [Problem("reversed range", field=field, value=f"{start}/{end}")],
            )
        ps = [x[1] for x in (s, e) if x]
        r = DateRange(
            s[0] if s else None,
            e[0] if e else None,
            max(ps, key=lambda p: _ORDER[p]) if ps else None,
        )
    if precision is not None and precision not in DATE_PRECISIONS:
        raise InputError(
            f"{field}_precision: {precision!r} is not one of {', '.join(DATE_PRECISIONS)}",
            [Problem("unknown precision", field=f"{field}_precision", value=precision)],
        )
    return DateRange(r.start, r.end, precision or r.precision, text or r.text or None)

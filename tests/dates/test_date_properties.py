"""Round trips over every day of 1360-1370 SH, DateRange invariants, junk never raises."""

from __future__ import annotations

from datetime import date, timedelta

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.dates import (
    DateRange,
    format_solar_hijri,
    from_solar_hijri,
    parse_date,
    to_solar_hijri,
    why_unparsed,
)
from dadkhah.errors import InputError


def _days_1360_1370() -> list[date]:
    first = jdatetime.date(1360, 1, 1).togregorian()
    last = jdatetime.date(1371, 1, 1).togregorian()
    return [first + timedelta(days=i) for i in range((last - first).days)]


def test_every_day_of_1360_to_1370_round_trips() -> None:
    days = _days_1360_1370()
    assert len(days) == 11 * 365 + 3  # 1362, 1366 and 1370 are leap years
    for day in days:
        y, m, d = to_solar_hijri(day)
        assert from_solar_hijri(y, m, d) == day
        for style in ("numeric", "long", "latin"):
            text = format_solar_hijri(day, style=style)
            parsed = parse_date(text)
            assert parsed is not None, (text, why_unparsed(text))
            assert (parsed.start, parsed.end, parsed.precision) == (day, day, "day"), text
            assert parsed.calendar == "solar-hijri"
    # Persian digits on a sample
    for day in days[::97]:
        parsed = parse_date(format_solar_hijri(day, style="long", digits="persian"))
        assert parsed is not None and parsed.start == day


def test_format_solar_hijri() -> None:
    assert format_solar_hijri(date(1988, 8, 3)) == "1367/05/12"
    assert format_solar_hijri(date(1988, 8, 3), style="long") == "12 مرداد 1367"
    assert format_solar_hijri(date(1988, 8, 3), style="latin", digits="persian") == (
        "۱۲ Mordad ۱۳۶۷"
    )


def test_from_solar_hijri_rejects_impossible_dates() -> None:
    with pytest.raises(InputError):
        from_solar_hijri(1367, 12, 30)


def test_date_range_checks_its_fields() -> None:
    with pytest.raises(InputError):
        DateRange(date(1988, 8, 3), date(1988, 8, 1), "day", "gregorian")
    with pytest.raises(InputError):
        DateRange(date(1988, 8, 3), date(1988, 8, 3), "week", "gregorian")  # type: ignore[arg-type]


def test_date_range_helpers() -> None:
    a = DateRange(date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri", "Mordad 1367")
    b = DateRange(date(1988, 8, 3), date(1988, 8, 3), "day", "gregorian")
    c = DateRange(date(1988, 9, 1), date(1988, 9, 30), "month", "gregorian")
    assert a.overlaps(b) and b.overlaps(a) and not a.overlaps(c)
    assert a.gap_days(c) == 10 and c.gap_days(a) == 10 and a.gap_days(b) == 0
    assert a.days == 31 and b.is_exact and str(b) == "1988-08-03"
    assert a.midpoint == date(1988, 8, 7)


_DATE_ALPHABET = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-.: ,cCa~?abcdefghmnorstuvyz" + "مردادتیرشهریورقم"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text(alphabet=_DATE_ALPHABET, max_size=25)))
def test_junk_never_raises(text: str) -> None:
    result = parse_date(text)
    reason = why_unparsed(text)
    assert (result is None) == (reason is not None)
    if result is not None:
        assert result.start <= result.end
        assert result.original == text


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
def test_gregorian_iso_dates_round_trip(day: date) -> None:
    parsed = parse_date(day.isoformat())
    assert parsed is not None and parsed.start == parsed.end == day

"""parse_date and why_unparsed on the formats met in victim lists."""

from __future__ import annotations

from datetime import date

import pytest

from dadkhah.dates import DateRange, parse_date, why_unparsed


def _range(text: str, hint: str | None = None) -> DateRange:
    result = parse_date(text, hint=hint)  # type: ignore[arg-type]
    assert result is not None, why_unparsed(text, hint=hint)  # type: ignore[arg-type]
    return result


def test_persian_digits_exact_day() -> None:
    r = _range("۱۳۶۷/۰۵/۱۲")
    assert (r.start, r.end) == (date(1988, 8, 3), date(1988, 8, 3))
    assert (r.precision, r.calendar, r.original) == ("day", "solar-hijri", "۱۳۶۷/۰۵/۱۲")


def test_solar_month_mordad_1367() -> None:
    r = _range("Mordad 1367")
    assert (r.start, r.end, r.precision) == (date(1988, 7, 23), date(1988, 8, 22), "month")


def test_solar_year_maps_to_its_gregorian_range() -> None:
    r = _range("1367")
    assert (r.start, r.end, r.precision, r.calendar) == (
        date(1988, 3, 21),
        date(1989, 3, 20),
        "year",
        "solar-hijri",
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "calendar"),
    [
        ("1367/05/12", date(1988, 8, 3), date(1988, 8, 3), "day", "solar-hijri"),
        ("١٣٦٧/٠٥/١٢", date(1988, 8, 3), date(1988, 8, 3), "day", "solar-hijri"),
        ("۱۳۶۷ / ۰۵ / ۰۶", date(1988, 7, 28), date(1988, 7, 28), "day", "solar-hijri"),
        ("1367-5-6", date(1988, 7, 28), date(1988, 7, 28), "day", "solar-hijri"),
        ("12 مرداد 1367", date(1988, 8, 3), date(1988, 8, 3), "day", "solar-hijri"),
        ("۱۲ مرداد ۱۳۶۷", date(1988, 8, 3), date(1988, 8, 3), "day", "solar-hijri"),
        ("6 Mordad 1367", date(1988, 7, 28), date(1988, 7, 28), "day", "solar-hijri"),
        ("Amordad 1367", date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri"),
        ("Mourdad 1367", date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri"),
        ("مرداد ۶۷", date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri"),
        ("شهریور ۱۳۶۷", date(1988, 8, 23), date(1988, 9, 22), "month", "solar-hijri"),
        ("شهریورماه ۱۳۶۷", date(1988, 8, 23), date(1988, 9, 22), "month", "solar-hijri"),
        ("Shahriwar 1367", date(1988, 8, 23), date(1988, 9, 22), "month", "solar-hijri"),
        ("Asad 1367", date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri"),  # Dari
        ("Dey 1367", date(1988, 12, 22), date(1989, 1, 20), "month", "solar-hijri"),
        ("تابستان ۶۷", date(1988, 6, 22), date(1988, 9, 22), "season", "solar-hijri"),
        ("summer 1367", date(1988, 6, 22), date(1988, 9, 22), "season", "solar-hijri"),
        ("اواخر مرداد ۶۷", date(1988, 8, 12), date(1988, 8, 22), "approximate", "solar-hijri"),
        ("1988", date(1988, 1, 1), date(1988, 12, 31), "year", "gregorian"),
        ("1988-08-03", date(1988, 8, 3), date(1988, 8, 3), "day", "gregorian"),
        ("1988-08-03T10:15:00", date(1988, 8, 3), date(1988, 8, 3), "day", "gregorian"),
        ("3 August 1988", date(1988, 8, 3), date(1988, 8, 3), "day", "gregorian"),
        ("August 3rd, 1988", date(1988, 8, 3), date(1988, 8, 3), "day", "gregorian"),
        ("Thursday 28 July 1988", date(1988, 7, 28), date(1988, 7, 28), "day", "gregorian"),
        ("August 1988", date(1988, 8, 1), date(1988, 8, 31), "month", "gregorian"),
        ("late July 1988", date(1988, 7, 21), date(1988, 7, 31), "approximate", "gregorian"),
        ("1988/08", date(1988, 8, 1), date(1988, 8, 31), "month", "gregorian"),
        ("1367/5", date(1988, 7, 23), date(1988, 8, 22), "month", "solar-hijri"),
        ("c. 1961", date(1959, 1, 1), date(1963, 12, 31), "approximate", "gregorian"),
        ("circa 1961", date(1959, 1, 1), date(1963, 12, 31), "approximate", "gregorian"),
        ("حدود ۱۳۴۰", date(1959, 3, 22), date(1964, 3, 20), "approximate", "solar-hijri"),
        ("1340 ش", date(1961, 3, 21), date(1962, 3, 20), "year", "solar-hijri"),
        ("1988 م", date(1988, 1, 1), date(1988, 12, 31), "year", "gregorian"),
    ],
)
def test_formats(text: str, start: date, end: date, precision: str, calendar: str) -> None:
    r = _range(text)
    assert (r.start, r.end, r.precision, r.calendar) == (start, end, precision, calendar)


def test_summer_1988_covers_the_killings() -> None:
    r = _range("summer 1988")
    assert r.precision == "season" and r.calendar == "gregorian"
    assert r.start <= date(1988, 6, 21) and r.end >= date(1988, 9, 22)
    assert r.contains(date(1988, 8, 3))
    assert r.days < 120


def test_two_digit_years() -> None:
    # A two-digit year last is ambiguous without a hint (6/5/67: 1967 or 1367)
    assert parse_date("6/5/67") is None
    assert "hint" in (why_unparsed("6/5/67") or "")
    assert parse_date("67") is None
    assert _range("6/5/67", hint="solar-hijri").start == date(1988, 7, 28)
    assert _range("6/5/67", hint="gregorian").start == date(1967, 5, 6)
    # written first, it is the Persian habit: 67/5/6 is 1367/5/6
    assert _range("67/5/6").start == date(1988, 7, 28)
    assert _range("67/5/6", hint="solar-hijri").start == date(1988, 7, 28)
    assert _range("67/5/6", hint="gregorian").start == date(1967, 5, 6)
    assert _range("۶۷/۵/۶").start == date(1988, 7, 28)  # Persian digits: a Persian source
    assert _range("67", hint="solar-hijri").start == date(1988, 3, 21)
    assert _range("61", hint="gregorian").start == date(1961, 1, 1)
    assert _range("Mordad 67").start == date(1988, 7, 23)  # a Solar Hijri month decides


def test_ambiguous_day_month_gives_a_wider_range() -> None:
    r = _range("03/08/1988")
    assert (r.start, r.end, r.precision) == (date(1988, 3, 8), date(1988, 8, 3), "approximate")
    # Reversed Persian order after a copy from a right-to-left page
    r = _range("12/5/1367")
    assert r.contains(date(1988, 8, 3)) and not r.is_exact
    # When only one order is a real date, the date is exact
    r = _range("25/08/1988")
    assert (r.start, r.precision) == (date(1988, 8, 25), "day")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("asdf", "unrecognised"),
        ("1367/12/30", "no day 30"),  # 1367 is not a leap year
        ("1408 ق", "lunar"),
        ("Muharram 1409", "lunar"),
        ("1988/13/45", "no day"),
        ("12 Mordad", "no year"),
        ("Mordad 1988", "solar-hijri month with a gregorian year"),
        ("999", "three-digit"),
        ("12/5/6", "which of the three"),
        ("x" * 500, "longer than"),
    ],
)
def test_unparsed_dates_say_why(text: str, reason: str) -> None:
    assert parse_date(text) is None
    assert reason in (why_unparsed(text) or "").lower()


def test_why_unparsed_is_none_for_a_date() -> None:
    assert why_unparsed("1367") is None


def test_bad_arguments_do_not_raise() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_date(1367) is None  # type: ignore[arg-type]
    assert parse_date("1367", hint="lunar") is None  # type: ignore[arg-type]
    assert "hint" in (why_unparsed("1367", hint="lunar") or "")  # type: ignore[arg-type]


def test_leap_year_1366() -> None:
    r = _range("1366/12/30")
    assert r.start == date(1988, 3, 20)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Aug. 1988", date(1988, 8, 1), date(1988, 8, 31)),
        ("Sept. 1988", date(1988, 9, 1), date(1988, 9, 30)),
        ("5 Aug. 1988", date(1988, 8, 5), date(1988, 8, 5)),
    ],
)
def test_abbreviated_month_names_with_a_dot(text: str, start: date, end: date) -> None:
    r = parse_date(text)
    assert r is not None and (r.start, r.end) == (start, end)


@pytest.mark.parametrize("text", ["31/5/2", "۳۱/۵/۲"])
def test_two_digit_year_first_when_the_last_number_has_one_digit(text: str) -> None:
    r = parse_date(text)  # no year is written with one digit: Persian 1331/5/2
    assert r is not None and r.start == r.end == date(1952, 7, 24)

"""Written dates in the Gregorian and Solar Hijri calendars, read into ranges of days.

See docs/dates.md.
"""

from dadkhah.dates._calendar import (
    format_solar_hijri,
    from_solar_hijri,
    solar_month_range,
    solar_year_range,
    to_persian_digits,
    to_solar_hijri,
)
from dadkhah.dates._months import SOLAR_MONTH_NAMES_FA, SOLAR_MONTH_NAMES_LATIN
from dadkhah.dates._parse import APPROXIMATE_YEARS, DateHint, parse_date, why_unparsed
from dadkhah.dates._range import Calendar, DateRange, Precision

__all__ = [
    "APPROXIMATE_YEARS",
    "SOLAR_MONTH_NAMES_FA",
    "SOLAR_MONTH_NAMES_LATIN",
    "Calendar",
    "DateHint",
    "DateRange",
    "Precision",
    "format_solar_hijri",
    "from_solar_hijri",
    "parse_date",
    "solar_month_range",
    "solar_year_range",
    "to_persian_digits",
    "to_solar_hijri",
    "why_unparsed",
]

"""DateRange: what a written date actually tells, as an interval of days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dadkhah.errors import InputError, Problem

__all__ = ["Calendar", "DateRange", "Precision"]

Precision = Literal["day", "month", "season", "year", "approximate"]
Calendar = Literal["gregorian", "solar-hijri"]

_PRECISIONS: tuple[str, ...] = ("day", "month", "season", "year", "approximate")
_CALENDARS: tuple[str, ...] = ("gregorian", "solar-hijri")


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a written date may denote, inclusive at both ends (Gregorian ``datetime.date``).

    ``precision`` says how the text was specific (an exact day, a month, a season, a year, or
    an approximate or ambiguous value), ``calendar`` in which calendar it was written, and
    ``original`` keeps the text as received.
    """

    start: date
    end: date
    precision: Precision
    calendar: Calendar
    original: str = ""

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if self.end < self.start:
            problems.append(Problem("end is before start", field="end", value=self.end))
        if self.precision not in _PRECISIONS:
            problems.append(
                Problem(
                    f"precision must be one of {', '.join(_PRECISIONS)}",
                    field="precision",
                    value=self.precision,
                )
            )
        if self.calendar not in _CALENDARS:
            problems.append(
                Problem(
                    f"calendar must be one of {', '.join(_CALENDARS)}",
                    field="calendar",
                    value=self.calendar,
                )
            )
        if problems:
            raise InputError("invalid date range", problems=problems)

    @property
    def days(self) -> int:
        """Number of days in the range (1 for an exact day)."""
        return (self.end - self.start).days + 1

    @property
    def is_exact(self) -> bool:
        return self.start == self.end

    @property
    def midpoint(self) -> date:
        return self.start + timedelta(days=(self.end - self.start).days // 2)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        """True when the two ranges share at least one day (the two dates may agree)."""
        return self.start <= other.end and other.start <= self.end

    def gap_days(self, other: DateRange) -> int:
        """Days between the two ranges (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        if self.end < other.start:
            return (other.start - self.end).days
        return (self.start - other.end).days

    def __str__(self) -> str:
        if self.is_exact:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

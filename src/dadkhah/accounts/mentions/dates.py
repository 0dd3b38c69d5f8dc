"""Date expressions: "14 July 2022", "July 14, 2022", "August 1988", "summer of 1988", "1988",
"the 1980s", ISO dates, and Persian solar dates ("مرداد ۱۳۶۷"), each with the day range it stands for."""

from __future__ import annotations

import calendar
import re
from typing import Any

from dadkhah.dates import SOLAR_MONTH_NAMES_FA
from dadkhah.model.accounts import Mention
from dadkhah.names import to_ascii_digits

__all__ = ["dates"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_JALALI = list(SOLAR_MONTH_NAMES_FA)
_PD = "[0-9۰-۹٠-٩]"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    (
        "range",
        re.compile(
            rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon1>{_MON})\s+(?:and|to|until|-|–)\s+"
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MON}),?\s+(?P<y>\d{{4}})\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>\d{{4}})\b"
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<y>\d{{4}})\b"),
    ),
    (
        "my",
        re.compile(
            rf"\b(?:(?:early|mid|late)[\s-])?(?P<mon>{_MON})\s+(?:of\s+)?(?P<y>\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?:early|mid|late)[\s-])?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b",
            re.IGNORECASE,
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?P<y>(?:19|20)\d)0s\b")),
    (
        "jalali",
        re.compile(
            rf"(?:(?P<d>{_PD}{{1,2}})\s+)?(?P<jm>{'|'.join(_JALALI)})\s+(?:ماه\s+)?(?:سال\s+)?(?P<y>{_PD}{{4}})"
        ),
    ),
    (
        "jyear",
        re.compile(
            rf"(?P<js>سال|تابستان|بهار|پاییز|زمستان)\s+(?P<y>1[23]{_PD}{{2}}|[۱١][۲۳٢٣]{_PD}{{2}})"
        ),
    ),
    ("year", re.compile(r"(?<![\d,.\-/])(?P<y>(?:19|20)\d{2})(?!\d|,\d|-\d|/\d)")),
]


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _value(kind: str, g: dict[str, str | None]) -> dict[str, Any] | None:
    y = int(to_ascii_digits(g["y"] or "0"))
    if kind == "range":
        m1 = _MONTHS[(g.get("mon1") or "").lower().rstrip(".")]
        m2 = _MONTHS[(g.get("mon") or "").lower().rstrip(".")]
        d1, d2 = int(g["d1"] or 0), int(g["d"] or 0)
        y1 = y - 1 if m1 > m2 else y
        if not (1 <= d1 <= _last(y1, m1) and 1 <= d2 <= _last(y, m2)):
            return None
        return {
            "start": f"{y1:04d}-{m1:02d}-{d1:02d}",
            "end": f"{y:04d}-{m2:02d}-{d2:02d}",
            "precision": "day",
            "calendar": "gregorian",
        }
    if kind in {"iso", "dmy", "mdy"}:
        m = (
            int(g["m"] or 0)
            if kind == "iso" and g.get("m")
            else _MONTHS[(g.get("mon") or "").lower().rstrip(".")]
        )
        d = int(g["d"] or 0)
        if not 1 <= m <= 12 or not 1 <= d <= _last(y, m):
            return None
        iso = f"{y:04d}-{m:02d}-{d:02d}"
        return {"start": iso, "end": iso, "precision": "day", "calendar": "gregorian"}
    if kind == "my":
        m = _MONTHS[(g.get("mon") or "").lower().rstrip(".")]
        return {
            "start": f"{y:04d}-{m:02d}-01",
            "end": f"{y:04d}-{m:02d}-{_last(y, m):02d}",
            "precision": "month",
            "calendar": "gregorian",
        }
    if kind == "season":
        a, b = _SEASONS[(g.get("season") or "").lower()]
        y2 = y + 1 if b < a else y
        return {
            "start": f"{y:04d}-{a:02d}-01",
            "end": f"{y2:04d}-{b:02d}-{_last(y2, b):02d}",
            "precision": "approximate",
            "calendar": "gregorian",
        }
    if kind == "decade":
        return {
            "start": f"{y * 10:04d}-01-01",
            "end": f"{y * 10 + 9:04d}-12-31",
            "precision": "approximate",
            "calendar": "gregorian",
        }
    if kind in {"jalali", "jyear"}:
        return _jalali(y, g)
    return {
        "start": f"{y:04d}-01-01",
        "end": f"{y:04d}-12-31",
        "precision": "year",
        "calendar": "gregorian",
    }


def _jalali(y: int, g: dict[str, str | None]) -> dict[str, Any] | None:
    try:
        import jdatetime
    except ImportError:  # pragma: no cover - jdatetime is a dependency
        return {"calendar": "jalali", "year": y}
    jm = g.get("jm")
    season = {"بهار": (1, 3), "تابستان": (4, 6), "پاییز": (7, 9), "زمستان": (10, 12)}.get(
        g.get("js") or ""
    )
    try:
        if season:
            s = jdatetime.date(y, season[0], 1).togregorian()
            last_day = 31 if season[1] <= 6 else 30
            if season[1] == 12:
                last_day = 30 if jdatetime.date(y, 1, 1).isleap() else 29
            e = jdatetime.date(y, season[1], last_day).togregorian()
            return {
                "start": s.isoformat(),
                "end": e.isoformat(),
                "precision": "approximate",
                "calendar": "jalali",
            }
        if jm:
            m = _JALALI.index(jm) + 1
            last = (
                31
                if m <= 6
                else (30 if m < 12 else (30 if jdatetime.date(y, 1, 1).isleap() else 29))
            )
            d = g.get("d")
            if d:
                day = int(to_ascii_digits(d))
                s = e = jdatetime.date(y, m, day).togregorian()
                return {
                    "start": s.isoformat(),
                    "end": e.isoformat(),
                    "precision": "day",
                    "calendar": "jalali",
                }
            s = jdatetime.date(y, m, 1).togregorian()
            e = jdatetime.date(y, m, last).togregorian()
            return {
                "start": s.isoformat(),
                "end": e.isoformat(),
                "precision": "month",
                "calendar": "jalali",
            }
        s = jdatetime.date(y, 1, 1).togregorian()
        e = jdatetime.date(y + 1, 1, 1).togregorian()
        from datetime import timedelta

        return {
            "start": s.isoformat(),
            "end": (e - timedelta(days=1)).isoformat(),
            "precision": "year",
            "calendar": "jalali",
        }
    except ValueError:
        return None


def dates(text: str) -> list[Mention]:
    """Date mentions, longest pattern first; a span taken by one pattern is not matched again."""
    taken: list[tuple[int, int]] = []
    out = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if kind == "jyear":
                s = m.start()
            if any(s < b and a < e for a, b in taken):
                continue
            value = _value(kind, m.groupdict())
            if value is None:
                continue
            taken.append((s, e))
            out.append(Mention("date", text[s:e], s, e, f"date pattern ({kind})", (), value))
    return sorted(out, key=lambda m: m.start)

"""Figures in text: counts of people, executions or graves ("about 30,000 executions", "حدود ۵۰۰۰ زندانی").

A number counts as a figure when a counted noun follows it (up to two words later), when a
qualifier comes before it ("as many as", "at least", "about"), or when it follows "execution of",
"killing of" and the like. Plain years and ages are left alone. The value carries the number (or
the low and high ends of a range), the counted noun and the qualifier as written.
"""

from __future__ import annotations

import re
from typing import Any

from dadkhah.model.accounts import Mention

__all__ = ["figures", "to_number"]

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_N = r"(?:[0-9۰-۹٠-٩]{1,3}(?:[,٬][0-9۰-۹٠-٩]{3})+|[0-9۰-۹٠-٩]+(?:[.٫][0-9۰-۹٠-٩]+)?)"
_WORDNUM = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a few|several|tens of|hundreds of|thousands of|dozens of)"
)
_SCALE = r"(?:\s+(?:million|thousand|hundred|هزار|میلیون))?"
_QUAL = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|up to|as many as|as high as|at least|more than|"
    r"over|fewer than|less than|an estimated|estimated|between|upwards of|well over|close to|in excess of|"
    r"perhaps|possibly|reportedly|حدود|بیش از|بیش‌از|دست‌کم|دستکم|کمتر از|نزدیک به|حداقل|حداکثر|بالغ بر)"
)
_NOUN = (
    r"(?:people|persons|prisoners|inmates|detainees|executions|executed|victims|deaths|dead|killed|lives|men|"
    r"women|children|bodies|graves|members|supporters|individuals|families|cases|names|dissidents|activists|"
    r"Iranians|civilians|protesters|political prisoners|sympathisers|sympathizers|زندانی|زندانیان|اعدام|نفر|"
    r"قربانی|کشته|تن)"
)
_BEFORE = (
    r"(?:execution of|executions of|killing of|killings of|deaths of|murder of|massacre of|killed|executed|"
    r"figure at|number at|toll at|toll of|total of|estimated at|estimate of|tally of|count of|figure of|"
    r"number of|figure to|toll to|number to)"
)

_FIG = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<num>(?:{_N}|{_WORDNUM}){_SCALE})"
    rf"(?:\s*(?:-|–|to|and|تا)\s*(?P<num2>{_N}{_SCALE}))?"
    rf"(?P<noun>(?:\s+[^\W\d_][\w\-]*){{0,2}}?\s+{_NOUN}\b)?",
    re.IGNORECASE,
)
_NOT_BETWEEN = {
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "days",
    "decades",
    "hours",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "at",
    "on",
    "to",
    "for",
    "from",
    "ago",
    "later",
    "earlier",
    "percent",
    "per",
}
_YEAR_SAFE = {
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "at least",
    "more than",
    "an estimated",
    "estimated",
    "approximately",
    "as many as",
    "roughly",
}
_BEFORE_RE = re.compile(rf"{_BEFORE}\s+$", re.IGNORECASE)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "هزار": 1000,
    "میلیون": 1_000_000,
}


def to_number(text: str) -> float | None:
    """'30,000' -> 30000; 'five thousand' -> 5000; '۵۰۰۰' -> 5000; vague words ('thousands of') -> None."""
    parts = text.strip().split()
    if not parts:
        return None
    scale = 1
    if len(parts) > 1 and parts[-1].lower() in _SCALES:
        scale = _SCALES[parts[-1].lower()]
        parts = parts[:-1]
    head = " ".join(parts).lower()
    if head in _WORDS:
        return float(_WORDS[head] * scale)
    digits = head.translate(_DIGITS).replace(",", "").replace("٬", "").replace("٫", ".")
    try:
        return float(digits) * scale
    except ValueError:
        return None


def _is_year(num: str) -> bool:
    d = num.translate(_DIGITS)
    return d.isdigit() and len(d) == 4 and (1300 <= int(d) <= 1450 or 1800 <= int(d) <= 2100)


def figures(text: str) -> list[Mention]:
    out = []
    for m in _FIG.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ",."):
            continue
        end_char = text[m.end() : m.end() + 1]
        if end_char.isdigit():
            continue
        qual, num, num2, noun = m.group("qual"), m.group("num"), m.group("num2"), m.group("noun")
        before = bool(_BEFORE_RE.search(text[max(0, m.start() - 25) : m.start()]))
        big = re.fullmatch(r"[0-9۰-۹]{1,3}(?:[,٬][0-9۰-۹]{3})+", num) is not None and not num2
        if big and m.start() > 0 and text[m.start() - 1] in "$€£¥#":
            continue  # money, not people
        if not (noun or qual or before or big):
            continue
        if _is_year(num) and not (noun and qual and qual.lower() in _YEAR_SAFE):
            continue  # "1988 victims", "over 1988 executions": a year
        if not noun and re.match(r"\s+[^\W\d_]", text[m.end() : m.end() + 3]) and not before:
            continue  # "more than 30 cities": a number of something not counted here
        if not noun and (to_number(num) or 0) < 10:
            continue
        if noun and any(w.lower() in _NOT_BETWEEN for w in noun.split()[:-1]):
            continue  # "for 35 years the families": not a count of families
        start = m.start()
        end = m.end()
        value: dict[str, Any] = {
            "qualifier": qual.lower() if qual else None,
            "unit": noun.split()[-1] if noun else None,
        }
        n1 = to_number(num)
        if num2:
            value["low"], value["high"] = n1, to_number(num2)
        else:
            value["value"] = n1
        out.append(Mention("figure", text[start:end], start, end, "figure pattern", (), value))
    return out

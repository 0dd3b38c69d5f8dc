"""Which end of a name written without a comma holds the surname.

Registers typed from Iranian official records often write the surname first and the given name
after it with nothing to mark the order ("Hosseini Mohammad Reza", «حسینی محمدرضا»), while the
same list or the next one writes "Mohammad Reza Hosseini". The words themselves usually tell:
known surnames and surname endings (-i after a name, -zadeh, -pour, -nejad...) against known
given names. :func:`surname_first_evidence` weighs that for one name, so a caller can decide per
record or, better, per list; :func:`parse_surname_first` then splits a name read that way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dadkhah.names._dictionary import dictionary, entries_for
from dadkhah.names._keys import fine_key
from dadkhah.names._normalize import normalize_text
from dadkhah.names._parse import _SURNAME_PREFIXES, ParsedName, parse_name
from dadkhah.names._titles import LEADING_TITLES, SURNAME_SUFFIXES

__all__ = ["parse_surname_first", "surname_first_evidence"]

# a Latin or Persian word ending like a surname made with -i (Ahmadi, Tehrani, احمدی)
_LATIN_I_ENDING = re.compile(r"(?:[^aeiouy](?:i|y|ee|ie|ey)|(?:ae|ai|a)(?:i|e|y|ee|ie))$")


def _compact(word: str) -> str:
    return normalize_text(word).replace(" ", "")


@lru_cache(maxsize=1)
def _fine_kinds() -> dict[str, frozenset[str]]:
    """Fine key of every dictionary spelling -> the kinds (given, surname) that use it."""
    kinds: dict[str, set[str]] = {}
    for entry in dictionary():
        for form in (*entry.all_latin, *entry.all_persian):
            key = fine_key(form)
            if key:
                kinds.setdefault(key, set()).add(entry.kind)
    return {k: frozenset(v) for k, v in kinds.items()}


@lru_cache(maxsize=100_000)
def _surname_likeness(word: str) -> int:
    """+1 for a word that reads as a surname, -1 for one that reads as a given name, else 0."""
    form = _compact(word)
    if len(form) < 2:
        return 0
    kinds = {e.kind for e in entries_for(form)}
    if kinds == {"surname"}:
        return 1
    if kinds == {"given"}:
        return -1
    if kinds:
        return 0
    if any(form.endswith(s) and len(form) >= len(s) + 2 for s in SURNAME_SUFFIXES):
        return 1
    by_key = _fine_kinds().get(fine_key(form), frozenset())
    if by_key == {"given"}:
        return -1
    if by_key == {"surname"}:
        return 1
    if form.isascii():
        return 1 if len(form) >= 5 and _LATIN_I_ENDING.search(form) else 0
    return 1 if len(form) >= 4 and form.endswith("ی") else 0


def _units(words: list[str]) -> tuple[str, str]:
    """The first and last name units: a standalone suffix or prefix joins its neighbour."""
    first = words[0]
    if len(words) > 2 and (
        _compact(words[1]) in SURNAME_SUFFIXES or _compact(words[0]) in _SURNAME_PREFIXES
    ):
        first = words[0] + words[1]
    last = words[-1]
    before = _compact(words[-2])  # "Pour" after a name is a suffix (Mohsen Pour), not a prefix
    if len(words) > 2 and (
        _compact(words[-1]) in SURNAME_SUFFIXES
        or (before in _SURNAME_PREFIXES and before not in SURNAME_SUFFIXES)
    ):
        last = words[-2] + words[-1]
    return first, last


def _name_words(text: str) -> list[str] | None:
    """The words of the name proper, or None when the writing already fixes the order."""
    if "," in text or "،" in text:
        return None
    parsed = parse_name(text)
    words = [w for w in parsed.parts if _compact(w) not in LEADING_TITLES]
    if len(words) < 2 or any(w.isascii() and w.isupper() and len(w) > 1 for w in words):
        return None
    return words


@lru_cache(maxsize=100_000)
def surname_first_evidence(text: str) -> int:
    """How strongly a name written without a comma reads surname first (-2 to 2).

    Positive: the first word reads as a surname and/or the last as a given name
    ("Hosseini Mohammad Reza", "Mohsen Pour Ahmad"). Negative: the usual order ("Ali Karimi").
    Zero: the words do not tell, or a comma or an all-capitals surname already fixes the order.

    >>> surname_first_evidence("Karimi Hassan"), surname_first_evidence("Hassan Karimi")
    (2, -2)
    """
    words = _name_words(text)
    if words is None:
        return 0
    first, last = _units(words)
    return _surname_likeness(first) - _surname_likeness(last)


def parse_surname_first(text: str) -> ParsedName:
    """Parse a name known to be written surname first: "Mousavi Seyyed Ali son of Hassan".

    The first word is the surname (with a suffix or prefix written apart: "Mohsen Pour",
    "Bani Sadr"), the rest the given name; the father's name and titles are read as
    :func:`parse_name` reads them. A name whose order the writing fixes is parsed as written.
    """
    parsed = parse_name(text)
    words = _name_words(text)
    if words is None:
        return parsed
    cut = 1
    if len(words) > 2 and (
        _compact(words[1]) in SURNAME_SUFFIXES or _compact(words[0]) in _SURNAME_PREFIXES
    ):
        cut = 2
    titles = list(parsed.titles)
    titles += [w for w in parsed.parts if _compact(w) in LEADING_TITLES]
    return ParsedName(
        original=text,
        given=" ".join(words[cut:]) or None,
        surname=" ".join(words[:cut]),
        father=parsed.father,
        titles=tuple(titles),
    )

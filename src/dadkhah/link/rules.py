"""Cannot-link rules between two records: why they cannot be one person, or None.

:mod:`dadkhah.link.clustering` asks these for every pair of records two clusters would join;
the rules weigh evidence rather than fire on any difference (initials, nicknames, shortenings,
one-letter typos and swapped neighbours, a year off by one digit on the same birthday, a date
with one mistyped field), and personal evidence (:mod:`dadkhah.link.evidence`) may outweigh a
rewritten name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dadkhah import names
from dadkhah.link.nicknames import nickname_of

__all__ = [
    "BIRTHDAY_DIFFERS",
    "BIRTH_DIFFERS",
    "DEATH_DIFFERS",
    "FATHER_DIFFERS",
    "GIVEN_DIFFERS",
    "SURNAME_DIFFERS",
    "RecordTraits",
    "can_bridge",
    "dictionary_different",
    "record_conflict",
]

# two spellings of a name part this similar (dadkhah.names.part_similarity) may be one name
PART_SIMILAR = 0.4
FATHER_DIFFERS = "father's name differs"
BIRTH_DIFFERS = "birth years differ"
DEATH_DIFFERS = "death dates differ"
BIRTHDAY_DIFFERS = "birthdays differ"
GIVEN_DIFFERS = "given names differ"
SURNAME_DIFFERS = "surnames differ"
_NAME_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class RecordTraits:
    """What a cannot-link rule looks at for one record."""

    sex: str | None = None
    father: str | None = None
    given: str | None = None
    surname: str | None = None
    birth_from: int | None = None
    birth_to: int | None = None
    given_text: str | None = None
    father_text: str | None = None
    surname_text: str | None = None
    # month * 100 + day of the birth date, when the full date is known
    birth_md: int | None = None
    # the words of the full name as written, when the list gives one
    full_tokens: frozenset[str] = frozenset()
    # personal fields (dadkhah.link.evidence): full birth date as a day number, identifiers
    birth_day: int | None = None
    postcode: str | None = None
    occupation: str | None = None
    email: str | None = None
    # dated and placed evidence (dadkhah.link.features): the death date's range of day numbers
    # when it is known to the month or the day, and the gazetteer keys of the city and prison
    death_from: int | None = None
    death_to: int | None = None
    city: str | None = None
    prison: str | None = None


def _close(a: str, b: str) -> bool:
    """Equal keys, or one edit (or one swap of neighbours) apart when both are 4+ letters;
    a swap of neighbours also in 3-letter keys (mhd/mdh), where one edit would join too much."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swap = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return swap or (len(diff) <= 1 and len(a) >= 4)
    if min(len(a), len(b)) < 4:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=100_000)
def _known_different(a: str, b: str) -> bool:
    """Both are dictionary names, and no dictionary entry holds both (Hassan and Hossein)."""
    ea, eb = names.entries_for(a), names.entries_for(b)
    return bool(ea and eb and not set(ea) & set(eb))


def _edits(a: str, b: str) -> int:
    """Edits between two strings, a swap of neighbouring letters counting as one (optimal
    string alignment distance)."""
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        before, prev = prev, cur
    return prev[-1]


def _latin_typo(a: str, b: str) -> bool:
    """Two Latin spellings one typing error apart (two in long names): Ewan/Ewam."""
    if names.script_of(a) != "latin" or names.script_of(b) != "latin":
        return False
    x, y = names.normalize_latin(a).replace(" ", ""), names.normalize_latin(b).replace(" ", "")
    short = min(len(x), len(y))
    if short < 3 or abs(len(x) - len(y)) > 2:
        return False
    return _edits(x, y) <= (2 if short >= 7 else 1)


@lru_cache(maxsize=100_000)
def _texts_compatible(a: str, b: str) -> bool:
    return (
        names.part_similarity(a, b) >= PART_SIMILAR
        or names.name_similarity(a, b) >= names.REVIEW
        or _latin_typo(a, b)
    )


def _same_name(
    key_a: str | None, key_b: str | None, text_a: str | None, text_b: str | None
) -> bool:
    """Could these two name fields name the same person? (True when either is missing.)"""
    if not key_a or not key_b:
        return True
    if text_a and text_b and _known_different(text_a, text_b):
        return False
    if _close(key_a, key_b):
        return True
    return bool(text_a and text_b and _texts_compatible(text_a, text_b))


def _short_typo(
    key_a: str | None, key_b: str | None, text_a: str | None, text_b: str | None
) -> bool:
    """Two short keys (two or three letters) one edit apart, the first letter kept, where one
    of the two spellings is unknown to the name dictionary: a misspelling (Reza / Reeda, keys
    rz / rd). Between two known names, or keys without their text, one letter is another name."""
    if not key_a or not key_b or key_a[0] != key_b[0] or max(len(key_a), len(key_b)) > 3:
        return False
    if not text_a or not text_b or (names.entries_for(text_a) and names.entries_for(text_b)):
        return False
    return _edits(key_a, key_b) <= 1


def _same_first_name(
    key_a: str | None, key_b: str | None, text_a: str | None, text_b: str | None
) -> bool:
    """:func:`_same_name` for a given or father's name, where a short name's typo is tolerated
    too (:func:`_short_typo`; not for surnames, where it costs precision)."""
    return _same_name(key_a, key_b, text_a, text_b) or _short_typo(key_a, key_b, text_a, text_b)


def _initial(text: str | None) -> str | None:
    """The letter of a name written as an initial ("s." or "s"), else None."""
    if not text:
        return None
    t = text.strip().rstrip(".")
    return t.lower() if len(t) == 1 and t.isalpha() else None


def _latin_variant(a: str | None, b: str | None) -> bool:
    """One Latin name an initial, a nickname-like prefix or a shortening of the other."""
    if not a or not b or names.script_of(a) != "latin" or names.script_of(b) != "latin":
        return False
    x, y = names.normalize_latin(a).replace(" ", ""), names.normalize_latin(b).replace(" ", "")
    ia, ib = _initial(a), _initial(b)
    if ia or ib:
        return bool(x and y and x[0] == y[0])
    if nickname_of(x, y):
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 3 and (long_.startswith(short) or long_.endswith(short))


# words standing where a given name or surname should be that name nobody
_NOT_NAME_WORDS = (
    "sir lady lord mr mrs miss ms dame rev dr revd hon rt bt baronet baron earl duke count"
    " captain capt lieutenant colonel general admiral major vc kbe cbe obe jr sr jun sen"
    " 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th the of"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def _is_name(text: str | None) -> bool:
    if not text:
        return True  # a key without its text: trust the key
    words = [w for w in text.lower().replace(".", " ").replace(",", " ").split() if w]
    return not words or not all(w in _NOT_NAMES for w in words)


def _parts(t: RecordTraits) -> list[tuple[str, str | None]]:
    return [
        (k, x)
        for k, x in ((t.given, t.given_text), (t.surname, t.surname_text))
        if k and _is_name(x)
    ]


def can_bridge(t: RecordTraits) -> bool:
    """Can this record vouch that two other spellings are one name? Only with a given name
    and a surname of one word each: an initial ("J." agrees with John and James) or a compound
    (Ali Reza agrees with Ali and with Reza) holds more than one name."""
    if len(_parts(t)) != 2:
        return False
    return all(
        text is not None and not _initial(text) and len(_NAME_WORD.findall(text)) == 1
        for text in (t.given_text, t.surname_text)
    )


def dictionary_different(a: RecordTraits, b: RecordTraits) -> bool:
    """Do the name dictionary's entries say two records' given names, or surnames, are two
    names (Mohammad and Mehdi)? Then no third spelling can make them one."""
    pairs = (
        (a.given_text, b.given_text),
        (a.surname_text, b.surname_text),
        (a.given_text, b.surname_text),
        (a.surname_text, b.given_text),
    )
    return any(x and y and _known_different(x, y) for x, y in pairs)


def _written_in(text: str | None, other: RecordTraits) -> bool:
    """Is this name part one of the words of the other record's full name?"""
    return bool(text and other.full_tokens and text.lower().strip(".,") in other.full_tokens)


def _same_letters(a: RecordTraits, b: RecordTraits) -> bool:
    """The whole name, word breaks ignored, read in either order, is one key: the border
    between given name and surname moved ("Mahdi Nik | Bakht" / "Mahdi | Nikbakht")."""
    if not (a.given and a.surname and b.given and b.surname):
        return False
    return bool(
        {a.given + a.surname, a.surname + a.given} & {b.given + b.surname, b.surname + b.given}
    )


def _names_agree(a: RecordTraits, b: RecordTraits) -> bool:
    """Do the given name and surname of two records agree, allowing for swaps and lone parts?"""
    pa, pb = _parts(a), _parts(b)
    if len(pa) < 2 or len(pb) < 2:
        # one record holds a single name part: it must match some part of the other
        if not pa or not pb:
            return True
        lone, other = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
        return any(
            _same_name(lone[0][0], k, lone[0][1], x) or _latin_variant(lone[0][1], x)
            for k, x in other
        )
    given = (
        _same_first_name(a.given, b.given, a.given_text, b.given_text)
        or _latin_variant(a.given_text, b.given_text)
        or _written_in(a.given_text, b)
        or _written_in(b.given_text, a)
    )
    surname = (
        _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
        or _written_in(a.surname_text, b)
        or _written_in(b.surname_text, a)
    )
    if given and surname:
        return True
    if _same_letters(a, b) and not dictionary_different(a, b):
        return True
    # a name written surname first in one list: the parts swapped over
    return _same_name(a.given, b.surname, a.given_text, b.surname_text) and _same_name(
        a.surname, b.given, a.surname_text, b.given_text
    )


def _year_typo(a: RecordTraits, b: RecordTraits, names_agree: bool) -> bool:
    """Two exact birth years one digit apart, on the same day of the year or with agreeing
    given name and surname: most likely one mistyped digit."""
    if a.birth_from != a.birth_to or b.birth_from != b.birth_to:
        return False
    same_day = a.birth_md is not None and a.birth_md == b.birth_md
    full_names = len(_parts(a)) == 2 and len(_parts(b)) == 2
    if not (same_day or (names_agree and full_names)):
        return False
    ya, yb = str(a.birth_from), str(b.birth_from)
    return len(ya) == len(yb) and sum(p != q for p, q in zip(ya, yb, strict=True)) == 1


def _birth_conflict(a: RecordTraits, b: RecordTraits, tolerance: int, names_agree: bool) -> bool:
    if a.birth_from is None or b.birth_from is None:
        return False
    lo = max(a.birth_from, b.birth_from)
    hi = min(a.birth_to or a.birth_from, b.birth_to or b.birth_from)
    return lo - hi > tolerance and not _year_typo(a, b, names_agree)


# death dates known to the day or the month more than a month apart are two deaths (a month's
# slack: a date taken from a burial or a family's report, a mistyped month, a day and month
# read in the other calendar; a season or a year says too little); birthdays further apart in
# the year than BIRTHDAY_DAYS are two birthdays (a year mistyped or read in the other calendar
# keeps the birthday)
DEATH_DAYS = 31
DEATH_PRECISION_DAYS = 31
BIRTHDAY_DAYS = 3
_YEAR = 365.2425


def _death_range(t: RecordTraits) -> tuple[int, int] | None:
    """The death date's day range when it is known to the month or better."""
    if t.death_from is None or t.death_to is None:
        return None
    if t.death_to - t.death_from > DEATH_PRECISION_DAYS:
        return None
    return t.death_from, t.death_to


def _one_field_apart(a: RecordTraits, b: RecordTraits) -> bool:
    """Two full birth dates in the same year that share the month or the day: one mistyped
    field (1849-03-12 / 1849-03-21, 1849-03-12 / 1849-08-12), not two birthdays."""
    if a.birth_md is None or b.birth_md is None or a.birth_from != b.birth_from:
        return False
    return a.birth_md // 100 == b.birth_md // 100 or a.birth_md % 100 == b.birth_md % 100


def _evidence_against(a: RecordTraits, b: RecordTraits) -> str | None:
    """Dates and places that say two records are two people, or None.

    Each is weighed against the other dated evidence: death dates (to the day or the month)
    more than a month apart, unless the full birth dates are the same; full birth dates on
    different days of the year, unless the death dates are the same day; and both the city and
    the prison differing (one of them alone differs often enough: a place of birth against a
    place of death, a transfer).
    """
    same_death = False
    if a.death_from is not None and b.death_from is not None:
        da, db = _death_range(a), _death_range(b)
        if da is not None and db is not None:
            same_birth = a.birth_day is not None and a.birth_day == b.birth_day
            if max(da[0], db[0]) - min(da[1], db[1]) > DEATH_DAYS and not same_birth:
                return DEATH_DIFFERS
            same_death = da == db and da[0] == da[1]
    if a.birth_day is not None and b.birth_day is not None and not same_death:
        apart = abs(a.birth_day - b.birth_day) % _YEAR
        if min(apart, _YEAR - apart) > BIRTHDAY_DAYS and not _one_field_apart(a, b):
            return BIRTHDAY_DIFFERS
    if a.city and b.city and a.prison and b.prison and a.city != b.city and a.prison != b.prison:
        return "city and prison differ"
    return None


def record_conflict(
    a: RecordTraits, b: RecordTraits, tolerance: int = 3, strong: int = 0
) -> str | None:
    """Why two records cannot be one person, or None.

    ``strong``: how strongly the pair's personal fields (:mod:`dadkhah.link.evidence`) say it is
    one person: at 1 one agreeing name part outweighs a rewritten other part (a nickname, a
    married name), at 2 both name parts may differ (an alias, a title written for the name).
    """
    if not _same_first_name(a.father, b.father, a.father_text, b.father_text):
        return FATHER_DIFFERS
    names_agree = _names_agree(a, b)
    same_day = a.birth_md is not None and a.birth_md == b.birth_md and a.birth_from == b.birth_from
    # a wrongly recorded sex is tolerated only when the names agree
    if (
        a.sex
        and b.sex
        and a.sex != b.sex
        and not (names_agree and ((a.given and b.given) or strong))
    ):
        return "sex differs"
    if _birth_conflict(a, b, tolerance, names_agree):
        return BIRTH_DIFFERS
    against = _evidence_against(a, b)
    if against is not None and strong < 2:
        return against
    if names_agree:
        return None
    # the same full birth date and one agreeing name part outweigh a differing other part
    if (
        same_day
        and a.surname
        and b.surname
        and _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
    ):
        return None
    given = _same_name(a.given, b.given, a.given_text, b.given_text)
    if strong >= 2:
        return None
    if strong and (
        given
        or (
            a.surname
            and b.surname
            and _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
        )
    ):
        return None
    return GIVEN_DIFFERS if not given else SURNAME_DIFFERS

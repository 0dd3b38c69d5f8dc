"""From list records to comparison features: normalised names, keys, year and day ranges.

Every record becomes one row of plain columns that any SQL backend can compare with ``=``,
``levenshtein`` and arithmetic, so the same features serve DuckDB and Spark:

=================  ==========================================================================
column             meaning
=================  ==========================================================================
given_k1/k2        coarse (cross-script) and fine key of the given name
surname_k1/k2      the same for the surname
father_k1/k2       the same for the father's name
name_k1            coarse key of the whole name, the smaller of given+surname and
                   surname+given: equal when the parts are swapped or split differently
name_k2            fine given + surname key
given_p/surname_p  first two letters of the coarse keys (blocking despite a later typo)
given_a/surname_a  the letters of the coarse keys in sorted order: equal, with the keys two
                   edits apart, when two neighbouring letters were swapped (Ebrahim/Erbahim)
name_a             the letters of given + surname key in sorted order (blocking: meets a name
                   whose word break moved, whose parts swapped, or with two letters swapped)
given_dict         dictionary (Persian) form of a known given name, else null; same for
surname_dict       the surname: known names with other forms are other names
father_common      1 when the father's name is common (Mohammad, Ali...), else 0
sex                ``M`` / ``F`` or null
birth_from/to      birth year range (a Solar Hijri year covers two Gregorian years)
                   (from an ``age`` column and the death date when no birth date is given)
birth_year         the year of the middle of a range at most a year wide (blocking), else null
birth_day          day number when the full birth date is known
death_from/to      death date range as day numbers
city_key           place id from the gazetteer, or the place's coarse key
prison_key         the same for the prison
=================  ==========================================================================
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from dadkhah import dates, names, places

__all__ = ["FEATURE_COLUMNS", "RECORD_COLUMNS", "TEXT_COLUMNS", "build_features"]

log = logging.getLogger(__name__)

RECORD_COLUMNS: tuple[str, ...] = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_date",
    "birth_place",
    "city",
    "province",
    "prison",
    "death_date",
)

FEATURE_COLUMNS: tuple[str, ...] = (
    "unique_id",
    "given_k1",
    "given_k2",
    "surname_k1",
    "surname_k2",
    "father_k1",
    "father_k2",
    "name_k1",
    "name_k2",
    "given_p",
    "surname_p",
    "given_a",
    "surname_a",
    "name_a",
    "sex",
    "birth_from",
    "birth_to",
    "birth_year",
    "birth_day",
    "death_from",
    "death_to",
    "city_key",
    "prison_key",
    "given_dict",
    "surname_dict",
    "father_common",
    "postcode_key",
    "occupation_key",
    "email_key",
)

# optional columns some lists carry beyond the standard list format; used when present
EXTRA_COLUMNS: tuple[str, ...] = ("postcode", "occupation", "email")

# kept beside the features for the cannot-link rules, never sent to the SQL engine
TEXT_COLUMNS: tuple[str, ...] = ("given_text", "surname_text", "father_text", "full_text")

_EPOCH = date(1900, 1, 1).toordinal()


def _year(day: int) -> int:
    """The Gregorian year of a day index (days since 1 January 1900)."""
    return date.fromordinal(day + _EPOCH).year


_YEAR_ONLY = re.compile(r"^((?:1[0-9]|20)[0-9]{2})[-/.]")
_AGE = re.compile(r"(?<![0-9])([0-9]{1,3})(?![0-9])")
MAX_AGE = 110


def parse_age(text: str) -> int | None:
    """Age in whole years from a list's age cell ("32", "۳۲", "32 years", "۳۲ ساله"), else None.

    A cell holding more than one number ("30-35") or a number above :data:`MAX_AGE` says too
    little to be used.
    """
    found = _AGE.findall(names.to_ascii_digits(text)) if text else []
    if len(found) != 1:
        return None
    age = int(found[0])
    return age if age <= MAX_AGE else None


def _birth_from_age(feats: pd.DataFrame, ages: pd.Series) -> None:
    """Fill the birth-year range from the age at death where a record has no birth date.

    Someone aged ``a`` at a death in year ``y`` was born in ``y - a - 1`` or ``y - a``.
    """
    age = ages.map(parse_age)
    use = (age.notna() & feats["birth_from"].isna() & feats["death_from"].notna()).to_numpy()
    if not use.any():
        return
    rows = np.flatnonzero(use)
    years = age.to_numpy()[rows].astype(np.int64)
    first = [_year(int(d)) for d in feats["death_from"].to_numpy()[rows]]
    last = [_year(int(d)) for d in feats["death_to"].to_numpy()[rows]]
    mask = pd.Series(use, index=feats.index)
    feats.loc[mask, "birth_from"] = np.asarray(first, dtype=np.int64) - years - 1
    feats.loc[mask, "birth_to"] = np.asarray(last, dtype=np.int64) - years


# a father's name borne by at least this share of men (Mohammad, Ali, Hossein, Hassan...)
COMMON_FATHER_SHARE = 0.01

_SEX = {
    "m": "M", "male": "M", "man": "M", "h": "M", "مرد": "M", "مذکر": "M", "پسر": "M",
    "f": "F", "female": "F", "woman": "F", "زن": "F", "مونث": "F", "مؤنث": "F", "دختر": "F",
}  # fmt: skip


# Honorifics that lists add to or drop from a given name; removed before keys are built.
_LEADING_TITLES = frozenset(
    [
        "seyed",
        "seyyed",
        "sayed",
        "sayyed",
        "sayyid",
        "syed",
        "seyyedeh",
        "sayyedeh",
        "haj",
        "haji",
        "hajj",
        "shahid",
        "سید",
        "سیده",
        "حاج",
        "حاجی",
        "شهید",
    ]
)
_TRAILING_TITLES = frozenset(
    ["sadat", "khanom", "khanum", "beygom", "begum", "سادات", "خانم", "بیگم"]
)


# Sadat joined to a female given name: فاطمه‌سادات, زهراسادات, Fatemehsadat
_JOINED_SADAT = re.compile(r"^(.{2,}?)[\u200c-]?(?:سادات|sadat)$", re.IGNORECASE)


def _strip_titles(given: str) -> str:
    words = given.split()
    while len(words) > 1 and words[0].lower().strip(".") in _LEADING_TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _TRAILING_TITLES:
        words = words[:-1]
    joined = _JOINED_SADAT.match(words[-1]) if words else None
    if joined:
        words[-1] = joined.group(1)
    return " ".join(words)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


@lru_cache(maxsize=200_000)
def _canonical(token: str, kind: str | None) -> str:
    """The dictionary's Persian spelling of a name (Rida, Ridha, Reza → رضا), else the name."""
    found = names.entries_for(token, kind) if kind in ("given", "surname") else ()
    found = found or names.entries_for(token)
    return found[0].persian if found else token


def _word_parts(word: str, kind: str | None) -> list[str]:
    """One word of a name as the parts its keys are taken from: the dictionary form of a
    known name; the parts of a Latin compound surname (Molla + فلاحی), so that letters of two
    parts are never read as one (the s and h of Agha-Eshaghi); else the word."""
    canonical = _canonical(word, kind)
    if canonical != word or kind == "given":
        return [canonical]
    parts = names.compound_parts(word) or (word,)
    if not any(p.isascii() for p in parts):
        # all known: one Persian word, keyed as the Persian spelling is (a letter doubled
        # across two parts is one letter, as in «میرجماللو»)
        return ["".join(parts)]
    return list(parts)


@lru_cache(maxsize=200_000)
def _keys(text: str, kind: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Coarse key, fine key and per-token coarse keys of one name field.

    Keys are taken from the dictionary form of the whole name, or else of each word, so that
    spellings the letter rules cannot bring together (Arabic-style Rida, Kadhim, Muhammad) meet.
    """
    if not text:
        return "", "", ()
    whole = names.entries_for(text)
    words = text.replace("-", " ").split()
    parts = [whole[0].persian] if whole else [p for w in words for p in _word_parts(w, kind)]
    # word by word: a name whose known words were replaced by their Persian form and whose
    # other words stayed Latin ("MIR حمیدی") must keep its word order in the key
    k1 = "".join(names.match_key(p) for p in parts)
    k2 = "".join(names.fine_key(p) for p in parts)
    tokens = tuple(t for t in (names.match_key(_canonical(w, kind)) for w in words) if t)
    return k1, k2, tokens


@lru_cache(maxsize=4)
def _fine_key_index(kind: str | None) -> dict[str, str | None]:
    """Fine key of every dictionary spelling of ``kind`` -> its Persian form (None: ambiguous)."""
    index: dict[str, str | None] = {}
    for entry in names.dictionary():
        if kind in ("given", "surname") and entry.kind != kind:
            continue
        persian = entry.persian.replace(" ", "").replace("\u200c", "")
        for form in (*entry.all_latin, *entry.all_persian):
            key = names.fine_key(form)
            if key:
                index[key] = persian if index.get(key, persian) == persian else None
    return index


def _dict_word(word: str, kind: str | None) -> str | None:
    """Dictionary (Persian) form of one word; a spelling the dictionary does not list is
    recognised by its fine key when that key belongs to one name only (Mohemmad → محمد,
    Mooussavi → موسوی), so that it still differs from another known name (Mahmoud)."""
    found = names.entries_for(word, kind) if kind in ("given", "surname") else ()
    found = found or names.entries_for(word)
    if found:
        return found[0].persian
    return _fine_key_index(kind).get(names.fine_key(word))


@lru_cache(maxsize=200_000)
def _dict_form(text: str, kind: str | None) -> str | None:
    """The dictionary's Persian spelling when every word of the name is a known name, else None.

    Two known names with different dictionary forms are different names even where the keys
    collide (Hassan/Hossein, Mohammad/Mahmoud, Ahmad/Hamid).
    """
    if not text:
        return None
    whole = names.entries_for(text)
    if whole:
        return whole[0].persian.replace(" ", "").replace("\u200c", "")
    out = []
    for w in text.replace("-", " ").split():
        form = _dict_word(w, kind)
        if form is None:
            return None
        out.append(form)
    return "".join(out).replace(" ", "").replace("\u200c", "") or None


@lru_cache(maxsize=200_000)
def _parsed(full_name: str) -> tuple[str, str, str]:
    p = names.parse_name(full_name)
    return p.given or "", p.father or "", p.surname or ""


@lru_cache(maxsize=100_000)
def _date_range(text: str) -> tuple[int, int, int, int] | None:
    """(year_from, year_to, day_from, day_to) of a date text, or None."""
    if not text:
        return None
    r = dates.parse_date(text)
    if r is None and len(text) == 8 and text.isdigit():  # compact ISO date: 19420127
        r = dates.parse_date(f"{text[:4]}-{text[4:6]}-{text[6:]}")
    if r is None:
        m = _YEAR_ONLY.match(text)  # a damaged date whose year is still legible: 1858-71-09
        r = dates.parse_date(m.group(1)) if m else None
    if r is None:
        return None
    return r.start.year, r.end.year, r.start.toordinal() - _EPOCH, r.end.toordinal() - _EPOCH


@lru_cache(maxsize=50_000)
def _place_key(text: str, kind: Any = None) -> str:
    if not text:
        return ""
    place = places.resolve_place(text, kind)
    if place is not None:
        return f"place:{place.id}"
    return names.match_key(text)


@lru_cache(maxsize=50_000)
def _father_common(father: str) -> int | None:
    if not father:
        return None
    return 1 if names.name_frequency(father, "given") >= COMMON_FATHER_SHARE else 0


def _plain_key(text: str) -> str | None:
    """Lower case, letters and digits only: " TQ13 8DF " and "tq138df" give one key."""
    key = "".join(ch for ch in text.lower() if ch.isalnum())
    return key or None


def _letters(key: Any) -> str | None:
    """A key's letters in sorted order (the same for two keys that differ by a swap)."""
    return "".join(sorted(key)) if isinstance(key, str) and key else None


def _sex(text: str) -> str:
    return _SEX.get(text.lower(), "") if text else ""


@lru_cache(maxsize=200_000)
def _parsed_surname_first(full_name: str) -> tuple[str, str, str]:
    p = names.parse_surname_first(full_name)
    return p.given or "", p.father or "", p.surname or ""


def _name_features(
    given: str, surname: str, father: str, full: str, surname_first: str = ""
) -> dict[str, Any]:
    """Every name column of one record, from its name fields as written.

    ``surname_first`` (non-empty) says the full name is written surname first without a comma.
    """
    if full and not (given and surname):
        pg, pf, ps = _parsed_surname_first(full) if surname_first else _parsed(full)
        given = given or pg
        surname = surname or ps
        father = father or pf
    given = _strip_titles(given) if given else given
    father = _strip_titles(father) if father else father  # "Haj Gorban" is Gorban
    g1, g2, _ = _keys(given, "given")
    s1, s2, _ = _keys(surname, "surname")
    f1, f2, _ = _keys(father, "given")
    # the whole name read in both orders, word breaks ignored: "Gholam Hossein Jafarpour",
    # "Jafarpour Gholamhossein" and "Jafar Pour Gholam Hossein" meet, wherever the parser put
    # the border between the parts
    whole = min(g1 + s1, s1 + g1)
    return {
        "given_k1": g1 or None,
        "given_k2": g2 or None,
        "surname_k1": s1 or None,
        "surname_k2": s2 or None,
        "father_k1": f1 or None,
        "father_k2": f2 or None,
        "name_k1": whole or None,
        "name_k2": f"{g2}|{s2}" if g2 and s2 else None,
        "given_p": g1[:2] or None,
        "surname_p": s1[:2] or None,
        "given_dict": _dict_form(given, "given"),
        "surname_dict": _dict_form(surname, "surname"),
        "father_common": _father_common(father),
        "given_text": given or None,
        "surname_text": surname or None,
        "father_text": father or None,
        "full_text": full or None,
    }


def _blocking_year(r: tuple[int, int, int, int]) -> int | None:
    """The year of the middle day of a birth range at most a year wide, else None.

    A Solar Hijri year (1312 = 21 March 1933 to 20 March 1934) spans two Gregorian years but
    still names one birth year: its key is the year holding most of it (1933), the key the
    Gregorian year 1933 gets too.
    """
    if r[3] - r[2] > 366:
        return None
    return _year((r[2] + r[3]) // 2)


def _birth(text: str) -> dict[str, Any]:
    r = _date_range(text)
    if r is None:
        return {"birth_from": None, "birth_to": None, "birth_year": None, "birth_day": None}
    return {
        "birth_from": r[0],
        "birth_to": r[1],
        "birth_year": _blocking_year(r),
        "birth_day": r[2] if r[2] == r[3] else None,
    }


def _death(text: str) -> dict[str, Any]:
    r = _date_range(text)
    return {"death_from": r[2] if r else None, "death_to": r[3] if r else None}


def _column(records: pd.DataFrame, name: str) -> pd.Series:
    if name not in records.columns:
        return pd.Series([""] * len(records), index=records.index, dtype=object)
    return records[name].map(_text, na_action="ignore").fillna("").astype(object)


def _per_unique(
    keys: pd.Series, fn: Callable[..., dict[str, Any]], *parts: pd.Series
) -> pd.DataFrame:
    """Apply ``fn`` once per distinct value of ``keys`` and spread the result to every row."""
    codes, uniques = pd.factorize(keys, sort=False)
    first = np.zeros(len(uniques), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    columns = [p.tolist() for p in parts]
    rows = [fn(*(c[i] for c in columns)) for i in first.tolist()]
    table = pd.DataFrame(rows)
    return table.iloc[codes].reset_index(drop=True)


# a list whose names read surname first this many times as often as given name first (and at
# least SURNAME_FIRST_MIN times) is taken to write every name that way
SURNAME_FIRST_RATIO = 3
SURNAME_FIRST_MIN = 5


def _surname_first_flags(records: pd.DataFrame, cols: dict[str, pd.Series]) -> pd.Series:
    """ "1" for a record whose full name is written surname first, else "".

    Each name's own words decide when they are clear both ways (a known surname first, a known
    given name last); the rest follow the habit of their list (``list_name`` or ``list``), as
    registers copied from official records write every name surname first.
    """
    full = cols["full_name"]
    only_full = (full != "") & ((cols["given_name"] == "") | (cols["surname"] == ""))
    evidence = pd.Series(0, index=full.index, dtype="int64")
    if only_full.any():
        evidence[only_full] = full[only_full].map(names.surname_first_evidence).astype("int64")
    flag = evidence >= 2
    list_col = next((c for c in ("list_name", "list") if c in records.columns), None)
    if list_col is not None and only_full.any():
        lists = records[list_col].astype(str).reset_index(drop=True)
        first = (evidence > 0).groupby(lists).sum()
        given = (evidence < 0).groupby(lists).sum()
        habit = first[(first >= SURNAME_FIRST_MIN) & (first >= SURNAME_FIRST_RATIO * given)].index
        flag |= lists.isin(habit) & only_full & (evidence >= 0)
    return flag.map({True: "1", False: ""}).astype(object)


def build_features(
    records: pd.DataFrame, *, progress: Callable[[int], None] | None = None
) -> pd.DataFrame:
    """One feature row per record. ``records`` needs ``unique_id`` and any of RECORD_COLUMNS.

    Work is done once per distinct value (names, dates and places repeat a lot), so a million
    records cost about as much as their distinct spellings.
    """
    n = len(records)
    if n == 0:
        return pd.DataFrame(columns=[*FEATURE_COLUMNS, *TEXT_COLUMNS])
    cols = {c: _column(records, c).reset_index(drop=True) for c in RECORD_COLUMNS}
    order = _surname_first_flags(records, cols)
    name_key = (
        order
        + "\x1f"
        + cols["given_name"]
        + "\x1f"
        + cols["surname"]
        + "\x1f"
        + cols["father_name"]
        + "\x1f"
        + cols["full_name"]
    )
    parts = [
        _per_unique(
            name_key,
            _name_features,
            cols["given_name"],
            cols["surname"],
            cols["father_name"],
            cols["full_name"],
            order,
        ),
        _per_unique(cols["birth_date"], _birth, cols["birth_date"]),
        _per_unique(cols["death_date"], _death, cols["death_date"]),
    ]
    if progress is not None:
        progress(n)
    place = cols["city"].where(cols["city"] != "", cols["birth_place"])
    feats = pd.concat(parts, axis=1)
    feats["unique_id"] = records["unique_id"].to_numpy()
    for part in ("given", "surname"):
        feats[f"{part}_a"] = feats[f"{part}_k1"].map(_letters)
    both = feats["given_k1"].notna() & feats["surname_k1"].notna()
    whole = feats["given_k1"].where(both, "") + feats["surname_k1"].where(both, "")
    feats["name_a"] = whole.map(_letters)
    feats["sex"] = cols["sex"].map(lambda v: _sex(v) or None)
    feats["city_key"] = place.map(lambda v: _place_key(v) or None)
    feats["prison_key"] = cols["prison"].map(lambda v: _place_key(v, "prison") or None)
    for extra in EXTRA_COLUMNS:
        feats[f"{extra}_key"] = _column(records, extra).reset_index(drop=True).map(_plain_key)
    if "age" in records.columns:
        _birth_from_age(feats, _column(records, "age").reset_index(drop=True))
    feats = feats[[*FEATURE_COLUMNS, *TEXT_COLUMNS]]
    for c in (
        "birth_from",
        "birth_to",
        "birth_year",
        "birth_day",
        "death_from",
        "death_to",
        "father_common",
    ):
        feats[c] = feats[c].astype("Int64")
    log.info("built features for %d records", len(feats))
    return feats

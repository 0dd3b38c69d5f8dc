"""Name features of a record: keys of the given name, surname and father's name.

Keys (:func:`dadkhah.names.match_key`, :func:`~dadkhah.names.fine_key`) are taken from the
dictionary's Persian form where a name is known, and part by part for a Latin compound surname
(:func:`dadkhah.names.compound_parts`), so that spellings the letter rules cannot bring together
meet. A full name is read surname first where its words or its list's habit say so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pandas as pd

from dadkhah import names

__all__ = [
    "COMMON_FATHER_SHARE",
    "SURNAME_FIRST_MIN",
    "SURNAME_FIRST_RATIO",
    "name_columns",
    "surname_first_flags",
]


# a father's name borne by at least this share of men (Mohammad, Ali, Hossein, Hassan...)
COMMON_FATHER_SHARE = 0.01


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


@lru_cache(maxsize=50_000)
def _father_common(father: str) -> int | None:
    if not father:
        return None
    return 1 if names.name_frequency(father, "given") >= COMMON_FATHER_SHARE else 0


@lru_cache(maxsize=200_000)
def _parsed_surname_first(full_name: str) -> tuple[str, str, str]:
    p = names.parse_surname_first(full_name)
    return p.given or "", p.father or "", p.surname or ""


def name_columns(
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


# a list whose names read surname first this many times as often as given name first (and at
# least SURNAME_FIRST_MIN times) is taken to write every name that way
SURNAME_FIRST_RATIO = 3
SURNAME_FIRST_MIN = 5


def surname_first_flags(records: pd.DataFrame, cols: dict[str, pd.Series]) -> pd.Series:
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

"""Titles, honorifics and connector words met in Persian name fields, in both scripts.

They are kept as attributes of a parsed name (never thrown away) and left out of the matching
keys. The forms are stored in search normalisation (:func:`~dadkhah.names.normalize_text`).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ARTICLES",
    "CONNECTORS",
    "FATHER_MARKERS",
    "LEADING_TITLES",
    "PILGRIM_TITLES",
    "SADAT",
    "SURNAME_SUFFIXES",
    "TRAILING_HONORIFICS",
    "canonical_title",
]

# title form -> canonical English label
_TITLE_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "Seyyed": (
        "seyyed",
        "seyed",
        "sayyed",
        "sayed",
        "sayyid",
        "sayid",
        "syed",
        "seyyid",
        "sied",
        "سید",
    ),
    "Seyyedeh": ("seyyedeh", "seyedeh", "sayyedeh", "sayedeh", "seyyede", "seyede", "سیده"),
    "Haj": ("haj", "haji", "hajj", "hajji", "hadj", "hadji", "حاج", "حاجی"),
    "Hajieh": ("hajieh", "hajiyeh", "hajiye", "حاجیه"),
    "Mashhadi": ("mashhadi", "mashadi", "mashti", "مشهدی", "مشتی"),
    "Karbalaei": ("karbalaei", "karbalai", "karbalaee", "کربلایی", "کربلائی"),
    "Shahid": ("shahid", "shaheed", "شهید"),
    "Sheikh": ("sheikh", "sheykh", "shaikh", "شیخ"),
    "Khan": ("khan", "خان"),
    "Beyg": ("beyg", "beig", "baig", "beyk", "beik", "بیگ", "بیک"),
    "Khanom": ("khanom", "khanum", "khanoum", "khanoom", "خانم"),
    "Beygom": ("beygom", "beigom", "begum", "baygom", "بیگم"),
    "Khatoun": ("khatoun", "khatun", "khatoon", "خاتون"),
    "Sadat": ("sadat", "سادات"),
}

_CANONICAL = {form: label for label, forms in _TITLE_FORMS.items() for form in forms}

LEADING_TITLES: Final = frozenset(
    f
    for label in ("Seyyed", "Seyyedeh", "Haj", "Hajieh", "Shahid", "Sheikh")
    for f in _TITLE_FORMS[label]
)
# Pilgrim titles are also common surnames: stripped only when two more words follow.
PILGRIM_TITLES: Final = frozenset(_TITLE_FORMS["Mashhadi"] + _TITLE_FORMS["Karbalaei"])
TRAILING_HONORIFICS: Final = frozenset(
    f for label in ("Khan", "Beyg", "Khanom", "Beygom", "Khatoun") for f in _TITLE_FORMS[label]
)
SADAT: Final = frozenset(_TITLE_FORMS["Sadat"])

# Words that join name parts without being one: ezafe and "and".
CONNECTORS: Final = frozenset({"e", "ye", "-e", "-ye"})
# Arabic article written as its own word (Abd al-Rahim, Zia al Din).
ARTICLES: Final = frozenset({"al", "ol", "ul", "el", "ed", "od", "ud"})
# "son/daughter of": the words that introduce a father's name.
FATHER_MARKERS: Final = frozenset(
    {
        "فرزند",
        "ولد",
        "بنت",
        "پسر",
        "دختر",
        "son of",
        "daughter of",
        "child of",
        "s o",
        "d o",
        "fd",
        "farzand",
        "farzande",
        "farzand e",
        "valad",
        "bint",
        "ibn",
        "bin",
        "ben",
    }
)
# Second parts of compound surnames written as separate words (Hasan Zadeh, Reza Nejad).
SURNAME_SUFFIXES: Final = frozenset(
    {
        "zadeh",
        "zade",
        "zada",
        "pour",
        "pur",
        "poor",
        "nejad",
        "nezhad",
        "nejhad",
        "nia",
        "niya",
        "far",
        "khani",
        "lou",
        "loo",
        "lu",
        "vand",
        "زاده",
        "پور",
        "نژاد",
        "نزاد",
        "نیا",
        "فر",
        "خانی",
        "لو",
        "وند",
    }
)


def canonical_title(form: str) -> str | None:
    """English label of a title written ``form`` (search-normalised), or None if not a title."""
    return _CANONICAL.get(form)

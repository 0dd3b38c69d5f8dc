"""Normalisation of Persian/Arabic-script and Latin-script name text.

Two levels:

* :func:`normalize_persian` gives a *display-safe* Persian form: the text still reads as Persian
  (آ, ئ, ؤ, ء and a single ZWNJ between letters are kept), but every codepoint that only varies
  by keyboard, font or PDF extraction is folded to one form.
* :func:`normalize_latin` and :func:`normalize_text` give *search* forms: lower case, no accents,
  no apostrophes, hyphens as spaces. ``normalize_text`` accepts either script (or both) and is the
  one function full-text search applies to the index and to the query.

All three are idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

__all__ = [
    "ZWNJ",
    "Script",
    "normalize_latin",
    "normalize_persian",
    "normalize_text",
    "script_of",
    "to_ascii_digits",
]

ZWNJ = "\u200c"
Script = Literal["persian", "latin", "mixed", "other"]

# Codepoints deleted everywhere: bidi controls, tatweel, harakat, superscript alef,
# Quranic annotation marks, ZWJ and other invisible format characters.
_DELETE = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u0640\u200d\ufeff\u00ad\u2060"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6))
)

# Letter forms folded to the Persian letter (display-safe: Kurdish vowels ە ۆ ێ are kept).
_LETTERS = {
    "\u064a": "\u06cc",  # ي Arabic yeh
    "\u0649": "\u06cc",  # ى alef maksura
    "\u06d0": "\u06cc",  # ې
    "\u06cd": "\u06cc",  # ۍ
    "\u06d2": "\u06cc",  # ے
    "\u0643": "\u06a9",  # ك Arabic kaf
    "\u06aa": "\u06a9",  # ڪ
    "\u0629": "\u0647",  # ة teh marbuta
    "\u06c0": "\u0647",  # ۀ heh with yeh above (ezafe)
    "\u06c1": "\u0647",  # ہ heh goal
    "\u06be": "\u0647",  # ھ heh doachashmee
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0671": "\u0627",  # ٱ
}

_DIGITS: dict[str, str | int | None] = {chr(0x06F0 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x0660 + i): str(i) for i in range(10)})

_TRANSLATE = str.maketrans({**dict.fromkeys(_DELETE, None), **_LETTERS, **_DIGITS})

_ARABIC_BLOCK = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZWNJ_RUN = re.compile(r"\u200c+")
_ZWNJ_EDGE = re.compile(r"\s*\u200c\s*")
_APOSTROPHES = "'’‘ʿʾ`´ʼʻ\u02bf\u02be"
_LATIN_SEPARATORS = re.compile(r"[-_.·/]+")
_PERSIAN_PUNCT = str.maketrans({"،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ","})


def to_ascii_digits(text: str) -> str:
    """Replace Persian (U+06F0..) and Arabic-Indic (U+0660..) digits by ASCII digits."""
    return text.translate(str.maketrans(_DIGITS))


@lru_cache(maxsize=200_000)
def normalize_persian(text: str) -> str:
    """Fold Persian/Arabic script to one display-safe form.

    NFKC (presentation forms, ligatures), then delete bidi controls, tatweel and diacritics, map
    Arabic yeh/kaf/teh marbuta/hamza-alef forms to the Persian letters, convert digits to ASCII,
    keep one ZWNJ only between two letters, collapse whitespace. Latin text passes through with
    only whitespace and digit changes.

    >>> normalize_persian("علي")
    'علی'
    """
    if not text:
        return ""
    # ۀ must become ه before NFKC can split it into ە + hamza (the Kurdish vowel).
    s = text.replace("\u06c0", "\u0647").replace("\u06d5\u0654", "\u0647")
    s = unicodedata.normalize("NFKC", s)
    s = s.translate(_TRANSLATE).translate(_PERSIAN_PUNCT)
    s = _ZWNJ_RUN.sub(ZWNJ, s)
    s = _ZWNJ_EDGE.sub(lambda m: ZWNJ if m.group(0) == ZWNJ else " ", s)
    s = _SPACES.sub(" ", s).strip(" " + ZWNJ)
    return s


def _fold_latin_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" or "\u0250" <= ch <= "\u02af":
        special = _LATIN_SPECIAL.get(ch.lower())
        if special is not None:
            return special
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        return base.lower()
    return ch


# Letters whose accent carries a different letter in the scholarly transliteration schemes
# (UN 2012, Encyclopaedia Iranica, DMG): ž = zh, š = sh, ḵ/ḫ = kh, ḡ/ġ = gh, ǧ = j, ḏ = z, ṯ = s.
LATIN_SPECIAL: dict[str, str] = {
    "ž": "zh",
    "š": "sh",
    "č": "ch",
    "ḵ": "kh",
    "ḫ": "kh",
    "ẖ": "kh",
    "ḡ": "gh",
    "ġ": "gh",
    "ǧ": "j",
    "ǰ": "j",
    "ḏ": "z",
    "ṯ": "s",
    "ḳ": "q",
    "ß": "ss",
    "æ": "ae",
}
_LATIN_SPECIAL = LATIN_SPECIAL


@lru_cache(maxsize=200_000)
def normalize_latin(text: str) -> str:
    """Fold a Latin spelling to its search form.

    Lower case, accents removed (ā→a, ḥ→h; š→sh, ž→zh), apostrophes for ع/ء removed, hyphens,
    dots and underscores turned into spaces, whitespace collapsed. Doubled letters are kept
    (``hassan`` stays readable); the matching keys absorb them.

    >>> normalize_latin("Gholām-Reẕā")
    'gholam reza'
    """
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text)
    s = "".join(_fold_latin_char(ch) for ch in s if ch not in _APOSTROPHES)
    # removing an apostrophe can bring two combining marks together: put them in canonical order
    s = unicodedata.normalize("NFC", s)
    s = _LATIN_SEPARATORS.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def normalize_text(text: str) -> str:
    """Search form of text in either script (or both): used on the index and on the query.

    Persian runs get :func:`normalize_persian` plus the key-level folds (ZWNJ to a space, so each
    part of a compound is a word; آ to ا; hamza carriers to their letters); Latin runs get
    :func:`normalize_latin`.

    >>> normalize_text("Ali  علي‌رضا")
    'ali علی رضا'
    """
    if not text:
        return ""
    s = normalize_persian(text)
    s = s.replace(ZWNJ, " ").translate(_SEARCH_FOLD)
    s = "".join(_fold_latin_char(ch) for ch in s if ch not in _APOSTROPHES)
    s = _LATIN_SEPARATORS.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


_SEARCH_FOLD = str.maketrans({"آ": "ا", "ئ": "ی", "ؤ": "و", "ء": None})


@lru_cache(maxsize=100_000)
def script_of(text: str) -> Script:
    """Which script a name is written in: ``persian`` (any Arabic-script letters, Kurdish
    included), ``latin``, ``mixed`` (both) or ``other`` (neither, e.g. digits only).

    Runs after NFKC, so presentation forms from PDF extraction count as Persian.
    """
    s = unicodedata.normalize("NFKC", text)
    has_fa = any(_ARABIC_BLOCK.match(ch) and ch.isalpha() for ch in s)
    has_la = _LATIN_LETTER.search(s) is not None
    if has_fa and has_la:
        return "mixed"
    if has_fa:
        return "persian"
    if has_la:
        return "latin"
    return "other"

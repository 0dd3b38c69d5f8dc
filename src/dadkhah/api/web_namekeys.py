"""Search keys for names written in Persian or Latin script, for the workbench's name search.

Two keys per word:

* the **text key**: the word normalised within its script (Arabic letter forms folded to Persian,
  diacritics, tatweel and zero-width joiners removed, Persian and Arabic digits made ASCII; Latin
  letters lower-cased with accents removed);
* the **sound key**: a consonant skeleton shared by both scripts. Letters that sound alike in Persian
  (س ص ث, ز ذ ض ظ, ت ط, ح ه, ق غ) fall into one class, Latin digraphs (kh, sh, ch, gh, zh) map to the
  classes of the Persian letters they transcribe, and vowels (including و and ی, which Persian also
  writes for vowels) are dropped, so "Hossein", "Hosein", "Husayn" and "حسین" all give ``HSN``.

The sound key is deliberately coarse: it finds spellings; the text key ranks exact matches first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["is_persian", "name_tokens", "sound_key", "text_key"]

_FA_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "\u0640": None,
        "\u200c": None,
        "\u200d": None,
        "\u200f": None,
        "\u200e": None,
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
_FA_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)

_FA_CLASS = {
    "ب": "B",
    "پ": "P",
    "ت": "T",
    "ط": "T",
    "ث": "S",
    "س": "S",
    "ص": "S",
    "ش": "S",
    "ج": "J",
    "چ": "C",
    "ح": "H",
    "ه": "H",
    "خ": "K",
    "ک": "K",
    "ق": "G",
    "غ": "G",
    "گ": "G",
    "د": "D",
    "ذ": "Z",
    "ز": "Z",
    "ض": "Z",
    "ظ": "Z",
    "ژ": "Z",
    "ر": "R",
    "ف": "F",
    "ل": "L",
    "م": "M",
    "ن": "N",
}
_LATIN_DIGRAPHS = (
    ("kh", "K"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "Z"),
    ("gh", "G"),
    ("ph", "F"),
    ("dj", "J"),
    ("th", "T"),
    ("ck", "K"),
)
_LATIN_CLASS = {
    "b": "B",
    "p": "P",
    "t": "T",
    "s": "S",
    "j": "J",
    "h": "H",
    "k": "K",
    "c": "K",
    "g": "G",
    "q": "G",
    "d": "D",
    "z": "Z",
    "r": "R",
    "f": "F",
    "l": "L",
    "m": "M",
    "n": "N",
    "x": "KS",
    "K": "K",
    "S": "S",
    "C": "C",
    "Z": "Z",
    "G": "G",
    "F": "F",
    "J": "J",
    "T": "T",
}


def is_persian(text: str) -> bool:
    """Whether the text holds any letter of the Arabic script."""
    return any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc" for ch in text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _FA_DIACRITICS.sub("", text.translate(_FA_FOLD))
    # Latin: strip accents, lower-case; leave Persian letters alone.
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or is_persian(ch))
    text = unicodedata.normalize("NFC", text)
    return text.lower().replace("'", "").replace("’", "").replace("ʿ", "").replace("ʾ", "")


def name_tokens(text: str | None) -> tuple[str, ...]:
    """The text keys of the words of a name, in order."""
    if not text:
        return ()
    return _tokens(text)


@lru_cache(maxsize=200_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _SPLIT.split(_fold(text)) if t and t != "_")


def text_key(word: str) -> str:
    tokens = name_tokens(word)
    return "".join(tokens)


@lru_cache(maxsize=200_000)
def sound_key(token: str) -> str:
    """Consonant skeleton of one normalised word (see the module docstring); '' when none."""
    if is_persian(token):
        classes = [_FA_CLASS.get(ch, "") for ch in token]
    else:
        word = token
        for digraph, cls in _LATIN_DIGRAPHS:
            word = word.replace(digraph, cls)
        classes = [_LATIN_CLASS.get(ch, "") for ch in word]
    out: list[str] = []
    for cls in "".join(classes):
        if not out or out[-1] != cls:
            out.append(cls)
    if len(out) > 1 and out[-1] == "H":  # a final -h/ه is mostly a vowel sign (Fatemeh, فاطمه)
        out.pop()
    return "".join(out)

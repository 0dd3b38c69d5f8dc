"""Compound surnames written in Latin letters as one word: their parts in Persian.

Most Persian surnames are compounds: a name or a place with a suffix (Hassanzadeh, Alipour,
Tabrizi) and often a prefix before it (Mirhosseini, Aghajafari, Pourmohammadi). Read as one
word, the letter rules can run the parts together: the "s" and "h" of Agha-eshaghi become one
letter "sh", and a Latin spelling of the core that only the dictionary knows (Falahi, Kadhim)
is lost inside the longer word. :func:`compound_parts` splits a known prefix and suffix off the
word and writes them, and the core when the dictionary knows it, in Persian, so that the word's
keys can be taken part by part, as those of its Persian spelling are.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from dadkhah.names._dictionary import entries_for
from dadkhah.names._normalize import normalize_latin

__all__ = ["compound_parts", "compound_persian"]

ZWNJ = "\u200c"

# Latin forms (lower case, search-normalised) -> Persian form
_PREFIXES: Final[dict[str, str]] = {
    "pour": "پور",
    "pur": "پور",
    "poor": "پور",
    "mir": "میر",
    "bani": "بنی",
    "beni": "بنی",
    "agha": "آقا",
    "aqa": "آقا",
    "aga": "آقا",
    "molla": "ملا",
    "mulla": "ملا",
    "mola": "ملا",
    "haji": "حاجی",
    "haj": "حاج",
    "sheikh": "شیخ",
    "sheykh": "شیخ",
}
_SUFFIXES: Final[dict[str, str]] = {
    "zadeh": "زاده",
    "zade": "زاده",
    "zada": "زاده",
    "pour": "پور",
    "pur": "پور",
    "poor": "پور",
    "nejad": "نژاد",
    "nezhad": "نژاد",
    "nejhad": "نژاد",
    "nedjad": "نژاد",
    "far": "فر",
    "nia": "نیا",
    "nya": "نیا",
    "niya": "نیا",
    "khani": "خانی",
    "khany": "خانی",
    "ian": "یان",
    "iyan": "یان",
    "lou": "لو",
    "loo": "لو",
    "lu": "لو",
    "vand": "وند",
    "wand": "وند",
    "i": "ی",
    "y": "ی",
}
_MIN_CORE = 3


def _core(text: str) -> str | None:
    """The dictionary's Persian form of ``text`` when it is a known name (one meaning only)."""
    found = entries_for(text)
    forms = {e.persian.replace(" ", "").replace(ZWNJ, "") for e in found}
    return forms.pop() if len(forms) == 1 else None


@lru_cache(maxsize=100_000)
def compound_parts(word: str) -> tuple[str, ...] | None:
    """The parts of a one-word Latin compound surname, known parts in Persian.

    A known prefix (Pour, Mir, Bani, Agha, Molla, Haj, Sheikh), a known suffix (-zadeh, -pour,
    -nejad, -far, -nia, -khani, -ian, -lou, -vand, -i) or both around a core of at least three
    letters. The prefix and suffix are given in Persian, and so is the core when the
    dictionary knows it as one name; otherwise the core stays as written, for the letter
    rules. A known core is preferred, then a split at both ends, then the longest core
    (Rezaeipour: Rezaei + pour, not Reza + ei + pour).
    None when the word is a dictionary name itself, has no known prefix or suffix, or is not
    in Latin letters.

    >>> compound_parts("Mollafalahi")
    ('ملا', 'فلاحی')
    >>> compound_parts("Agaroshani")
    ('آقا', 'roshan', 'ی')
    """
    text = normalize_latin(word).lower().replace(" ", "").replace("-", "")
    if not text.isascii() or not text.isalpha() or entries_for(text):
        return None
    best: tuple[tuple[bool, int, int], tuple[str, ...]] | None = None
    for prefix, prefix_fa in (("", ""), *_PREFIXES.items()):
        if not text.startswith(prefix):
            continue
        for suffix, suffix_fa in (("", ""), *_SUFFIXES.items()):
            if not (prefix or suffix) or not text.endswith(suffix):
                continue
            core = text[len(prefix) : len(text) - len(suffix)]
            if len(core) < _MIN_CORE:
                continue
            core_fa = _core(core)
            rank = (core_fa is not None, bool(prefix) + bool(suffix), len(core))
            if best is None or rank > best[0]:
                parts = (prefix_fa, core_fa or core, suffix_fa)
                best = (rank, tuple(p for p in parts if p))
    return best[1] if best else None


def compound_persian(word: str) -> str | None:
    """The Persian spelling of a one-word Latin compound surname whose parts are all known
    (see :func:`compound_parts`), else None.

    >>> compound_persian("Aghaeshaghi")
    'آقااسحاقی'
    """
    parts = compound_parts(word)
    if parts is None or any(p.isascii() for p in parts):
        return None
    return "".join(parts)

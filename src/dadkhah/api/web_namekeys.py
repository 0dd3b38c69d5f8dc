"""Search keys for names written in Persian or Latin script, for the workbench's name search.

Two keys per word, both from :mod:`dadkhah.names` so that search and linkage agree:

* the **text key**: the word normalised within its script (:func:`dadkhah.names.normalize_text`:
  Arabic letter forms folded to Persian, diacritics, tatweel and joiners removed, digits ASCII,
  Latin lower-cased without accents);
* the **sound key**: the coarse cross-script key :func:`dadkhah.names.match_key`, equal for a
  Persian spelling and its usual Latin spellings ("Hossein", "Hosein", "حسین").
"""

from __future__ import annotations

import re
from functools import lru_cache

from dadkhah.names import match_key, normalize_text

__all__ = ["is_persian", "name_tokens", "sound_key", "text_key"]

_SPLIT = re.compile(r"[^\w]+", re.UNICODE)


def is_persian(text: str) -> bool:
    """Whether the text holds any letter of the Arabic script."""
    return any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc" for ch in text)


def name_tokens(text: str | None) -> tuple[str, ...]:
    """The text keys of the words of a name, in order."""
    if not text:
        return ()
    return _tokens(text)


@lru_cache(maxsize=200_000)
def _tokens(text: str) -> tuple[str, ...]:
    folded = normalize_text(text).replace("'", "").replace("’", "")
    return tuple(t for t in _SPLIT.split(folded) if t and t != "_")


def text_key(word: str) -> str:
    """The text key of a word (its tokens joined)."""
    return "".join(name_tokens(word))


@lru_cache(maxsize=200_000)
def sound_key(token: str) -> str:
    """The cross-script key of one normalised word; '' when it has none."""
    return match_key(token)

"""Text normalisation for the search index, until :mod:`dadkhah.names` provides ``normalize_text``.

Both the index and every query pass through the same function, so variant spellings of the same
Persian letter (Arabic yeh and kaf, teh marbuta, hamza carriers), Persian and Arabic-Indic digits,
diacritics, tatweel, bidi controls and case differences do not stop a match.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

_MAP: dict[int, str | None] = {}
for _src, _dst in {
    "\u064a": "\u06cc",  # Arabic yeh
    "\u0649": "\u06cc",  # alef maksura
    "\u0626": "\u06cc",  # yeh with hamza
    "\u0643": "\u06a9",  # Arabic kaf
    "\u06aa": "\u06a9",
    "\u0629": "\u0647",  # teh marbuta
    "\u06c0": "\u0647",
    "\u06be": "\u0647",
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0671": "\u0627",
    "\u0622": "\u0627",
    "\u0624": "\u0648",
    "\u200c": " ",  # ZWNJ
    "\u200d": " ",
    "\u00a0": " ",
}.items():
    _MAP[ord(_src)] = _dst
for _cp in [0x0621, 0x0640, 0x0670, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
    _MAP[_cp] = None
for _cp in [*range(0x064B, 0x0660), *range(0x06D6, 0x06EE)]:
    _MAP[_cp] = None
for _i in range(10):
    _MAP[0x06F0 + _i] = str(_i)
    _MAP[0x0660 + _i] = str(_i)

_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Fold ``text`` for searching: NFKC, Persian letter and digit variants, case, spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_MAP).casefold()
    return _SPACE.sub(" ", folded).strip()

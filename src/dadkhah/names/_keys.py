"""Cross-script matching keys: consonant skeletons that mirror Persian orthography.

Persian writes consonants and the long vowels ا و ی but not a, e, o. Both a Persian spelling
and any Latin spelling are turned into the same sequence of letter classes:

* **K1** (:func:`match_key`, blocking): consonant classes only; و/ی and Latin v/w/y dropped;
  q/k/g (غ ق ک گ) merged, and č/š/x (چ ش خ) merged, because Latin "ch" is چ in English, ش in
  French and خ in German spellings. محمد, Mohammad, Muhammad, Mohamed → ``mhmd``.
* **K2** (:func:`fine_key`, refinement): q, k, g and č, š kept apart, and the vowel letters kept:
  و (Latin ou/oo/u/w/v, final o) → ``v``; ی (Latin i/ee/ei/ey/ai/ay/ie/y) → ``y``. Hassan ``hsn``
  vs Hossein ``hsyn``; Mohammad ``mhmd`` vs Mahmoud ``mhmvd``.

Rules that make the two scripts meet (see docs/names.md): doubled letters collapse before the
vowels go; a final h/ه/ح of each part is dropped; الله/-ollah is one unit; the Arabic article
after Abd- and before -din is dropped; known suffixes (-zadeh, -pour, -nejad, Sadat, -din, -ollah)
end a part; a Latin digraph is not formed across a compound boundary (Mohammad|javad);
the names written with a final alef maksura (مصطفی, موسی ...) lose that ی in K2; the article
before a sun letter inside a compound is dropped (فخرالسادات = Fakhrossadat = Fakhr-ol-Sadat);
a silent ه before -ای is dropped (خامنه‌ای = Khamenei). ZWNJ and hyphens join; spaces separate
words, but the keys of the words are concatenated, so Gholam Reza = Gholamreza.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dadkhah.names._dictionary import latin_forms
from dadkhah.names._normalize import LATIN_SPECIAL, ZWNJ, normalize_persian
from dadkhah.names._parse import parse_name
from dadkhah.names._titles import ARTICLES, CONNECTORS

__all__ = ["fine_key", "key_pair", "match_key", "part_keys"]

_VOWEL = "."  # a written or unwritten vowel: separates letters, never part of a key
_SOFT = "-"  # a compound boundary inside a part: blocks digraphs, nothing else
_UNIT_ALLAH = "L"

# ---------------------------------------------------------------- Persian letters -> K2 classes
_PERSIAN_CLASSES: dict[str, str] = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ج": "j",
    "ژ": "j",
    "چ": "č",
    "ش": "š",
    "ح": "h",
    "ه": "h",
    "خ": "x",
    "د": "d",
    "ذ": "z",
    "ز": "z",
    "ض": "z",
    "ظ": "z",
    "ر": "r",
    "ڕ": "r",
    "ف": "f",
    "غ": "q",
    "ق": "q",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "ڵ": "l",
    "م": "m",
    "ن": "n",
    "و": "v",
    "ڤ": "v",
    "ؤ": "v",
    "ی": "y",
    "ئ": "y",
    "ي": "y",
    "ا": _VOWEL,
    "آ": _VOWEL,
    "ع": _VOWEL,
    "ء": _VOWEL,
    "أ": _VOWEL,
    "إ": _VOWEL,
    "ە": _VOWEL,
    "ۆ": _VOWEL,
    "ێ": _VOWEL,
}
# Names whose final ی is read as alef (alef maksura): the ی is not a vowel letter there.
_ALEF_MAKSURA = frozenset(
    {
        "مصطفی",
        "مرتضی",
        "موسی",
        "عیسی",
        "یحیی",
        "مجتبی",
        "کبری",
        "صغری",
        "طوبی",
        "عظمی",
        "مولی",
        "هدی",
        "لیلی",
        "حسنی",
    }
    - {"لیلی", "حسنی"}
)

_FA_ALLAH = re.compile(r"(?<=[\u0600-\u06ff]{2})الل?ه(?=$|[^اوی]|ی$|ی[^اوی])")
_FA_SILENT_HEH = re.compile(r"(?<=[\u0600-\u06ff]{2})ه\u200c?(?:ای|ئی|یی)$")
# Allah at the start of a compound; with one lam only before the usual second parts (اله‌وردی).
_FA_ALLAH_START = re.compile(r"^(?:الله(?=[\u0600-\u06ff]{2})|اله(?=وردی|ویردی|یار|قلی))")
_FA_ALLAH_WORD = frozenset({"الله", "اله"})
_FA_ABD_ARTICLE = re.compile(r"^عبد\|?ال")
_FA_DIN = re.compile(r"(?<=[\u0600-\u06ff]{2})الدین$")
# The article before a sun letter inside a compound (فخرالسادات = Fakhrossadat = Fakhr-ol-Sadat).
_FA_SUN_ARTICLE = re.compile(r"(?<=[\u0600-\u06ff]{3})ال(?=[تثدذرزسشصضطظن])")
_FA_SUFFIX = re.compile(r"(?<=[\u0600-\u06ff]{2})(?:ال(?=سادات))?(زاده|سادات|پور|نژاد|نزاد)$")

# ---------------------------------------------------------------- Latin spellings -> K2 classes
_LATIN_MULTI: tuple[tuple[str, str], ...] = (
    ("sch", "š"),
    ("tch", "č"),
    ("sh", "š"),
    ("ch", "č"),
    ("kh", "x"),
    ("gh", "q"),
    ("zh", "j"),
    ("jh", "j"),
    ("dj", "j"),
    ("dh", "z"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "v"),
    ("oo", "v"),
    ("uu", "v"),
    ("ee", "y"),
    ("ei", "y"),
    ("ey", "y"),
    ("ai", "y"),
    ("ay", "y"),
    ("ie", "y"),
    ("ii", "y"),
    ("iy", "y"),
)
_LATIN_SINGLE: dict[str, str] = {
    "b": "b",
    "p": "p",
    "t": "t",
    "s": "s",
    "j": "j",
    "h": "h",
    "x": "x",
    "d": "d",
    "z": "z",
    "r": "r",
    "f": "f",
    "q": "q",
    "k": "k",
    "g": "g",
    "l": "l",
    "m": "m",
    "n": "n",
    "v": "v",
    "w": "v",
    "u": "v",
    "i": "y",
    "y": "y",
    "a": _VOWEL,
    "e": _VOWEL,
    "o": _VOWEL,
}
_DIGRAPH_FIRST = frozenset("sctkgzjdp")

_LA_ALLAH = re.compile(
    r"(?<=[a-z]{2})[-']?[aoue]-?l{1,2}a(?:h(?=$|[^aeiouy]|[iy]$|[iy][^aeiouy])|(?=$|[iy]$))"
)
_LA_ALLAH_START = re.compile(r"^allah-?(?=[a-z]{2})")
_LA_ALLAH_WORD = frozenset({"allah", "alah", "ollah", "olah", "ullah", "ulah", "olla", "ulla"})
_LA_ESHAGH = re.compile(r"^([ei])sh(?=a[gq])")
_LA_ARABIC_TH = re.compile(r"^th(?=[aeiou])")
_LA_ABD_ARTICLE = re.compile(r"^abd-?[aoue]l-?(?=[a-z])")
_LA_DIN = re.compile(r"(?<=[a-z]{2})-?(?:[aoue]-?d{1,2}|al-?d)-?(?:in|een)$")
_LA_SUN_ARTICLE = re.compile(r"(?<=[a-z]{3})-[aoue]l-(?=[tdzrsn])")
_LA_SUFFIX = re.compile(r"(?<=[a-z]{2})-?(zadeh?|zada|pour|pur|poor|nejh?ad|nezhad)$")
_LA_SADAT = re.compile(r"(?<=[a-z]{2})-?(?:[aoue]-?l-?|[aoue]s)?sadat$")
_LA_LEADING_ARTICLE = re.compile(r"^(?:al|ol|ul|el|ad|ed|od|ud)-(?=[a-z])")
_LA_KEEP = re.compile(r"[^a-z'\-]")
_APOSTROPHES = "'’‘ʿʾ`´ʼʻ"

_LATIN_SPECIAL = LATIN_SPECIAL


@lru_cache(maxsize=200_000)
def _latin_fold(token: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", token):
        if ch in _APOSTROPHES:
            out.append("'")
            continue
        low = ch.lower()
        if low in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[low])
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        out.append(base if base.isascii() else "")
    text = "".join(out).replace("_", "-").replace(".", "-")
    return _LA_KEEP.sub("", text).strip("-'")


def _split_digraph_compounds(segment: str) -> str:
    """Mark a boundary where a known name ends on the first letter of a digraph (Mohammad|hossein)."""
    if len(segment) < 5:
        return segment
    known = latin_forms()
    out = segment
    plain = segment.replace("-", "").replace("'", "")
    if plain != segment:
        return segment  # already marked by the writer
    for i in range(2, len(plain) - 3):
        if plain[i] in _DIGRAPH_FIRST and plain[i + 1] in "hj" and plain[: i + 1] in known:
            return plain[: i + 1] + _SOFT + _split_digraph_compounds(plain[i + 1 :])
    return out


def _latin_segment_symbols(segment: str) -> list[str]:
    segment = _split_digraph_compounds(segment)
    symbols: list[str] = []
    i, n = 0, len(segment)
    while i < n:
        ch = segment[i]
        if ch in "-'":
            symbols.append(_SOFT)
            i += 1
            continue
        for multi, sym in _LATIN_MULTI:
            if segment.startswith(multi, i):
                symbols.append(sym)
                i += len(multi)
                break
        else:
            if ch == "c":
                nxt = segment[i + 1] if i + 1 < n else ""
                symbols.append("s" if nxt in ("e", "i", "y") else "k")
            elif ch == "o" and i == n - 1 and i > 0:
                symbols.append("v")  # final o is written و (Khosro)
            else:
                symbols.append(_LATIN_SINGLE.get(ch, _VOWEL))
            i += 1
    return symbols


_FA_KEY_FOLD = str.maketrans({"ئ": "ی", "ؤ": "و", "أ": "ا", "إ": "ا", "ي": "ی"})


def _finish(symbols: list[str], collapse: bool = True) -> list[str]:
    """Collapse doubled letters (vowels separate them), drop a final h, drop vowels."""
    collapsed: list[str] = []
    for sym in symbols:
        if sym == _SOFT:
            continue
        if collapse and collapsed and sym != _VOWEL and collapsed[-1] == sym:
            continue
        collapsed.append(sym)
    if collapsed and collapsed[-1] == "h" and len(collapsed) > 1:
        collapsed.pop()
    return [s for s in collapsed if s != _VOWEL]


@lru_cache(maxsize=200_000)
def _latin_part(token: str, after_abd: bool) -> tuple[str, ...]:
    t = _latin_fold(token)
    if not t:
        return ()
    if t.replace("-", "") in _LA_ALLAH_WORD:
        return ("l",)
    if after_abd or _LA_LEADING_ARTICLE.match(t):
        t = _LA_LEADING_ARTICLE.sub("", t)
    if t in ("abdol", "abdul", "abdal", "abdel"):
        t = "abd"
    t = _LA_ESHAGH.sub(r"\1s-h", t)
    t = _LA_ARABIC_TH.sub("s", t)
    t = _LA_ALLAH_START.sub(f"{_UNIT_ALLAH}|", t)
    t = _LA_ALLAH.sub(f"|{_UNIT_ALLAH}|", t)
    t = _LA_ABD_ARTICLE.sub("abd|", t)
    t = _LA_DIN.sub("|din", t)
    t = _LA_SADAT.sub("|sadat", t)
    t = _LA_SUN_ARTICLE.sub("|", t)
    t = _LA_SUFFIX.sub(r"|\1", t)
    out: list[str] = []
    for segment in t.split("|"):
        segment = segment.strip("-'")
        if segment == _UNIT_ALLAH:
            out.append("l")
        elif segment:
            out.extend(_finish(_latin_segment_symbols(segment)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _persian_part(token: str, after_abd: bool) -> tuple[str, ...]:
    # A silent ه before the -ای suffix (خامنه‌ای = Khamenei).
    t = _FA_SILENT_HEH.sub("ای", normalize_persian(token))
    t = t.replace(ZWNJ, "").translate(_FA_KEY_FOLD)
    if t in _FA_ALLAH_WORD:
        return ("l",)
    if after_abd and t.startswith("ال"):
        t = t[2:]
    t = _FA_ALLAH_START.sub(f"{_UNIT_ALLAH}|", t)
    if t == "الدین":
        t = "دین"
    t = _FA_ALLAH.sub(f"|{_UNIT_ALLAH}|", t)
    t = _FA_ABD_ARTICLE.sub("عبد|", t)
    t = _FA_DIN.sub("|دین", t)
    t = _FA_SUFFIX.sub(r"|\1", t)
    t = "|".join(_FA_SUN_ARTICLE.sub("|", seg) for seg in t.split("|"))
    out: list[str] = []
    for segment in t.split("|"):
        if segment == _UNIT_ALLAH:
            out.append("l")
            continue
        if segment in _ALEF_MAKSURA:
            segment = segment[:-1] + "ا"
        # Collapse repeated letters (not classes: ح and ه are both h but both written).
        letters = [c for i, c in enumerate(segment) if i == 0 or c != segment[i - 1]]
        symbols = [_PERSIAN_CLASSES[c] for c in letters if c in _PERSIAN_CLASSES]
        out.extend(_finish(symbols, collapse=False))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _is_persian(token: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in token)


@lru_cache(maxsize=200_000)
def part_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """K2 symbols of each written word of a name (titles, father and connectors left out)."""
    parsed = parse_name(name)
    words = parsed.parts
    out: list[tuple[str, ...]] = []
    after_abd = False
    for i, word in enumerate(words):
        for token in re.split(r"\s+", word):
            low = token.lower().strip("-")
            if 0 < i < len(words) - 1 and (low in CONNECTORS or low in ARTICLES):
                continue
            if _is_persian(token):
                symbols = _persian_part(token, after_abd)
                after_abd = normalize_persian(token) == "عبد"
            else:
                symbols = _latin_part(token, after_abd)
                after_abd = _latin_fold(token) in ("abd", "abdol", "abdul", "abdal", "abdel")
            if symbols:
                out.append(symbols)
    return tuple(out)


def _k1(symbols: tuple[str, ...]) -> str:
    merged = {"q": "k", "g": "k", "č": "š", "x": "š"}
    return "".join(merged.get(s, s) for s in symbols if s not in ("v", "y"))


@lru_cache(maxsize=500_000)
def match_key(name: str) -> str:
    """K1: the coarse cross-script blocking key of a name (one word or a full name).

    Equal for a Persian spelling and its usual Latin spellings; titles (Seyyed, Haj ...) and a
    father's name written with "son of"/«فرزند» are left out; word boundaries are ignored, so
    "Gholam Reza", "Gholamreza" and «غلامرضا» agree.

    >>> match_key("Mohammad") == match_key("محمد") == match_key("Muhammad") == "mhmd"
    True
    """
    return "".join(_k1(p) for p in part_keys(name))


@lru_cache(maxsize=500_000)
def fine_key(name: str) -> str:
    """K2: the refinement key. Keeps q/k/g and č/š apart and the vowel letters و (v), ی (y).

    >>> fine_key("Hassan"), fine_key("Hossein"), fine_key("حسین")
    ('hsn', 'hsyn', 'hsyn')
    """
    return "".join("".join(p) for p in part_keys(name))


def key_pair(name: str) -> tuple[str, str]:
    """(K1, K2) of a name."""
    return match_key(name), fine_key(name)

"""Transliteration for display and search: Persian to readable Latin, Latin to Persian candidates.

Dictionary first (the usual spelling of a known name, also inside compounds and with the
suffixes -i, -zadeh, -pour, -ollah ...), letter rules after. The rules cannot know unwritten
short vowels; they give a consonant-faithful spelling that a reader can still recognise.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from dadkhah.names._dictionary import dictionary, entries_for
from dadkhah.names._keys import fine_key, match_key
from dadkhah.names._normalize import ZWNJ, normalize_latin, normalize_persian, script_of

__all__ = ["to_latin", "to_persian_candidates"]

_CONSONANTS = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "غ": "gh",
    "ف": "f",
    "ق": "gh",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ء": "",
    "ئ": "",
    "ؤ": "o",
    "ع": "",
}
# Persian suffixes and second parts with their usual Latin spelling.
_SUFFIXES_FA = (
    ("زاده", "zadeh"),
    ("پور", "pour"),
    ("نژاد", "nejad"),
    ("الله", "ollah"),
    ("اله", "ollah"),
    ("الدین", "oddin"),
    ("یان", "ian"),
    ("ی", "i"),
    ("نیا", "nia"),
    ("فر", "far"),
    ("خانی", "khani"),
    ("وند", "vand"),
    ("لو", "lou"),
    ("سادات", " Sadat"),
)
_SUFFIXES_LA = (
    ("zadeh", "زاده"),
    ("zade", "زاده"),
    ("pour", "پور"),
    ("pur", "پور"),
    ("poor", "پور"),
    ("nejad", "نژاد"),
    ("nezhad", "نژاد"),
    ("ollah", "الله"),
    ("ullah", "الله"),
    ("allah", "الله"),
    ("olah", "اله"),
    ("oddin", "الدین"),
    ("eddin", "الدین"),
    ("uddin", "الدین"),
    ("ian", "یان"),
    ("iyan", "یان"),
    ("i", "ی"),
    ("y", "ی"),
    ("nia", "نیا"),
    ("khani", "خانی"),
    ("vand", "وند"),
    ("lou", "لو"),
    ("loo", "لو"),
)


def _dictionary_latin(word: str) -> str | None:
    found = entries_for(word)
    return found[0].latin if found else None


_VOWEL_LETTERS = ("ا", "آ", "و", "ی")


def _units(word: str) -> list[tuple[bool, str]]:
    """(is_vowel, latin) for each written letter; ی and و are vowels or consonants by position."""
    units: list[tuple[bool, str]] = []
    n = len(word)
    i = 0
    while i < n:
        ch = word[i]
        prev_vowel = bool(units) and units[-1][0]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "خ" and word.startswith("وا", i + 1):  # silent و of خوا (Khansari)
            units += [(False, "kh"), (True, "a")]
            i += 3
            continue
        if ch in ("ا", "آ"):
            units.append((True, "a"))
        elif ch == "و":
            consonant = i == 0 or prev_vowel or nxt in ("ا", "آ", "ی")
            units.append((False, "v") if consonant else (True, "ou"))
        elif ch == "ی":
            units.append((False, "y") if i == 0 or prev_vowel else (True, "i"))
        elif ch == "ه" and i == n - 1 and i > 0:
            units.append((False, "h") if prev_vowel else (True, "eh"))
        elif ch == "ؤ":
            units.append((True, "o"))
        elif ch in _CONSONANTS:
            units.append((False, _CONSONANTS[ch]))
        i += 1
    return units


def _rule_latin(word: str) -> str:
    """Letters to Latin, guessing an unwritten short vowel (a) wherever Persian syllables need one:
    a word never starts with two consonants, and at most two consonants meet elsewhere."""
    units = _units(word)
    out: list[str] = []
    run: list[str] = []

    def flush(initial: bool) -> None:
        nonlocal run
        if initial and len(run) >= 2:
            out.extend((run[0], "a"))
            run = run[1:]
        while len(run) > 2:
            out.extend((run[0], "a"))
            run = run[1:]
        out.extend(run)
        run = []

    seen_vowel = False
    for is_vowel, latin in units:
        if is_vowel:
            flush(initial=not seen_vowel and not out)
            out.append(latin)
            seen_vowel = True
        else:
            run.append(latin)
    flush(initial=not out)
    return "".join(out)


def _word_latin(word: str) -> str:
    found = _dictionary_latin(word)
    if found:
        return found
    for suffix, latin in _SUFFIXES_FA:
        if word == suffix and len(suffix) > 1:
            return latin.strip()
    for suffix, latin in _SUFFIXES_FA:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            stem_latin = _dictionary_latin(stem)
            if stem_latin:
                return stem_latin + latin
    # A known name at the start of a joined compound (محمدجواد, غلامحسین).
    for cut in range(len(word) - 2, 1, -1):
        head = _dictionary_latin(word[:cut])
        if head:
            return head + _word_latin(word[cut:]).lower()
    return _rule_latin(word)


@lru_cache(maxsize=100_000)
def to_latin(persian: str) -> str:
    """A readable Latin spelling of a Persian name (dictionary first, rules after).

    Latin input is returned unchanged (apart from whitespace).

    >>> to_latin("غلامرضا حسینی")
    'Gholamreza Hosseini'
    """
    text = normalize_persian(persian)
    if script_of(text) == "latin":
        return text
    words: list[str] = []
    for token in text.split(" "):
        if script_of(token) != "persian":
            words.append(token)
            continue
        whole = _dictionary_latin(token)
        if whole:
            words.append(whole)
            continue
        parts = [_word_latin(p) for p in token.split(ZWNJ) if p]
        joined = "".join(p if i == 0 else p.lower() for i, p in enumerate(parts))
        words.append(joined[:1].upper() + joined[1:])
    return " ".join(w for w in words if w)


@lru_cache(maxsize=1)
def _by_key() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    k2: dict[str, list[str]] = {}
    k1: dict[str, list[str]] = {}
    for entry in dictionary():
        for form in entry.all_latin:
            k2.setdefault(fine_key(form), []).append(entry.persian)
            k1.setdefault(match_key(form), []).append(entry.persian)
    return k2, k1


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


_LATIN_RULES = (
    ("kh", "خ"),
    ("gh", "غ"),
    ("sh", "ش"),
    ("ch", "چ"),
    ("zh", "ژ"),
    ("dj", "ج"),
    ("ph", "ف"),
    ("ou", "و"),
    ("oo", "و"),
    ("ee", "ی"),
    ("ei", "ی"),
    ("ey", "ی"),
    ("ai", "ی"),
    ("b", "ب"),
    ("p", "پ"),
    ("t", "ت"),
    ("s", "س"),
    ("j", "ج"),
    ("h", "ه"),
    ("x", "خ"),
    ("d", "د"),
    ("z", "ز"),
    ("r", "ر"),
    ("f", "ف"),
    ("q", "ق"),
    ("k", "ک"),
    ("c", "ک"),
    ("g", "گ"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("v", "و"),
    ("w", "و"),
    ("u", "و"),
    ("i", "ی"),
    ("y", "ی"),
    ("a", "ا"),
)


def _rule_persian(word: str, long_a: bool = True) -> str:
    """Letter rules; with ``long_a`` False a medial single ``a`` is taken as a short vowel."""
    out: list[str] = []
    i = 0
    while i < len(word):
        if i == 0 and word[0] in "aeiou":
            out.append("آ" if word.startswith("aa") else "ا")
            if word[0] in "ae" and not word.startswith("aa"):
                i += 1
                continue
        if word.endswith("eh") and i == len(word) - 2:
            out.append("ه")
            break
        if not long_a and word[i] == "a" and 0 < i < len(word) - 1 and word[i + 1] != "a":
            i += 1
            continue
        for latin, fa in _LATIN_RULES:
            if word.startswith(latin, i):
                if not (out and out[-1] == fa and len(latin) == 1 and fa not in "وی"):
                    out.append(fa)
                i += len(latin)
                break
        else:
            i += 1  # e, o and other letters are not written
    return "".join(out)


def _word_candidates(word: str) -> list[str]:
    found = [e.persian for e in entries_for(word)]
    if found:
        return found
    for suffix, fa in _SUFFIXES_LA:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = [e.persian for e in entries_for(word[: -len(suffix)])]
            if stem:
                joiner = ZWNJ if fa in ("زاده", "پور", "الله") else ""
                return [s + joiner + fa for s in stem]
    for cut in range(len(word) - 3, 2, -1):
        head = [e.persian for e in entries_for(word[:cut]) if e.kind == "given"]
        if head:
            return [h + tail for h in head[:2] for tail in _word_candidates(word[cut:])[:2]]
    k2, k1 = _by_key()
    return _unique(
        [
            *k2.get(fine_key(word), []),
            _rule_persian(word, long_a=False),
            _rule_persian(word),
            *k1.get(match_key(word), []),
        ]
    )


@lru_cache(maxsize=100_000)
def to_persian_candidates(latin: str, limit: int = 5) -> list[str]:
    """Persian spellings a Latin name may stand for, most likely first (at most ``limit``).

    >>> to_persian_candidates("Hosein")[0]
    'حسین'
    """
    whole = [e.persian for e in entries_for(latin)]
    if whole:
        return whole[:limit]
    words = [w for w in normalize_latin(latin).split(" ") if w]
    if not words:
        return []
    combos = [""]
    for word in words:
        options = _word_candidates(word)[:limit]
        combos = [f"{c} {o}".strip() for c in combos for o in options][: limit * limit]
    return _unique(combos)[:limit]

"""How one list spells names: its house spellings, its drift, compounds, letter forms and typos.

A list's editors spell a given name mostly one way (the *house spelling*): the common Latin form,
or a variant that fits their transliteration habit (French ``dj``/``ou``/``ch``, German ``sch``,
Arabic-style ``u``/``i``/``dh``, simplified ``q``/``x`` ...). Some records depart from it (drift),
compounds are written joined or apart, Persian text typed on an Arabic keyboard gets Arabic yeh and
kaf, and a few names get a typing error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from dadkhah.simulate.settings import ListSettings
from dadkhah.simulate.vocabulary import ZWNJ, NameEntry

__all__ = ["Speller", "latin_style", "typo"]

_LATIN_SUFFIXES = (
    "zadeh",
    "zade",
    "zadé",
    "pour",
    "pur",
    "poor",
    "nejad",
    "nezhad",
    "nejhad",
    "nedjad",
    "khani",
)
_TITLES_LATIN = {
    "passport": ("Seyed", "Seyyed"),
    "french": ("Seyed", "Sayed"),
    "german": ("Seyed", "Sejjed"),
    "arabic": ("Sayyid", "Sayed"),
    "simplified": ("Seyyed", "Seyed"),
    "anglo": ("Sayed", "Seyed"),
    "mixed": ("Seyed", "Seyyed", "Sayyed", "Sayed"),
}
_HAJ_LATIN = {"french": "Hadj", "arabic": "Hajj"}
_ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})

# Persian letters confused in typing and handwriting (mostly by their dots).
_PERSIAN_CONFUSIONS = {
    "ب": "پت",
    "پ": "ب",
    "ت": "ثب",
    "ث": "ت",
    "ج": "چح",
    "چ": "ج",
    "ح": "خج",
    "خ": "ح",
    "د": "ذ",
    "ذ": "دز",
    "ر": "ز",
    "ز": "رژ",
    "ژ": "ز",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ط": "ظ",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
    "ک": "گ",
    "گ": "ک",
    "ن": "ت",
}
_LATIN_CONFUSIONS = {
    "a": "ea",
    "e": "ai",
    "i": "ey",
    "o": "ou",
    "u": "oi",
    "s": "z",
    "z": "s",
    "d": "t",
    "t": "d",
    "m": "n",
    "n": "m",
    "r": "t",
    "h": "g",
    "k": "q",
}


def latin_style(variant: str, common: str) -> frozenset[str]:
    """The transliteration habits a Latin spelling shows, compared with the common spelling."""
    v, c = variant.lower(), common.lower()
    tags: set[str] = set()
    if "dj" in v or "tch" in v or ("ch" in v and "sh" in c) or ("ou" in v and "ou" not in c):
        tags.add("french")
    if (
        "sch" in v
        or ("ch" in v and "kh" in c)
        or ("w" in v and "v" in c)
        or (v.endswith("s") and c.endswith("z"))
    ):
        tags.add("german")
    if (
        ("u" in v and "u" not in c)
        or ("dh" in v and "dh" not in c)
        or ("th" in v and "th" not in c)
        or (v[:1] == "i" and c[:1] == "e")
    ):
        tags.add("arabic")
    if (
        ("q" in v and "q" not in c)
        or ("x" in v and "x" not in c)
        or v == re.sub(r"(.)\1", r"\1", c) != c
    ):
        tags.add("simplified")
    if ("ee" in v and "ee" not in c) or ("oo" in v and "oo" not in c):
        tags.add("anglo")
    return frozenset(tags)


def typo(text: str, rng: np.random.Generator, persian: bool) -> str:
    """One typing error: a letter dropped, doubled, swapped with the next, or confused."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 3:
        return text
    i = letters[int(rng.integers(1, len(letters)))]  # the first letter is rarely mistyped
    op = int(rng.integers(0, 4))
    ch = text[i]
    if op == 0:
        return text[:i] + text[i + 1 :]
    if op == 1:
        return text[:i] + ch + text[i:]
    if op == 2 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + ch + text[i + 2 :]
    table = _PERSIAN_CONFUSIONS if persian else _LATIN_CONFUSIONS
    options = table.get(ch.lower(), "")
    if not options:
        return text[:i] + text[i + 1 :]
    new = options[int(rng.integers(0, len(options)))]
    if ch.isupper():
        new = new.upper()
    return text[:i] + new + text[i + 1 :]


class Speller:
    """The spelling habits of one list for one table of names (given names, surnames, places)."""

    def __init__(
        self,
        item: ListSettings,
        entries: Sequence[NameEntry],
        rng: np.random.Generator,
        persian_apart: Sequence[str] = (),
    ):
        self.item = item
        self.persian = item.script == "persian"
        self.forms: list[tuple[str, ...]] = []
        house: list[str] = []
        for entry in entries:
            if self.persian:
                forms = (entry.persian, *entry.persian_variants)
                chosen = forms[0]
                if len(forms) > 1 and rng.random() < item.persian_variant:
                    chosen = forms[int(rng.integers(1, len(forms)))]
            else:
                forms = (entry.latin, *entry.latin_variants)
                chosen = self._house_latin(entry, rng)
            self.forms.append(forms)
            house.append(chosen)
        self.house = np.array(house, dtype=object)
        self.apart = np.array(
            [
                self._apart(h, persian_apart[i] if persian_apart else "")
                for i, h in enumerate(house)
            ],
            dtype=object,
        )
        self.joined = np.array(
            [h.replace(ZWNJ, "") if self.persian else h for h in house], dtype=object
        )

    def _house_latin(self, entry: NameEntry, rng: np.random.Generator) -> str:
        item = self.item
        if not entry.latin_variants or rng.random() < item.spelling_common:
            return entry.latin
        if item.spelling == "mixed":
            fitting = list(entry.latin_variants)
        elif item.spelling == "passport":
            fitting = [v for v in entry.latin_variants if not latin_style(v, entry.latin)]
        else:
            fitting = [
                v for v in entry.latin_variants if item.spelling in latin_style(v, entry.latin)
            ]
        if fitting:
            return fitting[int(rng.integers(0, len(fitting)))]
        if rng.random() < 0.7:
            return entry.latin
        return entry.latin_variants[int(rng.integers(0, len(entry.latin_variants)))]

    def _apart(self, name: str, known_apart: str) -> str:
        """The name with its parts written apart ("Hassan Zadeh", «غلام رضا»)."""
        if self.persian:
            if ZWNJ in name:
                return name.replace(ZWNJ, " ")
            if known_apart and known_apart.replace(" ", "") == name:
                return known_apart
            return name
        low = name.lower()
        for suffix in _LATIN_SUFFIXES:
            if low.endswith(suffix) and len(name) - len(suffix) >= 3 and " " not in name:
                cut = len(name) - len(suffix)
                return name[:cut] + " " + name[cut:].capitalize()
        return name

    def spell(self, index: np.ndarray, rng: np.random.Generator) -> list[str]:
        """Spell the names ``index`` (one per record) the way this list does."""
        item = self.item
        n = len(index)
        u = rng.random(n)
        out = np.where(u < item.compound_split, self.apart[index], self.house[index])
        if self.persian:
            joined = (u >= item.compound_split) & (u < item.compound_split + item.compound_join)
            out = np.where(joined, self.joined[index], out)
        result: list[str] = out.tolist()
        for i in np.flatnonzero(rng.random(n) < item.spelling_drift):
            forms = self.forms[index[i]]
            result[i] = forms[int(rng.integers(0, len(forms)))]
        if not self.persian:
            hyphen = rng.random(n) < 0.3
            for i in np.flatnonzero(hyphen):
                if " " in result[i] and result[i] == self.apart[index[i]] != self.house[index[i]]:
                    result[i] = result[i].replace(" ", "-", 1)
        for i in np.flatnonzero(rng.random(n) < item.typo_rate):
            result[i] = typo(result[i], rng, self.persian)
        return result

    def title(self, rng: np.random.Generator) -> str:
        if self.persian:
            return "سید"
        options = _TITLES_LATIN[self.item.spelling]
        return options[int(rng.integers(0, len(options)))]

    def haj(self) -> str:
        return "حاج" if self.persian else _HAJ_LATIN.get(self.item.spelling, "Haj")


def arabic_letter_forms(text: str) -> str:
    """The text as typed with an Arabic keyboard layout (Arabic yeh and kaf)."""
    return text.translate(_ARABIC_FORMS)

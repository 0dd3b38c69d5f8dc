"""The name dictionary shipped with the package: Persian forms and their Latin spellings.

Two CSV files under ``dadkhah/names/data`` (given names and surnames, ordered roughly from the
most to the least common) are read once, through :mod:`importlib.resources`, so an installed
package never needs the source tree. Each row becomes a :class:`NameEntry`.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from dadkhah.names._normalize import normalize_latin, normalize_text

__all__ = [
    "NameEntry",
    "NameKind",
    "dictionary",
    "entries_for",
    "name_frequency",
    "name_weight",
]

NameKind = Literal["given", "surname"]

_FILES: dict[NameKind, str] = {
    "given": "persian_given_names.csv",
    "surname": "persian_surnames.csv",
}

# Share of people carrying the most common name part, used to turn dictionary rank into an
# estimated frequency (Zipf's law with exponent 1): f(rank) = _TOP_SHARE / rank.
_TOP_SHARE = {"given": 0.08, "surname": 0.012}
# Frequency assumed for a name part the dictionary does not know.
UNKNOWN_FREQUENCY = 0.0002


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One dictionary name: its Persian spelling, usual Latin spelling and known variants."""

    persian: str
    latin: str
    kind: NameKind
    rank: int
    latin_variants: tuple[str, ...] = ()
    persian_variants: tuple[str, ...] = ()
    sex: str | None = None
    note: str = ""

    @property
    def all_latin(self) -> tuple[str, ...]:
        return (self.latin, *self.latin_variants)

    @property
    def all_persian(self) -> tuple[str, ...]:
        return (self.persian, *self.persian_variants)

    @property
    def frequency(self) -> float:
        """Estimated share of people (of the relevant sex for given names) bearing this name."""
        return _TOP_SHARE[self.kind] / self.rank


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _read(kind: NameKind) -> list[NameEntry]:
    text = resources.files("dadkhah.names").joinpath("data", _FILES[kind]).read_text("utf-8")
    out: list[NameEntry] = []
    for rank, row in enumerate(csv.DictReader(io.StringIO(text)), start=1):
        out.append(
            NameEntry(
                persian=row["persian"].strip(),
                latin=row["latin_common"].strip(),
                kind=kind,
                rank=rank,
                latin_variants=_split(row.get("variants")),
                persian_variants=_split(row.get("persian_variants")),
                sex=(row.get("sex") or "").strip() or None,
                note=(row.get("note") or "").strip(),
            )
        )
    return out


@lru_cache(maxsize=1)
def dictionary() -> tuple[NameEntry, ...]:
    """Every dictionary entry, given names first, each list in frequency order."""
    return (*_read("given"), *_read("surname"))


def _compact(text: str) -> str:
    """Lookup form: search normalisation without spaces (Ali Reza = Alireza = علی‌رضا)."""
    return normalize_text(text).replace(" ", "")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[NameEntry, ...]]:
    index: dict[str, list[NameEntry]] = {}
    for entry in dictionary():
        for form in {*entry.all_latin, *entry.all_persian}:
            bucket = index.setdefault(_compact(form), [])
            if entry not in bucket:
                bucket.append(entry)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=100_000)
def entries_for(part: str, kind: NameKind | None = None) -> tuple[NameEntry, ...]:
    """Dictionary entries whose Persian form or a Latin spelling is ``part`` (any script)."""
    found = _index().get(_compact(part), ())
    if kind is not None:
        found = tuple(e for e in found if e.kind == kind)
    return found


@lru_cache(maxsize=100_000)
def name_frequency(part: str, kind: NameKind | None = None) -> float:
    """Estimated share of people whose given name (or surname) is ``part``.

    From the dictionary rank through Zipf's law; a part the dictionary does not know gets
    ``UNKNOWN_FREQUENCY``. Linkage uses it to let agreement on a rare name weigh more than
    agreement on Mohammad or Hosseini.
    """
    found = entries_for(part, kind)
    if not found:
        return UNKNOWN_FREQUENCY
    return max(e.frequency for e in found)


def name_weight(part: str, kind: NameKind | None = None) -> float:
    """Information carried by agreement on ``part``: ``-log10(frequency)`` (about 1 to 4)."""
    return -math.log10(name_frequency(part, kind))


def latin_forms() -> frozenset[str]:
    """Every single-word Latin spelling of a given name, in search form (for compound splits)."""
    return _latin_forms()


@lru_cache(maxsize=1)
def _latin_forms() -> frozenset[str]:
    forms: set[str] = set()
    for entry in dictionary():
        if entry.kind != "given":
            continue
        for form in entry.all_latin:
            norm = normalize_latin(form)
            if " " not in norm and len(norm) >= 3:
                forms.add(norm)
    return frozenset(forms)

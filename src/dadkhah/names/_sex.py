"""Sex as lists write it (M, male, مرد, مذکر, زن, femme...) mapped to one spelling."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from dadkhah.names._normalize import normalize_text

__all__ = ["canonical_sex"]

_SEX: dict[str, Literal["male", "female"]] = {}
for _word in (
    "m",
    "male",
    "man",
    "men",
    "h",
    "homme",
    "mann",
    "mannlich",
    "männlich",
    "masculin",
    "مرد",
    "مذکر",
    "پسر",
    "آقا",
    "اقا",
):
    _SEX[normalize_text(_word)] = "male"
for _word in (
    "f",
    "female",
    "woman",
    "women",
    "w",
    "femme",
    "frau",
    "weiblich",
    "feminin",
    "féminin",
    "زن",
    "مونث",
    "مؤنث",
    "دختر",
    "خانم",
):
    _SEX[normalize_text(_word)] = "female"


@lru_cache(maxsize=4096)
def canonical_sex(text: str | None) -> Literal["male", "female"] | None:
    """``"male"``, ``"female"`` or None when the text does not say (empty, unknown, other)."""
    if not text:
        return None
    return _SEX.get(normalize_text(text).strip().rstrip("."))

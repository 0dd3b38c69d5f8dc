from __future__ import annotations

import pytest

from dadkhah.names import canonical_sex


@pytest.mark.parametrize("text", ["M", "male", "Male", "مرد", "مذکر", "homme", " m. "])
def test_male_spellings(text: str) -> None:
    assert canonical_sex(text) == "male"


@pytest.mark.parametrize("text", ["F", "female", "زن", "مؤنث", "مونث", "Femme", "W"])
def test_female_spellings(text: str) -> None:
    assert canonical_sex(text) == "female"


@pytest.mark.parametrize("text", ["", None, "unknown", "؟", "x"])
def test_unknown_is_none(text: str | None) -> None:
    assert canonical_sex(text) is None

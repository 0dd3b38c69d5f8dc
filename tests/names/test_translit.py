"""Transliteration and the dictionary helpers."""

from __future__ import annotations

import pytest

from dadkhah.names import (
    dictionary,
    entries_for,
    match_key,
    name_frequency,
    name_weight,
    to_latin,
    to_persian_candidates,
)


@pytest.mark.parametrize(
    ("persian", "latin"),
    [
        ("غلامرضا حسینی", "Gholamreza Hosseini"),
        ("علي رضائي", "Ali Rezaei"),  # Arabic letter forms still found in the dictionary
        ("حسین‌زاده", "Hosseinzadeh"),
        ("محمدجواد", "Mohammadjavad"),  # compound of two known names
        ("نعمتی‌پور", "Nematipour"),  # known name plus suffix
    ],
)
def test_to_latin_uses_the_dictionary(persian: str, latin: str) -> None:
    assert to_latin(persian) == latin


def test_to_latin_falls_back_to_rules_with_the_same_key() -> None:
    for name in ("بهمنیار", "پرستو", "کیانوش", "دلارام"):
        latin = to_latin(name)
        assert latin.isascii() and latin[:1].isupper()
        assert match_key(latin) == match_key(name)


def test_to_latin_leaves_latin_alone() -> None:
    assert to_latin("Ali  Rezaei") == "Ali Rezaei"


@pytest.mark.parametrize(
    ("latin", "persian"),
    [
        ("Hosein", "حسین"),
        ("Gholam-Reza", "غلامرضا"),
        ("Hassanzadeh", "حسن\u200cزاده"),
        ("Mohammadjavad", "محمدجواد"),
    ],
)
def test_to_persian_candidates_first_choice(latin: str, persian: str) -> None:
    assert to_persian_candidates(latin)[0] == persian


def test_to_persian_candidates_for_unknown_names_share_the_key() -> None:
    candidates = to_persian_candidates("Bahmanyar")
    assert "بهمنیار" in candidates
    assert all(match_key(c) == match_key("Bahmanyar") for c in candidates[:2])
    assert to_persian_candidates("") == []


def test_dictionary_is_shipped_and_complete() -> None:
    entries = dictionary()
    assert sum(e.kind == "given" for e in entries) >= 290
    assert sum(e.kind == "surname" for e in entries) >= 290
    assert entries_for("Muhammad")[0].persian == "محمد"
    assert entries_for("رضائی", "surname")[0].latin == "Rezaei"


def test_frequency_weights_common_names_lower() -> None:
    assert name_frequency("Mohammad") > name_frequency("Kiumars") > name_frequency("Xyzabc")
    assert name_weight("Hosseini") < name_weight("Shamlou")
    assert 0 < name_frequency("محمد") <= 1

"""A typo in a short name (two or three letters of key) does not make two people: the
father's name and the given name."""

from __future__ import annotations

import pandas as pd

from dadkhah.link.features import build_features
from dadkhah.link.rules import FATHER_DIFFERS, RecordTraits, record_conflict


def _father(text: str) -> RecordTraits:
    feats = build_features(
        pd.DataFrame(
            {
                "unique_id": [1],
                "given_name": ["Majid"],
                "surname": ["Shahidi"],
                "father_name": [text],
            }
        )
    ).iloc[0]
    return RecordTraits(
        given=str(feats["given_k1"]),
        surname=str(feats["surname_k1"]),
        father=str(feats["father_k1"]),
        given_text="Majid",
        surname_text="Shahidi",
        father_text=text,
    )


def test_short_fathers_names_one_typo_apart_agree() -> None:
    reza, reeda = _father("Reza"), _father("Reeda")
    assert reza.father is not None and reeda.father is not None
    assert len(reza.father) <= 3 and reza.father != reeda.father
    assert record_conflict(reza, reeda) is None


def test_short_fathers_names_the_dictionary_knows_apart_or_with_another_first_letter_differ() -> (
    None
):
    assert record_conflict(_father("Ahad"), _father("Ahmad")) == FATHER_DIFFERS
    assert record_conflict(_father("Reza"), _father("Mirza")) == FATHER_DIFFERS
    assert record_conflict(_father("Reza"), _father("Karim")) == FATHER_DIFFERS


def _given(text: str) -> RecordTraits:
    feats = build_features(
        pd.DataFrame({"unique_id": [1], "given_name": [text], "surname": ["Shahidi"]})
    ).iloc[0]
    return RecordTraits(
        given=str(feats["given_k1"]),
        surname=str(feats["surname_k1"]),
        given_text=text,
        surname_text="Shahidi",
    )


def test_a_short_given_name_one_typo_apart_agrees_unless_the_dictionary_knows_two() -> None:
    assert record_conflict(_given("Reza"), _given("Reeda")) is None
    assert record_conflict(_given("Ahad"), _given("Ahmad")) is not None
    # four letters of key and more: the usual one-typo rule (Mahdi / Mohammad stay apart)
    assert record_conflict(_given("Mahdi"), _given("Mohammad")) is not None

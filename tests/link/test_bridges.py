"""Clustering: tolerances do not chain, but a person's own records bridge them.

A mistyped field of a birth date is no second birthday, and a third record that agrees with
two disagreeing records (Richard between Rifhard and Dick, the true date between a mistyped day
and a mistyped month) keeps their disagreement from holding a person's records apart.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from dadkhah.link.clustering import RecordTraits, cluster_pairs
from dadkhah.link.date_features import EPOCH
from dadkhah.link.rules import dictionary_different
from dadkhah.link.settings import LinkSettings

S = LinkSettings(auto_link=0.9, review=0.4, cluster_average=0.5)


def _pairs(rows: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])


def _person(given: str, surname: str = "Bowen", born: str | None = None) -> RecordTraits:
    t = RecordTraits(
        given=given.lower().rstrip("."),
        surname=surname.lower(),
        given_text=given,
        surname_text=surname,
    )
    if born is None:
        return t
    d = date.fromisoformat(born)
    return replace(
        t,
        birth_day=d.toordinal() - EPOCH,
        birth_from=d.year,
        birth_to=d.year,
        birth_md=d.month * 100 + d.day,
    )


def _labels(traits: dict[int, RecordTraits], rows: list[tuple[int, int, float]]) -> list[int]:
    result = cluster_pairs(list(traits), _pairs(rows), traits, S)
    return [result.labels[i] for i in sorted(traits)]


def _reason(a: RecordTraits, b: RecordTraits) -> str | None:
    result = cluster_pairs([1, 2], _pairs([(1, 2, 0.99)]), {1: a, 2: b}, S)
    return None if result.review.empty else str(result.review.iloc[0]["reason"])


def test_one_mistyped_field_of_a_birth_date_is_no_second_birthday() -> None:
    richard = _person("Richard", born="1761-03-12")
    assert _reason(richard, _person("Richard", born="1761-03-21")) is None  # the day
    assert _reason(richard, _person("Richard", born="1761-08-12")) is None  # the month
    assert _reason(richard, _person("Richard", born="1762-03-12")) is None  # the year
    # the month and the day: another birthday
    assert _reason(richard, _person("Richard", born="1761-08-21")) == "birthdays differ"
    # another year and another month: two fields, another birthday
    assert _reason(richard, _person("Richard", born="1762-08-12")) == "birthdays differ"


# 1-2 and 1-3 are sure, 2-3 too (Dick and Rick are one typo apart); 4 links to 1
NAME_ROWS = [(1, 2, 0.99), (1, 3, 0.99), (2, 3, 0.99), (1, 4, 0.98)]


def test_a_full_name_bridges_a_typo_and_a_nickname() -> None:
    traits = {1: _person("Richard"), 2: _person("Dick"), 3: _person("Rick")}
    traits[4] = _person("Rifhard")  # agrees with Richard only: 2 of 3 member pairs disagree
    assert len(set(_labels(traits, NAME_ROWS))) == 1


def test_an_initial_or_a_compound_never_bridges() -> None:
    # Rick and Rifhard disagree; Richard bridges them, "R." (an initial of both) does not
    rows = [(1, 2, 0.99), (1, 3, 0.98)]
    traits = {1: _person("Richard"), 2: _person("Rifhard"), 3: _person("Rick")}
    assert len(set(_labels(traits, rows))) == 1
    traits[1] = _person("R.")
    labels = _labels(traits, rows)
    assert labels[0] == labels[1] != labels[2]
    # Mary Ann agrees with Mary and with Ann, but they are two names
    traits = {1: _person("Mary Ann", "Hale"), 2: _person("Mary", "Hale")}
    traits[3] = _person("Ann", "Hale")
    labels = _labels(traits, rows)
    assert labels[0] == labels[1] != labels[2]


def test_the_dictionary_says_when_no_spelling_can_bridge() -> None:
    assert dictionary_different(_person("Mohammad", "Rahimi"), _person("Mehdi", "Rahimi"))
    assert not dictionary_different(_person("Richard"), _person("Dick"))


def test_the_true_date_bridges_a_mistyped_day_and_a_mistyped_month() -> None:
    traits = {
        1: _person("Richard", born="1761-03-12"),
        2: _person("Richard", born="1761-03-21"),
        3: _person("Richard", born="1761-08-12"),
    }
    rows = [(1, 2, 0.99), (1, 3, 0.98), (2, 3, 0.6)]
    assert len(set(_labels(traits, rows))) == 1
    # without the true date on record the two birthdays stay two: a birthday is never
    # outvoted, only bridged
    traits[1] = _person("Richard")
    labels = _labels(traits, rows)
    assert labels[0] == labels[1] != labels[2]

"""Dates and places as evidence between namesakes, and a swap of letters as one typo."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from dadkhah.link.clustering import RecordTraits, cluster_pairs
from dadkhah.link.comparisons import PERSIAN_NAME_LEVELS
from dadkhah.link.features import build_features
from dadkhah.link.settings import LinkSettings

S = LinkSettings(auto_link=0.9, review=0.4, cluster_average=0.5)
NAME = RecordTraits(given="mhmd", surname="rhm", father="l")
SUMMER = (32_000, 32_092)  # a season: too wide to say anything


def _merged(a: RecordTraits, b: RecordTraits) -> tuple[bool, str | None]:
    pairs = pd.DataFrame(
        [(1, 2, 0.999)], columns=["unique_id_l", "unique_id_r", "match_probability"]
    )
    result = cluster_pairs([1, 2], pairs, {1: a, 2: b}, S)
    reason = None if result.review.empty else str(result.review.iloc[0]["reason"])
    return result.labels[1] == result.labels[2], reason


def _died(first: int, last: int | None = None, birth_day: int | None = None) -> RecordTraits:
    return replace(NAME, death_from=first, death_to=last or first, birth_day=birth_day)


def test_death_dates_months_apart_keep_namesakes_apart() -> None:
    assert _merged(_died(32_020), _died(32_080)) == (False, "death dates differ")
    # known to the month on one side: the ranges are compared
    assert _merged(_died(32_020, 32_050), _died(32_100)) == (False, "death dates differ")


def test_death_dates_close_or_vague_do_not() -> None:
    assert _merged(_died(32_020), _died(32_026))[0]  # a few days: one death reported twice
    assert _merged(_died(32_020), _died(32_045))[0]  # a mistyped month
    assert _merged(_died(32_020), _died(32_000, 32_030))[0]  # the day within its month
    assert _merged(_died(31_900), _died(*SUMMER))[0]  # a season says too little


def test_the_same_full_birth_date_outweighs_differing_death_dates() -> None:
    a = _died(32_020, birth_day=20_000)
    b = _died(32_200, birth_day=20_000)
    assert _merged(a, b)[0]


def _born(day: int, year: int) -> RecordTraits:
    return replace(NAME, birth_day=day, birth_from=year, birth_to=year)


def test_different_birthdays_keep_namesakes_apart_but_a_year_off_does_not() -> None:
    assert _merged(_born(20_000, 1954), _born(20_100, 1955)) == (False, "birthdays differ")
    # the same day a year later: a mistyped year or one read in the other calendar
    assert _merged(_born(20_000, 1954), _born(20_365, 1955))[0]
    assert _merged(_born(20_000, 1954), _born(20_002, 1954))[0]


def test_city_and_prison_both_differing_keep_records_apart_one_alone_does_not() -> None:
    a = replace(NAME, city="tehran", prison="evin")
    assert _merged(a, replace(NAME, city="shiraz", prison="adelabad")) == (
        False,
        "city and prison differ",
    )
    assert _merged(a, replace(NAME, city="karaj", prison="evin"))[0]
    assert _merged(a, replace(NAME, city="tehran", prison="gohardasht"))[0]


def _level_of(left: dict[str, object], right: dict[str, object]) -> str:
    """The label of the first name level whose SQL holds for the two feature rows (DuckDB)."""
    row = {f"{k}_l": v for k, v in left.items()} | {f"{k}_r": v for k, v in right.items()}
    frame = pd.DataFrame([row])  # noqa: F841 (read by DuckDB)
    con = duckdb.connect()
    for level in PERSIAN_NAME_LEVELS:
        sql = level["sql_condition"]
        if sql == "ELSE":
            return str(level["label_for_charts"])
        if con.execute(f"SELECT ({sql}) FROM frame").fetchone()[0]:  # type: ignore[index]
            return str(level["label_for_charts"])
    raise AssertionError("no level")


def _name_row(given: str, surname: str) -> dict[str, object]:
    feats = build_features(
        pd.DataFrame({"unique_id": [1], "given_name": [given], "surname": [surname]})
    ).iloc[0]
    return {str(k): (None if pd.isna(v) else v) for k, v in feats.items()}


def test_two_neighbouring_letters_swapped_are_one_typo() -> None:
    right = _name_row("ابراهیم", "مرتضوی")
    swapped = _name_row("ارباهیم", "مرتضوی")
    assert swapped["given_a"] == right["given_a"]
    assert swapped["given_k1"] != right["given_k1"]
    assert _level_of(swapped, right) == "one part equal, the other one edit apart"
    # other letters, not a swap: the given name no longer counts as a typo
    assert _level_of(_name_row("اکبر", "مرتضوی"), right) != (
        "one part equal, the other one edit apart"
    )


def test_a_cluster_never_outvotes_a_death_date_or_a_birthday() -> None:
    # 1, 2, 3 are one person; 4 agrees with them on everything but its death date, which
    # contradicts 3's. Names alone would be outvoted (1 of 3 pairs); dates are not.
    traits = {i: replace(NAME) for i in (1, 2)}
    traits[3] = _died(32_020)
    traits[4] = _died(32_200)
    rows = [(1, 2, 0.99), (1, 3, 0.99), (2, 3, 0.99), (1, 4, 0.98), (2, 4, 0.98)]
    pairs = pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])
    result = cluster_pairs(list(traits), pairs, traits, S)
    assert result.labels[1] == result.labels[2] == result.labels[3] != result.labels[4]
    traits[3], traits[4] = _born(20_000, 1954), _born(20_100, 1954)
    result = cluster_pairs(list(traits), pairs, traits, S)
    assert result.labels[1] == result.labels[2] == result.labels[3] != result.labels[4]


def test_a_swap_of_neighbouring_letters_in_a_short_name_is_no_conflict() -> None:
    a = RecordTraits(given="mhd", surname="krj", father="l")
    assert _merged(a, replace(a, given="mdh"))[0]  # مهدی written مدهی
    assert not _merged(a, replace(a, given="mhr"))[0]  # another letter: another name


def test_latin_typo_distance_counts_a_swap_as_one_edit() -> None:
    from dadkhah.link.rules import _edits

    assert _edits("alierza", "alireza") == 1
    assert _edits("kitten", "sitting") == 3
    assert _edits("ab", "ba") == 1
    assert _edits("", "abc") == 3
    assert _edits("abc", "ca") == 3  # no edits inside a swapped pair

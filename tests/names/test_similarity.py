"""name_similarity against the shared test pairs and its own properties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dadkhah.names import AUTO_MATCH, REVIEW, name_band, name_similarity, part_similarity


def _cases(shared_dir: Path) -> list[dict[str, str]]:
    with (shared_dir / "data" / "names" / "match_cases.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.shared
def test_every_true_pair_reaches_review(shared_dir: Path) -> None:
    missed = [
        (row["a"], row["b"], round(name_similarity(row["a"], row["b"]), 3))
        for row in _cases(shared_dir)
        if row["should_match"] == "true" and name_similarity(row["a"], row["b"]) < REVIEW
    ]
    assert missed == []


@pytest.mark.shared
def test_no_false_pair_is_merged_on_names_alone(shared_dir: Path) -> None:
    # Pairs like Mohammad Reza / Reza or Saeed / Seyed may go to review (the same person can
    # use one part of a compound; Latin Said is both a name and the title): other fields decide.
    merged = [
        (row["a"], row["b"], round(name_similarity(row["a"], row["b"]), 3))
        for row in _cases(shared_dir)
        if row["should_match"] == "false" and name_similarity(row["a"], row["b"]) >= AUTO_MATCH
    ]
    assert merged == []


@pytest.mark.shared
def test_most_true_pairs_match_outright(shared_dir: Path) -> None:
    rows = [r for r in _cases(shared_dir) if r["should_match"] == "true"]
    matched = sum(name_similarity(r["a"], r["b"]) >= AUTO_MATCH for r in rows)
    assert matched / len(rows) >= 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("غلامرضا حسینی", "Gholam-Reza Hosseini"),
        ("Qolamreza Hoseini", "Gholam-Reza Hosseini"),
        ("HOSSEINI, Gholamreza", "غلامرضا حسینی"),
        ("سید محمدرضا موسوی", "Mohammad Reza MOUSAVI"),
    ],
)
def test_full_names_across_scripts_and_orders(a: str, b: str) -> None:
    assert name_similarity(a, b) >= AUTO_MATCH
    assert name_band(a, b) == "match"


def test_thresholds_are_ordered() -> None:
    assert 0 < REVIEW < AUTO_MATCH <= 1


def test_common_name_agreement_counts_for_less() -> None:
    # Same surname, different given names: the pair sharing a rare surname scores higher
    # than the pair sharing the most common one.
    rare = name_similarity("Ali Shamlou", "Hassan Shamlou")
    common = name_similarity("Ali Mohammadi", "Hassan Mohammadi")
    assert rare > common


def test_unknown_names_with_equal_keys_go_to_review_not_match() -> None:
    score = name_similarity("Bahmanyar", "بهمنیار")
    assert REVIEW <= score < AUTO_MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ali Rezaei", "رضایی علی"), ("Hassan", "Hossein"), ("", "Ali"), ("Ali", "!!")],
)
def test_symmetric_and_bounded(a: str, b: str) -> None:
    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == pytest.approx(name_similarity(b, a))


def test_part_similarity_identity() -> None:
    assert part_similarity("Mohammad", "Mohammad") == 1.0
    assert part_similarity("", "Mohammad") == 0.0


def test_initials_reach_review_not_match() -> None:
    score = name_similarity("M. Reza Hosseini", "Mohammad Reza Hosseini")
    assert REVIEW <= score < AUTO_MATCH
    assert part_similarity("M.", "Mohammad") == part_similarity("M", "محمد") > 0
    assert part_similarity("M.", "Hassan") == 0.0

"""An ``age`` column (age at death) gives a birth-year range where no birth date is given."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dadkhah.cli import main
from dadkhah.link.date_features import parse_age
from dadkhah.link.features import build_features
from dadkhah.link.records import load_records
from dadkhah.store import open_case


@pytest.mark.parametrize(
    ("cell", "age"),
    [
        ("32", 32),
        ("۳۲", 32),
        ("32 years", 32),
        ("۳۲ ساله", 32),
        ("c. 40", 40),
        ("", None),
        ("30-35", None),
        ("unknown", None),
        ("250", None),
    ],
)
def test_parse_age(cell: str, age: int | None) -> None:
    assert parse_age(cell) == age


def test_age_and_death_date_give_a_birth_range() -> None:
    records = pd.DataFrame(
        {
            "unique_id": [1, 2, 3, 4],
            "full_name": ["Ali Ahmadi", "Ali Ahmadi", "Ali Ahmadi", "Ali Ahmadi"],
            "birth_date": ["", "1955", "", ""],
            "death_date": ["1988-08-01", "1988-08-01", "", "1367/05/10"],
            "age": ["33", "20", "33", "۲۵"],
        }
    )
    feats = build_features(records).set_index("unique_id")
    assert (feats.at[1, "birth_from"], feats.at[1, "birth_to"]) == (1954, 1955)
    # a birth date on the record wins over its age
    assert (feats.at[2, "birth_from"], feats.at[2, "birth_to"]) == (1955, 1955)
    # no death date: the age alone says nothing about the birth year
    assert pd.isna(feats.at[3, "birth_from"])
    # a Solar Hijri death date (1 August 1988)
    assert (feats.at[4, "birth_from"], feats.at[4, "birth_to"]) == (1962, 1963)


def test_an_imported_age_column_reaches_linkage(tmp_path: Path) -> None:
    case = tmp_path / "case"
    listing = tmp_path / "memorial.csv"
    listing.write_text(
        "record_id,full_name,death_date,سن\n1,Ali Ahmadi,1988-08-01,33\n2,Reza Karimi,,\n",
        encoding="utf-8",
    )
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(listing)]) == 0
    opened = open_case(case)
    try:
        records = load_records(opened.db).set_index("record_id")
    finally:
        opened.close()
    assert records.at["1", "age"] == "33"
    assert pd.isna(records.at["2", "age"])
    feats = build_features(records.reset_index()).set_index("unique_id")
    assert feats["birth_from"].dropna().tolist() == [1954]

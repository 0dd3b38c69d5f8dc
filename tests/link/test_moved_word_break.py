"""A name whose border between given name and surname moved is still compared and scored
as the same name parts (blocking on the whole name's letters, the whole-name level)."""

from __future__ import annotations

import duckdb
import pandas as pd

from dadkhah.link.comparisons import PERSIAN_NAME_LEVELS
from dadkhah.link.features import build_features
from dadkhah.link.rules import RecordTraits, record_conflict
from dadkhah.link.scoring import score_pairs
from dadkhah.link.settings import LinkSettings

SPLIT = "same name parts in another order or split"


def _row(given: str, surname: str) -> dict[str, object]:
    feats = build_features(
        pd.DataFrame({"unique_id": [1], "given_name": [given], "surname": [surname]})
    ).iloc[0]
    return {str(k): (None if pd.isna(v) else v) for k, v in feats.items()}


def _level_of(left: dict[str, object], right: dict[str, object]) -> str:
    row = {f"{k}_l": v for k, v in left.items()} | {f"{k}_r": v for k, v in right.items()}
    frame = pd.DataFrame([row])  # noqa: F841 (read by DuckDB)
    con = duckdb.connect()
    for level in PERSIAN_NAME_LEVELS[1:]:
        sql = level["sql_condition"]
        if sql == "ELSE" or con.execute(f"SELECT ({sql}) FROM frame").fetchone()[0]:  # type: ignore[index]
            return str(level["label_for_charts"])
    raise AssertionError("no level")


def test_whole_name_letters_survive_a_moved_word_break_and_swapped_parts() -> None:
    a = _row("Eshrat Gholamali", "Far")
    b = _row("Eshrat", "Gholamalifar")
    assert a["name_k1"] != b["name_k1"]
    assert a["name_a"] == b["name_a"]
    assert _row("Far", "Eshrat Gholamali")["name_a"] == a["name_a"]
    assert _row("Eshrat", "")["name_a"] is None
    assert _row("Eshrat", "Gholamipour")["name_a"] != a["name_a"]


def test_a_moved_word_break_is_the_same_name_parts_in_either_reading_order() -> None:
    assert _level_of(_row("Eshrat Gholamali", "Far"), _row("Eshrat", "Gholamalifar")) == SPLIT
    # written surname first and split elsewhere: "Qomi Gholam" | "Javad" against
    # "Gholamjavad" | "Qomi"
    assert _level_of(_row("Qomi Gholam", "Javad"), _row("Gholamjavad", "Qomi")) == SPLIT
    # two dictionary names with one coarse key (Hassan, Hossein) are not the same parts
    assert _level_of(_row("Hassan", "Ahmadi"), _row("Hossein", "Ahmadi")) != SPLIT
    assert _level_of(_row("Eshrat", "Gholamipour"), _row("Eshrat", "Gholamalifar")) != SPLIT


def _records() -> pd.DataFrame:
    rows: list[dict[str, str]] = [
        {"given_name": "Mohammad", "surname": "Hosseini", "father_name": f, "city": c}
        for f in ("Ali", "Hassan", "Reza", "Karim")
        for c in ("Tehran", "Shiraz", "Tabriz", "Rasht", "Qom")
    ]
    rows += [
        {"given_name": "Eshrat Gholamali", "surname": "Far"},
        {"given_name": "Eshrat", "surname": "Gholamalifar"},
    ]
    records = pd.DataFrame(rows)
    records["unique_id"] = range(len(records))
    return records


def _scored(settings: LinkSettings) -> set[tuple[int, int]]:
    pairs = score_pairs(build_features(_records()), settings).pairs
    return set(zip(pairs["unique_id_l"].tolist(), pairs["unique_id_r"].tolist(), strict=True))


def test_blocking_on_the_whole_names_letters_brings_a_moved_word_break_together() -> None:
    settings = LinkSettings(keep_probability=0.0)
    assert ("name_a",) in settings.blocking_rules
    moved = (20, 21)
    assert moved in _scored(settings)
    without = tuple(r for r in settings.blocking_rules if r != ("name_a",))
    assert moved not in _scored(settings.replace(blocking_rules=without))


def test_a_moved_word_break_does_not_make_the_names_differ() -> None:
    def traits(given: str, surname: str) -> RecordTraits:
        row = _row(given, surname)
        return RecordTraits(
            given=str(row["given_k1"]),
            surname=str(row["surname_k1"]),
            given_text=given,
            surname_text=surname,
        )

    nikbakht = traits("مهدی", "نیک‌بخت")
    assert record_conflict(traits("مهدی نیک", "بخت"), nikbakht) is None
    # written surname first and split elsewhere
    assert record_conflict(traits("Qomi Gholam", "Javad"), traits("Gholamjavad", "Qomi")) is None
    # one coarse key, two dictionary names: still two people
    assert record_conflict(traits("Hassan", "Ahmadi"), traits("Hossein", "Ahmadi")) is not None
    assert record_conflict(traits("مهدی", "نیک‌نام"), nikbakht) is not None

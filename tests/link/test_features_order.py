"""Features: names written surname first, and the whole-name key across word breaks."""

from __future__ import annotations

import pandas as pd

from dadkhah.link.features import SURNAME_FIRST_MIN, build_features


def _features(rows: list[dict[str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    df["unique_id"] = range(len(df))
    return build_features(df)


def test_a_clear_surname_first_name_is_read_that_way_in_any_list() -> None:
    f = _features(
        [
            {"list": "a", "full_name": "Karimi Hassan"},
            {"list": "b", "given_name": "حسن", "surname": "کریمی"},
        ]
    )
    assert f.loc[0, "given_k1"] == f.loc[1, "given_k1"]
    assert f.loc[0, "surname_k1"] == f.loc[1, "surname_k1"]


def test_a_list_that_writes_surnames_first_decides_the_unclear_names() -> None:
    clear = [{"list": "roll", "full_name": n} for n in ["Karimi Hassan", "Ahmadi Ali"]]
    clear = clear * SURNAME_FIRST_MIN
    # "Sohrab Keyvan": both words are given names, only the list's habit tells
    unclear = {"list": "roll", "full_name": "Sohrab Keyvan"}
    f = _features([*clear, unclear, {"list": "other", "full_name": "Sohrab Keyvan"}])
    roll, other = f.iloc[len(clear)], f.iloc[len(clear) + 1]
    assert roll["surname_k1"] == other["given_k1"]
    assert roll["given_k1"] == other["surname_k1"]


def test_a_list_in_the_usual_order_is_left_alone() -> None:
    rows = [{"list": "ngo", "full_name": n} for n in ["Hassan Karimi", "Ali Ahmadi"] * 5]
    rows.append({"list": "ngo", "full_name": "Sohrab Keyvan"})
    f = _features(rows)
    assert f.iloc[-1]["given_text"] == "Sohrab"


def test_whole_name_key_ignores_word_breaks_and_order() -> None:
    f = _features(
        [
            {"given_name": "غلام حسین", "surname": "جعفرپور"},
            {"full_name": "Jafarpur Gholamhossein"},
            {"full_name": "Gholam Hossein Jafar Pour"},
        ]
    )
    assert f["name_k1"].nunique() == 1

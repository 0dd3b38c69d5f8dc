"""Features on names and dates as real lists write them: surname first, word breaks, unlisted
spellings, Solar Hijri birth years."""

from __future__ import annotations

import pandas as pd

from dadkhah.link.features import build_features
from dadkhah.link.name_features import SURNAME_FIRST_MIN


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


def test_a_surname_of_a_known_and_an_unknown_word_keeps_its_word_order() -> None:
    # "Hamidi" is in the dictionary, "Mir" is not: the key must still read Mir first
    f = _features(
        [
            {"list": "a", "full_name": "MIR HAMIDI, Mehdi"},
            {"list": "b", "full_name": "Mahdi Mirhamidi"},
            {"list": "c", "given_name": "مهدی", "surname": "میرحمیدی"},
        ]
    )
    assert f["surname_k1"].nunique() == 1
    assert f["surname_k2"].nunique() == 1
    assert f.loc[0, "surname_k1"].startswith("mr")


def test_a_latin_compound_surname_is_keyed_part_by_part() -> None:
    f = _features(
        [
            {"list": "a", "full_name": "AGHAESHAGHI, Manijeh"},
            {"list": "b", "given_name": "منیجه", "surname": "آقااسحاقی"},
            {"list": "a", "full_name": "MIRJAMALLOU, Ahmad"},
            {"list": "b", "given_name": "احمد", "surname": "میرجماللو"},
            {"list": "c", "full_name": "Ahmad Mir Jamallou"},
        ]
    )
    assert f.loc[0, "surname_k1"] == f.loc[1, "surname_k1"]
    assert f.loc[2, "surname_k1"] == f.loc[3, "surname_k1"] == f.loc[4, "surname_k1"]


def test_a_title_before_the_fathers_name_is_left_out_of_its_key() -> None:
    f = _features(
        [
            {"full_name": "Jallal Nasserzadeh", "father_name": "Haj Soleiman"},
            {"full_name": "NASSERZADEH, Djalal son of Soleiman"},
            {"given_name": "جلال", "surname": "ناصرزاده", "father_name": "حاج سلیمان"},
        ]
    )
    assert f["father_k1"].nunique() == 1
    assert f.loc[0, "father_text"] == "Soleiman"


def test_a_solar_hijri_birth_year_gets_a_blocking_year() -> None:
    # 1312 SH = 21 March 1933 .. 20 March 1934: mostly 1933, the key a Gregorian "1933" gets
    f = _features(
        [
            {"full_name": "Reza Mozaffari", "birth_date": "1312"},
            {"full_name": "Reza Mozaffari", "birth_date": "1933"},
            {"full_name": "Reza Mozaffari", "birth_date": "c. 1933"},
        ]
    )
    assert f.loc[0, "birth_year"] == f.loc[1, "birth_year"] == 1933
    assert pd.isna(f.loc[2, "birth_year"])  # five years wide: no single year


def test_an_unlisted_spelling_of_a_known_name_still_differs_from_another_name() -> None:
    # "Mohemmad" is in no dictionary, but its fine key is Mohammad's alone; Mahmoud is another
    # name even though the coarse keys of the two collide
    f = _features(
        [
            {"given_name": "Mohemmad", "surname": "Hosseini"},
            {"given_name": "محمد", "surname": "حسینی"},
            {"given_name": "Mahmood", "surname": "Hosseini"},
        ]
    )
    assert f.loc[0, "given_dict"] == f.loc[1, "given_dict"]
    assert f.loc[0, "given_dict"] != f.loc[2, "given_dict"]
    assert f.loc[0, "given_k1"] == f.loc[2, "given_k1"]


def test_a_spelling_whose_fine_key_two_names_share_stays_unknown() -> None:
    # "Akbr" (a typo) has the fine key of both Akbar (اکبر) and Kobra (کبری): no guess
    f = _features(
        [{"given_name": "Akbr", "surname": "Hosseini"}, {"given_name": "Xqzw", "surname": "Ali"}]
    )
    assert pd.isna(f.loc[0, "given_dict"])
    assert pd.isna(f.loc[1, "given_dict"])


def test_sadat_joined_to_a_given_name_is_a_title_as_when_written_apart() -> None:
    f = _features(
        [
            {"given_name": "فاطمه\u200cسادات", "surname": "بهبهانی"},
            {"given_name": "زهراسادات", "surname": "ناصری"},
            {"full_name": "Fatemeh Sadat Behbehani"},
            {"full_name": "Zahra Sadat Nasseri"},
        ]
    )
    assert f.loc[0, "given_k1"] == f.loc[2, "given_k1"] == "ftm"
    assert f.loc[1, "given_k1"] == f.loc[3, "given_k1"]
    assert f.loc[0, "given_dict"] == f.loc[2, "given_dict"]

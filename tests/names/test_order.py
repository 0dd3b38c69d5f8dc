"""Names written surname first without a comma: evidence from the words, and the re-split."""

from __future__ import annotations

import pytest

from dadkhah.names import parse_surname_first, surname_first_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Karimi Hassan",  # dictionary surname, dictionary given name
        "Hashimi Mohammad Reza",  # a spelling the dictionary lacks; compound given name
        "Mohsen Pour Ahmad",  # -pour written apart from its root
        "Jafarpur Gholamhossein",  # surname made with a suffix
        "حسینی محمدرضا",
        "Mousavi Seyed Ali",  # the title stands between the parts
    ],
)
def test_surname_first_names_read_surname_first(text: str) -> None:
    assert surname_first_evidence(text) > 0


@pytest.mark.parametrize(
    "text", ["Hassan Karimi", "Mohammad Reza Hashimi", "Ahmad Mohsen Pour", "محمدرضا حسینی"]
)
def test_usual_order_reads_given_first(text: str) -> None:
    assert surname_first_evidence(text) < 0


@pytest.mark.parametrize("text", ["KARIMI, Hassan", "Hassan KARIMI", "KARIMI Hassan", "Hassan"])
def test_order_fixed_by_the_writing_is_not_questioned(text: str) -> None:
    assert surname_first_evidence(text) == 0


def test_parse_surname_first_splits_after_the_surname() -> None:
    p = parse_surname_first("Hashimi Mohammad Reza son of Ghasem")
    assert (p.surname, p.given, p.father) == ("Hashimi", "Mohammad Reza", "Ghasem")


def test_parse_surname_first_keeps_a_suffix_with_its_root_and_titles_apart() -> None:
    p = parse_surname_first("Mohsen Pour Seyed Ahmad")
    assert (p.surname, p.given) == ("Mohsen Pour", "Ahmad")
    assert p.titles


def test_parse_surname_first_leaves_a_comma_name_as_written() -> None:
    p = parse_surname_first("KARIMI, Hassan")
    assert (p.surname, p.given) == ("KARIMI", "Hassan")


@pytest.mark.parametrize(
    ("text", "given", "surname"),
    [
        ("Mohammad Morteza Zede son of Hassan", "Mohammad", "Morteza Zede"),  # misspelt -zadeh
        ("Ali Ebrahim Hossein Poour", "Ali Ebrahim", "Hossein Poour"),
        ("Reza Mohmad Nejed", "Reza", "Mohmad Nejed"),
        ("کاظم شیخ الاسلامی", "کاظم", "شیخ الاسلامی"),  # an article-led second half
        ("Kazem Sheikh al Eslami", "Kazem", "Sheikh al Eslami"),
        ("محمد رضا الهی", "محمد رضا", "الهی"),  # Elahi is a surname of its own
        ("Ali Reza Zadi", "Ali Reza", "Zadi"),
    ],
)
def test_parse_name_keeps_a_surname_written_in_two_words_together(
    text: str, given: str, surname: str
) -> None:
    from dadkhah.names import parse_name

    p = parse_name(text)
    assert (p.given, p.surname) == (given, surname)

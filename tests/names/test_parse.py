"""parse_name: given name, father's name, surname and titles."""

from __future__ import annotations

import pytest

from dadkhah.names import parse_name


@pytest.mark.parametrize(
    ("text", "given", "surname", "father", "titles"),
    [
        ("Ali Mousavi", "Ali", "Mousavi", None, ()),
        ("MOUSAVI, Ali", "Ali", "MOUSAVI", None, ()),
        ("Mousavi, Seyed Ali", "Ali", "Mousavi", None, ("Seyyed",)),
        ("MOUSAVI Ali", "Ali", "MOUSAVI", None, ()),
        ("Seyed Ali Mousavi son of Hassan", "Ali", "Mousavi", "Hassan", ("Seyyed",)),
        ("Ali Mousavi s/o Hassan", "Ali", "Mousavi", "Hassan", ()),
        ("Ali Mousavi (Hassan)", "Ali", "Mousavi", "Hassan", ()),
        ("Mohammad Reza Hosseini", "Mohammad Reza", "Hosseini", None, ()),
        ("Ali Hasan Zadeh", "Ali", "Hasan Zadeh", None, ()),
        ("Abolhassan Bani Sadr", "Abolhassan", "Bani Sadr", None, ()),
        ("Fatemeh Sadat Mousavi", "Fatemeh", "Mousavi", None, ("Sadat",)),
        ("Haj Mashhadi Ali Rezaei", "Ali", "Rezaei", None, ("Haj", "Mashhadi")),
        ("Hassan Mashhadi", "Hassan", "Mashhadi", None, ()),
        ("Seyed", "Seyed", None, None, ()),
        ("سید علی موسوی", "علی", "موسوی", None, ("Seyyed",)),
        ("علی رضایی فرزند حسن", "علی", "رضایی", "حسن", ()),
        ("شهید حاج احمد رضایی", "احمد", "رضایی", None, ("Shahid", "Haj")),
        ("حاجی‌زاده", "حاجی\u200cزاده", None, None, ()),
        ("Haji Zadeh", "Haji", "Zadeh", None, ()),
        ("زهرا خانم احمدی", "زهرا", "احمدی", None, ("Khanom",)),
        ("سیدمحمد موسوی", "محمد", "موسوی", None, ("Seyyed",)),  # title joined to the name
        ("Seyed-Mohammad Mousavi", "Mohammad", "Mousavi", None, ("Seyyed",)),
        ("Seyyedi", "Seyyedi", None, None, ()),  # a surname, not a title
    ],
)
def test_parse_name(
    text: str, given: str | None, surname: str | None, father: str | None, titles: tuple[str, ...]
) -> None:
    parsed = parse_name(text)
    assert (parsed.given, parsed.surname, parsed.father, parsed.titles) == (
        given,
        surname,
        father,
        titles,
    )
    assert parsed.original == text


def test_parsed_name_parts_and_full() -> None:
    p = parse_name("HOSSEINI, Gholam Reza")
    assert p.parts == ("Gholam", "Reza", "HOSSEINI")
    assert p.full == "Gholam Reza HOSSEINI"
    assert p.script == "latin"


@pytest.mark.parametrize("junk", ["", "   ", ",", "()", "son of", "فرزند", "1234"])
def test_parse_name_never_fails(junk: str) -> None:
    parse_name(junk)

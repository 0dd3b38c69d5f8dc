"""Latin compound surnames split into a known prefix, core and suffix."""

from __future__ import annotations

import pytest

from dadkhah.names import compound_parts, compound_persian, match_key


@pytest.mark.parametrize(
    ("latin", "persian"),
    [
        ("Mollafalahi", "ملافلاحی"),
        ("Aghaeshaghi", "آقااسحاقی"),
        ("Pourkadhimnejad", "پورکاظمنژاد"),
        ("Mirarmannedjad", "میرآرماننژاد"),
        ("Banieshaghnia", "بنیاسحاقنیا"),
    ],
)
def test_a_compound_around_a_known_name_gets_the_keys_of_its_persian_spelling(
    latin: str, persian: str
) -> None:
    written = compound_persian(latin)
    assert written is not None
    assert match_key(written) == match_key(persian)
    assert compound_persian(latin.upper()) == written


def test_the_letter_rules_alone_read_two_parts_as_one_letter() -> None:
    # what the split is for: without it the s and h of Agha-Eshaghi become "sh"
    assert match_key("Aghaeshaghi") != match_key("آقااسحاقی")


def test_a_known_core_and_a_split_at_both_ends_are_preferred() -> None:
    assert compound_parts("Rezaeipour") == ("رضایی", "پور")
    assert compound_parts("Agaroshani") == ("آقا", "roshan", "ی")
    assert compound_persian("Agaroshani") is None  # "roshan" is not in the dictionary


@pytest.mark.parametrize(
    "word", ["Mohammadi", "Hassanzadeh", "Tabriz", "Pourya", "محمدی", "", "Ali"]
)
def test_dictionary_names_short_words_and_persian_are_not_split(word: str) -> None:
    assert compound_parts(word) is None

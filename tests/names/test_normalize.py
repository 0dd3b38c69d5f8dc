"""Normalisation of Persian and Latin name text."""

from __future__ import annotations

import pytest

from dadkhah.names import normalize_latin, normalize_persian, normalize_text, script_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("كاظمي", "کاظمی"),  # Arabic kaf and yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("فاطمة", "فاطمه"),  # teh marbuta
        ("محـــمد", "محمد"),  # tatweel
        ("مُحَمَّد", "محمد"),  # harakat and shadda
        ("ﻋﻠﯽ", "علی"),  # presentation forms
        ("خانۀ", "خانه"),  # heh with yeh above
        ("\u200fعلی\u200e", "علی"),  # bidi marks
        ("علی\u200c\u200cرضا", "علی\u200cرضا"),  # doubled ZWNJ
        ("علی \u200cرضا", "علی رضا"),  # ZWNJ next to a space
        ("\u200cعلی\u200c", "علی"),  # ZWNJ at the edges
        ("۱۳۶۷/۰۵/۱۲", "1367/05/12"),  # Persian digits
        ("١٣٦٧", "1367"),  # Arabic-Indic digits
        ("أحمد", "احمد"),  # hamza on alef
        ("آرش", "آرش"),  # madda alef kept in display form
        ("رئیسی", "رئیسی"),  # hamza carrier kept in display form
        ("  علی   رضایی ", "علی رضایی"),
    ],
)
def test_normalize_persian(raw: str, expected: str) -> None:
    assert normalize_persian(raw) == expected


def test_normalize_persian_keeps_kurdish_vowels() -> None:
    # ە and ۆ are vowels in Sorani, not variants of ه and و
    assert normalize_persian("ڕەزا") == "ڕەزا"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Gholām-Reẕā", "gholam reza"),
        ("Ja'far", "jafar"),
        ("Es’hagh", "eshagh"),
        ("ʿAbbās", "abbas"),
        ("Žāle", "zhale"),
        ("MOUSAVI,  Ali", "mousavi, ali"),
        ("Hassan", "hassan"),
    ],
)
def test_normalize_latin(raw: str, expected: str) -> None:
    assert normalize_latin(raw) == expected


def test_normalize_text_handles_both_scripts() -> None:
    assert normalize_text("Ali  علي‌رضا") == "ali علی رضا"
    assert normalize_text("حسن‌زاده") == normalize_text("حسن زاده")
    assert normalize_text("آرش") == normalize_text("ارش")
    assert normalize_text("رضائی") == normalize_text("رضایی")


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("علی", "persian"),
        ("ﻋﻠﯽ", "persian"),  # presentation forms are Persian after NFKC
        ("ڕەزا", "persian"),
        ("Ali", "latin"),
        ("Ali علی", "mixed"),
        ("1367", "other"),
        ("۱۳۶۷", "other"),
        ("", "other"),
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script

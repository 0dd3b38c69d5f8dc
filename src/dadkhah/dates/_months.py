"""Month, season and qualifier words of written dates, in Persian and Latin spellings."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "APPROX_WORDS",
    "GREGORIAN_MARKERS",
    "GREGORIAN_MONTHS",
    "LUNAR_MARKERS",
    "LUNAR_MONTHS",
    "NOISE_WORDS",
    "PART_WORDS",
    "SEASONS",
    "SOLAR_MARKERS",
    "SOLAR_MONTHS",
    "SOLAR_MONTH_NAMES_FA",
    "SOLAR_MONTH_NAMES_LATIN",
    "fold_word",
]

SOLAR_MONTH_NAMES_FA: Final = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
SOLAR_MONTH_NAMES_LATIN: Final = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)

_SOLAR_SPELLINGS: Final[dict[int, tuple[str, ...]]] = {
    1: ("فروردین", "farvardin", "farwardin", "farvadin", "hamal", "حمل"),
    2: (
        "اردیبهشت",
        "ordibehesht",
        "ordibehecht",
        "ardibehesht",
        "urdibihisht",
        "sawr",
        "sor",
        "saur",
        "ثور",
    ),
    3: ("خرداد", "khordad", "xordad", "khurdad", "jawza", "jauza", "jowza", "جوزا"),
    4: ("تیر", "tir", "teer", "saratan", "سرطان"),
    5: ("مرداد", "امرداد", "mordad", "amordad", "mourdad", "murdad", "mordaad", "asad", "اسد"),
    6: ("شهریور", "shahrivar", "shahriwar", "shahrewar", "sonbola", "sunbula", "sonbole", "سنبله"),
    7: ("مهر", "mehr", "mihr", "mizan", "میزان"),
    8: ("آبان", "aban", "aaban", "aqrab", "akrab", "عقرب"),
    9: ("آذر", "azar", "aazar", "qaws", "qous", "qaus", "قوس"),
    10: ("دی", "dey", "dei", "day", "jadi", "jaddi", "جدی"),
    11: ("بهمن", "bahman", "dalw", "dalv", "دلو"),
    12: ("اسفند", "esfand", "isfand", "esfend", "hut", "hoot", "حوت"),
}

_GREGORIAN_SPELLINGS: Final[dict[int, tuple[str, ...]]] = {
    1: ("january", "jan", "janvier", "januar", "ژانویه", "ژانویهٔ", "ژانویه"),
    2: ("february", "feb", "fevrier", "februar", "فوریه"),
    3: ("march", "mar", "mars", "marz", "مارس"),
    4: ("april", "apr", "avril", "آوریل", "آپریل"),
    5: ("may", "mai", "مه", "می"),
    6: ("june", "jun", "juin", "juni", "ژوئن", "جون"),
    7: ("july", "jul", "juillet", "juli", "ژوئیه", "جولای"),
    8: ("august", "aug", "aout", "اوت", "آگوست", "اگوست"),
    9: ("september", "sep", "sept", "septembre", "سپتامبر"),
    10: ("october", "oct", "octobre", "oktober", "اکتبر"),
    11: ("november", "nov", "novembre", "نوامبر"),
    12: ("december", "dec", "decembre", "dezember", "دسامبر"),
}

LUNAR_MONTHS: Final = frozenset(
    {
        "muharram",
        "moharram",
        "محرم",
        "safar",
        "صفر",
        "rabi",
        "ربیع",
        "ربیع‌الاول",
        "jumada",
        "jamadi",
        "جمادی",
        "rajab",
        "رجب",
        "shaban",
        "شعبان",
        "ramadan",
        "ramazan",
        "رمضان",
        "shawwal",
        "shavval",
        "شوال",
        "dhulqadah",
        "ذیقعده",
        "ذی‌القعده",
        "dhulhijjah",
        "ذیحجه",
        "ذی‌الحجه",
        "qamari",
        "قمری",
        "hijri qamari",
    }
)

# Season name -> index 0 (spring) .. 3 (winter)
SEASONS: Final[dict[str, int]] = {
    "spring": 0,
    "بهار": 0,
    "printemps": 0,
    "fruhling": 0,
    "summer": 1,
    "تابستان": 1,
    "ete": 1,
    "sommer": 1,
    "autumn": 2,
    "fall": 2,
    "پاییز": 2,
    "پائیز": 2,
    "automne": 2,
    "herbst": 2,
    "winter": 3,
    "زمستان": 3,
    "hiver": 3,
}


def fold_word(word: str) -> str:
    """Lower case, no accents, no doubled letters, ou/oo to u, ee to i: the lookup form."""
    s = unicodedata.normalize("NFKD", word.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u200c", "").replace("ـ", "")
    s = s.replace("ي", "ی").replace("ك", "ک").replace("ۀ", "ه").replace("آ", "ا")
    s = re.sub(r"(.)\1+", r"\1", s)
    return s.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("w", "v")


def _index(spellings: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {fold_word(form): month for month, forms in spellings.items() for form in forms}


SOLAR_MONTHS: Final = _index(_SOLAR_SPELLINGS)
GREGORIAN_MONTHS: Final = _index(_GREGORIAN_SPELLINGS)


# Qualifiers and markers met around dates.
APPROX_WORDS = (
    "circa",
    "ca.",
    "ca",
    "c.",
    "c",
    "about",
    "approx.",
    "approx",
    "approximately",
    "around",
    "abt",
    "abt.",
    "~",
    "حدود",
    "حدودا",
    "حدوداً",
    "حوالی",
    "تقریبا",
    "تقریباً",
    "نزدیک",
    "?",
    "vers",
    "env.",
    "etwa",
    "ungefähr",
)
PART_WORDS: dict[str, int] = {
    "early": 0,
    "beginning": 0,
    "start": 0,
    "اوایل": 0,
    "اوائل": 0,
    "ابتدای": 0,
    "اول": 0,
    "mid": 1,
    "middle": 1,
    "اواسط": 1,
    "نیمه": 1,
    "میانه": 1,
    "late": 2,
    "end": 2,
    "اواخر": 2,
    "پایان": 2,
    "آخر": 2,
    "انتهای": 2,
}
SOLAR_MARKERS = frozenset(
    {
        "sh",
        "s.h.",
        "s.h",
        "hs",
        "h.sh.",
        "h.sh",
        "ش",
        "ه.ش",
        "ه.ش.",
        "هـ.ش",
        "هـ.ش.",
        "هش",
        "شمسی",
        "solar",
        "jalali",
        "خورشیدی",
        "ap",
        "a.p.",
    }
)
GREGORIAN_MARKERS = frozenset({"ad", "a.d.", "ce", "c.e.", "م", "م.", "میلادی", "gregorian"})
LUNAR_MARKERS = frozenset(
    {"ah", "a.h.", "ق", "ه.ق", "ه.ق.", "هـ.ق", "هـ.ق.", "قمری", "hq", "lunar"}
)
NOISE_WORDS = frozenset(
    {
        "of",
        "the",
        "in",
        "on",
        "year",
        "سال",
        "ماه",
        "روز",
        "در",
        "تاریخ",
        "date",
        "de",
        "le",
        "im",
        "am",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "شنبه",
        "یکشنبه",
        "دوشنبه",
        "سه‌شنبه",
        "سهشنبه",
        "چهارشنبه",
        "پنجشنبه",
        "پنج‌شنبه",
        "جمعه",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "executed",
        "born",
    }
)

"""English and Persian interfaces: gettext catalogues and Persian digits.

The Persian catalogue is kept as ``locale/fa/LC_MESSAGES/messages.po`` and compiled in memory
(Babel) when the app starts, so there is no build step and no compiled file to keep in step.
English is the source language. Extract new strings with
``pybabel extract -F babel.cfg -o messages.pot src/dadkhah/web`` and merge them into the .po file.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = ["FIELD_LABELS", "LANGUAGES", "Translator", "direction", "localise_digits", "translator"]

LANGUAGES: dict[str, str] = {"en": "English", "fa": "فارسی"}
_LOCALE_DIR = Path(__file__).parent / "locale"
_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

Translator = Callable[[str], str]

#: How record fields are named on pages (the msgids of their translations).
FIELD_LABELS: dict[str, str] = {
    "full_name": "Full name",
    "given_name": "Given name",
    "surname": "Surname",
    "father_name": "Father's name",
    "sex": "Sex",
    "birth_date": "Birth date",
    "birth_place": "Birth place",
    "city": "City",
    "province": "Province",
    "prison": "Prison",
    "death_date": "Death date",
    "death_place": "Death place",
    "affiliation": "Affiliation",
    "notes": "Notes",
    "source_ref": "Source reference",
}


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    po = _LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def translator(language: str) -> Translator:
    """The gettext function of a language (English when unknown)."""
    return _catalogue(language if language in LANGUAGES else "en").gettext


def direction(language: str) -> str:
    return "rtl" if language == "fa" else "ltr"


def localise_digits(value: object, language: str) -> str:
    """A number (or any text) with Persian digits when the language is Persian."""
    text = "" if value is None else str(value)
    return text.translate(_FA_DIGITS) if language == "fa" else text

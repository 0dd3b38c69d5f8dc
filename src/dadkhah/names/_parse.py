"""Parsing a written name into given name, father's name, surname and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dadkhah.names._dictionary import entries_for
from dadkhah.names._normalize import normalize_persian, normalize_text, script_of
from dadkhah.names._titles import (
    CONNECTORS,
    LEADING_TITLES,
    PILGRIM_TITLES,
    SADAT,
    SURNAME_SUFFIXES,
    TRAILING_HONORIFICS,
    canonical_title,
)

__all__ = ["ParsedName", "parse_name"]

# Words that start a compound surname written as two words (Bani Sadr, Pour Mohammadi).
_SURNAME_PREFIXES = frozenset({"bani", "بنی", "pour", "pur", "پور", "mir", "میر", "sadat", "سادات"})

_FATHER_PERSIAN = re.compile(r"(?:^|\s)(?:فرزند|ولد|بنت|پسر|دختر)(?:\s+|$)")
_FATHER_LATIN = re.compile(
    r"(?:^|\s)(?:son|daughter|child)\s+of\s+|(?:^|\s)[sd]\s*/\s*o\.?\s+|(?:^|\s)fd\.\s*|(?:^|\s)fd\s+"
    r"|(?:^|\s)farzand(?:-?e)?\s+|(?:^|\s)ibn\s+",
    re.IGNORECASE,
)
_PARENS = re.compile(r"[(\[]([^)\]]*)[)\]]")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into its parts. Titles are kept (as canonical labels), never discarded.

    ``given`` and ``surname`` are None when the text does not say; a one-word name is taken as
    a given name. ``father`` is the father's name when written ("son of", «فرزند», brackets).
    """

    original: str
    given: str | None = None
    surname: str | None = None
    father: str | None = None
    titles: tuple[str, ...] = field(default=())

    @property
    def script(self) -> str:
        return script_of(self.original)

    @property
    def parts(self) -> tuple[str, ...]:
        """The words of the name proper (given then surname), without titles or father."""
        words: list[str] = []
        for value in (self.given, self.surname):
            if value:
                words.extend(value.split())
        return tuple(words)

    @property
    def full(self) -> str:
        """Given name and surname, in that order, separated by a space."""
        return " ".join(p for p in (self.given, self.surname) if p)


def _is_all_caps(token: str) -> bool:
    return token.isascii() and token.isupper() and sum(c.isalpha() for c in token) >= 2


_LATIN_ARTICLES = ("al ", "ol ", "ul ", "el ")


def _word(token: str) -> str:
    """Lookup form of one written word: search form, ZWNJ and spaces removed."""
    return normalize_text(token).replace(" ", "")


def _continues_word(token: str) -> bool:
    """True when ``token`` completes the word before it (Haji Zadeh, Sheikh ol-Eslami)."""
    key = _word(token)
    spaced = normalize_text(token)
    return key in SURNAME_SUFFIXES or key.startswith("ال") or spaced.startswith(_LATIN_ARTICLES)


_JOINED_TITLES = (
    ("سیده", "Seyyedeh"),
    ("سید", "Seyyed"),
    ("seyyedeh", "Seyyedeh"),
    ("seyedeh", "Seyyedeh"),
    ("sayyedeh", "Seyyedeh"),
    ("seyyed", "Seyyed"),
    ("sayyed", "Seyyed"),
    ("seyed", "Seyyed"),
    ("sayed", "Seyyed"),
    ("sayyid", "Seyyed"),
    ("seyd", "Seyyed"),
)


def _split_joined_title(token: str, titles: list[str]) -> str:
    """سیدمحمد, Seyedmohammad, Seyed-Mohammad: the title joined to a known given name."""
    folded = normalize_text(token).replace(" ", "")
    for prefix, label in _JOINED_TITLES:
        rest = folded[len(prefix) :]
        if folded.startswith(prefix) and len(rest) >= 3 and entries_for(rest, "given"):
            titles.append(label)
            cut = len(token) - len(token.lstrip("-")) + _original_length(token, prefix)
            return token[cut:].lstrip("-‌ ")
    return token


def _original_length(token: str, prefix: str) -> int:
    """How many characters of ``token`` spell the (search-normalised) ``prefix``."""
    for end in range(1, len(token) + 1):
        if normalize_text(token[:end]).replace(" ", "") == prefix:
            return end
    return len(prefix)


def _strip_titles(tokens: list[str], titles: list[str]) -> list[str]:
    # Leading titles, only while a name word follows (a lone "Seyed" is a name).
    while len(tokens) > 1 and not _continues_word(tokens[1]):
        key = _word(tokens[0])
        if key in LEADING_TITLES or (key in PILGRIM_TITLES and len(tokens) > 2):
            titles.append(canonical_title(key) or tokens[0])
            tokens = tokens[1:]
        else:
            break
    if tokens:
        tokens = [_split_joined_title(tokens[0], titles), *tokens[1:]]
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        key = _word(tok)
        if key in CONNECTORS and 0 < i < len(tokens) - 1:
            continue
        if i > 0 and len(tokens) > 2 and key in TRAILING_HONORIFICS:
            titles.append(canonical_title(key) or tok)
            continue
        if i > 0 and key in SADAT and i < len(tokens) - 1:
            titles.append("Sadat")
            continue
        kept.append(tok)
    return kept


def _split_surname(tokens: list[str]) -> tuple[list[str], list[str]]:
    if len(tokens) <= 1:
        return tokens, []
    caps = [i for i, t in enumerate(tokens) if _is_all_caps(t)]
    if caps and len(caps) < len(tokens) and caps == list(range(caps[0], caps[-1] + 1)):
        surname = tokens[caps[0] : caps[-1] + 1]
        return tokens[: caps[0]] + tokens[caps[-1] + 1 :], surname
    start = len(tokens) - 1
    if start >= 2 and _ends_surname(tokens[start]):
        start -= 1
    elif start >= 3 and _word(tokens[start - 1]) in _ARTICLE_WORDS:
        start -= 2  # Sheikh al Eslami
    if start >= 2 and _word(tokens[start - 1]) in _SURNAME_PREFIXES:
        start -= 1
    return tokens[:start], tokens[start:]


# A surname suffix written apart, also misspelt (Zade, Zde, Zedeh; Pur, Poour; Najad, Nejed)
_LATIN_SUFFIX = re.compile(r"^(?:z[aeiou]?d[aeo]?h?|p[ouw]{1,3}r|n[aeiou]?(?:j|zh|jh)[aeiou]?d)$")
_ARTICLE_WORDS = frozenset({"al", "ol", "ul", "el", "ال"})


def _ends_surname(token: str) -> bool:
    """Does this last word finish a surname begun by the word before it?

    A surname suffix (Hassan Zadeh, Mohsen Pour, a misspelt Zde or Poour too), or an
    article-led second half (Sheikh ol-Eslami, شیخ الاسلامی) that is not itself a known name
    (الهی, Elahi, is a surname of its own).
    """
    key = _word(token)
    if key in SURNAME_SUFFIXES or (key.isascii() and _LATIN_SUFFIX.match(key)):
        return True
    spaced = normalize_text(token)
    if spaced.startswith(_LATIN_ARTICLES):
        return True
    return key.startswith("ال") and len(key) >= 6 and not entries_for(key)


def _clean(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).strip(" -")


@lru_cache(maxsize=100_000)
def parse_name(text: str) -> ParsedName:
    """Split a name as written in a list into given name, father's name, surname and titles.

    Understands "SURNAME, Given", an all-capitals surname anywhere, the father's name after
    "son of", "s/o", "fd.", «فرزند», «ولد» or in brackets, leading titles (Seyyed, Haj, Shahid,
    pilgrim titles when two words follow), trailing honorifics (Khan, Khanom, Beygom) and Sadat
    after a given name, and compound surnames written in two words (Hasan Zadeh, Bani Sadr).

    >>> p = parse_name("Seyed Ali MOUSAVI son of Hassan")
    >>> (p.given, p.surname, p.father, p.titles)
    ('Ali', 'MOUSAVI', 'Hassan', ('Seyyed',))
    """
    s = normalize_persian(text)
    father: str | None = None
    m = _PARENS.search(s)
    if m:
        inner = m.group(1)
        inner = _FATHER_PERSIAN.sub(" ", inner)
        inner = _FATHER_LATIN.sub(" ", inner)
        father = _clean(inner) or None
        s = s[: m.start()] + " " + s[m.end() :]
    for pattern in (_FATHER_PERSIAN, _FATHER_LATIN):
        m = pattern.search(s)
        if m:
            after = _clean(s[m.end() :])
            if after:
                father = after
            s = s[: m.start()]
            break
    titles: list[str] = []
    if s.count(",") == 1:
        left, right = (part.split() for part in s.split(","))
        right = _strip_titles(right, titles) if right else right
        given, surname = right, left
    else:
        tokens = _strip_titles(_clean(s).split(), titles)
        given, surname = _split_surname(tokens)
    return ParsedName(
        original=text,
        given=" ".join(given) or None,
        surname=" ".join(surname) or None,
        father=father,
        titles=tuple(titles),
    )

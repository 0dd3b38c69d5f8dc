"""Persian and Latin names: normalisation, parsing, cross-script keys, similarity, transliteration.

Pure functions over strings (standard library only); the name dictionary ships as package data.
See docs/names.md.
"""

from dadkhah.names._compound import compound_parts, compound_persian
from dadkhah.names._dictionary import (
    NameEntry,
    dictionary,
    entries_for,
    name_frequency,
    name_weight,
)
from dadkhah.names._keys import fine_key, match_key, part_keys
from dadkhah.names._normalize import (
    normalize_latin,
    normalize_persian,
    normalize_text,
    script_of,
    to_ascii_digits,
)
from dadkhah.names._order import parse_surname_first, surname_first_evidence
from dadkhah.names._parse import ParsedName, parse_name
from dadkhah.names._sex import canonical_sex
from dadkhah.names._similarity import (
    AUTO_MATCH,
    INITIAL,
    REVIEW,
    SAME_NAME,
    name_band,
    name_similarity,
    part_similarity,
)
from dadkhah.names._translit import to_latin, to_persian_candidates

__all__ = [
    "AUTO_MATCH",
    "INITIAL",
    "REVIEW",
    "SAME_NAME",
    "NameEntry",
    "ParsedName",
    "canonical_sex",
    "compound_parts",
    "compound_persian",
    "dictionary",
    "entries_for",
    "fine_key",
    "match_key",
    "name_band",
    "name_frequency",
    "name_similarity",
    "name_weight",
    "normalize_latin",
    "normalize_persian",
    "normalize_text",
    "parse_name",
    "parse_surname_first",
    "part_keys",
    "part_similarity",
    "script_of",
    "surname_first_evidence",
    "to_ascii_digits",
    "to_latin",
    "to_persian_candidates",
]

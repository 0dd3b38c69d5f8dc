"""Property tests: normalisation is idempotent, keys ignore letter forms and ZWNJ."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.names import (
    dictionary,
    fine_key,
    match_key,
    name_similarity,
    normalize_latin,
    normalize_persian,
    normalize_text,
)

ZWNJ = "\u200c"
_PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئؤء"
_ALPHABET = (
    _PERSIAN_LETTERS
    + "يىكةۀأإٱھە"  # Arabic and other letter forms
    + "\u064b\u064e\u064f\u0650\u0651\u0652\u0654\u0670\u0640"  # harakat, tatweel
    + "\u200c\u200d\u200e\u200f\u00a0 \t"  # joiners, bidi marks, spaces
    + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    + "abcdefghijklmnopqrstuvwxyzABCDEZāēīōūšžčḥʿ'-’ "
    + "ﻋﻠﯽﷲﻻ"  # presentation forms
)
_text = st.text(alphabet=_ALPHABET, max_size=30)
_PERSIAN_NAMES = sorted({p for e in dictionary() for p in e.all_persian})


@settings(max_examples=300, deadline=None)
@given(_text)
def test_normalize_persian_is_idempotent(text: str) -> None:
    once = normalize_persian(text)
    assert normalize_persian(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(_text, st.text(max_size=30)))
def test_normalize_text_and_latin_are_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    latin = normalize_latin(text)
    assert normalize_latin(latin) == latin


_ARABIC_FORMS = {"ی": ("ي", "ى"), "ک": ("ك",), "ه": ("ة", "ۀ"), "ا": ("أ", "إ")}


@st.composite
def _disguised(draw: st.DrawFn) -> tuple[str, str]:
    """A dictionary name and the same name with Arabic letter forms, ZWNJ, tatweel, harakat."""
    name = draw(st.sampled_from(_PERSIAN_NAMES))
    out: list[str] = []
    for i, ch in enumerate(name):
        forms: tuple[str, ...] = _ARABIC_FORMS.get(ch, ())
        if ch == "ه" and i < len(name) - 1:
            forms = ()  # teh marbuta and heh-with-yeh only at the end of a word
        if ch == "ا" and i > 0:
            forms = ()
        disguise: bool = draw(st.booleans())
        if forms and disguise:
            ch = draw(st.sampled_from(forms))
        out.append(ch)
        if ch != " " and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(["\u064e", "\u0650", "\u0651", "\u0640"])))
        if 0 < i < len(name) - 1 and ch != " " and draw(st.integers(0, 6)) == 0:
            out.append(ZWNJ)
    return name, "".join(out)


@settings(max_examples=400, deadline=None)
@given(_disguised())
def test_match_key_ignores_letter_forms_and_zwnj(pair: tuple[str, str]) -> None:
    name, disguised = pair
    assert match_key(disguised) == match_key(name)
    assert fine_key(disguised) == fine_key(name)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PERSIAN_NAMES))
def test_zwnj_space_and_nothing_agree_for_compounds(name: str) -> None:
    joined = name.replace(ZWNJ, "")
    assert match_key(joined) == match_key(name)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_keys_never_fail(text: str) -> None:
    assert isinstance(match_key(text), str)
    assert isinstance(fine_key(text), str)


_NAMES = sorted({form for e in dictionary() for form in (*e.all_persian, *e.all_latin)})


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_NAMES), st.sampled_from(_NAMES), st.sampled_from(_NAMES))
def test_similarity_is_symmetric_and_bounded(a: str, b: str, c: str) -> None:
    full_a, full_b = f"{a} {c}", f"{b} {c}"
    s = name_similarity(full_a, full_b)
    assert 0.0 <= s <= 1.0
    assert s == name_similarity(full_b, full_a)
    assert name_similarity(a, a) == 1.0


@settings(max_examples=200, deadline=None)
@given(st.one_of(_text, st.text(max_size=30)), _text)
def test_nothing_fails_on_arbitrary_text(a: str, b: str) -> None:
    from dadkhah.names import parse_name, to_latin, to_persian_candidates

    parsed = parse_name(a)
    assert parsed.original == a
    assert 0.0 <= name_similarity(a, b) <= 1.0
    assert isinstance(to_latin(a), str)
    assert isinstance(to_persian_candidates(a), list)

"""Similarity of two names in any scripts, weighted by how common each name part is.

Per part (a word, or a compound written in one or several words):

* same search form, or both spellings of the same dictionary name → ``SAME_NAME`` (0.97) or 1;
* same K2 key → 0.88 (review); same K1 key only → 0.75 (review);
* an initial and a name starting with that letter ("M." and Mohammad) → ``INITIAL`` (0.65);
* otherwise a share of the edit similarity of the K2 keys (below review).

When both parts are dictionary names and the dictionary says they are different names (Hassan
and Hossein, Yazdi and Izadi), key agreement counts for much less. A full name is scored by the
best in-order alignment of its parts (compounds may be split or joined on either side), each
part weighted by ``name_weight`` (a common name like Mohammad or Hosseini counts for less), and
unmatched parts count as disagreement.

Names alone never justify a merge of two *different* dictionary names, and key agreement alone
stays below ``AUTO_MATCH``: decide those pairs with father's name, birth year, city or sex.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, pairwise
from typing import Final

from dadkhah.names._dictionary import entries_for, name_weight
from dadkhah.names._keys import fine_key, match_key
from dadkhah.names._normalize import normalize_text
from dadkhah.names._parse import parse_name

__all__ = [
    "AUTO_MATCH",
    "INITIAL",
    "REVIEW",
    "SAME_NAME",
    "name_band",
    "name_similarity",
    "part_similarity",
]

AUTO_MATCH: Final = 0.9
"""At or above: the names alone are the same name (spelling or script variants)."""
REVIEW: Final = 0.6
"""At or above (and below AUTO_MATCH): plausibly the same name; other fields must decide."""
SAME_NAME: Final = 0.97
INITIAL: Final = 0.65
"""An initial and a name that starts with it: worth a review, never a match."""

_K2_EQUAL: Final = 0.88
_K1_EQUAL: Final = 0.75
_KNOWN_DIFFERENT_K2: Final = 0.55
_KNOWN_DIFFERENT_K1: Final = 0.4
_MAX_WORDS: Final = 6


def _levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - _levenshtein(a, b) / max(len(a), len(b))


@lru_cache(maxsize=200_000)
def part_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two name parts (one name each: a given name or a surname)."""
    na, nb = normalize_text(a).replace(" ", ""), normalize_text(b).replace(" ", "")
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    if len(na) == 1 or len(nb) == 1:
        return _initial_similarity(na, nb)
    ea, eb = entries_for(a), entries_for(b)
    if ea and eb and set(ea) & set(eb):
        return SAME_NAME
    known_different = bool(ea and eb)
    k2a, k2b = fine_key(a), fine_key(b)
    if k2a and k2a == k2b:
        return _KNOWN_DIFFERENT_K2 if known_different else _K2_EQUAL
    if match_key(a) and match_key(a) == match_key(b):
        return _KNOWN_DIFFERENT_K1 if known_different else _K1_EQUAL
    share = 0.4 if known_different else 0.7
    return share * _ratio(k2a, k2b)


def _initial_similarity(a: str, b: str) -> float:
    """An initial ("M." for Mohammad) agrees weakly with a name starting with that letter."""
    initial, other = (a, b) if len(a) == 1 else (b, a)
    if len(other) == 1:
        return 0.0  # two different initials (equal ones were caught before)
    if other[0] == initial or (match_key(initial) and match_key(other)[:1] == match_key(initial)):
        return INITIAL
    return 0.0


def _groupings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every way to read consecutive words as one name part (Gholam Reza = Gholamreza)."""
    n = len(words)
    if n <= 1:
        return [words]
    out: list[tuple[str, ...]] = []
    for k in range(n):
        for cuts in combinations(range(1, n), k):
            bounds = (0, *cuts, n)
            out.append(tuple(" ".join(words[s:e]) for s, e in pairwise(bounds)))
    return out


def _align(ua: tuple[str, ...], ub: tuple[str, ...]) -> float:
    wa = [name_weight(u) for u in ua]
    wb = [name_weight(u) for u in ub]
    total = (sum(wa) + sum(wb)) / 2
    # best[i][j]: best weighted agreement aligning ua[:i] with ub[:j] in order
    best = [[0.0] * (len(ub) + 1) for _ in range(len(ua) + 1)]
    for i in range(1, len(ua) + 1):
        for j in range(1, len(ub) + 1):
            pair = best[i - 1][j - 1] + (wa[i - 1] + wb[j - 1]) / 2 * part_similarity(
                ua[i - 1], ub[j - 1]
            )
            best[i][j] = max(pair, best[i - 1][j], best[i][j - 1])
    return best[-1][-1] / total if total else 0.0


@lru_cache(maxsize=200_000)
def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names (single parts or full names) in any scripts.

    Titles and a written father's name are left out (see :func:`parse_name`). Compare with
    ``AUTO_MATCH`` and ``REVIEW``, or use :func:`name_band`.

    >>> name_similarity("غلامرضا حسینی", "Gholam-Reza Hosseini") >= AUTO_MATCH
    True
    >>> name_similarity("Hassan", "Hossein") < REVIEW
    True
    """
    if b < a:  # the alignment below is not symmetric on its own
        a, b = b, a
    pa, pb = parse_name(a).parts, parse_name(b).parts
    if not pa or not pb:
        return 0.0
    if normalize_text(" ".join(pa)).replace(" ", "") == normalize_text(" ".join(pb)).replace(
        " ", ""
    ):
        return 1.0
    pa, pb = pa[:_MAX_WORDS], pb[:_MAX_WORDS]
    score = 0.0
    for ga in _groupings(pa):
        for gb in _groupings(pb):
            score = max(score, _align(ga, gb))
            if len(gb) > 1:
                score = max(score, 0.95 * _align(ga, gb[::-1]))
    return min(1.0, max(0.0, score))


def name_band(a: str, b: str) -> str:
    """``"match"``, ``"review"`` or ``"different"`` for two names, from the band thresholds."""
    score = name_similarity(a, b)
    if score >= AUTO_MATCH:
        return "match"
    if score >= REVIEW:
        return "review"
    return "different"

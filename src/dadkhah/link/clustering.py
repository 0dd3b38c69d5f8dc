"""Constrained clustering of scored pairs into persons, without chaining.

Bare connected components chain: A–B and B–C at 0.96 put A and C together even when A and C
are a father and his son. Here pairs are taken from the most to the least probable, and two
clusters merge only when

* the pair reaches the automatic-link band (or a reviewer confirmed it),
* the average probability of all scored pairs between the two clusters reaches
  ``cluster_average`` (one strong pair cannot pull in a whole family),
* no cannot-link rule fires between any two of their records: contradicting father's names,
  given names that share nothing (siblings), contradicting sex, birth ranges further apart
  than ``birth_year_tolerance`` years, death dates or birthdays that say two people, both the
  city and the prison differing, or a reviewer's "not the same person".

The rules weigh evidence rather than fire on any difference: a record with a single name part
only needs it to match some part of the other record's name; an initial, a known nickname or a
shortening ("Will", "William") agrees with the full name; a sex written differently is tolerated
when the names agree; birth years one digit apart on the same day of the year count as a typo;
and the same full birth date with the same surname outweighs a differing given name.

Between the other members of two clusters, a name, sex or birth-year disagreement is outvoted
when at most ``conflict_share`` of the member pairs disagree, and a disagreement on a name or a
birthday is bridged when a third member agrees with both records (Richard between Rifhard and
Dick; 1761-03-12 between 1761-03-21 and 1761-08-12): tolerances do not chain, a person's own
records do.

A reviewer's "same person" merges first and is never split.

The result depends only on the pairs, not on their order: pairs of equal probability are taken
by record ids (smaller first), so the same pairs always give the same clusters and review queue.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from dadkhah import names
from dadkhah.link.evidence import PersonalWeights
from dadkhah.link.nicknames import nickname_of
from dadkhah.link.settings import LinkSettings

__all__ = ["Clustering", "RecordTraits", "cluster_pairs"]

# two spellings of a name part this similar (dadkhah.names.part_similarity) may be one name
PART_SIMILAR = 0.4
FATHER_DIFFERS = "father's name differs"
BIRTH_DIFFERS = "birth years differ"
DEATH_DIFFERS = "death dates differ"
BIRTHDAY_DIFFERS = "birthdays differ"
# a cluster's other records cannot outvote these: each is a fact about a person, not a spelling
_NEVER_OUTVOTED = frozenset({FATHER_DIFFERS, DEATH_DIFFERS, BIRTHDAY_DIFFERS})
# conflicts personal evidence never outweighs
_NOT_OUTWEIGHED = frozenset({FATHER_DIFFERS, BIRTH_DIFFERS})
GIVEN_DIFFERS = "given names differ"
SURNAME_DIFFERS = "surnames differ"
# conflicts between two members that a third member agreeing with both can bridge
# (Forest._bridged)
_BRIDGED = frozenset({GIVEN_DIFFERS, SURNAME_DIFFERS, BIRTHDAY_DIFFERS})
_NAME_WORD = re.compile(r"[^\W\d_]+")
# record pairs whose verdict the clustering remembers at most (about 150 MB)
_KNOWN_LIMIT = 1_000_000


@dataclass(frozen=True, slots=True)
class RecordTraits:
    """What a cannot-link rule looks at for one record."""

    sex: str | None = None
    father: str | None = None
    given: str | None = None
    surname: str | None = None
    birth_from: int | None = None
    birth_to: int | None = None
    given_text: str | None = None
    father_text: str | None = None
    surname_text: str | None = None
    # month * 100 + day of the birth date, when the full date is known
    birth_md: int | None = None
    # the words of the full name as written, when the list gives one
    full_tokens: frozenset[str] = frozenset()
    # personal fields (dadkhah.link.evidence): full birth date as a day number, identifiers
    birth_day: int | None = None
    postcode: str | None = None
    occupation: str | None = None
    email: str | None = None
    # dated and placed evidence (dadkhah.link.features): the death date's range of day numbers
    # when it is known to the month or the day, and the gazetteer keys of the city and prison
    death_from: int | None = None
    death_to: int | None = None
    city: str | None = None
    prison: str | None = None


@dataclass
class _Cluster:
    members: list[int]


@dataclass(frozen=True, slots=True)
class Clustering:
    """Cluster label of every record (the smallest record id in its cluster)."""

    labels: dict[int, int]
    review: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, reason


def _close(a: str, b: str) -> bool:
    """Equal keys, or one edit (or one swap of neighbours) apart when both are 4+ letters;
    a swap of neighbours also in 3-letter keys (mhd/mdh), where one edit would join too much."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swap = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return swap or (len(diff) <= 1 and len(a) >= 4)
    if min(len(a), len(b)) < 4:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=100_000)
def _known_different(a: str, b: str) -> bool:
    """Both are dictionary names, and no dictionary entry holds both (Hassan and Hossein)."""
    ea, eb = names.entries_for(a), names.entries_for(b)
    return bool(ea and eb and not set(ea) & set(eb))


def _edits(a: str, b: str) -> int:
    """Edits between two strings, a swap of neighbouring letters counting as one (optimal
    string alignment distance)."""
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        before, prev = prev, cur
    return prev[-1]


def _latin_typo(a: str, b: str) -> bool:
    """Two Latin spellings one typing error apart (two in long names): Ewan/Ewam."""
    if names.script_of(a) != "latin" or names.script_of(b) != "latin":
        return False
    x, y = names.normalize_latin(a).replace(" ", ""), names.normalize_latin(b).replace(" ", "")
    short = min(len(x), len(y))
    if short < 3 or abs(len(x) - len(y)) > 2:
        return False
    return _edits(x, y) <= (2 if short >= 7 else 1)


@lru_cache(maxsize=100_000)
def _texts_compatible(a: str, b: str) -> bool:
    return (
        names.part_similarity(a, b) >= PART_SIMILAR
        or names.name_similarity(a, b) >= names.REVIEW
        or _latin_typo(a, b)
    )


def _same_name(
    key_a: str | None, key_b: str | None, text_a: str | None, text_b: str | None
) -> bool:
    """Could these two name fields name the same person? (True when either is missing.)"""
    if not key_a or not key_b:
        return True
    if text_a and text_b and _known_different(text_a, text_b):
        return False
    if _close(key_a, key_b):
        return True
    return bool(text_a and text_b and _texts_compatible(text_a, text_b))


def _initial(text: str | None) -> str | None:
    """The letter of a name written as an initial ("s." or "s"), else None."""
    if not text:
        return None
    t = text.strip().rstrip(".")
    return t.lower() if len(t) == 1 and t.isalpha() else None


def _latin_variant(a: str | None, b: str | None) -> bool:
    """One Latin name an initial, a nickname-like prefix or a shortening of the other."""
    if not a or not b or names.script_of(a) != "latin" or names.script_of(b) != "latin":
        return False
    x, y = names.normalize_latin(a).replace(" ", ""), names.normalize_latin(b).replace(" ", "")
    ia, ib = _initial(a), _initial(b)
    if ia or ib:
        return bool(x and y and x[0] == y[0])
    if nickname_of(x, y):
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 3 and (long_.startswith(short) or long_.endswith(short))


# words standing where a given name or surname should be that name nobody
_NOT_NAME_WORDS = (
    "sir lady lord mr mrs miss ms dame rev dr revd hon rt bt baronet baron earl duke count"
    " captain capt lieutenant colonel general admiral major vc kbe cbe obe jr sr jun sen"
    " 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th the of"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def _is_name(text: str | None) -> bool:
    if not text:
        return True  # a key without its text: trust the key
    words = [w for w in text.lower().replace(".", " ").replace(",", " ").split() if w]
    return not words or not all(w in _NOT_NAMES for w in words)


def _parts(t: RecordTraits) -> list[tuple[str, str | None]]:
    return [
        (k, x)
        for k, x in ((t.given, t.given_text), (t.surname, t.surname_text))
        if k and _is_name(x)
    ]


def _bridge(t: RecordTraits) -> bool:
    """Can this record vouch that two other spellings are one name? Only with a given name
    and a surname of one word each: an initial ("J." agrees with John and James) or a compound
    (Ali Reza agrees with Ali and with Reza) holds more than one name."""
    if len(_parts(t)) != 2:
        return False
    return all(
        text is not None and not _initial(text) and len(_NAME_WORD.findall(text)) == 1
        for text in (t.given_text, t.surname_text)
    )


def _dictionary_different(a: RecordTraits, b: RecordTraits) -> bool:
    """Do the name dictionary's entries say two records' given names, or surnames, are two
    names (Mohammad and Mehdi)? Then no third spelling can make them one."""
    pairs = (
        (a.given_text, b.given_text),
        (a.surname_text, b.surname_text),
        (a.given_text, b.surname_text),
        (a.surname_text, b.given_text),
    )
    return any(x and y and _known_different(x, y) for x, y in pairs)


def _written_in(text: str | None, other: RecordTraits) -> bool:
    """Is this name part one of the words of the other record's full name?"""
    return bool(text and other.full_tokens and text.lower().strip(".,") in other.full_tokens)


def _names_agree(a: RecordTraits, b: RecordTraits) -> bool:
    """Do the given name and surname of two records agree, allowing for swaps and lone parts?"""
    pa, pb = _parts(a), _parts(b)
    if len(pa) < 2 or len(pb) < 2:
        # one record holds a single name part: it must match some part of the other
        if not pa or not pb:
            return True
        lone, other = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
        return any(
            _same_name(lone[0][0], k, lone[0][1], x) or _latin_variant(lone[0][1], x)
            for k, x in other
        )
    given = (
        _same_name(a.given, b.given, a.given_text, b.given_text)
        or _latin_variant(a.given_text, b.given_text)
        or _written_in(a.given_text, b)
        or _written_in(b.given_text, a)
    )
    surname = (
        _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
        or _written_in(a.surname_text, b)
        or _written_in(b.surname_text, a)
    )
    if given and surname:
        return True
    # a name written surname first in one list: the parts swapped over
    return _same_name(a.given, b.surname, a.given_text, b.surname_text) and _same_name(
        a.surname, b.given, a.surname_text, b.given_text
    )


def _year_typo(a: RecordTraits, b: RecordTraits, names_agree: bool) -> bool:
    """Two exact birth years one digit apart, on the same day of the year or with agreeing
    given name and surname: most likely one mistyped digit."""
    if a.birth_from != a.birth_to or b.birth_from != b.birth_to:
        return False
    same_day = a.birth_md is not None and a.birth_md == b.birth_md
    full_names = len(_parts(a)) == 2 and len(_parts(b)) == 2
    if not (same_day or (names_agree and full_names)):
        return False
    ya, yb = str(a.birth_from), str(b.birth_from)
    return len(ya) == len(yb) and sum(p != q for p, q in zip(ya, yb, strict=True)) == 1


def _birth_conflict(a: RecordTraits, b: RecordTraits, tolerance: int, names_agree: bool) -> bool:
    if a.birth_from is None or b.birth_from is None:
        return False
    lo = max(a.birth_from, b.birth_from)
    hi = min(a.birth_to or a.birth_from, b.birth_to or b.birth_from)
    return lo - hi > tolerance and not _year_typo(a, b, names_agree)


# death dates known to the day or the month more than a month apart are two deaths (a month's
# slack: a date taken from a burial or a family's report, a mistyped month, a day and month
# read in the other calendar; a season or a year says too little); birthdays further apart in
# the year than BIRTHDAY_DAYS are two birthdays (a year mistyped or read in the other calendar
# keeps the birthday)
DEATH_DAYS = 31
DEATH_PRECISION_DAYS = 31
BIRTHDAY_DAYS = 3
_YEAR = 365.2425


def _death_range(t: RecordTraits) -> tuple[int, int] | None:
    """The death date's day range when it is known to the month or better."""
    if t.death_from is None or t.death_to is None:
        return None
    if t.death_to - t.death_from > DEATH_PRECISION_DAYS:
        return None
    return t.death_from, t.death_to


def _one_field_apart(a: RecordTraits, b: RecordTraits) -> bool:
    """Two full birth dates in the same year that share the month or the day: one mistyped
    field (1849-03-12 / 1849-03-21, 1849-03-12 / 1849-08-12), not two birthdays."""
    if a.birth_md is None or b.birth_md is None or a.birth_from != b.birth_from:
        return False
    return a.birth_md // 100 == b.birth_md // 100 or a.birth_md % 100 == b.birth_md % 100


def _evidence_against(a: RecordTraits, b: RecordTraits) -> str | None:
    """Dates and places that say two records are two people, or None.

    Each is weighed against the other dated evidence: death dates (to the day or the month)
    more than a month apart, unless the full birth dates are the same; full birth dates on
    different days of the year, unless the death dates are the same day; and both the city and
    the prison differing (one of them alone differs often enough: a place of birth against a
    place of death, a transfer).
    """
    same_death = False
    if a.death_from is not None and b.death_from is not None:
        da, db = _death_range(a), _death_range(b)
        if da is not None and db is not None:
            same_birth = a.birth_day is not None and a.birth_day == b.birth_day
            if max(da[0], db[0]) - min(da[1], db[1]) > DEATH_DAYS and not same_birth:
                return DEATH_DIFFERS
            same_death = da == db and da[0] == da[1]
    if a.birth_day is not None and b.birth_day is not None and not same_death:
        apart = abs(a.birth_day - b.birth_day) % _YEAR
        if min(apart, _YEAR - apart) > BIRTHDAY_DAYS and not _one_field_apart(a, b):
            return BIRTHDAY_DIFFERS
    if a.city and b.city and a.prison and b.prison and a.city != b.city and a.prison != b.prison:
        return "city and prison differ"
    return None


def _record_conflict(
    a: RecordTraits, b: RecordTraits, tolerance: int = 3, strong: int = 0
) -> str | None:
    """Why two records cannot be one person, or None.

    ``strong``: how strongly the pair's personal fields (:mod:`dadkhah.link.evidence`) say it is
    one person: at 1 one agreeing name part outweighs a rewritten other part (a nickname, a
    married name), at 2 both name parts may differ (an alias, a title written for the name).
    """
    if not _same_name(a.father, b.father, a.father_text, b.father_text):
        return FATHER_DIFFERS
    names_agree = _names_agree(a, b)
    same_day = a.birth_md is not None and a.birth_md == b.birth_md and a.birth_from == b.birth_from
    # a wrongly recorded sex is tolerated only when the names agree
    if (
        a.sex
        and b.sex
        and a.sex != b.sex
        and not (names_agree and ((a.given and b.given) or strong))
    ):
        return "sex differs"
    if _birth_conflict(a, b, tolerance, names_agree):
        return BIRTH_DIFFERS
    against = _evidence_against(a, b)
    if against is not None and strong < 2:
        return against
    if names_agree:
        return None
    # the same full birth date and one agreeing name part outweigh a differing other part
    if (
        same_day
        and a.surname
        and b.surname
        and _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
    ):
        return None
    given = _same_name(a.given, b.given, a.given_text, b.given_text)
    if strong >= 2:
        return None
    if strong and (
        given
        or (
            a.surname
            and b.surname
            and _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
        )
    ):
        return None
    return GIVEN_DIFFERS if not given else SURNAME_DIFFERS


class _Forest:
    def __init__(
        self,
        traits: Mapping[int, RecordTraits],
        tolerance: int,
        share: float = 0.0,
        personal: PersonalWeights | None = None,
        bits: tuple[float, float] = (math.inf, math.inf),
    ) -> None:
        self.share = share
        self.personal = personal if personal is not None and personal.agree else None
        self.bits = bits
        self.parent: dict[int, int] = {}
        # the verdict on each record pair weighed so far (a pair is weighed again at every
        # merge its clusters are offered, and by every bridge between them)
        self.known: dict[tuple[int, int], str | None] = {}
        self.clusters: dict[int, _Cluster] = {}
        self.tolerance = tolerance
        self.traits = traits
        for rid in traits:
            self.parent[rid] = rid
            self.clusters[rid] = _Cluster([rid])

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: _Cluster, b: _Cluster, pair: tuple[int, int]) -> str | None:
        """Why two clusters cannot be one person, or None.

        The two records of the linking ``pair`` must agree, and so must every pair of members
        on the father's name, the death date and the birthday. Other disagreements between members (one badly written record in
        a large cluster) are outvoted unless more than ``share`` of the member pairs disagree.
        """
        first = self._conflict(pair[0], pair[1])
        if first is not None:
            return first
        allowed = int(self.share * len(a.members) * len(b.members))
        found: str | None = None
        n = 0
        for x in a.members:
            for y in b.members:
                reason = self._conflict(x, y)
                if reason is None:
                    continue
                if reason in _BRIDGED and self._bridged(x, y, reason, a, b):
                    continue
                if reason in _NEVER_OUTVOTED:
                    return reason
                n += 1
                found = found or reason
                if n > allowed:
                    return found
        return None

    def _bridged(self, x: int, y: int, reason: str, a: _Cluster, b: _Cluster) -> bool:
        """Does a third record of the two clusters agree with both ``x`` and ``y``?

        Tolerances do not chain: a typo and a nickname of one name (Rifhard, Dick) disagree
        with each other, but both agree with the name written in full (Richard); a mistyped
        day and a mistyped month of one birth date (03-21, 08-12) disagree, but both agree with
        the date itself (03-12). Such a record bridges the two, and their disagreement no
        longer counts against the merge. A name bridge needs a one-word given name and surname
        (:func:`_bridge`), and never joins names the dictionary knows as two; a birthday
        bridge needs a full birth date.
        """
        tx, ty = self.traits[x], self.traits[y]
        by_name = reason != BIRTHDAY_DIFFERS
        if by_name and _dictionary_different(tx, ty):
            return False
        for z in itertools.chain(a.members, b.members):
            tz = self.traits[z]
            if z in (x, y) or not (_bridge(tz) if by_name else tz.birth_day is not None):
                continue
            if self._conflict(x, z) is None and self._conflict(z, y) is None:
                return True
        return False

    def _conflict(self, x: int, y: int) -> str | None:
        key = (x, y) if x < y else (y, x)
        if key not in self.known:
            if len(self.known) >= _KNOWN_LIMIT:
                self.known.clear()  # a verdict is only remembered for speed: bound the memory
            self.known[key] = self._weigh(x, y)
        return self.known[key]

    def _weigh(self, x: int, y: int) -> str | None:
        a, b = self.traits[x], self.traits[y]
        reason = _record_conflict(a, b, self.tolerance)
        if reason is None or self.personal is None or reason in _NOT_OUTWEIGHED:
            return reason
        # only a name, sex or date-and-place conflict can be outweighed: weigh the personal
        # evidence now
        evidence = self.personal.evidence(a, b)
        strong = int(evidence >= self.bits[0]) + int(evidence >= self.bits[1])
        return _record_conflict(a, b, self.tolerance, strong) if strong else reason

    def union(self, ra: int, rb: int) -> None:
        a, b = self.clusters[ra], self.clusters[rb]
        if len(a.members) < len(b.members):
            ra, rb, a, b = rb, ra, b, a
        self.parent[rb] = ra
        a.members.extend(b.members)
        del self.clusters[rb]


def cluster_pairs(
    record_ids: Iterable[int],
    pairs: pd.DataFrame,
    traits: Mapping[int, RecordTraits],
    settings: LinkSettings,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    personal: PersonalWeights | None = None,
) -> Clustering:
    """Cluster records from scored ``pairs`` (unique_id_l, unique_id_r, match_probability)."""
    ids = list(record_ids)
    all_traits = {rid: traits.get(rid, RecordTraits()) for rid in ids}
    forest = _Forest(
        all_traits,
        settings.birth_year_tolerance,
        settings.conflict_share,
        personal,
        (settings.outweigh_name_bits, settings.outweigh_names_bits),
    )
    forbidden: dict[int, set[int]] = defaultdict(set)
    for a, b in cannot_link:
        if a in forest.parent and b in forest.parent:
            forbidden[a].add(b)
            forbidden[b].add(a)

    def decided_apart(ra: int, rb: int) -> bool:
        small, other = (
            (ra, rb)
            if len(forest.clusters[ra].members) <= len(forest.clusters[rb].members)
            else (rb, ra)
        )
        return any(
            forest.find(x) == other
            for m in forest.clusters[small].members
            for x in forbidden.get(m, ())
        )

    for a, b in must_link:
        if a in forest.parent and b in forest.parent:
            ra, rb = forest.find(a), forest.find(b)
            if ra != rb:
                forest.union(ra, rb)

    lefts = pairs["unique_id_l"].to_numpy(dtype=np.int64)
    rights = pairs["unique_id_r"].to_numpy(dtype=np.int64)
    probs = pairs["match_probability"].to_numpy(dtype=np.float64)
    # most probable first; ties by record ids, so the input order never matters (not even in
    # the last digit of a sum of probabilities)
    order = np.lexsort((rights, lefts, -probs))
    adjacency: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b, p in zip(
        lefts[order].tolist(), rights[order].tolist(), probs[order].tolist(), strict=True
    ):
        adjacency[a].append((b, p))
        adjacency[b].append((a, p))

    # records with equal given-name and surname keys are always compared (the first blocking
    # rule); when no pair of theirs was kept, it scored below keep_probability: count it as 0
    compared_by_name = ("given_k1", "surname_k1") in settings.blocking_rules

    def average_between(ra: int, rb: int) -> float:
        ca, cb = forest.clusters[ra], forest.clusters[rb]
        small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
        total, n = 0.0, 0
        scored: set[tuple[int, int]] = set()
        for m in small.members:
            for x, p in adjacency.get(m, ()):
                if forest.find(x) == other:
                    total += p
                    n += 1
                    scored.add((m, x))
        if compared_by_name:
            for m in small.members:
                tm = all_traits[m]
                if not (tm.given and tm.surname):
                    continue
                for x in forest.clusters[other].members:
                    tx = all_traits[x]
                    if tx.given == tm.given and tx.surname == tm.surname and (m, x) not in scored:
                        n += 1
        return total / n if n else 0.0

    held: list[tuple[int, int, float, str]] = []
    for i in order.tolist():
        p = probs[i]
        if p < settings.auto_link:
            break
        a, b = int(lefts[i]), int(rights[i])
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            continue
        if decided_apart(ra, rb):
            continue
        reason = forest.conflict(forest.clusters[ra], forest.clusters[rb], (a, b))
        if reason is None and average_between(ra, rb) < settings.cluster_average:
            reason = "weak links to the rest of the cluster"
        if reason is not None:
            held.append((a, b, p, reason))
            continue
        forest.union(ra, rb)

    labels: dict[int, int] = {}
    for c in forest.clusters.values():
        label = min(c.members)
        for m in c.members:
            labels[m] = label

    review_rows: dict[tuple[int, int], tuple[int, int, float, str]] = {}
    for a, b, p, reason in held:
        key = (min(labels[a], labels[b]), max(labels[a], labels[b]))
        if key[0] != key[1] and key not in review_rows:
            review_rows[key] = (a, b, p, reason)
    band = (probs >= settings.review) & (probs < settings.auto_link)
    for i in order[band[order]].tolist():
        a, b = int(lefts[i]), int(rights[i])
        key = (min(labels[a], labels[b]), max(labels[a], labels[b]))
        if key[0] != key[1] and key not in review_rows:
            review_rows[key] = (a, b, float(probs[i]), "in the review band")
    review = pd.DataFrame(
        list(review_rows.values()),
        columns=["unique_id_l", "unique_id_r", "match_probability", "reason"],
    )
    return Clustering(labels, review)

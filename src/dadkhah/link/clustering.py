"""Constrained clustering of scored pairs into persons, without chaining.

Bare connected components chain: A–B and B–C at 0.96 put A and C together even when A and C
are a father and his son. Here pairs are taken from the most to the least probable, and two
clusters merge only when

* the pair reaches the automatic-link band (or a reviewer confirmed it),
* the average probability of all scored pairs between the two clusters reaches
  ``cluster_average`` (one strong pair cannot pull in a whole family),
* no cannot-link rule fires between them: contradicting sex, contradicting father's names,
  birth ranges further apart than ``birth_year_tolerance`` years, given names that share
  nothing (siblings), or a reviewer's "not the same person".

A reviewer's "same person" merges first and is never split.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from dadkhah import names
from dadkhah.link.settings import LinkSettings

__all__ = ["Clustering", "RecordTraits", "cluster_pairs"]

# two spellings of a name part this similar (dadkhah.names.part_similarity) may be one name
PART_SIMILAR = 0.4


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


@dataclass
class _Cluster:
    members: list[int]
    sexes: set[str] = field(default_factory=set)
    birth_from: int | None = None  # the intersection of the members' birth ranges
    birth_to: int | None = None


@dataclass(frozen=True, slots=True)
class Clustering:
    """Cluster label of every record (the smallest record id in its cluster)."""

    labels: dict[int, int]
    review: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, reason


def _close(a: str, b: str) -> bool:
    """Equal keys, or one edit (or one swap of neighbours) apart when both are 4+ letters."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) <= 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=100_000)
def _known_different(a: str, b: str) -> bool:
    """Both are dictionary names, and no dictionary entry holds both (Hassan and Hossein)."""
    ea, eb = names.entries_for(a), names.entries_for(b)
    return bool(ea and eb and not set(ea) & set(eb))


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
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


def _record_conflict(a: RecordTraits, b: RecordTraits) -> str | None:
    if a.sex and b.sex and a.sex != b.sex:
        return "sex differs"
    if not _same_name(a.father, b.father, a.father_text, b.father_text):
        return "father's name differs"
    given = _same_name(a.given, b.given, a.given_text, b.given_text)
    surname = _same_name(a.surname, b.surname, a.surname_text, b.surname_text)
    if given and surname:
        return None
    # a name written surname first in one list: the parts swapped over
    if (
        a.given
        and a.surname
        and b.given
        and b.surname
        and _same_name(a.given, b.surname, a.given_text, b.surname_text)
        and _same_name(a.surname, b.given, a.surname_text, b.given_text)
    ):
        return None
    return "given names differ" if not given else "surnames differ"


class _Forest:
    def __init__(self, traits: Mapping[int, RecordTraits], tolerance: int) -> None:
        self.parent: dict[int, int] = {}
        self.clusters: dict[int, _Cluster] = {}
        self.tolerance = tolerance
        self.traits = traits
        for rid, t in traits.items():
            self.parent[rid] = rid
            c = _Cluster([rid])
            if t.sex:
                c.sexes.add(t.sex)
            c.birth_from, c.birth_to = t.birth_from, t.birth_to
            self.clusters[rid] = c

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: _Cluster, b: _Cluster) -> str | None:
        """Why two clusters cannot be one person, or None. Every pair of members must agree."""
        if a.sexes and b.sexes and a.sexes != b.sexes:
            return "sex differs"
        if a.birth_from is not None and b.birth_from is not None:
            lo = max(a.birth_from, b.birth_from)
            hi = min(a.birth_to or a.birth_from, b.birth_to or b.birth_from)
            if lo - hi > self.tolerance:
                return "birth years differ"
        for x in a.members:
            tx = self.traits[x]
            for y in b.members:
                reason = _record_conflict(tx, self.traits[y])
                if reason is not None:
                    return reason
        return None

    def union(self, ra: int, rb: int) -> None:
        a, b = self.clusters[ra], self.clusters[rb]
        if len(a.members) < len(b.members):
            ra, rb, a, b = rb, ra, b, a
        self.parent[rb] = ra
        a.members.extend(b.members)
        a.sexes |= b.sexes
        if b.birth_from is not None:
            if a.birth_from is None:
                a.birth_from, a.birth_to = b.birth_from, b.birth_to
            else:
                a.birth_from = max(a.birth_from, b.birth_from)
                a.birth_to = min(a.birth_to or a.birth_from, b.birth_to or b.birth_from)
                if a.birth_to < a.birth_from:  # tolerated disagreement: keep the widest
                    a.birth_from, a.birth_to = a.birth_to, a.birth_from
        del self.clusters[rb]


def cluster_pairs(
    record_ids: Iterable[int],
    pairs: pd.DataFrame,
    traits: Mapping[int, RecordTraits],
    settings: LinkSettings,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
) -> Clustering:
    """Cluster records from scored ``pairs`` (unique_id_l, unique_id_r, match_probability)."""
    ids = list(record_ids)
    all_traits = {rid: traits.get(rid, RecordTraits()) for rid in ids}
    forest = _Forest(all_traits, settings.birth_year_tolerance)
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
    adjacency: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b, p in zip(lefts.tolist(), rights.tolist(), probs.tolist(), strict=True):
        adjacency[a].append((b, p))
        adjacency[b].append((a, p))

    def average_between(ra: int, rb: int) -> float:
        ca, cb = forest.clusters[ra], forest.clusters[rb]
        small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
        total, n = 0.0, 0
        for m in small.members:
            for x, p in adjacency.get(m, ()):
                if forest.find(x) == other:
                    total += p
                    n += 1
        return total / n if n else 0.0

    order = np.argsort(-probs, kind="stable")
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
        reason = forest.conflict(forest.clusters[ra], forest.clusters[rb])
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
    for i in np.nonzero(band)[0][np.argsort(-probs[band], kind="stable")].tolist():
        a, b = int(lefts[i]), int(rights[i])
        key = (min(labels[a], labels[b]), max(labels[a], labels[b]))
        if key[0] != key[1] and key not in review_rows:
            review_rows[key] = (a, b, float(probs[i]), "in the review band")
    review = pd.DataFrame(
        list(review_rows.values()),
        columns=["unique_id_l", "unique_id_r", "match_probability", "reason"],
    )
    return Clustering(labels, review)

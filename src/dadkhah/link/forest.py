"""The clusters of a clustering in progress: a union-find forest that knows why two clusters
cannot be one person.

:class:`Forest` keeps each cluster's members, answers whether two clusters may merge (the
cannot-link rules of :mod:`dadkhah.link.rules` between their members, outvoted, outweighed or
bridged as :mod:`dadkhah.link.clustering` describes) and remembers the verdict on every record
pair it has weighed, since a pair is weighed again at every merge its clusters are offered.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dadkhah.link.evidence import PersonalWeights
from dadkhah.link.rules import (
    BIRTH_DIFFERS,
    BIRTHDAY_DIFFERS,
    DEATH_DIFFERS,
    FATHER_DIFFERS,
    GIVEN_DIFFERS,
    SURNAME_DIFFERS,
    RecordTraits,
    can_bridge,
    dictionary_different,
    record_conflict,
)

__all__ = ["Cluster", "Forest"]

# a cluster's other records cannot outvote these: each is a fact about a person, not a spelling
_NEVER_OUTVOTED = frozenset({FATHER_DIFFERS, DEATH_DIFFERS, BIRTHDAY_DIFFERS})
# conflicts personal evidence never outweighs
_NOT_OUTWEIGHED = frozenset({FATHER_DIFFERS, BIRTH_DIFFERS})
# conflicts between two members that a third member agreeing with both can bridge
# (Forest._bridged)
_BRIDGED = frozenset({GIVEN_DIFFERS, SURNAME_DIFFERS, BIRTHDAY_DIFFERS})
# record pairs whose verdict the clustering remembers at most (about 150 MB)
_KNOWN_LIMIT = 1_000_000


@dataclass
class Cluster:
    """The records of one cluster, in the order they joined."""

    members: list[int]


class Forest:
    """Clusters of record ids, merged by :meth:`union` once :meth:`conflict` allows it."""

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
        self.clusters: dict[int, Cluster] = {}
        self.tolerance = tolerance
        self.traits = traits
        for rid in traits:
            self.parent[rid] = rid
            self.clusters[rid] = Cluster([rid])

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: Cluster, b: Cluster, pair: tuple[int, int]) -> str | None:
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

    def _bridged(self, x: int, y: int, reason: str, a: Cluster, b: Cluster) -> bool:
        """Does a third record of the two clusters agree with both ``x`` and ``y``?

        Tolerances do not chain: a typo and a nickname of one name (Rifhard, Dick) disagree
        with each other, but both agree with the name written in full (Richard); a mistyped
        day and a mistyped month of one birth date (03-21, 08-12) disagree, but both agree with
        the date itself (03-12). Such a record bridges the two, and their disagreement no
        longer counts against the merge. A name bridge needs a one-word given name and surname
        (:func:`can_bridge`), and never joins names the dictionary knows as two; a birthday
        bridge needs a full birth date.
        """
        tx, ty = self.traits[x], self.traits[y]
        by_name = reason != BIRTHDAY_DIFFERS
        if by_name and dictionary_different(tx, ty):
            return False
        for z in itertools.chain(a.members, b.members):
            tz = self.traits[z]
            if z in (x, y) or not (can_bridge(tz) if by_name else tz.birth_day is not None):
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
        reason = record_conflict(a, b, self.tolerance)
        if reason is None or self.personal is None or reason in _NOT_OUTWEIGHED:
            return reason
        # only a name, sex or date-and-place conflict can be outweighed: weigh the personal
        # evidence now
        evidence = self.personal.evidence(a, b)
        strong = int(evidence >= self.bits[0]) + int(evidence >= self.bits[1])
        return record_conflict(a, b, self.tolerance, strong) if strong else reason

    def regroup(self, records: Iterable[int], groups: Iterable[list[int]]) -> None:
        """Replace the clusters holding ``records`` by ``groups`` (each a sorted list of
        record ids, together holding exactly those clusters' members), keeping the verdicts
        weighed so far."""
        for root in {self.find(r) for r in records}:
            del self.clusters[root]
        for members in groups:
            root = members[0]
            self.clusters[root] = Cluster(members)
            for m in members:
                self.parent[m] = root

    def union(self, ra: int, rb: int) -> None:
        a, b = self.clusters[ra], self.clusters[rb]
        if len(a.members) < len(b.members):
            ra, rb, a, b = rb, ra, b, a
        self.parent[rb] = ra
        a.members.extend(b.members)
        del self.clusters[rb]

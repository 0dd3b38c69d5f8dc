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

After this greedy pass, up to ``refine_rounds`` rounds of refinement (:mod:`dadkhah.link.refine`)
move a record to a neighbouring cluster when the mean log-odds of its pairs with that
cluster's members beat those with its own by more than ``refine_margin``, the rules above
allow the move and its own cluster holds together without it; then the pairs in the
automatic band of the clusters that changed are offered again.

The result depends only on the pairs, not on their order: pairs of equal probability are taken
by record ids (smaller first), and refinement sums each record's pairs in order of record
position, so the same pairs always give the same clusters and review queue.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dadkhah.errors import LinkageError
from dadkhah.link.evidence import PersonalWeights
from dadkhah.link.refine import PairGraph, log_odds, propose_moves, split_disconnected
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
from dadkhah.link.settings import LinkSettings

__all__ = ["Clustering", "RecordTraits", "cluster_pairs"]

# a cluster's other records cannot outvote these: each is a fact about a person, not a spelling
_NEVER_OUTVOTED = frozenset({FATHER_DIFFERS, DEATH_DIFFERS, BIRTHDAY_DIFFERS})
# conflicts personal evidence never outweighs
_NOT_OUTWEIGHED = frozenset({FATHER_DIFFERS, BIRTH_DIFFERS})
# conflicts between two members that a third member agreeing with both can bridge
# (Forest._bridged)
_BRIDGED = frozenset({GIVEN_DIFFERS, SURNAME_DIFFERS, BIRTHDAY_DIFFERS})
_Held = list[tuple[int, int, float, str]]
log = logging.getLogger(__name__)
# record pairs whose verdict the clustering remembers at most (about 150 MB)
_KNOWN_LIMIT = 1_000_000


@dataclass
class _Cluster:
    members: list[int]


@dataclass(frozen=True, slots=True)
class Clustering:
    """Cluster label of every record (the smallest record id in its cluster)."""

    labels: dict[int, int]
    review: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, reason


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
            self.clusters[root] = _Cluster(members)
            for m in members:
                self.parent[m] = root

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

    must = [(a, b) for a, b in must_link if a in forest.parent and b in forest.parent]
    for a, b in must:
        ra, rb = forest.find(a), forest.find(b)
        if ra != rb:
            forest.union(ra, rb)

    lefts = pairs["unique_id_l"].to_numpy(dtype=np.int64)
    rights = pairs["unique_id_r"].to_numpy(dtype=np.int64)
    probs = pairs["match_probability"].to_numpy(dtype=np.float64)
    # most probable first; ties by record ids, so the input order never matters
    order = np.lexsort((rights, lefts, -probs))
    # the pairs of each record, by position (a record's position is its rank among the ids)
    rids = np.array(sorted(forest.parent), dtype=np.int64)
    left, right = _positions(rids, lefts), _positions(rids, rights)
    graph = PairGraph.build(len(rids), left, right, probs)
    position: Callable[[int], int]
    if len(rids) and rids[-1] - rids[0] == len(rids) - 1:
        base = int(rids[0])
        position = base.__rsub__  # ids are consecutive: the position is id - first id
    else:
        position = dict(zip(rids.tolist(), range(len(rids)), strict=True)).__getitem__

    # records with equal given-name and surname keys are always compared (the first blocking
    # rule); when no pair of theirs was kept, it scored below keep_probability: count it as 0
    compared_by_name = ("given_k1", "surname_k1") in settings.blocking_rules

    def average_between(members: list[int], other: int) -> float:
        """Average probability of the pairs between ``members`` and the cluster ``other``."""
        total, n = 0.0, 0
        scored: set[tuple[int, int]] = set()
        for m in members:
            i = position(m)
            lo, hi = int(graph.indptr[i]), int(graph.indptr[i + 1])
            for x, p in zip(
                rids[graph.target[lo:hi]].tolist(), graph.prob[lo:hi].tolist(), strict=True
            ):
                if forest.find(x) == other:
                    total += p
                    n += 1
                    scored.add((m, x))
        if compared_by_name:
            for m in members:
                tm = all_traits[m]
                if not (tm.given and tm.surname):
                    continue
                for x in forest.clusters[other].members:
                    tx = all_traits[x]
                    if tx.given == tm.given and tx.surname == tm.surname and (m, x) not in scored:
                        n += 1
        return total / n if n else 0.0

    automatic = order[: int(np.count_nonzero(probs >= settings.auto_link))]

    def merge_pass(offered: np.ndarray) -> _Held:
        """Offer these pairs (indices in ``order``), most probable first; return those held."""
        held: _Held = []
        for i in offered.tolist():
            a, b = int(lefts[i]), int(rights[i])
            ra, rb = forest.find(a), forest.find(b)
            if ra == rb or decided_apart(ra, rb):
                continue
            ca, cb = forest.clusters[ra], forest.clusters[rb]
            reason = forest.conflict(ca, cb, (a, b))
            if reason is None:
                small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
                if average_between(small.members, other) < settings.cluster_average:
                    reason = "weak links to the rest of the cluster"
            if reason is not None:
                held.append((a, b, float(probs[i]), reason))
                continue
            forest.union(ra, rb)
        return held

    must_of: dict[int, list[int]] = defaultdict(list)
    for a, b in must:
        must_of[a].append(b)
        must_of[b].append(a)

    def holds_without(x: int) -> bool:
        """Do the other members of ``x``'s cluster stay joined by automatic-band pairs (or
        reviewers' "same person") among themselves when ``x`` leaves?"""
        root = forest.find(x)
        rest = [m for m in forest.clusters[root].members if m != x]
        if len(rest) < 2:
            return True
        seen, todo = {rest[0]}, [rest[0]]
        while todo:
            m = todo.pop()
            i = position(m)
            lo, hi = int(graph.indptr[i]), int(graph.indptr[i + 1])
            strong = graph.prob[lo:hi] >= settings.auto_link
            for y in [*rids[graph.target[lo:hi][strong]].tolist(), *must_of.get(m, ())]:
                if y != x and y not in seen and forest.find(y) == root:
                    seen.add(y)
                    todo.append(y)
        return len(seen) == len(rest)

    def try_move(x: int, anchor: int) -> bool:
        """May record ``x`` join the cluster of ``anchor``? The same rules as a merge: the
        cannot-link rules against every member, a reviewer's "not the same" against any, and
        the average probability of its pairs with the members; and the cluster ``x`` leaves
        must hold together without it."""
        target = forest.find(anchor)
        if not holds_without(x):
            return False
        if any(forest.find(y) == target for y in forbidden.get(x, ())):
            return False
        if forest.conflict(_Cluster([x]), forest.clusters[target], (x, anchor)) is not None:
            return False
        return average_between([x], target) >= settings.cluster_average

    held = merge_pass(automatic)
    if settings.refine_rounds:
        # pairs that hold a cluster together: the automatic band and reviewers' "same person"
        strong = probs >= settings.auto_link
        must_pos = _positions(rids, np.array(must, dtype=np.int64).reshape(-1, 2))
        links = (
            np.concatenate([left[strong], must_pos[:, 0]]),
            np.concatenate([right[strong], must_pos[:, 1]]),
        )
        frozen = np.zeros(len(rids), dtype=bool)
        frozen[must_pos.ravel()] = True
        # a member never scored with counts as a pair below keep_probability
        unscored = float(log_odds(settings.keep_probability))
        # records that blocking surely compared: equal given-name and surname keys
        names: dict[tuple[str, str], int] = {}
        compared = np.full(len(rids), -1, dtype=np.int64)
        if compared_by_name:
            for i, rid in enumerate(rids.tolist()):
                t = all_traits[rid]
                if t.given and t.surname:
                    compared[i] = names.setdefault((t.given, t.surname), len(names))
        for _ in range(settings.refine_rounds):
            labels = _positions(rids, np.array([forest.find(r) for r in rids.tolist()]))
            labels_before = labels.copy()
            moves = propose_moves(
                graph,
                labels,
                frozen,
                settings.auto_link,
                unscored,
                settings.refine_margin,
                compared,
            )
            # one move per cluster and round: each move was weighed on the clusters as they were
            touched: set[int] = set()
            for m in moves:
                if m.source in touched or m.target in touched:
                    continue
                if try_move(int(rids[m.record]), int(rids[m.anchor])):
                    labels[m.record] = m.target
                    touched.update((m.source, m.target))
            log.debug("refinement moved %d records", len(touched) // 2)
            if not touched:
                break
            labels = split_disconnected(labels, *links)
            # rebuild the groups that changed: those a record left or joined
            changed = np.isin(labels_before, np.fromiter(touched, dtype=np.int64))
            moved = np.flatnonzero(changed)
            by_label = moved[np.argsort(labels[moved], kind="stable")]
            cuts = np.flatnonzero(np.diff(labels[by_label])) + 1
            forest.regroup(
                rids[moved].tolist(), (part.tolist() for part in np.split(rids[by_label], cuts))
            )
            # offer again the pairs of the groups that changed; the verdict on a pair between
            # two groups that did not is the one already given
            again = changed[left[automatic]] | changed[right[automatic]]
            kept = [h for h in held if not (changed[position(h[0])] or changed[position(h[1])])]
            held = sorted(kept + merge_pass(automatic[again]), key=lambda h: (-h[2], h[0], h[1]))

    labels_by_id: dict[int, int] = {}
    for c in forest.clusters.values():
        label = min(c.members)
        for rid in c.members:
            labels_by_id[rid] = label
    return Clustering(labels_by_id, _review(labels_by_id, held, lefts, rights, probs, order,
                                            settings))  # fmt: skip


def _positions(rids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The position of each of ``ids`` among the sorted record ids ``rids``."""
    pos = np.searchsorted(rids, ids)
    found = np.zeros(pos.shape, dtype=bool)
    inside = pos < len(rids)
    found[inside] = rids[pos[inside]] == ids[inside]
    if not found.all():
        stray = int(ids[~found].flat[0])
        raise LinkageError(f"a scored pair names record {stray}, which is not among the records")
    return pos.astype(np.int64)


def _review(
    labels: dict[int, int],
    held: _Held,
    lefts: np.ndarray,
    rights: np.ndarray,
    probs: np.ndarray,
    order: np.ndarray,
    settings: LinkSettings,
) -> pd.DataFrame:
    """The review queue: one pair per two clusters, held pairs first, then the review band."""
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
    return pd.DataFrame(
        list(review_rows.values()),
        columns=["unique_id_l", "unique_id_r", "match_probability", "reason"],
    )

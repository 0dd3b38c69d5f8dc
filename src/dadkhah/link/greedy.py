"""The greedy pass of the clustering: pairs offered from the most to the least probable.

:class:`Greedy` holds what the clustering works on: the :class:`~dadkhah.link.forest.Forest`
of clusters, the scored pairs (in offer order and as a :class:`~dadkhah.link.refine.PairGraph`
by record position) and the reviewers' decisions. :meth:`Greedy.merge_pass` offers pairs and
merges where the rules allow; :meth:`Greedy.refine` then moves records between clusters where
:func:`dadkhah.link.refine.propose_moves` finds their evidence favours another and
:meth:`Greedy.try_move` finds the rules allow it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from dadkhah.errors import LinkageError
from dadkhah.link.evidence import PersonalWeights
from dadkhah.link.forest import Cluster, Forest
from dadkhah.link.refine import PairGraph, log_odds, propose_moves, split_disconnected
from dadkhah.link.rules import RecordTraits
from dadkhah.link.settings import LinkSettings

__all__ = ["Greedy", "Held", "positions"]

log = logging.getLogger(__name__)

# pairs held back: (record, record, probability, reason)
Held = list[tuple[int, int, float, str]]


def positions(rids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The position of each of ``ids`` among the sorted record ids ``rids``."""
    pos = np.searchsorted(rids, ids)
    found = np.zeros(pos.shape, dtype=bool)
    inside = pos < len(rids)
    found[inside] = rids[pos[inside]] == ids[inside]
    if not found.all():
        stray = int(ids[~found].flat[0])
        raise LinkageError(f"a scored pair names record {stray}, which is not among the records")
    return pos.astype(np.int64)


class Greedy:
    """Clusters of ``record_ids`` built from scored ``pairs`` (unique_id_l, unique_id_r,
    match_probability), with the reviewers' ``must_link`` pairs merged from the start and
    their ``cannot_link`` pairs never in one cluster."""

    def __init__(
        self,
        record_ids: Iterable[int],
        pairs: pd.DataFrame,
        traits: Mapping[int, RecordTraits],
        settings: LinkSettings,
        *,
        must_link: Iterable[tuple[int, int]] = (),
        cannot_link: Iterable[tuple[int, int]] = (),
        personal: PersonalWeights | None = None,
    ) -> None:
        ids = list(record_ids)
        self.settings = settings
        self.traits = {rid: traits.get(rid, RecordTraits()) for rid in ids}
        self.forest = forest = Forest(
            self.traits,
            settings.birth_year_tolerance,
            settings.conflict_share,
            personal,
            (settings.outweigh_name_bits, settings.outweigh_names_bits),
        )
        self.forbidden: dict[int, set[int]] = defaultdict(set)
        for a, b in cannot_link:
            if a in forest.parent and b in forest.parent:
                self.forbidden[a].add(b)
                self.forbidden[b].add(a)
        self.must = [(a, b) for a, b in must_link if a in forest.parent and b in forest.parent]
        self.must_of: dict[int, list[int]] = defaultdict(list)
        for a, b in self.must:
            self.must_of[a].append(b)
            self.must_of[b].append(a)
            ra, rb = forest.find(a), forest.find(b)
            if ra != rb:
                forest.union(ra, rb)

        self.lefts = pairs["unique_id_l"].to_numpy(dtype=np.int64)
        self.rights = pairs["unique_id_r"].to_numpy(dtype=np.int64)
        self.probs = pairs["match_probability"].to_numpy(dtype=np.float64)
        # most probable first; ties by record ids, so the input order never matters
        self.order = np.lexsort((self.rights, self.lefts, -self.probs))
        self.automatic = self.order[: int(np.count_nonzero(self.probs >= settings.auto_link))]
        # the pairs of each record, by position (a record's position is its rank among the ids)
        self.rids = rids = np.array(sorted(forest.parent), dtype=np.int64)
        self.left, self.right = positions(rids, self.lefts), positions(rids, self.rights)
        self.graph = PairGraph.build(len(rids), self.left, self.right, self.probs)
        self.position: Callable[[int], int]
        if len(rids) and rids[-1] - rids[0] == len(rids) - 1:
            base = int(rids[0])
            self.position = base.__rsub__  # ids are consecutive: the position is id - first id
        else:
            self.position = dict(zip(rids.tolist(), range(len(rids)), strict=True)).__getitem__
        # records with equal given-name and surname keys are always compared (the first
        # blocking rule); when no pair of theirs was kept, it scored below keep_probability:
        # count it as 0
        self.compared_by_name = ("given_k1", "surname_k1") in settings.blocking_rules

    def decided_apart(self, ra: int, rb: int) -> bool:
        """Did a reviewer decide that a member of cluster ``ra`` is not one of ``rb``?"""
        forest = self.forest
        small, other = (
            (ra, rb)
            if len(forest.clusters[ra].members) <= len(forest.clusters[rb].members)
            else (rb, ra)
        )
        return any(
            forest.find(x) == other
            for m in forest.clusters[small].members
            for x in self.forbidden.get(m, ())
        )

    def average_between(self, members: list[int], other: int) -> float:
        """Average probability of the pairs between ``members`` and the cluster ``other``."""
        forest, graph, rids = self.forest, self.graph, self.rids
        total, n = 0.0, 0
        scored: set[tuple[int, int]] = set()
        for m in members:
            i = self.position(m)
            lo, hi = int(graph.indptr[i]), int(graph.indptr[i + 1])
            for x, p in zip(
                rids[graph.target[lo:hi]].tolist(), graph.prob[lo:hi].tolist(), strict=True
            ):
                if forest.find(x) == other:
                    total += p
                    n += 1
                    scored.add((m, x))
        if self.compared_by_name:
            for m in members:
                tm = self.traits[m]
                if not (tm.given and tm.surname):
                    continue
                for x in forest.clusters[other].members:
                    tx = self.traits[x]
                    if tx.given == tm.given and tx.surname == tm.surname and (m, x) not in scored:
                        n += 1
        return total / n if n else 0.0

    def merge_pass(self, offered: np.ndarray) -> Held:
        """Offer these pairs (indices in ``order``), most probable first; return those held."""
        forest, lefts, rights, probs = self.forest, self.lefts, self.rights, self.probs
        held: Held = []
        for i in offered.tolist():
            a, b = int(lefts[i]), int(rights[i])
            ra, rb = forest.find(a), forest.find(b)
            if ra == rb or self.decided_apart(ra, rb):
                continue
            ca, cb = forest.clusters[ra], forest.clusters[rb]
            reason = forest.conflict(ca, cb, (a, b))
            if reason is None:
                small, other = (ca, rb) if len(ca.members) <= len(cb.members) else (cb, ra)
                if self.average_between(small.members, other) < self.settings.cluster_average:
                    reason = "weak links to the rest of the cluster"
            if reason is not None:
                held.append((a, b, float(probs[i]), reason))
                continue
            forest.union(ra, rb)
        return held

    def holds_without(self, x: int) -> bool:
        """Do the other members of ``x``'s cluster stay joined by automatic-band pairs (or
        reviewers' "same person") among themselves when ``x`` leaves?"""
        forest, graph = self.forest, self.graph
        root = forest.find(x)
        rest = [m for m in forest.clusters[root].members if m != x]
        if len(rest) < 2:
            return True
        seen, todo = {rest[0]}, [rest[0]]
        while todo:
            m = todo.pop()
            i = self.position(m)
            lo, hi = int(graph.indptr[i]), int(graph.indptr[i + 1])
            strong = graph.prob[lo:hi] >= self.settings.auto_link
            for y in [*self.rids[graph.target[lo:hi][strong]].tolist(), *self.must_of.get(m, ())]:
                if y != x and y not in seen and forest.find(y) == root:
                    seen.add(y)
                    todo.append(y)
        return len(seen) == len(rest)

    def try_move(self, x: int, anchor: int) -> bool:
        """May record ``x`` join the cluster of ``anchor``? The same rules as a merge: the
        cannot-link rules against every member, a reviewer's "not the same" against any, and
        the average probability of its pairs with the members; and the cluster ``x`` leaves
        must hold together without it."""
        forest = self.forest
        target = forest.find(anchor)
        if not self.holds_without(x):
            return False
        if any(forest.find(y) == target for y in self.forbidden.get(x, ())):
            return False
        if forest.conflict(Cluster([x]), forest.clusters[target], (x, anchor)) is not None:
            return False
        return self.average_between([x], target) >= self.settings.cluster_average

    def labels(self) -> dict[int, int]:
        """Cluster label of every record: the smallest record id of its cluster."""
        out: dict[int, int] = {}
        for c in self.forest.clusters.values():
            label = min(c.members)
            for rid in c.members:
                out[rid] = label
        return out

    def refine(self, held: Held) -> Held:
        """Up to ``refine_rounds`` rounds of moves (:mod:`dadkhah.link.refine`), each followed
        by offering again the automatic-band pairs of the clusters that changed; returns the
        pairs held back after the last round."""
        settings, forest, rids = self.settings, self.forest, self.rids
        left, right, automatic = self.left, self.right, self.automatic
        # pairs that hold a cluster together: the automatic band and reviewers' "same person"
        strong = self.probs >= settings.auto_link
        must_pos = positions(rids, np.array(self.must, dtype=np.int64).reshape(-1, 2))
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
        if self.compared_by_name:
            for i, rid in enumerate(rids.tolist()):
                t = self.traits[rid]
                if t.given and t.surname:
                    compared[i] = names.setdefault((t.given, t.surname), len(names))
        for _ in range(settings.refine_rounds):
            labels = positions(rids, np.array([forest.find(r) for r in rids.tolist()]))
            labels_before = labels.copy()
            moves = propose_moves(
                self.graph,
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
                if self.try_move(int(rids[m.record]), int(rids[m.anchor])):
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
            position = self.position
            kept = [h for h in held if not (changed[position(h[0])] or changed[position(h[1])])]
            held = sorted(
                kept + self.merge_pass(automatic[again]), key=lambda h: (-h[2], h[0], h[1])
            )
        return held

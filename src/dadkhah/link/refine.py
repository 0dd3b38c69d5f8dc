"""Refinement after greedy clustering: move a record to the person its evidence favours.

Greedy clustering (:mod:`dadkhah.link.clustering`) settles each record's person at the first
pair of it that reaches the automatic band. Where namesakes each hold records, a record that
gives little to tell them apart (no father's name, no birth date) joins whichever namesake it
meets first; afterwards its own person cannot take it (the namesakes' fathers differ), and the
true pairs between them are held back too.

Here each record with a pair in the automatic band to another cluster is weighed against
every such neighbouring cluster. Its *evidence* for a cluster is the mean log-odds of its
scored pairs with the cluster's members, a member it was never scored with counting as
``unscored_weight`` (the scorer dropped the pair as improbable, or blocking never brought the
two together). A record whose evidence for a neighbour beats its evidence for its own cluster
by more than a margin, and is positive (it would not be better alone), is proposed to move;
:mod:`dadkhah.link.clustering` checks the cannot-link rules and the reviewers' decisions
before it moves one.

Everything here is plain numpy over record positions ``0..n-1``, so that a million records
and their ten million pairs fit in memory; nothing here looks at record fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

__all__ = ["Move", "PairGraph", "log_odds", "propose_moves", "split_disconnected"]

# log-odds are clipped here: a probability of exactly 0 or 1 must not make a sum infinite
_CLIP = 30.0


def log_odds(p: np.ndarray | float) -> np.ndarray:
    """``log(p / (1 - p))``, clipped to ±30."""
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-13, 1.0 - 1e-13)
    return np.asarray(np.clip(np.log(q) - np.log1p(-q), -_CLIP, _CLIP))


@dataclass(frozen=True, slots=True)
class Move:
    """Move the record at position ``record`` from cluster ``source`` to cluster ``target``
    (clusters are labelled by positions too); ``gain`` is how much more evidence it has there,
    ``anchor`` the member of ``target`` it has its most probable pair with."""

    record: int
    source: int
    target: int
    gain: float
    anchor: int


@dataclass(frozen=True, slots=True)
class PairGraph:
    """Scored pairs by record position, each pair in both directions, in compressed rows: the
    pairs of record ``i`` are ``target[indptr[i]:indptr[i + 1]]`` with ``prob`` alongside,
    sorted by target and then probability (a canonical order, so that a sum never depends on
    the order the pairs came in)."""

    indptr: np.ndarray  # int64, n + 1
    target: np.ndarray  # int32
    prob: np.ndarray  # float64

    @classmethod
    def build(cls, n: int, left: np.ndarray, right: np.ndarray, prob: np.ndarray) -> PairGraph:
        keep = left != right
        src = np.concatenate([left[keep], right[keep]]).astype(np.int32)
        dst = np.concatenate([right[keep], left[keep]]).astype(np.int32)
        pr = np.concatenate([prob[keep], prob[keep]]).astype(np.float64)
        order = np.lexsort((pr, dst, src))
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
        return cls(indptr, dst[order], pr[order])

    def sources(self) -> np.ndarray:
        """The record each entry belongs to."""
        n = len(self.indptr) - 1
        return np.repeat(np.arange(n, dtype=np.int32), np.diff(self.indptr))


def propose_moves(
    graph: PairGraph,
    labels: np.ndarray,
    frozen: np.ndarray,
    auto_link: float,
    unscored_weight: float,
    margin: float,
    compared: np.ndarray | None = None,
) -> list[Move]:
    """Moves that raise a record's evidence by more than ``margin``, best first.

    A member never scored with the record counts as ``unscored_weight`` when the two were
    surely compared (their ``compared`` keys are equal and not negative: blocking always
    compares them, so the pair was dropped as improbable) and as nothing otherwise (blocking
    may never have brought them together). Without ``compared`` every such member counts as
    ``unscored_weight``.

    The evidence where it goes must also be positive: a record is never moved to a cluster
    where it would be better alone.

    Only a record with a pair of at least ``auto_link`` to another cluster is weighed, only
    towards a cluster it has such a pair with, and never a ``frozen`` one (a reviewer's "same
    person" holds it). Each record gets at most its best move; ties go to the smaller cluster
    label, and moves of equal gain to the smaller record.
    """
    n = len(labels)
    src_all = graph.sources()
    strong = np.flatnonzero(graph.prob >= auto_link)
    s, t = src_all[strong], graph.target[strong]
    contested = s[(labels[s] != labels[t]) & ~frozen[s]]
    movable = np.zeros(n, dtype=bool)
    movable[contested] = True
    del strong, s, t, contested
    sel = np.flatnonzero(movable[src_all])
    if len(sel) == 0:
        return []
    if compared is None:
        compared = np.zeros(n, dtype=np.int64)
    src, dst, prob = src_all[sel], graph.target[sel], graph.prob[sel]
    del src_all, sel
    lab = labels[dst]
    # group by (record, cluster of the other record); a stable sort keeps the canonical order
    # inside each group
    order = np.lexsort((lab, src))
    src, dst, prob, lab = src[order], dst[order], prob[order], lab[order]
    start = np.flatnonzero(np.r_[True, (src[1:] != src[:-1]) | (lab[1:] != lab[:-1])])
    g_rec, g_lab = src[start].astype(np.int64), lab[start]
    g_sum = np.add.reduceat(log_odds(prob), start)
    g_n = np.diff(np.r_[start, len(src)])
    g_strong = np.add.reduceat((prob >= auto_link).astype(np.int64), start)
    sizes = np.bincount(labels, minlength=n)
    own = g_lab == labels[g_rec]
    # evidence for a cluster: the mean log-odds of the record's pairs with its members (the
    # unscored ones as above). A mean, not a sum: a person's
    # records repeat the same fields, so five of them are not five times the evidence, and a
    # large cluster must not draw records by its size. The total must not fall either: a
    # record sure of both clusters (two parts of one person) stays with the larger
    others = sizes[g_lab] - own.astype(np.int64)
    # members surely compared with the record: those of each cluster with its key, less the
    # record itself, less those scored
    key = compared[g_rec]
    same_scored = np.add.reduceat((compared[dst] == compared[src]).astype(np.int64), start)
    same = _count_keys(labels, compared, g_lab, key) - own.astype(np.int64)
    missing = np.where(key >= 0, np.maximum(same - same_scored, 0), 0)
    total = g_sum + missing * unscored_weight
    evidence = total / np.maximum(others, 1)
    # the same for the record's own cluster (0 for a record alone)
    rec_key = compared
    own_same = _count_keys(labels, compared, labels, rec_key) - 1
    stay_total = np.where(rec_key >= 0, own_same, 0) * unscored_weight
    stay_total[g_rec[own]] = total[own]
    stay = stay_total / np.maximum(sizes[labels] - 1, 1)
    # a move must beat staying by the margin, and being alone (evidence 0)
    gain = evidence - stay[g_rec]
    better = (gain > margin) & (evidence > 0) & (total >= stay_total[g_rec])
    idx = np.flatnonzero(~own & (g_strong > 0) & better)
    if len(idx) == 0:
        return []
    # the best target of each record: by record, then gain (descending), then label
    best = idx[np.lexsort((g_lab[idx], -gain[idx], g_rec[idx]))]
    best = best[np.r_[True, g_rec[best][1:] != g_rec[best][:-1]]]
    moves = []
    for b in best.tolist():
        lo, hi = int(start[b]), int(start[b] + g_n[b])
        anchor = int(dst[lo + int(np.argmax(prob[lo:hi]))])
        rec = int(g_rec[b])
        moves.append(Move(rec, int(labels[rec]), int(g_lab[b]), float(gain[b]), anchor))
    moves.sort(key=lambda m: (-m.gain, m.record))
    return moves


def _count_keys(
    labels: np.ndarray, keys: np.ndarray, at_labels: np.ndarray, at_keys: np.ndarray
) -> np.ndarray:
    """How many records of cluster ``at_labels[i]`` have the key ``at_keys[i]``."""
    width = int(keys.max()) + 2 if len(keys) else 1
    combined = labels.astype(np.int64) * width + (keys + 1)
    uniq, counts = np.unique(combined, return_counts=True)
    want = at_labels.astype(np.int64) * width + (at_keys + 1)
    pos = np.clip(np.searchsorted(uniq, want), 0, max(len(uniq) - 1, 0))
    return np.where(uniq[pos] == want, counts[pos], 0)


def split_disconnected(labels: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Labels after splitting every cluster into the parts its ``left``–``right`` links hold
    together (a record that moved away may have been the only link between two others). Each
    part is labelled by its smallest position."""
    n = len(labels)
    if n == 0:
        return labels
    same = labels[left] == labels[right]
    a, b = left[same], right[same]
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    smallest = np.full(int(comp.max()) + 1, n, dtype=np.int64)
    np.minimum.at(smallest, comp, np.arange(n, dtype=np.int64))
    return np.asarray(smallest[comp], dtype=np.int64)

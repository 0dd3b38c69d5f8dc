"""Posterior of the population size averaged over decomposable graphs (Madigan & York 1997).

The numerical core of :mod:`dadkhah.estimate.dga`, on plain arrays; it re-expresses R's dga
``bma.cr``. For a graph with cliques ``C`` and separators ``S``, the hyper-Dirichlet prior puts
``delta * 2^(p - |c|)`` prior counts on each cell of the margin of ``c``, so every margin carries
``delta * 2^p`` in all. The marginal likelihood of the completed table (``Nmissing`` people in the
unseen cell) factorises as

    sum_{c in C} m(c) - sum_{s in S} m(s),
    m(c) = sum_cells [lgamma(D + a) - lgamma(a)] + lgamma(delta 2^p) - lgamma(N + delta 2^p)

with ``D`` the margin's counts (its all-zero cell includes ``Nmissing``) and ``a`` its prior
count. To it are added the multinomial coefficient ``lgamma(N + 1) - sum lgamma(y + 1) -
lgamma(Nmissing + 1)`` and the log prior of ``N = n + Nmissing``. Normalising over graphs and
``Nmissing`` gives the joint posterior; its row sums are the graphs' posterior probabilities, its
column sums the posterior of ``N``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

from dadkhah.estimate.graphs import DecomposableGraph

__all__ = [
    "PRIORS",
    "Posterior",
    "full_table",
    "grid_limit",
    "log_prior",
    "posterior",
    "rissanen_log_prior",
]

PRIORS = ("1/N", "rissanen", "uniform")
CHUNK = 4096
RISSANEN_C0 = 2.865064


def rissanen_log_prior(total: np.ndarray) -> np.ndarray:
    """Rissanen's universal prior on positive integers: ``2^-log*(N)`` (natural log, unnormalised).

    ``log*(N) = log2(N) + log2(log2(N)) + ...`` summing the positive terms.
    """
    total = np.asarray(total, dtype=float)
    code = np.full(total.shape, math.log2(RISSANEN_C0))
    term = np.log2(np.maximum(total, 1.0))
    while np.any(term > 0):
        code += np.where(term > 0, term, 0.0)
        term = np.where(term > 0, np.log2(np.maximum(term, 1e-300)), 0.0)
    return -math.log(2.0) * code


def log_prior(prior: str, total: np.ndarray) -> np.ndarray:
    """Log prior (unnormalised) of the population sizes ``total``."""
    if prior == "1/N":
        out: np.ndarray = -np.log(total)
        return out
    if prior == "rissanen":
        return rissanen_log_prior(total)
    if prior == "uniform":
        return np.zeros_like(total, dtype=float)
    raise ValueError(prior)


def full_table(patterns: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Counts indexed by pattern bitmask (bit ``j`` set when list ``j`` saw the person)."""
    patterns = np.asarray(patterns, dtype=np.int64)
    p = patterns.shape[1]
    masks = patterns @ (1 << np.arange(p, dtype=np.int64))
    table = np.zeros(1 << p)
    np.add.at(table, masks, np.asarray(counts, dtype=float))
    return table


def _margin_terms(
    table: np.ndarray, p: int, delta: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each subset ``s`` (index = bitmask): the margin's observed zero-cell count, the
    constant part of its log marginal likelihood, and its prior count per cell."""
    cells = np.arange(1 << p)
    zero = np.zeros(1 << p)
    const = np.zeros(1 << p)
    prior = np.zeros(1 << p)
    for s in range(1, 1 << p):
        k = bin(s).count("1")
        a = delta * 2.0 ** (p - k)
        margin = np.zeros(1 << p)
        np.add.at(margin, cells & s, table)
        keys = [c for c in range(1 << p) if c & s == c]
        others = np.array([margin[c] for c in keys if c != 0])
        zero[s] = margin[0]
        const[s] = float(np.sum(gammaln(others + a))) - (1 << k) * math.lgamma(a)
        prior[s] = a
    return zero, const, prior


@dataclass(frozen=True)
class Posterior:
    """The posterior over graphs and the number missed.

    ``pmf[i]`` is the posterior probability that ``N = observed + nmissing[i]`` or, where the
    grid is sparse (``width[i] > 1``), that the number missed is one of the ``width[i]``
    integers from ``nmissing[i]`` on; ``graph_prob[g]`` the posterior probability of
    ``graphs[g]``; ``graph_median`` maps the index of each graph asked for to the median of
    ``N`` under that graph alone.
    """

    nmissing: np.ndarray
    pmf: np.ndarray
    graph_prob: np.ndarray
    graph_median: dict[int, float]
    width: np.ndarray


def _lse(x: np.ndarray, axis: int) -> np.ndarray:
    """log(sum(exp(x))) along ``axis`` (plain numpy: scipy's is slow on wide arrays)."""
    top = np.max(x, axis=axis, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    out: np.ndarray = np.log(np.sum(np.exp(x - top), axis=axis)) + np.squeeze(top, axis=axis)
    return out


class _Scorer:
    """Log joint posterior (unnormalised) of graph and ``Nmissing``, chunk by chunk."""

    def __init__(
        self,
        table: np.ndarray,
        p: int,
        delta: float,
        graphs: Sequence[DecomposableGraph],
        prior: str,
    ) -> None:
        table = table.copy()
        table[0] = 0.0
        self.n = float(table.sum())
        self.zero, self.const, self.prior_count = _margin_terms(table, p, delta)
        coef = np.zeros((len(graphs), 1 << p))
        comps = np.zeros(len(graphs))
        for g, graph in enumerate(graphs):
            for c in graph.cliques:
                coef[g, c] += 1.0
            for sep in graph.separators:
                coef[g, sep] -= 1.0
            comps[g] = graph.components
        self.coef = coef[:, 1:]
        self.comps = comps
        self.total_prior = delta * 2.0**p
        self.multinomial_obs = float(np.sum(gammaln(table[1:] + 1.0)))
        self.prior = prior

    def logw(self, nm: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        nm = nm.astype(float)
        total = self.n + nm
        # const already holds -2^k lgamma(a) for every cell of the margin, the zero cell included
        comp = self.const[1:, None] + gammaln(
            self.zero[1:, None] + nm[None, :] + self.prior_count[1:, None]
        )
        norm = math.lgamma(self.total_prior) - gammaln(total + self.total_prior)
        coef = self.coef if rows is None else self.coef[rows]
        comps = self.comps if rows is None else self.comps[rows]
        out: np.ndarray = coef @ comp + comps[:, None] * norm[None, :]
        out += (
            gammaln(total + 1.0)
            - self.multinomial_obs
            - gammaln(nm + 1.0)
            + log_prior(self.prior, total)
        )[None, :]
        return out


def grid_limit(
    table: np.ndarray,
    p: int,
    delta: float,
    graphs: Sequence[DecomposableGraph],
    prior: str,
    cap: int,
    tail: float,
) -> tuple[int, int, float]:
    """Range of the number missed outside which the posterior holds less than ``tail`` on each
    side (searched up to ``cap``), from the posterior on a coarse geometric grid; and the mass
    beyond ``cap``."""
    scorer = _Scorer(table, p, delta, graphs, prior)
    points = np.unique(np.concatenate([[0.0], np.round(np.geomspace(1.0, float(cap), 600))]))
    dens = _lse(scorer.logw(points), axis=0)
    dens = np.exp(dens - float(np.max(dens)))
    # trapezoid masses between coarse points (a density on the integers)
    pieces = np.diff(points) * (dens[1:] + dens[:-1]) / 2.0
    cum = np.concatenate([[dens[0]], dens[0] + np.cumsum(pieces)])
    total = float(cum[-1])
    below = cum / total
    beyond = 1.0 - below
    hi = int(np.argmax(beyond < tail)) if np.any(beyond < tail) else points.size - 1
    lo_candidates = np.flatnonzero(below < tail)
    lo = int(lo_candidates[-1]) if lo_candidates.size else 0
    lo = max(0, lo - 1)
    return int(points[lo]), int(points[hi]), float(beyond[-2]) if points.size > 1 else 0.0


def posterior(
    table: np.ndarray,
    p: int,
    delta: float,
    graphs: Sequence[DecomposableGraph],
    nmissing: np.ndarray,
    prior: str = "1/N",
    top_k: int = 0,
    width: np.ndarray | None = None,
) -> Posterior:
    """Joint posterior of graph and ``Nmissing`` on the grid ``nmissing`` (R's ``bma.cr``).

    The ``top_k`` graphs of highest posterior probability also get their own median of ``N``.
    ``width`` (default: all 1) is how many integers each grid point stands for: a sparse grid
    in a smooth far tail carries the mass of the integers between its points.
    """
    scorer = _Scorer(table, p, delta, graphs, prior)
    log_width = np.zeros(nmissing.size) if width is None else np.log(width.astype(float))

    def logw_at(lo: int, rows: np.ndarray | None = None) -> np.ndarray:
        chunk = nmissing[lo : lo + CHUNK]
        out = scorer.logw(chunk) if rows is None else scorer.logw(chunk, rows)
        return out + log_width[lo : lo + chunk.size][None, :]

    column_lse = np.empty(nmissing.size)
    row_lse = np.full(len(graphs), -np.inf)
    for start in range(0, nmissing.size, CHUNK):
        logw = logw_at(start)
        # one exponential per entry; entries e^-700 below the chunk's top underflow harmlessly
        top = float(np.max(logw))
        weights = np.exp(logw - top)
        with np.errstate(divide="ignore"):
            column_lse[start : start + logw.shape[1]] = np.log(weights.sum(axis=0)) + top
            row_lse = np.logaddexp(row_lse, np.log(weights.sum(axis=1)) + top)
    grand = float(_lse(column_lse, axis=0))
    medians: dict[int, float] = {}
    rows = np.sort(np.argsort(-row_lse, kind="stable")[:top_k])
    if rows.size:
        cum = np.zeros(rows.size)
        found = np.full(rows.size, np.nan)
        for start in range(0, nmissing.size, CHUNK):
            nm = nmissing[start : start + CHUNK]
            w = np.exp(logw_at(start, rows) - row_lse[rows, None])
            running = cum[:, None] + np.cumsum(w, axis=1)
            for k in np.flatnonzero(np.isnan(found)):
                hit = np.flatnonzero(running[k] > 0.5)
                if hit.size:
                    found[k] = scorer.n + float(nm[hit[0]])
            cum = running[:, -1]
        medians = {int(r): float(v) for r, v in zip(rows, found, strict=True)}
    return Posterior(
        nmissing=nmissing,
        width=np.ones(nmissing.size) if width is None else width.astype(float),
        pmf=np.exp(column_lse - grand),
        graph_prob=np.exp(row_lse - grand),
        graph_median=medians,
    )

"""Bayesian model averaging over decomposable graphical models (reference: R's dga).

:class:`Dga` follows Madigan & York (1997) as R's dga ``bma.cr`` computes it: every decomposable
graph on the 3 to 5 lists is a model of how the lists depend on each other; each gets a
hyper-Dirichlet prior with ``delta`` prior counts per cell of the full table (default ``2^-J``),
and the population size ``N`` a prior (``1/N`` by default, or Rissanen's universal prior). The
posterior of ``N`` is computed exactly on a grid of the number missed, averaged over graphs with
their posterior probabilities.

The estimate is the posterior median with an equal-tailed interval (quantiles read as dga reads
them: the first ``N`` whose cumulative probability exceeds the level). The result carries
posterior draws of ``N`` (sampled from the exact posterior with the seed, so that strata can be
added), the mode, the Bayes estimate of Madigan & York, the posterior on a coarse grid, and the
graphs with the highest posterior probability. The result is very sensitive to ``delta``; when the
saturated graph takes most of the posterior, the estimate collapses towards the number observed
and a :class:`SaturatedGraphWarning` is issued.
"""

from __future__ import annotations

import logging
import math
import time
import warnings
from typing import Any, ClassVar

import numpy as np

from dadkhah.errors import DadkhahWarning, EstimationError, one_of
from dadkhah.estimate.dga_posterior import (
    PRIORS,
    Posterior,
    full_table,
    grid_limit,
    posterior,
)
from dadkhah.estimate.graphs import decomposable_graphs
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import Candidate, Estimate

__all__ = ["DecomposableBMAEstimator", "Dga", "SaturatedGraphWarning"]

log = logging.getLogger(__name__)

MIN_LISTS = 3
MAX_LISTS = 5
TAIL_MASS = 1e-6
# relative spacing of the grid of the number missed in a heavy far tail
FAR_STEP = 5e-4
SATURATED_DOMINATES = 0.5
POSTERIOR_POINTS = 400


class SaturatedGraphWarning(DadkhahWarning):
    """The saturated graph dominates the posterior: the estimate rests on the prior ``delta``."""


class Dga:
    """Decomposable-graph model averaging; the constructor only stores its settings.

    ``delta``: prior counts per cell (``None``: ``2^-J``); ``prior``: ``"1/N"``, ``"rissanen"``
    or ``"uniform"``; ``level``: probability of the interval; ``max_missing``: largest number
    missed on the grid (``None``: grown until the posterior tail beyond it is negligible);
    ``draws``: posterior draws kept; ``top_graphs``: graphs listed in the result; ``seed`` for
    the draws.
    """

    method: ClassVar[str] = "dga"

    def __init__(
        self,
        delta: float | None = None,
        prior: str = "1/N",
        *,
        level: float = 0.95,
        max_missing: int | None = None,
        draws: int = 10_000,
        top_graphs: int = 10,
        seed: int | None = None,
    ) -> None:
        if delta is not None and not (
            isinstance(delta, int | float) and delta > 0 and math.isfinite(delta)
        ):
            raise EstimationError(f"delta must be a positive number, got {delta!r}")
        if prior not in PRIORS:
            raise EstimationError(f"unknown prior on N: {one_of(prior, PRIORS)}")
        if not 0.0 < level < 1.0:
            raise EstimationError(f"level must be between 0 and 1, got {level!r}")
        if max_missing is not None and max_missing < 1:
            raise EstimationError(f"max_missing must be at least 1, got {max_missing!r}")
        if draws < 0 or top_graphs < 0:
            raise EstimationError("draws and top_graphs cannot be negative")
        self.delta = None if delta is None else float(delta)
        self.prior = prior
        self.level = float(level)
        self.max_missing = max_missing
        self.draws = int(draws)
        self.top_graphs = int(top_graphs)
        self.seed = seed

    def settings(self) -> dict[str, Any]:
        return {
            "delta": self.delta,
            "prior": self.prior,
            "level": self.level,
            "max_missing": self.max_missing,
            "draws": self.draws,
            "top_graphs": self.top_graphs,
        }

    def __repr__(self) -> str:
        return f"Dga(delta={self.delta!r}, prior={self.prior!r})"

    def fit(self, histories: CaptureHistories) -> Estimate:
        """Average over every decomposable graph of the lists; return the posterior of N."""
        started = time.perf_counter()
        p = histories.n_lists
        if not MIN_LISTS <= p <= MAX_LISTS:
            raise EstimationError(
                f"dga needs {MIN_LISTS} to {MAX_LISTS} lists, this table has "
                f"{p} ({', '.join(histories.lists)}): merge or drop lists, "
                "or use method lcmcr or loglinear"
            )
        delta = self.delta if self.delta is not None else 2.0**-p
        graphs = decomposable_graphs(p)
        table = full_table(histories.patterns, histories.counts)
        n = histories.observed
        post, truncated = self._posterior(table, p, delta, graphs, n)
        order = np.argsort(-post.graph_prob, kind="stable")
        top = [int(g) for g in order[: max(self.top_graphs, 1)]]

        totals = n + post.nmissing.astype(float)
        cum = np.cumsum(post.pmf)
        tail = (1.0 - self.level) / 2.0

        def quantile(level: float) -> float:
            return float(
                totals[min(int(np.searchsorted(cum, level, side="right")), totals.size - 1)]
            )

        median = quantile(0.5)
        lower, upper = quantile(tail), quantile(1.0 - tail)
        mode = float(totals[int(np.argmax(post.pmf / post.width))])
        mean = float(np.sum(post.pmf * totals))
        bayes = float(np.sum(post.pmf / totals) / np.sum(post.pmf / totals**2))
        seed = (
            self.seed
            if self.seed is not None
            else int(np.random.SeedSequence().generate_state(1)[0])
        )
        rng = np.random.default_rng(seed)
        draws = rng.choice(totals, size=self.draws, p=post.pmf / post.pmf.sum())

        notes: list[str] = []
        saturated = next(i for i, g in enumerate(graphs) if g.saturated)
        sat_prob = float(post.graph_prob[saturated])
        if sat_prob > SATURATED_DOMINATES:
            message = (
                f"the saturated graph {graphs[saturated].name} has posterior probability "
                f"{sat_prob:.2f}: the estimate then rests on the prior (delta={delta:g}) "
                "and collapses towards the number observed; compare other delta values "
                "and methods"
            )
            notes.append(message)
            warnings.warn(message, SaturatedGraphWarning, stacklevel=2)
        if truncated:
            notes.append(
                f"the posterior was truncated at {int(totals[-1]):,} people: its tail "
                "beyond carries non-negligible probability"
            )

        runners = tuple(
            Candidate(
                model=graphs[g].name,
                estimate=post.graph_median.get(g, math.nan),
                weight=float(post.graph_prob[g]),
                criteria={"posterior_probability": float(post.graph_prob[g])},
            )
            for g in top[: self.top_graphs]
        )
        diagnostics: dict[str, Any] = {
            "delta": delta,
            "prior": self.prior,
            "mode": mode,
            "mean": mean,
            "bayes_estimate": bayes,
            "top_graph": graphs[top[0]].name,
            "top_graph_probability": float(post.graph_prob[top[0]]),
            "saturated_probability": sat_prob,
            "graphs": len(graphs),
            "grid_missing": [int(post.nmissing[0]), int(post.nmissing[-1])],
            "posterior": _coarse(totals, post),
        }
        for note in notes:
            log.info("%s", note)
        estimate = Estimate(
            method=self.method,
            model="bma over decomposable graphs",
            estimate=median,
            lower=lower,
            upper=upper,
            interval_prob=self.level,
            interval_kind="equal-tailed credible",
            observed=n,
            lists=histories.lists,
            input_sha256=histories.sha256,
            settings=self.settings(),
            seed=seed,
            draws=draws,
            diagnostics=diagnostics,
            runners_up=runners,
            warnings=tuple(notes),
        )
        return estimate.with_timing(time.perf_counter() - started)

    def _posterior(
        self, table: np.ndarray, p: int, delta: float, graphs: Any, n: int
    ) -> tuple[Posterior, bool]:
        """Posterior on a grid wide enough that the tail beyond it is negligible."""
        if self.max_missing is not None:
            grid = np.arange(0, self.max_missing + 1)
            post = posterior(table, p, delta, graphs, grid, self.prior, top_k=self.top_graphs)
            return post, bool(post.pmf[-max(1, grid.size // 4) :].sum() > 1e-3)
        # every integer up to `dense`; beyond it (a heavy tail, as when the saturated graph
        # dominates) points 0.05% apart, each carrying the integers up to the next, out to
        # where the tail beyond holds less than TAIL_MASS (searched up to `cap`)
        dense = max(20_000, 20 * n)
        cap = max(10**8, 10_000 * n)
        start, limit, beyond_cap = grid_limit(table, p, delta, graphs, self.prior, cap, TAIL_MASS)
        size = max(1_000, int(limit * 1.25))
        start = int(start * 0.8) if start > 1_000 else 0
        if size <= dense:
            grid = np.arange(start, size + 1)
            width = None
        else:
            far = np.unique(np.round(np.geomspace(dense, size, _far_points(dense, size))))
            grid = np.concatenate([np.arange(start, dense), far.astype(np.int64)])
            width = np.diff(np.append(grid, grid[-1] + 1))
        post = posterior(
            table, p, delta, graphs, grid, self.prior, top_k=self.top_graphs, width=width
        )
        return post, size >= cap and beyond_cap > TAIL_MASS


def _far_points(lo: int, hi: int) -> int:
    """Points of the sparse grid from ``lo`` to ``hi``: 0.05% apart."""
    return math.ceil(math.log(hi / lo) / math.log1p(FAR_STEP)) + 1


def _coarse(totals: np.ndarray, post: Posterior) -> dict[str, list[float]]:
    """The posterior of N on at most POSTERIOR_POINTS points, for plots (mass per bin)."""
    cum = np.cumsum(post.pmf)
    lo = int(np.searchsorted(cum, 1e-5))
    hi = min(int(np.searchsorted(cum, 1.0 - 1e-5)) + 1, int(totals.size))
    width = max(1, math.ceil((hi - lo) / POSTERIOR_POINTS))
    starts = np.arange(lo, hi, width)
    mass = np.add.reduceat(post.pmf[lo:hi], starts - lo)
    return {
        "n": [float(totals[s]) for s in starts],
        "probability": [float(m) for m in mass],
        "bin_width": [float(width)],
    }


#: The name the estimator registry (:mod:`dadkhah.estimate`) looks up.
DecomposableBMAEstimator = Dga

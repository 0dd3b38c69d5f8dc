"""The Bayesian non-parametric latent-class model of Manrique-Vallier (2016).

People differ in how likely each list is to record them; the model lets a mixture of latent
classes, each with its own list-by-list capture probabilities, absorb that heterogeneity and
the dependence between lists it causes. The number of classes is left to the data through a
truncated stick-breaking (Dirichlet process) prior. The reference implementation is R's
``LCMCR``; this one is written from the paper, with a compiled Gibbs sampler
(:mod:`dadkhah.estimate.lcmcr_kernel`) that runs several chains in parallel threads.

    >>> est = LatentClassEstimator(seed=1).fit(CaptureHistories.from_csv("kosovo.csv"))
    >>> est.estimate, est.lower, est.upper                          # doctest: +SKIP
    (10412.0, 8986.0, 13790.0)
"""

from __future__ import annotations

import logging
import math
import os
import secrets
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

import numpy as np

from dadkhah.errors import ConvergenceWarning, EstimationError
from dadkhah.estimate.diagnostics import equal_tailed_interval, summarize_chains
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import Estimate

__all__ = ["LatentClassEstimator", "LatentClassSettings"]

log = logging.getLogger(__name__)

RHAT_LIMIT = 1.05
ESS_FLOOR = 200.0
ALL_CLASSES_SHARE = 0.9


@dataclass(frozen=True)
class LatentClassSettings:
    """Settings of the latent-class model, validated on construction.

    ``K`` is the truncation (most classes), ``a_alpha``/``b_alpha`` the Gamma(shape, rate) prior
    on the stick-breaking concentration, ``burn_in`` iterations are discarded, then every
    ``thin``-th iteration is kept until each chain has ``draws`` draws.
    """

    K: int = 10
    a_alpha: float = 0.25
    b_alpha: float = 0.25
    burn_in: int = 10_000
    draws: int = 5_000
    thin: int = 100
    chains: int = 2
    interval_prob: float = 0.95

    def __post_init__(self) -> None:
        problems = []
        for name, low in (("K", 1), ("burn_in", 0), ("draws", 1), ("thin", 1), ("chains", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
                problems.append(f"{name} must be a whole number >= {low}, got {value!r}")
        for name in ("a_alpha", "b_alpha"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
                problems.append(f"{name} must be a positive number, got {value!r}")
        if not isinstance(self.interval_prob, float | int) or not 0 < self.interval_prob < 1:
            problems.append(f"interval_prob must be between 0 and 1, got {self.interval_prob!r}")
        if problems:
            raise EstimationError("invalid latent-class settings: " + "; ".join(problems))


class LatentClassEstimator:
    """Population size by the latent-class model (``method="lcmcr"``).

    The constructor stores settings and the seed (drawn at random and recorded when not given);
    :meth:`fit` runs the chains. ``threads`` caps the threads used (default: one per chain, at
    most the number of CPUs); it does not change the result.
    """

    method: ClassVar[str] = "lcmcr"

    def __init__(
        self,
        *,
        K: int = LatentClassSettings.K,
        a_alpha: float = LatentClassSettings.a_alpha,
        b_alpha: float = LatentClassSettings.b_alpha,
        burn_in: int = LatentClassSettings.burn_in,
        draws: int = LatentClassSettings.draws,
        thin: int = LatentClassSettings.thin,
        chains: int = LatentClassSettings.chains,
        interval_prob: float = LatentClassSettings.interval_prob,
        seed: int | None = None,
        threads: int | None = None,
    ) -> None:
        self.config = LatentClassSettings(
            K, a_alpha, b_alpha, burn_in, draws, thin, chains, interval_prob
        )
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
            raise EstimationError(f"seed must be a whole number >= 0, got {seed!r}")
        self.seed: int | None = seed if seed is not None else secrets.randbits(32)
        self.threads = threads

    def settings(self) -> dict[str, Any]:
        return asdict(self.config)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.settings().items())
        return f"LatentClassEstimator({args}, seed={self.seed})"

    def fit(self, histories: CaptureHistories) -> Estimate:
        """Run the Gibbs sampler on the table and summarise the posterior of N."""
        from dadkhah.estimate.lcmcr_kernel import TRACE_FIELDS, run_chain
        from dadkhah.estimate.variates import new_state

        cfg = self.config
        started = time.perf_counter()
        table = histories.nonzero()
        patterns = np.ascontiguousarray(table.patterns, dtype=np.uint8)
        counts = np.ascontiguousarray(table.counts, dtype=np.int64)
        seeds = np.random.SeedSequence(self.seed).spawn(cfg.chains)
        states = [new_state(s.generate_state(4, dtype=np.uint64)) for s in seeds]

        def one(state: Any) -> np.ndarray:
            trace: np.ndarray = run_chain(
                patterns,
                counts,
                int(cfg.K),
                float(cfg.a_alpha),
                float(cfg.b_alpha),
                int(cfg.burn_in),
                int(cfg.draws),
                int(cfg.thin),
                state,
                -1,  # weights by prefixes or row by row, as the table's shape suits
            )
            return trace

        workers = self.threads or min(cfg.chains, os.cpu_count() or 1)
        if workers > 1 and cfg.chains > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                traces = list(pool.map(one, states))
        else:
            traces = [one(s) for s in states]
        trace = np.stack(traces)  # (chains, draws, fields)
        n_chains = trace[:, :, TRACE_FIELDS.index("N")]
        draws = n_chains.ravel().astype(np.int64)
        median = float(np.median(draws))
        lower, upper = equal_tailed_interval(draws, cfg.interval_prob)
        diag = summarize_chains(n_chains)
        alpha = trace[:, :, TRACE_FIELDS.index("alpha")]
        used = trace[:, :, TRACE_FIELDS.index("classes_used")]
        diag.update(
            {
                "posterior_mean": float(draws.mean()),
                "posterior_sd": float(draws.std(ddof=1)) if draws.size > 1 else math.nan,
                "alpha_mean": float(alpha.mean()),
                "alpha_rhat": summarize_chains(alpha)["rhat"],
                "classes_used_mean": float(used.mean()),
                "classes_used_max": int(used.max()),
                "all_classes_used_share": float((used >= cfg.K).mean()),
                "iterations_per_chain": cfg.burn_in + cfg.draws * cfg.thin,
            }
        )
        notes = self._warnings(diag, cfg)
        for note in notes:
            warnings.warn(note, ConvergenceWarning, stacklevel=2)
            log.warning("%s", note)
        seconds = time.perf_counter() - started
        diag["iterations_per_second"] = (cfg.chains * diag["iterations_per_chain"]) / seconds
        return Estimate(
            method=self.method,
            model=f"latent classes (K={cfg.K})",
            estimate=median,
            lower=lower,
            upper=upper,
            interval_prob=float(cfg.interval_prob),
            interval_kind="equal-tailed credible",
            observed=histories.observed,
            lists=histories.lists,
            input_sha256=histories.sha256,
            settings=self.settings(),
            seed=self.seed,
            draws=draws,
            diagnostics=diag,
            warnings=tuple(notes),
            seconds=seconds,
        )

    @staticmethod
    def _warnings(diag: dict[str, Any], cfg: LatentClassSettings) -> list[str]:
        notes = []
        rhat = diag["rhat"]
        if cfg.chains > 1 and math.isfinite(rhat) and rhat > RHAT_LIMIT:
            notes.append(
                f"the chains disagree (R-hat {rhat:.3f} > {RHAT_LIMIT}): run a longer "
                "burn-in or more draws"
            )
        ess = diag["ess"]
        if math.isfinite(ess) and ess < ESS_FLOOR:
            notes.append(
                f"few effective draws ({ess:.0f} < {ESS_FLOOR:.0f}): increase draws or thinning"
            )
        if diag["all_classes_used_share"] > ALL_CLASSES_SHARE:
            share = diag["all_classes_used_share"]
            notes.append(f"{share:.0%} of the draws use all K={cfg.K} classes: try a larger K")
        return notes

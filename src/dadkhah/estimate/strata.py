"""Estimates by stratum, combined into one total.

Capture probabilities often differ by region, sex or affiliation; estimating each stratum on its
own and adding up respects that. Bayesian estimates combine exactly: the strata are independent,
so adding their posterior draws one by one gives draws of the total (the same number of draws
is used from each). Estimates without draws (log-linear models) add their point estimates, and
their interval is the normal approximation from the strata's standard errors; the interval's
kind says so.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from statistics import NormalDist

import numpy as np

from dadkhah.errors import EstimationError
from dadkhah.estimate.diagnostics import equal_tailed_interval
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import Estimate, Estimator

__all__ = ["combine_strata", "fit_strata"]


def fit_strata(
    estimator: Estimator, strata: Mapping[str, CaptureHistories], *, by: str | None = None
) -> Estimate:
    """Fit ``estimator`` to every stratum and combine the estimates (see :func:`combine_strata`)."""
    if not strata:
        raise EstimationError("no strata to estimate")
    started = time.perf_counter()
    fitted = {name: estimator.fit(table) for name, table in strata.items()}
    combined = combine_strata(fitted, by=by)
    return combined.with_timing(time.perf_counter() - started)


def _strata_hash(estimates: Mapping[str, Estimate]) -> str:
    import hashlib

    h = hashlib.sha256()
    for name in sorted(estimates):
        h.update(f"{name}\t{estimates[name].input_sha256}\n".encode())
    return h.hexdigest()


def combine_strata(estimates: Mapping[str, Estimate], *, by: str | None = None) -> Estimate:
    """One estimate of the total from per-stratum estimates of the same method."""
    if not estimates:
        raise EstimationError("no strata to combine")
    items = list(estimates.values())
    first = items[0]
    methods = {e.method for e in items}
    if len(methods) > 1:
        raise EstimationError(f"strata were estimated by different methods: {sorted(methods)}")
    probs = {e.interval_prob for e in items}
    if len(probs) > 1:
        raise EstimationError(f"strata have intervals of different probabilities: {sorted(probs)}")
    prob = first.interval_prob
    observed = sum(e.observed for e in items)
    lists = tuple(dict.fromkeys(name for e in items for name in e.lists))
    notes = [f"[{name}] {w}" for name, e in estimates.items() for w in e.warnings]
    diagnostics: dict[str, object] = {"strata": len(items), "stratified_by": by}
    all_draws = [e.draws for e in items if e.draws is not None]
    if len(all_draws) == len(items):
        n = min(int(d.size) for d in all_draws)
        total = np.zeros(n, dtype=np.float64)
        for d in all_draws:
            total += np.asarray(d[:n], dtype=np.float64)
        point = float(np.median(total))
        lower, upper = equal_tailed_interval(total, prob)
        kind = first.interval_kind + " (sum of strata draws)"
        draws: np.ndarray | None = total
        std_error = None
        diagnostics["posterior_sd"] = float(total.std(ddof=1)) if n > 1 else math.nan
    else:
        missing = [name for name, e in estimates.items() if e.std_error is None]
        if missing:
            raise EstimationError(
                "cannot combine strata without draws or standard errors: " + ", ".join(missing)
            )
        point = float(sum(e.estimate for e in items))
        std_error = math.sqrt(sum(float(e.std_error or 0.0) ** 2 for e in items))
        z = NormalDist().inv_cdf((1 + prob) / 2)
        lower = max(point - z * std_error, float(observed))
        upper = point + z * std_error
        kind = "normal approximation from strata standard errors"
        draws = None
    models = {e.model for e in items}
    return Estimate(
        method=first.method,
        model=first.model if len(models) == 1 else "per stratum",
        estimate=point,
        lower=lower,
        upper=upper,
        interval_prob=prob,
        interval_kind=kind,
        observed=observed,
        lists=lists,
        input_sha256=_strata_hash(estimates),
        settings=dict(first.settings),
        seed=first.seed,
        strata=dict(estimates),
        draws=draws,
        std_error=std_error,
        diagnostics=diagnostics,
        warnings=tuple(notes),
        seconds=sum(e.seconds for e in items),
    )

"""Fitting log-linear capture-recapture models: abundance, standard error, profile interval.

The numerical core of :mod:`dadkhah.estimate.loglinear`, on plain arrays: ``y`` is the table in
Rcapture's pattern order (see :mod:`dadkhah.estimate.loglinear_models`) and ``n`` the number of
people observed. It re-expresses the computations of R's Rcapture (``closedp.t``,
``closedpMS.t``, ``closedpCI.t``) so that the numbers agree with it:

* abundance ``n + exp(intercept)`` with standard error
  ``sqrt(exp(b0) + exp(2 b0) var(b0))``; closed forms for ``Mb`` and ``Mbh``;
* Chao's lower-bound models drop, one at a time, the first negative ``eta`` coefficient and refit;
* ``AIC = -2 loglik + 2 rank``, ``BIC = -2 loglik + log(n) rank``, on the Poisson likelihood;
* the profile-likelihood interval maximises the multinomial profile likelihood of ``N``
  (Poisson fit of the completed table plus Cormack's 1992 correction term) and finds where it
  falls ``qchisq(0.95, 1) / 2`` below its maximum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize, stats
from scipy.special import gammaln

from dadkhah.estimate.glm import PoissonFit, fit_poisson, fit_poisson_batch
from dadkhah.estimate.loglinear_models import (
    NamedDesign,
    enumerate_hierarchical,
    hierarchical_design,
    hierarchical_name,
    named_design,
)

__all__ = [
    "ModelFit",
    "ProfileInterval",
    "SearchRow",
    "fit_design",
    "fit_hierarchical",
    "fit_named",
    "lognormal_interval",
    "profile_interval",
    "search_hierarchical",
]


@dataclass(frozen=True)
class ModelFit:
    """One fitted model: abundance and fit statistics, as Rcapture reports them."""

    model: str
    abundance: float
    std_error: float
    deviance: float
    df: int
    aic: float
    bic: float
    converged: bool
    design: np.ndarray = field(repr=False)
    chao_base: int | None = None
    dropped: tuple[str, ...] = ()
    coef: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileInterval:
    """A profile-likelihood interval; ``upper`` is ``None`` when it lies beyond the search."""

    mode: float
    lower: float
    upper: float | None
    search_limit: float


def _with_intercept(design: np.ndarray) -> np.ndarray:
    return np.column_stack([np.ones(design.shape[0]), design])


def _drop_negative_eta(
    y: np.ndarray, design: np.ndarray, columns: list[str], n_base: int
) -> tuple[PoissonFit, np.ndarray, list[str], list[str]]:
    """Chao's lower bound: refit without the first negative ``eta`` until none is negative."""
    fit = fit_poisson(y, _with_intercept(design))
    dropped: list[str] = []
    while True:
        eta = fit.coef[n_base:]
        negative = np.flatnonzero(~np.isnan(eta) & (eta < 0))
        if negative.size == 0:
            return fit, design, columns, dropped
        col = n_base - 1 + int(negative[0])  # position in the design without intercept
        dropped.append(columns[col])
        design = np.delete(design, col, axis=1)
        columns = columns[:col] + columns[col + 1 :]
        fit = fit_poisson(y, _with_intercept(design))


def _abundance(n: float, fit: PoissonFit) -> tuple[float, float]:
    b0 = float(fit.coef[0])
    var0 = float(fit.cov[0, 0])
    with np.errstate(over="ignore", invalid="ignore"):
        n0 = float(np.exp(b0))
        var = n0 + n0 * n0 * var0
    return n + n0, math.sqrt(var) if var >= 0 else math.nan


@np.errstate(over="ignore", invalid="ignore", divide="ignore")
def _behavioural(name: str, fit: PoissonFit, n_lists: int) -> tuple[float, float]:
    b = fit.coef
    if not np.all(np.isfinite(b)) or np.max(np.abs(b)) > 700:
        return math.nan, math.nan
    try:
        return _behavioural_closed_form(name, fit, n_lists)
    except (OverflowError, ZeroDivisionError):
        return math.nan, math.nan


def _behavioural_closed_form(name: str, fit: PoissonFit, n_lists: int) -> tuple[float, float]:
    b = fit.coef
    t = n_lists
    if name == "Mb":
        e1, e2 = math.exp(b[1]), math.exp(b[2])
        denom = 1.0 + e2 - e1
        abundance = math.exp(b[0]) * (1.0 + e2) ** t / denom
        v = abundance * np.array([1.0, e1 / denom, t * e2 / (1.0 + e2) - e2 / denom])
    else:
        e12, e2, e3 = math.exp(b[1] + b[2]), math.exp(b[2]), math.exp(b[3])
        denom = 1.0 + e3 - e2
        scale = math.exp(b[0]) * (1.0 + e3) ** (t - 1)
        abundance = scale * (1.0 + e12 / denom)
        v = scale * np.array(
            [
                1.0 + e12 / denom,
                e12 / denom,
                e12 / denom + math.exp(b[1] + 2.0 * b[2]) / denom**2,
                (t - 1) * e3 / (1.0 + e3) - math.exp(b[1] + b[2] + b[3]) / denom**2,
            ]
        )
    var = float(v @ fit.cov @ v) - abundance
    return abundance, math.sqrt(var) if var > 0 else math.nan


def fit_design(y: np.ndarray, n: float, design: np.ndarray, model: str) -> ModelFit:
    """Fit the model ``log mu = b0 + design @ b`` and read off the abundance."""
    fit = fit_poisson(y, _with_intercept(design))
    abundance, se = _abundance(n, fit)
    return _result(model, fit, n, abundance, se, design)


def _result(
    model: str,
    fit: PoissonFit,
    n: float,
    abundance: float,
    se: float,
    design: np.ndarray,
    chao_base: int | None = None,
    dropped: Sequence[str] = (),
) -> ModelFit:
    warnings: list[str] = []
    if not fit.converged:
        warnings.append(
            f"model {model}: the Poisson fit did not converge in {fit.iterations} iterations"
        )
    if fit.rank < fit.coef.size:
        warnings.append(
            f"model {model}: design matrix not of full rank "
            f"({fit.coef.size - fit.rank} parameter(s) not estimable)"
        )
    return ModelFit(
        model=model,
        abundance=abundance,
        std_error=se,
        deviance=fit.deviance,
        df=fit.df_residual,
        aic=fit.aic,
        bic=fit.bic(n),
        converged=fit.converged,
        design=design,
        chao_base=chao_base,
        dropped=tuple(dropped),
        coef=fit.coef,
        warnings=tuple(warnings),
    )


def fit_named(
    y: np.ndarray, n: float, name: str, n_lists: int, *, chao_drop_negative: bool = True
) -> ModelFit:
    """Fit one of the classical models of Rcapture's ``closedp.t``."""
    spec: NamedDesign = named_design(name, n_lists)
    design = spec.matrix
    dropped: list[str] = []
    if spec.chao and chao_drop_negative:
        fit, design, _, dropped = _drop_negative_eta(y, design, list(spec.columns), spec.n_base)
    else:
        fit = fit_poisson(y, _with_intercept(design))
    if spec.behavioural:
        abundance, se = _behavioural(name, fit, n_lists)
    else:
        abundance, se = _abundance(n, fit)
    chao_base = spec.n_base if spec.chao and chao_drop_negative else None
    # the profile likelihood starts each fit from the full design, as closedpCI.t does
    profile_design = spec.matrix if chao_base is not None else design
    return _result(name, fit, n, abundance, se, profile_design, chao_base, dropped)


def fit_hierarchical(y: np.ndarray, n: float, generators: Sequence[int], n_lists: int) -> ModelFit:
    """Fit the hierarchical model with this generating class."""
    design = hierarchical_design(generators, n_lists)
    return fit_design(y, n, design, hierarchical_name(generators))


@dataclass(frozen=True)
class SearchRow:
    """One model of the search, summarised: its name, abundance and criteria."""

    model: str
    generators: tuple[int, ...]
    abundance: float
    std_error: float
    deviance: float
    df: int
    aic: float
    bic: float
    converged: bool


def search_hierarchical(y: np.ndarray, n: float, n_lists: int, max_order: int) -> list[SearchRow]:
    """Fit every candidate of Rcapture's ``closedpMS.t`` (all main effects, interaction orders
    up to ``max_order``); results in enumeration order.

    Models with the same number of parameters are fitted together (:func:`fit_poisson_batch`);
    any the batch finds singular is refitted alone.
    """
    models = list(enumerate_hierarchical(n_lists, max_order))
    by_size: dict[int, list[int]] = {}
    designs: list[np.ndarray] = []
    for i, gens in enumerate(models):
        design = _with_intercept(hierarchical_design(gens, n_lists))
        designs.append(design)
        by_size.setdefault(design.shape[1], []).append(i)
    out: list[SearchRow | None] = [None] * len(models)
    log_n = math.log(n)
    for indices in by_size.values():
        batch = fit_poisson_batch(y, np.stack([designs[i] for i in indices]))
        for k, i in enumerate(indices):
            if batch.rank[k] == 0:
                single = fit_hierarchical(y, n, models[i], n_lists)
                out[i] = SearchRow(
                    single.model,
                    models[i],
                    single.abundance,
                    single.std_error,
                    single.deviance,
                    single.df,
                    single.aic,
                    single.bic,
                    single.converged,
                )
                continue
            b0 = float(batch.intercept[k])
            with np.errstate(over="ignore", invalid="ignore"):
                n0 = float(np.exp(b0))
                var = n0 + n0 * n0 * float(batch.intercept_var[k])
            se = math.sqrt(var) if var >= 0 else math.nan
            rank = int(batch.rank[k])
            loglik = float(batch.loglik[k])
            out[i] = SearchRow(
                model=hierarchical_name(models[i]),
                generators=models[i],
                abundance=n + n0,
                std_error=se,
                deviance=float(batch.deviance[k]),
                df=y.size - rank,
                aic=-2.0 * loglik + 2.0 * rank,
                bic=-2.0 * loglik + log_n * rank,
                converged=bool(batch.converged[k]),
            )
    return [c for c in out if c is not None]


# ------------------------------------------------------------------ intervals


def _cormack_correction(n0: float, total: float) -> float:
    """Cormack's (1992) term turning the Poisson into the multinomial profile likelihood."""
    if total > 100:
        if n0 in (0.0, 1.0):
            return -total + 0.5 * math.log(2.0 * math.pi * total)
        return n0 - total - 0.5 * math.log(n0 / total)
    n0_log = n0 * math.log(n0) if n0 > 0 else 0.0
    return float(n0_log + gammaln(total + 1.0) - total * math.log(total) - gammaln(n0 + 1.0))


@np.errstate(over="ignore", invalid="ignore", divide="ignore")
def profile_interval(
    y: np.ndarray, n: float, model: ModelFit, *, level: float = 0.95, upper_factor: float = 3.0
) -> ProfileInterval:
    """Profile-likelihood interval for ``N`` under ``model`` (Rcapture's ``closedpCI.t``)."""
    design = np.vstack([model.design, np.zeros((1, model.design.shape[1]))])
    x = _with_intercept(design)
    columns = [f"c{j}" for j in range(model.design.shape[1])]

    def loglik(total: float) -> float:
        n0 = max(total - n, 0.0)
        ya = np.append(y, n0)
        if model.chao_base is not None:
            fit = _drop_negative_eta(ya, design, columns, model.chao_base)[0]
        else:
            fit = fit_poisson(ya, x)
        return -(fit.deviance - 2.0 * _cormack_correction(n0, float(ya.sum()))) / 2.0

    n_hat = model.abundance
    res = optimize.minimize_scalar(
        lambda v: -loglik(v), bounds=(n, 3.0 * n_hat), method="bounded", options={"xatol": 1e-4}
    )
    mode = float(res.x)
    top = -float(res.fun)
    floor = top - float(stats.chi2.ppf(level, 1)) / 2.0

    def gap(v: float) -> float:
        return loglik(v) - floor

    lower = float(n)
    if gap(float(n)) < 0 and mode - n > 1e-3:
        lower = float(optimize.brentq(gap, n, mode, xtol=1e-4))
        if lower - n < 1e-3:
            lower = float(n)
    limit = upper_factor * n_hat
    upper: float | None = None
    if not math.isfinite(limit) or not math.isfinite(mode):
        return ProfileInterval(mode=mode, lower=lower, upper=None, search_limit=limit)
    if gap(limit) < 0:
        upper = float(optimize.brentq(gap, mode, limit, xtol=1e-4))
    return ProfileInterval(mode=mode, lower=lower, upper=upper, search_limit=limit)


def lognormal_interval(
    n: float, abundance: float, std_error: float, level: float = 0.95
) -> tuple[float, float]:
    """Chao's (1987) interval: ``n + (N - n) / C`` to ``n + (N - n) C`` (used for Mb, Mbh)."""
    unseen = abundance - n
    if not (unseen > 0 and math.isfinite(std_error)):
        return abundance, abundance
    z = float(stats.norm.ppf(0.5 + level / 2.0))
    c = math.exp(z * math.sqrt(math.log(1.0 + std_error**2 / unseen**2)))
    return n + unseen / c, n + unseen * c

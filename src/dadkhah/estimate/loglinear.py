"""Log-linear models of the incomplete contingency table (reference: R's Rcapture).

:class:`LogLinear` fits a Poisson log-linear model to the ``2^J - 1`` observable cells of the
capture table and projects it onto the one cell nobody can see. ``model`` is one of

* a classical closed-population model of Rcapture's ``closedp``: ``M0``, ``Mt``, ``Mh-chao``,
  ``Mh-poisson2``, ``Mh-darroch``, ``Mh-gamma3.5``, ``Mth-chao``, ``Mth-poisson2``,
  ``Mth-darroch``, ``Mth-gamma3.5``, ``Mb``, ``Mbh``;
* a hierarchical model written as Rcapture writes it, such as ``[123,14,34]`` (list positions
  in column order);
* ``best-bic`` (default) or ``best-aic``: the search of Rcapture's ``closedpMS.t`` over every
  hierarchical model with all main effects and interactions up to ``max_order`` (default
  ``J - 1``), keeping the one with the smallest criterion.

The estimate is the maximum-likelihood abundance; the interval is the profile-likelihood interval
of ``closedpCI.t`` (for ``Mb`` and ``Mbh``, which Rcapture gives none, Chao's log-normal interval).
The result lists runners-up: the next models of a search, or the other classical models, each
with its criteria and estimate, because on real data the choice of model can move the number more
than its interval says.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any, ClassVar

import numpy as np

from dadkhah.errors import EstimationError
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.loglinear_fit import (
    ModelFit,
    fit_hierarchical,
    fit_named,
    lognormal_interval,
    profile_interval,
    search_hierarchical,
)
from dadkhah.estimate.loglinear_models import (
    MAX_HIERARCHICAL_LISTS,
    NAMED_MODELS,
    RCAPTURE_LABELS,
    parse_hierarchical,
    table_in_rcapture_order,
)
from dadkhah.estimate.result import Candidate, Estimate

__all__ = ["SEARCHES", "LogLinear", "LogLinearEstimator", "canonical_model"]

log = logging.getLogger(__name__)

SEARCHES = ("best-bic", "best-aic")
TWO_LIST_MODELS = ("M0", "Mt", "Mb")
PROFILE_KIND = "profile likelihood"
INTERVALS_FOR_RUNNERS_UP = 3
LOGNORMAL_KIND = "log-normal (Chao 1987)"


# other spellings accepted for the named models: any case, Rcapture's labels and short names
_ALIASES: dict[str, str] = {}
for _name in NAMED_MODELS:
    _ALIASES[_name.lower()] = _name
    _ALIASES[RCAPTURE_LABELS[_name].lower()] = _name
    _ALIASES[RCAPTURE_LABELS[_name].lower().replace(" (lb)", "")] = _name
for _short, _name in {
    "mhc": "Mh-chao",
    "mhp": "Mh-poisson2",
    "mhd": "Mh-darroch",
    "mhg": "Mh-gamma3.5",
    "mthc": "Mth-chao",
    "mthp": "Mth-poisson2",
    "mthd": "Mth-darroch",
    "mthg": "Mth-gamma3.5",
}.items():
    _ALIASES[_short] = _name
for _search in SEARCHES:
    _ALIASES[_search] = _search


def canonical_model(model: str) -> str:
    """The canonical spelling of a model name (``"Mh Chao (LB)"`` -> ``"Mh-chao"``)."""
    text = str(model).strip()
    return _ALIASES.get(text.lower(), text)


def _model_kind(model: str) -> str:
    if model in SEARCHES:
        return "search"
    if model in NAMED_MODELS:
        return "named"
    if model.strip().startswith("["):
        parse_hierarchical(model, MAX_HIERARCHICAL_LISTS)  # syntax check only
        return "hierarchical"
    options = ", ".join((*SEARCHES, *NAMED_MODELS))
    raise EstimationError(
        f"unknown log-linear model {model!r}; choose one of: {options}, or a "
        "hierarchical model such as [12,13,23]"
    )


class LogLinear:
    """Log-linear capture-recapture estimator; the constructor only stores its settings.

    ``level`` is the interval's probability; ``max_order`` bounds the interaction order of a
    search (default ``J - 1``); ``runners_up`` is how many other models the result lists;
    ``chao_drop_negative`` applies Rcapture's rule for the Chao lower-bound models; ``seed`` is
    accepted for a uniform interface (the method is deterministic).
    """

    method: ClassVar[str] = "loglinear"

    def __init__(
        self,
        model: str = "best-bic",
        *,
        level: float = 0.95,
        max_order: int | None = None,
        runners_up: int = 10,
        chao_drop_negative: bool = True,
        upper_factor: float = 3.0,
        seed: int | None = None,
    ) -> None:
        model = canonical_model(model)
        self._kind = _model_kind(model)
        if not 0.0 < level < 1.0:
            raise EstimationError(f"level must be between 0 and 1, got {level!r}")
        if max_order is not None and max_order < 1:
            raise EstimationError(f"max_order must be at least 1, got {max_order!r}")
        if runners_up < 0:
            raise EstimationError(f"runners_up cannot be negative, got {runners_up!r}")
        if not upper_factor > 1.0:
            raise EstimationError(f"upper_factor must exceed 1, got {upper_factor!r}")
        self.model = model
        self.level = float(level)
        self.max_order = max_order
        self.runners_up = int(runners_up)
        self.chao_drop_negative = bool(chao_drop_negative)
        self.upper_factor = float(upper_factor)
        self.seed = seed

    def settings(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "level": self.level,
            "max_order": self.max_order,
            "runners_up": self.runners_up,
            "chao_drop_negative": self.chao_drop_negative,
            "upper_factor": self.upper_factor,
        }

    def __repr__(self) -> str:
        return f"LogLinear(model={self.model!r}, level={self.level})"

    # ------------------------------------------------------------------ fitting
    def fit(self, histories: CaptureHistories) -> Estimate:
        """Fit the model to ``histories`` and return the estimate of the total population."""
        started = time.perf_counter()
        n_lists = histories.n_lists
        y = table_in_rcapture_order(histories.patterns, histories.counts)
        n = float(histories.observed)
        if self._kind == "search":
            estimate = self._fit_search(histories, y, n)
        elif self._kind == "named":
            estimate = self._fit_named(histories, y, n)
        else:
            gens = parse_hierarchical(self.model, n_lists)
            fit = fit_hierarchical(y, n, gens, n_lists)
            estimate = self._estimate(histories, y, n, fit, runners_up=(), extra={})
        log.info("log-linear %s on %d lists: %.1f", estimate.model, n_lists, estimate.estimate)
        return estimate.with_timing(time.perf_counter() - started)

    def _fit_named(self, histories: CaptureHistories, y: np.ndarray, n: float) -> Estimate:
        n_lists = histories.n_lists
        available = TWO_LIST_MODELS if n_lists == 2 else NAMED_MODELS
        if self.model not in available:
            raise EstimationError(
                f"model {self.model} needs at least three lists; with two "
                f"lists the named models are {', '.join(TWO_LIST_MODELS)}"
            )
        fits = {
            name: fit_named(y, n, name, n_lists, chao_drop_negative=self.chao_drop_negative)
            for name in available
        }
        chosen = fits[self.model]
        others = sorted(
            (f for f in fits.values() if f.model != self.model), key=lambda f: _finite(f.aic)
        )
        runners = tuple(
            Candidate(
                model=f.model,
                estimate=f.abundance,
                std_error=_maybe(f.std_error),
                criteria={"aic": f.aic, "bic": f.bic, "deviance": f.deviance, "df": float(f.df)},
            )
            for f in others[: self.runners_up]
        )
        best_aic = min(fits.values(), key=lambda f: _finite(f.aic)).model
        extra = {
            "rcapture_label": RCAPTURE_LABELS[self.model],
            "best_aic_named": best_aic,
            "comparison": "the other models of Rcapture's closedp, by AIC",
        }
        return self._estimate(histories, y, n, chosen, runners_up=runners, extra=extra)

    def _fit_search(self, histories: CaptureHistories, y: np.ndarray, n: float) -> Estimate:
        n_lists = histories.n_lists
        if n_lists > MAX_HIERARCHICAL_LISTS:
            raise EstimationError(
                f"the model search handles at most {MAX_HIERARCHICAL_LISTS} "
                f"lists, this table has {n_lists}: choose a named model "
                f"({', '.join(NAMED_MODELS)})"
            )
        max_order = self.max_order if self.max_order is not None else n_lists - 1
        if max_order > n_lists - 1:
            raise EstimationError(
                f"max_order must be at most {n_lists - 1} (the number of "
                f"lists minus one), got {max_order}"
            )
        if (n_lists == 6 and max_order >= 3) or (n_lists >= 7 and max_order >= 2):
            raise EstimationError(
                f"searching every hierarchical model of {n_lists} lists up to order "
                f"{max_order} means fitting too many models (Rcapture refuses too): set "
                "max_order lower (2 for six lists) or choose a named model "
                f"({', '.join(NAMED_MODELS)})"
            )
        criterion = "bic" if self.model == "best-bic" else "aic"
        rows = search_hierarchical(y, n, n_lists, max_order)
        ranked = sorted(rows, key=lambda r: _finite(getattr(r, criterion)))
        best = ranked[0]
        fit = fit_hierarchical(y, n, best.generators, n_lists)
        top = getattr(best, criterion)
        scores = np.array([_finite(getattr(r, criterion)) for r in ranked]) - top
        weights = np.exp(-scores / 2.0)
        weights /= weights.sum()
        runners = tuple(
            Candidate(
                model=r.model,
                estimate=r.abundance,
                std_error=_maybe(r.std_error),
                **self._runner_interval(y, n, r.generators, n_lists, i),
                criteria={
                    criterion: getattr(r, criterion),
                    f"delta_{criterion}": float(scores[i]),
                    "aic" if criterion == "bic" else "bic": r.aic if criterion == "bic" else r.bic,
                    "deviance": r.deviance,
                    "df": float(r.df),
                },
                weight=float(weights[i]),
            )
            for i, r in enumerate(ranked[1 : 1 + self.runners_up], start=1)
        )
        warnings: list[str] = []
        second = ranked[1] if len(ranked) > 1 else None
        if (
            second is not None
            and scores[1] < 2.0
            and abs(second.abundance - best.abundance) > 0.05 * best.abundance
        ):
            warnings.append(
                f"model choice is fragile: {second.model} is only {scores[1]:.2f} "
                f"{criterion.upper()} behind {best.model} and gives {second.abundance:,.0f} "
                f"against {best.abundance:,.0f}; report both"
            )
        extra = {
            "criterion": criterion,
            "max_order": max_order,
            "models_compared": len(rows),
            "weight": float(weights[0]),
        }
        return self._estimate(
            histories, y, n, fit, runners_up=runners, extra=extra, warnings=warnings
        )

    def _runner_interval(
        self, y: np.ndarray, n: float, generators: tuple[int, ...], n_lists: int, rank: int
    ) -> dict[str, float | None]:
        """Profile interval of the closest runners-up (the first three), so they can be
        reported beside the winner; ``None`` bounds for the others or where it fails."""
        if rank > INTERVALS_FOR_RUNNERS_UP:
            return {"lower": None, "upper": None}
        fit = fit_hierarchical(y, n, generators, n_lists)
        if not math.isfinite(fit.abundance):
            return {"lower": None, "upper": None}
        try:
            profile = profile_interval(y, n, fit, level=self.level, upper_factor=self.upper_factor)
        except (ValueError, ArithmeticError):
            return {"lower": None, "upper": None}
        return {"lower": profile.lower, "upper": profile.upper}

    def _estimate(
        self,
        histories: CaptureHistories,
        y: np.ndarray,
        n: float,
        fit: ModelFit,
        *,
        runners_up: tuple[Candidate, ...],
        extra: dict[str, Any],
        warnings: list[str] | None = None,
    ) -> Estimate:
        notes = list(fit.warnings) + list(warnings or [])
        if not math.isfinite(fit.abundance):
            raise EstimationError(
                f"model {fit.model} gives no finite abundance on this table "
                "(a cell the model needs is empty); choose another model"
            )
        if fit.abundance < n:
            notes.append(
                f"model {fit.model} gives {fit.abundance:,.1f}, fewer than the "
                f"{n:,.0f} people observed: the model does not fit this table"
            )
        diagnostics: dict[str, Any] = {
            "deviance": fit.deviance,
            "df": fit.df,
            "aic": fit.aic,
            "bic": fit.bic,
            "converged": fit.converged,
        }
        if fit.dropped:
            diagnostics["eta_set_to_zero"] = list(fit.dropped)
        if fit.model in ("Mb", "Mbh"):
            lower, upper = lognormal_interval(n, fit.abundance, fit.std_error, self.level)
            kind = LOGNORMAL_KIND
        else:
            try:
                profile = profile_interval(
                    y, n, fit, level=self.level, upper_factor=self.upper_factor
                )
            except (ValueError, ArithmeticError) as e:
                raise EstimationError(
                    f"model {fit.model}: the profile likelihood of N cannot "
                    f"be computed on this table ({e}); choose another "
                    "model"
                ) from e
            lower = profile.lower
            upper = profile.upper if profile.upper is not None else math.inf
            if profile.upper is None:
                notes.append(
                    f"the upper bound of the interval lies beyond "
                    f"{profile.search_limit:,.0f} ({self.upper_factor:g} times the "
                    "estimate): the data barely bound the population from above"
                )
            if profile.lower <= n:
                notes.append("the lower bound of the interval is the number observed")
            if not profile.lower <= fit.abundance <= upper:
                notes.append(
                    f"the estimate {fit.abundance:,.1f} lies outside its profile "
                    "interval: the model fits this table badly"
                )
            diagnostics["profile_mode"] = profile.mode
            kind = PROFILE_KIND
        diagnostics.update(extra)
        for note in notes:
            log.info("%s", note)
        return Estimate(
            method=self.method,
            model=fit.model,
            estimate=float(fit.abundance),
            lower=float(lower),
            upper=float(upper),
            interval_prob=self.level,
            interval_kind=kind,
            observed=histories.observed,
            lists=histories.lists,
            input_sha256=histories.sha256,
            settings=self.settings(),
            seed=self.seed,
            std_error=_maybe(fit.std_error),
            diagnostics=diagnostics,
            runners_up=runners_up,
            warnings=tuple(notes),
        )


def _finite(value: float) -> float:
    return value if math.isfinite(value) else math.inf


def _maybe(value: float) -> float | None:
    return value if math.isfinite(value) else None


#: The name the estimator registry (:mod:`dadkhah.estimate`) looks up.
LogLinearEstimator = LogLinear

"""What every estimator returns, and what every estimator is.

An :class:`Estimate` is immutable and describes itself: the method and model, the point estimate
and its interval (with the interval's kind and probability), the number observed, the draws (for
Bayesian methods) or the standard error, diagnostics, the settings and seed that produced it, the
hash of the input table and the version of Dadkhah. :meth:`Estimate.to_dict` gives the JSON object
the CLI prints with ``--json``.

An estimator follows :class:`Estimator`: its constructor stores settings and a seed and does no
work; :meth:`Estimator.fit` reads a :class:`~dadkhah.estimate.histories.CaptureHistories` and
returns an :class:`Estimate`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np

from dadkhah import __version__
from dadkhah.estimate.histories import CaptureHistories

__all__ = ["JSON_KEYS", "Candidate", "Estimate", "Estimator", "jsonable"]

#: The keys of :meth:`Estimate.to_dict`, in order.
JSON_KEYS = (
    "method",
    "model",
    "estimate",
    "lower",
    "upper",
    "interval_prob",
    "interval_kind",
    "observed",
    "lists",
    "strata",
    "diagnostics",
    "settings",
    "seed",
    "input_sha256",
    "version",
    "seconds",
    "runners_up",
)


def jsonable(value: Any) -> Any:
    """Turn numpy scalars/arrays, tuples and mappings into plain JSON values (NaN -> None)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        f = float(value)
        return f if math.isfinite(f) else None
    if isinstance(value, Estimate):
        return value.to_dict()
    if isinstance(value, Candidate):
        return value.to_dict()
    return value


@dataclass(frozen=True)
class Candidate:
    """One model among those compared: a runner-up of a model search, or a graph of a BMA.

    ``criteria`` holds what ranked it (``{"bic": ..., "aic": ..., "deviance": ..., "df": ...}``);
    ``weight`` is a posterior model probability where there is one.
    """

    model: str
    estimate: float
    lower: float | None = None
    upper: float | None = None
    criteria: Mapping[str, float] = field(default_factory=dict)
    weight: float | None = None
    std_error: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "estimate": jsonable(self.estimate),
            "lower": jsonable(self.lower),
            "upper": jsonable(self.upper),
            "std_error": jsonable(self.std_error),
            "criteria": jsonable(dict(self.criteria)),
            "weight": jsonable(self.weight),
        }


@dataclass(frozen=True, eq=False)
class Estimate:
    """An estimate of the total population (seen and unseen), self-describing and immutable.

    ``estimate`` is the posterior median (Bayesian methods) or the maximum-likelihood estimate
    (log-linear models); ``lower``/``upper`` bound an interval of probability ``interval_prob``
    whose kind ``interval_kind`` says how it was made ("equal-tailed credible",
    "profile likelihood"). ``strata`` maps each stratum's name to its own estimate when the
    total was combined from strata.
    """

    method: str
    model: str | None
    estimate: float
    lower: float
    upper: float
    interval_prob: float
    interval_kind: str
    observed: int
    lists: tuple[str, ...]
    input_sha256: str
    settings: Mapping[str, Any] = field(default_factory=dict)
    seed: int | None = None
    strata: Mapping[str, Estimate] | None = None
    draws: np.ndarray | None = field(default=None, repr=False)
    std_error: float | None = None
    diagnostics: Mapping[str, Any] = field(default_factory=dict)
    runners_up: tuple[Candidate, ...] = ()
    warnings: tuple[str, ...] = ()
    version: str = __version__
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.draws is not None:
            draws = np.array(self.draws, copy=True)
            draws.setflags(write=False)
            object.__setattr__(self, "draws", draws)
        object.__setattr__(self, "lists", tuple(self.lists))
        object.__setattr__(self, "runners_up", tuple(self.runners_up))
        object.__setattr__(self, "warnings", tuple(self.warnings))

    @property
    def unobserved(self) -> float:
        """The estimate minus the number seen: people no list recorded."""
        return self.estimate - self.observed

    def with_timing(self, seconds: float) -> Estimate:
        """A copy with ``seconds`` set (estimators time themselves and call this last)."""
        return replace(self, seconds=float(seconds))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, draws: np.ndarray | None = None) -> Estimate:
        """Rebuild an estimate from :meth:`to_dict` output (strata and runners-up included)."""
        diagnostics = dict(data.get("diagnostics") or {})
        notes = tuple(diagnostics.pop("warnings", ()) or ())
        std_error = diagnostics.pop("std_error", None)
        strata = data.get("strata")
        return cls(
            method=str(data["method"]),
            model=data.get("model"),
            estimate=float(data["estimate"]),
            lower=float(data["lower"]) if data.get("lower") is not None else math.nan,
            upper=float(data["upper"]) if data.get("upper") is not None else math.nan,
            interval_prob=float(data["interval_prob"]),
            interval_kind=str(data["interval_kind"]),
            observed=int(data["observed"]),
            lists=tuple(data.get("lists") or ()),
            input_sha256=str(data["input_sha256"]),
            settings=dict(data.get("settings") or {}),
            seed=data.get("seed"),
            strata={k: cls.from_dict(v) for k, v in strata.items()} if strata else None,
            draws=draws,
            std_error=std_error,
            diagnostics=diagnostics,
            runners_up=tuple(Candidate(**c) for c in data.get("runners_up") or ()),
            warnings=notes,
            version=str(data.get("version", __version__)),
            seconds=float(data.get("seconds") or 0.0),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``dadkhah estimate --json`` (keys in :data:`JSON_KEYS`).

        Draws are left out (they can be large); warnings are listed under
        ``diagnostics["warnings"]`` and the standard error under ``diagnostics["std_error"]``.
        """
        diagnostics = dict(self.diagnostics)
        if self.warnings:
            diagnostics["warnings"] = list(self.warnings)
        if self.std_error is not None:
            diagnostics["std_error"] = self.std_error
        strata = None
        if self.strata is not None:
            strata = {name: est.to_dict() for name, est in self.strata.items()}
        out = {
            "method": self.method,
            "model": self.model,
            "estimate": jsonable(self.estimate),
            "lower": jsonable(self.lower),
            "upper": jsonable(self.upper),
            "interval_prob": self.interval_prob,
            "interval_kind": self.interval_kind,
            "observed": int(self.observed),
            "lists": list(self.lists),
            "strata": strata,
            "diagnostics": jsonable(diagnostics),
            "settings": jsonable(dict(self.settings)),
            "seed": self.seed,
            "input_sha256": self.input_sha256,
            "version": self.version,
            "seconds": round(float(self.seconds), 4),
            "runners_up": [c.to_dict() for c in self.runners_up],
        }
        return out


@runtime_checkable
class Estimator(Protocol):
    """What every estimator is: settings and seed in the constructor, the work in :meth:`fit`.

    ``method`` is the registry name (``"lcmcr"``, ``"loglinear"``, ``"dga"``); ``settings()``
    returns the settings as plain JSON data (stored with every estimate).
    """

    method: ClassVar[str]
    seed: int | None

    def settings(self) -> dict[str, Any]: ...

    def fit(self, histories: CaptureHistories) -> Estimate: ...

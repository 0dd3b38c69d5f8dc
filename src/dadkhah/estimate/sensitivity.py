"""A sensitivity table: several methods and models on one capture table, side by side.

No single model's number should travel alone: on real data the estimates of defensible models
can differ by a quarter or more (Kosovo: 10,357 by the BIC-best log-linear model, 12,741 by the
runner-up 0.08 BIC behind). :func:`sensitivity_table` fits each specification and lists what it
gives, including the runners-up of a log-linear model search, and a method that cannot run on
the table (dga on more than five lists) is listed with the reason.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dadkhah.errors import EstimationError
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import Estimate, jsonable

__all__ = ["DEFAULT_SPECS", "SensitivityRow", "SensitivityTable", "sensitivity_table"]

#: (label, method, settings) fitted by default.
DEFAULT_SPECS: tuple[tuple[str, str, Mapping[str, Any]], ...] = (
    ("latent classes (LCMCR)", "lcmcr", {}),
    ("log-linear, best by BIC", "loglinear", {"model": "best-bic"}),
    ("log-linear, best by AIC", "loglinear", {"model": "best-aic"}),
    ("log-linear Mt", "loglinear", {"model": "Mt"}),
    ("log-linear Mth Chao", "loglinear", {"model": "Mth-chao"}),
    ("log-linear Mh Darroch", "loglinear", {"model": "Mh-darroch"}),
    ("decomposable graphs (dga)", "dga", {}),
)


@dataclass(frozen=True)
class SensitivityRow:
    """One line of the table: what was fitted and what it gave (or why it could not run)."""

    label: str
    method: str
    model: str | None
    estimate: float | None
    lower: float | None
    upper: float | None
    interval_prob: float | None
    interval_kind: str | None
    settings: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: jsonable(v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class SensitivityTable:
    """Rows of estimates on one table, with what identifies the table."""

    rows: tuple[SensitivityRow, ...]
    observed: int
    lists: tuple[str, ...]
    input_sha256: str
    seed: int | None
    seconds: float
    estimates: tuple[Estimate, ...] = field(default=(), repr=False)

    @property
    def spread(self) -> tuple[float, float] | None:
        """Smallest and largest point estimate among the rows that ran."""
        values = [r.estimate for r in self.rows if r.estimate is not None]
        return (min(values), max(values)) if values else None

    def to_dict(self) -> dict[str, Any]:
        spread = self.spread
        return {
            "observed": self.observed,
            "lists": list(self.lists),
            "input_sha256": self.input_sha256,
            "seed": self.seed,
            "seconds": round(self.seconds, 4),
            "spread": list(spread) if spread else None,
            "rows": [r.to_dict() for r in self.rows],
        }


def _row(label: str, est: Estimate) -> SensitivityRow:
    return SensitivityRow(
        label,
        est.method,
        est.model,
        est.estimate,
        est.lower,
        est.upper,
        est.interval_prob,
        est.interval_kind,
        dict(est.settings),
    )


def sensitivity_table(
    histories: CaptureHistories,
    specs: Sequence[tuple[str, str, Mapping[str, Any]]] | None = None,
    *,
    seed: int | None = None,
    runners_up: int = 2,
) -> SensitivityTable:
    """Fit every (label, method, settings) in ``specs`` (default :data:`DEFAULT_SPECS`)."""
    from dadkhah.estimate import get_estimator

    started = time.perf_counter()
    rows: list[SensitivityRow] = []
    fitted: list[Estimate] = []
    for label, method, settings in specs or DEFAULT_SPECS:
        try:
            est = get_estimator(method, seed=seed, **dict(settings)).fit(histories)
        except EstimationError as e:
            rows.append(
                SensitivityRow(
                    label,
                    method,
                    settings.get("model"),
                    None,
                    None,
                    None,
                    None,
                    None,
                    dict(settings),
                    error=str(e),
                )
            )
            continue
        fitted.append(est)
        rows.append(_row(label, est))
        searched = method == "loglinear" and str(settings.get("model", "best-bic")).startswith(
            "best"
        )
        for cand in est.runners_up[:runners_up] if searched else ():
            if cand.model == est.model:
                continue
            crit = ", ".join(
                f"{k} {v:.2f}"
                for k, v in cand.criteria.items()
                if k in ("bic", "aic") and isinstance(v, int | float)
            )
            rows.append(
                SensitivityRow(
                    f"  runner-up {cand.model} ({crit})",
                    method,
                    cand.model,
                    cand.estimate,
                    cand.lower,
                    cand.upper,
                    est.interval_prob if cand.lower is not None else None,
                    est.interval_kind if cand.lower is not None else None,
                    {"model": cand.model},
                )
            )
    return SensitivityTable(
        tuple(rows),
        histories.observed,
        histories.lists,
        histories.sha256,
        seed,
        time.perf_counter() - started,
        tuple(fitted),
    )

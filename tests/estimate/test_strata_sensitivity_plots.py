"""Strata combined by summing draws, the sensitivity table, and the figures."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from dadkhah.errors import EstimationError
from dadkhah.estimate import CaptureHistories, Estimate
from dadkhah.estimate.lcmcr import LatentClassEstimator
from dadkhah.estimate.plots import comparison_figure, posterior_figure, save, svg_text
from dadkhah.estimate.sensitivity import sensitivity_table
from dadkhah.estimate.strata import combine_strata, fit_strata

pytestmark = pytest.mark.filterwarnings("ignore::dadkhah.errors.ConvergenceWarning")


def _est(
    draws: np.ndarray | None, observed: int, std_error: float | None = None, point: float = 0.0
) -> Estimate:
    return Estimate(
        method="m",
        model="x",
        estimate=point,
        lower=0.0,
        upper=0.0,
        interval_prob=0.95,
        interval_kind="k",
        observed=observed,
        lists=("a", "b"),
        input_sha256=str(observed),
        draws=draws,
        std_error=std_error,
    )


def test_combining_draws_sums_them() -> None:
    a = _est(np.array([10, 20, 30, 40]), 8)
    b = _est(np.array([1, 2, 3, 4, 5]), 1)
    total = combine_strata({"a": a, "b": b}, by="sex")
    assert total.draws is not None
    assert list(total.draws) == [11, 22, 33, 44]
    assert total.estimate == np.median([11, 22, 33, 44])
    assert total.observed == 9
    assert total.strata is not None and set(total.strata) == {"a", "b"}
    assert "sum of strata" in total.interval_kind


def test_combining_without_draws_uses_standard_errors() -> None:
    total = combine_strata({"a": _est(None, 10, 3.0, 20.0), "b": _est(None, 5, 4.0, 10.0)})
    assert total.estimate == 30.0
    assert total.std_error == pytest.approx(5.0)
    assert total.upper == pytest.approx(30.0 + 1.959964 * 5.0, rel=1e-5)
    with pytest.raises(EstimationError):
        combine_strata({"a": _est(None, 10)})


def test_fit_strata_with_lcmcr() -> None:
    s1 = CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"100": 40, "010": 30, "001": 20, "110": 15, "101": 12, "011": 9, "111": 5},
        stratum="s1",
    )
    s2 = CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"100": 30, "010": 35, "001": 25, "110": 10, "101": 8, "011": 11, "111": 3},
        stratum="s2",
    )
    est = LatentClassEstimator(seed=1, burn_in=300, draws=300, thin=3)
    total = fit_strata(est, {"s1": s1, "s2": s2}, by="region")
    assert total.strata is not None
    parts = [total.strata["s1"], total.strata["s2"]]
    assert total.observed == s1.observed + s2.observed
    assert total.draws is not None
    assert total.draws.min() >= total.observed
    assert math.isclose(
        float(np.mean(total.draws)),
        sum(float(np.mean(p.draws)) for p in parts if p.draws is not None),
    )


def test_sensitivity_table_lists_every_method() -> None:
    table = CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"001": 60, "010": 49, "011": 4, "100": 247, "101": 112, "110": 142, "111": 12},
    )
    specs = [
        ("lc", "lcmcr", {"burn_in": 300, "draws": 300, "thin": 3}),
        ("best", "loglinear", {"model": "best-bic"}),
        ("mt", "loglinear", {"model": "Mt"}),
        ("bad", "loglinear", {"model": "no-such-model"}),
    ]
    result = sensitivity_table(table, specs, seed=3)
    labels = [r.label for r in result.rows]
    assert labels[0] == "lc" and "best" in labels and "mt" in labels
    bad = next(r for r in result.rows if r.label == "bad")
    assert bad.error and bad.estimate is None
    ok = [r for r in result.rows if r.estimate is not None]
    assert all(r.estimate >= table.observed for r in ok)
    assert result.spread is not None and result.spread[0] <= result.spread[1]
    assert result.to_dict()["rows"][0]["label"] == "lc"


def test_figures(tmp_path: Path) -> None:
    est = _est(np.arange(100, 200), 90)
    est = Estimate.from_dict(
        {**est.to_dict(), "estimate": 150, "lower": 110, "upper": 190}, draws=est.draws
    )
    paths = save(posterior_figure(est), tmp_path / "post")
    assert [p.suffix for p in paths] == [".png", ".svg"]
    assert all(p.stat().st_size > 1000 for p in paths)
    svg = svg_text(comparison_figure([("one", est), ("two", est)]))
    assert "<svg" in svg
    with pytest.raises(EstimationError):
        save(posterior_figure(est), tmp_path / "x", formats=["gif"])

"""The latent-class model: settings, reproducibility, and answers close to R's LCMCR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dadkhah.errors import ConvergenceWarning, EstimationError
from dadkhah.estimate import CaptureHistories, Estimator, get_estimator
from dadkhah.estimate.lcmcr import LatentClassEstimator

QUICK = {"burn_in": 500, "draws": 400, "thin": 5, "chains": 2}
pytestmark = pytest.mark.filterwarnings("ignore::dadkhah.errors.ConvergenceWarning")


def _table() -> CaptureHistories:
    return CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"001": 60, "010": 49, "011": 4, "100": 247, "101": 112, "110": 142, "111": 12},
    )


def test_constructor_stores_settings_and_seed() -> None:
    est = LatentClassEstimator(K=5, seed=3, draws=10)
    assert isinstance(est, Estimator)
    assert est.settings()["K"] == 5
    assert est.seed == 3
    assert LatentClassEstimator().seed is not None  # a random seed, recorded


@pytest.mark.parametrize(
    "bad",
    [
        {"K": 0},
        {"thin": 0},
        {"draws": -1},
        {"a_alpha": 0.0},
        {"b_alpha": float("nan")},
        {"interval_prob": 1.0},
        {"chains": 1.5},
        {"seed": -1},
    ],
)
def test_bad_settings(bad: dict[str, float]) -> None:
    with pytest.raises(EstimationError):
        LatentClassEstimator(**bad)  # type: ignore[arg-type]


def test_registry_builds_it() -> None:
    est = get_estimator("lcmcr", K=4, seed=1)
    assert isinstance(est, LatentClassEstimator)
    with pytest.raises(EstimationError, match="unknown"):
        get_estimator("nope")
    with pytest.raises(EstimationError, match="invalid settings"):
        get_estimator("lcmcr", colour="red")


def test_fit_is_reproducible_and_self_describing() -> None:
    table = _table()
    a = LatentClassEstimator(seed=11, **QUICK).fit(table)
    b = LatentClassEstimator(seed=11, **QUICK).fit(table)
    c = LatentClassEstimator(seed=12, **QUICK).fit(table)
    one_thread = LatentClassEstimator(seed=11, threads=1, **QUICK).fit(table)
    assert a.draws is not None and b.draws is not None and c.draws is not None
    assert np.array_equal(a.draws, b.draws)
    assert np.array_equal(a.draws, one_thread.draws)  # threads never change the answer
    assert not np.array_equal(a.draws, c.draws)
    assert a.draws.size == QUICK["draws"] * QUICK["chains"]
    assert a.draws.min() >= table.observed
    assert a.lower <= a.estimate <= a.upper
    assert a.estimate == np.median(a.draws)
    assert a.input_sha256 == table.sha256
    assert a.interval_kind == "equal-tailed credible"
    for key in ("rhat", "ess", "mcse_median", "alpha_mean", "classes_used_mean"):
        assert key in a.diagnostics
    d = a.to_dict()
    assert d["seed"] == 11 and d["settings"]["K"] == 10 and d["method"] == "lcmcr"


def test_list_order_does_not_matter_much() -> None:
    table = _table()
    a = LatentClassEstimator(seed=5, **QUICK).fit(table)
    b = LatentClassEstimator(seed=5, **QUICK).fit(table.reorder(["C", "A", "B"]))
    # different random streams, same posterior: medians agree within Monte Carlo error
    assert abs(a.estimate - b.estimate) < 0.05 * a.estimate


def test_short_chains_warn() -> None:
    with pytest.warns(ConvergenceWarning):
        LatentClassEstimator(seed=1, burn_in=0, draws=30, thin=1).fit(_table())


@pytest.mark.shared
def test_dga_my3_near_lcmcr(shared_dir: Path) -> None:
    table = CaptureHistories.from_csv(shared_dir / "data" / "mse" / "dga_MY3.csv")
    est = LatentClassEstimator(seed=2, burn_in=2000, draws=2000, thin=10).fit(table)
    # R LCMCR: median 734, interval 686-832
    assert est.estimate == pytest.approx(734, rel=0.03)
    assert est.lower == pytest.approx(686, rel=0.03)
    assert est.upper == pytest.approx(832, rel=0.06)


@pytest.mark.shared
def test_hare_near_lcmcr(shared_dir: Path) -> None:
    table = CaptureHistories.from_csv(shared_dir / "data" / "mse" / "hare.csv")
    est = LatentClassEstimator(seed=3, burn_in=2000, draws=2000, thin=10).fit(table)
    # R LCMCR: median 76, interval 70-90
    assert est.estimate == pytest.approx(76, abs=2)
    assert 68 <= est.lower <= 72 and 85 <= est.upper <= 95


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kosovo_near_lcmcr(shared_dir: Path, seed: int) -> None:
    """R LCMCR (burn-in 10,000, 10,000 draws, thinning 100): median 10,417 (8,982-13,816)."""
    table = CaptureHistories.from_csv(shared_dir / "data" / "mse" / "kosovo.csv")
    est = LatentClassEstimator(seed=seed).fit(table)
    mcse = est.diagnostics["mcse_median"]
    assert abs(est.estimate - 10_417) < max(4 * mcse, 0.03 * 10_417)
    assert est.lower == pytest.approx(8_982, rel=0.08)
    assert est.upper == pytest.approx(13_816, rel=0.08)


def test_weights_by_prefix_and_row_by_row_give_the_same_chain() -> None:
    """The two ways of computing the patterns' class weights multiply the same numbers in the
    same order, so a chain is the same draw for draw whichever the sampler takes."""
    from dadkhah.estimate.lcmcr_kernel import run_chain
    from dadkhah.estimate.variates import new_state
    from dadkhah.simulate import simulate_captures

    table = simulate_captures(800, 3, n_lists=4)
    nz = CaptureHistories(table.lists, table.patterns, table.counts).nonzero()
    traces = [
        run_chain(nz.patterns, nz.counts, 6, 0.25, 0.25, 200, 100, 2, new_state([9, 8, 7, 6]), mode)
        for mode in (0, 1)
    ]
    assert traces[0].shape == (100, 4)
    assert np.array_equal(traces[0], traces[1])
    # and the seed matters: a different state gives a different chain
    other = run_chain(
        nz.patterns, nz.counts, 6, 0.25, 0.25, 200, 100, 2, new_state([1, 1, 1, 1]), 1
    )
    assert not np.array_equal(traces[1], other)

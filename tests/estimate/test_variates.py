"""The compiled random variates follow their distributions (chi-square and KS checks)."""

from __future__ import annotations

import numpy as np
import pytest
from numba import njit
from scipy import stats

from dadkhah.estimate import variates as V

DRAWS = 40_000


@njit(cache=True)
def _binomials(st: V.State, n: int, p: float, reps: int) -> np.ndarray:
    out = np.empty(reps, dtype=np.int64)
    for i in range(reps):
        out[i], st = V.binomial(st, n, p)
    return out


@njit(cache=True)
def _poissons(st: V.State, lam: float, reps: int) -> np.ndarray:
    out = np.empty(reps, dtype=np.int64)
    for i in range(reps):
        out[i], st = V.poisson(st, lam)
    return out


@njit(cache=True)
def _gammas(st: V.State, shape: float, reps: int) -> np.ndarray:
    out = np.empty(reps)
    for i in range(reps):
        out[i], st = V.gamma(st, shape)
    return out


def _state(seed: int) -> V.State:
    return V.new_state(np.random.SeedSequence(seed).generate_state(4, dtype=np.uint64))


def _chi_square_p(draws: np.ndarray, pmf: np.ndarray) -> float:
    observed = np.bincount(draws, minlength=pmf.size)[: pmf.size]
    keep = pmf * draws.size >= 5
    expected = pmf[keep] * draws.size
    got = observed[keep]
    # fold the tails into one cell so the totals match
    expected = np.append(expected, draws.size - expected.sum())
    got = np.append(got, draws.size - got.sum())
    stat = float(((got - expected) ** 2 / np.maximum(expected, 1e-9)).sum())
    return float(stats.chi2.sf(stat, keep.sum()))


@pytest.mark.parametrize(
    ("n", "p"), [(5, 0.3), (40, 0.9), (500, 0.02), (500, 0.3), (3000, 0.5), (200, 0.001)]
)
def test_binomial(n: int, p: float) -> None:
    x = _binomials(_state(n), n, p, DRAWS)
    assert x.min() >= 0 and x.max() <= n
    assert _chi_square_p(x, stats.binom.pmf(np.arange(n + 1), n, p)) > 1e-4


@pytest.mark.parametrize("lam", [0.5, 3.0, 25.0, 4000.0])
def test_poisson(lam: float) -> None:
    x = _poissons(_state(int(lam * 10)), lam, DRAWS)
    top = int(lam + 10 * np.sqrt(lam) + 10)
    assert _chi_square_p(x, stats.poisson.pmf(np.arange(top), lam)) > 1e-4


@pytest.mark.parametrize("shape", [0.05, 0.5, 1.0, 7.5, 900.0])
def test_gamma(shape: float) -> None:
    x = _gammas(_state(int(shape * 100)), shape, DRAWS)
    assert stats.kstest(x, stats.gamma(shape).cdf).pvalue > 1e-4


def test_same_state_same_stream() -> None:
    a = _binomials(_state(7), 100, 0.4, 100)
    b = _binomials(_state(7), 100, 0.4, 100)
    c = _binomials(_state(8), 100, 0.4, 100)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_log_factorial_matches_lgamma() -> None:
    from math import lgamma

    for k in (0, 1, 10, 255, 256, 1000, 10**6):
        assert V.log_factorial(k) == pytest.approx(lgamma(k + 1), rel=1e-13, abs=1e-13)

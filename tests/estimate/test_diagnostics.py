"""Chain diagnostics: R-hat and effective sample size on chains of known behaviour."""

from __future__ import annotations

import numpy as np

from dadkhah.estimate.diagnostics import (
    effective_sample_size,
    equal_tailed_interval,
    mcse_quantile,
    split_rhat,
)


def _ar1(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    x = np.empty(n)
    x[0] = rng.normal()
    for t in range(1, n):
        x[t] = phi * x[t - 1] + rng.normal()
    return x


def test_independent_chains() -> None:
    rng = np.random.default_rng(1)
    chains = rng.normal(size=(4, 2000))
    assert abs(split_rhat(chains) - 1.0) < 0.01
    ess = effective_sample_size(chains)
    assert 6000 < ess < 10000


def test_disagreeing_chains_have_high_rhat() -> None:
    rng = np.random.default_rng(2)
    chains = rng.normal(size=(2, 1000))
    chains[1] += 3.0
    assert split_rhat(chains) > 1.5


def test_autocorrelated_chain_has_fewer_effective_draws() -> None:
    rng = np.random.default_rng(3)
    chains = np.stack([_ar1(rng, 4000, 0.9) for _ in range(2)])
    ess = effective_sample_size(chains)
    # theory: n (1 - phi) / (1 + phi) = 8000 * 0.1 / 1.9 ~ 421
    assert 250 < ess < 700


def test_interval_and_mcse() -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 5000))
    lo, hi = equal_tailed_interval(x.ravel(), 0.95)
    assert lo == pytest_approx(-1.96) and hi == pytest_approx(1.96)
    assert 0.0 < mcse_quantile(x, 0.5) < 0.05


def pytest_approx(v: float) -> object:
    import pytest

    return pytest.approx(v, abs=0.08)

"""Convergence diagnostics of Markov chains: split R-hat, effective sample size, Monte Carlo error.

Every function takes ``chains``, an array of shape (chains, draws) of one quantity. The formulas
follow Gelman et al., *Bayesian Data Analysis* (3rd ed., ch. 11): R-hat on split chains, and the
effective sample size from the autocorrelations summed over Geyer's initial positive sequence.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "autocorrelation",
    "effective_sample_size",
    "equal_tailed_interval",
    "mcse_quantile",
    "split_rhat",
    "summarize_chains",
]


def _as_chains(chains: np.ndarray) -> np.ndarray:
    x = np.asarray(chains, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2:
        raise ValueError("chains must be an array of shape (chains, draws)")
    return x


def _split(x: np.ndarray) -> np.ndarray:
    half = x.shape[1] // 2
    if half < 2:
        return x
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half :]], axis=0)


def split_rhat(chains: np.ndarray) -> float:
    """Potential scale reduction on split chains; close to 1 when the chains agree.

    NaN when there are too few draws; 1.0 when every draw is the same.
    """
    x = _split(_as_chains(chains))
    m, n = x.shape
    if n < 4:
        return math.nan
    means = x.mean(axis=1)
    within = x.var(axis=1, ddof=1).mean()
    between = n * means.var(ddof=1) if m > 1 else 0.0
    if within <= 0.0:
        return 1.0 if between <= 0.0 else math.inf
    var_plus = (n - 1) / n * within + between / n
    return float(math.sqrt(var_plus / within))


def autocorrelation(x: np.ndarray) -> np.ndarray:
    """Autocorrelation of one series at every lag (FFT)."""
    x = np.asarray(x, dtype=float)
    n = x.size
    centred = x - x.mean()
    size = 1 << (2 * n - 1).bit_length()
    f = np.fft.rfft(centred, size)
    acov = np.fft.irfft(f * np.conjugate(f), size)[:n] / n
    if acov[0] <= 0.0:
        out = np.zeros(n)
        out[0] = 1.0
        return out
    return np.asarray(acov / acov[0])


def effective_sample_size(chains: np.ndarray) -> float:
    """Effective number of independent draws, pooling the chains (BDA3 eq. 11.8, Geyer)."""
    x = _split(_as_chains(chains))
    m, n = x.shape
    if n < 4:
        return math.nan
    within = x.var(axis=1, ddof=1).mean()
    if within <= 0.0:
        return float(m * n)
    var_plus = (n - 1) / n * within + (n * x.mean(axis=1).var(ddof=1) / n if m > 1 else 0.0)
    acov = np.array([autocorrelation(c) * c.var(ddof=0) for c in x])
    mean_acov = acov.mean(axis=0)
    rho = 1.0 - (within - mean_acov) / var_plus
    rho[0] = 1.0
    # Geyer: sum pairs while positive, forcing them to decrease
    total = 0.0
    previous = math.inf
    t = 0
    while t + 1 < n:
        pair = rho[t] + rho[t + 1]
        if pair <= 0.0:
            break
        pair = min(pair, previous)
        total += pair
        previous = pair
        t += 2
    tau = -1.0 + 2.0 * total
    tau = max(tau, 1.0 / math.log10(m * n + 10))
    return float(m * n / tau)


def equal_tailed_interval(draws: np.ndarray, prob: float) -> tuple[float, float]:
    """The central interval holding ``prob`` of the draws (quantiles (1-prob)/2, (1+prob)/2)."""
    lo, hi = np.quantile(np.asarray(draws, dtype=float), [(1 - prob) / 2, (1 + prob) / 2])
    return float(lo), float(hi)


def mcse_quantile(chains: np.ndarray, q: float) -> float:
    """Monte Carlo standard error of the ``q`` quantile (via the ESS of the indicator x <= Q)."""
    x = _as_chains(chains)
    flat = x.ravel()
    quantile = float(np.quantile(flat, q))
    ess = effective_sample_size((x <= quantile).astype(float))
    if not math.isfinite(ess) or ess <= 0:
        return math.nan
    sd = math.sqrt(q * (1 - q) / ess)
    lo, hi = np.quantile(flat, [max(q - sd, 0.0), min(q + sd, 1.0)])
    return float((hi - lo) / 2)


def summarize_chains(chains: np.ndarray) -> dict[str, Any]:
    """R-hat, ESS and the Monte Carlo error of the median, as plain data."""
    x = _as_chains(chains)
    return {
        "rhat": split_rhat(x),
        "ess": effective_sample_size(x),
        "mcse_median": mcse_quantile(x, 0.5),
        "chains": int(x.shape[0]),
        "draws_per_chain": int(x.shape[1]),
    }

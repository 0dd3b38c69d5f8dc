"""Poisson log-linear regression fitted by iteratively reweighted least squares.

This is the small GLM engine under the log-linear capture-recapture models. It follows the
conventions of R's ``glm(family = poisson)`` so that deviances, AIC, BIC and standard errors
agree with Rcapture's: the same starting values (``mu = y + 0.1``), the same stopping rule
(relative change of the deviance below ``1e-8``, at most 25 iterations), columns that are linear
combinations of earlier columns are dropped (their coefficient is ``nan``) and not counted in the
rank, and ``aic = -2 loglik + 2 rank`` with the Poisson log-likelihood of the counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

_QUIET = {"over": "ignore", "divide": "ignore", "invalid": "ignore", "under": "ignore"}

__all__ = ["BatchFit", "PoissonFit", "fit_poisson", "fit_poisson_batch", "poisson_loglik"]

EPSILON = 1e-8
MAX_ITERATIONS = 25
RANK_TOLERANCE = 1e-7


@dataclass(frozen=True)
class PoissonFit:
    """A fitted Poisson log-linear model.

    ``coef`` has one entry per design column (``nan`` for a column dropped as aliased);
    ``cov`` is the inverse Fisher information over the kept columns, laid out like ``coef``
    (rows and columns of dropped coefficients are ``nan``).
    """

    coef: np.ndarray
    cov: np.ndarray
    fitted: np.ndarray
    deviance: float
    loglik: float
    rank: int
    df_residual: int
    converged: bool
    iterations: int

    @property
    def aic(self) -> float:
        return -2.0 * self.loglik + 2.0 * self.rank

    def bic(self, n: float) -> float:
        """BIC with ``log(n)`` per parameter (Rcapture uses the number of people observed)."""
        return -2.0 * self.loglik + math.log(n) * self.rank


def poisson_loglik(y: np.ndarray, mu: np.ndarray) -> float:
    """Sum of the Poisson log-probabilities of the counts ``y`` under means ``mu``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(y > 0, y * np.log(mu), 0.0) - mu - gammaln(y + 1.0)
    return float(terms.sum())


def _deviance(y: np.ndarray, mu: np.ndarray) -> float:
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return float(2.0 * np.sum(ratio - (y - mu)))


def _independent_columns(x: np.ndarray) -> np.ndarray:
    """Indices of the columns kept, in order, dropping any that earlier columns span.

    Like the limited pivoting of LINPACK ``dqrdc2`` used by R, columns are taken in order: a
    column whose norm after projecting out the kept columns falls below ``RANK_TOLERANCE`` times
    its own norm is aliased.
    """
    kept: list[int] = []
    basis: list[np.ndarray] = []
    for j in range(x.shape[1]):
        col = x[:, j].astype(float)
        norm = float(np.linalg.norm(col))
        if norm == 0.0:
            continue
        resid = col.copy()
        for _ in range(2):  # re-orthogonalise once for stability
            for q in basis:
                resid -= q * float(q @ resid)
        rnorm = float(np.linalg.norm(resid))
        if rnorm > RANK_TOLERANCE * norm:
            kept.append(j)
            basis.append(resid / rnorm)
    return np.asarray(kept, dtype=np.intp)


def _weighted_least_squares(xw: np.ndarray, zw: np.ndarray) -> np.ndarray:
    """Least squares by QR, as R's ``Cdqrls`` (better conditioned than normal equations when
    some fitted cells go to zero)."""
    q, r = np.linalg.qr(xw)
    try:
        out: np.ndarray = np.linalg.solve(r, q.T @ zw)
    except np.linalg.LinAlgError:
        out = np.linalg.lstsq(xw, zw, rcond=None)[0]
    return out


def _inverse_information(xw: np.ndarray) -> np.ndarray:
    """``(X'WX)^-1`` from the QR factor of ``sqrt(W) X``: ``R^-1 R^-T``."""
    _, r = np.linalg.qr(xw)
    try:
        r_inv = np.linalg.inv(r)
    except np.linalg.LinAlgError:
        out: np.ndarray = np.linalg.pinv(xw.T @ xw)
        return out
    inv: np.ndarray = r_inv @ r_inv.T
    return inv


@np.errstate(**_QUIET)  # type: ignore[arg-type]
def fit_poisson(
    y: np.ndarray,
    x: np.ndarray,
    *,
    max_iterations: int = MAX_ITERATIONS,
    epsilon: float = EPSILON,
) -> PoissonFit:
    """Fit ``log E[y] = x @ coef`` by IRLS. ``x`` carries its own intercept column."""
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    n_obs, n_col = x.shape
    keep = _independent_columns(x)
    xk = x[:, keep]
    mu: np.ndarray = y + 0.1
    eta: np.ndarray = np.log(mu)
    dev_old = _deviance(y, mu)
    beta: np.ndarray = np.zeros(keep.size)
    converged = False
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007
        z = eta + (y - mu) / mu
        root_w = np.sqrt(mu)
        beta_new = _weighted_least_squares(xk * root_w[:, None], z * root_w)
        eta_new = xk @ beta_new
        mu_new = np.exp(np.minimum(eta_new, 700.0))
        dev = _deviance(y, mu_new)
        # R halves the step when the deviance is not finite
        halvings = 0
        while not math.isfinite(dev) and halvings < 30:
            beta_new = (beta_new + beta) / 2.0
            eta_new = xk @ beta_new
            mu_new = np.exp(np.minimum(eta_new, 700.0))
            dev = _deviance(y, mu_new)
            halvings += 1
        beta, eta, mu = beta_new, eta_new, mu_new
        if abs(dev - dev_old) / (abs(dev) + 0.1) < epsilon:
            converged = True
            break
        dev_old = dev
    # covariance at the final means (R uses the weights of the last iteration; the difference
    # is below the convergence tolerance)
    cov_k = _inverse_information(xk * np.sqrt(mu)[:, None])
    coef = np.full(n_col, np.nan)
    coef[keep] = beta
    cov = np.full((n_col, n_col), np.nan)
    cov[np.ix_(keep, keep)] = cov_k
    return PoissonFit(
        coef=coef,
        cov=cov,
        fitted=mu,
        deviance=_deviance(y, mu),
        loglik=poisson_loglik(y, mu),
        rank=int(keep.size),
        df_residual=int(n_obs - keep.size),
        converged=converged,
        iterations=iterations,
    )


@dataclass(frozen=True)
class BatchFit:
    """Summaries of many Poisson fits sharing the counts ``y`` (one entry per design)."""

    intercept: np.ndarray
    intercept_var: np.ndarray
    deviance: np.ndarray
    loglik: np.ndarray
    rank: np.ndarray
    converged: np.ndarray


@np.errstate(**_QUIET)  # type: ignore[arg-type]
def fit_poisson_batch(
    y: np.ndarray,
    designs: np.ndarray,
    *,
    max_iterations: int = MAX_ITERATIONS,
    epsilon: float = EPSILON,
) -> BatchFit:
    """Fit ``len(designs)`` designs of one shape (``B × rows × cols``) at once.

    Same algorithm and stopping rule as :func:`fit_poisson`, each design stopping on its own;
    used by the model search, where thousands of small models share one table. The first
    column of each design must be the intercept. A design found singular gets ``rank`` zero:
    the caller refits it with :func:`fit_poisson`.
    """
    y = np.asarray(y, dtype=float)
    x = np.asarray(designs, dtype=float)
    n_models, n_obs, n_col = x.shape
    xt = np.swapaxes(x, 1, 2)
    mu = np.broadcast_to(y + 0.1, (n_models, n_obs)).copy()
    eta = np.log(mu)
    beta = np.zeros((n_models, n_col))
    dev_old = np.full(n_models, _deviance(y, y + 0.1))
    active = np.ones(n_models, dtype=bool)
    converged = np.zeros(n_models, dtype=bool)
    singular = np.zeros(n_models, dtype=bool)
    ypos = y > 0
    ysafe = np.where(ypos, y, 1.0)
    for _ in range(max_iterations):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        m = mu[idx]
        z = eta[idx] + (y[None, :] - m) / m
        # normal equations: fast on stacks of small designs (single fits use QR)
        xtw = xt[idx] * m[:, None, :]
        xtwx = xtw @ x[idx]
        rhs = xtw @ z[:, :, None]
        new = np.zeros((idx.size, n_col))
        try:
            new = np.linalg.solve(xtwx, rhs)[:, :, 0]
        except np.linalg.LinAlgError:
            for k in range(idx.size):
                try:
                    new[k] = np.linalg.solve(xtwx[k], rhs[k])[:, 0]
                except np.linalg.LinAlgError:
                    singular[idx[k]] = True
        eta_new = (x[idx] @ new[:, :, None])[:, :, 0]
        mu_new = np.exp(np.minimum(eta_new, 700.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(ypos, y * np.log(ysafe / mu_new), 0.0)
        dev = 2.0 * np.sum(terms - (y[None, :] - mu_new), axis=1)
        beta[idx], eta[idx], mu[idx] = new, eta_new, mu_new
        done = (np.abs(dev - dev_old[idx]) / (np.abs(dev) + 0.1) < epsilon) | singular[idx]
        converged[idx[done]] = True
        active[idx[done]] = False
        dev_old[idx] = dev
    var0 = np.full(n_models, np.nan)
    info = (xt * mu[:, None, :]) @ x
    unit = np.zeros((n_col, 1))
    unit[0, 0] = 1.0
    ok = np.flatnonzero(~singular)
    try:
        var0[ok] = np.linalg.solve(info[ok], np.broadcast_to(unit, (ok.size, n_col, 1)))[:, 0, 0]
    except np.linalg.LinAlgError:
        for k in ok.tolist():
            try:
                var0[k] = float(np.linalg.solve(info[k], unit)[0, 0])
            except np.linalg.LinAlgError:
                singular[k] = True
    with np.errstate(divide="ignore", invalid="ignore"):
        ll = np.where(ypos, y * np.log(mu), 0.0) - mu - gammaln(y + 1.0)
        terms = np.where(ypos, y * np.log(ysafe / mu), 0.0)
    deviance = 2.0 * np.sum(terms - (y[None, :] - mu), axis=1)
    return BatchFit(
        intercept=beta[:, 0],
        intercept_var=var0,
        deviance=deviance,
        loglik=ll.sum(axis=1),
        rank=np.where(singular, 0, n_col),
        converged=converged & ~singular,
    )

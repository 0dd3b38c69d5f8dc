"""Random variates for the compiled samplers: a small, fast, seedable generator in numba.

The latent-class sampler draws hundreds of binomial and gamma variates per sweep, so their cost
sets its speed. numba's ``np.random`` works but is slow for this (a Mersenne Twister behind every
uniform, generic set-up on every call); here the generator is xoshiro256** (Blackman & Vigna
2018) with its state in a tuple, and the variates are the standard exact algorithms:

- normal: the ziggurat of Marsaglia & Tsang (2000), 256 layers;
- gamma: Marsaglia & Tsang (2000) for shape >= 1, boosted with ``U^(1/a)`` below 1 (and a
  log-scale version for tiny shapes, whose draws underflow);
- binomial: inversion for small means, otherwise Hörmann's BTRS (1993), transformed rejection
  with squeeze, whose full acceptance test near the mode multiplies pmf ratios instead of taking
  logarithms;
- Poisson: inversion below 10, otherwise Hörmann's PTRS (1993).

The normal and gamma samplers are inlined into their callers (``inline="always"``): a call that
returns the state goes through memory, and at ~100 gammas a sweep that cost ~5% of the sampler.
(Inlining the binomials too gains another ~3% but doubles the sampler's compile time.)

A generator's state is a plain tuple of four uint64 words, made by :func:`new_state`. Every sampler takes the state
and returns ``(value, new_state)``. Passing the state by value keeps it in registers: numba
functions that take arrays pay for reference counting on every call, which for samplers that
cost a few nanoseconds would dominate. Each chain owns its state, so chains are reproducible and
independent whichever thread runs them. ``tests/estimate/test_variates.py`` checks every
sampler against its distribution.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

__all__ = [
    "State",
    "binomial",
    "binomial_btrs",
    "binomial_inversion",
    "gamma",
    "gamma_once",
    "log_factorial",
    "log_gamma",
    "new_state",
    "normal",
    "poisson",
    "uniform",
]

State = tuple[np.uint64, np.uint64, np.uint64, np.uint64]

_TABLE_SIZE = 256
_LOG_FACT = np.array([math.lgamma(k + 1.0) for k in range(_TABLE_SIZE)])
_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)
_U5 = np.uint64(5)
_U7 = np.uint64(7)
_U9 = np.uint64(9)
_U11 = np.uint64(11)
_U17 = np.uint64(17)
_U19 = np.uint64(19)
_U45 = np.uint64(45)
_U57 = np.uint64(57)
# BTRS's acceptance test uses a product of pmf ratios within this many steps of the mode
_RATIO_STEPS = 16
_TO_UNIT = 1.0 / 9007199254740992.0  # 2^-53
_U8 = np.uint64(8)
_ONE = np.uint64(1)
_U12 = np.uint64(12)
_LOW8 = np.uint64(0xFF)
_LOW52 = np.uint64((1 << 52) - 1)
_BIT52 = np.uint64(1 << 52)
_TWO_52 = float(1 << 52)
# 1/x for the inversion's recursions, which would otherwise divide at every step
_RECIPROCAL = np.array([0.0] + [1.0 / k for k in range(1, _TABLE_SIZE)])


def _ziggurat_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Tables of a 256-layer ziggurat for the standard normal (Marsaglia & Tsang 2000).

    Layer 0 is the base (the rectangle under f(r) plus the tail beyond r, as one rectangle of
    equal area ``v``); layer i >= 1 spans x in [0, x_i] between f(x_i) and f(x_{i+1}), with
    x_1 = r and x_256 = 0. ``accept[i]`` is x_{i+1}/x_i in units of 2^-52 (a point left of it is
    under the curve for sure), ``width[i]`` is x_i 2^-52 and ``height[i]`` f(x_i).
    """
    r = 3.6541528853610088
    area = 0.00492867323399  # of each layer: r f(r) + the tail's mass
    layers = 256

    def f(t: float) -> float:
        return math.exp(-0.5 * t * t)

    x = [0.0] * (layers + 1)
    x[0] = area / f(r)
    x[1] = r
    for i in range(1, layers - 1):
        x[i + 1] = math.sqrt(-2.0 * math.log(area / x[i] + f(x[i])))
    x[layers] = 0.0
    accept = np.array(
        [math.floor(x[i + 1] / x[i] * 2.0**52) for i in range(layers)], dtype=np.uint64
    )
    width = np.array([x[i] / 2.0**52 for i in range(layers)])
    height = np.array([f(x[i]) for i in range(layers + 1)])
    return accept, width, height, r


_ZIG_ACCEPT, _ZIG_WIDTH, _ZIG_HEIGHT, _ZIG_R = _ziggurat_tables()


def new_state(seed_words: np.ndarray | list[int]) -> State:
    """A generator state from four 64-bit words (``SeedSequence(s).generate_state(4, uint64)``)."""
    words = np.asarray(seed_words, dtype=np.uint64)
    if words.shape != (4,):
        raise ValueError("a generator state is four 64-bit words")
    if not words.any():
        words = words.copy()
        words[0] = np.uint64(0x9E3779B97F4A7C15)
    return (
        np.uint64(words[0]),
        np.uint64(words[1]),
        np.uint64(words[2]),
        np.uint64(words[3]),
    )


@njit(cache=True, nogil=True, error_model="numpy")
def _next_word(st: State) -> tuple[np.uint64, State]:
    """The next 64 random bits (xoshiro256**)."""
    s0, s1, s2, s3 = st
    x = s1 * _U5
    result = ((x << _U7) | (x >> _U57)) * _U9
    t = s1 << _U17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << _U45) | (s3 >> _U19)
    return result, (s0, s1, s2, s3)


@njit(cache=True, nogil=True, error_model="numpy")
def uniform(st: State) -> tuple[float, State]:
    """A uniform double in [0, 1) with 53 random bits."""
    word, st = _next_word(st)
    return float(word >> _U11) * _TO_UNIT, st


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _uniform_open(st: State) -> tuple[float, State]:
    """A uniform double in (0, 1)."""
    u, st = uniform(st)
    return u + 0.5 * _TO_UNIT, st


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def normal(st: State) -> tuple[float, State]:
    """A standard normal variate by the ziggurat: one 64-bit word for ~99% of draws.

    The word gives the layer (8 bits), the sign (1 bit) and the abscissa (52 bits).
    """
    x = 0.0
    negative = False
    done = False
    while not done:
        word, st = _next_word(st)
        layer = int(word & _LOW8)
        negative = ((word >> _U8) & _ONE) == _ONE
        bits = (word >> _U12) & _LOW52
        x = float(bits) * _ZIG_WIDTH[layer]
        if bits < _ZIG_ACCEPT[layer]:
            done = True
        elif layer == 0:  # the tail beyond r (Marsaglia 1964)
            a = b = 0.0
            while b + b <= a * a:
                u1, st = _uniform_open(st)
                u2, st = _uniform_open(st)
                a = -math.log(u1) / _ZIG_R
                b = -math.log(u2)
            x = _ZIG_R + a
            done = True
        else:  # the wedge between the layer's rectangle and the curve
            u, st = uniform(st)
            y = _ZIG_HEIGHT[layer] + u * (_ZIG_HEIGHT[layer + 1] - _ZIG_HEIGHT[layer])
            done = y < math.exp(-0.5 * x * x)
    return (-x if negative else x), st


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _gamma_mt(st: State, shape: float) -> tuple[float, State]:
    """Marsaglia & Tsang for shape >= 1."""
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    result = -1.0
    while result < 0.0:
        x, st = normal(st)
        v = 1.0 + c * x
        if v > 0.0:
            v = v * v * v
            u, st = _uniform_open(st)
            x2 = x * x
            if u < 1.0 - 0.0331 * x2 * x2 or math.log(u) < 0.5 * x2 + d * (1.0 - v + math.log(v)):
                result = d * v
    return result, st


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def gamma(st: State, shape: float) -> tuple[float, State]:
    """A Gamma(shape, 1) variate; shape > 0."""
    boost = shape < 1.0
    g, st = _gamma_mt(st, shape + 1.0 if boost else shape)
    if boost:
        u, st = _uniform_open(st)
        g *= u ** (1.0 / shape)
    return g, st


@njit(cache=True, nogil=True, error_model="numpy")
def gamma_once(st: State, shape: float) -> tuple[float, State]:
    """:func:`gamma` behind a call, for places that draw a few gammas a sweep: every inlined
    copy of the sampler lengthens the first compilation by seconds."""
    return gamma(st, shape)


@njit(cache=True, nogil=True, error_model="numpy")
def log_gamma(st: State, shape: float) -> tuple[float, State]:
    """The log of a Gamma(shape, 1) variate, exact even where the variate underflows."""
    boost = shape < 1.0
    g, st = _gamma_mt(st, shape + 1.0 if boost else shape)
    lg = math.log(g)
    if boost:
        u, st = _uniform_open(st)
        lg += math.log(u) / shape
    return lg, st


@njit(cache=True, nogil=True, error_model="numpy")
def log_factorial(k: int) -> float:
    """log(k!) from a table below 256 and Stirling's series above (error < 1e-16)."""
    if k < _TABLE_SIZE:
        return float(_LOG_FACT[k])
    x = k + 1.0
    x2 = x * x
    return (
        (x - 0.5) * math.log(x)
        - x
        + _HALF_LOG_2PI
        + (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * x2)) / x2) / x
    )


@njit(cache=True, nogil=True, error_model="numpy")
def binomial_inversion(st: State, n: int, p: float) -> tuple[int, State]:
    """Inversion for small n p (p <= 1/2; used below a mean of 10-20): walk up from zero.

    The samplers are written with one exit and as few branches as possible: numba compiles
    early returns and extra branches here into code several times slower. (A uniform is
    capped at the last value, a rounding event of probability ~1e-16.)
    """
    u, st = uniform(st)
    x = 0
    q = 1.0 - p
    ratio = p / q
    a = (n + 1) * ratio
    px = q**n  # exponentiation by squaring: cheaper than exp(n log1p(-p)) at these sizes
    while u > px and x < n:
        u -= px
        x += 1
        px *= (a * _RECIPROCAL[x] if x < _TABLE_SIZE else a / x) - ratio
    return x, st


@njit(cache=True, nogil=True, error_model="numpy")
def binomial_btrs(st: State, n: int, p: float) -> tuple[int, State]:
    """Hörmann's BTRS for n p >= 10 (p <= 1/2)."""
    q = 1.0 - p
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - 4.2 / b
    # what only the (rare) full acceptance test needs is computed on first use
    ready = False
    alpha = odds = 0.0
    m = 0
    while True:
        u, st = uniform(st)
        v, st = uniform(st)
        u -= 0.5
        us = 0.5 - abs(u)
        k = int(math.floor((2.0 * a / us + b) * u + c))  # noqa: RUF046 (numba types it)
        if k < 0 or k > n:
            continue
        if us >= 0.07 and v <= v_r:
            return k, st
        if v <= 0.0:
            continue
        if not ready:
            alpha = (2.83 + 5.1 / b) * spq
            odds = p / q
            m = int(math.floor((n + 1) * p))  # noqa: RUF046 (numba types it)
            ready = True
        # accept when the hat's height at k, scaled to the mode, is under f(k) / f(m)
        height = v * alpha / (a / (us * us) + b)
        if abs(k - m) <= _RATIO_STEPS:
            # near the mode, f(k) / f(m) as a product of successive ratios
            # f(i) / f(i - 1) = (n - i + 1) / i * p / q: no logarithm needed
            lo, hi = (m, k) if k > m else (k, m)
            ratio = 1.0
            for i in range(lo + 1, hi + 1):
                ratio *= (n - i + 1) * odds / i
            if (height <= ratio) if k > m else (height * ratio <= 1.0):
                return k, st
        else:
            lv = math.log(height)
            h = log_factorial(m) + log_factorial(n - m)
            if lv <= h - log_factorial(k) - log_factorial(n - k) + (k - m) * math.log(odds):
                return k, st


@njit(cache=True, nogil=True, error_model="numpy")
def binomial(st: State, n: int, p: float) -> tuple[int, State]:
    """A Binomial(n, p) variate.

    Hot loops should branch themselves between :func:`binomial_inversion` (``n p < 10``) and
    :func:`binomial_btrs` (with ``p <= 1/2``): numba does not inline this wrapper, and the call
    costs more than a small draw.
    """
    if n <= 0 or p <= 0.0:
        return 0, st
    if p >= 1.0:
        return n, st
    flip = p > 0.5
    r = 1.0 - p if flip else p
    if n * r < 10.0:
        x, st = binomial_inversion(st, n, r)
    else:
        x, st = binomial_btrs(st, n, r)
    return (n - x if flip else x), st


@njit(cache=True, nogil=True, error_model="numpy")
def poisson(st: State, lam: float) -> tuple[int, State]:
    """A Poisson(lam) variate: multiplication below 10, Hörmann's PTRS above."""
    result = 0
    if 0.0 < lam < 10.0:
        limit = math.exp(-lam)
        prod, st = uniform(st)
        while prod > limit:
            result += 1
            u, st = uniform(st)
            prod *= u
    elif lam >= 10.0:
        slam = math.sqrt(lam)
        loglam = math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2.0)
        result = -1
        while result < 0:
            u, st = uniform(st)
            v, st = uniform(st)
            u -= 0.5
            us = 0.5 - abs(u)
            k = int(math.floor((2.0 * a / us + b) * u + lam + 0.43))  # noqa: RUF046
            if (us >= 0.07 and v <= vr) or (
                k >= 0
                and not (us < 0.013 and v > us)
                and v > 0.0
                and math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b)
                <= -lam + k * loglam - log_factorial(k)
            ):
                result = k
    return result, st

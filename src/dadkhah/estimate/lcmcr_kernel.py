"""The Gibbs sampler of the latent-class model, compiled with numba.

The model (Manrique-Vallier 2016) for N people, J lists and K latent classes::

    x_ij | z_i = k  ~ Bernoulli(lambda_jk)        independently over lists j
    z_i             ~ Categorical(pi)
    pi              ~ stick-breaking(alpha), truncated at K (V_K = 1)
    lambda_jk       ~ Beta(1, 1)
    alpha           ~ Gamma(a_alpha, rate b_alpha)
    p(N)            ∝ 1 / N

Only people with some x_ij = 1 are observed (n of them). One sweep draws, in order:

1. ``N0 = N - n | lambda, pi``: with the 1/N prior and the unseen's classes summed out, the
   posterior is Negative-Binomial(n, 1 - p0), where ``p0 = sum_k pi_k prod_j (1 - lambda_jk)`` is
   the probability of being missed by every list.
2. the classes of the observed: the ``n_c`` people of pattern ``c`` split over classes as
   Multinomial(n_c, w_c), ``w_ck ∝ pi_k prod_j lambda_jk^x_cj (1 - lambda_jk)^(1 - x_cj)``;
3. the classes of the ``N0`` unseen: Multinomial(N0, w_0), ``w_0k ∝ pi_k prod_j (1 - lambda_jk)``;
4. ``lambda_jk ~ Beta(1 + s_jk, 1 + n_k - s_jk)`` with ``n_k`` the people (seen and unseen) in
   class k and ``s_jk`` those of them on list j;
5. ``V_k ~ Beta(1 + n_k, alpha + sum_{h>k} n_h)`` for k < K, ``pi_k = V_k prod_{h<k} (1 - V_h)``;
6. ``alpha ~ Gamma(a_alpha + K - 1, rate b_alpha - sum_{k<K} log(1 - V_k))``.

Everything works on the table of patterns: a sweep costs O(patterns × K × J) whatever N is.
With few lists the class weights of all 2^J patterns are built from shared prefixes (the
products over lists 0..j-1 are common to every pattern that begins alike), which halves their
cost; with many lists, row by row. The
stick-breaking weights are kept in logs because ``1 - V_k`` underflows when alpha is small.

Steps 2-3 take most of a sweep. Each row's Multinomial(n_c, w_c) is drawn exactly, by whichever
of two equivalent ways costs less: a row of at most ``_ONE_BY_ONE`` people one person at a time
(a uniform each, placed among the row's cumulative weights by counting the ones it passes, which
compiles to compares without branches); a larger row by a head/tail split (see the loop), where
the few classes expected to get many people take conditional binomials and everything else is
drawn one person at a time as above. A mispredicted branch costs about as much as a uniform, so
the code counts rather than searches wherever it can.
Random numbers come from :mod:`dadkhah.estimate.variates`; each chain carries its own generator
state, so a chain is reproducible from its seed whichever thread runs it.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from dadkhah.estimate.variates import (
    State,
    binomial_btrs,
    binomial_inversion,
    gamma,
    gamma_once,
    log_gamma,
    poisson,
    uniform,
)

__all__ = ["TRACE_FIELDS", "run_chain"]

#: Columns of the trace that :func:`run_chain` returns, one row per kept draw.
TRACE_FIELDS = ("N", "alpha", "classes_used", "p_missed")

# a class joins a row's head when it is expected to get at least this many of its people
# (one-by-one draws cost ~3 ns a person, a binomial 30-100 ns: 8-30 measure alike)
_HEAD_SHARE = 12.0
# binomials with a mean below this are drawn by inversion, larger ones by BTRS
_INVERT_BELOW = 20.0
# rows with at most this many people are split one person at a time (40-70 measure alike)
_ONE_BY_ONE = 64
# below this, a pattern's summed class weight is recomputed in logs
_TINY = 1e-250
# weights by shared prefixes up to this many lists, and while 2^J is at most this many times the
# number of rows (more lists: row by row)
_PREFIX_MAX_LISTS = 12
_PREFIX_MAX_RATIO = 4
# the stick-breaking weights leave plain numbers for logs when the unbroken rest falls below this
_STICK_FLOOR = 1e-200
# in log_pi: "take the log of pi" (a class weight kept as a plain number; logs are <= 0)
_LOG_FROM_PI = 1.0


@njit(cache=True, nogil=True, error_model="numpy")
def _row_weights_in_logs(
    row: np.ndarray, factor: np.ndarray, pi: np.ndarray, log_pi: np.ndarray, out: np.ndarray
) -> None:
    """Class weights of one pattern computed in logs and scaled so the largest is 1."""
    n_lists, _, n_classes = factor.shape
    best = -np.inf
    for k in range(n_classes):
        lw = log_pi[k]
        if lw == _LOG_FROM_PI:
            lw = math.log(pi[k]) if pi[k] > 0.0 else -np.inf
        for j in range(n_lists):
            f = factor[j, row[j], k]
            lw += math.log(f) if f > 0.0 else -np.inf
        out[k] = lw
        best = max(best, lw)
    for k in range(n_classes):
        out[k] = math.exp(out[k] - best) if out[k] > -np.inf else 0.0


@njit(cache=True, nogil=True, error_model="numpy")
def run_chain(
    patterns: np.ndarray,
    counts: np.ndarray,
    n_classes: int,
    a_alpha: float,
    b_alpha: float,
    burn_in: int,
    n_draws: int,
    thin: int,
    st: State,
    weights_by_prefix: int = -1,
) -> np.ndarray:
    """Run one chain; return its trace, shape (n_draws, 4): N, alpha, classes used, p0.

    ``patterns`` (m×J, 0/1) and ``counts`` (m, all positive) are the rows of the table with
    people in them. ``st`` is the chain's generator state. ``weights_by_prefix`` chooses how
    the class weights of the patterns are computed: 1 for all 2^J patterns from shared prefixes,
    0 row by row, -1 (default) by the table's shape; both give the same numbers.

    The hot loops are written out in this one function on purpose: numba does not inline calls
    that take arrays, and their reference counting would cost more than the work.
    """
    n_pat, n_lists = patterns.shape
    n_rows = n_pat + 1  # row 0: the unseen (all-zero pattern)
    rows = np.zeros((n_rows, n_lists), dtype=np.int64)
    rows[1:, :] = patterns
    people = np.zeros(n_rows, dtype=np.int64)
    people[1:] = counts
    n_obs = 0
    for c in range(n_pat):
        n_obs += counts[c]
    # with few lists, weights are computed for all 2^J patterns by shared prefixes (slot[c]:
    # row c's pattern as a binary number, list 0 first); with many, row by row
    if weights_by_prefix < 0:
        by_prefix = n_lists <= _PREFIX_MAX_LISTS and (1 << n_lists) <= _PREFIX_MAX_RATIO * n_rows
    else:
        by_prefix = weights_by_prefix > 0
    prefix = np.empty(((1 << n_lists) if by_prefix else 1, n_classes))
    slot = np.zeros(n_rows, dtype=np.int64)
    for c in range(n_rows):
        for j in range(n_lists):
            slot[c] = 2 * slot[c] + rows[c, j]
    # on_list[j, :on_count[j]]: the rows whose people list j saw
    on_list = np.zeros((n_lists, n_rows), dtype=np.int64)
    on_count = np.zeros(n_lists, dtype=np.int64)
    for c in range(n_rows):
        for j in range(n_lists):
            if rows[c, j]:
                on_list[j, on_count[j]] = c
                on_count[j] += 1

    # factor[j, x, k]: probability that list j does (x=1) or does not (x=0) see class k
    factor = np.empty((n_lists, 2, n_classes))
    pi = np.empty(n_classes)
    log_pi = np.empty(n_classes)
    weights = np.empty((n_rows, n_classes))
    row_total = np.empty(n_rows)
    order = np.arange(n_classes)
    head = np.empty(n_classes, dtype=np.int64)
    tail_cls = np.empty(n_classes, dtype=np.int64)
    cum = np.empty(n_classes)
    allocation = np.zeros((n_rows, n_classes), dtype=np.int64)
    n_k = np.zeros(n_classes, dtype=np.int64)
    s_jk = np.zeros((n_lists, n_classes), dtype=np.int64)

    # start: lambda from its prior, alpha at its prior mean (at most 1)
    for j in range(n_lists):
        for k in range(n_classes):
            u, st = uniform(st)
            u = min(max(u, 1e-12), 1.0 - 1e-12)
            factor[j, 1, k] = u
            factor[j, 0, k] = 1.0 - u
    # class weights start as a stick broken in halves (1/2, 1/4, ...), the last class holding
    # the rest; equal weights let the chain settle with the big class last, where the
    # truncated prior then holds alpha high, a trap the Gibbs moves leave very slowly
    log_half = math.log(0.5)
    for k in range(n_classes):
        log_pi[k] = (k + 1) * log_half if k < n_classes - 1 else (n_classes - 1) * log_half
        pi[k] = math.exp(log_pi[k])
    alpha = min(a_alpha / b_alpha, 1.0)

    trace = np.empty((n_draws, 4))
    total_iter = burn_in + n_draws * thin
    kept = 0
    for it in range(total_iter):
        # class weights of every row: w_ck = pi_k prod_j P(x_cj | class k)
        if by_prefix:
            # every pattern's weights from its prefix's: the products over lists 0..j-1 are
            # shared by all patterns that begin alike, 2^(J+1) row products in all (the same
            # products, in the same order, as row by row)
            for k in range(n_classes):
                prefix[0, k] = pi[k]
            width = 1
            for j in range(n_lists):
                for q in range(width - 1, -1, -1):  # in place: write 2q and 2q+1 after reading q
                    for k in range(n_classes):
                        v = prefix[q, k]
                        prefix[2 * q + 1, k] = v * factor[j, 1, k]
                        prefix[2 * q, k] = v * factor[j, 0, k]
                width *= 2
            for c in range(n_rows):
                src = slot[c]
                for k in range(n_classes):
                    weights[c, k] = prefix[src, k]
        else:
            for c in range(n_rows):
                for k in range(n_classes):
                    weights[c, k] = pi[k]
                for j in range(n_lists):  # classes innermost: contiguous memory
                    x = rows[c, j]
                    for k in range(n_classes):
                        weights[c, k] *= factor[j, x, k]
        for c in range(n_rows):
            total = 0.0
            for k in range(n_classes):
                total += weights[c, k]
            if total < _TINY:
                _row_weights_in_logs(rows[c], factor, pi, log_pi, weights[c])
                total = 0.0
                for k in range(n_classes):
                    total += weights[c, k]
                row_total[c] = -total  # negative: scaled, not a probability
            else:
                row_total[c] = total

        # 1. the number unseen, their classes summed out: Negative-Binomial(n, 1 - p0), drawn as
        #    Poisson(Gamma(n) p0 / (1 - p0))
        p0 = max(row_total[0], 0.0)
        p0 = min(p0, 1.0 - 1e-15)
        g, st = gamma_once(st, float(n_obs))
        n0, st = poisson(st, g * (p0 / (1.0 - p0)))
        people[0] = n0

        # 2-3. split each row's people over the classes (largest classes first)
        for k in range(n_classes):  # insertion sort of the classes by weight, largest first
            pos = k
            while pos > 0 and pi[order[pos - 1]] < pi[k]:
                order[pos] = order[pos - 1]
                pos -= 1
            order[pos] = k
        for c in range(n_rows):
            for k in range(n_classes):
                allocation[c, k] = 0
            n = people[c]
            if n == 0:
                continue
            total = abs(row_total[c])
            if n <= _ONE_BY_ONE:
                # a small row: each person's class from one uniform, placed among the row's
                # cumulative class weights by counting (no branches to mispredict); for a few
                # people this costs less than the binomials below
                acc = 0.0
                last = 0
                for k in range(n_classes):
                    acc += weights[c, k]
                    cum[k] = acc
                    last = k if weights[c, k] > 0.0 else last
                for _ in range(n):
                    u, st = uniform(st)
                    u *= acc
                    k = 0
                    for pos in range(last):  # zero-weight classes have empty intervals
                        k += u >= cum[pos]
                    allocation[c, k] += 1
                continue
            # Split the classes into a head, each expected to get at least _HEAD_SHARE of the
            # row's people, and a tail. Multinomial(n, w) is drawn exactly as: the number in
            # the tail ~ Binomial(n, tail weight); the rest over the head by conditional
            # binomials; the tail's people one by one. Binomials are the costly draws and the
            # head holds one to three classes, so this needs far fewer of them than one per
            # class. The sorting into head and tail is written without branches too.
            cut = _HEAD_SHARE * total / n
            n_head = 0
            n_tail = 0
            head_w = 0.0
            tail_w = 0.0
            for pos in range(n_classes):
                # without branches: which side a class falls on is unpredictable, and a
                # mispredicted branch costs more than the two stores
                k = order[pos]
                w = weights[c, k]
                is_head = w >= cut
                is_tail = (w > 0.0) and not is_head
                head[n_head] = k
                tail_cls[n_tail] = k
                head_w += w if is_head else 0.0
                tail_w += w if is_tail else 0.0
                cum[n_tail] = tail_w
                n_head += is_head
                n_tail += is_tail
            if n_head == 0:
                in_tail = n
            elif n_tail == 0:
                in_tail = 0
            else:
                p = tail_w / (head_w + tail_w)
                if n * p < _INVERT_BELOW:
                    in_tail, st = binomial_inversion(st, n, p)
                else:
                    in_tail, st = binomial_btrs(st, n, p)
            remaining = n - in_tail
            if remaining > 0:
                left_w = head_w
                for pos in range(n_head - 1):
                    k = head[pos]
                    w = weights[c, k]
                    p = w / left_w
                    left_w -= w
                    if p >= 1.0:  # only by rounding: the later head classes weigh nothing
                        allocation[c, k] += remaining
                        remaining = 0
                        break
                    flip = p > 0.5
                    r = 1.0 - p if flip else p
                    if remaining * r < _INVERT_BELOW:
                        x, st = binomial_inversion(st, remaining, r)
                    else:
                        x, st = binomial_btrs(st, remaining, r)
                    if flip:
                        x = remaining - x
                    allocation[c, k] += x
                    remaining -= x
                    if remaining == 0:
                        break
                if remaining > 0:  # the last head class (or the one rounding stopped at)
                    for pos in range(n_head - 1, -1, -1):
                        k = head[pos]
                        if weights[c, k] > 0.0:
                            allocation[c, k] += remaining
                            break
            for _ in range(in_tail):
                # one by one: a uniform each, its class the number of the tail's cumulative
                # weights it passes
                u, st = uniform(st)
                u *= tail_w
                pos = 0
                for i in range(n_tail - 1):
                    pos += u >= cum[i]
                allocation[c, tail_cls[pos]] += 1

        # the classes' sizes and their people on each list, summed over the rows
        for k in range(n_classes):
            n_k[k] = 0
        for c in range(n_rows):
            for k in range(n_classes):
                n_k[k] += allocation[c, k]
        for j in range(n_lists):
            for k in range(n_classes):
                s_jk[j, k] = 0
            for i in range(on_count[j]):
                c = on_list[j, i]
                for k in range(n_classes):
                    s_jk[j, k] += allocation[c, k]

        # 4. list coverage of each class: Beta(1 + s_jk, 1 + n_k - s_jk), as two gammas
        for k in range(n_classes):
            for j in range(n_lists):
                if n_k[k] == 0:  # Beta(1, 1): a uniform
                    u, st = uniform(st)
                    g1 = max(u, 1e-300)
                    g2 = max(1.0 - u, 1e-300)
                else:
                    g1, st = gamma(st, 1.0 + s_jk[j, k])
                    g2, st = gamma(st, 1.0 + n_k[k] - s_jk[j, k])
                tot = g1 + g2
                factor[j, 1, k] = g1 / tot
                factor[j, 0, k] = g2 / tot

        # 5. stick-breaking weights: V_k = G1 / (G1 + G2), pi_k = V_k prod_{h<k} (1 - V_h);
        #    kept as plain numbers while the unbroken rest of the stick is safely above
        #    underflow (one logarithm a sweep), in logs beyond that point
        later = 0
        for k in range(n_classes):
            later += n_k[k]
        rest = 1.0  # prod_{h<k} (1 - V_h), while in plain numbers
        log_rest = 0.0  # its log, once in logs
        in_logs = False
        for k in range(n_classes - 1):
            later -= n_k[k]
            shape2 = alpha + later
            if not in_logs and shape2 >= 1.0 and rest > _STICK_FLOOR:
                # both gammas have shape >= 1, so neither underflows
                g1, st = gamma_once(st, 1.0 + n_k[k])
                g2, st = gamma_once(st, shape2)
                tot = g1 + g2
                pi[k] = rest * (g1 / tot)
                log_pi[k] = _LOG_FROM_PI
                rest *= g2 / tot
            else:  # G2 may underflow (small alpha, no one later) or the rest is tiny: logs
                if not in_logs:
                    log_rest = math.log(rest)
                    in_logs = True
                lg1, st = log_gamma(st, 1.0 + n_k[k])
                lg2, st = log_gamma(st, shape2)
                top = max(lg1, lg2)
                lsum = top + math.log(math.exp(lg1 - top) + math.exp(lg2 - top))
                log_pi[k] = log_rest + lg1 - lsum
                pi[k] = math.exp(log_pi[k])
                log_rest += lg2 - lsum
        if not in_logs:
            log_rest = math.log(rest)
        log_pi[n_classes - 1] = log_rest
        pi[n_classes - 1] = math.exp(log_rest)

        # 6. concentration; log_rest = sum_{k<K} log(1 - V_k)
        g, st = gamma_once(st, a_alpha + n_classes - 1.0)
        alpha = max(g / (b_alpha - log_rest), 1e-300)

        if it >= burn_in and (it - burn_in + 1) % thin == 0:
            used = 0
            for k in range(n_classes):
                if n_k[k] > 0:
                    used += 1
            trace[kept, 0] = n_obs + n0
            trace[kept, 1] = alpha
            trace[kept, 2] = used
            trace[kept, 3] = p0
            kept += 1
    return trace

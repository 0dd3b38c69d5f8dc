"""Who each list captures: heterogeneous, dependent capture, and the capture-history table.

For person *i* and list *k*::

    logit P(i on k) = a_k + b_k * prominence_i + affiliation effect + province effect
                      + prison effect + female effect + sum over earlier lists j copied by k
                        of c_kj * [i on j]

``a_k`` is solved so that the mean capture probability equals the list's ``coverage``. The shared
latent prominence makes lists positively dependent; affiliation, region and prison effects make
capture heterogeneous in ways an estimator may or may not see; ``copies_from`` models a list
compiled partly from another.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from dadkhah.simulate.population import AFFILIATION_CODES, GROUP_OF_CODE, Population, stream
from dadkhah.simulate.settings import ListSettings, SimulationSettings
from dadkhah.simulate.vocabulary import Vocabulary

__all__ = ["CaptureSample", "capture_matrix", "capture_table", "solve_intercept"]

# With more lists than this, the table lists only the patterns observed (2^K rows get too many).
MAX_FULL_TABLE_LISTS = 12


class CaptureSample(NamedTuple):
    """True capture histories, aggregated: what an estimator sees, and the answer."""

    lists: tuple[str, ...]
    patterns: np.ndarray  # (rows, K) 0/1, first list most significant, all-zero row absent
    counts: np.ndarray  # (rows,) people with each pattern
    n_true: int

    def to_frame(self) -> pd.DataFrame:
        """The table as the estimators read it: one 0/1 column per list, then ``count``."""
        frame = pd.DataFrame(self.patterns, columns=list(self.lists))
        frame["count"] = self.counts
        return frame


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=float)


def solve_intercept(eta: np.ndarray, coverage: float) -> float:
    """The ``a`` with ``mean(sigmoid(a + eta)) == coverage`` (bisection; the mean is monotone)."""
    lo, hi = -30.0, 30.0
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if float(_sigmoid(mid + eta).mean()) < coverage:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def _linear_predictor(
    item: ListSettings,
    pop: Population,
    vocab: Vocabulary,
    captured: np.ndarray,
    names: tuple[str, ...],
) -> np.ndarray:
    eta = item.prominence * pop.prominence
    aff = np.array(
        [
            item.affiliation_effects.get(code, item.affiliation_effects.get(group, 0.0))
            for code, group in zip(AFFILIATION_CODES, GROUP_OF_CODE, strict=True)
        ]
    )
    eta = eta + aff[pop.affiliation]
    if item.province_effects:
        prov = np.array([item.province_effects.get(c.province, 0.0) for c in vocab.cities])
        eta = eta + prov[pop.city]
    if item.prison_effects:
        pris = np.array([item.prison_effects.get(p.latin, 0.0) for p in vocab.prisons])
        eta = eta + pris[pop.prison]
    eta = eta + item.female_effect * pop.female
    for other, shift in item.copies_from.items():
        eta = eta + shift * captured[:, names.index(other)]
    return np.asarray(eta, dtype=float)


def capture_matrix(settings: SimulationSettings, vocab: Vocabulary, pop: Population) -> np.ndarray:
    """``(n_persons, K)`` booleans: who is on which list. Each list draws from its own stream."""
    names = tuple(item.name for item in settings.lists)
    captured = np.zeros((pop.n, len(names)), dtype=bool)
    for k, item in enumerate(settings.lists):
        eta = _linear_predictor(item, pop, vocab, captured, names)
        a = solve_intercept(eta, item.coverage)
        rng = stream(settings.seed, 2, k)
        captured[:, k] = rng.random(pop.n) < _sigmoid(a + eta)
    return captured


def capture_table(captured: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Patterns and counts in the capture-table format (first list most significant).

    Every non-zero pattern is listed (count 0 where nobody had it), unless there are more than
    ``MAX_FULL_TABLE_LISTS`` lists, when only the observed patterns are.
    """
    k = captured.shape[1]
    weights = 1 << np.arange(k - 1, -1, -1, dtype=np.int64)
    index = captured.astype(np.int64) @ weights
    if k <= MAX_FULL_TABLE_LISTS:
        codes = np.arange(1, 1 << k, dtype=np.int64)
        counts = np.bincount(index, minlength=1 << k)[1:]
    else:
        codes, counts = np.unique(index[index > 0], return_counts=True)
    patterns = ((codes[:, None] & weights[None, :]) > 0).astype(np.int8)
    return patterns, counts.astype(np.int64)

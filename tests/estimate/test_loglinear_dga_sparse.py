"""Sparse and awkward tables: every model either gives a number or says clearly why not.

Covers the log-linear models and dga (the same random tables serve both).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from dadkhah.errors import EstimationError
from dadkhah.estimate.dga import Dga, SaturatedGraphWarning
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.loglinear import LogLinear
from dadkhah.estimate.loglinear_models import NAMED_MODELS


def random_sparse_tables(count: int, seed: int) -> list[CaptureHistories]:
    rng = np.random.default_rng(seed)
    tables: list[CaptureHistories] = []
    while len(tables) < count:
        n_lists = int(rng.integers(3, 5))
        codes = np.arange(1, 1 << n_lists)
        patterns = (codes[:, None] >> np.arange(n_lists - 1, -1, -1)) & 1
        rates = rng.gamma(0.5, 20.0, size=codes.size) * (rng.random(codes.size) < 0.6)
        try:
            tables.append(
                CaptureHistories(
                    tuple(f"L{j}" for j in range(n_lists)), patterns, rng.poisson(rates)
                )
            )
        except EstimationError:
            continue
    return tables


@pytest.mark.parametrize("table", random_sparse_tables(6, seed=11))
def test_models_on_sparse_tables_give_a_number_or_a_clear_error(table: CaptureHistories) -> None:
    # pytest turns warnings into errors here: numerical trouble must not leak as numpy warnings
    for model in (*NAMED_MODELS, "best-bic"):
        try:
            est = LogLinear(model).fit(table)
        except EstimationError as e:
            assert str(e)
            continue
        assert math.isfinite(est.estimate)
        assert est.lower <= est.upper
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SaturatedGraphWarning)
        bma = Dga(seed=1, draws=100).fit(table)
    assert table.observed <= bma.lower <= bma.estimate <= bma.upper

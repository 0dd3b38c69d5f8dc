"""Properties of the log-linear estimator on random three-list tables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dadkhah.errors import EstimationError
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.loglinear import LogLinear

PATTERNS = np.array(
    [[0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]], dtype=np.uint8
)

counts = st.lists(st.integers(min_value=1, max_value=400), min_size=7, max_size=7)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    counts=counts,
    model=st.sampled_from(["M0", "Mt", "Mth-chao", "best-bic"]),
    order=st.permutations([0, 1, 2]),
)
def test_estimate_at_least_observed_and_list_order_free(
    counts: list[int], model: str, order: list[int]
) -> None:
    h = CaptureHistories(("A", "B", "C"), PATTERNS, np.array(counts))
    try:
        est = LogLinear(model).fit(h)
    except EstimationError:
        return
    assert est.estimate >= h.observed
    assert est.lower <= est.estimate + 1e-6
    permuted = h.reorder([h.lists[i] for i in order])
    again = LogLinear(model).fit(permuted)
    assert again.estimate == pytest.approx(est.estimate, rel=1e-6)

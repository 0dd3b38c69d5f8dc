"""Properties of dga on random three-list tables."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.estimate.dga import Dga, SaturatedGraphWarning
from dadkhah.estimate.histories import CaptureHistories

PATTERNS = np.array(
    [[0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]], dtype=np.uint8
)


@settings(max_examples=20, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=1, max_value=300), min_size=7, max_size=7),
    order=st.permutations([0, 1, 2]),
)
def test_posterior_is_above_observed_and_list_order_free(
    counts: list[int], order: list[int]
) -> None:
    h = CaptureHistories(("A", "B", "C"), PATTERNS, np.array(counts))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SaturatedGraphWarning)
        est = Dga(seed=0, draws=50).fit(h)
        again = Dga(seed=0, draws=50).fit(h.reorder([h.lists[i] for i in order]))
    assert h.observed <= est.lower <= est.estimate <= est.upper
    assert (again.estimate, again.lower, again.upper) == (est.estimate, est.lower, est.upper)
    probs = [c.weight for c in est.runners_up]
    assert all(p is not None for p in probs)
    assert sum(p for p in probs if p is not None) <= 1.0 + 1e-9

"""Properties that hold for any seed and size."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.simulate import scenario_1988, simulate_captures, simulate_case


@settings(max_examples=8, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=300), seed=st.integers(0, 2**32 - 1), k=st.integers(1, 7)
)
def test_truth_is_consistent_for_any_seed_and_size(n: int, seed: int, k: int) -> None:
    sim = simulate_case(scenario_1988(n, seed, k))
    assert len(sim.persons) == n == sim.captured.shape[0]
    assert sim.captured.shape[1] == k
    for j, name in enumerate(sim.list_names):
        frame = sim.lists[name]
        rows = sim.truth[sim.truth["list"] == name]
        assert list(rows["record_id"]) == list(frame["record_id"])
        on_list = set(rows["person_id"])
        expected = set(sim.persons.loc[sim.captured[:, j], "person_id"])
        assert on_list == expected
    captures = sim.captures()
    assert int(captures["count"].sum()) == int(sim.captured.any(axis=1).sum())


@pytest.mark.slow
def test_thirty_thousand_victims_in_seconds() -> None:
    started = time.perf_counter()
    sim = simulate_case(scenario_1988(30_000, 1))
    assert time.perf_counter() - started < 20
    assert sum(len(f) for f in sim.lists.values()) > 30_000
    fast = simulate_captures(30_000, 1)
    np.testing.assert_array_equal(fast.counts, sim.captures()["count"].to_numpy())

"""Decomposable-graph model averaging: known answers from R's dga 2.0.2."""

from __future__ import annotations

import json

import numpy as np
import pytest
from ll_dga_tables import hare, kosovo, my3

from dadkhah.errors import DadkhahWarning, EstimationError
from dadkhah.estimate import get_estimator
from dadkhah.estimate.dga import Dga, SaturatedGraphWarning
from dadkhah.estimate.dga_posterior import rissanen_log_prior
from dadkhah.estimate.graphs import decomposable_graphs
from dadkhah.estimate.histories import CaptureHistories


def test_graph_counts_match_dga_lists() -> None:
    assert [len(decomposable_graphs(p)) for p in (3, 4, 5)] == [8, 61, 822]
    four_cycle = frozenset({(0, 1), (1, 2), (2, 3), (0, 3)})
    assert all(g.edges != four_cycle for g in decomposable_graphs(4))
    for g in decomposable_graphs(5):
        assert g.components >= 1
        # every separator lies in at least two cliques
        assert all(sum(1 for c in g.cliques if s & c == s) >= 2 for s in g.separators)
    assert decomposable_graphs(4)[-1].saturated


def test_kosovo_default_delta_matches_dga() -> None:
    est = Dga(seed=1).fit(kosovo())
    assert est.estimate == 12595
    assert est.lower == 9827
    assert est.upper == 16544
    assert est.diagnostics["top_graph"] == "[123,134]"
    assert est.diagnostics["top_graph_probability"] == pytest.approx(0.986, abs=0.002)
    assert est.interval_kind == "equal-tailed credible"
    assert est.runners_up[0].model == "[123,134]"
    assert est.runners_up[0].weight == pytest.approx(0.986, abs=0.002)
    assert est.draws is not None
    assert np.median(est.draws) == pytest.approx(est.estimate, rel=0.01)
    assert est.seconds < 5.0


def test_kosovo_is_sensitive_to_delta_as_in_dga() -> None:
    half = Dga(delta=0.5, seed=1).fit(kosovo())
    assert half.estimate == 11319
    with pytest.warns(SaturatedGraphWarning):
        one = Dga(delta=1.0, seed=1).fit(kosovo())
    assert one.estimate == 4616
    assert any("saturated" in w for w in one.warnings)
    assert issubclass(SaturatedGraphWarning, DadkhahWarning)


def test_my3_matches_dga_help_page() -> None:
    est = Dga(seed=3).fit(my3())
    assert est.estimate == 731
    assert est.diagnostics["mode"] == pytest.approx(728, abs=1)
    assert est.diagnostics["bayes_estimate"] == pytest.approx(731, abs=1)
    assert (est.lower, est.upper) == (694, 787)
    assert est.diagnostics["top_graph"] == "[23,1]"


def test_estimate_describes_itself_and_is_reproducible() -> None:
    h = my3()
    est = get_estimator("dga", seed=7).fit(h)
    data = est.to_dict()
    json.dumps(data)
    assert data["method"] == "dga"
    assert data["settings"]["prior"] == "1/N"
    assert data["seed"] == 7
    assert data["input_sha256"] == h.sha256
    assert data["diagnostics"]["delta"] == 2.0**-3
    posterior = data["diagnostics"]["posterior"]
    assert sum(posterior["probability"]) == pytest.approx(1.0, abs=1e-4)
    again = get_estimator("dga", seed=7).fit(h)
    assert again.draws is not None and est.draws is not None
    assert np.array_equal(again.draws, est.draws)


def test_rissanen_prior_is_selectable_and_decreasing() -> None:
    values = rissanen_log_prior(np.array([10.0, 100.0, 1000.0]))
    assert values[0] > values[1] > values[2]
    est = Dga(prior="rissanen", seed=1).fit(my3())
    assert est.estimate == pytest.approx(731, abs=3)
    assert est.settings["prior"] == "rissanen"


def test_lists_out_of_range_are_refused() -> None:
    with pytest.raises(EstimationError, match="3 to 5 lists"):
        Dga().fit(hare())
    two = CaptureHistories(("A", "B"), np.array([[0, 1], [1, 0], [1, 1]]), np.array([3, 2, 1]))
    with pytest.raises(EstimationError, match="3 to 5 lists"):
        Dga().fit(two)


@pytest.mark.parametrize(
    "kwargs", [{"delta": 0}, {"delta": -1.0}, {"prior": "jeffreys"}, {"level": 0.0}]
)
def test_bad_settings_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(EstimationError):
        Dga(**kwargs)  # type: ignore[arg-type]


def test_list_order_does_not_change_the_posterior() -> None:
    h = kosovo()
    a = Dga(seed=1).fit(h)
    b = Dga(seed=1).fit(h.reorder(["HRW", "EXH", "OSCE", "ABA"]))
    assert a.estimate == b.estimate
    assert (a.lower, a.upper) == (b.lower, b.upper)
    assert b.diagnostics["top_graph_probability"] == pytest.approx(
        a.diagnostics["top_graph_probability"], rel=1e-9
    )


def test_heavy_tail_is_followed_past_twenty_times_the_observed() -> None:
    """Lists that barely overlap leave a heavy right tail: the grid follows it (sparse far
    out) until the tail beyond is negligible, and agrees with a grid of every integer."""
    table = CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"100": 300, "010": 280, "001": 260, "110": 6, "101": 40, "011": 38, "111": 9},
    )
    with pytest.warns(SaturatedGraphWarning):
        auto = Dga(delta=0.25, seed=1).fit(table)
    far = auto.diagnostics["grid_missing"][1]
    assert auto.upper > 20 * table.observed  # beyond where the grid used to stop
    with pytest.warns(SaturatedGraphWarning):
        dense = Dga(delta=0.25, seed=1, max_missing=far).fit(table)
    assert auto.estimate == dense.estimate
    assert auto.lower == dense.lower
    assert abs(auto.upper - dense.upper) / dense.upper < 1e-3

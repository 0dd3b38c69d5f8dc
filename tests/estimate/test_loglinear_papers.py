"""Hierarchical log-linear models against the published results Rcapture's own tests check."""

from __future__ import annotations

import pytest
from ll_dga_tables import (
    CORMACK_3,
    CORMACK_4,
    DARROCH_R3,
    DIABETES,
    from_rcapture_order,
    hare,
)

from dadkhah.estimate.loglinear import LogLinear

THREE = ("E1", "E2", "E3")
FOUR = ("L1", "L2", "L3", "L4")


@pytest.mark.parametrize(
    ("counts", "names", "model", "abundance", "std_error", "deviance", "df"),
    [
        # Rivest (2011), Darroch et al. (1993) R3 data
        (DARROCH_R3, THREE, "[12,13,23]", 1240, 451, None, 0),
        (DARROCH_R3, THREE, "[12,23]", 850, 186, 3.8, 1),
        # Rivest (2011), diabetes data of Bruno et al. (1994)
        (DIABETES, FOUR, "[12,13,23,24,34]", 2771, 145, 7.62, 5),
        (DIABETES, FOUR, "[13,24,34]", 2472, 53, 21.97, 7),
        # Cormack, Chang and Smith (2000), tables 3a and 3b
        (CORMACK_4, FOUR, "Mt", 215, None, 87.1, 10),
        (CORMACK_4, FOUR, "[34,1,2]", 215, None, None, 9),
        (CORMACK_4, FOUR, "[13,34,2]", None, None, 7.7, 8),
        (CORMACK_4, FOUR, "[12,13,34]", 218, None, 2.6, 7),
        (CORMACK_3, THREE, "Mt", 209, None, 75.1, 3),
        (CORMACK_3, THREE, "[23,1]", None, None, 1.2, 2),
        (CORMACK_3, THREE, "[13,23]", 233, None, None, 1),
    ],
)
def test_published_models(
    counts: list[int],
    names: tuple[str, ...],
    model: str,
    abundance: float | None,
    std_error: float | None,
    deviance: float | None,
    df: int,
) -> None:
    est = LogLinear(model).fit(from_rcapture_order(names, counts))
    if abundance is not None:
        assert round(est.estimate) == abundance
    if std_error is not None:
        assert est.std_error is not None and round(est.std_error) == std_error
    if deviance is not None:
        digits = len(str(deviance).split(".")[1])
        assert round(est.diagnostics["deviance"], digits) == deviance
    assert est.diagnostics["df"] == df


@pytest.mark.parametrize(
    ("counts", "model", "lower", "upper"),
    [
        (CORMACK_3, "Mt", 203, 217),
        (CORMACK_3, "[23,1]", 210, None),
        (CORMACK_3, "[13,23]", 204, None),
    ],
)
def test_published_profile_bounds(
    counts: list[int], model: str, lower: int, upper: int | None
) -> None:
    est = LogLinear(model).fit(from_rcapture_order(THREE, counts))
    assert round(est.lower) == lower
    if upper is not None:
        assert round(est.upper) == upper


def test_saturated_four_list_pairwise_model_runs_away() -> None:
    # Cormack (2000) table 3a: with every pairwise interaction the estimate exceeds a million
    est = LogLinear("[12,13,14,23,24,34]").fit(from_rcapture_order(FOUR, CORMACK_4))
    assert est.estimate > 1_000_000
    assert round(est.diagnostics["deviance"], 1) == 1.3
    assert est.diagnostics["df"] == 4


@pytest.mark.parametrize("model", ["M0", "Mt"])
def test_hare_profile_lower_bound_as_agresti_1994(model: str) -> None:
    est = LogLinear(model).fit(hare())
    assert round(est.estimate) == 75
    assert round(est.lower) == 69

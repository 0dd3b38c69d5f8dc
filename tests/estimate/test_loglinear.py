"""Log-linear models: known answers from R's Rcapture 1.4-4 (../shared/data/mse/README.md)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from ll_dga_tables import hare, kosovo, my3

from dadkhah.errors import EstimationError
from dadkhah.estimate import get_estimator
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.loglinear import LogLinear
from dadkhah.estimate.loglinear_models import (
    NAMED_MODELS,
    enumerate_hierarchical,
    hierarchical_name,
    parse_hierarchical,
)


def four_digits(value: float, expected: float) -> bool:
    """Equal to four significant digits."""
    digits = 3 - math.floor(math.log10(abs(expected)))
    return round(value, digits) == round(expected, digits)


# Rcapture closedp.t on kosovo.csv: abundance (standard error)
KOSOVO_CLOSEDP = {
    "M0": (7608.4, 136.6),
    "Mt": (7394.6, 129.6),
    "Mh-chao": (8787.2, 222.6),
    "Mh-poisson2": (9403.0, 310.9),
    "Mh-darroch": (12448.4, 778.0),
    "Mth-chao": (8591.2, 213.5),
    "Mth-poisson2": (9327.8, 306.3),
    "Mth-darroch": (12797.3, 814.8),
    "Mb": (5189.7, 62.9),
}


@pytest.mark.parametrize("model", sorted(KOSOVO_CLOSEDP))
def test_kosovo_named_models_match_rcapture(model: str) -> None:
    est = LogLinear(model).fit(kosovo())
    abundance, se = KOSOVO_CLOSEDP[model]
    assert four_digits(est.estimate, abundance), (model, est.estimate)
    assert est.std_error is not None
    assert est.std_error == pytest.approx(se, abs=0.06)
    assert est.model == model
    assert est.lower <= est.estimate <= est.upper


def test_kosovo_best_bic_matches_rcapture_with_runner_up() -> None:
    est = LogLinear("best-bic").fit(kosovo())
    assert est.model == "[123,14,34]"
    assert four_digits(est.estimate, 10356.5)
    assert est.interval_kind == "profile likelihood"
    assert est.interval_prob == 0.95
    assert round(est.lower) == 8994
    assert round(est.upper) == 12110
    runner = est.runners_up[0]
    assert runner.model == "[123,134]"
    assert round(runner.estimate) == 12741
    assert runner.lower is not None and runner.upper is not None
    assert runner.lower < runner.estimate < runner.upper
    assert runner.criteria["delta_bic"] == pytest.approx(0.08, abs=0.005)
    assert est.diagnostics["models_compared"] == 113
    assert any("fragile" in w for w in est.warnings)


def test_kosovo_best_aic_among_named_is_mth_chao_with_its_interval() -> None:
    est = LogLinear("Mth-chao").fit(kosovo())
    assert est.diagnostics["best_aic_named"] == "Mth-chao"
    assert round(est.lower) == 8189
    assert round(est.upper) == 9027
    assert est.diagnostics["eta_set_to_zero"] == ["eta4"]
    # the comparison lists the other closedp models with their criteria
    assert {c.model for c in est.runners_up} <= set(NAMED_MODELS) - {"Mth-chao"}
    assert all("aic" in c.criteria for c in est.runners_up)


# Rcapture closedp.t(hare), from the package's own example output:
# abundance, standard error, deviance, residual df, AIC
HARE_CLOSEDP = {
    "M0": (75.4, 3.5, 68.516, 61, 154.707),
    "Mt": (75.1, 3.4, 58.314, 56, 154.505),
    "Mh-chao": (79.8, 6.4, 58.023, 58, 150.214),
    "Mh-poisson2": (81.5, 5.7, 59.107, 60, 147.298),
    "Mh-darroch": (90.4, 11.6, 61.600, 60, 149.791),
    "Mh-gamma3.5": (100.6, 21.7, 62.771, 60, 150.961),
    "Mth-chao": (79.6, 6.3, 47.115, 52, 151.305),
    "Mth-poisson2": (81.1, 5.6, 48.137, 55, 146.327),
    "Mth-darroch": (90.5, 11.7, 50.706, 55, 148.896),
    "Mth-gamma3.5": (101.6, 22.4, 51.956, 55, 150.147),
    "Mb": (81.1, 8.3, 67.027, 60, 155.217),
    "Mbh": (74.2, 14.6, 63.257, 59, 153.447),
}


@pytest.mark.parametrize("model", NAMED_MODELS)
def test_hare_every_named_model_matches_rcapture(model: str) -> None:
    est = LogLinear(model).fit(hare())
    abundance, se, deviance, df, aic = HARE_CLOSEDP[model]
    assert round(est.estimate, 1) == abundance
    assert est.std_error is not None and round(est.std_error, 1) == se
    assert round(est.diagnostics["deviance"], 3) == pytest.approx(deviance, abs=0.0011)
    assert est.diagnostics["df"] == df
    assert round(est.diagnostics["aic"], 3) == pytest.approx(aic, abs=0.0011)


def test_hare_mth_poisson2_profile_interval_and_aic() -> None:
    est = LogLinear("Mth-poisson2").fit(hare())
    assert round(est.lower, 1) == 71.8
    assert round(est.upper, 1) == 93.8
    assert est.std_error == pytest.approx(5.6, abs=0.05)
    assert round(est.diagnostics["aic"], 1) == 146.3
    assert est.diagnostics["best_aic_named"] == "Mth-poisson2"


def test_my3_best_bic_matches_rcapture() -> None:
    est = LogLinear().fit(my3())
    assert est.model == "[23,1]"
    assert four_digits(est.estimate, 730.9)
    assert round(est.lower, 1) == 699.8
    assert round(est.upper, 1) == 766.5


def test_hierarchical_model_by_name_equals_search_entry() -> None:
    est = LogLinear("[134, 123]").fit(kosovo())
    assert est.model == "[123,134]"
    assert round(est.estimate) == 12741
    assert est.runners_up == ()


def test_estimate_describes_itself() -> None:
    h = kosovo()
    est = get_estimator("loglinear", model="best-bic").fit(h)
    data = est.to_dict()
    json.dumps(data)
    assert data["method"] == "loglinear"
    assert data["observed"] == 4400
    assert data["input_sha256"] == h.sha256
    assert data["settings"]["model"] == "best-bic"
    assert data["lists"] == list(h.lists)
    assert data["runners_up"][0]["model"] == "[123,134]"


def test_search_is_fast_enough() -> None:
    est = LogLinear().fit(kosovo())
    assert est.seconds < 3.0


def test_candidate_set_is_rcapture_closedpms() -> None:
    models = [hierarchical_name(g) for g in enumerate_hierarchical(3, 2)]
    assert sorted(models) == sorted(
        ["[12,13,23]", "[12,13]", "[12,23]", "[13,23]", "[12,3]", "[13,2]", "[23,1]", "[1,2,3]"]
    )
    assert len(set(models)) == len(models)
    assert sum(1 for _ in enumerate_hierarchical(4, 3)) == 113


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Mh Chao (LB)", "Mh-chao"),
        ("mth-poisson2", "Mth-poisson2"),
        ("MthD", "Mth-darroch"),
        ("BEST-BIC", "best-bic"),
    ],
)
def test_model_aliases(alias: str, name: str) -> None:
    assert LogLinear(alias).model == name


def test_model_names_parse_and_print_like_rcapture() -> None:
    gens = parse_hierarchical("[34,14,123]", 4)
    assert hierarchical_name(gens) == "[123,14,34]"
    assert hierarchical_name(parse_hierarchical("[1,23]", 3)) == "[23,1]"


@pytest.mark.parametrize("bad", ["[125]", "M9", "[12,,", "best"])
def test_bad_model_names_are_refused(bad: str) -> None:
    with pytest.raises(EstimationError):
        LogLinear(bad).fit(my3())


def test_bad_settings_are_refused_up_front() -> None:
    with pytest.raises(EstimationError):
        LogLinear(level=1.5)
    with pytest.raises(EstimationError):
        LogLinear(max_order=0)


def test_search_refuses_too_many_lists_for_full_order() -> None:
    with pytest.raises(EstimationError, match="max_order"):
        LogLinear("best-bic").fit(hare())


def test_two_lists_seber_example_matches_rcapture() -> None:
    # Seber (1982) p. 107, from Rcapture's closedp examples
    h = CaptureHistories(("A", "B"), np.array([[1, 1], [1, 0], [0, 1]]), np.array([167, 781, 254]))
    assert round(LogLinear("M0").fit(h).estimate, 1) == 2805.6
    assert round(LogLinear("Mt").fit(h).estimate, 1) == 2389.9
    mb = LogLinear("Mb").fit(h)
    assert round(mb.estimate, 1) == 1295.0
    assert mb.std_error is not None and round(mb.std_error, 1) == 17.3


def test_two_lists_allow_only_m0_mt_mb() -> None:
    h = CaptureHistories(("A", "B"), np.array([[0, 1], [1, 0], [1, 1]]), np.array([30, 20, 10]))
    est = LogLinear("M0").fit(h)
    assert est.estimate > h.observed
    # Lincoln-Petersen under Mt: 30*... (n1 = 30, n2 = 40, m = 10 -> 120)
    assert LogLinear("Mt").fit(h).estimate == pytest.approx(120.0, rel=1e-6)
    with pytest.raises(EstimationError, match="three lists"):
        LogLinear("Mh-chao").fit(h)

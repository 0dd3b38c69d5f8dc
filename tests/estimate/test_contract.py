"""Every registered estimator passes the same contract."""

from __future__ import annotations

import json

import pytest

from dadkhah.estimate import (
    JSON_KEYS,
    METHODS,
    CaptureHistories,
    Estimate,
    Estimator,
    get_estimator,
)

QUICK = {"lcmcr": {"burn_in": 300, "draws": 300, "thin": 3}, "loglinear": {}, "dga": {}}
pytestmark = pytest.mark.filterwarnings("ignore::dadkhah.errors.DadkhahWarning")


def _table() -> CaptureHistories:
    return CaptureHistories.from_mapping(
        ["A", "B", "C"],
        {"001": 60, "010": 49, "011": 4, "100": 247, "101": 112, "110": 142, "111": 12},
    )


@pytest.mark.parametrize("method", METHODS)
def test_estimator_contract(method: str) -> None:
    est = get_estimator(method, seed=7, **QUICK[method])
    assert isinstance(est, Estimator)
    assert est.method == method
    json.dumps(est.settings())  # settings are plain data
    table = _table()
    result = est.fit(table)
    assert isinstance(result, Estimate)
    assert result.method == method
    assert result.observed == table.observed
    assert result.lists == table.lists
    assert result.input_sha256 == table.sha256
    assert table.observed <= result.lower <= result.estimate <= result.upper
    assert 0 < result.interval_prob < 1 and result.interval_kind
    assert result.draws is not None or result.std_error is not None
    d = result.to_dict()
    assert tuple(d) == JSON_KEYS
    json.dumps(d)
    # refitting the same estimator gives the same answer (no state kept between fits)
    again = est.fit(table)
    assert again.estimate == result.estimate and again.lower == result.lower

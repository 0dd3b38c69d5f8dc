"""Estimate: immutable, JSON with the documented keys, and back."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from dadkhah import __version__
from dadkhah.estimate import JSON_KEYS, Candidate, Estimate


def _estimate(**kw: object) -> Estimate:
    base: dict[str, object] = dict(
        method="lcmcr",
        model="m",
        estimate=120.0,
        lower=100.0,
        upper=150.0,
        interval_prob=0.95,
        interval_kind="equal-tailed credible",
        observed=90,
        lists=("a", "b"),
        input_sha256="x",
        settings={"K": 10},
        seed=3,
        draws=np.array([100, 120, 150]),
        diagnostics={"rhat": 1.0},
        runners_up=(Candidate("n", 130.0, criteria={"bic": 1.5}),),
        warnings=("careful",),
    )
    base.update(kw)
    return Estimate(**base)  # type: ignore[arg-type]


def test_keys_and_json() -> None:
    d = _estimate().to_dict()
    assert tuple(d) == JSON_KEYS
    assert d["version"] == __version__
    assert d["diagnostics"]["warnings"] == ["careful"]
    json.dumps(d)  # plain JSON
    assert _estimate(lower=float("nan")).to_dict()["lower"] is None


def test_immutable() -> None:
    est = _estimate()
    with pytest.raises(dataclasses.FrozenInstanceError):
        est.estimate = 3.0  # type: ignore[misc]
    assert est.draws is not None
    with pytest.raises(ValueError):
        est.draws[0] = 5


def test_round_trip() -> None:
    est = _estimate(strata={"s": _estimate(draws=None)})
    again = Estimate.from_dict(est.to_dict())
    assert again.to_dict() == est.to_dict()

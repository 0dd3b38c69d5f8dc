"""`dadkhah estimate --method loglinear --max-order N`: the model search on six or more lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dadkhah.cli import main
from dadkhah.simulate import simulate_captures


@pytest.fixture(scope="module")
def six_lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("six") / "six.csv"
    simulate_captures(2000, 3, n_lists=6).to_frame().to_csv(path, index=False)
    return path


def test_best_bic_on_six_lists_needs_a_lower_order(
    six_lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["estimate", str(six_lists), "--method", "loglinear", "--json"])
    assert code != 0
    assert "max_order" in capsys.readouterr().err


def test_max_order_bounds_the_search(six_lists: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["estimate", str(six_lists), "--method", "loglinear", "--max-order", "2", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["max_order"] == 2
    assert len(out["lists"]) == 6
    assert out["estimate"] >= out["observed"]
    # the chosen model has no interaction of three lists
    terms = out["model"].strip("[]").split(",")
    assert all(len(t) <= 2 for t in terms), out["model"]


def test_max_order_is_refused_by_other_methods(
    six_lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["estimate", str(six_lists), "--method", "lcmcr", "--max-order", "2"]) == 2
    assert "--max-order" in capsys.readouterr().err

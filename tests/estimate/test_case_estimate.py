"""Estimating from a case: histories from linked persons, strata, stored and audited runs, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dadkhah.api import estimate as estimate_api
from dadkhah.cli import main
from dadkhah.errors import EstimationError, InputError
from dadkhah.estimate.from_case import case_histories, case_strata
from dadkhah.store import Case
from dadkhah.store.audit import entries, verify_chain

QUICK = {"burn_in": 300, "draws": 300, "thin": 3}
pytestmark = pytest.mark.filterwarnings("ignore::dadkhah.errors.ConvergenceWarning")

NOW = "2026-01-01T00:00:00+00:00"


def _fill(case: Case, n_people: int = 400, seed: int = 0) -> int:
    """Three lists over simulated people; returns the number of people on some list."""
    rng = np.random.default_rng(seed)
    db = case.db
    list_ids = [
        db.insert(
            "INSERT INTO victim_list (name, imported_at, imported_by) VALUES (?, ?, ?)",
            (name, NOW, "test"),
        )
        for name in ("L1", "L2", "L3")
    ]
    old = db.insert(
        "INSERT INTO victim_list (name, version, active, imported_at, imported_by)"
        " VALUES (?, ?, ?, ?, ?)",
        ("L1", 0, 0, NOW, "test"),
    )
    seen = 0
    for i in range(n_people):
        sex = "f" if i % 3 == 0 else "m"
        prob = 0.5 if sex == "f" else 0.35
        on = [k for k in range(3) if rng.random() < prob]
        if not on:
            continue
        seen += 1
        pid = db.insert(
            "INSERT INTO person (uid, sex, province, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?)",
            (f"p{i}", sex, None, NOW, "test"),
        )
        for k in on:
            rid = db.insert(
                "INSERT INTO list_record (list_id, record_id, raw, affiliation)"
                " VALUES (?, ?, ?, ?)",
                (list_ids[k], f"r{i}", "{}", "A" if i % 2 else "B"),
            )
            db.execute(
                "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)", (rid, pid)
            )
        if i % 7 == 0:  # a record on an inactive list version: ignored
            rid = db.insert(
                "INSERT INTO list_record (list_id, record_id, raw) VALUES (?, ?, ?)",
                (old, f"r{i}", "{}"),
            )
            db.execute(
                "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)", (rid, pid)
            )
    return seen


def test_histories_from_case(case: Case) -> None:
    seen = _fill(case)
    h = case_histories(case.db)
    assert h.lists == ("L1", "L2", "L3")
    assert h.observed == seen
    strata = case_strata(case.db, "sex")
    assert set(strata) == {"female", "male"}  # canonical spellings of f and m
    assert sum(s.observed for s in strata.values()) == seen
    by_aff = case_strata(case.db, "affiliation")
    assert set(by_aff) == {"A", "B"}
    with pytest.raises(EstimationError, match="cannot stratify"):
        case_strata(case.db, "password")


def test_empty_case_is_an_error(sqlite_case: Case) -> None:
    with pytest.raises(EstimationError, match="no linked persons"):
        case_histories(sqlite_case.db)


def test_estimate_case_is_stored_and_audited(sqlite_case: Case) -> None:
    seen = _fill(sqlite_case)
    path = sqlite_case.path
    sqlite_case.close()
    out = estimate_api.estimate(path, method="lcmcr", seed=4, actor="tester", **QUICK)
    assert out.run_id is not None and out.source_kind == "case"
    assert out.estimate.observed == seen
    strat = estimate_api.estimate(path, method="lcmcr", by="sex", seed=4, **QUICK)
    assert strat.estimate.strata is not None and set(strat.estimate.strata) == {"female", "male"}
    total = sum(e.observed for e in strat.estimate.strata.values())
    assert total == seen
    runs = estimate_api.runs(path)
    assert [r.id for r in runs] == [out.run_id, strat.run_id]
    assert runs[0].result["estimate"] == out.estimate.estimate
    assert runs[1].stratified_by == "sex"
    from dadkhah.store import open_case

    with open_case(path) as case:
        audit = entries(case.db, target=f"estimate_run:{out.run_id}")
        assert audit and audit[0].actor == "tester" and audit[0].action == "estimate.run"
        assert verify_chain(case.db)[1] is None
        report = estimate_api.report_estimates(case)
        assert len(report) == 2 and report[0]["plot_svg"].lstrip().startswith("<?xml")


def test_settings_that_do_not_apply() -> None:
    with pytest.raises(InputError, match="does not take"):
        estimate_api.estimator_settings("loglinear", K=5)
    with pytest.raises(InputError):
        estimate_api.estimator_settings("bayes")


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(
        "A,B,C,count\n0,0,1,60\n0,1,0,49\n0,1,1,4\n1,0,0,247\n1,0,1,112\n1,1,0,142\n1,1,1,12\n",
        encoding="utf-8",
    )
    return path


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "estimate",
            str(_csv(tmp_path)),
            "--method",
            "lcmcr",
            "--seed",
            "2",
            "--burn-in",
            "300",
            "--draws",
            "300",
            "--thin",
            "3",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    for key in (
        "method",
        "model",
        "estimate",
        "lower",
        "upper",
        "interval_prob",
        "interval_kind",
        "observed",
        "lists",
        "strata",
        "diagnostics",
        "settings",
        "seed",
        "input_sha256",
        "version",
        "seconds",
    ):
        assert key in data
    assert data["observed"] == 626 and data["seed"] == 2 and data["lists"] == ["A", "B", "C"]


def test_cli_plots_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "estimate",
            str(_csv(tmp_path)),
            "--seed",
            "1",
            "--burn-in",
            "200",
            "--draws",
            "200",
            "--thin",
            "2",
            "--plot",
            str(tmp_path / "fig"),
        ]
    )
    assert code == 0
    for name in ("estimate-posterior.png", "estimate-posterior.svg", "estimate-trace.svg"):
        assert (tmp_path / "fig" / name).stat().st_size > 1000
    bad = tmp_path / "bad.csv"
    bad.write_text("A,count\n1,3\n", encoding="utf-8")
    assert main(["estimate", str(bad)]) == 1
    assert "at least two lists" in capsys.readouterr().err
    assert main(["estimate", str(_csv(tmp_path)), "--by", "sex"]) == 1
    assert main(["estimate", str(_csv(tmp_path)), "--method", "loglinear", "--K", "3"]) == 2

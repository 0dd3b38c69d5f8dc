"""link → export links → evaluate-links on a case built from three two-script lists."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.link.lists import insert_list, make_lists, make_persons

from dadkhah.api import link as link_api
from dadkhah.cli import main
from dadkhah.store import Case


@pytest.fixture
def linked(sqlite_case: Case, tmp_path: Path) -> tuple[Case, Path]:
    lists = make_lists(make_persons(400, seed=3), seed=3)
    truth: list[tuple[str, str, str]] = []
    for name, rows in lists.items():
        truth += insert_list(sqlite_case, name, rows)
    truth_csv = tmp_path / "truth.csv"
    with truth_csv.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    return sqlite_case, truth_csv


def test_link_export_and_evaluate(
    linked: tuple[Case, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, truth_csv = linked
    assert main(["link", str(case.path)]) == 0
    out = tmp_path / "links.csv"
    assert main(["export", str(case.path), "links", "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    n_records = case.db.scalar("SELECT COUNT(*) FROM list_record")
    assert len(rows) == n_records
    assert set(rows[0]) == {"list", "record_id", "person_id", "match_probability"}
    assert all(r["person_id"].startswith("P-") for r in rows)
    capsys.readouterr()
    result = link_api.evaluate_links(out, truth_csv, case_path=case.path)
    assert result["missing_from_links"] == 0
    assert result["f1"] >= 0.95, result
    assert result["blocking_recall"] >= 0.97, result

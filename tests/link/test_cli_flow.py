"""The whole user flow through the command line: init, import, link, export, evaluate, runs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.link.lists import make_lists, make_persons

from dadkhah.cli import main

FIELDS = (
    "record_id",
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_date",
    "city",
)


def _write_lists(folder: Path, n: int, seed: int) -> tuple[list[Path], Path]:
    lists = make_lists(make_persons(n, seed=seed), seed=seed)
    files, truth = [], []
    for name, rows in lists.items():
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=FIELDS)
            w.writeheader()
            for i, r in enumerate(rows, start=1):
                w.writerow(
                    {"record_id": f"{name}{i}", **{k: v for k, v in r.items() if k != "truth"}}
                )
                truth.append((name, f"{name}{i}", r["truth"]))
        files.append(path)
    truth_csv = folder / "truth.csv"
    with truth_csv.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    return files, truth_csv


def test_init_import_link_export_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, truth_csv = _write_lists(tmp_path, 300, seed=11)
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    for f in files:
        assert main(["import", str(case), str(f)]) == 0
    assert main(["link", str(case), "--json"]) == 0
    capsys.readouterr()
    links = tmp_path / "links.csv"
    persons = tmp_path / "persons.csv"
    assert main(["export", str(case), "links", "-o", str(links)]) == 0
    assert main(["export", str(case), "persons", "-o", str(persons)]) == 0
    capsys.readouterr()
    assert main(["evaluate-links", str(links), str(truth_csv), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["missing_from_links"] == 0
    assert scores["f1"] >= 0.95, scores
    with persons.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == scores["predicted_persons"]
    assert sum(int(r["records"]) for r in rows) == scores["records"]
    assert all(1 <= int(r["lists"]) <= 3 for r in rows)
    assert main(["runs", str(case), "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert len(runs) == 1 and runs[0]["record_count"] == scores["records"]
    assert len(runs[0]["input_hash"]) == 64


def test_export_before_link_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files, _ = _write_lists(tmp_path, 20, seed=2)
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(files[0])]) == 0
    assert main(["export", str(case), "links", "-o", str(tmp_path / "x.csv")]) == 1
    assert "dadkhah link" in capsys.readouterr().err


def test_evaluate_links_names_the_missing_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("list,record\nA,1\n", encoding="utf-8")
    assert main(["evaluate-links", str(bad), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "record_id" in err and "bad.csv" in err

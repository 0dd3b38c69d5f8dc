"""`dadkhah simulate` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dadkhah.cli import main


def test_simulate_writes_lists_truth_and_captures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case"
    code = main(
        [
            "simulate",
            "--scenario",
            "1988",
            "--persons",
            "400",
            "--seed",
            "5",
            "--out",
            str(out),
            "--lists",
            "4",
            "--json",
        ]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["N"] == 400
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert truth["N"] == 400 and truth["seed"] == 5 and truth["settings"]["n_persons"] == 400
    assert len(truth["settings"]["lists"]) == 4
    records = pd.read_csv(out / "truth.csv", dtype=str)
    total = 0
    for entry in truth["lists"]:
        frame = pd.read_csv(out / entry["file"], dtype=str, keep_default_na=False)
        assert list(frame.columns) == entry["columns"]
        assert set(frame["record_id"]) == set(
            records.loc[records["list"] == entry["name"], "record_id"]
        )
        total += len(frame)
    assert total == len(records)
    captures = pd.read_csv(out / "captures.csv")
    assert list(captures.columns) == [e["name"] for e in truth["lists"]] + ["count"]
    assert captures["count"].sum() == summary["observed"]


def test_regenerate_from_truth_json_gives_the_same_lists(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["simulate", "-n", "300", "--seed", "2", "--out", str(first)]) == 0
    assert main(["simulate", "--settings", str(first / "truth.json"), "--out", str(second)]) == 0
    for path in (first / "lists").iterdir():
        assert path.read_bytes() == (second / "lists" / path.name).read_bytes()


def test_refuses_a_non_empty_folder_and_bad_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    assert main(["simulate", "-n", "50", "--out", str(tmp_path)]) == 4
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "keep me"
    assert main(["simulate", "-n", "0", "--out", str(tmp_path / "new")]) == 2
    assert "n_persons" in capsys.readouterr().err
    assert main(["simulate", "-n", "10", "--scenario", "1999", "--out", str(tmp_path / "new")]) == 2

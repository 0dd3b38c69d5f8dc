"""Linkage of small lists in which no two records share a name: no crash, no invented links."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dadkhah.cli import main

_A = [
    ("1", "Ali Ahmadi", "Hassan", "M", "1340", "Tehran"),
    ("2", "Reza Karimi", "Mahmoud", "M", "1342", "Shiraz"),
    ("3", "Maryam Sadeghi", "Ahmad", "F", "1345", "Tabriz"),
    ("4", "Hossein Rahimi", "Ali", "M", "1338", "Mashhad"),
]
_B = [
    ("1", "Parviz Jafari", "Karim", "M", "1335", "Rasht"),
    ("2", "Sima Hosseini", "Javad", "F", "1347", "Qom"),
    ("3", "Nader Bagheri", "Abbas", "M", "1339", "Arak"),
]


def _write(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["record_id", "full_name", "father_name", "sex", "birth_date", "city"])
        w.writerows(rows)
    return path


def test_lists_without_any_shared_name_link_to_one_person_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(_write(tmp_path / "a.csv", _A))]) == 0
    assert main(["import", str(case), str(_write(tmp_path / "b.csv", _B))]) == 0
    assert main(["link", str(case)]) == 0
    out = tmp_path / "links.csv"
    assert main(["export", str(case), "links", "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(_A) + len(_B)
    assert len({r["person_id"] for r in rows}) == len(rows)

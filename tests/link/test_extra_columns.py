"""Optional columns a list carries beyond the standard format (e-mail, postcode, occupation)
reach linkage through the command line: ``dadkhah import`` keeps them in each record's raw row
and ``dadkhah link`` reads them from there."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pandas as pd
import pytest

from dadkhah.cli import main
from dadkhah.link.records import _extra_sources

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables))


def _write(folder: Path, *, with_email: bool) -> tuple[list[Path], Path]:
    """Two lists naming the same 120 people; the second gives every other person a different
    surname (a married name), so only the birth date and the e-mail address tie those records."""
    rng = random.Random(7)
    people = []
    seen: set[str] = set()
    while len(people) < 120:
        given, surname, other = _word(rng, 3), _word(rng, 4), _word(rng, 4)
        if given in seen:
            continue
        seen.add(given)
        born = f"{rng.randint(1900, 1960)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.append((given, surname, other, born, f"{given}.{surname}@example.org"))
    files, truth = [], []
    for name, column in (("first", "email"), ("second", "E-Mail")):
        path = folder / f"{name}.csv"
        fields = ["record_id", "given_name", "surname", "birth_date"]
        fields += [column] if with_email else []
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(fields)
            for i, (given, surname, other, born, email) in enumerate(people):
                row = [f"{name}{i}", given, other if name == "second" and i % 2 else surname, born]
                w.writerow(row + ([email] if with_email else []))
                truth.append((name, f"{name}{i}", f"P{i}"))
        files.append(path)
    truth_csv = folder / "truth.csv"
    pd.DataFrame(truth, columns=["list", "record_id", "person_id"]).to_csv(truth_csv, index=False)
    return files, truth_csv


def _link_f1(folder: Path, capsys: pytest.CaptureFixture[str], *, with_email: bool) -> float:
    folder.mkdir()
    files, truth = _write(folder, with_email=with_email)
    case = folder / "case"
    assert main(["init", str(case)]) == 0
    for f in files:
        assert main(["import", str(case), str(f)]) == 0
    assert main(["link", str(case), "--json"]) == 0
    links = folder / "links.csv"
    assert main(["export", str(case), "links", "-o", str(links)]) == 0
    capsys.readouterr()
    assert main(["evaluate-links", str(links), str(truth), "--json"]) == 0
    return float(json.loads(capsys.readouterr().out)["f1"])


def test_an_email_column_links_records_the_names_alone_keep_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without = _link_f1(tmp_path / "without", capsys, with_email=False)
    with_email = _link_f1(tmp_path / "with", capsys, with_email=True)
    assert without < 0.8
    assert with_email > 0.95


def test_extra_columns_are_found_by_alias_or_by_the_mapping() -> None:
    assert _extra_sources(["Name", "Post Code", "Job"], {}) == {
        "postcode": "Post Code",
        "occupation": "Job",
    }
    mapping = {"columns": {"postcode_fake": "postcode"}}
    assert _extra_sources(["postcode_fake", "zip"], mapping) == {"postcode": "postcode_fake"}
    assert _extra_sources(["name", "city"], {"columns": {"x": "surname"}}) == {}

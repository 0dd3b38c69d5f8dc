"""A small generator of multi-list, two-script victim lists with known truth, for link tests.

Deliberately independent of ``dadkhah.simulate``: the link tests must not share the generator's
assumptions. Persons come from the shipped name dictionary; each list has its own script and
spelling habit; families share surname, father's name and city.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dadkhah.store import Case


def _rows(package: str, name: str) -> list[dict[str, str]]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@dataclass(frozen=True)
class Person:
    pid: str
    given: dict[str, str]
    surname: dict[str, str]
    father: dict[str, str]
    sex: str
    birth_year: int
    city: dict[str, str]


def _variant(entry: dict[str, str], rng: random.Random) -> str:
    options = [v for v in entry.get("variants", "").split("|") if v]
    return rng.choice(options) if options and rng.random() < 0.5 else entry["latin_common"]


def make_persons(n: int, seed: int) -> list[Person]:
    rng = random.Random(seed)
    given = _rows("dadkhah.names", "persian_given_names.csv")
    males = [g for g in given if g["sex"] == "M"]
    females = [g for g in given if g["sex"] == "F"]
    surnames = _rows("dadkhah.names", "persian_surnames.csv")
    cities = [
        {"persian": c["persian"], "latin_common": c["latin"], "variants": c["variants"]}
        for c in _rows("dadkhah.places", "iran_cities.csv")
    ]
    persons: list[Person] = []
    while len(persons) < n:
        surname, father, city = rng.choice(surnames), rng.choice(males), rng.choice(cities)
        family = 1 if rng.random() < 0.8 else rng.randint(2, 3)
        used: set[str] = set()
        for _ in range(family):
            sex = "M" if rng.random() < 0.85 else "F"
            g = rng.choice(males if sex == "M" else females)
            if g["persian"] in used:
                continue
            used.add(g["persian"])
            persons.append(
                Person(
                    f"T{len(persons):05d}", g, surname, father, sex, rng.randint(1940, 1970), city
                )
            )
    return persons[:n]


def make_lists(persons: list[Person], seed: int) -> dict[str, list[dict[str, Any]]]:
    """Three lists: Persian script, Latin common spelling, Latin variants with Solar Hijri years."""
    rng = random.Random(seed + 1)
    out: dict[str, list[dict[str, Any]]] = {"fa": [], "en": [], "var": []}
    for p in persons:
        if rng.random() < 0.7:
            out["fa"].append(
                {
                    "truth": p.pid,
                    "given_name": p.given["persian"],
                    "surname": p.surname["persian"],
                    "father_name": p.father["persian"] if rng.random() < 0.8 else None,
                    "sex": "مرد" if p.sex == "M" else "زن",
                    "birth_date": str(p.birth_year - 621),
                    "city": p.city["persian"],
                }
            )
        if rng.random() < 0.6:
            out["en"].append(
                {
                    "truth": p.pid,
                    "full_name": f"{p.given['latin_common']} {p.surname['latin_common']}",
                    "father_name": p.father["latin_common"] if rng.random() < 0.5 else None,
                    "sex": p.sex,
                    "birth_date": str(p.birth_year),
                    "city": p.city["latin_common"],
                }
            )
        if rng.random() < 0.5:
            out["var"].append(
                {
                    "truth": p.pid,
                    "full_name": f"{_variant(p.surname, rng).upper()}, {_variant(p.given, rng)}",
                    "father_name": _variant(p.father, rng) if rng.random() < 0.6 else None,
                    "birth_date": str(p.birth_year + rng.choice([0, 0, 0, 1])),
                    "city": _variant(p.city, rng),
                }
            )
    return out


def insert_list(
    case: Case, name: str, rows: list[dict[str, Any]], *, start: int = 1
) -> list[tuple[str, str, str]]:
    """Insert a list and its records with SQL; return (list, record_id, truth) rows."""
    db = case.db
    now = "2026-01-01T00:00:00+00:00"
    truth = []
    with db.transaction():
        lid = db.insert(
            "INSERT INTO victim_list (name, imported_at, imported_by, record_count)"
            " VALUES (?, ?, 'test', ?)",
            (name, now, len(rows)),
        )
        for i, r in enumerate(rows, start=start):
            fields = {k: v for k, v in r.items() if k != "truth"}
            cols = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            db.execute(
                f"INSERT INTO list_record (list_id, record_id, line, raw, {cols})"
                f" VALUES (?, ?, ?, '{{}}', {marks})",
                (lid, f"{name}-{i}", i, *fields.values()),
            )
            truth.append((name, f"{name}-{i}", str(r["truth"])))
    return truth

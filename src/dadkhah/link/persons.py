"""Persons with stable ids: writing a run's clusters to ``person`` and ``record_person``.

Guarantee (incremental linkage): a person keeps its ``uid`` from one run to the next as long as
it keeps at least one of its records. When clusters split or merge, the uid goes to the new
cluster holding most of the person's old records (ties: the older person); clusters with no old
record get new uids; persons left without records are marked inactive, never deleted, so a uid
is never reused for someone else.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from dadkhah import names, places
from dadkhah.store import Database

__all__ = ["PersonWrite", "assign_uids", "write_persons"]

_PERSIAN = re.compile("[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class PersonWrite:
    kept: int
    new: int
    retired: int


def _now() -> str:
    return datetime.now(UTC).isoformat()


def assign_uids(
    clusters: dict[int, list[int]], previous: dict[int, int]
) -> tuple[dict[int, int | None], set[int]]:
    """Map each cluster label to an existing person id (or None for a new person).

    ``previous`` maps record id → person id from the last run. Returns the mapping and the set of
    previous person ids that no cluster took.
    """
    candidates: list[tuple[int, int, int]] = []  # (-overlap, person, label)
    for label, members in clusters.items():
        counts = Counter(previous[m] for m in members if m in previous)
        for person, n in counts.items():
            candidates.append((-n, person, label))
    candidates.sort()
    taken_labels: dict[int, int | None] = {}
    used: set[int] = set()
    for _neg, person, label in candidates:
        if label in taken_labels or person in used:
            continue
        taken_labels[label] = person
        used.add(person)
    for label in clusters:
        taken_labels.setdefault(label, None)
    retired = set(previous.values()) - used
    return taken_labels, retired


def _most_common(counter: Counter[str]) -> str | None:
    """The most frequent value; ties go to the alphabetically first."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _display(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What a person is shown as: names in both scripts, and sex, city and province in one
    spelling each (sex as male/female, places by their gazetteer name; the province of the
    prison when no record gives a city or province)."""
    persian = latin = None
    sexes: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    prison_provinces: Counter[str] = Counter()
    years: list[tuple[int, int]] = []
    for raw in rows:
        r = {k: _na(v) for k, v in raw.items()}
        name = r.get("full_name") or " ".join(
            str(x) for x in (r.get("given_name"), r.get("surname")) if x
        )
        if name:
            if _PERSIAN.search(name):
                persian = persian or name
            else:
                latin = latin or name
        sex = names.canonical_sex(r.get("sex"))
        if sex:
            sexes[sex] += 1
        for field in ("city", "province"):
            place = places.resolve_place(str(r[field])) if r.get(field) else None
            if place is not None:
                if field == "city" and place.kind == "city":
                    cities[place.name] += 1
                if place.province:
                    provinces[place.province] += 1
        prison = places.resolve_place(str(r["prison"])) if r.get("prison") else None
        if prison is not None and prison.province:
            prison_provinces[prison.province] += 1
        if r.get("birth_from") is not None:
            years.append((int(r["birth_from"]), int(r["birth_to"])))
    if latin is None and persian is not None:
        latin = names.to_latin(persian)
    out: dict[str, Any] = {
        "display_name": persian or latin,
        "display_name_latin": latin,
        "sex": sexes.most_common(1)[0][0] if sexes else None,
        "city": _most_common(cities),
        # where no record gives a city or province, the province of the prison stands in
        "province": _most_common(provinces) or _most_common(prison_provinces),
        "birth_year_from": max(y[0] for y in years) if years else None,
        "birth_year_to": min(y[1] for y in years) if years else None,
    }
    if out["birth_year_from"] is not None and out["birth_year_from"] > out["birth_year_to"]:
        out["birth_year_from"] = min(y[0] for y in years)
        out["birth_year_to"] = max(y[1] for y in years)
    return out


def _next_uid_number(db: Database) -> int:
    last = db.scalar(
        "SELECT uid FROM person WHERE uid LIKE 'P-%' ORDER BY LENGTH(uid) DESC, uid DESC LIMIT 1"
    )
    if not last:
        return 1
    try:
        return int(str(last)[2:]) + 1
    except ValueError:
        return int(db.scalar("SELECT COUNT(*) FROM person")) + 1


def write_persons(
    db: Database,
    *,
    run_id: int,
    actor: str,
    records: pd.DataFrame,
    assignments: pd.DataFrame,
    features: pd.DataFrame,
    decided: set[int],
) -> PersonWrite:
    """Replace ``record_person`` by this run's clusters; call inside a transaction."""
    previous = {
        int(r["list_record_id"]): int(r["person_id"])
        for r in db.iterate(
            "SELECT rp.list_record_id, rp.person_id FROM record_person rp"
            " JOIN person p ON p.id = rp.person_id WHERE p.origin = 'linkage'"
        )
    }
    clusters: dict[int, list[int]] = defaultdict(list)
    for rid, label in zip(assignments["unique_id"], assignments["cluster"], strict=True):
        clusters[int(label)].append(int(rid))
    mapping, retired = assign_uids(clusters, previous)
    info = records.set_index("unique_id")
    feat = features.set_index("unique_id")[["birth_from", "birth_to"]]
    by_record: dict[Any, dict[str, Any]] = info.join(feat).to_dict("index")  # type: ignore[assignment]
    prob = dict(zip(assignments["unique_id"], assignments["match_probability"], strict=True))
    now = _now()
    next_no = _next_uid_number(db)
    kept = new = 0
    db.execute(
        "DELETE FROM record_person WHERE person_id IN (SELECT id FROM person WHERE origin = 'linkage')"
    )
    link_rows: list[tuple[Any, ...]] = []
    for label, members in clusters.items():
        shown = _display([by_record[m] for m in members])
        person = mapping[label]
        values = (
            shown["display_name"],
            shown["display_name_latin"],
            shown["sex"],
            shown["birth_year_from"],
            shown["birth_year_to"],
            shown["city"],
            shown["province"],
        )
        if person is None:
            uid = f"P-{next_no:06d}"
            next_no += 1
            person = db.insert(
                "INSERT INTO person (uid, display_name, display_name_latin, sex, birth_year_from,"
                " birth_year_to, city, province, origin, active, created_at, created_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'linkage', 1, ?, ?)",
                (uid, *values, now, actor),
            )
            new += 1
        else:
            db.execute(
                "UPDATE person SET display_name = ?, display_name_latin = ?, sex = ?,"
                " birth_year_from = ?, birth_year_to = ?, city = ?, province = ?, active = 1"
                " WHERE id = ?",
                (*values, person),
            )
            kept += 1
        for m in members:
            link_rows.append(
                (m, person, float(prob.get(m, 1.0)), run_id, "review" if m in decided else None)
            )
    db.executemany(
        "INSERT INTO record_person (list_record_id, person_id, match_probability, run_id, decided_by)"
        " VALUES (?, ?, ?, ?, ?)",
        link_rows,
    )
    for person in retired:
        db.execute("UPDATE person SET active = 0 WHERE id = ?", (person,))
    return PersonWrite(kept=kept, new=new, retired=len(retired))


def _na(v: Any) -> Any:
    return None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v

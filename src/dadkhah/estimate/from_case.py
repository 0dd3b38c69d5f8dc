"""Capture histories from a case: each linked person, and the active lists that record them.

A person is on a list when one of the list's records is linked to the person
(``record_person`` → ``list_record`` → ``victim_list`` with ``active = 1``). Stratifying by a
field takes the person's own value (``person.sex``, ``person.province`` ...) and, where the
person has none or the field is not a person column, the most common non-empty value among the
person's records (``affiliation``, ``prison`` ...). People with no value form the stratum
``"(unknown)"``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from dadkhah.errors import EstimationError, one_of
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.store.db import Database

__all__ = ["PERSON_FIELDS", "RECORD_FIELDS", "UNKNOWN_STRATUM", "case_histories", "case_strata"]

PERSON_FIELDS = ("sex", "city", "province")
RECORD_FIELDS = (
    "sex", "city", "province", "prison", "affiliation", "birth_place", "death_place",
    "death_date", "birth_date",
)
UNKNOWN_STRATUM = "(unknown)"


def _active_lists(db: Database) -> list[str]:
    rows = db.query("SELECT name FROM victim_list WHERE active = 1 ORDER BY id")
    names: list[str] = []
    for r in rows:
        if r["name"] not in names:
            names.append(str(r["name"]))
    return names


def _memberships(db: Database) -> dict[int, set[str]]:
    rows = db.query(
        "SELECT rp.person_id AS person_id, vl.name AS list_name"
        " FROM record_person rp"
        " JOIN list_record lr ON lr.id = rp.list_record_id"
        " JOIN victim_list vl ON vl.id = lr.list_id"
        " JOIN person p ON p.id = rp.person_id"
        " WHERE vl.active = 1 AND p.active = 1"
    )
    people: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        people[int(r["person_id"])].add(str(r["list_name"]))
    return people


def case_histories(db: Database, *, source: str | None = None) -> CaptureHistories:
    """The capture table of every linked person in the case, over the active lists."""
    lists = _active_lists(db)
    people = _memberships(db)
    if not people:
        raise EstimationError("the case has no linked persons: import lists and run linkage "
                              "first ('dadkhah link')")
    return CaptureHistories.from_records(people.values(), lists=_used(lists, people),
                                         source=source)


def _used(lists: list[str], people: dict[int, set[str]]) -> list[str]:
    seen = set().union(*people.values())
    return [name for name in lists if name in seen]


def _stratum_values(db: Database, field: str, person_ids: set[int]) -> dict[int, str]:
    if field not in PERSON_FIELDS and field not in RECORD_FIELDS:
        raise EstimationError(
            f"cannot stratify by {field!r}: {one_of(field, sorted(set(PERSON_FIELDS + RECORD_FIELDS)))}")
    values: dict[int, str] = {}
    if field in PERSON_FIELDS:
        for r in db.query(f"SELECT id, {field} AS v FROM person WHERE active = 1"):
            v = (r["v"] or "").strip() if isinstance(r["v"], str) else r["v"]
            if v:
                values[int(r["id"])] = str(v)
    if field in RECORD_FIELDS:
        tally: dict[int, Counter[str]] = defaultdict(Counter)
        for r in db.query(
            f"SELECT rp.person_id AS person_id, lr.{field} AS v FROM record_person rp"
            " JOIN list_record lr ON lr.id = rp.list_record_id"
            " JOIN victim_list vl ON vl.id = lr.list_id WHERE vl.active = 1"
        ):
            v = r["v"].strip() if isinstance(r["v"], str) else r["v"]
            if v:
                tally[int(r["person_id"])][str(v)] += 1
        for pid, counter in tally.items():
            if pid not in values:
                # most common value; ties go to the alphabetically first
                values[pid] = min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return {pid: values.get(pid, UNKNOWN_STRATUM) for pid in person_ids}


def case_strata(db: Database, field: str, *,
                source: str | None = None) -> dict[str, CaptureHistories]:
    """One capture table per value of ``field`` (all over the same lists), sorted by value.

    A stratum whose table cannot support an estimate (a list with no one, lists that never
    overlap) raises :class:`EstimationError` naming the stratum.
    """
    lists = _active_lists(db)
    people = _memberships(db)
    if not people:
        raise EstimationError("the case has no linked persons: import lists and run linkage "
                              "first ('dadkhah link')")
    used = _used(lists, people)
    values = _stratum_values(db, field, set(people))
    groups: dict[str, list[set[str]]] = defaultdict(list)
    for pid, on in people.items():
        groups[values[pid]].append(on)
    out: dict[str, CaptureHistories] = {}
    for value in sorted(groups):
        where = f"{source} [{field}={value}]" if source else f"{field}={value}"
        try:
            out[value] = CaptureHistories.from_records(groups[value], lists=used,
                                                       stratum=value, source=where)
        except EstimationError as e:
            raise EstimationError(f"stratum {field}={value!r} cannot be estimated: {e}") from e
    return out

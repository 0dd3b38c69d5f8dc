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
from dadkhah.names import canonical_sex, normalize_text
from dadkhah.places import resolve_place
from dadkhah.store.db import Database

__all__ = ["PERSON_FIELDS", "RECORD_FIELDS", "UNKNOWN_STRATUM", "case_histories", "case_strata"]

PERSON_FIELDS = ("sex", "city", "province")
RECORD_FIELDS = (
    "sex",
    "city",
    "province",
    "prison",
    "affiliation",
    "birth_place",
    "death_place",
    "death_date",
    "birth_date",
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
        raise EstimationError(
            "the case has no linked persons: import lists and run linkage first ('dadkhah link')"
        )
    return CaptureHistories.from_records(people.values(), lists=_used(lists, people), source=source)


def _used(lists: list[str], people: dict[int, set[str]]) -> list[str]:
    seen = set().union(*people.values())
    return [name for name in lists if name in seen]


def _stratum_values(db: Database, field: str, person_ids: set[int]) -> dict[int, str]:
    if field not in PERSON_FIELDS and field not in RECORD_FIELDS:
        raise EstimationError(
            f"cannot stratify by {field!r}: {one_of(field, sorted(set(PERSON_FIELDS + RECORD_FIELDS)))}"
        )
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
    canonical = {pid: canonical_value(field, v) for pid, v in values.items()}
    # a free-text stratum is shown as its most common spelling, not its normalised key
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for pid, key in canonical.items():
        spellings[key][values[pid]] += 1
    label = {
        key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if field not in _CANONICAL_FIELDS
        else key
        for key, c in spellings.items()
    }
    return {
        pid: label[canonical[pid]] if pid in canonical else UNKNOWN_STRATUM for pid in person_ids
    }


_PLACE_FIELDS = {"city": "city", "birth_place": "city", "death_place": "city", "prison": "prison"}
_CANONICAL_FIELDS = {"sex", "province", *_PLACE_FIELDS}


def canonical_value(field: str, value: str) -> str:
    """One spelling per stratum: sex as male/female, places through the gazetteer (provinces by
    their current English name), other text normalised across scripts."""
    if field == "sex":
        return canonical_sex(value) or normalize_text(value)
    if field == "province":
        place = resolve_place(value)
        if place is not None and place.province:
            return place.province
        return normalize_text(value)
    if field in _PLACE_FIELDS:
        place = resolve_place(value)
        return place.name if place is not None else normalize_text(value)
    return normalize_text(value) or value


MIN_STRATUM_OBSERVED = 50
"""Strata with fewer persons than this are pooled into one "(other)" stratum."""
POOLED_STRATUM = "(other)"


def _stratum_table(
    people: list[set[str]], lists: list[str], value: str, where: str
) -> CaptureHistories:
    """The table of one stratum over the lists that record someone in it."""
    on_some = [name for name in lists if any(name in p for p in people)]
    return CaptureHistories.from_records(people, lists=on_some, stratum=value, source=where)


def case_strata(
    db: Database, field: str, *, source: str | None = None
) -> dict[str, CaptureHistories]:
    """One capture table per value of ``field``, sorted by value.

    Values are canonical (``M``, ``مرد`` and ``male`` are one stratum; a province written in
    Persian or Latin script is one province). Each stratum uses the lists that record someone in
    it. Strata with fewer than :data:`MIN_STRATUM_OBSERVED` persons, or whose table cannot support
    an estimate (lists that never overlap), are pooled into one ``(other)`` stratum; if that
    pooled stratum cannot be estimated either, :class:`EstimationError` names it.
    """
    lists = _active_lists(db)
    people = _memberships(db)
    if not people:
        raise EstimationError(
            "the case has no linked persons: import lists and run linkage first ('dadkhah link')"
        )
    used = _used(lists, people)
    values = _stratum_values(db, field, set(people))
    groups: dict[str, list[set[str]]] = defaultdict(list)
    for pid, on in people.items():
        groups[values[pid]].append(on)
    out: dict[str, CaptureHistories] = {}
    pooled: list[set[str]] = []
    pooled_names: list[str] = []
    for value in sorted(groups):
        where = f"{source} [{field}={value}]" if source else f"{field}={value}"
        if len(groups[value]) < MIN_STRATUM_OBSERVED:
            pooled.extend(groups[value])
            pooled_names.append(value)
            continue
        try:
            out[value] = _stratum_table(groups[value], used, value, where)
        except EstimationError:
            pooled.extend(groups[value])
            pooled_names.append(value)
    if pooled:
        where = f"{source} [{field} in {pooled_names}]" if source else f"{field} in {pooled_names}"
        try:
            out[POOLED_STRATUM] = _stratum_table(pooled, used, POOLED_STRATUM, where)
        except EstimationError as e:
            raise EstimationError(
                f"the small strata of {field!r} pooled together ({', '.join(pooled_names)}) still "
                f"cannot be estimated: {e}; stratify by a coarser field"
            ) from e
    return out

"""Strata of a case: canonical values across scripts, per-stratum lists, small strata pooled."""

from __future__ import annotations

import itertools

from dadkhah.estimate.from_case import POOLED_STRATUM, canonical_value, case_strata
from dadkhah.store import Case


def _fill(case: Case, people: list[tuple[str, str, tuple[str, ...]]]) -> None:
    """people: (sex, province as written, lists naming the person)."""
    db = case.db
    with db.transaction():
        ids = {}
        for name in ("A", "B", "C"):
            ids[name] = db.insert(
                "INSERT INTO victim_list (name, imported_at, imported_by) VALUES (?, 't', 'test')",
                (name,),
            )
        counter = itertools.count(1)
        for i, (sex, province, on) in enumerate(people, start=1):
            pid = db.insert(
                "INSERT INTO person (uid, sex, created_at, created_by) VALUES (?, ?, 't', 'test')",
                (f"P-{i:06d}", None),
            )
            for name in on:
                rid = db.insert(
                    "INSERT INTO list_record (list_id, record_id, raw, sex, province) VALUES (?, ?, '{}', ?, ?)",
                    (ids[name], str(next(counter)), sex, province),
                )
                db.execute(
                    "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)",
                    (rid, pid),
                )


def _people(
    province: str, n: int, lists: tuple[tuple[str, ...], ...]
) -> list[tuple[str, str, tuple[str, ...]]]:
    return [("M", province, lists[i % len(lists)]) for i in range(n)]


def test_values_are_canonical_across_scripts() -> None:
    assert canonical_value("province", "تهران") == canonical_value("province", "Tehran") == "Tehran"
    assert canonical_value("sex", "مذکر") == canonical_value("sex", "M") == "male"


def test_strata_merge_scripts_pool_small_ones_and_use_their_own_lists(sqlite_case: Case) -> None:
    full = (("A",), ("B",), ("C",), ("A", "B"), ("A", "C"), ("B", "C"), ("A", "B", "C"))
    no_c = (("A",), ("B",), ("A", "B"))
    people = (
        _people("Tehran", 70, full)
        + _people("تهران", 70, full)
        + _people("Gilan", 90, no_c)  # list C records no one in Gilan
        + _people("Fars", 10, full)
        + _people("فارس", 5, full)
        + _people("Kurdistan", 20, full)
    )
    _fill(sqlite_case, people)
    strata = case_strata(sqlite_case.db, "province")
    assert set(strata) == {"Tehran", "Gilan", POOLED_STRATUM}
    assert strata["Tehran"].observed == 140
    assert strata["Gilan"].lists == ("A", "B")
    assert strata[POOLED_STRATUM].observed == 35
    assert sum(t.observed for t in strata.values()) == len(people)

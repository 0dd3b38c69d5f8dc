"""Stable person ids across runs, new lists attaching, and binding reviewer decisions."""

from __future__ import annotations

import pytest
from tests.link.lists import insert_list, make_lists, make_persons

from dadkhah.api import link as link_api
from dadkhah.errors import Conflict, InputError
from dadkhah.store import Case
from dadkhah.store.audit import entries


def _uids(case: Case) -> dict[int, str]:
    return {
        int(r["list_record_id"]): r["uid"]
        for r in case.db.query(
            "SELECT rp.list_record_id, p.uid FROM record_person rp JOIN person p ON p.id = rp.person_id"
        )
    }


@pytest.fixture
def two_lists_linked(sqlite_case: Case) -> Case:
    lists = make_lists(make_persons(250, seed=5), seed=5)
    insert_list(sqlite_case, "fa", lists["fa"])
    insert_list(sqlite_case, "en", lists["en"])
    link_api.link_case(sqlite_case.path, actor="tester")
    sqlite_case.__dict__["_lists"] = lists
    return sqlite_case


def test_rerun_keeps_every_id_and_a_new_list_attaches(two_lists_linked: Case) -> None:
    case = two_lists_linked
    before = _uids(case)
    run2 = link_api.link_case(case.path, actor="tester")
    assert _uids(case) == before
    assert run2.new_persons == 0 and run2.retired_persons == 0
    insert_list(case, "var", case.__dict__["_lists"]["var"])
    run3 = link_api.link_case(case.path, actor="tester")
    after = _uids(case)
    assert set(after) > set(before)
    changed = [rid for rid in before if after[rid] != before[rid]]
    assert len(changed) <= 0.02 * len(before), changed
    # one record_person row per active record
    n = case.db.scalar("SELECT COUNT(*) FROM list_record")
    assert case.db.scalar("SELECT COUNT(*) FROM record_person") == n == run3.record_count
    runs = link_api.list_runs(case.path)
    assert [r.id for r in runs] == [1, 2, 3]
    assert runs[0].input_hash == runs[1].input_hash != runs[2].input_hash


def _pair_in_one_person(case: Case) -> tuple[int, int]:
    row = case.db.query_one(
        "SELECT MIN(list_record_id) AS a, MAX(list_record_id) AS b FROM record_person"
        " GROUP BY person_id HAVING COUNT(*) >= 2 ORDER BY person_id LIMIT 1"
    )
    assert row is not None
    return int(row["a"]), int(row["b"])


def test_not_same_splits_and_binds_and_undo_restores(two_lists_linked: Case) -> None:
    case = two_lists_linked
    a, b = _pair_in_one_person(case)
    with case.db.transaction():
        rid = case.db.insert(
            "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason, status)"
            " VALUES (1, ?, ?, 0.99, 'test', 'open')",
            (a, b),
        )
    decision = link_api.decide(case.path, rid, "not_same", reviewer="reviewer-1")
    assert decision is not None and decision.verdict == "not_same"
    with pytest.raises(Conflict):
        link_api.decide(case.path, rid, "same", reviewer="reviewer-1")
    link_api.link_case(case.path, actor="tester")
    uids = _uids(case)
    assert uids[a] != uids[b]
    assert any(e.action == "link.decide" and e.actor == "reviewer-1" for e in entries(case.db))
    link_api.undo_decision(case.path, reviewer="reviewer-1")
    link_api.link_case(case.path, actor="tester")
    uids = _uids(case)
    assert uids[a] == uids[b]


def test_same_merges_records_the_model_keeps_apart(two_lists_linked: Case) -> None:
    case = two_lists_linked
    uids = _uids(case)
    ids = sorted(uids)
    a = ids[0]
    b = next(r for r in ids[::-1] if uids[r] != uids[a])
    with case.db.transaction():
        rid = case.db.insert(
            "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason, status)"
            " VALUES (1, ?, ?, 0.6, 'test', 'open')",
            (a, b),
        )
    link_api.decide(case.path, rid, "same", reviewer="reviewer-2")
    link_api.link_case(case.path, actor="tester")
    uids = _uids(case)
    assert uids[a] == uids[b]


def test_unknown_verdict_is_refused(two_lists_linked: Case) -> None:
    with pytest.raises(InputError, match="same, not_same, skip"):
        link_api.decide(two_lists_linked.path, 1, "maybe", reviewer="r")


def test_review_status_and_runs_for_reports(two_lists_linked: Case) -> None:
    case = two_lists_linked
    status = link_api.review_status(case)
    queued = case.db.scalar("SELECT COUNT(*) FROM link_review WHERE status = 'open'")
    assert status == {"pending": queued, "decided": 0, "total": queued}
    runs = link_api.runs(case)
    assert len(runs) == 1 and runs[0]["record_count"] == case.db.scalar(
        "SELECT COUNT(*) FROM list_record"
    )

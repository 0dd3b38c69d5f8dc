"""The terminal review: pairs side by side, keys decide, undo revokes."""

from __future__ import annotations

import io
import json

import pytest
from tests.link.lists import insert_list

from dadkhah.api import link as link_api
from dadkhah.cli import main
from dadkhah.store import Case


@pytest.fixture
def queued(sqlite_case: Case) -> Case:
    insert_list(
        sqlite_case,
        "fa",
        [
            {
                "truth": "a",
                "given_name": "رضا",
                "surname": "احمدی",
                "father_name": "حسن",
                "sex": "مرد",
            },
            {
                "truth": "b",
                "given_name": "حمید",
                "surname": "احمدی",
                "father_name": "حسن",
                "sex": "مرد",
            },
        ],
    )
    insert_list(
        sqlite_case,
        "en",
        [
            {"truth": "a", "full_name": "Reza Ahmadi", "father_name": "Hassan", "sex": "M"},
        ],
    )
    link_api.link_case(sqlite_case.path, actor="tester")
    ids = [int(r["id"]) for r in sqlite_case.db.query("SELECT id FROM list_record ORDER BY id")]
    with sqlite_case.db.transaction():
        sqlite_case.db.execute("DELETE FROM link_review")
        for a, b in ((ids[0], ids[2]), (ids[0], ids[1])):
            sqlite_case.db.insert(
                "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason,"
                " status) VALUES (1, ?, ?, 0.5, 'test', 'open')",
                (a, b),
            )
    return sqlite_case


def test_keys_decide_and_undo(
    queued: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("s\nu\nn\nn\n"))
    assert main(["review", str(queued.path), "--reviewer", "rev"]) == 0
    out = capsys.readouterr().out
    assert "Reza Ahmadi" in out and "رضا" in out  # both scripts side by side
    rows = queued.db.query("SELECT verdict, revoked_at FROM link_decision ORDER BY id")
    # s then u (revoked), then n on the same pair, then n on the sibling pair
    assert [(r["verdict"], r["revoked_at"] is not None) for r in rows] == [
        ("same", True),
        ("not_same", False),
        ("not_same", False),
    ]
    assert link_api.review_status(queued)["pending"] == 0


def test_queue_as_json_and_decide_without_screen(
    queued: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(queued.path), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 2 and items[0]["left"]["fields"]
    assert (
        main(["review", str(queued.path), "--decide", str(items[1]["id"]), "--verdict", "not_same"])
        == 0
    )
    assert (
        main(["review", str(queued.path), "--decide", str(items[1]["id"]), "--verdict", "same"])
        == 4
    )

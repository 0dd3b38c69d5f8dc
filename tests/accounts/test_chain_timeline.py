"""chain and timeline on the bulk-loaded fixture: holders over time, conflicts, hierarchy."""

from __future__ import annotations

from typing import Any

import pytest

from dadkhah.accounts import chain, timeline
from dadkhah.errors import InputError, NotFound
from dadkhah.store import Case


def _holders(node: dict[str, Any], post_label: str) -> list[tuple[str, str, str]]:
    for p in node["posts"]:
        if p["post"]["label"] == post_label:
            return sorted((h["person"]["label"], h["status"], h["basis"]) for h in p["holders"])
    raise AssertionError(f"no post {post_label}")


def test_chair_changes_hands(loaded: Case) -> None:
    before = chain(loaded.db, "Northern Commission", "1988-08-01")
    after = chain(loaded.db, "Northern Commission", "1988-08-15")
    assert _holders(before, "Chair, Northern Commission") == [
        ("Karim Tavakoli", "accepted", "cited")
    ]
    assert _holders(after, "Chair, Northern Commission") == [("Reza Samadi", "accepted", "cited")]
    # boundaries are inclusive
    assert (
        _holders(
            chain(loaded.db, "Northern Commission", "1988-08-10"), "Chair, Northern Commission"
        )[0][0]
        == "Karim Tavakoli"
    )
    assert (
        _holders(
            chain(loaded.db, "Northern Commission", "1988-08-11"), "Chair, Northern Commission"
        )[0][0]
        == "Reza Samadi"
    )


def test_conflicting_holders_are_both_shown_with_sources(loaded: Case) -> None:
    ch = chain(loaded.db, "Northern Commission", "1988-08-01")
    assert _holders(ch, "Member, Northern Commission") == [
        ("Javad Amini", "conflict", "cited"),
        ("Mahmoud Karimi", "conflict", "cited"),
    ]
    member = next(p for p in ch["posts"] if p["post"]["label"] == "Member, Northern Commission")
    amini = next(h for h in member["holders"] if h["person"]["label"] == "Javad Amini")
    assert [s["title"] for s in amini["sources"]] == ["Report A", "Court record C"]


def test_superiors_and_subordinates_on_the_day(loaded: Case) -> None:
    ch = chain(loaded.db, "Northern Commission", "1988-08-01")
    assert [(s["relation"], s["organization"]["label"]) for s in ch["superiors"]] == [
        ("part_of", "Ministry of Justice")
    ]
    assert _holders(ch["superiors"][0], "Minister of Justice") == [
        ("Hassan Moradi", "accepted", "cited")
    ]
    assert [(s["relation"], s["organization"]["label"]) for s in ch["subordinates"]] == [
        ("commands", "Central Prison")
    ]
    prison = ch["subordinates"][0]
    assert _holders(prison, "Warden, Central Prison") == []  # last cited June 1988
    with_possible = chain(loaded.db, "Northern Commission", "1988-08-01", possible=True)
    assert _holders(with_possible["subordinates"][0], "Warden, Central Prison") == [
        ("Mahmoud Karimi", "accepted", "possible")
    ]
    # after September the commission no longer commands the prison, but is still part of the ministry
    later = chain(loaded.db, "Northern Commission", "1988-10-15")
    assert later["subordinates"] == []
    assert len(later["superiors"]) == 1
    assert _holders(later, "Chair, Northern Commission") == []


def test_chain_from_below_climbs(loaded: Case) -> None:
    ch = chain(loaded.db, "Central Prison", "1988-08-01")
    top = ch["superiors"][0]
    assert top["organization"]["label"] == "Northern Commission"
    assert top["superiors"][0]["organization"]["label"] == "Ministry of Justice"


def test_chain_errors(loaded: Case) -> None:
    with pytest.raises(NotFound):
        chain(loaded.db, "No Such Body", "1988-08-01")
    with pytest.raises(InputError):
        chain(loaded.db, "Northern Commission", "1 August 1988")


def test_timeline_in_date_order(loaded: Case) -> None:
    t = timeline(loaded.db, "Reza Samadi")
    kinds = [(e["kind"], e["start"]) for e in t["entries"]]
    assert kinds == [
        ("posting", "1988-08-11"),
        ("presence", "1988-08-19"),
        ("involvement", "1988-08-20"),
        ("proceeding", "2021-11-02"),
        ("name", None),
    ]
    # found by alias too
    assert timeline(loaded.db, "رضا صمدی")["person"]["uid"] == t["person"]["uid"]


def test_timeline_of_a_victim_has_acts(loaded: Case) -> None:
    t = timeline(loaded.db, "Ali Rezaei")
    whats = [(e["start"], e["what"]) for e in t["entries"]]
    assert set(whats[:2]) == {
        ("1988-08-01", "victim of secret burial at North field"),
        ("1988-08-01", "buried at North field"),
    }
    assert ("1988-08-20", "victim of execution at Central Prison site") in whats
    assert any(e["kind"] == "kinship" for e in t["entries"])
    assert [
        e["start"] for e in timeline(loaded.db, "Ali Rezaei", undated=False)["entries"]
    ] == sorted(e["start"] for e in t["entries"] if e["start"])

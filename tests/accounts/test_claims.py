"""Claims: citations required, vocabularies checked, status changes and every write audited."""

from __future__ import annotations

import pytest

from dadkhah.accounts import (
    add_claim,
    add_organization,
    add_person,
    add_post,
    add_site,
    add_source,
    get_claim,
    list_claims,
    resolve,
    set_status,
)
from dadkhah.accounts.figures import contested_figures
from dadkhah.errors import Conflict, InputError, NotFound
from dadkhah.model.accounts import Citation
from dadkhah.store import Case
from dadkhah.store.audit import entries, verify_chain


def _source(case: Case) -> int:
    return int(add_source(case.db, actor="t", title="A report", knowledge="eyewitness")["id"])


def test_claim_needs_a_citation_and_valid_details(sqlite_case: Case) -> None:
    db = sqlite_case.db
    sid = _source(sqlite_case)
    person = add_person(db, actor="t", name="Someone")
    post = add_post(db, actor="t", title="Member")
    with pytest.raises(InputError, match="at least one citation"):
        add_claim(db, actor="t", kind="posting", subject=person, object=post, citations=[])
    with pytest.raises(InputError) as e:
        add_claim(
            db,
            actor="t",
            kind="posting",
            subject=person,
            object=post,
            citations=[Citation(sid)],
            details={"rol": "member"},
        )
    assert e.value.problems[0].field == "rol"
    with pytest.raises(InputError, match="must be a post"):
        add_claim(
            db, actor="t", kind="posting", subject=person, object=person, citations=[Citation(sid)]
        )
    with pytest.raises(InputError, match="needs an object"):
        add_claim(
            db,
            actor="t",
            kind="involvement",
            subject=person,
            object=None,
            citations=[Citation(sid)],
        )
    with pytest.raises(NotFound):
        add_claim(
            db, actor="t", kind="posting", subject=person, object=post, citations=[Citation(999)]
        )
    before = len(entries(db))
    c = add_claim(
        db,
        actor="t",
        kind="posting",
        subject=person,
        object=post,
        citations=[Citation(sid, page="3", quote="he sat", char_start=10, char_end=16)],
        details={"role": "member", "started": "true"},
    )
    assert c.details == {"role": "member", "started": True}
    assert c.citations[0].locator() == "p. 3, chars 10-16, \u201che sat\u201d"
    assert len(entries(db)) == before + 1
    assert entries(db)[-1].action == "accounts.claim.add"
    assert entries(db)[-1].target == c.uid


def test_status_change_is_audited_and_chain_verifies(sqlite_case: Case) -> None:
    db = sqlite_case.db
    sid = _source(sqlite_case)
    org = add_organization(db, actor="t", name="Body", org_type="court")
    c = add_claim(
        db, actor="t", kind="name", subject=org, value_text="The Court", citations=[Citation(sid)]
    )
    assert c.status == "work needed"
    set_status(db, actor="reviewer", claim=c.uid, status="accepted", note="checked")
    assert get_claim(db, c.uid).status == "accepted"
    last = entries(db)[-1]
    assert (last.actor, last.action, last.details["from"], last.details["to"]) == (
        "reviewer",
        "accounts.claim.status",
        "work needed",
        "accepted",
    )
    assert verify_chain(db)[1] is None
    with pytest.raises(InputError):
        set_status(db, actor="t", claim=c.uid, status="done")
    # aliases resolve to the entity
    assert resolve(db, "the court").uid == org.uid


def test_entities_validate_input(sqlite_case: Case) -> None:
    db = sqlite_case.db
    with pytest.raises(InputError, match="org_type"):
        add_organization(db, actor="t", name="X", org_type="club")
    with pytest.raises(InputError, match="geometry"):
        add_site(
            db,
            actor="t",
            name="S",
            site_type="prison",
            geometry={"type": "Point", "coordinates": [200, 10]},
        )
    with pytest.raises(InputError, match=r"closed ring|geometry"):
        add_site(
            db,
            actor="t",
            name="S",
            site_type="prison",
            geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
        )
    s = add_site(db, actor="t", name="S", site_type="prison", lat=35.5, lon=51.25)
    assert s.fields["geometry"] == {"type": "Point", "coordinates": [51.25, 35.5]}
    add_person(db, actor="t", name="A", uid="P-AX1")
    with pytest.raises(Conflict):
        add_person(db, actor="t", name="B", uid="P-AX1")
    assert add_person(db, actor="t", name="C").uid.startswith("P-A")
    add_person(db, actor="t", name="Same")
    add_person(db, actor="t", name="Same")
    with pytest.raises(InputError, match="ambiguous"):
        resolve(db, "Same")


def test_contested_figures_side_by_side_with_estimate(loaded: Case) -> None:
    groups = contested_figures(
        loaded.db, estimate={"value": 410, "low": 350, "high": 520, "method": "MSE"}
    )
    assert len(groups) == 1
    g = groups[0]
    assert g["quantity"] == "people executed" and g["contested"] is True
    assert [(f["value"], f["sources"][0]["title"]) for f in g["figures"]] == [
        (300.0, "Report A"),
        (450.0, "Testimony B"),
    ]
    assert g["estimate"]["value"] == 410
    assert contested_figures(loaded.db, quantity="graves") == []


def test_list_claims_filters(loaded: Case) -> None:
    db = loaded.db
    assert len(list_claims(db, kind="posting")) == 6
    assert {
        c.subject.label for c in list_claims(db, status="conflict", kind="posting") if c.subject
    } == {"Javad Amini", "Mahmoud Karimi"}
    chair = resolve(db, "Chair, Northern Commission")
    assert len(list_claims(db, entity=chair)) == 3  # two postings, one involvement


def test_dates_in_words_and_iso() -> None:
    from dadkhah.accounts.when import to_range

    assert to_range(date="1988-07/1988-09") == to_range(start="1988-07", end="1988-09")
    r = to_range(date="1988-07/1988-09")
    assert (r.start, r.end, r.precision) == ("1988-07-01", "1988-09-30", "month")
    words = to_range(text="مرداد ۱۳۶۷")
    assert (words.start, words.end, words.text) == ("1988-07-23", "1988-08-22", "مرداد ۱۳۶۷")
    assert to_range(text="as the witness recalls it").start is None
    with pytest.raises(InputError):
        to_range(date="1988-09/1988-07")
    with pytest.raises(InputError):
        to_range(date="1988-13")

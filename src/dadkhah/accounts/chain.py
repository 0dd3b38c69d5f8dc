"""The chain of command on one day: who held which post in an organisation, and under whom.

Starting from one organisation, :func:`chain` lists its posts and their holders on the day (from
``posting`` claims whose dates cover it), then climbs the organisations it was part of, reported
to or was commanded by on that day (``org_relation`` claims), and descends to the units under it.
Conflicting claims are all shown, each with its status and sources: the chain never picks one.
"""

from __future__ import annotations

from typing import Any

from dadkhah.accounts.claims import list_claims
from dadkhah.accounts.entities import entity_by_id, resolve
from dadkhah.accounts.when import bound
from dadkhah.model.accounts import Claim, DateRange, Entity
from dadkhah.store.db import Database

__all__ = ["chain", "holders_on"]


def _sources(claim: Claim) -> list[dict[str, Any]]:
    return [
        {"source_id": c.source_id, "title": c.source_title, "locator": c.locator()}
        for c in claim.citations
    ]


def _basis(claim: Claim, day: str) -> str | None:
    """'cited' when the day lies between the first and last cited dates; 'possible' when it lies
    outside them on a side not closed by a started/ended flag; None otherwise."""
    d = claim.dates
    if d.covers(day):
        return "cited"
    if d.start is not None and day < d.start and not claim.details.get("started"):
        return "possible"
    if d.end is not None and day > d.end and not claim.details.get("ended"):
        return "possible"
    return None


def holders_on(
    db: Database, post: Entity, day: str, *, possible: bool = False
) -> list[dict[str, Any]]:
    """Persons who held a post on ``day``, from posting claims (all of them, conflicting or not)."""
    out = []
    for claim in list_claims(db, kind="posting", entity=post):
        basis = _basis(claim, day)
        if basis is None or (basis == "possible" and not possible) or claim.subject is None:
            continue
        out.append(
            {
                "person": claim.subject.to_dict(),
                "claim": claim.uid,
                "status": claim.status,
                "basis": basis,
                "role": claim.details.get("role"),
                "title": claim.details.get("title"),
                "rank": claim.details.get("rank"),
                "dates": claim.dates.to_dict(),
                "sources": _sources(claim),
            }
        )
    return out


def _posts(db: Database, org: Entity, day: str, possible: bool) -> list[dict[str, Any]]:
    rows = db.query("SELECT id FROM post WHERE organization_id = ? ORDER BY id", (org.id,))
    posts = []
    for r in rows:
        post = entity_by_id(db, "post", int(r["id"]))
        posts.append(
            {"post": post.ref().to_dict(), "holders": holders_on(db, post, day, possible=possible)}
        )
    return posts


# org_relation "relation" -> is the subject below the object?
_UPWARD = {"part_of": True, "reports_to": True, "commands": False}


def _links(db: Database, org: Entity, day: str, *, up: bool) -> list[tuple[Claim, Entity]]:
    found = []
    for claim in list_claims(db, kind="org_relation", entity=org):
        if not claim.dates.covers(day) or claim.subject is None or claim.object is None:
            continue
        subject_below = _UPWARD[claim.details["relation"]]
        me_subject = claim.subject.uid == org.uid
        other = claim.object if me_subject else claim.subject
        # the other organisation is above me when (I am subject and subject is below) or the reverse
        other_above = me_subject == subject_below
        if other_above == up:
            found.append((claim, resolve(db, other.uid, types=("organization",))))
    return found


def _node(
    db: Database, org: Entity, day: str, *, direction: str | None, seen: set[str], possible: bool
) -> dict[str, Any]:
    seen = seen | {org.uid}
    node: dict[str, Any] = {
        "organization": org.ref().to_dict(),
        "org_type": org.fields.get("org_type"),
        "posts": _posts(db, org, day, possible),
    }
    for key, up in (("superiors", True), ("subordinates", False)):
        if direction is not None and direction != key:
            continue
        node[key] = [
            {
                "relation": claim.details["relation"],
                "claim": claim.uid,
                "status": claim.status,
                "sources": _sources(claim),
                **_node(db, other, day, direction=key, seen=seen, possible=possible),
            }
            for claim, other in _links(db, org, day, up=up)
            if other.uid not in seen
        ]
    return node


def chain(db: Database, org: str, day: str, *, possible: bool = False) -> dict[str, Any]:
    """The organisation ``org`` (uid, name or alias) on ``day`` (YYYY-MM-DD): posts and holders,
    the organisations above it (``superiors``, recursively) and below it (``subordinates``)."""
    start, _ = bound(day, upper=False, field="date")
    end, _ = bound(day, upper=True, field="date")
    if start != end:
        day = start  # a month or year: take its first day, said in the result
    entity = resolve(db, org, types=("organization",), field="organization")
    node = _node(db, entity, start, direction=None, seen=set(), possible=possible)
    return {
        "date": start,
        "asked": DateRange(start, end).to_dict() if start != end else start,
        **node,
    }

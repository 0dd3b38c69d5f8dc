"""Exports: Popolo JSON (persons, organizations, posts, memberships with sources) and GeoJSON of sites.

Popolo (https://www.popoloproject.com/) is the open format for people, organisations and the
posts they hold. A Dadkhah posting claim becomes a membership whose ``start_date``/``end_date``
are the first and last cited dates, with the claim's citations as ``sources``. Confidential and
restricted items are left out unless the caller asks for them.
"""

from __future__ import annotations

from typing import Any

from dadkhah.accounts.claims import list_claims
from dadkhah.accounts.entities import list_entities
from dadkhah.errors import InputError, one_of
from dadkhah.model.accounts import CONFIDENTIALITIES, Claim
from dadkhah.store.db import Database

__all__ = ["geojson_sites", "popolo"]


def _allowed(level: str | None, max_level: str) -> bool:
    if max_level not in CONFIDENTIALITIES:
        raise InputError(f"confidentiality {one_of(max_level, CONFIDENTIALITIES)}")
    if level not in CONFIDENTIALITIES and level is not None:
        return False  # an unknown level is treated as the most restrictive
    return CONFIDENTIALITIES.index(level or "restricted") <= CONFIDENTIALITIES.index(max_level)


def _sources(db: Database, claim: Claim) -> list[dict[str, Any]]:
    out = []
    for c in claim.citations:
        note = db.scalar("SELECT notes FROM source WHERE id = ?", (c.source_id,)) or ""
        url = next((w for w in str(note).split() if w.startswith(("http://", "https://"))), None)
        item: dict[str, Any] = {
            "note": f"{c.source_title}" + (f" ({c.locator()})" if c.locator() else "")
        }
        if url:
            item["url"] = url
        out.append(item)
    return out


def popolo(db: Database, *, max_confidentiality: str = "public") -> dict[str, Any]:
    """A Popolo document of the case's accounts, up to the given confidentiality level."""
    claims = [c for c in list_claims(db) if _allowed(c.confidentiality, max_confidentiality)]
    names: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        if c.kind == "name" and c.subject is not None:
            names.setdefault(c.subject.uid, []).append(
                {"name": c.value_text, "note": c.details.get("name_type")}
            )
    persons = []
    for p in list_entities(db, "person"):
        if not any(
            (c.subject and c.subject.uid == p.uid) or (c.object and c.object.uid == p.uid)
            for c in claims
        ):
            continue  # only persons that public claims speak about
        item: dict[str, Any] = {"id": p.uid, "name": p.fields.get("display_name_latin") or p.label}
        if p.fields.get("display_name_latin") and p.fields.get("display_name") != p.fields.get(
            "display_name_latin"
        ):
            names.setdefault(p.uid, []).append({"name": p.fields["display_name"]})
        if names.get(p.uid):
            item["other_names"] = names[p.uid]
        persons.append(item)
    organizations = [
        {
            "id": o.uid,
            "name": o.label,
            "classification": o.fields.get("org_type"),
            **({"other_names": names[o.uid]} if names.get(o.uid) else {}),
        }
        for o in list_entities(db, "organization")
        if _allowed(o.fields.get("confidentiality"), max_confidentiality)
    ]
    org_ids = {o["id"] for o in organizations}
    for c in claims:
        if (
            c.kind == "org_relation"
            and c.details.get("relation") == "part_of"
            and c.subject
            and c.object
        ):
            for o in organizations:
                if o["id"] == c.subject.uid and c.object.uid in org_ids:
                    o["parent_id"] = c.object.uid
    posts = []
    for p in list_entities(db, "post"):
        if not _allowed(p.fields.get("confidentiality"), max_confidentiality):
            continue
        item = {"id": p.uid, "label": p.label}
        if p.fields.get("organization") in org_ids:
            item["organization_id"] = p.fields["organization"]
        posts.append(item)
    post_org = {p["id"]: p.get("organization_id") for p in posts}
    memberships = []
    for c in claims:
        if (
            c.kind != "posting"
            or c.subject is None
            or c.object is None
            or c.object.uid not in post_org
        ):
            continue
        m: dict[str, Any] = {
            "id": c.uid,
            "person_id": c.subject.uid,
            "post_id": c.object.uid,
            "role": c.details.get("role") or c.details.get("title") or c.object.label,
            "sources": _sources(db, c),
        }
        if post_org[c.object.uid]:
            m["organization_id"] = post_org[c.object.uid]
        if c.dates.start:
            m["start_date"] = c.dates.start
        if c.dates.end:
            m["end_date"] = c.dates.end
        memberships.append(m)
    return {
        "persons": persons,
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
    }


def geojson_sites(db: Database, *, max_confidentiality: str = "public") -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the sites that have a geometry."""
    features = []
    for s in list_entities(db, "site"):
        f = s.fields
        if not f.get("geometry") or not _allowed(f.get("confidentiality"), max_confidentiality):
            continue
        features.append(
            {
                "type": "Feature",
                "id": s.uid,
                "geometry": f["geometry"],
                "properties": {
                    "uid": s.uid,
                    "name": s.label,
                    "site_type": f.get("site_type"),
                    "coordinate_precision": f.get("coordinate_precision"),
                    "precision_m": f.get("precision_m"),
                    "location_method": f.get("location_method"),
                    "place": f.get("place"),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}

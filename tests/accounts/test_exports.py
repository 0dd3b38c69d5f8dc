"""Popolo and GeoJSON exports respect confidentiality and carry sources."""

from __future__ import annotations

from dadkhah.accounts import geojson_sites, popolo
from dadkhah.store import Case


def test_popolo(loaded: Case) -> None:
    doc = popolo(loaded.db)
    post_ids = {p["label"]: p["id"] for p in doc["posts"]}
    members = {(m["person_id"], m["post_id"]) for m in doc["memberships"]}
    persons = {p["id"]: p["name"] for p in doc["persons"]}
    # the restricted posting (Karimi as member, from a testimony) is left out of a public export
    assert len(doc["memberships"]) == 5
    chair = [
        m for m in doc["memberships"] if m["post_id"] == post_ids["Chair, Northern Commission"]
    ]
    assert sorted((persons[m["person_id"]], m["start_date"], m["end_date"]) for m in chair) == [
        ("Karim Tavakoli", "1988-07-01", "1988-08-10"),
        ("Reza Samadi", "1988-08-11", "1988-09-30"),
    ]
    assert all(m["sources"] for m in doc["memberships"])
    assert all(m["organization_id"] for m in doc["memberships"])
    orgs = {o["name"]: o for o in doc["organizations"]}
    assert orgs["Northern Commission"]["parent_id"] == orgs["Ministry of Justice"]["id"]
    full = popolo(loaded.db, max_confidentiality="confidential")
    assert len(full["memberships"]) == 6
    assert members < {(m["person_id"], m["post_id"]) for m in full["memberships"]}


def test_geojson(loaded: Case) -> None:
    public = geojson_sites(loaded.db)
    assert public["type"] == "FeatureCollection"
    assert [f["properties"]["name"] for f in public["features"]] == ["Central Prison site"]
    assert public["features"][0]["geometry"] == {"type": "Point", "coordinates": [51.4, 35.7]}
    everything = geojson_sites(loaded.db, max_confidentiality="confidential")
    polygon = next(f for f in everything["features"] if f["properties"]["name"] == "North field")
    assert polygon["geometry"]["type"] == "Polygon"
    assert polygon["properties"]["coordinate_precision"] == "exact"

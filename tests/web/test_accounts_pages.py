"""Claims, timeline, chain of command, sites map and documents pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import login

from dadkhah.api import accounts as accounts_api
from dadkhah.api import evidence as evidence_api
from dadkhah.store import Case

STATIC = Path(__file__).resolve().parents[2] / "src/dadkhah/web/static"


@pytest.fixture
def accounts_case(web_case: Case) -> Case:
    accounts_api.import_file(web_case, accounts_api.example_path(), actor="test")
    return web_case


def test_chain_timeline_and_claims(client: TestClient, accounts_case: Case) -> None:
    login(client, "viewer")
    org = accounts_api.list_entities(accounts_case, "organization")[0]
    page = client.get("/chain", params={"org": org.uid, "date": "1988-08-01"})
    assert page.status_code == 200
    assert "Hossein-Ali Nayyeri" in page.text and "Sharia judge" in page.text
    api = client.get("/api/chain", params={"org": org.uid, "date": "1988-08-01"}).json()
    assert api["organization"]["uid"] == org.uid
    person = accounts_api.get_entity(accounts_case, "Hossein-Ali Nayyeri")
    tl = client.get(f"/timeline/{person.uid}")
    assert tl.status_code == 200 and "1988" in tl.text
    claims = client.get("/api/claims").json()
    assert claims and all(c["citations"] is not None for c in claims)
    assert "Add a claim" not in client.get("/claims").text  # viewers cannot add


def test_investigator_adds_a_claim_viewer_cannot(client: TestClient, accounts_case: Case) -> None:
    source = accounts_case.db.query_one("SELECT id, title FROM source ORDER BY id LIMIT 1")
    assert source is not None
    form = {
        "kind": "name",
        "subject": "Hossein-Ali Nayyeri",
        "source": str(source["id"]),
        "value_text": "seen at Evin in August",
        "quote": "at Evin",
        "confidentiality": "confidential",
    }
    csrf = login(client, "viewer")
    assert client.post("/claims", data=form | {"csrf_token": csrf}).status_code == 403
    client.cookies.clear()
    csrf = login(client, "investigator")
    assert "Add a claim" in client.get("/claims").text
    assert client.post("/claims", data=form | {"csrf_token": csrf}).status_code == 303
    assert any(
        c["value_text"] == "seen at Evin in August" for c in client.get("/api/claims").json()
    )
    last = accounts_case.db.query_one(
        "SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1"
    )
    assert last is not None and last["actor"] == "investigator"
    client.cookies.clear()
    login(client, "viewer")  # the confidential claim is hidden from viewers
    assert all(
        c["value_text"] != "seen at Evin in August" for c in client.get("/api/claims").json()
    )


def test_sites_map_uses_bundled_assets_only(client: TestClient, accounts_case: Case) -> None:
    login(client, "viewer")
    page = client.get("/sites").text
    assert "Evin Prison" in page
    assert "http://" not in page and "https://" not in page  # no CDN, no tile server
    geo = client.get("/api/sites").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    outline = client.get("/api/outline").json()
    provinces = [f for f in outline["features"] if "province" in f["properties"]]
    assert len(provinces) == 31
    for asset in (
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/LICENSE",
        "vendor/htmx/LICENSE",
        "vendor/vazirmatn/OFL.txt",
        "js/sites-map.js",
    ):
        assert (STATIC / asset).is_file(), asset


def test_document_page_shows_hash_custody_and_mentions(
    client: TestClient, web_case: Case, tmp_path: Path
) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text(
        "In August 1988 Hossein-Ali Nayyeri chaired the commission at Evin Prison in Tehran.\n"
        "About 5,000 prisoners were executed. <b>not markup</b>\n",
        encoding="utf-8",
    )
    (added,) = evidence_api.add_files(web_case, [doc], title="A report")
    item = {"id": added.item.id, "sha256": added.item.sha256}
    assert item["sha256"] == hashlib.sha256(doc.read_bytes()).hexdigest()
    login(client, "viewer")
    assert "A report" in client.get("/documents").text
    page = client.get(f"/documents/{item['id']}").text
    assert item["sha256"] in page
    assert '<mark class="m-place"' in page or '<mark class="m-date"' in page
    assert "&lt;b&gt;not markup&lt;/b&gt;" in page
    api = client.get(f"/api/documents/{item['id']}").json()
    assert api["custody"] and api["mentions"]
    text = api["text"]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in api["mentions"])


def test_person_page_shows_claims_with_citations(client: TestClient, accounts_case: Case) -> None:
    login(client, "viewer")
    person = accounts_api.get_entity(accounts_case, "Hossein-Ali Nayyeri")
    data = client.get(f"/api/persons/{person.uid}").json()
    assert data["claims"], "the person's claims are missing"
    assert all(c["citations"] for c in data["claims"] if c["kind"] == "posting")
    page = client.get(f"/persons/{person.uid}").text
    assert f"/timeline/{person.uid}" in page

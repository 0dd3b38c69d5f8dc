"""The review queue in the web: both records side by side, same / not same / skip / undo."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import login

from dadkhah.store import Case


def _item_id(html: str) -> int:
    m = re.search(r'data-review-id="(\d+)"', html)
    assert m, "no review item on the page"
    return int(m.group(1))


def test_queue_shows_the_most_probable_pair_in_both_scripts(client: TestClient) -> None:
    login(client, "reviewer")
    page = client.get("/review").text
    assert "زهرا کریمی" in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Karimi" in page
    assert re.search(
        r'<tr class="agree" data-field="city"><th scope="row">City</th><td><bdi>تبریز</bdi></td>'
        r"<td><bdi>Tabriz</bdi>",
        page,
    )
    assert '<tr class="differ" data-field="full_name"><th scope="row">Full name</th>' in page
    assert "0 / 2" in page
    api = client.get("/api/review").json()
    assert api["progress"] == {"open": 2, "skipped": 0, "decided": 0, "total": 2}
    assert api["item"]["left"]["record_id"] == "F3" and api["item"]["right"]["record_id"] == "E10"
    assert api["item"]["left"]["script"] == "fa" and api["item"]["right"]["script"] == "latin"


def test_decide_then_undo_is_audited_and_binding(client: TestClient, web_case: Case) -> None:
    csrf = login(client, "reviewer")
    first = _item_id(client.get("/review").text)
    r = client.post(f"/review/{first}", data={"verdict": "same", "csrf_token": csrf})
    assert r.status_code == 303
    decision = web_case.db.query_one("SELECT * FROM link_decision ORDER BY id DESC LIMIT 1")
    assert (
        decision is not None
        and decision["verdict"] == "same"
        and decision["reviewer"] == "reviewer"
    )
    page = client.get(r.headers["location"]).text
    assert _item_id(page) != first and "1 / 2" in page
    assert client.post("/review-undo", data={"csrf_token": csrf}).status_code == 303
    row = web_case.db.query_one(
        "SELECT revoked_at FROM link_decision WHERE id = ?", (decision["id"],)
    )
    assert row is not None and row["revoked_at"] is not None
    assert _item_id(client.get("/review").text) == first
    actions = [r["action"] for r in web_case.db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-2:] == ["link.decide", "link.undo"]


def test_skip_and_json_api_with_csrf_header(client: TestClient) -> None:
    csrf = login(client, "investigator")
    item = client.get("/api/review").json()["item"]
    assert client.post(f"/api/review/{item['id']}", json={"verdict": "skip"}).status_code == 403
    r = client.post(
        f"/api/review/{item['id']}", json={"verdict": "skip"}, headers={"X-CSRF-Token": csrf}
    )
    assert r.status_code == 200 and r.json()["decision_id"] is None
    assert client.get("/api/review").json()["progress"]["skipped"] == 1
    bad = client.post(
        f"/api/review/{item['id']}", json={"verdict": "maybe"}, headers={"X-CSRF-Token": csrf}
    )
    assert bad.status_code == 400 and bad.json()["error"]["type"] == "InputError"


def test_viewer_cannot_decide(client: TestClient, web_case: Case) -> None:
    csrf = login(client, "viewer")
    assert client.get("/review").status_code == 403
    rid = int(web_case.db.scalar("SELECT MIN(id) AS m FROM link_review"))
    assert (
        client.post(f"/review/{rid}", data={"verdict": "same", "csrf_token": csrf}).status_code
        == 403
    )
    assert web_case.db.scalar("SELECT COUNT(*) AS n FROM link_decision") == 0


def test_cluster_context_lists_the_other_records_of_the_persons(client: TestClient) -> None:
    csrf = login(client, "reviewer")
    items = client.get("/api/review").json()["item"]
    # F3 is unlinked; E10's person P-p3 has no other record: no cluster yet for the first pair
    assert items["cluster"] == []
    client.post(f"/review/{items['id']}", data={"verdict": "skip", "csrf_token": csrf})
    second = client.get("/api/review").json()["item"]  # F2 (P-p2) and E7 (P-p1)
    assert {(r["person"], r["record_id"]) for r in second["cluster"]} == {
        ("P-p2", "E9"),
        ("P-p1", "F1"),
    }
    assert "E9" in client.get("/review").text

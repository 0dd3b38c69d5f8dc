"""The workbench's own tables and queries on every storage backend (SQLite, PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import PASSWORD, login, populate

from dadkhah.api import auth as auth_api
from dadkhah.store import Case
from dadkhah.web import WebSettings, create_app


def test_login_search_review_on_each_backend(case: Case) -> None:
    populate(case)
    auth_api.add_user(case, "rev", role="reviewer", password=PASSWORD, actor="test")
    with TestClient(create_app(WebSettings(case_path=case.path)), follow_redirects=False) as c:
        csrf = login(c, "rev")
        persons = c.get("/api/persons", params={"q": "فاطمه حسینی"}).json()
        assert [p["id"] for p in persons] == ["P-p2"]
        assert {r["record_id"] for r in persons[0]["records"]} == {"F2", "E9"}
        item = c.get("/api/review").json()["item"]
        r = c.post(
            f"/api/review/{item['id']}", json={"verdict": "same"}, headers={"X-CSRF-Token": csrf}
        )
        assert r.status_code == 200 and r.json()["decision_id"]
        assert c.get("/api/review").json()["progress"]["decided"] == 1
        assert c.post("/logout", data={"csrf_token": csrf}).status_code == 303
    rows = case.db.query("SELECT success FROM login_attempt")
    assert [int(r["success"]) for r in rows] == [1]

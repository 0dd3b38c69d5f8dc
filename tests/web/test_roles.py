"""The role × route matrix: who may open what."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import ROLES, login

# route -> the least role that may open it
MATRIX = {
    "/": "viewer",
    "/persons?q=karimi": "viewer",
    "/persons/P-p1": "viewer",
    "/lists": "viewer",
    "/lists/khavaran_fa": "viewer",
    "/api/persons?q=karimi": "viewer",
    "/api/persons/P-p1": "viewer",
    "/api/lists": "viewer",
    "/api/lists/amnesty_en": "viewer",
    "/review": "reviewer",
    "/api/review": "reviewer",
    "/audit": "admin",
    "/api/audit": "admin",
    "/users": "admin",
    "/api/users": "admin",
}


@pytest.mark.parametrize("role", ROLES)
def test_role_route_matrix(client: TestClient, role: str) -> None:
    login(client, role)
    for path, least in MATRIX.items():
        r = client.get(path)
        allowed = ROLES.index(role) >= ROLES.index(least)
        assert r.status_code == (200 if allowed else 403), (role, path, r.status_code)
        if not allowed and path.startswith("/api/"):
            assert r.json()["error"]["type"] == "PermissionDenied"


def test_viewer_never_sees_confidential_fields(client: TestClient) -> None:
    login(client, "viewer")
    person = client.get("/api/persons/P-p1").json()
    assert all("notes" not in r and "extra" not in r for r in person["records"])
    page = client.get("/persons/P-p1").text
    assert "family interview" not in page and "secret-E7" not in page
    listing = client.get("/api/lists/amnesty_en").json()
    assert all("notes" not in r for r in listing["records"])


def test_reviewer_sees_confidential_fields(client: TestClient) -> None:
    login(client, "reviewer")
    person = client.get("/api/persons/P-p1").json()
    rec = next(r for r in person["records"] if r["record_id"] == "E7")
    assert rec["notes"] == "family interview"
    assert rec["extra"] == {"tribunal_note": "secret-E7"}
    assert "family interview" in client.get("/persons/P-p1").text


def test_not_found_has_the_pinned_shape(client: TestClient) -> None:
    login(client, "viewer")
    r = client.get("/api/persons/nobody")
    assert r.status_code == 404
    assert r.json() == {
        "error": {
            "status": 404,
            "type": "NotFound",
            "message": "no person 'nobody' in this case",
            "problems": [],
        }
    }
    page = client.get("/persons/nobody")
    assert page.status_code == 404 and "nobody" in page.text


def test_unexpected_errors_keep_the_pinned_shape(
    app_settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dadkhah.api import web_persons
    from dadkhah.web import WebSettings, create_app

    assert isinstance(app_settings, WebSettings)

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_persons, "list_lists", broken)
    with TestClient(
        create_app(app_settings), follow_redirects=False, raise_server_exceptions=False
    ) as c:
        login(c, "viewer")
        r = c.get("/api/lists")
        assert r.status_code == 500
        assert r.json()["error"]["type"] == "InternalError"
        assert "secret internal detail" not in r.text
        page = c.get("/lists")
        assert page.status_code == 500 and "secret internal detail" not in page.text

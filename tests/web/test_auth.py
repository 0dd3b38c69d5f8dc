"""Login, CSRF, sessions, rate limiting, logout and TOTP."""

from __future__ import annotations

import json

import pyotp
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import _HIDDEN, PASSWORD, login

from dadkhah.api import auth as auth_api
from dadkhah.store import Case

PAGES = [
    "/",
    "/persons?q=x",
    "/persons/P-p1",
    "/lists",
    "/lists/amnesty_en",
    "/review",
    "/audit",
    "/users",
    "/no-such-page",
]
APIS = [
    "/api/persons?q=x",
    "/api/persons/P-p1",
    "/api/lists",
    "/api/review",
    "/api/audit",
    "/api/users",
    "/api/nothing",
]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_pages_redirect_to_login(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", APIS)
def test_anonymous_api_is_401_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 401
    assert r.json()["error"]["status"] == 401
    assert r.json()["error"]["type"] == "Unauthenticated"


def test_static_and_login_are_public(client: TestClient) -> None:
    assert client.get("/static/vendor/htmx/htmx.min.js").status_code == 200
    page = client.get("/login")
    assert page.status_code == 200
    assert 'name="username"' in page.text and 'name="password"' in page.text
    assert _HIDDEN.search(page.text)


def test_login_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert r.status_code == 403
    assert "dadkhah_session" not in r.cookies
    assert client.get("/").status_code == 303


def test_login_with_a_token_from_another_form_is_refused(client: TestClient) -> None:
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    client.cookies.clear()  # a cross-site form has the token text but not our nonce cookie
    r = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 403


def test_login_sets_a_hardened_cookie_and_logout_ends_it(client: TestClient) -> None:
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/login",
        data={"username": "viewer", "password": PASSWORD, "csrf_token": token, "next": "/lists"},
    )
    assert r.status_code == 303 and r.headers["location"] == "/lists"
    cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith("dadkhah_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http with cookie_secure=auto
    csrf = _HIDDEN.search(client.get("/").text).group(1)  # type: ignore[union-attr]
    assert client.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/").status_code == 303


def test_secure_cookie_when_configured(web_case: Case) -> None:
    from dadkhah.web import WebSettings, create_app

    app = create_app(WebSettings(case_path=web_case.path, cookie_secure="always"))
    with TestClient(app, follow_redirects=False) as c:
        r = c.get("/login")
        assert "Secure" in r.headers["set-cookie"]


def test_open_redirect_is_refused(client: TestClient) -> None:
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/login",
        data={
            "username": "viewer",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
    )
    assert r.headers["location"] == "/"


def test_wrong_password_then_rate_limit(web_case: Case, client: TestClient) -> None:
    for _ in range(3):
        token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
        r = client.post(
            "/login", data={"username": "admin", "password": "nope-nope-nope", "csrf_token": token}
        )
        assert r.status_code == 401
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    r = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429  # even the right password is refused while limited
    refused = web_case.db.query(
        "SELECT actor, target, details FROM audit_log WHERE action = 'session.login_failed'"
        " ORDER BY id"
    )
    assert [r["target"] for r in refused] == ["user:admin"] * 4
    assert [json.loads(r["details"])["reason"] for r in refused] == ["bad credentials"] * 3 + [
        "rate-limited"
    ]
    assert all(PASSWORD not in r["details"] and "nope" not in r["details"] for r in refused)


def test_form_posts_need_the_session_csrf_token(client: TestClient) -> None:
    csrf = login(client, "admin")
    data = {"username": "newbie", "role": "viewer", "password": "another long pw"}
    assert client.post("/users", data=data).status_code == 403
    assert client.post("/users", data=data | {"csrf_token": "x" * 43}).status_code == 403
    assert client.post("/users", data=data | {"csrf_token": csrf}).status_code == 303
    assert "newbie" in client.get("/users").text


def test_totp_second_factor(web_case: Case, client: TestClient) -> None:
    uri = auth_api.enable_totp(web_case, "reviewer")
    secret = pyotp.parse_uri(uri).secret
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/login", data={"username": "reviewer", "password": PASSWORD, "csrf_token": token}
    )
    assert r.status_code == 401
    token = _HIDDEN.search(client.get("/login").text).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/login",
        data={
            "username": "reviewer",
            "password": PASSWORD,
            "csrf_token": token,
            "totp": pyotp.TOTP(secret).now(),
        },
    )
    assert r.status_code == 303


def test_disabled_user_loses_session(web_case: Case, client: TestClient) -> None:
    login(client, "viewer")
    assert client.get("/").status_code == 200
    auth_api.disable_user(web_case, "viewer")
    assert client.get("/").status_code == 303


def test_writes_are_audited(web_case: Case, client: TestClient) -> None:
    login(client, "viewer")
    actions = [r["action"] for r in web_case.db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions.count("user.add") == 4
    assert actions[-1] == "session.login"
    rows = web_case.db.query("SELECT password_hash FROM app_user")
    assert all(r["password_hash"].startswith("$argon2id$") for r in rows)

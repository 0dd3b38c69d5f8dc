"""English and Persian interfaces, right-to-left layout, Persian digits, per-user choice."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import login

from dadkhah.store import Case


def test_login_page_language_cookie(client: TestClient) -> None:
    page = client.get("/login").text
    assert 'dir="ltr"' in page and "Log in" in page
    r = client.post("/language", data={"language": "fa", "next": "/login"})
    assert r.status_code == 303
    page = client.get("/login").text
    assert 'lang="fa" dir="rtl"' in page and "ورود" in page


def test_language_is_stored_per_user(client: TestClient, web_case: Case) -> None:
    csrf = login(client, "viewer")
    assert (
        client.post(
            "/language", data={"language": "fa", "next": "/lists", "csrf_token": csrf}
        ).status_code
        == 303
    )
    row = web_case.db.query_one("SELECT language FROM app_user WHERE username = 'viewer'")
    assert row is not None and row["language"] == "fa"
    page = client.get("/lists").text
    assert 'dir="rtl"' in page and "فهرست‌ها" in page
    # record counts in Persian digits
    assert re.search(r'<td class="num">[۰-۹]+</td>', page)
    assert not re.search(r'<td class="num">[0-9]+</td>', page)


def test_unknown_language_is_refused(client: TestClient) -> None:
    csrf = login(client, "viewer")
    r = client.post("/language", data={"language": "xx", "csrf_token": csrf})
    assert r.status_code == 400


def test_every_interface_string_has_a_persian_translation() -> None:
    from pathlib import Path

    from dadkhah.web.i18n import FIELD_LABELS, translator

    web = Path(__file__).resolve().parents[2] / "src/dadkhah/web"
    pattern = re.compile(r"""_\(\s*["']([^"']+)["']\s*\)""")
    used = {
        m
        for p in [*web.rglob("*.html"), *web.glob("routes/*.py")]
        for m in pattern.findall(p.read_text("utf-8"))
    }
    used |= set(FIELD_LABELS.values())
    fa = translator("fa")
    missing = sorted(s for s in used if fa(s) == s)
    assert len(used) > 100 and missing == []

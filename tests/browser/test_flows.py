"""The flows a person uses, in a real browser (Chromium through Playwright); screenshots in
test-artifacts/browser/."""

from __future__ import annotations

from typing import Any

import pytest
from tests.browser.conftest import log_in, shot
from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_login_refuses_a_wrong_password_then_logs_in(page: Any) -> None:
    page.goto("/lists")
    assert "/login" in page.url
    page.fill("#username", "viewer")
    page.fill("#password", "not the password")
    page.click("section.login button[type=submit]")
    assert page.locator("p.error").is_visible()
    shot(page, "login-refused")
    page.console_errors.clear()  # the refused login answered 401, which Chromium logs
    page.fill("#username", "viewer")
    page.fill("#password", PASSWORD)
    page.click("section.login button[type=submit]")
    page.wait_for_url("**/lists")
    assert page.locator("h1").inner_text() == "Lists"
    shot(page, "lists")
    assert page.console_errors == []


def test_persian_search_in_persian_interface(page: Any) -> None:
    log_in(page, "viewer", PASSWORD)
    page.click("header form.language button[value=fa]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto("/persons")
    page.fill("#q", "محمد رضایی")
    page.press("#q", "Enter")
    page.wait_for_url("**/persons?q=*")
    rows = page.locator("table.results tbody tr")
    assert rows.count() == 1
    assert "Mohammad Rezaei" in rows.first.inner_text()
    assert "amnesty_en" in rows.first.inner_text()
    shot(page, "search-persian")
    rows.first.locator("a").first.click()
    page.wait_for_url("**/persons/P-p1")
    assert "Mohammad Rezaei" in page.content()
    shot(page, "person-persian")
    assert page.console_errors == []


def test_escaped_markup_is_not_run(page: Any) -> None:
    log_in(page, "viewer", PASSWORD)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/persons?q=karimi")
    assert "<script>alert('x')</script> Karimi" in page.locator("table.results").inner_text()
    assert dialogs == []

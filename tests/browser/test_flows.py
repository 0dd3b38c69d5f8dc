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


def test_review_decision_with_the_keyboard_and_undo(page: Any, live_case: Any) -> None:
    log_in(page, "reviewer", PASSWORD)
    page.goto("/review")
    first = page.locator("[data-review-id]").get_attribute("data-review-id")
    assert page.locator("tr.agree").count() >= 1 and page.locator("tr.differ").count() >= 1
    shot(page, "review-pair")
    page.keyboard.press("n")  # "not the same", through the data-key shortcut and htmx
    page.wait_for_function(
        "id => { const el = document.querySelector('[data-review-id]'); return el && el.dataset.reviewId !== id; }",
        arg=first,
    )
    assert page.locator("p.ok").is_visible()
    decision = live_case.db.query_one(
        "SELECT verdict, reviewer FROM link_decision ORDER BY id DESC LIMIT 1"
    )
    assert decision["verdict"] == "not_same" and decision["reviewer"] == "reviewer"
    shot(page, "review-after-decision")
    page.click("button[data-key=u]")
    page.wait_for_function(
        "id => { const el = document.querySelector('[data-review-id]'); return el && el.dataset.reviewId === id; }",
        arg=first,
    )
    assert page.console_errors == []


def test_sites_map_draws_outline_and_markers(page: Any, live_case: Any) -> None:
    from dadkhah.api import accounts as accounts_api

    accounts_api.import_file(live_case, accounts_api.example_path(), actor="test")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    log_in(page, "viewer", PASSWORD)
    page.goto("/sites")
    page.wait_for_selector("#map[data-loaded=true]", timeout=15000)
    assert page.locator("#map path.leaflet-interactive").count() >= 32  # 31 provinces + sites
    shot(page, "sites-map")
    assert all(u.startswith(page.url.split("/sites")[0]) for u in requests), (
        "a request left the server"
    )
    assert page.console_errors == []


def test_estimate_page_runs_and_plots(page: Any, live_case: Any) -> None:
    from tests.web.test_estimates import add_capture_case

    add_capture_case(live_case)
    log_in(page, "investigator", PASSWORD)
    page.goto("/estimates")
    page.select_option("#e-method", "loglinear")
    page.fill("#e-model", "Mt")
    page.click(".estimate-form button[type=submit]")
    page.wait_for_url("**/estimates/*")
    assert "loglinear" in page.locator("h1").inner_text()
    img = page.locator("p.plot img").first
    img.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert page.locator("table.capture tbody tr").count() == 7  # every non-empty pattern of 3 lists
    shot(page, "estimate-run")
    page.goto("/estimates")
    shot(page, "estimates")
    assert page.console_errors == []


def test_review_page_in_persian(page: Any) -> None:
    log_in(page, "reviewer", PASSWORD)
    page.goto("/review")
    page.click("header form.language button[value=fa]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "صف بازبینی" in page.locator("h1").inner_text()
    assert "۰" in page.locator("p.progress").inner_text()  # Persian digits
    shot(page, "review-persian")
    assert page.console_errors == []


def test_document_page_highlights_mentions(page: Any, live_case: Any, tmp_path: Any) -> None:
    from dadkhah.api import accounts as accounts_api
    from dadkhah.api import evidence as evidence_api

    accounts_api.import_file(live_case, accounts_api.example_path(), actor="test")
    doc = tmp_path / "report.html"
    doc.write_text(
        "<html><body><nav>menu</nav><article><h1>Testimony</h1><p>In August 1988 Hossein-Ali Nayyeri"
        " and Morteza Eshraghi sat on the commission at Evin Prison in Tehran. About 5,000 prisoners"
        " were executed.</p></article></body></html>",
        encoding="utf-8",
    )
    (added,) = evidence_api.add_files(live_case, [doc], title="Testimony")
    log_in(page, "viewer", PASSWORD)
    page.goto(f"/documents/{added.item.id}")
    assert added.item.sha256 in page.content()
    assert page.locator(".doc-text mark").count() >= 3
    shot(page, "document")
    assert page.console_errors == []

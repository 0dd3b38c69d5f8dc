"""The estimate pages: run one (investigators), read it with plot, strata, settings and inputs."""

from __future__ import annotations

import random
import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import login

from dadkhah.store import Case


def add_capture_case(case: Case, persons: int = 300, seed: int = 3) -> None:
    """Persons on three lists, each list catching a person with probability 0.5, in two provinces."""
    rng = random.Random(seed)
    db = case.db
    with db.transaction():
        lists = {
            name: db.insert(
                "INSERT INTO victim_list (name, imported_at, imported_by) VALUES (?, 'now', 'test')",
                (name,),
            )
            for name in ("alpha", "beta", "gamma")
        }
        for i in range(persons):
            on = [name for name in lists if rng.random() < 0.5]
            if not on:
                continue
            province = "Tehran" if i % 2 else "Fars"
            pid = db.insert(
                "INSERT INTO person (uid, display_name_latin, province, created_at, created_by)"
                " VALUES (?, ?, ?, 'now', 'test')",
                (f"S{i}", f"Person {i}", province),
            )
            for name in on:
                rec = db.insert(
                    "INSERT INTO list_record (list_id, record_id, raw, full_name, province)"
                    " VALUES (?, ?, '{}', ?, ?)",
                    (lists[name], f"{name}{i}", f"Person {i}", province),
                )
                db.execute(
                    "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)",
                    (rec, pid),
                )
        db.execute("UPDATE victim_list SET active = 0 WHERE name IN ('khavaran_fa', 'amnesty_en')")


@pytest.fixture
def capture_case(web_case: Case) -> Case:
    add_capture_case(web_case)
    return web_case


def test_investigator_runs_a_loglinear_estimate(client: TestClient, capture_case: Case) -> None:
    csrf = login(client, "investigator")
    page = client.get("/estimates").text
    assert "Run an estimate" in page
    r = client.post(
        "/estimates", data={"method": "loglinear", "model": "M0", "seed": "1", "csrf_token": csrf}
    )
    assert r.status_code == 303, r.text
    run_page = client.get(r.headers["location"])
    assert run_page.status_code == 200
    run_id = int(r.headers["location"].rsplit("/", 1)[1])
    data = client.get(f"/api/estimates/{run_id}").json()
    assert data["result"]["method"] == "loglinear" and data["result"]["model"] == "M0"
    assert data["result"]["estimate"] >= data["result"]["observed"]
    assert data["inputs"][0]["lists"] == ["alpha", "beta", "gamma"]
    assert data["result"]["input_sha256"] in run_page.text
    svg = client.get(f"/estimates/{run_id}/posterior.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in svg.text
    actions = [
        r["action"]
        for r in capture_case.db.query("SELECT action, actor FROM audit_log ORDER BY id")
    ]
    assert any(a.startswith("estimate") for a in actions)


def test_stratified_estimate_shows_strata(client: TestClient, capture_case: Case) -> None:
    csrf = login(client, "admin")
    r = client.post(
        "/estimates",
        data={"method": "loglinear", "model": "M0", "by": "province", "csrf_token": csrf},
    )
    assert r.status_code == 303
    data = client.get("/api" + r.headers["location"]).json()
    assert {s["name"] for s in data["strata"]} == {"Tehran", "Fars"}
    assert "Fars" in client.get(r.headers["location"]).text


def test_viewer_reads_but_cannot_run(client: TestClient, capture_case: Case) -> None:
    csrf = login(client, "viewer")
    page = client.get("/estimates").text
    assert "Run an estimate" not in page
    r = client.post("/estimates", data={"method": "loglinear", "model": "M0", "csrf_token": csrf})
    assert r.status_code == 403


def test_bad_settings_are_refused_with_the_field(client: TestClient, capture_case: Case) -> None:
    csrf = login(client, "investigator")
    r = client.post("/estimates", data={"method": "loglinear", "seed": "one", "csrf_token": csrf})
    assert r.status_code == 400 and "seed" in r.text
    r = client.post("/estimates", data={"method": "nonsense", "csrf_token": csrf})
    assert r.status_code == 400 and re.search("nonsense", r.text)

"""Fixtures for the web tests: a small case with two lists in two scripts, persons and users."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dadkhah.api import auth as auth_api
from dadkhah.store import Case, init_case, open_case
from dadkhah.store.search import index_records
from dadkhah.web import WebSettings, create_app

PASSWORD = "correct horse battery"
ROLES = ("viewer", "reviewer", "investigator", "admin")

# (list, record_id, full_name, father_name, city, notes, person key)
RECORDS = [
    ("khavaran_fa", "F1", "محمد رضایی", "علی", "تهران", "از خانواده شنیده شد", "p1"),
    ("amnesty_en", "E7", "Mohammad Rezaei", "Ali", "Tehran", "family interview", "p1"),
    ("khavaran_fa", "F2", "فاطمه حسینی", "حسن", "رشت", None, "p2"),
    ("amnesty_en", "E9", "Fatemeh Hosseini", "Hassan", "Rasht", None, "p2"),
    ("amnesty_en", "E10", "<script>alert('x')</script> Karimi", None, "Tabriz", None, "p3"),
    ("khavaran_fa", "F3", "زهرا کریمی", "رضا", "تبریز", None, None),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def populate(
    case: Case,
    records: list[tuple[str, str, str, str | None, str | None, str | None, str | None]] = RECORDS,
) -> None:
    """Write lists, records, persons and links straight into the tables (as the store and linkage do)."""
    db = case.db
    with db.transaction():
        list_ids: dict[str, int] = {}
        persons: dict[str, int] = {}
        for lst, rid, name, father, city, notes, pkey in records:
            if lst not in list_ids:
                list_ids[lst] = db.insert(
                    "INSERT INTO victim_list (name, imported_at, imported_by, record_count)"
                    " VALUES (?, ?, 'test', 0)",
                    (lst, _now()),
                )
            raw = json.dumps(
                {"record_id": rid, "full_name": name, "tribunal_note": f"secret-{rid}"},
                ensure_ascii=False,
            )
            rec = db.insert(
                "INSERT INTO list_record (list_id, record_id, raw, full_name, father_name, city, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (list_ids[lst], rid, raw, name, father, city, notes),
            )
            db.execute(
                "UPDATE victim_list SET record_count = record_count + 1 WHERE id = ?",
                (list_ids[lst],),
            )
            index_records(db, [(rec, [x for x in (name, father, city, notes) if x])])
            if pkey is None:
                continue
            if pkey not in persons:
                persons[pkey] = db.insert(
                    "INSERT INTO person (uid, display_name, created_at, created_by) VALUES (?, ?, ?, 'test')",
                    (f"P-{pkey}", name, _now()),
                )
            elif not re.search("[\u0600-\u06ff]", name):
                db.execute(
                    "UPDATE person SET display_name_latin = ? WHERE id = ?", (name, persons[pkey])
                )
            db.execute(
                "INSERT INTO record_person (list_record_id, person_id, match_probability)"
                " VALUES (?, ?, 0.97)",
                (rec, persons[pkey]),
            )
        add_review_pairs(
            case,
            [
                ("khavaran_fa", "F3", "amnesty_en", "E10", 0.62),
                ("khavaran_fa", "F2", "amnesty_en", "E7", 0.41),
            ],
        )


def add_review_pairs(case: Case, pairs: list[tuple[str, str, str, str, float]]) -> None:
    """Put doubtful pairs in the review queue, as a linkage run does."""
    db = case.db

    def rec(lst: str, rid: str) -> int:
        return int(
            db.scalar(
                "SELECT r.id FROM list_record r JOIN victim_list l ON l.id = r.list_id"
                " WHERE l.name = ? AND r.record_id = ?",
                (lst, rid),
            )
        )

    with db.transaction():
        run = db.insert(
            "INSERT INTO link_run (started_at, actor, engine, settings, input_hash, version)"
            " VALUES (?, 'test', 'duckdb', '{}', 'x', 'test')",
            (_now(),),
        )
        for la, ra, lb, rb, p in pairs:
            db.execute(
                "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason,"
                " status) VALUES (?, ?, ?, ?, 'review band', 'open')",
                (run, rec(la, ra), rec(lb, rb), p),
            )


@pytest.fixture(scope="session")
def template_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (argon2 hashing is slow on purpose); each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "case"
    case = init_case(path)
    populate(case)
    for role in ROLES:
        auth_api.add_user(case, role, role=role, password=PASSWORD, actor="test")
    case.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    case.close()
    return path


@pytest.fixture
def web_case(tmp_path: Path, template_case: Path) -> Iterator[Case]:
    shutil.copytree(template_case, tmp_path / "case")
    case = open_case(tmp_path / "case")
    try:
        yield case
    finally:
        case.close()


@pytest.fixture
def app_settings(web_case: Case) -> WebSettings:
    return WebSettings(case_path=web_case.path, login_max_failures=3)


@pytest.fixture
def client(app_settings: WebSettings) -> Iterator[TestClient]:
    with TestClient(create_app(app_settings), follow_redirects=False) as c:
        yield c


_HIDDEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the form; return the session's CSRF token (from the next page)."""
    page = client.get("/login")
    token = _HIDDEN.search(page.text)
    assert token, "the login form has no CSRF token"
    r = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token.group(1)}
    )
    assert r.status_code == 303, r.text
    home = client.get("/")
    found = _HIDDEN.search(home.text)
    assert found
    return found.group(1)

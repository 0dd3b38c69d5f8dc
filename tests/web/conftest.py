"""Fixtures for the web tests: a small case with two lists in two scripts, persons and users."""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dadkhah.api import auth as auth_api
from dadkhah.api import lists as lists_api
from dadkhah.store import Case, init_case, open_case
from dadkhah.web import WebSettings, create_app

PASSWORD = "correct horse battery"
ROLES = ("viewer", "reviewer", "investigator", "admin")

Row = tuple[str, str, str, str | None, str | None, str | None, str | None]

# (list, record_id, full_name, father_name, city, notes, person key)
RECORDS: list[Row] = [
    ("khavaran_fa", "F1", "محمد رضایی", "علی", "تهران", "از خانواده شنیده شد", "p1"),
    ("amnesty_en", "E7", "Mohammad Rezaei", "Ali", "Tehran", "family interview", "p1"),
    ("khavaran_fa", "F2", "فاطمه حسینی", "حسن", "رشت", None, "p2"),
    ("amnesty_en", "E9", "Fatemeh Hosseini", "Hassan", "Rasht", None, "p2"),
    ("amnesty_en", "E10", "<script>alert('x')</script> Karimi", None, "Tabriz", None, "p3"),
    ("khavaran_fa", "F3", "زهرا کریمی", "رضا", "تبریز", None, None),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def populate(case: Case, records: list[Row] = RECORDS) -> None:
    """Import the lists through the real import (records, raw rows, full-text index), then link
    records to persons by writing ``person`` and ``record_person`` as linkage does."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for lst in dict.fromkeys(r[0] for r in records):
            path = Path(tmp) / f"{lst}.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(
                    ["record_id", "full_name", "father_name", "city", "notes", "tribunal_note"]
                )
                for lst_, rid, name, father, city, notes, _ in records:
                    if lst_ == lst:
                        w.writerow(
                            [rid, name, father or "", city or "", notes or "", f"secret-{rid}"]
                        )
            files.append(path)
        lists_api.import_lists(case, files, actor="test")
    db = case.db
    with db.transaction():
        persons: dict[str, int] = {}
        for lst, rid, name, _, _, _, pkey in records:
            if pkey is None:
                continue
            rec = _record_pk(case, lst, rid)
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


def _record_pk(case: Case, lst: str, rid: str) -> int:
    return int(
        case.db.scalar(
            "SELECT r.id FROM list_record r JOIN victim_list l ON l.id = r.list_id"
            " WHERE l.name = ? AND r.record_id = ? AND l.active = 1",
            (lst, rid),
        )
    )


def add_review_pairs(case: Case, pairs: list[tuple[str, str, str, str, float]]) -> None:
    """Put doubtful pairs in the review queue, as a linkage run does."""
    db = case.db

    def rec(lst: str, rid: str) -> int:
        return _record_pk(case, lst, rid)

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

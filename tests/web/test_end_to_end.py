"""The hidden check's flow on a case built with the real commands: init, import two lists (Persian
and Latin script), link, add a viewer with ``dadkhah users add``, then use the workbench."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dadkhah.cli import main
from dadkhah.web import WebSettings, create_app

pytestmark = pytest.mark.slow

FA = """record_id,full_name,father_name,sex,birth_date,city
fa1,محمد رضایی,علی,M,1340,تهران
fa2,فاطمه حسینی,حسن,F,1338,رشت
fa3,بهروز <script>alert(1)</script> کریمی,رضا,M,1335,تبریز
fa4,مهدی احمدی,جعفر,M,1342,اصفهان
"""
EN = """record_id,full_name,father_name,sex,birth_date,city
en1,Mohammad Rezaei,Ali,M,1961,Tehran
en2,Fatemeh Hosseini,Hassan,F,1959,Rasht
en3,Ahmad Karimi,Reza,M,1956,Tabriz
en4,Mahdi Ahmadi,Jafar,M,1963,Isfahan
"""


def test_hidden_check_flow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "case"
    (tmp_path / "khavaran.csv").write_text(FA, encoding="utf-8")
    (tmp_path / "amnesty.csv").write_text(EN, encoding="utf-8")
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(tmp_path / "khavaran.csv")]) == 0
    assert main(["import", str(case), str(tmp_path / "amnesty.csv")]) == 0
    assert main(["link", str(case)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("viewer password 1\n"))
    assert main(["users", "add", str(case), "vera", "--role", "viewer", "--password-stdin"]) == 0

    with TestClient(create_app(WebSettings(case_path=case)), follow_redirects=False) as c:
        assert c.get("/persons?q=x").status_code == 303
        assert c.get("/api/persons?q=x").status_code == 401
        page = c.get("/login")
        r = c.post("/login", data={"username": "vera", "password": "viewer password 1"})
        assert r.status_code == 403 and "dadkhah_session" not in c.cookies
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        r = c.post(
            "/login",
            data={"username": "vera", "password": "viewer password 1", "csrf_token": token},
        )
        assert r.status_code == 303
        persons = c.get("/api/persons", params={"q": "محمد رضایی"}).json()
        assert persons, "the Persian search found nobody"
        records = {(rec["list"], rec["record_id"]) for rec in persons[0]["records"]}
        assert ("amnesty", "en1") in records and ("khavaran", "fa1") in records
        html = c.get("/persons", params={"q": "کریمی"}).text
        assert (
            "<script>alert(1)</script>" not in html
            and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        )
        assert c.get("/review").status_code == 403

"""Bulk import: JSON and CSV, all or nothing, problems named by file, line, field and value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dadkhah.accounts import import_accounts, list_claims, list_entities
from dadkhah.api.accounts import example_path
from dadkhah.errors import InputError
from dadkhah.store import Case
from dadkhah.store.audit import verify_chain


def test_fixture_counts_and_audit(loaded: Case) -> None:
    db = loaded.db
    assert len(list_entities(db, "person")) == 7
    assert len(list_entities(db, "post")) == 4
    assert int(db.scalar("SELECT COUNT(*) FROM citation")) == 19
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-1] == "accounts.import"
    assert actions.count("accounts.claim.add") == 18
    assert verify_chain(db)[1] is None


def test_errors_are_reported_together_and_nothing_is_kept(
    sqlite_case: Case, tmp_path: Path
) -> None:
    doc = {
        "format": "dadkhah-accounts/1",
        "sources": [{"key": "s", "title": "S"}],
        "persons": [{"key": "p", "name": "P"}],
        "organizations": [{"key": "o", "name": "O", "org_type": "secret club"}],
        "claims": [
            {"kind": "posting", "subject": "p", "object": "nowhere", "source": "s"},
            {"kind": "figure", "quantity": "dead", "value": "many", "source": "s"},
            {"kind": "name", "subject": "p", "value": "Q"},
        ],
    }
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as e:
        import_accounts(sqlite_case.db, f, actor="t")
    problems = e.value.problems
    assert [(p.file, p.line) for p in problems] == [
        ("bad.json:organizations", 1),
        ("bad.json:claims", 1),
        ("bad.json:claims", 2),
        ("bad.json:claims", 3),
    ]
    assert problems[0].field == "org_type" and problems[0].value == "secret club"
    assert problems[2].value == "many"
    assert sqlite_case.db.scalar("SELECT COUNT(*) FROM person") == 0
    assert sqlite_case.db.scalar("SELECT COUNT(*) FROM source") == 0


def test_csv_folder(sqlite_case: Case, tmp_path: Path) -> None:
    d = tmp_path / "accounts"
    d.mkdir()
    (d / "sources.csv").write_text(
        "key,title,knowledge\ns1,Witness statement,eyewitness\n", encoding="utf-8"
    )
    (d / "persons.csv").write_text("key,name,name_latin\nh,حمید,Hamid\n", encoding="utf-8")
    (d / "organizations.csv").write_text(
        "key,name,org_type\nc,Commission,ad-hoc commission\n", encoding="utf-8"
    )
    (d / "posts.csv").write_text("key,title,organization\nm,Member,c\n", encoding="utf-8")
    (d / "claims.csv").write_text(
        "key,kind,subject,object,date_start,date_end,role,ended,status,source,page\n"
        "k1,posting,h,m,1988-07,1988-09-15,member,true,accepted,s1,4\n",
        encoding="utf-8",
    )
    (d / "citations.csv").write_text("claim,source,paragraph\nk1,s1,7\n", encoding="utf-8")
    summary = import_accounts(sqlite_case.db, d, actor="t")
    assert summary["counts"]["claims"] == 1 and summary["counts"]["citations"] == 1
    claim = list_claims(sqlite_case.db, kind="posting")[0]
    assert claim.details == {"role": "member", "ended": True}
    assert (claim.dates.start, claim.dates.end, claim.dates.precision) == (
        "1988-07-01",
        "1988-09-15",
        "month",
    )
    assert [c.page or c.paragraph for c in claim.citations] == ["4", "7"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "claims.csv").write_text("kind,subject,source\nposting,nobody,s9\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        import_accounts(sqlite_case.db, bad, actor="t")
    assert (e.value.problems[0].file, e.value.problems[0].line) == ("claims.csv", 2)


def test_shipped_sample_imports(sqlite_case: Case) -> None:
    summary = import_accounts(sqlite_case.db, example_path(), actor="t")
    assert summary["counts"]["sources"] >= 4 and summary["counts"]["claims"] >= 15
    figures = list_claims(sqlite_case.db, kind="figure")
    assert {f.value_number for f in figures} == {5000.0, 30000.0}
    assert all(c.citations for c in list_claims(sqlite_case.db))

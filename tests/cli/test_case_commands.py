"""The case commands end to end: init, import, lists, verify, log (every backend)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dadkhah.cli import main
from dadkhah.store import open_case


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _lists(capsys: pytest.CaptureFixture[str], case_dir: Path) -> dict[str, int]:
    code, out, _ = _run(capsys, "lists", case_dir, "--json")
    assert code == 0
    return {d["name"]: d["records"] for d in json.loads(out)}


def _log(capsys: pytest.CaptureFixture[str], case_dir: Path) -> list[dict[str, object]]:
    code, out, _ = _run(capsys, "log", case_dir, "--json")
    assert code == 0
    return list(json.loads(out))


def test_import_and_lists(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fa = tmp_path / "fa.csv"
    fa.write_text(
        "full_name;پدر\n" + "".join(f"نام {i};پدر {i}\n" for i in range(30)), encoding="utf-8-sig"
    )
    en = tmp_path / "en.jsonl"
    en.write_text(
        "".join(json.dumps({"record_id": f"e{i}", "full_name": f"N {i}"}) + "\n" for i in range(12))
    )
    code, out, err = _run(capsys, "import", case_dir, fa, en, "--source-title", "Two lists")
    assert code == 0, err
    assert "record ids were generated" in out
    assert _lists(capsys, case_dir) == {"fa": 30, "en": 12}


def test_bad_files_exit_2_and_leave_the_log_unchanged(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _log(capsys, case_dir)
    dup = tmp_path / "dup.csv"
    dup.write_text(
        "record_id,full_name\n" + "".join(f"{i if i != 40 else 3},N\n" for i in range(1, 41))
    )
    code, _, err = _run(capsys, "import", case_dir, dup)
    assert code == 2
    assert "dup.csv:41: record_id: duplicate" in err
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"record_id,full_name\n1,\xc3\x28\n")
    code, _, err = _run(capsys, "import", case_dir, bad)
    assert code == 2 and "bad.csv:2: encoding:" in err
    assert _log(capsys, case_dir) == before
    assert _lists(capsys, case_dir) == {}
    code, _, err = _run(capsys, "import", case_dir, tmp_path / "missing.csv")
    assert code == 2 and "file not found" in err


def test_verify_finds_a_changed_byte_and_a_changed_audit_field(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "l.csv"
    f.write_text("record_id,full_name\n1,Ali\n2,Sara\n")
    assert _run(capsys, "import", case_dir, f)[0] == 0
    code, out, _ = _run(capsys, "verify", case_dir)
    assert code == 0 and "Intact" in out

    with open_case(case_dir) as c:
        sha = c.db.scalar("SELECT sha256 FROM evidence ORDER BY id LIMIT 1")
        evidence_id = c.db.scalar("SELECT id FROM evidence ORDER BY id LIMIT 1")
        blob = c.blobs.path_for(sha)
    original = blob.read_bytes()
    blob.chmod(0o644)
    blob.write_bytes(original[:5] + bytes([original[5] ^ 1]) + original[6:])
    code, _, err = _run(capsys, "verify", case_dir)
    assert code == 1 and f"evidence item {evidence_id}" in err
    blob.write_bytes(original)
    assert _run(capsys, "verify", case_dir)[0] == 0

    with open_case(case_dir) as c:
        row = c.db.query_one("SELECT id, actor FROM audit_log ORDER BY id LIMIT 1 OFFSET 1")
        assert row is not None
        c.db.execute("UPDATE audit_log SET actor = ? WHERE id = ?", ("mallory", row["id"]))
    code, _, err = _run(capsys, "verify", case_dir)
    assert code == 1 and f"audit log row {row['id']}" in err
    with open_case(case_dir) as c:
        c.db.execute("UPDATE audit_log SET actor = ? WHERE id = ?", (row["actor"], row["id"]))
    assert _run(capsys, "verify", case_dir)[0] == 0


def test_init_makes_an_sqlite_case_in_wal_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _run(capsys, "init", tmp_path / "c")
    assert code == 0
    assert (tmp_path / "c" / "config.toml").is_file() and (tmp_path / "c" / "evidence").is_dir()
    con = sqlite3.connect(tmp_path / "c" / "case.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    assert _run(capsys, "init", tmp_path / "c")[0] == 4


def test_every_command_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("init", "import", "lists", "add", "show", "search", "verify", "log"):
        code, out, _ = _run(capsys, command, "--help")
        assert code == 0 and "Example:" in out, command


def test_add_prints_sha256_like_sha256sum_then_show_and_search(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    doc = tmp_path / "report.html"
    doc.write_text(
        "<html><body><nav>Menu</nav><main><p>Executions at Gohardasht prison.</p>"
        "<p>زندان گوهردشت</p></main></body></html>",
        encoding="utf-8",
    )
    other = tmp_path / "scan.png"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, out, _ = _run(capsys, "add", case_dir, doc, other, "--source-type", "report")
    assert code == 0
    assert out.splitlines() == [
        f"{hashlib.sha256(doc.read_bytes()).hexdigest()}  {doc}",
        f"{hashlib.sha256(other.read_bytes()).hexdigest()}  {other}",
    ]
    code, out, _ = _run(capsys, "add", case_dir, doc, "--json")
    (item,) = json.loads(out)
    assert item["sha256"] == hashlib.sha256(doc.read_bytes()).hexdigest() and item["new"] is False
    code, out, _ = _run(capsys, "show", case_dir, item["id"], "--text")
    assert code == 0 and out == "Executions at Gohardasht prison.\n\nزندان گوهردشت"
    code, out, _ = _run(capsys, "show", case_dir, item["id"], "--json")
    shown = json.loads(out)
    assert shown["sha256"] == item["sha256"] and shown["custody"][0]["action"] == "received"
    code, out, _ = _run(capsys, "search", case_dir, "گوهردشت", "--json")
    assert [h["id"] for h in json.loads(out)] == [item["id"]]
    code, out, _ = _run(capsys, "search", case_dir, "menu", "--json")
    assert json.loads(out) == []
    assert _run(capsys, "show", case_dir, "12345")[0] == 3
    assert _run(capsys, "add", case_dir, tmp_path / "nope.pdf")[0] == 2


def test_replace_append_mapping_and_log_filters(
    case_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.csv"
    a.write_text("ردیف,نام\n1,علی\n2,رضا\n", encoding="utf-8")
    m = tmp_path / "m.toml"
    m.write_text('[columns]\n"ردیف" = "record_id"\n"نام" = "full_name"\n', encoding="utf-8")
    code, out, err = _run(capsys, "import", case_dir, a, "--mapping", m, "--list", "evin", "--json")
    assert code == 0, err
    (result,) = json.loads(out)
    assert (result["list"], result["records"], result["mode"]) == ("evin", 2, "new")
    b = tmp_path / "b.csv"
    b.write_text("ردیف,نام\n3,حسن\n", encoding="utf-8")
    assert _run(capsys, "import", case_dir, b, "--mapping", m, "--list", "evin", "--append")[0] == 0
    assert _lists(capsys, case_dir) == {"evin": 3}
    c = tmp_path / "c.csv"
    c.write_text("record_id,full_name\n9,X\n", encoding="utf-8")
    assert _run(capsys, "import", case_dir, c, "--list", "evin", "--replace", "--append")[0] == 2
    assert _run(capsys, "import", case_dir, c, "--list", "evin", "--replace")[0] == 0
    assert _lists(capsys, case_dir) == {"evin": 1}
    code, out, _ = _run(capsys, "lists", case_dir, "--all", "--json")
    assert [(d["version"], d["active"]) for d in json.loads(out)] == [(1, False), (2, True)]
    entries = _log(capsys, case_dir)
    actions = [e["action"] for e in entries]
    assert (
        actions.count("list.import") == 1 and "list.append" in actions and "list.replace" in actions
    )
    code, out, _ = _run(capsys, "log", case_dir, "--json", "--limit", "2")
    assert [e["id"] for e in json.loads(out)] == [e["id"] for e in entries[-2:]]
    target = next(e["target"] for e in entries if e["action"] == "list.replace")
    code, out, _ = _run(capsys, "log", case_dir, "--json", "--target", target)
    assert {e["action"] for e in json.loads(out)} == {"list.replace"}
    code, out, _ = _run(capsys, "log", case_dir)
    assert code == 0 and "list.replace" in out

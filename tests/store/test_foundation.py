"""The database layer, migrations and audit chain on every backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from dadkhah.errors import Conflict, NotFound
from dadkhah.store import Case, init_case, open_case
from dadkhah.store.audit import entries, head, record, verify_chain
from dadkhah.store.migrations import applied_versions


def test_migrations_are_recorded(case: Case) -> None:
    assert applied_versions(case.db)["core"] >= 1


def test_transaction_rolls_back_everything(case: Case) -> None:
    with pytest.raises(RuntimeError), case.db.transaction():
        case.db.insert("INSERT INTO source (title, created_at) VALUES (?, ?)", ("a", "t"))
        record(case.db, actor="t", action="x", target="source:1")
        raise RuntimeError("boom")
    assert case.db.scalar("SELECT COUNT(*) AS n FROM source") == 0
    assert entries(case.db) == []


def test_audit_chain_detects_a_changed_field(case: Case) -> None:
    for i in range(3):
        record(
            case.db,
            actor="tester",
            action="add",
            target=f"thing:{i}",
            details={"n": i, "pct": "5%"},
        )
    assert verify_chain(case.db) == (3, None)
    case.db.execute("UPDATE audit_log SET details = ? WHERE id = 2", ('{"n":9,"pct":"5%"}',))
    _checked, broken = verify_chain(case.db)
    assert broken is not None and broken.row_id == 2
    case.db.execute("UPDATE audit_log SET details = ? WHERE id = 2", ('{"n":1,"pct":"5%"}',))
    assert verify_chain(case.db)[1] is None
    assert head(case.db) == entries(case.db)[-1].hash


def test_audit_chain_detects_a_removed_row(case: Case) -> None:
    for i in range(3):
        record(case.db, actor="tester", action="add", target=f"thing:{i}")
    case.db.execute("DELETE FROM audit_log WHERE id = 2")
    assert verify_chain(case.db)[1] is not None


def test_case_reopens_and_refuses_double_init(tmp_path: Path) -> None:
    c = init_case(tmp_path / "c")
    c.close()
    with pytest.raises(Conflict):
        init_case(tmp_path / "c")
    with open_case(tmp_path / "c") as again:
        assert again.name == "c"
    with pytest.raises(NotFound):
        open_case(tmp_path / "nothing")


def test_blobs_are_content_addressed_and_verified(sqlite_case: Case, tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_bytes(b"hello")
    sha, size = sqlite_case.blobs.put_file(f)
    assert size == 5 and sqlite_case.blobs.has(sha)
    assert sqlite_case.blobs.verify(sha) is None
    p = sqlite_case.blobs.path_for(sha)
    p.chmod(0o644)
    p.write_bytes(b"hellO")
    assert "expected" in (sqlite_case.blobs.verify(sha) or "")

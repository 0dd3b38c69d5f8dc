"""`dadkhah users ...` and `dadkhah serve --help`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dadkhah.cli import main
from dadkhah.store import init_case


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    init_case(tmp_path / "case").close()
    return tmp_path / "case"


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_add_list_set_role_disable(
    case_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "a long password\n")
    assert (
        main(
            [
                "users",
                "add",
                str(case_dir),
                "sara",
                "--role",
                "reviewer",
                "--password-stdin",
                "--json",
            ]
        )
        == 0
    )
    added = json.loads(capsys.readouterr().out)
    assert added["username"] == "sara" and added["role"] == "reviewer" and added["active"] is True
    assert main(["users", "set-role", str(case_dir), "sara", "admin"]) == 0
    assert main(["users", "disable", str(case_dir), "sara"]) == 0
    capsys.readouterr()
    assert main(["users", "list", str(case_dir), "--json"]) == 0
    (user,) = json.loads(capsys.readouterr().out)
    assert user["role"] == "admin" and user["active"] is False


def test_bad_role_short_password_and_duplicates(
    case_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "a long password\n")
    assert main(["users", "add", str(case_dir), "omid", "--role", "boss", "--password-stdin"]) == 2
    assert "boss" in capsys.readouterr().err
    _stdin(monkeypatch, "short\n")
    assert (
        main(["users", "add", str(case_dir), "omid", "--role", "viewer", "--password-stdin"]) == 2
    )
    _stdin(monkeypatch, "a long password\n")
    assert (
        main(["users", "add", str(case_dir), "omid", "--role", "viewer", "--password-stdin"]) == 0
    )
    _stdin(monkeypatch, "a long password\n")
    assert (
        main(["users", "add", str(case_dir), "omid", "--role", "viewer", "--password-stdin"]) == 4
    )
    assert main(["users", "disable", str(case_dir), "nobody"]) == 3


def test_serve_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example" in out and "--cookie-secure" in out

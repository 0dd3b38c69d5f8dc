"""docs/cli.md is generated from --help and must be current; every command has help with an example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from dadkhah.cli import app
from dadkhah.cli.clickcompat import click
from dadkhah.cli.reference import markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.is_file(), "docs/cli.md is missing: run 'make docs'"
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/cli.md is out of date: run 'make docs'"
    )


def test_every_command_has_help() -> None:
    root = typer.main.get_command(app)
    assert hasattr(root, "list_commands")

    def walk(group: Any, path: str) -> list[tuple[str, click.Command]]:
        out = []
        for name in group.list_commands(click.Context(group)):
            cmd = group.get_command(click.Context(group), name)
            assert cmd is not None
            out.append((f"{path} {name}", cmd))
            if hasattr(cmd, "list_commands"):
                out.extend(walk(cmd, f"{path} {name}"))
        return out

    for name, cmd in walk(root, "dadkhah"):
        assert cmd.help and cmd.help.strip(), f"'{name}' has no help text"

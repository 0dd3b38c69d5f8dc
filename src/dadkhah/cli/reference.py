"""Generate docs/cli.md from the commands' own help (``make docs``); a test keeps it current."""

from __future__ import annotations

import sys
from typing import Any

import typer

from dadkhah.cli.clickcompat import click

__all__ = ["markdown"]


Chain = list[Any]


def _walk(cmd: Any, path: list[str], chain: Chain) -> list[tuple[list[str], Chain]]:
    chain = [*chain, cmd]
    out = [(path, chain)]
    if hasattr(cmd, "list_commands"):
        for name in sorted(cmd.list_commands(click.Context(cmd))):
            sub = cmd.get_command(click.Context(cmd), name)
            if sub is not None and not sub.hidden:
                out.extend(_walk(sub, [*path, name], chain))
    return out


def _plain_help(cmd: Any, path: list[str], chain: list[click.Command]) -> str:
    parent: click.Context | None = None
    for name, owner in zip(path[:-1], chain[:-1], strict=True):
        parent = click.Context(owner, info_name=name, parent=parent)
    ctx = click.Context(
        cmd, info_name=path[-1], parent=parent, terminal_width=100, max_content_width=100
    )
    formatter = ctx.make_formatter()
    click.Command.format_usage(cmd, ctx, formatter)
    if cmd.help:
        formatter.write_paragraph()
        formatter.write_text(cmd.help)
    params = [p.get_help_record(ctx) for p in cmd.get_params(ctx)]
    rows = [r for r in params if r is not None]
    if rows:
        with formatter.section("Options"):
            formatter.write_dl(rows)
    if hasattr(cmd, "list_commands"):
        subs = [
            (name, (cmd.get_command(ctx, name) or cmd).get_short_help_str(80))
            for name in sorted(cmd.list_commands(ctx))
        ]
        if subs:
            with formatter.section("Commands"):
                formatter.write_dl(subs)
    return formatter.getvalue().rstrip()


def markdown() -> str:
    """The CLI reference as Markdown: one section per command, with its help text."""
    from dadkhah.cli import app

    root = typer.main.get_command(app)
    parts = [
        "# Command-line reference",
        "",
        "Generated from the commands' own `--help` by `make docs`; a test fails when it is out of date.",
        "",
    ]
    for path, chain in _walk(root, ["dadkhah"], []):
        cmd = chain[-1]
        parts.append("#" * min(len(path) + 1, 4) + " `" + " ".join(path) + "`")
        parts.append("")
        parts.append("```text")
        parts.append(_plain_help(cmd, path, chain))
        parts.append("```")
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(markdown())

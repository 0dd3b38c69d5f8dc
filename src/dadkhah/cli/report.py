"""CLI commands: report (see dadkhah.cli for the conventions)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""

"""The Click that Typer runs on: recent Typer releases vendor it as ``typer._click``."""

from __future__ import annotations

try:
    import typer._click as click  # Typer >= 0.20 ships its own copy of Click
    from typer._click import exceptions as _exceptions
except ImportError:  # pragma: no cover - older Typer on top of the click package
    import click  # type: ignore[no-redef]
    from click import exceptions as _exceptions  # type: ignore[no-redef]

exceptions = _exceptions

__all__ = ["click", "exceptions"]

"""The ``dadkhah`` command: parse arguments, call :mod:`dadkhah.api`, print.

Each command group lives in its own module with a ``register(app)`` function. Errors from the
library are turned into messages and exit codes in one place, :func:`main`:

=====================  =========
error                  exit code
=====================  =========
InputError             2
usage error (Click)    2
NotFound               3
Conflict               4
IntegrityError         1
PermissionDenied       5
other DadkhahError     1
=====================  =========
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

import typer

from dadkhah import __version__
from dadkhah.cli import accounts, case, estimate, link, report, simulate, web
from dadkhah.cli.clickcompat import click
from dadkhah.cli.output import console, err_console
from dadkhah.errors import (
    Conflict,
    DadkhahError,
    InputError,
    IntegrityError,
    NotFound,
    PermissionDenied,
)

__all__ = ["app", "main"]

app = typer.Typer(
    name="dadkhah",
    help="Dadkhah: victim registers, record linkage, population estimates and sourced accounts "
    "of responsibility for mass atrocities.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        console.print(f"dadkhah {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Dadkhah: an accountability workbench for mass atrocities."""


for _module in (case, link, estimate, accounts, simulate, report, web):
    _module.register(app)


EXIT_CODES: tuple[tuple[type[DadkhahError], int], ...] = (
    (InputError, 2),
    (NotFound, 3),
    (Conflict, 4),
    (PermissionDenied, 5),
    (IntegrityError, 1),
)


def exit_code_for(error: DadkhahError) -> int:
    for cls, code in EXIT_CODES:
        if isinstance(error, cls):
            return code
    return 1


def _quiet_libraries() -> None:
    """Library logs go to stderr only from ERROR up (DADKHAH_LOG_LEVEL=INFO shows more); Python
    warnings (convergence, sparse overlap) are printed once, plainly."""
    level = os.environ.get("DADKHAH_LOG_LEVEL", "ERROR").upper()
    logging.basicConfig(
        level=getattr(logging, level, logging.ERROR), format="%(levelname)s %(name)s: %(message)s"
    )
    for name in ("splink", "py4j", "numba", "matplotlib", "weasyprint", "fontTools", "httpx"):
        logging.getLogger(name).setLevel(max(logging.getLogger().level, logging.ERROR))

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: object = None,
        line: str | None = None,
    ) -> None:
        err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)

    warnings.showwarning = show  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    _quiet_libraries()
    try:
        result = app(args=argv, standalone_mode=False, prog_name="dadkhah")
    except DadkhahError as e:
        err_console.print(f"[bold red]error:[/] {e}", highlight=False, markup=True, soft_wrap=True)
        return exit_code_for(e)
    except typer.Exit as e:
        return int(getattr(e, "exit_code", 0) or 0)
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except click.exceptions.ClickException as e:
        e.show(file=sys.stderr)
        return 2 if isinstance(e, click.exceptions.UsageError) else int(e.exit_code or 1)
    return int(result) if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

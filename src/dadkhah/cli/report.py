"""CLI commands: ``report`` (case report in HTML and PDF) and ``demo`` (the whole chain on a simulated case)."""

from __future__ import annotations

from pathlib import Path

import typer

from dadkhah.api import report as report_api
from dadkhah.cli.output import console


def report(
    case: Path = typer.Argument(..., help="The case folder."),
    pdf: bool = typer.Option(False, "--pdf", help="Also write CASE/report.pdf (WeasyPrint)."),
) -> None:
    """Write the case report to CASE/report.html (and CASE/report.pdf with --pdf).

    The report shows the lists and their overlaps, linkage quality and review status, the
    estimates with their exact inputs and settings, contested figures, perpetrators and posts with
    citations, sites, and an evidence appendix; it prints the head hash of the audit chain.

    Example: dadkhah report demo-case --pdf
    """
    files = report_api.write_report(case, pdf=pdf)
    console.print(f"Report written to [bold]{files.html}[/]")
    if files.pdf is not None:
        console.print(f"PDF written to [bold]{files.pdf}[/] ({files.pdf_pages} pages)")
    console.print(f"Audit chain head: {files.audit_head}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("report")(report)

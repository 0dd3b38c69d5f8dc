"""CLI commands: ``report`` (case report in HTML and PDF) and ``demo`` (the whole chain on a simulated case)."""

from __future__ import annotations

from pathlib import Path

import typer

from dadkhah.api import demo as demo_api
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


def demo(
    out: Path = typer.Option(Path("demo-case"), "--out", help="Folder for the demo case."),
    persons: int = typer.Option(5000, "--persons", min=100, help="Number of simulated victims."),
    seed: int = typer.Option(1988, "--seed", help="Seed of the simulation and the estimators."),
    force: bool = typer.Option(False, "--force", help="Replace an earlier demo case in OUT."),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="Also write the PDF report."),
) -> None:
    """Run the whole chain on a simulated 1988-style case, offline.

    Simulates lists in Persian and Latin script with a known truth, imports them, adds sample
    documents, links records to persons, loads sample accounts of responsibility, estimates the
    toll with three methods, writes the report (HTML and PDF) and creates a demo login.

    Example: dadkhah demo --out demo-case --force
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("demo", total=8)

        def update(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total)

        summary = demo_api.run_demo(
            out, persons=persons, seed=seed, force=force, pdf=pdf, progress=update
        )
    _print_summary(summary)


def _print_summary(s: demo_api.DemoSummary) -> None:
    from rich.table import Table

    console.print()
    console.print(f"[bold]Demo case[/] {s.case}  ({s.seconds:.0f} s)")
    table = Table(title="Lists", show_edge=False)
    table.add_column("list")
    table.add_column("records", justify="right")
    for item in s.lists:
        table.add_row(item["name"], f"{item['records']:,}")
    console.print(table)
    console.print(
        f"{s.records:,} records → [bold]{s.persons:,} persons[/]; {s.pending_review:,} links waiting for"
        f" review; {s.documents} documents."
    )
    if s.estimates:
        table = Table(
            title=f"Estimates of the whole toll (simulated truth: {s.true_n:,})", show_edge=False
        )
        for col in ("method", "model", "estimate", "95% interval", "covers truth"):
            table.add_column(col, justify="right" if col != "method" else "left")
        for e in s.estimates:
            covers = e["lower"] <= s.true_n <= e["upper"]
            table.add_row(
                e["method"] + (f" by {e['by']}" if e.get("by") else ""),
                str(e.get("model") or ""),
                f"{e['estimate']:,.0f}",
                f"{e['lower']:,.0f} – {e['upper']:,.0f}",
                "yes" if covers else "[red]no[/]",
            )
        console.print(table)
    console.print(f"True number of victims in the simulation: [bold]{s.true_n:,}[/]")
    console.print(
        f"Report: [bold]{s.report_html}[/]"
        + (f" and {s.report_pdf} ({s.report_pages} pages)" if s.report_pdf else "")
    )
    console.print(
        f"Browse it: [bold]dadkhah serve {s.case}[/] and log in as [bold]{s.login[0]}[/] with password"
        f" [bold]{s.login[1]}[/]"
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("report")(report)
    app.command("demo")(demo)

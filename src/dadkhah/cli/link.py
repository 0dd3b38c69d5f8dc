"""CLI commands of record linkage: link, runs, review, export, evaluate-links."""

from __future__ import annotations

import dataclasses
import json
from enum import StrEnum
from pathlib import Path

import typer

from dadkhah.api import link as link_api
from dadkhah.cli.output import console, print_json
from dadkhah.cli.review import review
from dadkhah.errors import InputError

CASE_ARG = typer.Argument(..., help="The case folder.", show_default=False)
ENGINE_OPT = typer.Option("duckdb", "--engine", help="SQL engine Splink runs on: duckdb or spark.")
KIND_ARG = typer.Argument(..., help="links (one row per record) or persons.")
OUT_OPT = typer.Option(..., "-o", "--out", help="The CSV file to write.")
LINKS_ARG = typer.Argument(..., help="Links CSV (list,record_id,person_id).")
TRUTH_ARG = typer.Argument(..., help="Truth CSV (list,record_id,person_id).")
EVAL_CASE_OPT = typer.Option(
    None, "--case", help="Also measure blocking recall on this case's records."
)


class EngineChoice(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


class ExportKind(StrEnum):
    links = "links"
    persons = "persons"


def link(
    case: Path = CASE_ARG,
    engine: EngineChoice = ENGINE_OPT,
    settings: str = typer.Option(
        "", "--settings", help="Linkage settings as JSON, e.g. '{\"auto_link\": 0.97}'."
    ),
    actor: str = typer.Option(
        "", "--actor", help="Who runs the linkage (default: your user name)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the run as JSON."),
) -> None:
    """Link every record of the case's lists to a person, keeping person ids stable.

    Doubtful pairs go to the review queue ('dadkhah review CASE'); reviewers' decisions bind
    every run.

    Example: dadkhah link my-case --settings '{"auto_link": 0.97}'
    """
    values: dict[str, object] = {}
    if settings:
        try:
            loaded = json.loads(settings)
        except json.JSONDecodeError as e:
            raise InputError(f"--settings is not valid JSON: {e}: {settings!r}") from e
        if not isinstance(loaded, dict):
            raise InputError(f"--settings must be a JSON object, got {settings!r}")
        values = loaded
    run = link_api.link_case(case, actor=actor or None, engine=engine.value, settings=values)
    if as_json:
        print_json(dataclasses.asdict(run))
        return
    console.print(
        f"Run {run.id}: {run.record_count} records → {run.person_count} persons "
        f"({run.new_persons} new, {run.kept_persons} kept, {run.retired_persons} retired); "
        f"{run.review_count} pair(s) to review."
    )


def runs(
    case: Path = CASE_ARG,
    as_json: bool = typer.Option(False, "--json", help="Print the runs as JSON."),
) -> None:
    """List the stored linkage runs with their settings, input hash, version and counts.

    Example: dadkhah runs my-case --json
    """
    items = link_api.list_runs(case)
    if as_json:
        print_json([dataclasses.asdict(r) for r in items])
        return
    from rich.table import Table

    table = Table(
        "run", "finished", "engine", "records", "persons", "new", "review", "version", "input hash"
    )
    for r in items:
        table.add_row(
            str(r.id),
            r.finished_at or "",
            r.engine,
            str(r.record_count),
            str(r.person_count),
            str(r.new_persons),
            str(r.review_count),
            r.version,
            r.input_hash[:12],
        )
    console.print(table)


def export(
    case: Path = CASE_ARG,
    kind: ExportKind = KIND_ARG,
    out: Path = OUT_OPT,
) -> None:
    """Export the linkage: 'links' (list,record_id,person_id,match_probability) or 'persons'.

    Example: dadkhah export my-case links -o links.csv
    """
    if kind is ExportKind.links:
        n = link_api.export_links(case, out)
    else:
        n = link_api.export_persons(case, out)
    console.print(f"{n} row(s) written to {out}")


def evaluate_links(
    links: Path = LINKS_ARG,
    truth: Path = TRUTH_ARG,
    case: Path | None = EVAL_CASE_OPT,
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score a links export against the truth: pairwise precision, recall, F1, B-cubed, persons.

    Example: dadkhah evaluate-links links.csv sim/truth.csv --case my-case
    """
    result = link_api.evaluate_links(links, truth, case_path=case)
    if as_json:
        print_json(result)
        return
    from rich.table import Table

    table = Table("measure", "value")
    for k, v in result.items():
        table.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("link")(link)
    app.command("runs")(runs)
    app.command("review")(review)
    app.command("export")(export)
    app.command("evaluate-links")(evaluate_links)

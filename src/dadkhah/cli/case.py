"""CLI commands of the case store: init, import, lists, add, show, search, verify, log."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dadkhah.api import case as case_api
from dadkhah.api import lists as lists_api
from dadkhah.cli.output import console, err_console, print_json

CASE_ARG = typer.Argument(..., help="The case folder.", show_default=False)


def init(
    case: Path = CASE_ARG,
    database: str | None = typer.Option(
        None,
        "--database",
        help="Keep the tables on a PostgreSQL server (postgresql://user@host/db) instead of SQLite.",
    ),
    name: str | None = typer.Option(None, "--name", help="The case's name (default: folder name)."),
) -> None:
    """Create a case folder: database, write-once evidence folder and config.toml.

    Example: [bold]dadkhah init my-case[/]  or  [bold]dadkhah init my-case --database
    postgresql://postgres@db.example.org/dadkhah[/]
    """
    with case_api.init(case, database=database, name=name) as c:
        backend = "SQLite" if c.db.dialect == "sqlite" else "PostgreSQL"
        console.print(f"Created case [bold]{c.name}[/] in {case} ({backend}).")


def _progress_bar() -> tuple[Progress, lists_api.Progress]:
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    task = bar.add_task("checking", total=None)

    def update(stage: str, done: int, total: int) -> None:
        unit = "files" if stage == "checking" else "records"
        bar.update(task, description=f"{stage} {unit}", completed=done, total=total)

    return bar, update


def import_(
    case: Path = CASE_ARG,
    files: list[Path] = typer.Argument(..., help="List files: CSV, XLSX, JSON or JSON Lines."),
    list_name: str | None = typer.Option(
        None, "--list", help="The list's name (default: the file name without its extension)."
    ),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="A TOML file renaming columns and setting fixed values."
    ),
    encoding: str | None = typer.Option(
        None,
        "--encoding",
        help="The text encoding (default: UTF-8, or what a byte-order mark says), e.g. windows-1256.",
    ),
    source_title: str | None = typer.Option(
        None, "--source-title", help="Title of the source the list comes from."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Supersede the list of the same name (its rows are kept)."
    ),
    append: bool = typer.Option(False, "--append", help="Add the records to the existing list."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Import victim lists; every file is checked in full before anything is stored.

    Example: [bold]dadkhah import my-case amnesty-1990.csv --source-title "Amnesty 1990"[/]

    A Persian Windows file with other column names:
    [bold]dadkhah import my-case list.csv --encoding windows-1256 --mapping list.toml[/]
    """
    if replace and append:
        raise typer.BadParameter("give --replace or --append, not both")
    mode = "replace" if replace else "append" if append else "new"
    with case_api.open_case(case) as c:
        bar, update = _progress_bar()
        with bar:
            results = lists_api.import_lists(
                c,
                files,
                list_name=list_name,
                mapping=mapping,
                encoding=encoding,
                source_title=source_title,
                mode=mode,
                progress=None if as_json else update,
            )
    if as_json:
        print_json(
            [
                {
                    "file": r.file,
                    "list": r.list_name,
                    "version": r.list_version,
                    "mode": r.mode,
                    "records": r.records,
                    "ids_generated": r.ids_generated,
                    "evidence_id": r.evidence_id,
                    "sha256": r.sha256,
                    "format": r.format,
                    "encoding": r.encoding,
                }
                for r in results
            ]
        )
        return
    for r in results:
        verb = {"new": "Imported", "replace": "Replaced with", "append": "Appended"}[r.mode]
        console.print(
            f"{verb} {r.records:,} records from {r.file} into list [bold]{r.list_name}[/]"
            f" (version {r.list_version}; evidence {r.evidence_id}, SHA-256 {r.sha256})."
        )
        if r.ids_generated:
            console.print(
                f"  The file has no record_id column: record ids were generated (1 to {r.records}"
                + (", with a prefix" if r.mode == "append" else "")
                + ")."
            )


def lists(
    case: Path = CASE_ARG,
    all_versions: bool = typer.Option(False, "--all", help="Include replaced versions."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of {name, records}."),
) -> None:
    """Show the case's lists with their record counts.

    Example: [bold]dadkhah lists my-case --json[/]
    """
    with case_api.open_case(case) as c:
        found = lists_api.list_lists(c, include_inactive=all_versions)
    if as_json:
        print_json(
            [
                {
                    "name": v.name,
                    "records": v.record_count,
                    "version": v.version,
                    "active": v.active,
                    "imported_at": v.imported_at,
                    "imported_by": v.imported_by,
                    "ids_generated": v.ids_generated,
                    "evidence_id": v.evidence_id,
                }
                for v in found
            ]
        )
        return
    if not found:
        console.print("The case has no lists yet: add one with 'dadkhah import CASE FILE'.")
        return
    table = Table("list", "records", "version", "imported", "by")
    for v in found:
        name = v.name if v.active else f"{v.name} (replaced)"
        table.add_row(
            name, f"{v.record_count:,}", str(v.version), v.imported_at[:19], v.imported_by
        )
    console.print(table)


def verify(case: Path = CASE_ARG) -> None:
    """Check the audit chain and the SHA-256 of every evidence file; exit 1 if anything is broken.

    Example: [bold]dadkhah verify my-case[/]
    """
    with case_api.open_case(case) as c:
        result = case_api.verify(c)
    console.print(
        f"Audit log: {result.audit_rows} rows checked. Evidence: {result.evidence_files} files checked."
    )
    if result.ok:
        console.print("[green]Intact:[/] the audit chain and every evidence file verify.")
        return
    for problem in result.problems():
        err_console.print(f"[bold red]broken:[/] {problem}", highlight=False, soft_wrap=True)
    if result.damaged_files > 1:
        err_console.print(f"{result.damaged_files} evidence files in all fail verification.")
    raise typer.Exit(1)


def log(
    case: Path = CASE_ARG,
    limit: int | None = typer.Option(None, "--limit", help="Only the newest N entries."),
    target: str | None = typer.Option(
        None, "--target", help="Only entries about this target, e.g. list:3."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the entries as JSON."),
) -> None:
    """Show the audit log: every write to the case, oldest first.

    Example: [bold]dadkhah log my-case --limit 20[/]
    """
    with case_api.open_case(case) as c:
        rows = case_api.audit_log(c, limit=limit, target=target)
    if as_json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at,
                    "actor": e.actor,
                    "action": e.action,
                    "target": e.target,
                    "details": e.details,
                    "hash": e.hash,
                }
                for e in rows
            ]
        )
        return
    table = Table("#", "time (UTC)", "actor", "action", "target", "details")
    for e in rows:
        details = ", ".join(f"{k}={v}" for k, v in e.details.items() if v not in (None, ""))
        table.add_row(str(e.id), e.at[:19], e.actor, e.action, e.target, details)
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("init")(init)
    app.command("import")(import_)
    app.command("lists")(lists)
    app.command("verify")(verify)
    app.command("log")(log)

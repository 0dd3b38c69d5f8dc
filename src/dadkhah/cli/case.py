"""CLI commands of the case store: init, import, lists, add, show, search, verify, log."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dadkhah.api import case as case_api
from dadkhah.api import evidence as evidence_api
from dadkhah.api import lists as lists_api
from dadkhah.api import search as search_api
from dadkhah.cli.output import console, err_console, print_json

CaseArg = Annotated[Path, typer.Argument(help="The case folder.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def init(
    case: CaseArg,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="Keep the tables on a PostgreSQL server (postgresql://user@host/db) instead of SQLite.",
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="The case's name (default: the folder's name).")
    ] = None,
) -> None:
    """Create a case folder: database, write-once evidence folder and config.toml.

    Example: [bold]dadkhah init my-case[/]  or, for a team server,
    [bold]dadkhah init my-case --database postgresql://dadkhah@db.example.org/dadkhah[/]
    """
    with case_api.init(case, database=database, name=name) as c:
        backend = "SQLite" if c.db.dialect == "sqlite" else "PostgreSQL"
        console.print(f"Created case [bold]{escape(c.name)}[/] in {escape(str(case))} ({backend}).")


def _progress_bar(unit: str) -> tuple[Progress, lists_api.Progress]:
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
        what = "files" if stage in ("checking", "adding") else unit
        bar.update(task, description=f"{stage} {what}", completed=done, total=total)

    return bar, update


def import_(
    case: CaseArg,
    files: Annotated[list[Path], typer.Argument(help="List files: CSV, XLSX, JSON or JSON Lines.")],
    list_name: Annotated[
        str | None,
        typer.Option("--list", help="The list's name (default: the file name without extension)."),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="A TOML file renaming columns and setting fixed values."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Text encoding, e.g. windows-1256 (default: UTF-8, or what a byte-order mark says).",
        ),
    ] = None,
    source_title: Annotated[
        str | None, typer.Option("--source-title", help="Title of the source of the list.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Supersede the list of that name (its rows are kept).")
    ] = False,
    append: Annotated[bool, typer.Option("--append", help="Add the records to that list.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Import victim lists; every file is checked in full before anything is stored.

    Example: [bold]dadkhah import my-case amnesty-1990.csv --source-title "Amnesty 1990"[/]

    A Persian Windows file with its own column names:
    [bold]dadkhah import my-case list.csv --encoding windows-1256 --mapping list.toml[/]
    """
    if replace and append:
        raise typer.BadParameter("give --replace or --append, not both")
    mode = "replace" if replace else "append" if append else "new"
    with case_api.open_case(case) as c:
        bar, update = _progress_bar("records")
        with bar:
            results = lists_api.import_lists(
                c,
                files,
                list_name=list_name,
                mapping=mapping,
                encoding=encoding,
                source_title=source_title,
                mode=mode,
                progress=update,
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
            f"{verb} {r.records:,} records from {escape(r.file)} into list [bold]{escape(r.list_name)}[/]"
            f" (version {r.list_version}; evidence {r.evidence_id}, SHA-256 {r.sha256})."
        )
        if r.ids_generated:
            console.print(
                f"  The file has no record_id column: {r.records:,} record ids were generated"
                " (numbered in file order)."
            )


def lists(
    case: CaseArg,
    all_versions: Annotated[
        bool, typer.Option("--all", help="Include versions replaced by --replace.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of objects with name and records.")
    ] = False,
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
    table = Table("list", "records", "version", "imported (UTC)", "by")
    for v in found:
        name = v.name if v.active else f"{v.name} (replaced)"
        table.add_row(
            escape(name),
            f"{v.record_count:,}",
            str(v.version),
            v.imported_at[:19],
            escape(v.imported_by),
        )
    console.print(table)


def add(
    case: CaseArg,
    files: Annotated[list[Path], typer.Argument(help="Files to keep as evidence (any kind).")],
    title: Annotated[str | None, typer.Option("--title", help="Title of the document.")] = None,
    source_type: Annotated[
        str,
        typer.Option(
            "--source-type",
            help="report, testimony, court-record, news, list, image or other.",
        ),
    ] = "other",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of objects with id and sha256.")
    ] = False,
) -> None:
    """Store files as evidence and print their SHA-256; HTML, PDF and text are made searchable.

    Example: [bold]dadkhah add my-case report.pdf --title "UN report 1989" --source-type report[/]
    """
    with case_api.open_case(case) as c:
        bar, update = _progress_bar("files")
        with bar:
            results = evidence_api.add_files(
                c, files, title=title, source_type=source_type, progress=update
            )
    if as_json:
        print_json(
            [
                {
                    "id": r.item.id,
                    "sha256": r.item.sha256,
                    "file": r.file,
                    "size": r.item.size,
                    "media_type": r.item.media_type,
                    "new": r.new,
                    "text_id": r.text_item_id,
                    "note": r.note,
                }
                for r in results
            ]
        )
        return
    for r in results:
        # the same layout as sha256sum: HASH, two spaces, file name
        console.print(f"{r.item.sha256}  {r.file}", highlight=False, markup=False, soft_wrap=True)
        extra = f"evidence {r.item.id}, {r.item.media_type}"
        if r.text_item_id is not None:
            extra += f"; text in item {r.text_item_id}"
        if r.note:
            extra += f"; {r.note}"
        err_console.print(f"  ({extra})", highlight=False, markup=False)


def show(
    case: CaseArg,
    item: Annotated[str, typer.Argument(help="Evidence id, or SHA-256 (or its first digits).")],
    text: Annotated[bool, typer.Option("--text", help="Print the item's extracted text.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show an evidence item with its source and chain of custody, or its text.

    Example: [bold]dadkhah show my-case 3 --text[/]
    """
    with case_api.open_case(case) as c:
        if text:
            body = evidence_api.document_text(c, item)
            detail = None
        else:
            detail = evidence_api.get_item(c, item)
    if detail is None:
        sys.stdout.write(body)  # exactly the stored text: offsets into it stay valid
        sys.stdout.flush()
        return
    it = detail.item
    if as_json:
        print_json(
            {
                "id": it.id,
                "sha256": it.sha256,
                "size": it.size,
                "media_type": it.media_type,
                "original_name": it.original_name,
                "title": it.title,
                "received_at": it.received_at,
                "derived_from": it.derived_from,
                "operation": it.operation,
                "text_id": detail.text_item_id,
                "derived": [d.id for d in detail.derived],
                "lists": list(detail.lists),
                "source": None
                if detail.source is None
                else {
                    "id": detail.source.id,
                    "title": detail.source.title,
                    "type": detail.source.source_type,
                },
                "custody": [
                    {"at": e.at, "actor": e.actor, "action": e.action, "details": e.details}
                    for e in detail.custody
                ],
            }
        )
        return
    rows = [
        ("id", str(it.id)),
        ("title", it.title or ""),
        ("file", it.original_name or ""),
        ("SHA-256", it.sha256),
        ("size", f"{it.size:,} bytes"),
        ("media type", it.media_type),
        ("received", it.received_at[:19]),
    ]
    if detail.source is not None:
        rows.append(("source", f"{detail.source.title} ({detail.source.source_type})"))
    if it.derived_from is not None:
        rows.append(("derived from", f"item {it.derived_from} by {it.operation}"))
    if detail.text_item_id is not None:
        rows.append(("text", f"item {detail.text_item_id} (dadkhah show CASE {it.id} --text)"))
    if detail.lists:
        rows.append(("lists", ", ".join(detail.lists)))
    table = Table(show_header=False, box=None)
    for k, v in rows:
        table.add_row(f"[bold]{k}[/]", escape(v))
    console.print(table)
    custody = Table("time (UTC)", "actor", "custody event", title="chain of custody")
    for e in detail.custody:
        custody.add_row(e.at[:19], escape(e.actor), e.action)
    console.print(custody)


def search(
    case: CaseArg,
    query: Annotated[
        str, typer.Argument(help="Words to find (all must match; end with * for a prefix).")
    ],
    limit: Annotated[
        int, typer.Option("--limit", help="At most this many hits of each kind.")
    ] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Search list records and documents, Persian and Latin script alike.

    Example: [bold]dadkhah search my-case "علی رضایی"[/]  or  [bold]dadkhah search my-case evin*[/]
    """
    with case_api.open_case(case) as c:
        hits = search_api.search(c, query, limit=limit)
    if as_json:
        print_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "title": h.title,
                    "snippet": h.snippet,
                    "list": h.list_name,
                    "record_id": h.record_id,
                }
                for h in hits
            ]
        )
        return
    if not hits:
        console.print("No matches.")
        return
    table = Table("kind", "where", "name / title", "context")
    for h in hits:
        where = f"{h.list_name} #{h.record_id}" if h.kind == "record" else f"evidence {h.id}"
        table.add_row(h.kind, escape(where), escape(h.title), escape(h.snippet))
    console.print(table)


def verify(case: CaseArg) -> None:
    """Check the audit chain and the SHA-256 of every evidence file; exit 1 if anything is broken.

    Example: [bold]dadkhah verify my-case[/]
    """
    with case_api.open_case(case) as c:
        result = case_api.verify(c)
    console.print(
        f"Audit log: {result.audit_rows} rows checked. "
        f"Evidence: {result.evidence_files} files checked."
    )
    if result.ok:
        console.print("[green]Intact:[/] the audit chain and every evidence file verify.")
        return
    for problem in result.problems():
        err_console.print(f"[bold red]broken:[/] {problem}", highlight=False, soft_wrap=True)
    if result.damaged_files > 1:
        err_console.print(f"{result.damaged_files} evidence files in all fail verification.")
    raise typer.Exit(1)


def _short(value: object) -> str:
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return text[:12] + "…"
    return text if len(text) <= 40 else text[:39] + "…"


def log(
    case: CaseArg,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the newest N entries.")] = None,
    target: Annotated[
        str | None, typer.Option("--target", help="Only entries about this target, e.g. list:3.")
    ] = None,
    as_json: JsonOpt = False,
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
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                }
                for e in rows
            ]
        )
        return
    table = Table("#", "time (UTC)", "actor", "action", "target", "details")
    for e in rows:
        details = ", ".join(
            f"{k}={_short(v)}" for k, v in e.details.items() if v not in (None, "", [], {})
        )
        table.add_row(
            str(e.id), e.at[:19], escape(e.actor), e.action, escape(e.target), escape(details)
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("init")(init)
    app.command("import")(import_)
    app.command("lists")(lists)
    app.command("add")(add)
    app.command("show")(show)
    app.command("search")(search)
    app.command("verify")(verify)
    app.command("log")(log)

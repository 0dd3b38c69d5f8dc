"""CLI commands: ``timeline`` (a person's dated claims), ``chain`` (who held which post, under whom,
on a day) and ``extract`` (mentions in a document, and accepting one as a citation)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from dadkhah.api import accounts as accounts_api
from dadkhah.api import case as case_api
from dadkhah.api import extract as extract_api
from dadkhah.cli.output import console, print_json
from dadkhah.model.accounts import MENTION_TYPES

CaseArg = Annotated[Path, typer.Argument(help="The case folder.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def timeline(
    case: CaseArg,
    person: Annotated[str, typer.Argument(help="Person uid, name or alias.")],
    dated_only: Annotated[
        bool, typer.Option("--dated-only", help="Leave out undated claims.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """A person's dated claims and the acts against them, in order.

    Example: [bold]dadkhah timeline my-case "Hamid Nouri"[/]
    """
    with case_api.open_case(case) as c:
        t = accounts_api.timeline(c, person, undated=not dated_only)
    if as_json:
        print_json(t)
        return
    table = Table(
        "from",
        "to",
        "as written",
        "what",
        "status",
        "claim",
        "sources",
        title=f"{t['person']['label']} ({t['person']['uid']})",
    )
    for e in t["entries"]:
        table.add_row(
            e["start"] or "",
            e["end"] or "",
            escape(e["date_text"] or ""),
            escape(e["what"]),
            e["status"] or "",
            e["claim"] or e.get("act") or "",
            escape("; ".join(str(s["title"]) for s in e["sources"])[:60]),
        )
    console.print(table)


def _tree(node: dict[str, Any], tree: Tree) -> None:
    for p in node["posts"]:
        holders = (
            ", ".join(
                f"{h['person']['label']} [{h['status']}{', possible' if h['basis'] == 'possible' else ''}]"
                for h in p["holders"]
            )
            or "(holder unknown)"
        )
        tree.add(f"{escape(p['post']['label'])}: {escape(holders)}")
    for key, label in (("superiors", "under"), ("subordinates", "over")):
        for rel in node.get(key, []):
            sub = tree.add(
                f"{label} ({rel['relation']}, {rel['status']}): [bold]{escape(rel['organization']['label'])}[/]"
            )
            _tree(rel, sub)


def chain(
    case: CaseArg,
    organization: Annotated[str, typer.Argument(help="Organisation uid, name or alias.")],
    date: Annotated[str, typer.Option("--date", help="The day, YYYY-MM-DD.")],
    possible: Annotated[
        bool, typer.Option("--possible", help="Also holders outside their cited dates (open ends).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Who held which post in an organisation on a day, the organisations above it and units below.

    Example: [bold]dadkhah chain my-case "Tehran death commission" --date 1988-08-01[/]
    """
    with case_api.open_case(case) as c:
        ch = accounts_api.chain(c, organization, date, possible=possible)
    if as_json:
        print_json(ch)
        return
    tree = Tree(f"[bold]{escape(ch['organization']['label'])}[/] on {ch['date']}")
    _tree(ch, tree)
    console.print(tree)


def extract(
    case: CaseArg,
    document: Annotated[
        str, typer.Argument(help="Evidence id or SHA-256 prefix of a document with text.")
    ],
    types: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only these types: person, organization, place, date, figure."),
    ] = None,
    accept: Annotated[
        int | None,
        typer.Option("--accept", help="Accept mention N (as numbered in the list) as a citation."),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="With --accept: the entity it names (uid, name or alias)."),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="With --accept: create the entity (or figure claim).")
    ] = False,
    alias: Annotated[
        bool,
        typer.Option("--alias", help="With --accept: record the text as an alias (name claim)."),
    ] = False,
    claim: Annotated[
        str | None, typer.Option("--claim", help="With --accept: cite the mention for this claim.")
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="With --accept: the source (default: the document's)."),
    ] = None,
    quantity: Annotated[
        str | None,
        typer.Option("--quantity", help="With --accept --create of a figure: what is counted."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Find persons, organisations, places, dates and figures a document mentions (offsets into
    the text 'dadkhah show CASE DOC --text' prints); accept one as a citation.

    Example: [bold]dadkhah extract my-case 3 --json[/]; then [bold]dadkhah extract my-case 3 --accept 5 --create --alias[/]
    """
    wanted = tuple(types) if types else MENTION_TYPES
    with case_api.open_case(case) as c:
        if accept is not None:
            result = extract_api.accept_mention(
                c,
                document,
                accept,
                entity=entity,
                create=create,
                alias=alias,
                claim=claim,
                source=source,
                quantity=quantity,
                types=wanted,
            )
            if as_json:
                print_json(result)
            else:
                target = result["entity"]["uid"] if result["entity"] else result["claim"]
                verb = "created and cited" if result["created"] else "cited"
                console.print(
                    f"Mention {accept} ({escape(result['mention']['text'])}): {verb} {escape(str(target))}."
                )
            return
        mentions = extract_api.extract(c, document, types=wanted)
    if as_json:
        print_json([{"n": i, **m.to_dict()} for i, m in enumerate(mentions, 1)])
        return
    table = Table(
        "#",
        "type",
        "text",
        "start",
        "end",
        "best candidate",
        "how",
        title=f"mentions in {document}",
    )
    for i, m in enumerate(mentions, 1):
        best = (
            f"{m.candidates[0].uid} {m.candidates[0].label} ({m.candidates[0].score:.2f})"
            if m.candidates
            else ""
        )
        table.add_row(str(i), m.type, escape(m.text), str(m.start), str(m.end), escape(best), m.how)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("chain")(chain)
    app.command("extract")(extract)

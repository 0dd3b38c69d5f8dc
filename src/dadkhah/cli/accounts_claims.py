"""CLI commands: claims (add, list, show, status, cite) and the ``accounts`` group (bulk import,
Popolo and GeoJSON exports, contested figures, the shipped example)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dadkhah.api import accounts as accounts_api
from dadkhah.api import case as case_api
from dadkhah.cli.output import console, print_json
from dadkhah.errors import InputError, Problem
from dadkhah.model.accounts import Claim

CaseArg = Annotated[Path, typer.Argument(help="The case folder.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

claim_app = typer.Typer(
    help="Claims: sourced statements about entities (each with at least one citation).",
    no_args_is_help=True,
)
accounts_app = typer.Typer(
    help="Accounts of responsibility: bulk import, exports, contested figures.",
    no_args_is_help=True,
)


def claims_table(claims: list[dict[str, Any]], title: str) -> None:
    table = Table(
        "uid", "kind", "subject", "object / value", "dates", "status", "sources", title=title
    )
    for c in claims:
        subj = c["subject"]["label"] if c["subject"] else ""
        obj = c["object"]["label"] if c["object"] else ""
        value = c["value_text"] or (
            f"{c['value_number']:g}" if c["value_number"] is not None else ""
        )
        if c["quantity"]:
            value = f"{c['quantity']}: {value}"
        d = c["dates"]
        dates = d["text"] or "/".join(x for x in (d["start"], d["end"]) if x)
        details = ", ".join(f"{k}={v}" for k, v in c["details"].items())
        sources = "; ".join(str(s["source_title"]) for s in c["citations"])
        table.add_row(
            c["uid"],
            c["kind"],
            escape(subj),
            escape(" ".join(x for x in (obj, value, details) if x)),
            escape(dates),
            c["status"],
            escape(sources[:60]),
        )
    console.print(table)


def _details(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(
                f"--detail: expected KEY=VALUE, got {item!r}",
                [Problem("not KEY=VALUE", field="detail", value=item)],
            )
        out[key.strip()] = value.strip()
    return out


def claim_add(
    case: CaseArg,
    kind: Annotated[
        str,
        typer.Argument(
            help="name, posting, org_relation, presence, involvement, burial, kinship, intervention, proceeding, figure."
        ),
    ],
    source: Annotated[str, typer.Option("--source", help="The cited source (id or exact title).")],
    subject: Annotated[
        str | None, typer.Option("--subject", help="Subject entity (uid, name or alias).")
    ] = None,
    object_: Annotated[
        str | None, typer.Option("--object", help="Object entity (uid, name or alias).")
    ] = None,
    value: Annotated[
        str | None, typer.Option("--value", help="A name (name claim) or a number (figure).")
    ] = None,
    quantity: Annotated[
        str | None,
        typer.Option("--quantity", help="Figure: what is counted, e.g. 'people executed'."),
    ] = None,
    low: Annotated[float | None, typer.Option("--low", help="Figure: low end of a range.")] = None,
    high: Annotated[
        float | None, typer.Option("--high", help="Figure: high end of a range.")
    ] = None,
    detail: Annotated[
        list[str] | None,
        typer.Option("--detail", help="KEY=VALUE (role, degree, relation ...); repeat."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="1988, 1988-08-01 or START/END (first and last cited dates)."),
    ] = None,
    date_text: Annotated[
        str | None, typer.Option("--date-text", help="The date as the source writes it.")
    ] = None,
    status: Annotated[
        str, typer.Option("--status", help="accepted, conflict or work needed.")
    ] = "work needed",
    confidence: Annotated[
        str | None, typer.Option("--confidence", help="high, medium or low.")
    ] = None,
    confidence_note: Annotated[str | None, typer.Option("--confidence-note")] = None,
    researcher: Annotated[str | None, typer.Option("--researcher")] = None,
    confidentiality: Annotated[
        str | None, typer.Option("--confidentiality", help="public, restricted or confidential.")
    ] = None,
    page: Annotated[str | None, typer.Option("--page")] = None,
    paragraph: Annotated[str | None, typer.Option("--paragraph")] = None,
    line: Annotated[str | None, typer.Option("--line")] = None,
    time_start: Annotated[
        str | None, typer.Option("--time-start", help="Audio/video: start (hh:mm:ss).")
    ] = None,
    time_end: Annotated[str | None, typer.Option("--time-end")] = None,
    cell: Annotated[
        str | None, typer.Option("--cell", help="Table cell, e.g. 'row 12, column 3'.")
    ] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="Quoted text.")] = None,
    char_start: Annotated[
        int | None, typer.Option("--char-start", help="Offset of the quote in the source's text.")
    ] = None,
    char_end: Annotated[int | None, typer.Option("--char-end")] = None,
    cite_note: Annotated[
        str | None, typer.Option("--cite-note", help="Note on the citation.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a claim with its citation.

    Example: [bold]dadkhah claim add my-case posting --subject "Ebrahim Raisi" --object POST-000003
    --date 1988-07-28/1988-09 --detail role=member --source 1 --page 45 --status accepted[/]
    """
    number = None
    text = value
    if kind == "figure" and value is not None:
        try:
            number = float(value.replace(",", ""))
        except ValueError as e:
            raise InputError(
                f"--value: not a number: {value!r}",
                [Problem("not a number", field="value", value=value)],
            ) from e
    citation = {
        "source": source,
        "page": page,
        "paragraph": paragraph,
        "line": line,
        "time_start": time_start,
        "time_end": time_end,
        "table_cell": cell,
        "quote": quote,
        "char_start": char_start,
        "char_end": char_end,
        "note": cite_note,
    }
    with case_api.open_case(case) as c:
        claim = accounts_api.add_claim(
            c,
            kind,
            citations=[citation],
            subject=subject,
            object=object_,
            dates=accounts_api.date_range(date=date, text=date_text),
            value_text=text,
            value_number=number,
            value_low=low,
            value_high=high,
            quantity=quantity,
            details=_details(detail or []),
            status=status,
            confidence=confidence,
            confidence_note=confidence_note,
            researcher=researcher,
            confidentiality=confidentiality,
        )
    if as_json:
        print_json(claim.to_dict())
    else:
        console.print(f"[bold]{claim.uid}[/] {claim.kind} claim recorded ({claim.status}).")


def claim_list(
    case: CaseArg,
    kind: Annotated[str | None, typer.Option("--kind")] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Claims about this entity.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List claims, optionally of one kind, about one entity, or of one status.

    Example: [bold]dadkhah claim list my-case --kind posting --entity "Tehran death commission"[/]
    """
    with case_api.open_case(case) as c:
        claims = [
            x.to_dict()
            for x in accounts_api.list_claims(c, kind=kind, entity=entity, status=status)
        ]
    print_json(claims) if as_json else claims_table(claims, "claims")


def _print_claim(claim: Claim) -> None:
    d = claim.to_dict()
    claims_table([d], claim.uid)
    for cit in claim.citations:
        console.print(
            f"  source {cit.source_id} {escape(str(cit.source_title))}: {escape(cit.locator())}"
        )
    if claim.confidence:
        console.print(f"  confidence {claim.confidence}: {escape(claim.confidence_note or '')}")


def claim_show(
    case: CaseArg,
    uid: Annotated[str, typer.Argument(help="Claim uid (C-000001).")],
    as_json: JsonOpt = False,
) -> None:
    """Show a claim with its citations.

    Example: [bold]dadkhah claim show my-case C-000007[/]
    """
    with case_api.open_case(case) as c:
        claim = accounts_api.get_claim(c, uid)
    print_json(claim.to_dict()) if as_json else _print_claim(claim)


def claim_status(
    case: CaseArg,
    uid: Annotated[str, typer.Argument(help="Claim uid.")],
    status: Annotated[str, typer.Argument(help="accepted, conflict or work needed.")],
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit log).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a claim's status; the change is audited.

    Example: [bold]dadkhah claim status my-case C-000007 accepted --note "second source found"[/]
    """
    with case_api.open_case(case) as c:
        claim = accounts_api.set_claim_status(c, uid, status, note=note)
    print_json(claim.to_dict()) if as_json else console.print(f"{claim.uid} is now {claim.status}.")


def claim_cite(
    case: CaseArg,
    uid: Annotated[str, typer.Argument(help="Claim uid.")],
    source: Annotated[str, typer.Option("--source", help="Source id or title.")],
    page: Annotated[str | None, typer.Option("--page")] = None,
    paragraph: Annotated[str | None, typer.Option("--paragraph")] = None,
    quote: Annotated[str | None, typer.Option("--quote")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add another citation to a claim.

    Example: [bold]dadkhah claim cite my-case C-000007 --source 2 --page 12[/]
    """
    with case_api.open_case(case) as c:
        cit = accounts_api.add_citation(
            c,
            uid,
            {"source": source, "page": page, "paragraph": paragraph, "quote": quote, "note": note},
        )
    print_json(cit.to_dict()) if as_json else console.print(
        f"Cited source {cit.source_id} for {uid}."
    )


def accounts_import(
    case: CaseArg,
    path: Annotated[
        Path,
        typer.Argument(help="A JSON file, a section CSV (claims.csv ...) or a folder of them."),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Import sources, entities and claims in bulk (all or nothing; see docs/accounts-import-format.md).

    Example: [bold]dadkhah accounts import my-case accounts.json[/]
    """
    with case_api.open_case(case) as c:
        summary = accounts_api.import_file(c, path)
    if as_json:
        print_json(summary)
        return
    counts = ", ".join(f"{n} {k}" for k, n in summary["counts"].items() if n)
    console.print(f"Imported {counts or 'nothing'} from {escape(str(path))}.")


def accounts_example(
    out: Annotated[Path | None, typer.Option("--out", help="Copy the example here.")] = None,
) -> None:
    """Print (or copy) the shipped example import file: a 1988-style sample of public facts.

    Example: [bold]dadkhah accounts example --out sample.json && dadkhah accounts import my-case sample.json[/]
    """
    path = accounts_api.example_path()
    data = path.read_text(encoding="utf-8")
    if out is None:
        console.print(data, markup=False, highlight=False, soft_wrap=True)
    else:
        out.write_text(data, encoding="utf-8")
        console.print(f"Wrote {escape(str(out))}.")


def accounts_export(
    case: CaseArg,
    fmt: Annotated[str, typer.Option("--format", help="popolo or geojson.")] = "popolo",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of standard output.")
    ] = None,
    level: Annotated[
        str,
        typer.Option(
            "--confidentiality", help="Include items up to: public, restricted, confidential."
        ),
    ] = "public",
) -> None:
    """Export persons, organisations, posts and memberships as Popolo JSON, or sites as GeoJSON.

    Example: [bold]dadkhah accounts export my-case --format geojson --out sites.geojson[/]
    """
    if fmt not in {"popolo", "geojson"}:
        raise InputError(
            f"--format: {fmt!r} is not one of popolo, geojson",
            [Problem("unknown format", field="format", value=fmt)],
        )
    with case_api.open_case(case) as c:
        doc = (accounts_api.export_popolo if fmt == "popolo" else accounts_api.export_geojson)(
            c, max_confidentiality=level
        )
    if out is None:
        print_json(doc)
    else:
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        console.print(f"Wrote {escape(str(out))}.")


def accounts_figures(
    case: CaseArg,
    quantity: Annotated[str | None, typer.Option("--quantity", help="Only this quantity.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Contested figures: the numbers different sources give for one quantity, side by side.

    Example: [bold]dadkhah accounts figures my-case --quantity "people executed"[/]
    """
    with case_api.open_case(case) as c:
        groups = accounts_api.contested_figures(c, quantity=quantity)
    if as_json:
        print_json(groups)
        return
    for g in groups:
        about = f" ({g['subject']['label']})" if g["subject"] else ""
        table = Table(
            "value", "as written", "status", "claim", "source", title=f"{g['quantity']}{about}"
        )
        for f in g["figures"]:
            v = (
                f"{f['value']:,.0f}"
                if f["value"] is not None
                else f"{f['low'] or ''}-{f['high'] or ''}"
            )
            table.add_row(
                v,
                escape(f["as_written"] or ""),
                f["status"],
                f["claim"],
                escape("; ".join(str(s["title"]) for s in f["sources"])),
            )
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add the claim and accounts command groups."""
    claim_app.command("add")(claim_add)
    claim_app.command("list")(claim_list)
    claim_app.command("show")(claim_show)
    claim_app.command("status")(claim_status)
    claim_app.command("cite")(claim_cite)
    accounts_app.command("import")(accounts_import)
    accounts_app.command("export")(accounts_export)
    accounts_app.command("figures")(accounts_figures)
    accounts_app.command("example")(accounts_example)
    app.add_typer(claim_app, name="claim")
    app.add_typer(accounts_app, name="accounts")

"""CLI commands of accounts of responsibility: entity, post and site (add, list, show).

Claims, bulk import and exports are in :mod:`dadkhah.cli.accounts_claims`; timeline, chain and
extract in :mod:`dadkhah.cli.accounts_views`; :func:`register` adds them all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dadkhah.api import accounts as accounts_api
from dadkhah.api import case as case_api
from dadkhah.cli import accounts_claims, accounts_views
from dadkhah.cli.output import console, print_json
from dadkhah.errors import InputError, Problem
from dadkhah.model.accounts import ENTITY_TYPES, Entity

CaseArg = Annotated[Path, typer.Argument(help="The case folder.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Opt = Annotated[str | None, typer.Option()]

entity_app = typer.Typer(
    help="Persons, organisations, events and acts of accounts of responsibility.",
    no_args_is_help=True,
)
post_app = typer.Typer(help="Posts: positions that exist whoever holds them.", no_args_is_help=True)
site_app = typer.Typer(
    help="Sites: prisons, execution places, cemeteries, graves.", no_args_is_help=True
)


def print_entity(e: Entity) -> None:
    console.print(f"[bold]{escape(e.uid)}[/] {escape(e.type)}: {escape(e.label)}")


def entity_table(items: list[Entity], title: str) -> None:
    table = Table("uid", "type", "name", "details", title=title)
    for e in items:
        extra = ", ".join(
            f"{k}={v}"
            for k, v in e.fields.items()
            if v not in (None, "") and k not in {"name", "title", "display_name", "active"}
        )
        table.add_row(escape(e.uid), e.type, escape(e.label), escape(extra[:80]))
    console.print(table)


def show_detail(case: Path, key: str, etype: str | None, as_json: bool) -> None:
    with case_api.open_case(case) as c:
        d = accounts_api.entity_detail(c, key, etype)
    if as_json:
        print_json(d)
        return
    console.print(f"[bold]{escape(d['uid'])}[/] {d['type']}: {escape(d['label'])}")
    for k, v in d.items():
        if k not in {"uid", "type", "label", "claims", "citations"} and v not in (None, ""):
            console.print(f"  {k}: {escape(str(v))}")
    accounts_claims.claims_table(d["claims"], "claims")
    for cit in d["citations"]:
        console.print(
            f"  cited in {escape(str(cit['source_title']))}: {escape(str(cit['quote'] or ''))}"
        )


def entity_add(
    case: CaseArg,
    etype: Annotated[
        str, typer.Argument(metavar="TYPE", help="person, organization, event or act.")
    ],
    name: Annotated[str, typer.Argument(help="Name (for an act: its type, e.g. execution).")],
    latin: Annotated[
        str | None, typer.Option("--latin", help="Person: the name in Latin script.")
    ] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="Person: M, F or other.")] = None,
    org_type: Annotated[
        str | None,
        typer.Option("--org-type", help="Organization: ad-hoc commission, prison, court, ..."),
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Organization: country.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--event-type", help="Event: kind of event.")
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="Event: the larger event it is part of.")
    ] = None,
    site: Annotated[
        str | None, typer.Option("--site", help="Event or act: where (site uid or name).")
    ] = None,
    victim: Annotated[
        str | None, typer.Option("--victim", help="Act: the victim (person uid or name).")
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", help="Act: the event it belongs to.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Event or act: 1988, 1988-08 or START/END.")
    ] = None,
    date_text: Annotated[
        str | None, typer.Option("--date-text", help="The date as the source writes it.")
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes")] = None,
    confidentiality: Annotated[
        str | None, typer.Option("--confidentiality", help="public, restricted or confidential.")
    ] = None,
    uid: Annotated[str | None, typer.Option("--uid", help="Give the uid yourself.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a person, organization, event or act.

    Example: [bold]dadkhah entity add my-case organization "Tehran death commission" --org-type "ad-hoc commission"[/]
    """
    fields: dict[str, Any] = {"uid": uid}
    dates = accounts_api.date_range(date=date, text=date_text)
    if etype == "person":
        fields |= {"name": name, "name_latin": latin, "sex": sex}
    elif etype == "organization":
        fields |= {
            "name": name,
            "org_type": org_type or "other",
            "country": country,
            "notes": notes,
            "confidentiality": confidentiality,
        }
    elif etype == "event":
        fields |= {
            "name": name,
            "event_type": event_type,
            "parent": parent,
            "site": site,
            "dates": dates,
            "notes": notes,
            "confidentiality": confidentiality,
        }
    elif etype == "act":
        fields |= {
            "act_type": name,
            "victim": victim,
            "event": event,
            "site": site,
            "dates": dates,
            "notes": notes,
            "confidentiality": confidentiality,
        }
    else:
        raise InputError(
            f"TYPE: {etype!r} is not one of person, organization, event, act "
            "(posts and sites have their own commands)",
            [Problem("unknown type", field="TYPE", value=etype)],
        )
    with case_api.open_case(case) as c:
        e = accounts_api.add_entity(c, etype, **fields)
    if as_json:
        print_json(e.to_dict())
    else:
        print_entity(e)


def entity_list(
    case: CaseArg,
    etype: Annotated[
        str | None, typer.Option("--type", help="Only this type (person, organization, ...).")
    ] = None,
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Names containing this text.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """List entities, all types or one.

    Example: [bold]dadkhah entity list my-case --type person -q raisi[/]
    """
    types = (etype,) if etype else ("person", "organization", "event", "act")
    with case_api.open_case(case) as c:
        items = [e for t in types for e in accounts_api.list_entities(c, t, query=query)]
    if as_json:
        print_json([e.to_dict() for e in items])
    else:
        entity_table(items, "entities")


def entity_show(
    case: CaseArg,
    key: Annotated[str, typer.Argument(help="Uid, name or alias.")],
    etype: Annotated[str | None, typer.Option("--type", help="Look only among this type.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show an entity with every claim about it and its citations.

    Example: [bold]dadkhah entity show my-case "Hamid Nouri"[/]
    """
    if etype is not None and etype not in ENTITY_TYPES:
        raise InputError(f"--type: {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
    show_detail(case, key, etype, as_json)


def post_add(
    case: CaseArg,
    title: Annotated[str, typer.Argument(help="The post, e.g. 'member, Tehran commission'.")],
    org: Annotated[
        str | None, typer.Option("--org", help="Organisation the post belongs to (uid or name).")
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes")] = None,
    confidentiality: Annotated[str | None, typer.Option("--confidentiality")] = None,
    uid: Annotated[str | None, typer.Option("--uid")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a post (a position that exists whether or not its holder is known).

    Example: [bold]dadkhah post add my-case "Deputy prosecutor member" --org "Tehran death commission"[/]
    """
    with case_api.open_case(case) as c:
        e = accounts_api.add_entity(
            c,
            "post",
            title=title,
            organization=org,
            notes=notes,
            confidentiality=confidentiality,
            uid=uid,
        )
    print_json(e.to_dict()) if as_json else print_entity(e)


def post_list(
    case: CaseArg,
    query: Annotated[str | None, typer.Option("--query", "-q")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List posts.

    Example: [bold]dadkhah post list my-case --json[/]
    """
    with case_api.open_case(case) as c:
        items = accounts_api.list_entities(c, "post", query=query)
    print_json([e.to_dict() for e in items]) if as_json else entity_table(items, "posts")


def post_show(
    case: CaseArg,
    key: Annotated[str, typer.Argument(help="Uid or title.")],
    as_json: JsonOpt = False,
) -> None:
    """Show a post with its holders (posting claims) and other claims.

    Example: [bold]dadkhah post show my-case POST-000003[/]
    """
    show_detail(case, key, "post", as_json)


def site_add(
    case: CaseArg,
    name: Annotated[str, typer.Argument(help="Name of the site.")],
    site_type: Annotated[
        str,
        typer.Option(
            "--type", help="prison, execution place, cemetery, mass grave, suspected grave, other."
        ),
    ] = "other",
    lat: Annotated[float | None, typer.Option("--lat", help="Latitude of a point.")] = None,
    lon: Annotated[float | None, typer.Option("--lon", help="Longitude of a point.")] = None,
    geometry: Annotated[
        str | None, typer.Option("--geometry", help="GeoJSON Point or Polygon geometry.")
    ] = None,
    precision: Annotated[
        str | None,
        typer.Option("--precision", help="exact, approximate, city, province, country, unknown."),
    ] = None,
    precision_m: Annotated[
        float | None, typer.Option("--precision-m", help="Uncertainty radius in metres.")
    ] = None,
    method: Annotated[
        str | None, typer.Option("--method", help="How the location was obtained.")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Town or area.")] = None,
    notes: Annotated[str | None, typer.Option("--notes")] = None,
    confidentiality: Annotated[str | None, typer.Option("--confidentiality")] = None,
    uid: Annotated[str | None, typer.Option("--uid")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a site with a point or polygon, its precision and how it was located.

    Example: [bold]dadkhah site add my-case "Khavaran cemetery" --type "mass grave" --lat 35.59 --lon 51.53 --precision approximate[/]
    """
    geo = None
    if geometry:
        try:
            geo = json.loads(geometry)
        except json.JSONDecodeError as err:
            raise InputError(
                f"--geometry: not JSON: {err}",
                [Problem("not JSON", field="geometry", value=geometry)],
            ) from err
    with case_api.open_case(case) as c:
        e = accounts_api.add_entity(
            c,
            "site",
            name=name,
            site_type=site_type,
            geometry=geo,
            lat=lat,
            lon=lon,
            coordinate_precision=precision,
            precision_m=precision_m,
            location_method=method,
            place=place,
            notes=notes,
            confidentiality=confidentiality,
            uid=uid,
        )
    print_json(e.to_dict()) if as_json else print_entity(e)


def site_list(
    case: CaseArg,
    query: Annotated[str | None, typer.Option("--query", "-q")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List sites.

    Example: [bold]dadkhah site list my-case[/]
    """
    with case_api.open_case(case) as c:
        items = accounts_api.list_entities(c, "site", query=query)
    print_json([e.to_dict() for e in items]) if as_json else entity_table(items, "sites")


def site_show(
    case: CaseArg,
    key: Annotated[str, typer.Argument(help="Uid or name.")],
    as_json: JsonOpt = False,
) -> None:
    """Show a site with the claims about it (presence, burial, ...).

    Example: [bold]dadkhah site show my-case "Khavaran cemetery"[/]
    """
    show_detail(case, key, "site", as_json)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    for sub, cmds in (
        (entity_app, (entity_add, entity_list, entity_show)),
        (post_app, (post_add, post_list, post_show)),
        (site_app, (site_add, site_list, site_show)),
    ):
        for f in cmds:
            sub.command(f.__name__.split("_", 1)[1])(f)
    app.add_typer(entity_app, name="entity")
    app.add_typer(post_app, name="post")
    app.add_typer(site_app, name="site")
    accounts_claims.register(app)
    accounts_views.register(app)

"""Use cases of accounts of responsibility: entities, claims, citations, chain, timeline, exports.

Every function takes an open :class:`~dadkhah.store.Case`; writes run in one transaction and are
audited under ``actor`` (default: :func:`dadkhah.api.case.default_actor`). Entities are named by
uid, name or recorded alias; sources by id or exact title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from dadkhah import accounts as acc
from dadkhah.accounts.claims import entity_citations
from dadkhah.accounts.when import to_range
from dadkhah.api.case import default_actor
from dadkhah.errors import InputError, Problem
from dadkhah.model.accounts import ENTITY_TYPES, NO_DATES, Citation, Claim, DateRange, Entity
from dadkhah.store import Case

__all__ = [
    "CITATION_FIELDS",
    "add_citation",
    "add_claim",
    "add_entity",
    "add_source",
    "chain",
    "contested_figures",
    "date_range",
    "entity_detail",
    "example_path",
    "export_geojson",
    "export_popolo",
    "get_claim",
    "get_entity",
    "import_file",
    "list_claims",
    "list_entities",
    "make_citation",
    "set_claim_status",
    "timeline",
]

CITATION_FIELDS = (
    "page",
    "paragraph",
    "line",
    "time_start",
    "time_end",
    "table_cell",
    "quote",
    "char_start",
    "char_end",
    "note",
    "evidence",
)


def date_range(
    *,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    text: str | None = None,
) -> DateRange:
    """A date range from ``date`` ("1988", "1988-07/1988-09") or start and end, with the text as written."""
    return to_range(date=date, start=start, end=end, precision=precision, text=text)


def make_citation(case: Case, source: str | int, **locators: Any) -> Citation:
    """A citation of ``source`` (id or exact title) with locators (page, paragraph, line, time_start,
    time_end, table_cell, quote, char_start, char_end, note, evidence)."""
    unknown = set(locators) - set(CITATION_FIELDS)
    if unknown:
        raise InputError(
            f"unknown citation fields: {sorted(unknown)}; valid: {', '.join(CITATION_FIELDS)}",
            [Problem("unknown field", field=k) for k in sorted(unknown)],
        )

    def text(key: str) -> str | None:
        v = locators.get(key)
        return None if v is None else str(v)

    def number(key: str) -> int | None:
        v = locators.get(key)
        return None if v is None else int(v)

    return Citation(
        source_id=acc.find_source(case.db, source),
        evidence_id=number("evidence"),
        page=text("page"),
        paragraph=text("paragraph"),
        line=text("line"),
        time_start=text("time_start"),
        time_end=text("time_end"),
        table_cell=text("table_cell"),
        quote=text("quote"),
        char_start=number("char_start"),
        char_end=number("char_end"),
        note=text("note"),
    )


def add_entity(case: Case, etype: str, *, actor: str | None = None, **fields: Any) -> Entity:
    """Add a person, organization, post, site, event or act; ``fields`` are those of the matching
    ``dadkhah.accounts.add_*`` function (dates as a DateRange under ``dates``)."""
    functions = {
        "person": acc.add_person,
        "organization": acc.add_organization,
        "post": acc.add_post,
        "site": acc.add_site,
        "event": acc.add_event,
        "act": acc.add_act,
    }
    if etype not in functions:
        raise InputError(
            f"type: {etype!r} is not one of {', '.join(functions)}",
            [Problem("unknown type", field="type", value=etype)],
        )
    entity: Entity = functions[etype](case.db, actor=actor or default_actor(), **fields)  # type: ignore[operator]
    return entity


def get_entity(case: Case, key: str, etype: str | None = None) -> Entity:
    return acc.get_entity(case.db, key, etype)


def list_entities(
    case: Case, etype: str, *, query: str | None = None, limit: int | None = None
) -> list[Entity]:
    return acc.list_entities(case.db, etype, query=query, limit=limit)


def entity_detail(case: Case, key: str, etype: str | None = None) -> dict[str, Any]:
    """An entity with every claim about it and the citations attached to it directly."""
    e = acc.get_entity(case.db, key, etype)
    return {
        **e.to_dict(),
        "claims": [c.to_dict() for c in acc.list_claims(case.db, entity=e)],
        "citations": [c.to_dict() for c in entity_citations(case.db, e)],
    }


def add_source(
    case: Case, title: str, *, actor: str | None = None, **fields: Any
) -> dict[str, Any]:
    """Record a source (title, originator, source_type, language, date_text, knowledge, reliability, url ...)."""
    return acc.add_source(case.db, actor=actor or default_actor(), title=title, **fields)


def add_claim(
    case: Case,
    kind: str,
    *,
    citations: Sequence[Citation | Mapping[str, Any]],
    subject: str | None = None,
    object: str | None = None,
    actor: str | None = None,
    dates: DateRange = NO_DATES,
    **fields: Any,
) -> Claim:
    """Record a claim. ``subject``/``object`` name entities; each citation is a Citation or a mapping
    with ``source`` and locators; ``fields`` are value_text, value_number, value_low, value_high,
    quantity, details, status, confidence, confidence_note, researcher, confidentiality."""
    cites = [c if isinstance(c, Citation) else make_citation(case, **dict(c)) for c in citations]
    db = case.db
    return acc.add_claim(
        db,
        actor=actor or default_actor(),
        kind=kind,
        citations=cites,
        dates=dates,
        subject=acc.resolve(db, subject, types=ENTITY_TYPES, field="subject") if subject else None,
        object=acc.resolve(db, object, types=ENTITY_TYPES, field="object") if object else None,
        **fields,
    )


def add_citation(
    case: Case, claim: str, citation: Citation | Mapping[str, Any], *, actor: str | None = None
) -> Citation:
    """Attach one more citation to a claim."""
    c = citation if isinstance(citation, Citation) else make_citation(case, **dict(citation))
    return acc.add_citation(case.db, actor=actor or default_actor(), citation=c, claim=claim)


def get_claim(case: Case, uid: str) -> Claim:
    return acc.get_claim(case.db, uid)


def list_claims(
    case: Case,
    *,
    kind: str | None = None,
    entity: str | None = None,
    status: str | None = None,
    quantity: str | None = None,
) -> list[Claim]:
    e = acc.get_entity(case.db, entity) if entity else None
    return acc.list_claims(case.db, kind=kind, entity=e, status=status, quantity=quantity)


def set_claim_status(
    case: Case, uid: str, status: str, *, note: str | None = None, actor: str | None = None
) -> Claim:
    return acc.set_status(
        case.db, actor=actor or default_actor(), claim=uid, status=status, note=note
    )


def import_file(case: Case, path: Path | str, *, actor: str | None = None) -> dict[str, Any]:
    """Bulk import (docs/accounts-import-format.md); all or nothing."""
    return acc.import_accounts(case.db, Path(path), actor=actor or default_actor())


def timeline(case: Case, person: str, *, undated: bool = True) -> dict[str, Any]:
    return acc.timeline(case.db, person, undated=undated)


def chain(case: Case, organization: str, date: str, *, possible: bool = False) -> dict[str, Any]:
    return acc.chain(case.db, organization, date, possible=possible)


def contested_figures(
    case: Case, *, quantity: str | None = None, estimate: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Figure claims side by side; ``estimate`` (e.g. {"value": 4800, "low": ..., "high": ...,
    "method": ...} from the estimate API) is shown next to them, never mixed in."""
    return acc.contested_figures(case.db, quantity=quantity, estimate=estimate)


def export_popolo(case: Case, *, max_confidentiality: str = "public") -> dict[str, Any]:
    return acc.popolo(case.db, max_confidentiality=max_confidentiality)


def export_geojson(case: Case, *, max_confidentiality: str = "public") -> dict[str, Any]:
    return acc.geojson_sites(case.db, max_confidentiality=max_confidentiality)


def example_path(name: str = "sample-1988.json") -> Path:
    """The path of a shipped example import file (the 1988 sample by default)."""
    p = resources.files("dadkhah.accounts") / "examples" / name
    path = Path(str(p))
    if not path.is_file():
        raise InputError(
            f"no example named {name!r}", [Problem("unknown example", field="name", value=name)]
        )
    return path

"""Use cases of mentions: find persons, organisations, places, dates and figures in a document,
and accept a mention as a citation (creating the entity or a claim when asked)."""

from __future__ import annotations

from typing import Any

from dadkhah import accounts as acc
from dadkhah.accounts.mentions import extract_mentions, known_names
from dadkhah.accounts.mentions.known import candidates_for
from dadkhah.api.case import default_actor
from dadkhah.errors import InputError, NotFound, Problem
from dadkhah.model.accounts import MENTION_TYPES, Citation, Entity, Mention
from dadkhah.store import Case
from dadkhah.store.documents import document_text
from dadkhah.store.evidence import resolve_evidence

__all__ = ["accept_mention", "extract", "extract_text"]

_CREATE_TYPE = {"person": "person", "organization": "organization", "place": "site"}


def extract_text(
    case: Case | None, text: str, *, types: tuple[str, ...] = MENTION_TYPES
) -> list[Mention]:
    """Mentions in any text; with a case, its known entities come first and give candidates."""
    known = known_names(case.db) if case is not None else []
    return extract_mentions(text, known, types)


def extract(
    case: Case, document: str | int, *, types: tuple[str, ...] = MENTION_TYPES
) -> list[Mention]:
    """Mentions in a document's extracted text (the text ``dadkhah show CASE DOC --text`` prints);
    ``document`` is an evidence id or SHA-256 prefix."""
    bad = [t for t in types if t not in MENTION_TYPES]
    if bad:
        raise InputError(
            f"type: {bad} not among {', '.join(MENTION_TYPES)}",
            [Problem("unknown type", field="type", value=t) for t in bad],
        )
    item = resolve_evidence(case.db, str(document))
    return extract_text(case, document_text(case, item.id), types=types)


def accept_mention(
    case: Case,
    document: str | int,
    number: int | None = None,
    *,
    span: tuple[int, int] | None = None,
    mention_type: str | None = None,
    entity: str | None = None,
    create: bool = False,
    alias: bool = False,
    claim: str | None = None,
    source: str | int | None = None,
    quantity: str | None = None,
    subject: str | None = None,
    types: tuple[str, ...] = MENTION_TYPES,
    actor: str | None = None,
) -> dict[str, Any]:
    """Accept mention ``number`` (1-based, as ``dadkhah extract`` lists them) of a document, or
    the text at ``span`` (start, end offsets into the document text; a span no rule found, such as
    text a person selected, needs ``mention_type``: person, organization, place, date or figure).

    The citation quotes the mention with its offsets and points to the document's source (or
    ``source``). It is attached to ``claim`` when given; otherwise to ``entity`` (uid, name or
    alias), or the best candidate scoring at least 0.9, or, with ``create``, a new entity named as
    the mention. ``alias`` also records the mention's text as a name claim of the entity when it
    differs from the entity's name. A figure with ``create`` becomes a figure claim about
    ``quantity`` (default: the counted noun) of ``subject``.
    """
    actor = actor or default_actor()
    db = case.db
    item = resolve_evidence(db, str(document))
    mentions = extract(case, item.id, types=types)
    if span is not None:
        m = _at_span(case, item.id, mentions, span, mention_type)
        number = next((i for i, x in enumerate(mentions, 1) if x is m), 0)
    elif number is None or not 1 <= number <= len(mentions):
        raise NotFound(f"the document has {len(mentions)} mention(s); there is no mention {number}")
    else:
        m = mentions[number - 1]
    source_id = acc.find_source(db, source) if source is not None else item.source_id
    if source_id is None:
        raise InputError(
            "the document has no source: give one with --source",
            [Problem("no source", field="source", value=item.id)],
        )
    citation = Citation(
        source_id=source_id, evidence_id=item.id, quote=m.text, char_start=m.start, char_end=m.end
    )
    out: dict[str, Any] = {
        "mention": {"n": number, **m.to_dict()},
        "entity": None,
        "claim": None,
        "created": False,
    }
    with db.transaction():
        if claim is not None:
            acc.add_citation(db, actor=actor, citation=citation, claim=claim)
            out["claim"] = claim
            return out
        if m.type == "figure":
            if not create:
                raise InputError(
                    "a figure becomes a claim: accept it with --create (and --quantity) or --claim UID",
                    [Problem("needs --create or --claim", field="mention", value=m.text)],
                )
            v = m.value or {}
            c = acc.add_claim(
                db,
                actor=actor,
                kind="figure",
                citations=[citation],
                subject=acc.resolve(db, subject, field="subject") if subject else None,
                quantity=quantity or v.get("unit") or "people",
                value_number=v.get("value"),
                value_low=v.get("low"),
                value_high=v.get("high"),
                value_text=m.text,
            )
            out.update(claim=c.uid, created=True)
            return out
        if m.type == "date":
            raise InputError(
                "a date is cited as part of a claim: accept it with --claim UID",
                [Problem("needs --claim", field="mention", value=m.text)],
            )
        target = _target(case, m, entity, create, actor)
        out["created"] = target[1]
        e = target[0]
        acc.add_citation(db, actor=actor, citation=citation, entity=e)
        out["entity"] = e.ref().to_dict()
        if (
            alias
            and m.text.casefold() != e.label.casefold()
            and not any(c.value_text == m.text for c in acc.list_claims(db, kind="name", entity=e))
        ):
            out["claim"] = acc.add_claim(
                db,
                actor=actor,
                kind="name",
                subject=e,
                value_text=m.text,
                details={"name_type": "as written in a document"},
                citations=[citation],
            ).uid
    return out


def _at_span(
    case: Case,
    evidence_id: int,
    mentions: list[Mention],
    span: tuple[int, int],
    mention_type: str | None,
) -> Mention:
    start, end = span
    for m in mentions:
        if (m.start, m.end) == (start, end) and (mention_type is None or m.type == mention_type):
            return m
    text = document_text(case, evidence_id)
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"span {start}-{end} is outside the document text (0-{len(text)})",
            [Problem("bad span", field="span", value=span)],
        )
    if mention_type not in MENTION_TYPES:
        raise InputError(
            f"mention_type: give one of {', '.join(MENTION_TYPES)} for a span no rule found",
            [Problem("unknown type", field="mention_type", value=mention_type)],
        )
    m = Mention(mention_type, text[start:end], start, end, "selected by hand")
    return Mention(m.type, m.text, m.start, m.end, m.how, candidates_for(m, known_names(case.db)))


def _target(
    case: Case, m: Mention, entity: str | None, create: bool, actor: str
) -> tuple[Entity, bool]:
    db = case.db
    etype = _CREATE_TYPE[m.type]
    if entity is not None:
        return acc.resolve(db, entity, field="entity"), False
    if m.candidates and m.candidates[0].score >= 0.9:
        return acc.resolve(db, m.candidates[0].uid), False
    if not create:
        raise InputError(
            f"mention {m.text!r} matches no known {m.type}: name one with --entity or add it with --create",
            [Problem("no entity", field="entity", value=m.text)],
        )
    if etype == "person":
        return acc.add_person(db, actor=actor, name=m.text), True
    if etype == "organization":
        return acc.add_organization(db, actor=actor, name=m.text, org_type="other"), True
    return acc.add_site(db, actor=actor, name=m.text, site_type="other"), True

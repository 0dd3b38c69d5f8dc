"""Accounts of responsibility and documents as the web workbench shows them.

Wraps :mod:`dadkhah.api.accounts`, :mod:`dadkhah.api.evidence` and :mod:`dadkhah.api.extract`
with the workbench's permission checks, and removes what a viewer may not see: claims, sites and
documents whose confidentiality is ``confidential`` (and every chain or timeline entry resting on
such a claim).
"""

from __future__ import annotations

from typing import Any

from dadkhah.api import accounts as accounts_api
from dadkhah.api import evidence as evidence_api
from dadkhah.api import extract as extract_api
from dadkhah.api.auth import User, require
from dadkhah.api.web_persons import CONFIDENTIAL_LEVELS, sees_confidential
from dadkhah.errors import NotFound
from dadkhah.store import Case

__all__ = [
    "add_claim",
    "chain",
    "claims",
    "document",
    "documents",
    "organizations",
    "sites",
    "timeline",
    "visible_documents",
]


def _hidden_claims(case: Case, user: User) -> set[str]:
    if sees_confidential(user) or not case.db.table_exists("claim"):
        return set()
    marks = ",".join("?" for _ in CONFIDENTIAL_LEVELS)
    return {
        str(r["uid"])
        for r in case.db.query(
            f"SELECT uid FROM claim WHERE confidentiality IN ({marks})", CONFIDENTIAL_LEVELS
        )
    }


def _prune(value: Any, hidden: set[str]) -> Any:
    """Drop, at any depth, list entries that rest on a hidden claim."""
    if isinstance(value, dict):
        return {k: _prune(v, hidden) for k, v in value.items()}
    if isinstance(value, list):
        return [
            _prune(v, hidden)
            for v in value
            if not (isinstance(v, dict) and v.get("claim") in hidden)
        ]
    return value


def claims(
    case: Case, *, user: User, kind: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    require(user, "read")
    rows = [
        c.to_dict()
        for c in accounts_api.list_claims(case, kind=kind or None, status=status or None)
    ]
    if sees_confidential(user):
        return rows
    return [c for c in rows if c.get("confidentiality") not in CONFIDENTIAL_LEVELS]


def add_claim(
    case: Case,
    *,
    user: User,
    kind: str,
    source: str,
    subject: str | None = None,
    object: str | None = None,
    value_text: str | None = None,
    quote: str | None = None,
    page: str | None = None,
    status: str = "work needed",
    date: str | None = None,
    confidentiality: str = "restricted",
) -> dict[str, Any]:
    """Record a claim with one citation (investigators and admins); audited under the user."""
    require(user, "claims_write")
    citation: dict[str, Any] = {"source": source}
    if quote:
        citation["quote"] = quote
    if page:
        citation["page"] = page
    claim = accounts_api.add_claim(
        case,
        kind,
        citations=[citation],
        subject=subject or None,
        object=object or None,
        actor=user.username,
        dates=accounts_api.date_range(date=date) if date else accounts_api.date_range(),
        value_text=value_text or None,
        status=status,
        confidentiality=confidentiality,
        researcher=user.username,
    )
    return claim.to_dict()


def timeline(case: Case, person: str, *, user: User) -> dict[str, Any]:
    require(user, "read")
    return _prune(accounts_api.timeline(case, person), _hidden_claims(case, user))  # type: ignore[no-any-return]


def chain(case: Case, organization: str, date: str, *, user: User) -> dict[str, Any]:
    require(user, "read")
    return _prune(accounts_api.chain(case, organization, date), _hidden_claims(case, user))  # type: ignore[no-any-return]


def organizations(case: Case, *, user: User) -> list[dict[str, Any]]:
    require(user, "read")
    return [
        {"uid": e.uid, "label": e.label} for e in accounts_api.list_entities(case, "organization")
    ]


def sites(case: Case, *, user: User) -> dict[str, Any]:
    """The case's sites as a GeoJSON FeatureCollection (what this user may see)."""
    require(user, "read")
    level = "confidential" if sees_confidential(user) else "restricted"
    return accounts_api.export_geojson(case, max_confidentiality=level)


def documents(case: Case, *, user: User) -> list[dict[str, Any]]:
    require(user, "read")
    items = evidence_api.list_evidence(case)
    conf = sees_confidential(user)
    return [
        {
            "id": i.id,
            "sha256": i.sha256,
            "title": i.title or i.original_name,
            "media_type": i.media_type,
            "size": i.size,
            "received_at": i.received_at,
            "confidentiality": i.confidentiality,
        }
        for i in items
        if conf or i.confidentiality not in CONFIDENTIAL_LEVELS
    ]


def visible_documents(
    case: Case, hits: list[dict[str, Any]], *, user: User
) -> list[dict[str, Any]]:
    """Drop document search hits this user may not see (confidential items, for viewers)."""
    if sees_confidential(user) or not hits:
        return hits
    ids = [int(h["id"]) for h in hits]
    marks = ",".join("?" for _ in ids)
    hidden = {
        int(r["id"])
        for r in case.db.query(
            f"SELECT e.id FROM evidence e LEFT JOIN evidence p ON p.id = e.derived_from WHERE e.id IN ({marks})"
            " AND (e.confidentiality IN ('confidential', 'secret') OR p.confidentiality IN ('confidential', 'secret'))",
            ids,
        )
    }
    return [h for h in hits if int(h["id"]) not in hidden]


def document(case: Case, ref: str, *, user: User) -> dict[str, Any]:
    """A document: metadata, SHA-256, source, custody, its text cut into plain and mentioned spans."""
    require(user, "read")
    detail = evidence_api.get_item(case, ref)
    item = detail.item
    if item.confidentiality in CONFIDENTIAL_LEVELS and not sees_confidential(user):
        raise NotFound(f"no document {ref!r} in this case")  # do not reveal that it exists
    text = evidence_api.document_text(case, item.id) if detail.text_item_id is not None else None
    spans: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    if text:
        found = sorted(extract_api.extract_text(case, text), key=lambda m: (m.start, -m.end))
        pos = 0
        for m in found:
            if m.start < pos:
                continue  # overlapping mention: the earlier, longer one is shown
            if m.start > pos:
                spans.append({"text": text[pos : m.start], "type": None})
            spans.append({"text": text[m.start : m.end], "type": m.type})
            mentions.append(m.to_dict())
            pos = m.end
        if pos < len(text):
            spans.append({"text": text[pos:], "type": None})
    return {
        "item": {
            "id": item.id,
            "sha256": item.sha256,
            "size": item.size,
            "media_type": item.media_type,
            "original_name": item.original_name,
            "title": item.title,
            "received_at": item.received_at,
            "confidentiality": item.confidentiality,
        },
        "source": None
        if detail.source is None
        else {
            "title": detail.source.title,
            "source_type": detail.source.source_type,
            "originator": detail.source.originator,
        },
        "custody": [
            {"at": c.at, "actor": c.actor, "action": c.action, "details": c.details}
            for c in detail.custody
        ],
        "lists": list(detail.lists),
        "text": text,
        "spans": spans,
        "mentions": mentions,
    }

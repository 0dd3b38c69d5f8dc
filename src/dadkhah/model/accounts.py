"""Accounts of responsibility: entities, claims, citations and document mentions (no I/O).

A person has no fixed role; the role comes from the claims that link the person to posts, acts
and events. Every claim carries at least one :class:`Citation` into a source. Contested facts are
kept side by side as separate claims (status ``conflict``), never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "organization", "post", "site", "event", "act")

ORG_TYPES = (
    "state body",
    "court",
    "prosecutor's office",
    "prison",
    "ministry",
    "armed unit",
    "ad-hoc commission",
    "political organisation",
    "ngo",
    "international body",
    "other",
)
SITE_TYPES = ("prison", "execution place", "cemetery", "mass grave", "suspected grave", "other")
GEOMETRY_TYPES = ("Point", "Polygon")
COORDINATE_PRECISIONS = ("exact", "approximate", "city", "province", "country", "unknown")
ACT_TYPES = (
    "execution",
    "enforced disappearance",
    "secret burial",
    "torture",
    "harassment of family",
    "arbitrary detention",
    "other",
)

CLAIM_KINDS = (
    "name",
    "posting",
    "org_relation",
    "presence",
    "involvement",
    "burial",
    "kinship",
    "intervention",
    "proceeding",
    "figure",
)
CLAIM_STATUSES = ("accepted", "conflict", "work needed")
CONFIDENCES = ("high", "medium", "low")
CONFIDENTIALITIES = ("public", "restricted", "confidential")
DATE_PRECISIONS = ("day", "month", "year", "approximate", "unknown")

ORG_RELATIONS = ("commands", "part_of", "reports_to")
DEGREES = ("ordered", "planned", "carried out", "present", "aided", "failed to prevent")
STANDINGS = ("alleged", "established")
LEGAL_STATUSES = ("uncharged", "investigated", "charged", "convicted", "acquitted")
INTERVENTION_TYPES = ("complaint", "un communication", "court filing", "other")

MENTION_TYPES = ("person", "organization", "place", "date", "figure")

# Which entity types each claim kind links (subject types, object types); () means "none".
CLAIM_SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "name": (ENTITY_TYPES, ()),
    "posting": (("person",), ("post",)),
    "org_relation": (("organization",), ("organization",)),
    "presence": (("person",), ("site",)),
    "involvement": (("person", "post", "organization"), ("act", "event")),
    "burial": (("person",), ("site",)),
    "kinship": (("person",), ("person",)),
    "intervention": (("person", "organization"), ENTITY_TYPES),
    "proceeding": (("person", "organization"), ENTITY_TYPES),
    "figure": (("event", "site", "organization", "act"), ()),
}


@dataclass(frozen=True, slots=True)
class DateRange:
    """When something happened: earliest and latest ISO day, precision, and the text as written."""

    start: str | None = None
    end: str | None = None
    precision: str | None = None
    text: str | None = None

    def covers(self, day: str) -> bool:
        """True when ``day`` (YYYY-MM-DD) lies within the range; open ends cover everything."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "text": self.text,
        }


NO_DATES = DateRange()


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A reference to an entity: its type, uid and a display label."""

    type: str
    uid: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "uid": self.uid, "label": self.label}


@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer into a source: page, paragraph, line, time range, table cell or quoted text."""

    source_id: int
    evidence_id: int | None = None
    page: str | None = None
    paragraph: str | None = None
    line: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    table_cell: str | None = None
    quote: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    note: str | None = None
    id: int | None = None
    source_title: str | None = None

    def locator(self) -> str:
        """A short human description of where in the source the citation points."""
        parts = []
        for label, value in (
            ("p.", self.page),
            ("para.", self.paragraph),
            ("line", self.line),
            ("cell", self.table_cell),
        ):
            if value:
                parts.append(f"{label} {value}")
        if self.time_start or self.time_end:
            parts.append(f"{self.time_start or ''}-{self.time_end or ''}")
        if self.char_start is not None:
            parts.append(f"chars {self.char_start}-{self.char_end}")
        if self.quote:
            q = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
            parts.append(f"\u201c{q}\u201d")
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "source_title": self.source_title,
            "evidence_id": self.evidence_id,
            "page": self.page,
            "paragraph": self.paragraph,
            "line": self.line,
            "time_start": self.time_start,
            "time_end": self.time_end,
            "table_cell": self.table_cell,
            "quote": self.quote,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One sourced statement. ``details`` holds the kind-specific fields (role, degree, ...)."""

    uid: str
    kind: str
    subject: EntityRef | None
    object: EntityRef | None
    dates: DateRange
    status: str
    citations: tuple[Citation, ...]
    value_text: str | None = None
    value_number: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    quantity: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    confidence: str | None = None
    confidence_note: str | None = None
    researcher: str | None = None
    confidentiality: str = "restricted"
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "kind": self.kind,
            "subject": self.subject.to_dict() if self.subject else None,
            "object": self.object.to_dict() if self.object else None,
            "value_text": self.value_text,
            "value_number": self.value_number,
            "value_low": self.value_low,
            "value_high": self.value_high,
            "quantity": self.quantity,
            "details": dict(self.details),
            "dates": self.dates.to_dict(),
            "status": self.status,
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "researcher": self.researcher,
            "confidentiality": self.confidentiality,
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of any type as stored: common fields plus the type-specific ones in ``fields``."""

    type: str
    uid: str
    label: str
    fields: dict[str, Any]
    id: int

    def ref(self) -> EntityRef:
        return EntityRef(self.type, self.uid, self.label)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "uid": self.uid, "label": self.label, **self.fields}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A known entity a mention may refer to, with a score in [0, 1]."""

    uid: str
    type: str
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "type": self.type,
            "label": self.label,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document's text that names a person, organisation, place, date or figure.

    ``start`` and ``end`` are character offsets into the document text, so that
    ``text == document_text[start:end]``. ``value`` carries a parsed date range or number.
    """

    type: str
    text: str
    start: int
    end: int
    how: str
    candidates: tuple[Candidate, ...] = ()
    value: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "how": self.how,
            "candidates": [c.to_dict() for c in self.candidates],
        }
        if self.value is not None:
            out["value"] = self.value
        return out

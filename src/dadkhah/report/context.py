"""The plain data a case report is made from.

:mod:`dadkhah.api.report` gathers these from a case; this package only renders them, so a report
can be rebuilt from the same objects without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "AuditSummary",
    "EstimateSection",
    "EvidenceRow",
    "FigureClaim",
    "LinkageSummary",
    "ListSummary",
    "PostingRow",
    "ReportContext",
    "SiteRow",
]


@dataclass(frozen=True, slots=True)
class ListSummary:
    name: str
    records: int
    source_title: str | None
    sha256: str | None
    imported_at: str


@dataclass(frozen=True, slots=True)
class LinkageSummary:
    records: int
    linked_records: int
    persons: int
    pending_review: int
    decided: int
    run: dict[str, Any] | None = None
    """Settings, counts and hashes of the latest linkage run."""


@dataclass(frozen=True, slots=True)
class EstimateSection:
    """One estimate as stored: the fields of ``Estimate.to_dict()`` plus rendered plots."""

    title: str
    result: dict[str, Any]
    plot_svg: str | None = None
    trace_svg: str | None = None


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """A numeric claim about a quantity (e.g. people executed), as one source states it."""

    quantity: str
    value: str
    source: str
    citation: str
    status: str
    confidence: str | None = None


@dataclass(frozen=True, slots=True)
class PostingRow:
    person: str
    post: str
    organization: str | None
    dates: str
    citations: tuple[str, ...]
    status: str


@dataclass(frozen=True, slots=True)
class SiteRow:
    name: str
    kind: str
    lat: float | None
    lon: float | None
    precision: str | None
    citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    id: int
    title: str | None
    original_name: str | None
    sha256: str
    size: int
    media_type: str
    received_at: str
    derived_from: int | None
    operation: str | None
    custody: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuditSummary:
    entries: int
    head_hash: str
    last_at: str | None
    intact: bool


@dataclass(frozen=True, slots=True)
class ReportContext:
    case_name: str
    version: str
    audit: AuditSummary
    lists: tuple[ListSummary, ...]
    list_names: tuple[str, ...]
    overlaps: tuple[tuple[tuple[int, ...], int], ...]
    """Capture patterns of linked persons over ``list_names`` and how many persons have each."""
    linkage: LinkageSummary | None
    estimates: tuple[EstimateSection, ...]
    comparison: tuple[dict[str, Any], ...]
    figures: tuple[FigureClaim, ...]
    postings: tuple[PostingRow, ...]
    sites: tuple[SiteRow, ...]
    evidence: tuple[EvidenceRow, ...]
    notes: tuple[str, ...] = field(default=())

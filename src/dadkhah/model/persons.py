"""Persons and the linkage that finds them: runs, review items, decisions (plain data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "LinkDecision",
    "LinkRun",
    "PersonRow",
    "ReviewItem",
    "ReviewRecord",
    "Verdict",
]

Verdict = Literal["same", "not_same"]


@dataclass(frozen=True, slots=True)
class LinkRun:
    """One stored linkage run: what went in, how it was configured, what came out."""

    id: int
    started_at: str
    finished_at: str | None
    actor: str
    engine: str
    settings: dict[str, Any]
    input_hash: str
    version: str
    seed: int | None
    record_count: int
    person_count: int
    pair_count: int
    review_count: int
    auto_links: int
    kept_persons: int
    new_persons: int
    retired_persons: int
    decisions_applied: int
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One list record as a reviewer sees it."""

    id: int
    list_name: str
    record_id: str
    fields: dict[str, str]
    person_uid: str | None


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A doubtful pair waiting for a reviewer."""

    id: int
    run_id: int
    probability: float | None
    reason: str | None
    status: str
    left: ReviewRecord
    right: ReviewRecord
    # per field: "agree", "differ" or "missing" (either side empty)
    agreement: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LinkDecision:
    """A reviewer's binding verdict on two records."""

    id: int
    record_a: int
    record_b: int
    verdict: Verdict
    reviewer: str
    decided_at: str
    note: str | None = None
    revoked_at: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person as exported: stable uid, display names in both scripts, how many lists."""

    uid: str
    display_name: str | None
    display_name_latin: str | None
    sex: str | None
    birth_year_from: int | None
    birth_year_to: int | None
    records: int
    lists: int

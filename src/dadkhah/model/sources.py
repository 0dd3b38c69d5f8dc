"""Sources, victim lists, list records, evidence items, custody events and audit entries.

These are the plain, immutable records of what a case holds. They carry no behaviour and do no
I/O; the store builds them from rows and the API hands them to the shells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "RECORD_FIELDS",
    "SOURCE_TYPES",
    "STANDARD_FIELDS",
    "AuditEntry",
    "CustodyEvent",
    "EvidenceItem",
    "ListImport",
    "ListRecord",
    "NewListRecord",
    "RecordBatch",
    "SearchHit",
    "Source",
    "VictimList",
]

#: The standard list format (docs/list-format.md): every other column is kept verbatim.
STANDARD_FIELDS: tuple[str, ...] = (
    "record_id",
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_date",
    "birth_place",
    "city",
    "province",
    "prison",
    "death_date",
    "death_place",
    "affiliation",
    "source_ref",
    "notes",
)

#: The standard fields kept in columns of their own, in this order, after ``record_id``.
RECORD_FIELDS: tuple[str, ...] = STANDARD_FIELDS[1:]

SOURCE_TYPES: tuple[str, ...] = (
    "report",
    "testimony",
    "court-record",
    "news",
    "list",
    "image",
    "other",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where material came from: who made it, what kind, in which language, and when.

    ``date_text`` is the date as the source writes it (any calendar); ``date_start`` and
    ``date_end`` are the Gregorian range it stands for (ISO dates), when known.
    """

    id: int
    title: str
    source_type: str = "other"
    originator: str | None = None
    language: str | None = None
    date_text: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    confidentiality: str = "restricted"
    notes: str | None = None
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One stored file, named by its SHA-256. A derived item (extracted text) names its parent."""

    id: int
    sha256: str
    size: int
    media_type: str
    original_name: str | None
    title: str | None
    received_at: str
    derived_from: int | None = None
    operation: str | None = None
    source_id: int | None = None
    confidentiality: str = "restricted"


@dataclass(frozen=True, slots=True)
class CustodyEvent:
    """One step in the chain of custody of an evidence item (received, derived, exported...)."""

    id: int
    evidence_id: int
    at: str
    actor: str
    action: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VictimList:
    """A list of victims as one source gave it. ``version`` grows when a list is replaced."""

    id: int
    name: str
    version: int
    active: bool
    record_count: int
    imported_at: str
    imported_by: str
    columns: tuple[str, ...] = ()
    source_id: int | None = None
    evidence_id: int | None = None
    ids_generated: bool = False
    superseded_by: int | None = None


@dataclass(frozen=True, slots=True)
class ListImport:
    """One file imported into a list (a list gets several with ``--append``)."""

    id: int
    list_id: int
    list_name: str
    evidence_id: int
    sha256: str
    file_name: str
    mode: str  # "new", "replace" or "append"
    record_count: int
    ids_generated: bool
    imported_at: str
    imported_by: str


@dataclass(frozen=True, slots=True)
class ListRecord:
    """One row of a list: every original column in ``raw`` plus the standard fields."""

    id: int
    list_id: int
    record_id: str
    line: int | None
    raw: dict[str, Any]
    fields: dict[str, str | None]

    def get(self, name: str) -> str | None:
        """A standard field's value (None when empty or absent)."""
        return self.fields.get(name)

    @property
    def display_name(self) -> str:
        full = self.fields.get("full_name")
        if full:
            return full
        parts = [self.fields.get("given_name"), self.fields.get("surname")]
        return " ".join(p for p in parts if p)


class NewListRecord(NamedTuple):
    """A checked row of a list file, ready to be stored.

    A named tuple rather than a dataclass: imports build hundreds of thousands of these.
    """

    line: int
    record_id: str
    raw_json: str  # the row as received: every original column, as JSON
    fields: tuple[str | None, ...]  # aligned with RECORD_FIELDS
    search_values: tuple[str, ...]  # the row's values (and fixed values), for the search index


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Checked rows of a list file, ready to be stored, held a column at a time.

    Column-wise because imports run to hundreds of thousands of rows: the store binds these
    columns straight into its bulk insert. ``fields`` has one column per :data:`RECORD_FIELDS`;
    ``search`` holds the columns whose values go into the full-text index.
    """

    lines: list[int]
    record_ids: list[str]
    raws: list[str]  # each row as received: every original column, as a JSON object
    fields: list[list[str | None]]
    search: list[list[str | None]]

    def __len__(self) -> int:
        return len(self.record_ids)

    def slice(self, start: int, stop: int) -> RecordBatch:
        return RecordBatch(
            self.lines[start:stop],
            self.record_ids[start:stop],
            self.raws[start:stop],
            [c[start:stop] for c in self.fields],
            [c[start:stop] for c in self.search],
        )

    def rows(self) -> list[NewListRecord]:
        """The batch a row at a time (for inspection; the store does not need it)."""
        fields = list(zip(*self.fields, strict=True)) if self.fields else [()] * len(self)
        search = list(zip(*self.search, strict=True)) if self.search else [()] * len(self)
        return [
            NewListRecord(line, rid, raw, tuple(f), tuple(v for v in values if v))
            for line, rid, raw, f, values in zip(
                self.lines, self.record_ids, self.raws, fields, search, strict=True
            )
        ]


EMPTY_BATCH = RecordBatch([], [], [], [[] for _ in RECORD_FIELDS], [])


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the hash-chained audit log."""

    id: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: a list record (``kind="record"``) or a document (``kind="document"``)."""

    kind: str
    id: int
    title: str
    snippet: str
    list_name: str | None = None
    record_id: str | None = None

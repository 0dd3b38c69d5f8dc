"""Checking a case: the audit chain, and every evidence file against its recorded SHA-256."""

from __future__ import annotations

from dataclasses import dataclass

from dadkhah.store.audit import verify_chain
from dadkhah.store.case import Case

__all__ = ["Verification", "verify_case"]


@dataclass(frozen=True, slots=True)
class Verification:
    """What was checked and the first thing found broken (None for each when all is intact)."""

    audit_rows: int
    evidence_files: int
    broken_row: int | None
    row_problem: str | None
    broken_evidence: int | None
    evidence_problem: str | None
    damaged_files: int = 0

    @property
    def ok(self) -> bool:
        return self.broken_row is None and self.broken_evidence is None

    def problems(self) -> list[str]:
        out = []
        if self.broken_row is not None:
            out.append(f"audit log row {self.broken_row}: {self.row_problem}")
        if self.broken_evidence is not None:
            out.append(f"evidence item {self.broken_evidence}: {self.evidence_problem}")
        return out


def verify_case(case: Case) -> Verification:
    """Recompute the audit chain and the hash of every evidence file."""
    rows, chain_break = verify_chain(case.db)
    files = 0
    damaged = 0
    first_id: int | None = None
    first_problem: str | None = None
    for r in case.db.query("SELECT id, sha256 FROM evidence ORDER BY id"):
        files += 1
        problem = case.blobs.verify(r["sha256"])
        if problem is not None:
            damaged += 1
            if first_id is None:
                first_id, first_problem = int(r["id"]), problem
    return Verification(
        audit_rows=rows,
        evidence_files=files,
        broken_row=chain_break.row_id if chain_break else None,
        row_problem=chain_break.reason if chain_break else None,
        broken_evidence=first_id,
        evidence_problem=first_problem,
        damaged_files=damaged,
    )

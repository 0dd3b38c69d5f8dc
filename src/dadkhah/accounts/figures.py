"""Contested figures: numeric claims about one quantity, side by side with their sources.

The case's own estimate (from ``dadkhah.estimate``) is passed in by the caller, so that accounts
never depends on estimation: it is shown next to the sourced figures, never mixed into them.
"""

from __future__ import annotations

from typing import Any

from dadkhah.accounts.claims import list_claims
from dadkhah.store.db import Database

__all__ = ["contested_figures"]


def contested_figures(
    db: Database, *, quantity: str | None = None, estimate: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Figure claims grouped by (quantity, subject): each group lists every claimed value with its
    status and sources, sorted by value, plus ``estimate`` (the caller's) when given."""
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    for claim in list_claims(db, kind="figure", quantity=quantity):
        key = ((claim.quantity or "").lower(), claim.subject.uid if claim.subject else None)
        g = groups.setdefault(
            key,
            {
                "quantity": claim.quantity,
                "subject": claim.subject.to_dict() if claim.subject else None,
                "figures": [],
            },
        )
        g["figures"].append(
            {
                "claim": claim.uid,
                "value": claim.value_number,
                "low": claim.value_low,
                "high": claim.value_high,
                "as_written": claim.value_text,
                "status": claim.status,
                "dates": claim.dates.to_dict(),
                "confidence": claim.confidence,
                "sources": [
                    {"source_id": c.source_id, "title": c.source_title, "locator": c.locator()}
                    for c in claim.citations
                ],
            }
        )
    out = []
    for g in groups.values():
        g["figures"].sort(
            key=lambda f: f["value"] if f["value"] is not None else (f["low"] or f["high"] or 0)
        )
        values = [
            f["value"] if f["value"] is not None else (f["low"] or f["high"]) for f in g["figures"]
        ]
        g["contested"] = len({v for v in values if v is not None}) > 1
        g["estimate"] = estimate
        out.append(g)
    return out

"""A person's timeline: every dated claim about the person, and the acts done to them, in order."""

from __future__ import annotations

from typing import Any

from dadkhah.accounts.claims import list_claims
from dadkhah.accounts.entities import entity_by_id, resolve
from dadkhah.model.accounts import Claim
from dadkhah.store.db import Database

__all__ = ["timeline"]


def _describe(claim: Claim, person_uid: str) -> str:
    subj = claim.subject.label if claim.subject else ""
    obj = claim.object.label if claim.object else ""
    d = claim.details
    if claim.kind == "posting":
        extra = ", ".join(str(d[k]) for k in ("role", "title", "rank") if d.get(k))
        return f"held post {obj}" + (f" ({extra})" if extra else "")
    if claim.kind == "name":
        return f"known as {claim.value_text}"
    if claim.kind == "presence":
        return f"present at {obj}" + (f" ({d['role']})" if d.get("role") else "")
    if claim.kind == "involvement":
        parts = [d.get("degree") or "involved", f"in {obj}"]
        if d.get("standing"):
            parts.append(f"[{d['standing']}]")
        if d.get("legal_status"):
            parts.append(f"legal status: {d['legal_status']}")
        return " ".join(parts)
    if claim.kind == "burial":
        return f"buried at {obj}"
    if claim.kind == "kinship":
        other = obj if claim.subject and claim.subject.uid == person_uid else subj
        return f"{d.get('relation')} of/to {other}"
    if claim.kind == "proceeding":
        return (
            f"proceeding in {d.get('forum')}"
            + (f": {d['charges']}" if d.get("charges") else "")
            + (f"; outcome: {d['outcome']}" if d.get("outcome") else "")
        )
    if claim.kind == "intervention":
        return f"{d.get('intervention_type') or 'intervention'} about {obj or subj}"
    return f"{claim.kind} {subj} {obj}".strip()


def timeline(db: Database, person: str, *, undated: bool = True) -> dict[str, Any]:
    """Claims about the person (as subject or object) and acts against them, sorted by start date
    (then end date); undated entries come last unless ``undated`` is False."""
    p = resolve(db, person, types=("person",), field="person")
    entries: list[dict[str, Any]] = []
    for claim in list_claims(db, entity=p):
        entries.append(
            {
                "start": claim.dates.start,
                "end": claim.dates.end,
                "date_text": claim.dates.text,
                "precision": claim.dates.precision,
                "what": _describe(claim, p.uid),
                "kind": claim.kind,
                "claim": claim.uid,
                "status": claim.status,
                "sources": [
                    {"source_id": c.source_id, "title": c.source_title, "locator": c.locator()}
                    for c in claim.citations
                ],
            }
        )
    for r in db.query("SELECT id FROM act WHERE victim_id = ? ORDER BY id", (p.id,)):
        act = entity_by_id(db, "act", int(r["id"]))
        f = act.fields
        entries.append(
            {
                "start": f.get("date_start"),
                "end": f.get("date_end"),
                "date_text": f.get("date_text"),
                "precision": f.get("date_precision"),
                "what": f"victim of {f['act_type']}"
                + (f" at {resolve(db, f['site'], types=('site',)).label}" if f.get("site") else ""),
                "kind": "act",
                "act": act.uid,
                "claim": None,
                "status": None,
                "sources": [],
            }
        )
    if not undated:
        entries = [e for e in entries if e["start"] or e["end"]]
    entries.sort(
        key=lambda e: (
            e["start"] is None and e["end"] is None,
            e["start"] or e["end"] or "",
            e["end"] or "",
        )
    )
    return {"person": p.ref().to_dict(), "entries": entries}

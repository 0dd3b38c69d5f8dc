"""Claims: sourced statements about entities, each with at least one citation.

A claim has a kind (``posting``, ``involvement``, ``figure`` ...), a subject and an object entity
when the kind links two, kind-specific ``details`` (checked against the vocabulary of each kind),
a date range, a status (accepted, conflict, work needed), an optional confidence with a note, the
researcher who recorded it and a confidentiality level. Contested facts are separate claims; a
claim is never overwritten, only its status changes (and that change is audited).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from dadkhah.accounts.entities import _check, entity_by_id, now
from dadkhah.errors import InputError, NotFound, Problem, one_of
from dadkhah.model.accounts import (
    CLAIM_KINDS,
    CLAIM_SHAPES,
    CLAIM_STATUSES,
    CONFIDENCES,
    CONFIDENTIALITIES,
    DEGREES,
    INTERVENTION_TYPES,
    LEGAL_STATUSES,
    NO_DATES,
    ORG_RELATIONS,
    STANDINGS,
    Citation,
    Claim,
    DateRange,
    Entity,
    EntityRef,
)
from dadkhah.store.audit import record as audit
from dadkhah.store.db import Database, Row

__all__ = [
    "DETAIL_FIELDS",
    "add_citation",
    "add_claim",
    "claim_by_id",
    "entity_citations",
    "get_claim",
    "list_claims",
    "set_status",
]

# Allowed detail keys per kind; a tuple value is the vocabulary, None is free text, bool a flag.
DETAIL_FIELDS: dict[str, dict[str, Any]] = {
    "name": {"script": None, "name_type": None, "language": None},
    "posting": {"role": None, "title": None, "rank": None, "started": bool, "ended": bool},
    "org_relation": {"relation": ORG_RELATIONS},
    "presence": {"role": None},
    "involvement": {"degree": DEGREES, "standing": STANDINGS, "legal_status": LEGAL_STATUSES},
    "burial": {"burial_type": None},
    "kinship": {"relation": None},
    "intervention": {
        "intervention_type": INTERVENTION_TYPES,
        "forum": None,
        "reference": None,
        "outcome": None,
    },
    "proceeding": {"forum": None, "charges": None, "outcome": None, "reference": None},
    "figure": {"unit": None, "method": None},
}
_REQUIRED_DETAILS = {
    "org_relation": ("relation",),
    "kinship": ("relation",),
    "proceeding": ("forum",),
}


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y"}:
        return True
    if text in {"0", "false", "no", "n", ""}:
        return False
    raise InputError(
        f"{field}: expected true or false, got {value!r}",
        [Problem("not a flag", field=field, value=value)],
    )


def _clean_details(kind: str, details: Mapping[str, Any]) -> dict[str, Any]:
    allowed = DETAIL_FIELDS[kind]
    out: dict[str, Any] = {}
    problems = []
    for key, value in details.items():
        if value is None or value == "":
            continue
        if key not in allowed:
            problems.append(
                Problem(
                    f"not a field of {_a(kind)} claim ({', '.join(allowed)})",
                    field=key,
                    value=value,
                )
            )
            continue
        rule = allowed[key]
        if rule is bool:
            out[key] = _bool(value, key)
        elif isinstance(rule, tuple):
            if value not in rule:
                problems.append(Problem(one_of(value, rule), field=key, value=value))
            out[key] = value
        else:
            out[key] = str(value)
    for key in _REQUIRED_DETAILS.get(kind, ()):
        if key not in out:
            problems.append(Problem(f"required for {_a(kind)} claim", field=key))
    if problems:
        raise InputError(f"invalid details for {_a(kind)} claim", problems)
    return out


def _check_ref(kind: str, role: str, entity: Entity | None, allowed: tuple[str, ...]) -> None:
    if not allowed:
        if entity is not None and role == "object":
            raise InputError(
                f"{_a(kind)} claim has no object",
                [Problem("unexpected", field=role, value=entity.uid)],
            )
        return
    if entity is None:
        if kind in {"intervention", "proceeding"} and role == "object":
            return
        raise InputError(
            f"{_a(kind)} claim needs {_a(role)} ({' or '.join(allowed)})",
            [Problem(f"{_a(kind)} claim needs {_a(role)} ({' or '.join(allowed)})", field=role)],
        )
    if entity.type not in allowed:
        raise InputError(
            f"{role} of a {kind} claim must be a {' or '.join(allowed)}, not a {entity.type}",
            [Problem("wrong entity type", field=role, value=entity.uid)],
        )


def _source_exists(db: Database, source_id: int) -> None:
    if not db.scalar("SELECT 1 FROM source WHERE id = ?", (source_id,)):
        raise NotFound(f"no source with id {source_id}")


def _insert_citation(
    db: Database, actor: str, c: Citation, *, claim_id: int | None, entity: Entity | None
) -> int:
    _source_exists(db, c.source_id)
    if c.evidence_id is not None and not db.scalar(
        "SELECT 1 FROM evidence WHERE id = ?", (c.evidence_id,)
    ):
        raise NotFound(f"no evidence item with id {c.evidence_id}")
    if (c.char_start is None) != (c.char_end is None) or (
        c.char_start is not None and c.char_end is not None and not 0 <= c.char_start <= c.char_end
    ):
        raise InputError(
            "citation: char_start and char_end go together, 0 <= start <= end",
            [Problem("bad offsets", field="char_start", value=(c.char_start, c.char_end))],
        )
    return db.insert(
        "INSERT INTO citation (claim_id, entity_type, entity_id, source_id, evidence_id, page, paragraph, line,"
        " time_start, time_end, table_cell, quote, char_start, char_end, note, created_at, created_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim_id,
            entity.type if entity else None,
            entity.id if entity else None,
            c.source_id,
            c.evidence_id,
            c.page,
            c.paragraph,
            c.line,
            c.time_start,
            c.time_end,
            c.table_cell,
            c.quote,
            c.char_start,
            c.char_end,
            c.note,
            now(),
            actor,
        ),
    )


def add_claim(
    db: Database,
    *,
    actor: str,
    kind: str,
    citations: Sequence[Citation],
    subject: Entity | None = None,
    object: Entity | None = None,
    value_text: str | None = None,
    value_number: float | None = None,
    value_low: float | None = None,
    value_high: float | None = None,
    quantity: str | None = None,
    details: Mapping[str, Any] | None = None,
    dates: DateRange = NO_DATES,
    status: str = "work needed",
    confidence: str | None = None,
    confidence_note: str | None = None,
    researcher: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Claim:
    """Record a claim with its citations (at least one), in one audited transaction."""
    _check(kind, CLAIM_KINDS, "kind")
    _check(status, CLAIM_STATUSES, "status")
    _check(confidence, CONFIDENCES, "confidence")
    conf = confidentiality or "restricted"
    _check(conf, CONFIDENTIALITIES, "confidentiality")
    if not citations:
        raise InputError(
            f"{_a(kind)} claim needs at least one citation",
            [
                Problem(
                    f"{_a(kind)} claim needs at least one citation (give a source)",
                    field="citations",
                )
            ],
        )
    subj_types, obj_types = CLAIM_SHAPES[kind]
    if kind == "figure":
        if not quantity:
            raise InputError(
                "a figure claim needs a quantity (what is counted)",
                [Problem("required", field="quantity")],
            )
        if value_number is None and value_low is None and value_high is None:
            raise InputError(
                "a figure claim needs a value or a low/high range",
                [Problem("required", field="value")],
            )
    else:
        _check_ref(kind, "subject", subject, subj_types)
    if kind == "figure" and subject is not None:
        _check_ref(kind, "subject", subject, subj_types)
    _check_ref(kind, "object", object, obj_types)
    if kind == "name" and not (value_text and value_text.strip()):
        raise InputError(
            "a name claim needs the name as value", [Problem("required", field="value")]
        )
    if value_low is not None and value_high is not None and value_low > value_high:
        raise InputError(
            "value_low is above value_high",
            [Problem("reversed range", field="value_low", value=value_low)],
        )
    clean = _clean_details(kind, details or {})
    with db.transaction():
        if uid:
            if db.scalar("SELECT 1 FROM claim WHERE uid = ?", (uid,)):
                raise InputError(
                    f"a claim with uid {uid!r} already exists",
                    [Problem("duplicate", field="uid", value=uid)],
                )
            new_uid = uid
        else:
            n = int(db.scalar("SELECT COUNT(*) FROM claim") or 0) + 1
            while db.scalar("SELECT 1 FROM claim WHERE uid = ?", (f"C-{n:06d}",)):
                n += 1
            new_uid = f"C-{n:06d}"
        claim_id = db.insert(
            "INSERT INTO claim (uid, kind, subject_type, subject_id, object_type, object_id, value_text,"
            " value_number, value_low, value_high, quantity, details, date_start, date_end, date_precision,"
            " date_text, status, confidence, confidence_note, researcher, confidentiality, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uid,
                kind,
                subject.type if subject else None,
                subject.id if subject else None,
                object.type if object else None,
                object.id if object else None,
                value_text,
                value_number,
                value_low,
                value_high,
                quantity,
                json.dumps(clean, ensure_ascii=False, sort_keys=True),
                dates.start,
                dates.end,
                dates.precision,
                dates.text,
                status,
                confidence,
                confidence_note,
                researcher,
                conf,
                now(),
                actor,
            ),
        )
        for c in citations:
            _insert_citation(db, actor, c, claim_id=claim_id, entity=None)
        claim = claim_by_id(db, claim_id)
        audit(db, actor=actor, action="accounts.claim.add", target=new_uid, details=claim.to_dict())
    return claim


def add_citation(
    db: Database,
    *,
    actor: str,
    citation: Citation,
    claim: str | None = None,
    entity: Entity | None = None,
) -> Citation:
    """Attach a citation to an existing claim (by uid) or to an entity (a mention in a document)."""
    if (claim is None) == (entity is None):
        raise InputError(
            "a citation belongs to a claim or to an entity",
            [Problem("give one", field="claim/entity")],
        )
    with db.transaction():
        claim_id = get_claim(db, claim).id if claim else None
        cid = _insert_citation(db, actor, citation, claim_id=claim_id, entity=entity)
        out = _citations(db, "c.id = ?", (cid,))[0]
        audit(
            db,
            actor=actor,
            action="accounts.citation.add",
            target=claim or (entity.uid if entity else ""),
            details=out.to_dict(),
        )
    return out


def set_status(
    db: Database, *, actor: str, claim: str, status: str, note: str | None = None
) -> Claim:
    """Change a claim's status (accepted, conflict, work needed); the old status stays in the audit log."""
    _check(status, CLAIM_STATUSES, "status")
    with db.transaction():
        old = get_claim(db, claim)
        db.execute("UPDATE claim SET status = ? WHERE uid = ?", (status, claim))
        audit(
            db,
            actor=actor,
            action="accounts.claim.status",
            target=claim,
            details={"from": old.status, "to": status, "note": note},
        )
        return get_claim(db, claim)


def _citations(db: Database, where: str, params: tuple[Any, ...]) -> list[Citation]:
    rows = db.query(
        f"SELECT c.*, s.title AS source_title FROM citation c JOIN source s ON s.id = c.source_id WHERE {where}"
        " ORDER BY c.id",
        params,
    )
    return [
        Citation(
            source_id=int(r["source_id"]),
            evidence_id=r["evidence_id"],
            page=r["page"],
            paragraph=r["paragraph"],
            line=r["line"],
            time_start=r["time_start"],
            time_end=r["time_end"],
            table_cell=r["table_cell"],
            quote=r["quote"],
            char_start=r["char_start"],
            char_end=r["char_end"],
            note=r["note"],
            id=int(r["id"]),
            source_title=r["source_title"],
        )
        for r in rows
    ]


def _ref(db: Database, etype: str | None, eid: int | None) -> EntityRef | None:
    if etype is None or eid is None:
        return None
    return entity_by_id(db, etype, int(eid)).ref()


def _to_claim(db: Database, r: Row) -> Claim:
    return Claim(
        uid=str(r["uid"]),
        kind=str(r["kind"]),
        subject=_ref(db, r["subject_type"], r["subject_id"]),
        object=_ref(db, r["object_type"], r["object_id"]),
        dates=DateRange(r["date_start"], r["date_end"], r["date_precision"], r["date_text"]),
        status=str(r["status"]),
        citations=tuple(_citations(db, "c.claim_id = ?", (r["id"],))),
        value_text=r["value_text"],
        value_number=r["value_number"],
        value_low=r["value_low"],
        value_high=r["value_high"],
        quantity=r["quantity"],
        details=json.loads(r["details"] or "{}"),
        confidence=r["confidence"],
        confidence_note=r["confidence_note"],
        researcher=r["researcher"],
        confidentiality=str(r["confidentiality"]),
        id=int(r["id"]),
    )


def claim_by_id(db: Database, claim_id: int) -> Claim:
    r = db.query_one("SELECT * FROM claim WHERE id = ?", (claim_id,))
    if r is None:
        raise NotFound(f"no claim with id {claim_id}")
    return _to_claim(db, r)


def get_claim(db: Database, uid: str) -> Claim:
    r = db.query_one("SELECT * FROM claim WHERE uid = ?", (uid,))
    if r is None:
        raise NotFound(f"no claim with uid {uid!r}")
    return _to_claim(db, r)


def list_claims(
    db: Database,
    *,
    kind: str | None = None,
    entity: Entity | None = None,
    status: str | None = None,
    quantity: str | None = None,
) -> list[Claim]:
    """Claims, optionally of one kind, about one entity (as subject or object), or of one status."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if kind:
        _check(kind, CLAIM_KINDS, "kind")
        where.append("kind = ?")
        params.append(kind)
    if status:
        _check(status, CLAIM_STATUSES, "status")
        where.append("status = ?")
        params.append(status)
    if quantity:
        where.append("LOWER(quantity) = ?")
        params.append(quantity.lower())
    if entity is not None:
        where.append(
            "((subject_type = ? AND subject_id = ?) OR (object_type = ? AND object_id = ?))"
        )
        params += [entity.type, entity.id, entity.type, entity.id]
    rows = db.query(f"SELECT * FROM claim WHERE {' AND '.join(where)} ORDER BY id", params)
    return [_to_claim(db, r) for r in rows]


def entity_citations(db: Database, entity: Entity) -> list[Citation]:
    """Citations attached directly to an entity (accepted mentions)."""
    return _citations(db, "c.entity_type = ? AND c.entity_id = ?", (entity.type, entity.id))

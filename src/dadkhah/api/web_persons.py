"""Read models for the person and list pages: a person with every record of every list, acts,
claims and kin; a list with its records.

Confidential fields: a user without the ``read_confidential`` permission (viewers) never receives
a record's ``notes``, ``source_ref`` or its extra (non-standard) columns, nor any act, claim, source
or document whose confidentiality is ``confidential`` or ``secret``. The filtering happens here, in
the api, so no page or JSON route can forget it.
"""

from __future__ import annotations

import json
from typing import Any

from dadkhah.api.auth import User
from dadkhah.errors import NotFound
from dadkhah.model.sources import STANDARD_FIELDS
from dadkhah.store import Case

__all__ = [
    "CONFIDENTIAL_LEVELS",
    "CONFIDENTIAL_RECORD_FIELDS",
    "RECORD_FIELDS",
    "get_list",
    "get_person",
    "list_lists",
]

CONFIDENTIAL_RECORD_FIELDS = ("source_ref", "notes")
RECORD_FIELDS = tuple(
    f for f in STANDARD_FIELDS if f != "record_id" and f not in CONFIDENTIAL_RECORD_FIELDS
)
CONFIDENTIAL_LEVELS = ("confidential", "secret")
_SHOWN_ELSEWHERE = frozenset((*RECORD_FIELDS, *CONFIDENTIAL_RECORD_FIELDS, "record_id"))


def sees_confidential(user: User) -> bool:
    return user.can("read_confidential")


def _record(row: dict[str, Any], confidential: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "list": row["list_name"],
        "record_id": row["record_id"],
        "line": row.get("line"),
    }
    for f in RECORD_FIELDS:
        out[f] = row.get(f)
    if confidential:
        for f in CONFIDENTIAL_RECORD_FIELDS:
            out[f] = row.get(f)
        try:
            raw = json.loads(row.get("raw") or "{}")
        except ValueError:
            raw = {}
        out["extra"] = (
            {k: v for k, v in raw.items() if k not in _SHOWN_ELSEWHERE}
            if isinstance(raw, dict)
            else {}
        )
    if "match_probability" in row:
        out["match_probability"] = row["match_probability"]
    return out


def _person_row(case: Case, person_id: str) -> dict[str, Any]:
    row = case.db.query_one("SELECT * FROM person WHERE uid = ?", (person_id,))
    if row is None and person_id.isdigit():
        row = case.db.query_one("SELECT * FROM person WHERE id = ?", (int(person_id),))
    if row is None:
        raise NotFound(f"no person {person_id!r} in this case")
    return dict(row)


def _visible(rows: list[dict[str, Any]], confidential: bool) -> list[dict[str, Any]]:
    if confidential:
        return rows
    return [r for r in rows if r.get("confidentiality") not in CONFIDENTIAL_LEVELS]


def get_person(case: Case, person_id: str, *, user: User) -> dict[str, Any]:
    """A person with records (every list, side by side), acts, claims with citations and kin."""
    conf = sees_confidential(user)
    p = _person_row(case, person_id)
    pk = int(p["id"])
    rows = case.db.query(
        "SELECT lr.*, vl.name AS list_name, rp.match_probability FROM record_person rp"
        " JOIN list_record lr ON lr.id = rp.list_record_id"
        " JOIN victim_list vl ON vl.id = lr.list_id"
        " WHERE rp.person_id = ? AND vl.active = 1 ORDER BY vl.name, lr.record_id",
        (pk,),
    )
    person = {
        k: p.get(k)
        for k in (
            "uid",
            "display_name",
            "display_name_latin",
            "sex",
            "birth_year_from",
            "birth_year_to",
            "city",
            "province",
            "origin",
        )
    }
    person["id"] = p["uid"]
    out: dict[str, Any] = {
        "person": person,
        "records": [_record(dict(r), conf) for r in rows],
        "acts": [],
        "claims": [],
        "kin": [],
    }
    db = case.db
    if db.table_exists("act"):
        out["acts"] = _visible(
            [
                dict(r)
                for r in db.query(
                    "SELECT a.*, s.name AS site_name FROM act a LEFT JOIN site s ON s.id = a.site_id"
                    " WHERE a.victim_id = ? ORDER BY a.date_start, a.id",
                    (pk,),
                )
            ],
            conf,
        )
    if db.table_exists("claim"):
        claims = _visible(
            [
                dict(r)
                for r in db.query(
                    "SELECT * FROM claim WHERE (subject_type = 'person' AND subject_id = ?)"
                    " OR (object_type = 'person' AND object_id = ?) ORDER BY date_start, id",
                    (pk, pk),
                )
            ],
            conf,
        )
        for c in claims:
            c["citations"] = _visible(
                [
                    dict(r)
                    for r in db.query(
                        "SELECT ci.*, so.title AS source_title, so.confidentiality FROM citation ci"
                        " JOIN source so ON so.id = ci.source_id WHERE ci.claim_id = ?",
                        (c["id"],),
                    )
                ],
                conf,
            )
        out["claims"] = [c for c in claims if c["kind"] != "kinship"]
        out["kin"] = [c for c in claims if c["kind"] == "kinship"]
    return out


def list_lists(case: Case) -> list[dict[str, Any]]:
    """Active lists with their record counts and how many records are linked to a person."""
    return [
        dict(r)
        for r in case.db.query(
            "SELECT vl.id, vl.name, vl.version, vl.imported_at, vl.imported_by, vl.record_count,"
            " (SELECT COUNT(*) FROM list_record lr JOIN record_person rp ON rp.list_record_id = lr.id"
            "  WHERE lr.list_id = vl.id) AS linked"
            " FROM victim_list vl WHERE vl.active = 1 ORDER BY vl.name"
        )
    ]


def get_list(
    case: Case, name: str, *, user: User, offset: int = 0, limit: int = 100
) -> dict[str, Any]:
    """One active list and a page of its records (with the person each is linked to)."""
    row = case.db.query_one("SELECT * FROM victim_list WHERE name = ? AND active = 1", (name,))
    if row is None:
        raise NotFound(f"no list {name!r} in this case")
    offset, limit = max(0, int(offset)), max(1, min(int(limit), 500))
    rows = case.db.query(
        "SELECT lr.*, vl.name AS list_name, p.uid AS person_uid FROM list_record lr"
        " JOIN victim_list vl ON vl.id = lr.list_id"
        " LEFT JOIN record_person rp ON rp.list_record_id = lr.id"
        " LEFT JOIN person p ON p.id = rp.person_id"
        f" WHERE lr.list_id = ? ORDER BY lr.id LIMIT {limit} OFFSET {offset}",
        (row["id"],),
    )
    total = int(
        case.db.scalar("SELECT COUNT(*) AS n FROM list_record WHERE list_id = ?", (row["id"],))
    )
    records = []
    for r in rows:
        rec = _record(dict(r), sees_confidential(user))
        rec["person"] = r["person_uid"]
        records.append(rec)
    return {
        "list": {
            "name": row["name"],
            "version": row["version"],
            "imported_at": row["imported_at"],
            "imported_by": row["imported_by"],
            "records": total,
        },
        "records": records,
        "offset": offset,
        "limit": limit,
        "total": total,
    }

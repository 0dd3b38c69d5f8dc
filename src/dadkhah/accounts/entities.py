"""Entities of an account: persons, organisations, posts, sites, events and acts.

Each entity has a stable ``uid`` (``P-A000001``, ``ORG-000001``, ``POST-000001``, ``SITE-000001``,
``EV-000001``, ``ACT-000001`` unless the caller gives one). Persons are rows of the case's one
``person`` table (origin ``accounts``), shared with the victims found by record linkage. Every
write is audited in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dadkhah.errors import Conflict, InputError, NotFound, Problem, one_of
from dadkhah.model.accounts import (
    ACT_TYPES,
    CONFIDENTIALITIES,
    COORDINATE_PRECISIONS,
    ENTITY_TYPES,
    NO_DATES,
    ORG_TYPES,
    SITE_TYPES,
    DateRange,
    Entity,
)
from dadkhah.store.audit import record as audit
from dadkhah.store.db import Database, Row

__all__ = [
    "TABLES",
    "add_act",
    "add_event",
    "add_organization",
    "add_person",
    "add_post",
    "add_site",
    "entity_by_id",
    "find_entities",
    "get_entity",
    "list_entities",
    "now",
    "resolve",
]


@dataclass(frozen=True, slots=True)
class _Table:
    table: str
    prefix: str
    label: str  # column holding the display label


TABLES: dict[str, _Table] = {
    "person": _Table("person", "P-A", "display_name"),
    "organization": _Table("organization", "ORG-", "name"),
    "post": _Table("post", "POST-", "title"),
    "site": _Table("site", "SITE-", "name"),
    "event": _Table("event", "EV-", "name"),
    "act": _Table("act", "ACT-", "act_type"),
}

_HIDDEN = {"id", "uid", "created_at", "created_by"}
_REFS = {  # column -> entity type it points to
    "organization_id": "organization",
    "parent_id": "event",
    "site_id": "site",
    "event_id": "event",
    "victim_id": "person",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check(value: str | None, options: tuple[str, ...], field: str) -> None:
    if value is not None and value not in options:
        raise InputError(
            f"{field}: {one_of(value, options)}",
            [Problem(f"not one of: {', '.join(options)}", field=field, value=value)],
        )


def _required(value: str | None, field: str) -> str:
    if value is None or not str(value).strip():
        raise InputError(f"{field} is required", [Problem("required", field=field, value=value)])
    return str(value).strip()


def _new_uid(db: Database, etype: str, uid: str | None) -> str:
    spec = TABLES[etype]
    if uid:
        if db.scalar(f"SELECT 1 FROM {spec.table} WHERE uid = ?", (uid,)):
            raise Conflict(f"a {etype} with uid {uid!r} already exists")
        return uid
    n = int(db.scalar(f"SELECT COUNT(*) FROM {spec.table}") or 0) + 1
    while True:
        candidate = f"{spec.prefix}{n:06d}"
        if not db.scalar(f"SELECT 1 FROM {spec.table} WHERE uid = ?", (candidate,)):
            return candidate
        n += 1


def _insert(
    db: Database, etype: str, actor: str, values: Mapping[str, Any], uid: str | None
) -> Entity:
    spec = TABLES[etype]
    with db.transaction():
        new_uid = _new_uid(db, etype, uid)
        row = {**values, "uid": new_uid, "created_at": now(), "created_by": actor}
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        new_id = db.insert(
            f"INSERT INTO {spec.table} ({cols}) VALUES ({marks})", tuple(row.values())
        )
        audit(db, actor=actor, action=f"accounts.{etype}.add", target=new_uid, details=dict(values))
        return entity_by_id(db, etype, new_id)


def _ref_id(db: Database, key: str | int | None, etype: str, field: str) -> int | None:
    if key is None or key == "":
        return None
    return resolve(db, str(key), types=(etype,), field=field).id


def _conf(confidentiality: str | None) -> str:
    c = confidentiality or "restricted"
    _check(c, CONFIDENTIALITIES, "confidentiality")
    return c


def add_person(
    db: Database,
    *,
    actor: str,
    name: str,
    name_latin: str | None = None,
    sex: str | None = None,
    uid: str | None = None,
) -> Entity:
    """A person (perpetrator, witness or victim) added by hand; origin ``accounts``."""
    values = {
        "display_name": _required(name, "name"),
        "display_name_latin": name_latin,
        "sex": sex,
        "origin": "accounts",
    }
    return _insert(db, "person", actor, values, uid)


def add_organization(
    db: Database,
    *,
    actor: str,
    name: str,
    org_type: str,
    country: str | None = None,
    notes: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Entity:
    _check(_required(org_type, "org_type"), ORG_TYPES, "org_type")
    values = {
        "name": _required(name, "name"),
        "org_type": org_type,
        "country": country,
        "notes": notes,
        "confidentiality": _conf(confidentiality),
    }
    return _insert(db, "organization", actor, values, uid)


def add_post(
    db: Database,
    *,
    actor: str,
    title: str,
    organization: str | None = None,
    notes: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Entity:
    """A post: a position that exists whoever holds it ("member, Tehran commission")."""
    values = {
        "title": _required(title, "title"),
        "organization_id": _ref_id(db, organization, "organization", "organization"),
        "notes": notes,
        "confidentiality": _conf(confidentiality),
    }
    return _insert(db, "post", actor, values, uid)


def _geometry(
    geometry: Mapping[str, Any] | None, lat: float | None, lon: float | None
) -> str | None:
    if geometry is not None and (lat is not None or lon is not None):
        raise InputError(
            "give either a geometry or lat/lon, not both", [Problem("both given", field="geometry")]
        )
    if lat is not None or lon is not None:
        if lat is None or lon is None:
            raise InputError(
                "lat and lon go together",
                [Problem("one missing", field="lat/lon", value=(lat, lon))],
            )
        geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
    if geometry is None:
        return None
    gtype = geometry.get("type")
    coords = geometry.get("coordinates")
    ok = False
    if gtype == "Point" and isinstance(coords, list | tuple) and len(coords) == 2:
        lon_, lat_ = coords
        ok = (
            isinstance(lon_, int | float)
            and isinstance(lat_, int | float)
            and -180 <= lon_ <= 180
            and -90 <= lat_ <= 90
        )
    elif gtype == "Polygon" and isinstance(coords, list | tuple) and coords:
        ring = coords[0]
        ok = (
            isinstance(ring, list | tuple)
            and len(ring) >= 4
            and list(ring[0]) == list(ring[-1])
            and all(
                isinstance(p, list | tuple)
                and len(p) == 2
                and -180 <= p[0] <= 180
                and -90 <= p[1] <= 90
                for p in ring
            )
        )
    if not ok:
        raise InputError(
            "geometry must be a GeoJSON Point [lon, lat] or a Polygon with a closed ring of [lon, lat]",
            [Problem("invalid geometry", field="geometry", value=geometry)],
        )
    return json.dumps({"type": gtype, "coordinates": coords})


def add_site(
    db: Database,
    *,
    actor: str,
    name: str,
    site_type: str,
    geometry: Mapping[str, Any] | None = None,
    lat: float | None = None,
    lon: float | None = None,
    coordinate_precision: str | None = None,
    precision_m: float | None = None,
    location_method: str | None = None,
    place: str | None = None,
    notes: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Entity:
    """A site (prison, execution place, cemetery, grave) with a point or polygon and how it was located."""
    _check(_required(site_type, "site_type"), SITE_TYPES, "site_type")
    _check(coordinate_precision, COORDINATE_PRECISIONS, "coordinate_precision")
    values = {
        "name": _required(name, "name"),
        "site_type": site_type,
        "geometry": _geometry(geometry, lat, lon),
        "coordinate_precision": coordinate_precision,
        "precision_m": precision_m,
        "location_method": location_method,
        "place": place,
        "notes": notes,
        "confidentiality": _conf(confidentiality),
    }
    return _insert(db, "site", actor, values, uid)


def _dates(d: DateRange) -> dict[str, Any]:
    return {
        "date_start": d.start,
        "date_end": d.end,
        "date_precision": d.precision,
        "date_text": d.text,
    }


def add_event(
    db: Database,
    *,
    actor: str,
    name: str,
    event_type: str | None = None,
    parent: str | None = None,
    site: str | None = None,
    dates: DateRange = NO_DATES,
    notes: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Entity:
    """An event, possibly inside a larger one ("executions at Gohardasht" in "1988 massacre")."""
    values = {
        "name": _required(name, "name"),
        "event_type": event_type,
        "parent_id": _ref_id(db, parent, "event", "parent"),
        "site_id": _ref_id(db, site, "site", "site"),
        **_dates(dates),
        "notes": notes,
        "confidentiality": _conf(confidentiality),
    }
    return _insert(db, "event", actor, values, uid)


def add_act(
    db: Database,
    *,
    actor: str,
    act_type: str,
    victim: str | None = None,
    event: str | None = None,
    site: str | None = None,
    dates: DateRange = NO_DATES,
    notes: str | None = None,
    confidentiality: str | None = None,
    uid: str | None = None,
) -> Entity:
    """One act against one victim (an execution, a disappearance, a secret burial ...)."""
    _check(_required(act_type, "act_type"), ACT_TYPES, "act_type")
    values = {
        "act_type": act_type,
        "victim_id": _ref_id(db, victim, "person", "victim"),
        "event_id": _ref_id(db, event, "event", "event"),
        "site_id": _ref_id(db, site, "site", "site"),
        **_dates(dates),
        "notes": notes,
        "confidentiality": _conf(confidentiality),
    }
    return _insert(db, "act", actor, values, uid)


def _label(db: Database, etype: str, row: Row) -> str:
    if etype == "person":
        return str(row.get("display_name") or row.get("display_name_latin") or row["uid"])
    if etype == "act":
        victim = ""
        if row.get("victim_id"):
            v = db.query_one(
                "SELECT uid, display_name, display_name_latin FROM person WHERE id = ?",
                (row["victim_id"],),
            )
            if v:
                victim = f" of {v['display_name'] or v['display_name_latin'] or v['uid']}"
        return f"{row['act_type']}{victim}"
    return str(row[TABLES[etype].label])


def _uid_of(db: Database, etype: str, id_: int | None) -> str | None:
    if id_ is None:
        return None
    return db.scalar(f"SELECT uid FROM {TABLES[etype].table} WHERE id = ?", (id_,))  # type: ignore[no-any-return]


def _to_entity(db: Database, etype: str, row: Row) -> Entity:
    fields: dict[str, Any] = {}
    for k, v in row.items():
        if k in _HIDDEN:
            continue
        if k in _REFS:
            fields[k.removesuffix("_id")] = _uid_of(db, _REFS[k], v)
        elif k == "geometry":
            fields[k] = json.loads(v) if v else None
        else:
            fields[k] = v
    return Entity(etype, str(row["uid"]), _label(db, etype, row), fields, int(row["id"]))


def entity_by_id(db: Database, etype: str, id_: int) -> Entity:
    row = db.query_one(f"SELECT * FROM {TABLES[etype].table} WHERE id = ?", (id_,))
    if row is None:
        raise NotFound(f"no {etype} with id {id_}")
    return _to_entity(db, etype, row)


def list_entities(
    db: Database, etype: str, *, query: str | None = None, limit: int | None = None
) -> list[Entity]:
    """Entities of one type, optionally those whose label contains ``query`` (case-insensitive)."""
    _check(etype, ENTITY_TYPES, "type")
    spec = TABLES[etype]
    sql = f"SELECT * FROM {spec.table}"
    params: list[Any] = []
    if etype == "person":
        sql += " WHERE active = 1"
    if query:
        sql += " AND" if etype == "person" else " WHERE"
        if etype == "person":
            sql += " (LOWER(display_name) LIKE ? OR LOWER(COALESCE(display_name_latin, '')) LIKE ?)"
            params += [f"%{query.lower()}%"] * 2
        else:
            sql += f" LOWER({spec.label}) LIKE ?"
            params.append(f"%{query.lower()}%")
    sql += " ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_to_entity(db, etype, r) for r in db.query(sql, params)]


def find_entities(db: Database, key: str, *, types: tuple[str, ...] = ENTITY_TYPES) -> list[Entity]:
    """Entities whose uid, name or recorded alias (a ``name`` claim) equals ``key`` (case-insensitive)."""
    key = key.strip()
    found: dict[tuple[str, int], Entity] = {}
    for etype in types:
        spec = TABLES[etype]
        row = db.query_one(f"SELECT * FROM {spec.table} WHERE uid = ?", (key,))
        if row is not None:
            return [_to_entity(db, etype, row)]
    low = key.lower()
    for etype in types:
        spec = TABLES[etype]
        if etype == "person":
            rows = db.query(
                "SELECT * FROM person WHERE LOWER(display_name) = ? OR LOWER(COALESCE(display_name_latin, '')) = ?",
                (low, low),
            )
        elif etype == "act":
            rows = []
        else:
            rows = db.query(f"SELECT * FROM {spec.table} WHERE LOWER({spec.label}) = ?", (low,))
        for r in rows:
            found[(etype, int(r["id"]))] = _to_entity(db, etype, r)
    placeholders = ", ".join("?" for _ in types)
    for r in db.query(
        f"SELECT DISTINCT subject_type, subject_id FROM claim WHERE kind = 'name' AND LOWER(value_text) = ?"
        f" AND subject_type IN ({placeholders})",
        (low, *types),
    ):
        k = (str(r["subject_type"]), int(r["subject_id"]))
        if k not in found:
            found[k] = entity_by_id(db, *k)
    return list(found.values())


def resolve(
    db: Database, key: str, *, types: tuple[str, ...] = ENTITY_TYPES, field: str = "entity"
) -> Entity:
    """Exactly one entity for a uid, name or alias; NotFound or InputError (ambiguous) otherwise."""
    found = find_entities(db, key, types=types)
    if not found:
        raise NotFound(f"{field}: no {' or '.join(types)} with uid, name or alias {key!r}")
    if len(found) > 1:
        listed = ", ".join(f"{e.uid} ({e.type}: {e.label})" for e in found)
        raise InputError(
            f"{field}: {key!r} is ambiguous; use a uid: {listed}",
            [Problem("ambiguous", field=field, value=key)],
        )
    return found[0]


def get_entity(db: Database, key: str, etype: str | None = None) -> Entity:
    return resolve(db, key, types=(etype,) if etype else ENTITY_TYPES)

"""Bulk import of sources, entities and claims from JSON or CSV (format: docs/accounts-import-format.md).

A JSON file holds sections ``sources``, ``persons``, ``organizations``, ``posts``, ``sites``,
``events``, ``acts``, ``claims`` (each a list of objects). CSV files hold one section each, named by
the file (``claims.csv``), plus ``citations.csv`` for further citations of claims; a folder of such
files is read in section order. Records carry a file-local ``key`` that later records refer to;
a reference that is not a key is looked up in the case (uid, name or alias). The import is
all-or-nothing: every problem is reported with file, line, field and value, and nothing is kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dadkhah.accounts import entities as ent
from dadkhah.accounts.claims import DETAIL_FIELDS, add_citation, add_claim
from dadkhah.accounts.sources import add_source, find_source
from dadkhah.accounts.when import to_range
from dadkhah.errors import DadkhahError, InputError, NotFound, Problem
from dadkhah.model.accounts import ENTITY_TYPES, Citation, Entity
from dadkhah.store.audit import record as audit
from dadkhah.store.db import Database

__all__ = ["FORMAT", "SECTIONS", "import_accounts", "read_records"]

FORMAT = "dadkhah-accounts/1"
SECTIONS = (
    "sources",
    "persons",
    "organizations",
    "posts",
    "sites",
    "events",
    "acts",
    "claims",
    "citations",
)
_CITATION_FIELDS = (
    "page",
    "paragraph",
    "line",
    "time_start",
    "time_end",
    "table_cell",
    "quote",
    "note",
)

Record = tuple[str, int, dict[str, Any]]  # file, line (or position), fields


def _clean(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        if k is None:
            continue
        if isinstance(v, str):
            v = v.strip()
            if v == "":
                continue
        if v is None:
            continue
        out[k.strip()] = v
    return out


def _read_csv(path: Path, data: bytes) -> list[Record]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path.name}: not UTF-8 text", [Problem("not UTF-8", file=path.name, line=None)]
        ) from e
    reader = csv.DictReader(io.StringIO(text))
    return [(path.name, i + 2, _clean(row)) for i, row in enumerate(reader)]


def read_records(path: Path) -> dict[str, list[Record]]:
    """Records per section from a JSON file, a section CSV file or a folder of them."""
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path} does not exist")
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    out: dict[str, list[Record]] = {s: [] for s in SECTIONS}
    for f in files:
        if f.suffix.lower() == ".json":
            try:
                doc = json.loads(f.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise InputError(
                    f"{f.name}: not valid JSON: {e}", [Problem(str(e), file=f.name)]
                ) from e
            if not isinstance(doc, dict):
                raise InputError(
                    f"{f.name}: expected a JSON object with sections",
                    [Problem("not an object", file=f.name)],
                )
            fmt = doc.get("format", FORMAT)
            if fmt != FORMAT:
                raise InputError(
                    f"{f.name}: format {fmt!r} is not {FORMAT!r}",
                    [Problem("unknown format", file=f.name, field="format", value=fmt)],
                )
            unknown = [k for k in doc if k not in (*SECTIONS, "format", "description")]
            if unknown:
                raise InputError(
                    f"{f.name}: unknown sections {unknown}; valid: {', '.join(SECTIONS)}",
                    [Problem("unknown section", file=f.name, field=k) for k in unknown],
                )
            for section in SECTIONS:
                items = doc.get(section, [])
                if not isinstance(items, list):
                    raise InputError(
                        f"{f.name}: {section} must be a list",
                        [Problem("not a list", file=f.name, field=section)],
                    )
                for i, item in enumerate(items):
                    if not isinstance(item, dict):
                        raise InputError(
                            f"{f.name}: {section}[{i}] is not an object",
                            [Problem("not an object", file=f.name, line=i + 1, field=section)],
                        )
                    out[section].append((f"{f.name}:{section}", i + 1, _clean(item)))
        elif f.suffix.lower() == ".csv":
            section = f.stem.lower()
            if section not in SECTIONS:
                raise InputError(
                    f"{f.name}: a CSV file is named after its section ({', '.join(SECTIONS)})",
                    [Problem("unknown section", file=f.name, value=f.stem)],
                )
            out[section].extend(_read_csv(f, f.read_bytes()))
        elif not path.is_dir():
            raise InputError(
                f"{f.name}: expected a .json or .csv file",
                [Problem("unknown file type", file=f.name)],
            )
    return out


def _num(v: Any, field: str) -> float | None:
    if v is None or v == "":
        return None
    try:
        return float(str(v).replace(",", ""))
    except ValueError as e:
        raise InputError(
            f"{field}: not a number", [Problem("not a number", field=field, value=v)]
        ) from e


def _int(v: Any, field: str) -> int | None:
    n = _num(v, field)
    return None if n is None else int(n)


class _Importer:
    def __init__(self, db: Database, actor: str):
        self.db = db
        self.actor = actor
        self.keys: dict[str, Entity] = {}
        self.source_keys: dict[str, int] = {}
        self.claim_keys: dict[str, str] = {}
        self.counts: dict[str, int] = {s: 0 for s in SECTIONS}

    def ref(self, value: Any, types: tuple[str, ...], field: str) -> Entity | None:
        if value is None or value == "":
            return None
        key = str(value)
        if key in self.keys:
            e = self.keys[key]
            if e.type not in types:
                raise InputError(
                    f"{field}: {key!r} is a {e.type}, expected a {' or '.join(types)}",
                    [Problem("wrong entity type", field=field, value=key)],
                )
            return e
        return ent.resolve(self.db, key, types=types, field=field)

    def uid_ref(self, value: Any, types: tuple[str, ...], field: str) -> str | None:
        e = self.ref(value, types, field)
        return e.uid if e else None

    def source(self, value: Any) -> int:
        if value is None:
            raise InputError("citation: source is required", [Problem("required", field="source")])
        key = str(value)
        return self.source_keys[key] if key in self.source_keys else find_source(self.db, key)

    def citation(self, r: dict[str, Any]) -> Citation:
        return Citation(
            source_id=self.source(r.get("source")),
            evidence_id=_int(r.get("evidence"), "evidence"),
            char_start=_int(r.get("char_start"), "char_start"),
            char_end=_int(r.get("char_end"), "char_end"),
            page=self.text(r, "page"),
            paragraph=self.text(r, "paragraph"),
            line=self.text(r, "line"),
            time_start=self.text(r, "time_start"),
            time_end=self.text(r, "time_end"),
            table_cell=self.text(r, "table_cell"),
            quote=self.text(r, "quote"),
            note=self.text(r, "note"),
        )

    @staticmethod
    def text(r: dict[str, Any], key: str) -> str | None:
        return str(r[key]) if r.get(key) is not None else None

    def dates(self, r: dict[str, Any], prefix: str = "date") -> Any:
        return to_range(
            date=r.get(prefix),
            start=r.get(f"{prefix}_start") or r.get("start"),
            end=r.get(f"{prefix}_end") or r.get("end"),
            precision=r.get(f"{prefix}_precision"),
            text=r.get(f"{prefix}_text"),
            field=prefix,
        )

    def remember(self, r: dict[str, Any], e: Entity) -> None:
        key = r.get("key")
        if key:
            if str(key) in self.keys:
                raise InputError(
                    f"key {key!r} is used twice", [Problem("duplicate key", field="key", value=key)]
                )
            self.keys[str(key)] = e

    # -- one function per section ----------------------------------------------------------------
    def sources(self, r: dict[str, Any]) -> None:
        d = to_range(date=r.get("date"), field="date")
        s = add_source(
            self.db,
            actor=self.actor,
            title=r.get("title", ""),
            originator=r.get("originator"),
            source_type=r.get("source_type", "other"),
            language=r.get("language"),
            date_text=r.get("date_text") or r.get("date"),
            date_start=d.start,
            date_end=d.end,
            knowledge=r.get("knowledge"),
            reliability=r.get("reliability"),
            url=r.get("url"),
            notes=r.get("notes"),
            confidentiality=r.get("confidentiality"),
        )
        if r.get("key"):
            self.source_keys[str(r["key"])] = int(s["id"])

    def persons(self, r: dict[str, Any]) -> None:
        self.remember(
            r,
            ent.add_person(
                self.db,
                actor=self.actor,
                name=r.get("name", ""),
                name_latin=r.get("name_latin"),
                sex=r.get("sex"),
                uid=r.get("uid"),
            ),
        )

    def organizations(self, r: dict[str, Any]) -> None:
        self.remember(
            r,
            ent.add_organization(
                self.db,
                actor=self.actor,
                name=r.get("name", ""),
                org_type=r.get("org_type", ""),
                country=r.get("country"),
                notes=r.get("notes"),
                confidentiality=r.get("confidentiality"),
                uid=r.get("uid"),
            ),
        )

    def posts(self, r: dict[str, Any]) -> None:
        self.remember(
            r,
            ent.add_post(
                self.db,
                actor=self.actor,
                title=r.get("title", ""),
                organization=self.uid_ref(r.get("organization"), ("organization",), "organization"),
                notes=r.get("notes"),
                confidentiality=r.get("confidentiality"),
                uid=r.get("uid"),
            ),
        )

    def sites(self, r: dict[str, Any]) -> None:
        geometry = r.get("geometry")
        if isinstance(geometry, str):
            try:
                geometry = json.loads(geometry)
            except json.JSONDecodeError as e:
                raise InputError(
                    "geometry: not GeoJSON", [Problem("not JSON", field="geometry", value=geometry)]
                ) from e
        self.remember(
            r,
            ent.add_site(
                self.db,
                actor=self.actor,
                name=r.get("name", ""),
                site_type=r.get("site_type", ""),
                geometry=geometry,
                lat=_num(r.get("lat"), "lat"),
                lon=_num(r.get("lon"), "lon"),
                coordinate_precision=r.get("coordinate_precision"),
                precision_m=_num(r.get("precision_m"), "precision_m"),
                location_method=r.get("location_method"),
                place=r.get("place"),
                notes=r.get("notes"),
                confidentiality=r.get("confidentiality"),
                uid=r.get("uid"),
            ),
        )

    def events(self, r: dict[str, Any]) -> None:
        self.remember(
            r,
            ent.add_event(
                self.db,
                actor=self.actor,
                name=r.get("name", ""),
                event_type=r.get("event_type"),
                parent=self.uid_ref(r.get("parent"), ("event",), "parent"),
                site=self.uid_ref(r.get("site"), ("site",), "site"),
                dates=self.dates(r),
                notes=r.get("notes"),
                confidentiality=r.get("confidentiality"),
                uid=r.get("uid"),
            ),
        )

    def acts(self, r: dict[str, Any]) -> None:
        self.remember(
            r,
            ent.add_act(
                self.db,
                actor=self.actor,
                act_type=r.get("act_type", ""),
                victim=self.uid_ref(r.get("victim"), ("person",), "victim"),
                event=self.uid_ref(r.get("event"), ("event",), "event"),
                site=self.uid_ref(r.get("site"), ("site",), "site"),
                dates=self.dates(r),
                notes=r.get("notes"),
                confidentiality=r.get("confidentiality"),
                uid=r.get("uid"),
            ),
        )

    def claims(self, r: dict[str, Any]) -> None:
        kind = str(r.get("kind", ""))
        if kind not in DETAIL_FIELDS:
            raise InputError(
                f"kind: {kind!r} is not one of {', '.join(DETAIL_FIELDS)}",
                [Problem("unknown kind", field="kind", value=kind)],
            )
        details = dict(r.get("details") or {})
        for k in DETAIL_FIELDS[kind]:
            if k in r:
                details[k] = r[k]
        cites = [self.citation(c) for c in r.get("citations", []) if isinstance(c, dict)]
        if r.get("source"):
            cites.insert(0, self.citation(r))
        value = r.get("value")
        number = None
        if kind == "figure":
            number = _num(value, "value")
        all_types = ENTITY_TYPES
        claim = add_claim(
            self.db,
            actor=self.actor,
            kind=kind,
            citations=cites,
            subject=self.ref(r.get("subject"), all_types, "subject"),
            object=self.ref(r.get("object"), all_types, "object"),
            value_text=(
                str(value) if kind != "figure" and value is not None else r.get("value_text")
            ),
            value_number=number,
            value_low=_num(r.get("low"), "low"),
            value_high=_num(r.get("high"), "high"),
            quantity=r.get("quantity"),
            details=details,
            dates=self.dates(r),
            status=r.get("status", "work needed"),
            confidence=r.get("confidence"),
            confidence_note=r.get("confidence_note"),
            researcher=r.get("researcher"),
            confidentiality=r.get("confidentiality"),
            uid=r.get("uid"),
        )
        if r.get("key"):
            self.claim_keys[str(r["key"])] = claim.uid

    def citations(self, r: dict[str, Any]) -> None:
        key = str(r.get("claim", ""))
        uid = self.claim_keys.get(key, key)
        add_citation(self.db, actor=self.actor, citation=self.citation(r), claim=uid)


def import_accounts(db: Database, path: Path, *, actor: str) -> dict[str, Any]:
    """Import a JSON file, a section CSV or a folder of them, all or nothing. Returns counts and
    the uid given to each keyed record."""
    records = read_records(path)
    imp = _Importer(db, actor)
    problems: list[Problem] = []
    with db.transaction():
        for section in SECTIONS:
            handler: Callable[[dict[str, Any]], None] = getattr(imp, section)
            for file, line, r in records[section]:
                try:
                    handler(r)
                    imp.counts[section] += 1
                except InputError as e:
                    for p in e.problems or (Problem(str(e)),):
                        problems.append(
                            Problem(
                                f"{section}: {p.message}",
                                file=file,
                                line=line,
                                field=p.field,
                                value=p.value,
                            )
                        )
                except DadkhahError as e:
                    problems.append(Problem(f"{section}: {e}", file=file, line=line))
        if problems:
            raise InputError(f"{path}: {len(problems)} problem(s); nothing was imported", problems)
        summary = {
            "path": str(path),
            "counts": imp.counts,
            "keys": {k: e.uid for k, e in imp.keys.items()} | imp.claim_keys,
        }
        audit(
            db,
            actor=actor,
            action="accounts.import",
            target=str(Path(path).name),
            details={"counts": imp.counts},
        )
    return summary

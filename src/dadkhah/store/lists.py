"""Victim lists and their records in the case database.

A list is created by its first import; ``--append`` adds the records of another file to it and
``--replace`` makes a new version of it, marking the old version inactive (its rows stay).
Records are written in large batches: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any

from dadkhah.errors import NotFound
from dadkhah.model.sources import RECORD_FIELDS, ListImport, ListRecord, RecordBatch, VictimList
from dadkhah.store.bulk import insert_rows
from dadkhah.store.db import Database, Row
from dadkhah.store.evidence import now
from dadkhah.store.search import index_records

__all__ = [
    "BATCH",
    "active_list",
    "create_list",
    "get_list",
    "get_record",
    "imports_of_sha256",
    "insert_records",
    "list_imports",
    "list_lists",
    "list_records",
    "record_ids",
    "start_import",
]

BATCH = 20_000

Progress = Callable[[int], None]


def _list(r: Row) -> VictimList:
    return VictimList(
        id=int(r["id"]),
        name=r["name"],
        version=int(r["version"]),
        active=bool(r["active"]),
        record_count=int(r["record_count"]),
        imported_at=r["imported_at"],
        imported_by=r["imported_by"],
        columns=tuple(json.loads(r["columns"] or "[]")),
        source_id=r["source_id"],
        evidence_id=r["evidence_id"],
        ids_generated=bool(r["ids_generated"]),
        superseded_by=r["superseded_by"],
    )


def list_lists(db: Database, *, include_inactive: bool = False) -> list[VictimList]:
    sql = "SELECT * FROM victim_list"
    if not include_inactive:
        sql += " WHERE active = 1"
    return [_list(r) for r in db.query(sql + " ORDER BY name, version")]


def active_list(db: Database, name: str) -> VictimList | None:
    r = db.query_one("SELECT * FROM victim_list WHERE name = ? AND active = 1", (name,))
    return _list(r) if r else None


def get_list(db: Database, name: str) -> VictimList:
    found = active_list(db, name)
    if found is None:
        names = [v.name for v in list_lists(db)]
        hint = f"; lists in this case: {', '.join(names)}" if names else "; the case has no lists"
        raise NotFound(f"no list named {name!r}{hint}")
    return found


def create_list(
    db: Database,
    name: str,
    *,
    actor: str,
    evidence_id: int,
    source_id: int | None,
    columns: Sequence[str],
    mapping: dict[str, Any],
    ids_generated: bool,
    replaces: VictimList | None = None,
) -> int:
    """A new list (or a new version replacing ``replaces``); return its id."""
    version = 1
    if replaces is not None:
        version = (
            int(db.scalar("SELECT MAX(version) AS v FROM victim_list WHERE name = ?", (name,))) + 1
        )
        db.execute("UPDATE victim_list SET active = 0 WHERE id = ?", (replaces.id,))
    list_id = db.insert(
        "INSERT INTO victim_list (name, version, active, source_id, evidence_id, imported_at,"
        " imported_by, record_count, columns, mapping, ids_generated)"
        " VALUES (?, ?, 1, ?, ?, ?, ?, 0, ?, ?, ?)",
        (
            name,
            version,
            source_id,
            evidence_id,
            now(),
            actor,
            json.dumps(list(columns), ensure_ascii=False),
            json.dumps(mapping, ensure_ascii=False, sort_keys=True),
            int(ids_generated),
        ),
    )
    if replaces is not None:
        db.execute("UPDATE victim_list SET superseded_by = ? WHERE id = ?", (list_id, replaces.id))
    return list_id


def start_import(
    db: Database,
    *,
    list_id: int,
    evidence_id: int,
    mode: str,
    file_name: str,
    record_count: int,
    ids_generated: bool,
    actor: str,
) -> int:
    return db.insert(
        "INSERT INTO list_import (list_id, evidence_id, mode, file_name, record_count,"
        " ids_generated, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (list_id, evidence_id, mode, file_name, record_count, int(ids_generated), now(), actor),
    )


def _import(r: Row) -> ListImport:
    return ListImport(
        id=int(r["id"]),
        list_id=int(r["list_id"]),
        list_name=r["list_name"],
        evidence_id=int(r["evidence_id"]),
        sha256=r["sha256"],
        file_name=r["file_name"],
        mode=r["mode"],
        record_count=int(r["record_count"]),
        ids_generated=bool(r["ids_generated"]),
        imported_at=r["imported_at"],
        imported_by=r["imported_by"],
    )


_IMPORTS = (
    "SELECT li.*, vl.name AS list_name, e.sha256 FROM list_import li"
    " JOIN victim_list vl ON vl.id = li.list_id JOIN evidence e ON e.id = li.evidence_id"
)


def imports_of_sha256(db: Database, sha256: str) -> list[ListImport]:
    return [
        _import(r) for r in db.query(_IMPORTS + " WHERE e.sha256 = ? ORDER BY li.id", (sha256,))
    ]


def list_imports(db: Database, list_id: int) -> list[ListImport]:
    return [
        _import(r) for r in db.query(_IMPORTS + " WHERE li.list_id = ? ORDER BY li.id", (list_id,))
    ]


def record_ids(db: Database, list_id: int) -> set[str]:
    return {
        r["record_id"]
        for r in db.iterate("SELECT record_id FROM list_record WHERE list_id = ?", (list_id,))
    }


def insert_records(
    db: Database,
    list_id: int,
    import_id: int,
    batch: RecordBatch,
    *,
    progress: Progress | None = None,
) -> int:
    """Store the records of one import in large batches and index them; return how many."""
    total = len(batch)
    with db.transaction():
        if db.dialect == "postgresql":
            db.execute("LOCK TABLE list_record IN EXCLUSIVE MODE")
        else:
            db.execute("PRAGMA cache_size = -65536")
        base = int(db.scalar("SELECT COALESCE(MAX(id), 0) AS m FROM list_record"))
        # columns no record fills (fields the file lacks) are left to their NULL default; a
        # field is None or non-empty text, so any() tells them apart without a per-value call
        filled = [k for k, column in enumerate(batch.fields) if any(column)]
        for start in range(0, total, BATCH):
            part = batch.slice(start, start + BATCH)
            first = base + start + 1
            ids = range(first, first + len(part))
            columns = [ids, part.record_ids, part.lines, part.raws]
            columns += [part.fields[k] for k in filled]
            _write_rows(db, list_id, import_id, [RECORD_FIELDS[k] for k in filled], columns)
            index_records(db, ids, part.search)
            if progress is not None:
                progress(len(part))
        if db.dialect == "postgresql" and total:
            db.scalar(
                "SELECT setval(pg_get_serial_sequence('list_record', 'id'), ?) AS v",
                (base + total,),
            )
        db.execute(
            "UPDATE victim_list SET record_count = record_count + ? WHERE id = ?",
            (total, list_id),
        )
    return total


def _write_rows(
    db: Database,
    list_id: int,
    import_id: int,
    fields: Sequence[str],
    columns: Sequence[Sequence[Any]],
) -> None:
    """Write the records of one import, given a column at a time: id, record_id, line, raw,
    then ``fields``."""
    names = ", ".join(("id", "record_id", "line", "raw", *fields))
    if db.dialect == "sqlite":
        # the list and import ids are the same on every row: written as literals (they are
        # integers), they need not be bound 200,000 times
        insert_rows(
            db,
            f"INSERT INTO list_record (list_id, import_id, {names}) VALUES ",
            f"({int(list_id)}, {int(import_id)}, {', '.join('?' * len(columns))})",
            columns,
        )
        return
    with (
        db.raw.cursor() as cur,
        cur.copy(f"COPY list_record (list_id, import_id, {names}) FROM STDIN") as cp,
    ):
        for row in zip(repeat(list_id), repeat(import_id), *columns, strict=False):
            cp.write_row(row)


def _record(r: Row) -> ListRecord:
    return ListRecord(
        id=int(r["id"]),
        list_id=int(r["list_id"]),
        record_id=r["record_id"],
        line=r["line"],
        raw=json.loads(r["raw"]),
        fields={k: r[k] for k in RECORD_FIELDS},
    )


def list_records(
    db: Database, list_id: int, *, limit: int | None = None, offset: int = 0
) -> list[ListRecord]:
    """Records of a list in file order."""
    sql = "SELECT * FROM list_record WHERE list_id = ? ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [_record(r) for r in db.query(sql, (list_id,))]


def get_record(db: Database, record_pk: int) -> ListRecord:
    r = db.query_one("SELECT * FROM list_record WHERE id = ?", (record_pk,))
    if r is None:
        raise NotFound(f"no list record with id {record_pk}")
    return _record(r)

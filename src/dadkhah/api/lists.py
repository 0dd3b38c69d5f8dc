"""Use cases of victim lists: import files into lists, list them, read their records.

An import is all-or-nothing across every file given: each file is read and checked in full
first; when any file has any problem, nothing is stored and :class:`InputError` lists every
problem. Otherwise, in one transaction, each file is stored as evidence, its source recorded,
its records written and indexed, and the import audited.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dadkhah.api.case import default_actor
from dadkhah.errors import InputError, Problem, one_of
from dadkhah.ingest.lists import PreparedList, prepare_list
from dadkhah.ingest.mapping import Mapping, load_mapping
from dadkhah.ingest.tables import read_table
from dadkhah.model.sources import ListImport, ListRecord, VictimList
from dadkhah.store import Case
from dadkhah.store import lists as store_lists
from dadkhah.store.audit import record as record_audit
from dadkhah.store.evidence import store_file
from dadkhah.store.sources import create_source

__all__ = [
    "ImportMode",
    "ImportResult",
    "Progress",
    "get_list",
    "get_record",
    "import_lists",
    "list_imports",
    "list_lists",
    "list_records",
]

ImportMode = Literal["new", "replace", "append"]
MODES: tuple[str, ...] = ("new", "replace", "append")
#: progress(stage, completed, total): called as files are checked and records stored.
Progress = Callable[[str, int, int], None]

_MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one file's import did."""

    file: str
    list_name: str
    list_id: int
    list_version: int
    mode: str
    records: int
    ids_generated: bool
    evidence_id: int
    sha256: str
    format: str
    encoding: str | None


@dataclass
class _Plan:
    path: Path
    label: str
    name: str
    sha256: str
    prepared: PreparedList
    fmt: str
    encoding: str | None
    existing: VictimList | None


def _check_file(
    case: Case,
    path: Path,
    *,
    name: str,
    mode: str,
    mapping: Mapping | None,
    encoding: str | None,
    seen_sha: dict[str, str],
) -> tuple[_Plan | None, list[Problem]]:
    label = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem("file not found", file=label)]
    except OSError as e:
        return None, [Problem(f"cannot read the file: {e.strerror}", file=label)]
    sha = hashlib.sha256(data).hexdigest()
    problems: list[Problem] = []
    if sha in seen_sha:
        problems.append(Problem(f"the same bytes as {seen_sha[sha]}, given twice", file=label))
    seen_sha[sha] = label
    for earlier in store_lists.imports_of_sha256(case.db, sha):
        problems.append(
            Problem(
                f"this file (SHA-256 {sha[:12]}…) was already imported as {earlier.file_name!r} "
                f"into list {earlier.list_name!r} on {earlier.imported_at[:19]} by "
                f"{earlier.imported_by} (import {earlier.id})",
                file=label,
            )
        )
    existing = store_lists.active_list(case.db, name)
    if mode == "new" and existing is not None:
        problems.append(
            Problem(
                f"a list with this name already exists ({existing.record_count} records, imported "
                f"{existing.imported_at[:19]}); use --replace to supersede it, --append to add to "
                "it, or --list to choose another name",
                file=label,
                field="list",
                value=name,
            )
        )
    elif mode != "new" and existing is None:
        problems.append(
            Problem(
                f"there is no list with this name to {mode}", file=label, field="list", value=name
            )
        )
    table, read_problems = read_table(
        data, label, encoding=encoding or (mapping.encoding if mapping else None)
    )
    problems.extend(read_problems)
    if table is None:
        return None, problems
    existing_ids: set[str] = set()
    prefix = ""
    if mode == "append" and existing is not None:
        existing_ids = store_lists.record_ids(case.db, existing.id)
        prefix = f"{len(store_lists.list_imports(case.db, existing.id)) + 1}-"
    prepared, list_problems = prepare_list(
        table, mapping, existing_ids=existing_ids, id_prefix=prefix
    )
    problems.extend(list_problems)
    plan = _Plan(path, label, name, sha, prepared, table.format, table.encoding, existing)
    return plan, problems


def import_lists(
    case: Case,
    files: Sequence[Path | str],
    *,
    list_name: str | None = None,
    mapping: Path | str | None = None,
    encoding: str | None = None,
    source_title: str | None = None,
    mode: str = "new",
    actor: str | None = None,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import list files (each into the list named after its file stem, or ``list_name``)."""
    if mode not in MODES:
        raise InputError(f"import mode {one_of(mode, MODES)}")
    paths = [Path(f) for f in files]
    if not paths:
        raise InputError("no file to import")
    if list_name is not None and len(paths) > 1:
        raise InputError("--list names one list: import one file at a time with --list")
    if list_name is not None and not list_name.strip():
        raise InputError("the list name is empty")
    actor = actor or default_actor()
    loaded = load_mapping(Path(mapping)) if mapping is not None else None
    with _bulk():
        return _import(
            case, paths, list_name, loaded, encoding, source_title, mode, actor, progress
        )


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector: an import makes millions of small objects and no
    cycles, and collections triggered by them would take a third of the import's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    case: Case,
    paths: list[Path],
    list_name: str | None,
    loaded: Mapping | None,
    encoding: str | None,
    source_title: str | None,
    mode: str,
    actor: str,
    progress: Progress | None,
) -> list[ImportResult]:
    problems: list[Problem] = []
    plans: list[_Plan] = []
    names: dict[str, str] = {}
    seen_sha: dict[str, str] = {}
    for n, path in enumerate(paths):
        if progress:
            progress("checking", n, len(paths))
        name = list_name.strip() if list_name else path.stem
        if name in names:
            problems.append(
                Problem(f"a second file for list {name!r} (first: {names[name]})", file=str(path))
            )
        names[name] = str(path)
        plan, file_problems = _check_file(
            case, path, name=name, mode=mode, mapping=loaded, encoding=encoding, seen_sha=seen_sha
        )
        problems.extend(file_problems)
        if plan is not None:
            plans.append(plan)
    if problems:
        raise InputError(f"nothing was imported: {len(problems)} problem(s) found", problems)
    total = sum(len(p.prepared) for p in plans)
    done = 0
    results: list[ImportResult] = []

    def advance(k: int) -> None:
        nonlocal done
        done += k
        if progress:
            progress("storing", done, total)

    with case.db.transaction():
        for plan in plans:
            results.append(_store(case, plan, mode, loaded, source_title, actor, advance))
    return results


def _store(
    case: Case,
    plan: _Plan,
    mode: str,
    mapping: Mapping | None,
    source_title: str | None,
    actor: str,
    advance: Callable[[int], None],
) -> ImportResult:
    db = case.db
    item, _ = store_file(
        db,
        case.blobs,
        plan.path,
        sha256=plan.sha256,
        media_type=_MEDIA_TYPES[plan.fmt],
        actor=actor,
        title=source_title or plan.path.name,
        custody={"imported_as_list": plan.name},
    )
    if item.sha256 != plan.sha256:
        raise InputError(f"{plan.label} changed while it was being imported; import it again")
    prepared = plan.prepared
    if mode == "append" and plan.existing is not None:
        target = plan.existing
        list_id = target.id
        version = target.version
        source_id = target.source_id
    else:
        source = create_source(
            db, title=source_title or plan.path.name, source_type="list", actor=actor
        )
        source_id = source.id
        list_id = store_lists.create_list(
            db,
            plan.name,
            actor=actor,
            evidence_id=item.id,
            source_id=source.id,
            columns=prepared.columns,
            mapping=mapping.as_dict() if mapping else {},
            ids_generated=prepared.ids_generated,
            replaces=plan.existing if mode == "replace" else None,
        )
        version = (plan.existing.version + 1) if (mode == "replace" and plan.existing) else 1
    import_id = store_lists.start_import(
        db,
        list_id=list_id,
        evidence_id=item.id,
        mode=mode,
        file_name=plan.path.name,
        record_count=len(prepared),
        ids_generated=prepared.ids_generated,
        actor=actor,
    )
    store_lists.insert_records(db, list_id, import_id, prepared.batch, progress=advance)
    details: dict[str, object] = {
        "list": plan.name,
        "version": version,
        "file": plan.path.name,
        "sha256": plan.sha256,
        "evidence_id": item.id,
        "source_id": source_id,
        "import_id": import_id,
        "records": len(prepared),
        "ids_generated": prepared.ids_generated,
        "format": plan.fmt,
        "encoding": plan.encoding,
    }
    if mode == "replace" and plan.existing is not None:
        details["replaces_list_id"] = plan.existing.id
    record_audit(
        db,
        actor=actor,
        action=f"list.{'import' if mode == 'new' else mode}",
        target=f"list:{list_id}",
        details=details,
    )
    return ImportResult(
        file=plan.label,
        list_name=plan.name,
        list_id=list_id,
        list_version=version,
        mode=mode,
        records=len(prepared),
        ids_generated=prepared.ids_generated,
        evidence_id=item.id,
        sha256=plan.sha256,
        format=plan.fmt,
        encoding=plan.encoding,
    )


def list_lists(case: Case, *, include_inactive: bool = False) -> list[VictimList]:
    """The lists of a case (active versions only unless ``include_inactive``)."""
    return store_lists.list_lists(case.db, include_inactive=include_inactive)


def get_list(case: Case, name: str) -> VictimList:
    """The active list of that name (NotFound naming the lists there are otherwise)."""
    return store_lists.get_list(case.db, name)


def list_records(
    case: Case, name: str, *, limit: int | None = None, offset: int = 0
) -> list[ListRecord]:
    """Records of the active list ``name``, in file order."""
    found = store_lists.get_list(case.db, name)
    return store_lists.list_records(case.db, found.id, limit=limit, offset=offset)


def list_imports(case: Case, name: str) -> list[ListImport]:
    """The files imported into the active list ``name``."""
    return store_lists.list_imports(case.db, store_lists.get_list(case.db, name).id)


def get_record(case: Case, record_pk: int) -> ListRecord:
    """One list record by its database id (``list_record.id``)."""
    return store_lists.get_record(case.db, record_pk)

"""Use cases of evidence: add files, show an item with its custody, read a document's text.

``add`` hashes each file, copies it into the case's write-once evidence folder, records its
source and its custody, and, for HTML, PDF and text, stores the extracted text as an item derived
from it and indexes that text for search. All files given are added in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from dadkhah.api.case import default_actor
from dadkhah.errors import InputError, Problem, one_of
from dadkhah.ingest.documents import ExtractionFailed, extract_text, media_type_of
from dadkhah.model.sources import SOURCE_TYPES, CustodyEvent, EvidenceItem, Source
from dadkhah.store import Case, sha256_file
from dadkhah.store import documents as store_documents
from dadkhah.store import evidence as store_evidence
from dadkhah.store.audit import record as record_audit
from dadkhah.store.search import index_document
from dadkhah.store.sources import create_source, get_source

__all__ = [
    "AddResult",
    "EvidenceDetail",
    "add_bytes",
    "add_files",
    "document_text",
    "get_item",
    "list_evidence",
]

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class AddResult:
    """One added file: its item, whether it was new, and its extracted text item (if any)."""

    file: str
    item: EvidenceItem
    new: bool
    text_item_id: int | None
    text_chars: int | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceDetail:
    """An evidence item with its source, chain of custody and related items."""

    item: EvidenceItem
    source: Source | None
    custody: tuple[CustodyEvent, ...]
    text_item_id: int | None
    derived: tuple[EvidenceItem, ...]
    lists: tuple[str, ...]


def add_files(
    case: Case,
    files: Sequence[Path | str],
    *,
    title: str | None = None,
    source_type: str = "other",
    actor: str | None = None,
    progress: Progress | None = None,
) -> list[AddResult]:
    """Store files as evidence (hash first, then copy); extract and index their text."""
    if source_type not in SOURCE_TYPES:
        raise InputError(f"--source-type {one_of(source_type, SOURCE_TYPES)}")
    paths = [Path(f) for f in files]
    problems = [
        Problem("file not found" if not p.exists() else "not a regular file", file=str(p))
        for p in paths
        if not p.is_file()
    ]
    if not paths:
        raise InputError("no file to add")
    if problems:
        raise InputError(f"nothing was added: {len(problems)} problem(s) found", problems)
    actor = actor or default_actor()
    results: list[AddResult] = []
    with case.db.transaction():
        for n, path in enumerate(paths):
            if progress:
                progress("adding", n, len(paths))
            custody = {"path": str(path)}
            results.append(_add_one(case, path, title, source_type, actor, custody))
        if progress:
            progress("adding", len(paths), len(paths))
    return results


def add_bytes(
    case: Case,
    name: str,
    data: bytes,
    *,
    title: str | None = None,
    source_type: str = "other",
    actor: str | None = None,
) -> AddResult:
    """Store received bytes (a web upload) as evidence under their original file name."""
    base = PurePath(name.replace("\\", "/")).name.strip()
    if not base or base in (".", ".."):
        raise InputError(f"{name!r} is not a usable file name")
    with tempfile.TemporaryDirectory(prefix="dadkhah-upload-") as tmp:
        path = Path(tmp) / base
        path.write_bytes(data)
        if source_type not in SOURCE_TYPES:
            raise InputError(f"source type {one_of(source_type, SOURCE_TYPES)}")
        with case.db.transaction():
            result = _add_one(
                case, path, title, source_type, actor or default_actor(), {"upload": base}
            )
    return AddResult(
        base, result.item, result.new, result.text_item_id, result.text_chars, result.note
    )


def _add_one(
    case: Case,
    path: Path,
    title: str | None,
    source_type: str,
    actor: str,
    custody: dict[str, str],
) -> AddResult:
    db = case.db
    with path.open("rb") as f:
        head = f.read(65536)
    media_type = media_type_of(path.name, head)
    sha256, _ = sha256_file(path)
    source_id = None
    if store_evidence.evidence_by_sha256(db, sha256) is None:
        source_id = create_source(
            db, title=title or path.name, source_type=source_type, actor=actor
        ).id
    item, new = store_evidence.store_file(
        db,
        case.blobs,
        path,
        sha256=sha256,
        media_type=media_type,
        actor=actor,
        title=title or path.name,
        source_id=source_id,
        custody=custody,
    )
    if not new:
        text_id = store_documents.text_item_id(db, item.id)
        return AddResult(str(path), item, False, text_id, None, "already in the case")
    try:
        extraction = extract_text(case.blobs.read_bytes(item.sha256), media_type)
    except ExtractionFailed as e:
        log.warning("no text extracted from %s: %s", path, e)
        return AddResult(str(path), item, True, None, None, f"no text extracted: {e}")
    if extraction is None:
        return AddResult(str(path), item, True, None, None)
    text_bytes = extraction.text.encode("utf-8")
    text_item = store_evidence.evidence_by_sha256(db, hashlib.sha256(text_bytes).hexdigest())
    if text_item is None:
        text_item, _ = store_evidence.store_bytes(
            db,
            case.blobs,
            text_bytes,
            media_type="text/plain; charset=utf-8",
            actor=actor,
            original_name=f"{path.name}.txt",
            title=f"Text of {title or extraction.title or path.name}",
            derived_from=item.id,
            operation=f"extract-text: {extraction.extractor}",
            source_id=source_id,
        )
    # else: a UTF-8 text file is its own text, or the same text came from another document
    chars = len(extraction.text)
    store_documents.link_text(db, item.id, text_item.id, extraction.extractor, chars)
    index_document(db, item.id, extraction.text)
    record_audit(
        db,
        actor=actor,
        action="evidence.extract-text",
        target=f"evidence:{item.id}",
        details={
            "text_evidence_id": text_item.id,
            "extractor": extraction.extractor,
            "chars": chars,
        },
    )
    return AddResult(str(path), item, True, text_item.id, chars)


def get_item(case: Case, ref: str | int) -> EvidenceDetail:
    """An evidence item by id or SHA-256 (prefix), with its source and custody."""
    db = case.db
    item = store_evidence.resolve_evidence(db, str(ref))
    source = get_source(db, item.source_id) if item.source_id is not None else None
    derived = tuple(
        store_evidence.get_evidence(db, int(r["id"]))
        for r in db.query("SELECT id FROM evidence WHERE derived_from = ? ORDER BY id", (item.id,))
    )
    lists = tuple(
        r["name"]
        for r in db.query(
            "SELECT DISTINCT vl.name FROM list_import li JOIN victim_list vl ON vl.id = li.list_id"
            " WHERE li.evidence_id = ? ORDER BY vl.name",
            (item.id,),
        )
    )
    return EvidenceDetail(
        item=item,
        source=source,
        custody=tuple(store_evidence.custody_events(db, item.id)),
        text_item_id=store_documents.text_item_id(db, item.id),
        derived=derived,
        lists=lists,
    )


def document_text(case: Case, ref: str | int) -> str:
    """The extracted text of a document, exactly as ``dadkhah show --text`` prints it."""
    item = store_evidence.resolve_evidence(case.db, str(ref))
    return store_documents.document_text(case, item.id)


def list_evidence(case: Case, *, include_derived: bool = False) -> list[EvidenceItem]:
    """Every evidence item of the case (original files only unless ``include_derived``)."""
    sql = "SELECT id FROM evidence"
    if not include_derived:
        sql += " WHERE derived_from IS NULL"
    return [
        store_evidence.get_evidence(case.db, int(r["id"]))
        for r in case.db.query(sql + " ORDER BY id")
    ]

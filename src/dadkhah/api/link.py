"""Use cases of record linkage: link a case, list runs, review, export, evaluate."""

from __future__ import annotations

import dataclasses
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dadkhah.link import evaluation, exports, review, runner
from dadkhah.link import runs as runs_module
from dadkhah.link.features import build_features
from dadkhah.link.records import load_records
from dadkhah.link.settings import LinkSettings
from dadkhah.model.persons import LinkDecision, LinkRun, ReviewItem
from dadkhah.store import Case, open_case

CaseRef = Case | Path | str


@contextmanager
def _opened(case: CaseRef) -> Iterator[Case]:
    """An open case: the one given, or the folder opened (and closed) here."""
    if isinstance(case, Case):
        yield case
        return
    with open_case(case) as c:
        yield c


__all__ = [
    "CaseRef",
    "decide",
    "default_actor",
    "evaluate_links",
    "export_links",
    "export_persons",
    "link_case",
    "list_runs",
    "review_queue",
    "review_status",
    "runs",
    "undo_decision",
]


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without /etc/passwd entry
        return "unknown"


def link_case(
    case_path: CaseRef,
    *,
    actor: str | None = None,
    engine: str | None = None,
    settings: dict[str, Any] | None = None,
) -> LinkRun:
    """Link every record of the case's active lists into persons; store and return the run."""
    values = dict(settings or {})
    if engine is not None:
        values["engine"] = engine
    link_settings = LinkSettings.from_dict(values) if values else LinkSettings()
    with _opened(case_path) as case:
        return runner.run_linkage(case.db, link_settings, actor=actor or default_actor())


def list_runs(case_path: CaseRef) -> list[LinkRun]:
    with _opened(case_path) as case:
        return runs_module.list_runs(case.db)


def export_links(case_path: CaseRef, out: Path) -> int:
    with _opened(case_path) as case:
        return exports.export_links(case.db, Path(out))


def export_persons(case_path: CaseRef, out: Path) -> int:
    with _opened(case_path) as case:
        return exports.export_persons(case.db, Path(out))


def review_queue(case_path: CaseRef, *, limit: int | None = None) -> list[ReviewItem]:
    with _opened(case_path) as case:
        return review.open_items(case.db, limit=limit)


def decide(
    case_path: CaseRef,
    review_id: int,
    verdict: str,
    *,
    reviewer: str | None = None,
    note: str | None = None,
) -> LinkDecision | None:
    """Record ``same``, ``not_same`` or ``skip`` for a review item (audited, binding)."""
    with _opened(case_path) as case:
        return review.decide(
            case.db, review_id, verdict, reviewer=reviewer or default_actor(), note=note
        )


def undo_decision(
    case_path: CaseRef, *, reviewer: str | None = None, decision_id: int | None = None
) -> LinkDecision:
    with _opened(case_path) as case:
        return review.undo(case.db, reviewer=reviewer or default_actor(), decision_id=decision_id)


def evaluate_links(
    links_csv: Path | str, truth_csv: Path | str, *, case_path: CaseRef | None = None
) -> dict[str, Any]:
    """Pairwise and B-cubed scores of a links export against a truth file.

    With ``case_path``, also the blocking recall of the default blocking rules on that case's
    records (the truth is matched to them by list and record id).
    """
    scores, coverage, merged = evaluation.compare_files(links_csv, truth_csv)
    result: dict[str, Any] = {**scores.to_dict(), **coverage}
    if case_path is not None:
        with _opened(case_path) as case:
            records = load_records(case.db)
        feats = build_features(records)
        feats["list"] = records["list_name"].to_numpy()
        feats["record_id"] = records["record_id"].astype(str).to_numpy()
        aligned = feats.merge(
            merged[["list", "record_id", "person_id_true"]], on=["list", "record_id"]
        )
        result["blocking_recall"] = evaluation.blocking_recall(
            aligned, aligned["person_id_true"].tolist(), LinkSettings().blocking_rules
        )
    return result


def runs(case: CaseRef) -> list[dict[str, Any]]:
    """Stored runs as plain dicts (oldest first), for reports and pages."""
    with _opened(case) as c:
        if not c.db.table_exists("link_run"):
            return []
        return [dataclasses.asdict(r) for r in runs_module.list_runs(c.db)]


def review_status(case: CaseRef) -> dict[str, int]:
    """How many review items are pending (open or skipped) and decided."""
    with _opened(case) as c:
        if not c.db.table_exists("link_review"):
            return {"pending": 0, "decided": 0, "total": 0}
        counts = {
            str(r["status"]): int(r["n"])
            for r in c.db.query("SELECT status, COUNT(*) AS n FROM link_review GROUP BY status")
        }
    pending = counts.get("open", 0) + counts.get("skipped", 0)
    decided = counts.get("decided", 0)
    return {"pending": pending, "decided": decided, "total": pending + decided}


def settings_fields() -> list[str]:
    return [f.name for f in dataclasses.fields(LinkSettings)]

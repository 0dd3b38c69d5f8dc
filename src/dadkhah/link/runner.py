"""One stored linkage run over a case database: read, link, write persons, queue, record."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from dadkhah import __version__
from dadkhah.errors import LinkageError
from dadkhah.link.persons import write_persons
from dadkhah.link.pipeline import link_records
from dadkhah.link.records import input_hash, load_records
from dadkhah.link.review import active_decisions, enqueue
from dadkhah.link.runs import get_run
from dadkhah.link.settings import LinkSettings
from dadkhah.model.persons import LinkRun
from dadkhah.store import Database, audit

__all__ = ["run_linkage"]

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def run_linkage(db: Database, settings: LinkSettings, *, actor: str) -> LinkRun:
    """Link every record of the case's active lists and store the run."""
    started = _now()
    records = load_records(db)
    if records.empty:
        raise LinkageError("the case has no list records to link; import a list first")
    present = set(records["unique_id"].tolist())
    decisions = [(a, b, v) for a, b, v in active_decisions(db) if a in present and b in present]
    must = [(a, b) for a, b, v in decisions if v == "same"]
    cannot = [(a, b) for a, b, v in decisions if v == "not_same"]
    digest = input_hash(records, decisions)
    outcome = link_records(records, settings, must_link=must, cannot_link=cannot)
    decided = {x for a, b in must for x in (a, b)}
    counts = outcome.counts
    auto_links = int((outcome.pairs["match_probability"] >= settings.auto_link).sum())
    with db.transaction():
        run_id = db.insert(
            "INSERT INTO link_run (started_at, actor, engine, settings, input_hash, version, seed,"
            " record_count, person_count, pair_count, review_count, auto_links,"
            " decisions_applied, timings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                started,
                actor,
                settings.engine,
                settings.to_json(),
                digest,
                __version__,
                settings.seed,
                counts["records"],
                counts["persons"],
                counts["pairs_scored"],
                counts["review_pairs"],
                auto_links,
                len(decisions),
                json.dumps({k: round(v, 3) for k, v in outcome.timings.items()}),
            ),
        )
        db.insert(
            "INSERT INTO link_model (run_id, model, created_at) VALUES (?, ?, ?)",
            (run_id, json.dumps(outcome.model, default=str), _now()),
        )
        written = write_persons(
            db,
            run_id=run_id,
            actor=actor,
            records=records,
            assignments=outcome.assignments,
            features=outcome.features,
            decided=decided,
        )
        queued = enqueue(db, run_id, outcome.review)
        db.execute(
            "UPDATE link_run SET finished_at = ?, kept_persons = ?, new_persons = ?,"
            " retired_persons = ?, review_count = ? WHERE id = ?",
            (_now(), written.kept, written.new, written.retired, queued, run_id),
        )
        audit(
            db,
            actor=actor,
            action="link.run",
            target=f"link_run:{run_id}",
            details={
                **counts,
                "input_hash": digest,
                "engine": settings.engine,
                "kept_persons": written.kept,
                "new_persons": written.new,
                "retired_persons": written.retired,
            },
        )
    log.info("linkage run %d: %s", run_id, counts)
    return get_run(db, run_id)

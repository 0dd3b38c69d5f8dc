"""Stored linkage runs and their trained models."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dadkhah.errors import NotFound
from dadkhah.model.persons import LinkRun
from dadkhah.store import Database

__all__ = ["get_run", "latest_model", "list_runs", "row_to_run"]


def row_to_run(r: Mapping[str, Any]) -> LinkRun:
    return LinkRun(
        id=int(r["id"]),
        started_at=r["started_at"],
        finished_at=r["finished_at"],
        actor=r["actor"],
        engine=r["engine"],
        settings=json.loads(r["settings"]),
        input_hash=r["input_hash"],
        version=r["version"],
        seed=r["seed"],
        record_count=int(r["record_count"]),
        person_count=int(r["person_count"]),
        pair_count=int(r["pair_count"]),
        review_count=int(r["review_count"]),
        auto_links=int(r["auto_links"]),
        kept_persons=int(r["kept_persons"]),
        new_persons=int(r["new_persons"]),
        retired_persons=int(r["retired_persons"]),
        decisions_applied=int(r["decisions_applied"]),
        timings=json.loads(r["timings"] or "{}"),
    )


def list_runs(db: Database) -> list[LinkRun]:
    return [row_to_run(r) for r in db.query("SELECT * FROM link_run ORDER BY id")]


def get_run(db: Database, run_id: int) -> LinkRun:
    r = db.query_one("SELECT * FROM link_run WHERE id = ?", (run_id,))
    if r is None:
        raise NotFound(f"no linkage run {run_id}; see 'dadkhah runs CASE'")
    return row_to_run(r)


def latest_model(db: Database) -> dict[str, Any] | None:
    r = db.query_one("SELECT model FROM link_model ORDER BY id DESC LIMIT 1")
    return None if r is None else dict(json.loads(r["model"]))

"""Stored estimates: write an estimate of a case to ``estimate_run`` and read them back.

A stored run is immutable and self-describing: besides the result's JSON it keeps the capture
table it was computed from, so anyone can re-run it, and the posterior draws as a ``.npy`` blob.
Every write is audited in the same transaction.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from dadkhah.errors import NotFound
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import Estimate
from dadkhah.store.audit import canonical_json, record
from dadkhah.store.case import Case

__all__ = ["StoredRun", "get_run", "list_runs", "load_draws", "save_run"]


@dataclass(frozen=True)
class StoredRun:
    """One row of ``estimate_run``: its id, when and by whom, and the result as JSON data."""

    id: int
    created_at: str
    created_by: str
    stratified_by: str | None
    result: dict[str, Any]
    histories: dict[str, Any]
    draws_sha256: str | None


def _tables(histories: CaptureHistories | dict[str, CaptureHistories]) -> dict[str, Any]:
    if isinstance(histories, CaptureHistories):
        return histories.to_dict()
    return {"strata": {name: h.to_dict() for name, h in histories.items()}}


def save_run(
    case: Case,
    est: Estimate,
    histories: CaptureHistories | dict[str, CaptureHistories],
    *,
    actor: str,
    stratified_by: str | None = None,
) -> int:
    """Store ``est`` (computed from ``histories``) and audit it; return the run's id."""
    result = est.to_dict()
    draws_sha = None
    with case.db.transaction():
        if est.draws is not None:
            buf = io.BytesIO()
            np.save(buf, np.asarray(est.draws), allow_pickle=False)
            draws_sha, _ = case.blobs.put_bytes(buf.getvalue())
        run_id = case.db.insert(
            "INSERT INTO estimate_run (created_at, created_by, method, model, stratified_by,"
            " estimate, lower_bound, upper_bound, interval_prob, interval_kind, observed, lists,"
            " input_sha256, histories, settings, seed, version, seconds, draws_sha256, result)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                datetime.now(UTC).isoformat(timespec="seconds"),
                actor,
                est.method,
                est.model,
                stratified_by,
                float(est.estimate),
                _num(est.lower),
                _num(est.upper),
                est.interval_prob,
                est.interval_kind,
                int(est.observed),
                json.dumps(list(est.lists), ensure_ascii=False),
                est.input_sha256,
                canonical_json(_tables(histories)),
                canonical_json(result["settings"]),
                est.seed,
                est.version,
                float(est.seconds),
                draws_sha,
                canonical_json(result),
            ),
        )
        record(
            case.db,
            actor=actor,
            action="estimate.run",
            target=f"estimate_run:{run_id}",
            details={
                "method": est.method,
                "model": est.model,
                "estimate": result["estimate"],
                "lower": result["lower"],
                "upper": result["upper"],
                "observed": est.observed,
                "input_sha256": est.input_sha256,
                "seed": est.seed,
                "stratified_by": stratified_by,
                "draws_sha256": draws_sha,
                "version": est.version,
            },
        )
    return int(run_id)


def _num(x: float) -> float | None:
    return float(x) if x == x and abs(x) != float("inf") else None


def _stored(r: Any) -> StoredRun:
    return StoredRun(
        int(r["id"]),
        r["created_at"],
        r["created_by"],
        r["stratified_by"],
        json.loads(r["result"]),
        json.loads(r["histories"]),
        r["draws_sha256"],
    )


def list_runs(case: Case, *, method: str | None = None) -> list[StoredRun]:
    """Stored runs, oldest first (optionally of one method)."""
    sql = "SELECT * FROM estimate_run"
    params: list[Any] = []
    if method is not None:
        sql += " WHERE method = ?"
        params.append(method)
    return [_stored(r) for r in case.db.query(sql + " ORDER BY id", params)]


def get_run(case: Case, run_id: int) -> StoredRun:
    row = case.db.query_one("SELECT * FROM estimate_run WHERE id = ?", (run_id,))
    if row is None:
        raise NotFound(f"no estimate run {run_id} in this case")
    return _stored(row)


def load_draws(case: Case, run: StoredRun) -> np.ndarray | None:
    """The run's posterior draws, checked against their hash; None for methods without draws."""
    if run.draws_sha256 is None:
        return None
    data = case.blobs.read_bytes(run.draws_sha256)
    draws: np.ndarray = np.load(io.BytesIO(data), allow_pickle=False)
    return draws

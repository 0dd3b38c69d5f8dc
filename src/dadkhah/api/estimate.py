"""Use cases of estimation: estimate from a capture table or a case, compare, plot, store.

``SOURCE`` is a capture-table CSV (one 0/1 column per list and ``count``) or a case folder, from
whose linked persons the table is built. Estimates of a case are stored in ``estimate_run``
(audited); estimates of a CSV are not stored anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dadkhah.errors import EstimationError, InputError, Problem
from dadkhah.estimate import METHODS, CaptureHistories, Estimate, get_estimator
from dadkhah.estimate.from_case import case_histories, case_strata
from dadkhah.estimate.plots import (
    comparison_figure,
    posterior_figure,
    save,
    svg_text,
    trace_figure,
)
from dadkhah.estimate.runs import StoredRun, get_run, list_runs, load_draws, save_run
from dadkhah.estimate.sensitivity import SensitivityTable, sensitivity_table
from dadkhah.estimate.strata import fit_strata
from dadkhah.store.case import CONFIG_NAME, Case, open_case

__all__ = [
    "EstimateOutcome",
    "estimate",
    "estimator_settings",
    "load_histories",
    "report_estimates",
    "runs",
    "sensitivity",
    "show_run",
    "write_plots",
]

# which command-line settings each method takes (name in the estimator's constructor)
_METHOD_SETTINGS: dict[str, tuple[str, ...]] = {
    "lcmcr": ("K", "burn_in", "draws", "thin", "chains"),
    "loglinear": ("model", "max_order"),
    "dga": ("delta", "draws"),
}
_FLAG = {
    "K": "--K",
    "burn_in": "--burn-in",
    "draws": "--draws",
    "thin": "--thin",
    "chains": "--chains",
    "model": "--model",
    "max_order": "--max-order",
    "delta": "--delta",
}


@dataclass(frozen=True)
class EstimateOutcome:
    """An estimate and where it came from; ``run_id`` is set when it was stored in a case."""

    estimate: Estimate
    source: str
    source_kind: str  # "case" or "table"
    run_id: int | None = None


def is_case(source: Path) -> bool:
    return source.is_dir() and (source / CONFIG_NAME).is_file()


def estimator_settings(method: str, **given: Any) -> dict[str, Any]:
    """The settings for ``method`` from command-line values (None = not given).

    A value given for a setting the method does not take is an error, not silently ignored.
    """
    if method not in METHODS:
        raise InputError(
            f"unknown method {method!r}",
            [Problem(f"use one of: {', '.join(METHODS)}", field="--method", value=method)],
        )
    allowed = _METHOD_SETTINGS[method]
    out: dict[str, Any] = {}
    wrong = []
    for name, value in given.items():
        if value is None:
            continue
        if name == "seed":
            out["seed"] = value
        elif name in allowed:
            out[name] = value
        else:
            wrong.append(
                Problem(
                    f"does not apply to --method {method}", field=_FLAG.get(name, name), value=value
                )
            )
    if wrong:
        raise InputError(f"settings that --method {method} does not take", wrong)
    return out


def load_histories(
    source: Path | str, *, by: str | None = None
) -> CaptureHistories | dict[str, CaptureHistories]:
    """The capture table of a CSV file or a case (one table per stratum with ``by``)."""
    path = Path(source)
    if is_case(path):
        case = open_case(path)
        try:
            if by:
                return case_strata(case.db, by, source=str(path))
            return case_histories(case.db, source=str(path))
        finally:
            case.close()
    if path.is_dir():
        raise EstimationError(f"{path} is a folder but not a case (no {CONFIG_NAME})")
    if by:
        raise EstimationError(
            "--by needs a case folder: a capture-table CSV has no person fields to stratify by"
        )
    return CaptureHistories.from_csv(path)


def estimate(
    source: Path | str,
    *,
    method: str = "lcmcr",
    by: str | None = None,
    actor: str = "cli",
    store: bool = True,
    **settings: Any,
) -> EstimateOutcome:
    """Estimate the total from SOURCE (CSV or case folder) with ``method`` and its settings.

    ``settings`` are command-line values (``K``, ``burn_in``, ``draws``, ``thin``, ``chains``,
    ``model``, ``max_order``, ``delta``, ``seed``; None = default). With ``by`` the case is split into strata
    by that field, each estimated, and the total is their sum. A case estimate is stored and
    audited unless ``store`` is False.
    """
    params = estimator_settings(method, **settings)
    estimator = get_estimator(method, **params)
    path = Path(source)
    tables = load_histories(path, by=by)
    if isinstance(tables, dict):
        result = fit_strata(estimator, tables, by=by)
    else:
        result = estimator.fit(tables)
    if not is_case(path):
        return EstimateOutcome(result, str(path), "table")
    run_id = None
    if store:
        case = open_case(path)
        try:
            run_id = save_run(case, result, tables, actor=actor, stratified_by=by)
        finally:
            case.close()
    return EstimateOutcome(result, str(path), "case", run_id)


def sensitivity(source: Path | str, *, seed: int | None = None) -> SensitivityTable:
    """Every default method and model on the table of SOURCE, side by side."""
    tables = load_histories(Path(source))
    if isinstance(tables, dict):  # pragma: no cover - load_histories without by
        raise EstimationError("a sensitivity table needs one capture table")
    return sensitivity_table(tables, seed=seed)


def write_plots(
    result: Estimate | SensitivityTable, out: Path | str, *, stem: str = "estimate"
) -> list[Path]:
    """Write the figures of an estimate (posterior, traces) or of a comparison, PNG and SVG."""
    folder = Path(out)
    if isinstance(result, SensitivityTable):
        return save(comparison_figure(result), folder / f"{stem}-comparison")
    paths = save(posterior_figure(result), folder / f"{stem}-posterior")
    if result.draws is not None:
        paths += save(trace_figure(result), folder / f"{stem}-trace")
    if result.strata:
        items = [(name, est) for name, est in result.strata.items()]
        paths += save(
            comparison_figure(items, title="Estimates by stratum"), folder / f"{stem}-strata"
        )
    return paths


def runs(case_path: Path | str, *, method: str | None = None) -> list[StoredRun]:
    case = open_case(case_path)
    try:
        return list_runs(case, method=method)
    finally:
        case.close()


def show_run(case_path: Path | str, run_id: int) -> StoredRun:
    case = open_case(case_path)
    try:
        return get_run(case, run_id)
    finally:
        case.close()


def _title(run: StoredRun) -> str:
    r = run.result
    by = f", by {run.stratified_by}" if run.stratified_by else ""
    return f"{r['method']}: {r.get('model') or ''}{by} (run {run.id})"


def report_estimates(case: Case) -> list[dict[str, Any]]:
    """The latest stored run of each method, model and stratification, for the case report.

    Each item: ``title``, ``result`` (the JSON of the estimate), ``plot_svg`` (posterior) and
    ``trace_svg`` (when there are draws).
    """
    latest: dict[tuple[Any, ...], StoredRun] = {}
    for run in list_runs(case):
        latest[(run.result["method"], run.result.get("model"), run.stratified_by)] = run
    out: list[dict[str, Any]] = []
    for run in sorted(latest.values(), key=lambda r: r.id):
        draws = load_draws(case, run)
        est = Estimate.from_dict(run.result, draws=draws)
        item: dict[str, Any] = {"title": _title(run), "result": run.result, "run_id": run.id}
        if math.isfinite(est.lower) and math.isfinite(est.upper):
            item["plot_svg"] = svg_text(posterior_figure(est))
        if draws is not None:
            item["trace_svg"] = svg_text(trace_figure(est))
        out.append(item)
    return out


def summary_rows(result: Estimate) -> list[Mapping[str, Any]]:
    """Rows for a human table: the total, then each stratum."""
    rows: list[Mapping[str, Any]] = [{"label": "total", **result.to_dict()}]
    for name, est in (result.strata or {}).items():
        rows.append({"label": name, **est.to_dict()})
    return rows

"""Population estimates as the web workbench shows them: run one, list stored runs, read one with
its posterior plot, strata, settings and inputs, and compare the latest run of each method.

Wraps :mod:`dadkhah.api.estimate` (which stores and audits every run) with the workbench's
permissions: anyone logged in reads estimates; investigators and admins run them.
"""

from __future__ import annotations

import math
from typing import Any

from dadkhah.api import estimate as estimate_api
from dadkhah.api.auth import User, require
from dadkhah.errors import InputError, Problem
from dadkhah.estimate import METHODS, Estimate
from dadkhah.estimate.plots import comparison_figure, posterior_figure, svg_text, trace_figure
from dadkhah.estimate.runs import StoredRun, get_run, list_runs, load_draws
from dadkhah.store import Case

__all__ = ["METHODS", "comparison", "plot_svg", "run", "run_detail", "runs"]

_INT_SETTINGS = ("seed", "K", "burn_in", "draws", "thin", "chains")


def _summary(r: StoredRun) -> dict[str, Any]:
    res = r.result
    return {
        "id": r.id,
        "created_at": r.created_at,
        "created_by": r.created_by,
        "method": res["method"],
        "model": res.get("model"),
        "stratified_by": r.stratified_by,
        "estimate": res.get("estimate"),
        "lower": res.get("lower"),
        "upper": res.get("upper"),
        "interval_prob": res.get("interval_prob"),
        "interval_kind": res.get("interval_kind"),
        "observed": res.get("observed"),
        "seconds": res.get("seconds"),
    }


def runs(case: Case, *, user: User) -> list[dict[str, Any]]:
    """Stored estimate runs, newest first."""
    require(user, "read")
    return [_summary(r) for r in sorted(list_runs(case), key=lambda r: -r.id)]


def _settings(method: str, given: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    problems = []
    for name, text in given.items():
        text = (text or "").strip()
        if not text:
            continue
        try:
            if name in _INT_SETTINGS:
                out[name] = int(text)
            elif name == "delta":
                out[name] = float(text)
            else:
                out[name] = text
        except ValueError:
            problems.append(Problem("not a number", field=name, value=text))
    if problems:
        raise InputError("invalid estimate settings", problems)
    return out


def run(case: Case, *, user: User, method: str, by: str = "", **given: str) -> int:
    """Run an estimate on the case with ``method`` and the settings given as text; return the
    stored run's id. Investigators and admins."""
    require(user, "estimate_run")
    settings = _settings(method, given)
    outcome = estimate_api.estimate(
        case.path, method=method, by=by.strip() or None, actor=user.username, store=True, **settings
    )
    if outcome.run_id is None:  # a case estimate is always stored
        raise InputError("the estimate was not stored")
    return outcome.run_id


def _estimate(case: Case, r: StoredRun, *, with_draws: bool = True) -> Estimate:
    draws = load_draws(case, r) if with_draws else None
    return Estimate.from_dict(r.result, draws=draws)


def run_detail(case: Case, run_id: int, *, user: User) -> dict[str, Any]:
    """One stored run: the full result, its capture table(s) and the strata, as plain data."""
    require(user, "read")
    r = get_run(case, run_id)
    res = r.result
    strata = [{"name": name, **s} for name, s in (res.get("strata") or {}).items()]
    tables = r.histories.get("strata") or ({"": r.histories} if r.histories else {})
    inputs = [
        {
            "stratum": name,
            "lists": t.get("lists", []),
            "observed": t.get("observed"),
            "sha256": t.get("sha256"),
            "rows": sorted(t.get("counts", {}).items(), key=lambda kv: kv[0], reverse=True),
        }
        for name, t in tables.items()
    ]
    return {
        "run": _summary(r),
        "result": res,
        "strata": strata,
        "inputs": inputs,
        "has_draws": r.draws_sha256 is not None,
    }


def plot_svg(case: Case, run_id: int, kind: str, *, user: User) -> str:
    """The SVG of a run's ``posterior`` or ``trace`` figure."""
    require(user, "read")
    r = get_run(case, run_id)
    est = _estimate(case, r)
    if kind == "trace":
        if est.draws is None:
            raise InputError(
                "this run has no draws to trace", [Problem("no draws", field="kind", value=kind)]
            )
        return svg_text(trace_figure(est))
    if kind != "posterior":
        raise InputError(
            "unknown plot", [Problem("use posterior or trace", field="kind", value=kind)]
        )
    if not (math.isfinite(est.lower) and math.isfinite(est.upper)):
        raise InputError("this run has no finite interval to plot")
    return svg_text(posterior_figure(est))


def _latest_per_method(case: Case) -> list[StoredRun]:
    latest: dict[tuple[Any, ...], StoredRun] = {}
    for r in list_runs(case):
        if r.stratified_by:
            continue
        latest[(r.result["method"], r.result.get("model"))] = r
    return sorted(latest.values(), key=lambda r: (r.result["method"], str(r.result.get("model"))))


def comparison(case: Case, *, user: User) -> list[dict[str, Any]]:
    """The latest unstratified run of each method and model, side by side."""
    require(user, "read")
    return [_summary(r) for r in _latest_per_method(case)]


def comparison_svg(case: Case, *, user: User) -> str:
    require(user, "read")
    items = [
        (
            f"{r.result['method']} {r.result.get('model') or ''}".strip(),
            _estimate(case, r, with_draws=False),
        )
        for r in _latest_per_method(case)
    ]
    if not items:
        raise InputError("no estimates to compare yet")
    return svg_text(comparison_figure(items, title="Method comparison"))

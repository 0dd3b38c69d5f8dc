"""Dadkhah's estimators side by side with R's LCMCR, Rcapture and dga, in the same run.

Runs only where ``Rscript`` and the three R packages are installed; their library folder is read
from the environment variable ``DADKHAH_R_LIBS`` (default ``/work/rlib``). Without them it exits
with status 2 and says what is missing. The R side is ``bench/estimate/vs_r.R``.

1. Speed: single-chain Gibbs iterations per second with K=10 on the tables ``speed.py`` uses
   (Kosovo, 4 lists; a simulated 5-list table), R's LCMCR timed inside R around ``Update`` (CPU
   time of the R process, setup and a 1,000-iteration warm-up excluded) and ours with
   ``speed.rate`` (CPU time of the sampling thread), alternating R and ours; then our rate with 2
   chains in parallel (total iterations / wall seconds, compilation excluded).
2. Accuracy: on the tables of ``shared/data/mse`` (when present) and simulated tables with a known
   total, every named log-linear model against Rcapture's ``closedp.t``, ``best-bic`` against
   ``closedpMS.t`` + ``closedpCI.t``, the latent-class median against ``lcmCR`` (K=10,
   a=b=0.25, burn-in 10,000, 10,000 draws, thinning 100) and dga against ``bma.cr`` (delta 2^-J,
   1/N prior, every decomposable graph). Differences beyond the issue's thresholds are flagged;
   on simulated tables the coverage of the truth by each interval is reported.

Usage: python bench/estimate/vs_r.py [--quick] [--out bench/results]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from dadkhah import __version__
from dadkhah.estimate import CaptureHistories, get_estimator
from dadkhah.estimate.examples import kosovo
from dadkhah.estimate.loglinear_models import NAMED_MODELS, RCAPTURE_LABELS
from dadkhah.simulate import simulate_captures
from dadkhah.simulate.scenario import scenario_settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from speed import five_lists, rate  # noqa: E402

R_SCRIPT = HERE / "vs_r.R"
DEFAULT_R_LIBS = "/work/rlib"
SHARED = Path(os.environ.get("DADKHAH_SHARED", HERE.parents[1].parent / "shared"))
SHARED_MSE = SHARED / "data" / "mse"

LOGLINEAR_TOL = 0.005  # each named model's abundance within 0.5% of Rcapture's
BAYES_TOL = 0.03  # latent-class and dga medians within 3% of R's
OUR_SEEDS = (1, 2)

#: simulated tables: (lists, people, heterogeneity, list dependence factor, seed)
SIMULATIONS: tuple[tuple[int, int, float, float, int], ...] = tuple(
    (lists, persons, het, dep, 7000 + 100 * lists + i)
    for lists in (3, 4, 5)
    for i, (persons, het, dep) in enumerate(
        (
            (2000, 0.0, 0.0),
            (3000, 1.0, 1.0),
            (5000, 2.0, 1.0),
            (1500, 1.0, 2.0),
            (8000, 0.5, 0.5),
            (300, 1.0, 1.0),
        )
    )
)


# ------------------------------------------------------------------ R side
def rscript() -> str:
    """Path of Rscript with the three packages loadable; exit with a clear message otherwise."""
    exe = shutil.which("Rscript")
    if exe is None:
        _missing("Rscript not found on PATH; install R (see docs/estimation.md)")
    proc = subprocess.run(
        [exe, str(R_SCRIPT), "check"], capture_output=True, text=True, env=_r_env(), check=False
    )
    if proc.returncode != 0:
        _missing(
            "the R packages LCMCR, Rcapture and dga are not all loadable from "
            f"DADKHAH_R_LIBS={_r_env()['DADKHAH_R_LIBS']}:\n{proc.stderr.strip()}"
        )
    return exe


def _missing(message: str) -> NoReturn:
    print(f"vs_r.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _r_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DADKHAH_R_LIBS", DEFAULT_R_LIBS)
    return env


def run_r(exe: str, *args: str) -> list[dict[str, Any]]:
    """Run vs_r.R with ``args`` (the last but optional ones name the output CSV) and read it."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.csv"
        argv = [exe, str(R_SCRIPT), *[str(out) if a == "{out}" else a for a in args]]
        proc = subprocess.run(argv, capture_output=True, text=True, env=_r_env(), check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"R failed ({' '.join(args)}): {proc.stderr.strip()[-2000:]}")
        with out.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    for row in rows:
        for key in ("estimate", "lower", "upper", "stderr", "aic", "bic", "seconds"):
            row[key] = _num(row.get(key))
    return rows


def _num(text: str | None) -> float | None:
    try:
        value = float(text) if text not in (None, "", "NA") else None
    except ValueError:
        return None
    return value if value is None or np.isfinite(value) else None


# ------------------------------------------------------------------ tables
@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    table: CaptureHistories
    truth: int | None
    description: str


def simulated(lists: int, persons: int, het: float, dep: float, seed: int) -> Case:
    settings = scenario_settings("1988", persons, seed, lists, heterogeneity=het)
    settings = dataclasses.replace(
        settings,
        lists=tuple(
            dataclasses.replace(item, copies_from={k: v * dep for k, v in item.copies_from.items()})
            for item in settings.lists
        ),
    )
    sample = simulate_captures(persons, seed, settings=settings)
    table = CaptureHistories(sample.lists, sample.patterns, sample.counts)
    name = f"sim{lists}-N{persons}-h{het:g}-d{dep:g}"
    return Case(name, table, sample.n_true, f"simulated, {lists} lists, seed {seed}")


def cases(quick: bool) -> list[Case]:
    out: list[Case] = []
    for stem in ("kosovo", "dga_MY3", "hare"):
        path = SHARED_MSE / f"{stem}.csv"
        if path.exists():
            out.append(Case(stem, CaptureHistories.from_csv(path), None, "shared/data/mse"))
    sims = SIMULATIONS if not quick else SIMULATIONS[::3]
    out.extend(simulated(*spec) for spec in sims)
    return out


# ------------------------------------------------------------------ speed
def speed(exe: str, iterations: int, alternations: int) -> dict[str, Any]:
    tables = {"kosovo (4 lists)": kosovo(), "simulated (5 lists)": five_lists()}
    result: dict[str, Any] = {"iterations": iterations, "alternations": alternations}
    with tempfile.TemporaryDirectory() as tmp:
        for name, table in tables.items():
            path = Path(tmp) / "table.csv"
            table.full_table().to_csv(path)
            r_cpu: list[float] = []
            r_wall: list[float] = []
            ours_cpu: list[float] = []
            ours_wall: list[float] = []
            rate(table, 1000, repeats=1)  # compile or load numba's cache outside the timing
            for _ in range(alternations):
                for row in run_r(exe, "speed", str(path), str(iterations), "1", "{out}"):
                    r_cpu.append(float(row["estimate"]))
                    r_wall.append(float(row["note"].split("=")[1]))
                ours = rate(table, iterations, repeats=1)
                ours_cpu.append(ours["iterations_per_second_cpu"])
                ours_wall.append(ours["iterations_per_second_wall"])
            result[name] = {
                "lists": table.n_lists,
                "patterns": int((table.counts > 0).sum()),
                "r_lcmcr_cpu": r_cpu,
                "r_lcmcr_wall": r_wall,
                "dadkhah_cpu": ours_cpu,
                "dadkhah_wall": ours_wall,
                "ratio_cpu_median": float(np.median(ours_cpu) / np.median(r_cpu)),
                "ratio_wall_median": float(np.median(ours_wall) / np.median(r_wall)),
                "ratio_cpu_best": float(max(ours_cpu) / max(r_cpu)),
                "two_chains": two_chain_rate(table),
            }
    return result


def two_chain_rate(table: CaptureHistories) -> dict[str, float]:
    """Total iterations per wall second of a default 2-chain estimate (compilation excluded)."""
    fit_quiet("lcmcr", table, seed=1, chains=2, burn_in=1000, draws=100, thin=10)  # warm-up
    est = get_estimator("lcmcr", seed=2, chains=2)
    settings = est.settings()
    total = settings["chains"] * (settings["burn_in"] + settings["draws"] * settings["thin"])
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        est.fit(table)
    wall = time.perf_counter() - started
    return {"total_iterations": float(total), "seconds_wall": wall, "rate_wall": total / wall}


# ------------------------------------------------------------------ accuracy
def rel(ours: float | None, ref: float | None) -> float | None:
    if ours is None or ref is None or ref == 0:
        return None
    return (ours - ref) / ref


def covers(lower: float | None, upper: float | None, truth: int | None) -> bool | None:
    if truth is None or lower is None:
        return None
    return bool(lower <= truth and (upper is None or truth <= upper))


def terms(model: str) -> frozenset[str]:
    """A hierarchical model name as a set of generators, each with its digits sorted."""
    inner = model.strip().strip("[]")
    return frozenset("".join(sorted(t)) for t in inner.split(",") if t)


def fit_quiet(method: str, table: CaptureHistories, **settings: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return get_estimator(method, **settings).fit(table)


def compare_case(exe: str, case: Case, tmp: Path) -> dict[str, Any]:
    path = tmp / f"{case.name}.csv"
    case.table.full_table().to_csv(path)
    started = time.perf_counter()
    r_rows = run_r(exe, "estimate", str(path), "1", "{out}")
    r_seconds = time.perf_counter() - started
    out: dict[str, Any] = {
        "table": case.name,
        "description": case.description,
        "lists": case.table.n_lists,
        "observed": case.table.observed,
        "truth": case.truth,
        "r_seconds": r_seconds,
    }
    by_method: dict[str, list[dict[str, Any]]] = {}
    for row in r_rows:
        by_method.setdefault(row["method"], []).append(row)

    # named log-linear models
    named = []
    r_named = {row["model"].rstrip("*"): row for row in by_method.get("rcapture-closedp", [])}
    for name in NAMED_MODELS:
        ref = r_named.get(RCAPTURE_LABELS[name])
        try:
            ours = fit_quiet("loglinear", case.table, model=name).estimate
            err = None
        except Exception as e:
            ours, err = None, f"{type(e).__name__}: {e}"
        diff = rel(ours, ref["estimate"] if ref else None)
        named.append(
            {
                "model": name,
                "r": ref["estimate"] if ref else None,
                "r_info": ref["note"] if ref else None,
                "ours": ours,
                "rel_diff": diff,
                "flag": diff is not None and abs(diff) > LOGLINEAR_TOL,
                "error": err,
            }
        )
    out["loglinear_named"] = named

    # best-bic search and its profile interval
    ms = by_method.get("rcapture-ms", [])
    ci = (by_method.get("rcapture-ci") or [None])[0]
    max_order = 2 if case.table.n_lists >= 6 else None
    ours_bic = fit_quiet("loglinear", case.table, model="best-bic", max_order=max_order)
    r_best = ms[0]["model"] if ms else None
    out["best_bic"] = {
        "r_model": r_best,
        "r_runner_up": ms[1]["model"] if len(ms) > 1 else None,
        "r_delta_bic": (ms[1]["bic"] - ms[0]["bic"]) if len(ms) > 1 else None,
        "r_estimate": ci["estimate"] if ci else None,
        "r_lower": ci["lower"] if ci else None,
        "r_upper": ci["upper"] if ci else None,
        "r_note": ci["note"] if ci else None,
        "ours_model": ours_bic.model,
        "ours_estimate": ours_bic.estimate,
        "ours_lower": ours_bic.lower,
        "ours_upper": ours_bic.upper,
        "same_model": r_best is not None and terms(r_best) == terms(ours_bic.model or ""),
        "rel_diff": rel(ours_bic.estimate, ci["estimate"] if ci else None),
        "rel_diff_lower": rel(ours_bic.lower, ci["lower"] if ci else None),
        "rel_diff_upper": rel(ours_bic.upper, ci["upper"] if ci else None),
        "r_covers": covers(ci["lower"], ci["upper"], case.truth) if ci else None,
        "ours_covers": covers(ours_bic.lower, ours_bic.upper, case.truth),
    }
    bb = out["best_bic"]
    bb["flag"] = (not bb["same_model"]) or (
        bb["rel_diff"] is not None and abs(bb["rel_diff"]) > LOGLINEAR_TOL
    )

    # latent classes
    r_lc = (by_method.get("lcmcr") or [None])[0]
    ours_lc = []
    for seed in OUR_SEEDS:
        est = fit_quiet("lcmcr", case.table, seed=seed)
        ours_lc.append(
            {
                "seed": seed,
                "median": est.estimate,
                "lower": est.lower,
                "upper": est.upper,
                "mcse_median": est.diagnostics.get("mcse_median"),
                "rhat": est.diagnostics.get("rhat"),
                "rel_diff": rel(est.estimate, r_lc["estimate"] if r_lc else None),
                "covers": covers(est.lower, est.upper, case.truth),
            }
        )
    out["lcmcr"] = {
        "r_median": r_lc["estimate"] if r_lc else None,
        "r_lower": r_lc["lower"] if r_lc else None,
        "r_upper": r_lc["upper"] if r_lc else None,
        "r_seconds": r_lc["seconds"] if r_lc else None,
        "r_covers": covers(r_lc["lower"], r_lc["upper"], case.truth) if r_lc else None,
        "ours": ours_lc,
        "flag": any(o["rel_diff"] is not None and abs(o["rel_diff"]) > BAYES_TOL for o in ours_lc),
    }

    # dga
    r_dga = (by_method.get("dga") or [None])[0]
    if r_dga is not None:
        est = fit_quiet("dga", case.table, seed=1)
        diff = rel(est.estimate, r_dga["estimate"])
        out["dga"] = {
            "r_median": r_dga["estimate"],
            "r_lower": r_dga["lower"],
            "r_upper": r_dga["upper"],
            "r_note": r_dga["note"],
            "ours_median": est.estimate,
            "ours_lower": est.lower,
            "ours_upper": est.upper,
            "rel_diff": diff,
            "rel_diff_lower": rel(est.lower, r_dga["lower"]),
            "rel_diff_upper": rel(est.upper, r_dga["upper"]),
            "r_covers": covers(r_dga["lower"], r_dga["upper"], case.truth),
            "ours_covers": covers(est.lower, est.upper, case.truth),
            "flag": diff is not None and abs(diff) > BAYES_TOL,
        }
    return out


def coverage_gaps(row: dict[str, Any]) -> list[str]:
    """Methods whose R interval covers the truth while ours does not."""
    gaps = []
    bb = row["best_bic"]
    if bb["r_covers"] and bb["ours_covers"] is False:
        gaps.append("loglinear best-bic")
    lc = row["lcmcr"]
    if lc["r_covers"] and any(o["covers"] is False for o in lc["ours"]):
        gaps.append("lcmcr")
    dga = row.get("dga")
    if dga and dga["r_covers"] and dga["ours_covers"] is False:
        gaps.append("dga")
    return gaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="one simulated table per 3 (a smoke run)"
    )
    parser.add_argument("--iterations", type=int, default=300_000)
    parser.add_argument("--alternations", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument(
        "--only", nargs="*", default=None, help="tables whose name contains one of these"
    )
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()
    logging.getLogger("dadkhah").setLevel(logging.ERROR)  # warnings are in the results
    exe = rscript()
    versions = subprocess.run(
        [exe, str(R_SCRIPT), "check"], capture_output=True, text=True, env=_r_env(), check=True
    ).stdout.strip()
    started = time.perf_counter()
    results: dict[str, Any] = {
        "version": __version__,
        "r": versions,
        "machine": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_start": os.getloadavg(),
        "thresholds": {"loglinear": LOGLINEAR_TOL, "bayes_median": BAYES_TOL},
        "our_seeds": OUR_SEEDS,
    }
    if not args.skip_speed:
        results["speed"] = speed(exe, args.iterations, args.alternations)
        print(json.dumps(results["speed"], default=float), flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases(args.quick):
            if args.only and not any(part in case.name for part in args.only):
                continue
            row = compare_case(exe, case, Path(tmp))
            row["coverage_gaps"] = coverage_gaps(row)
            rows.append(row)
            print(json.dumps(summary_line(row), default=float), flush=True)
    results["cases"] = rows
    results["seconds"] = time.perf_counter() - started
    results["load_average_end"] = os.getloadavg()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "estimate_vs_r.json").write_text(json.dumps(results, indent=2, default=float))
    from vs_r_report import markdown

    (args.out / "estimate_vs_r.md").write_text(markdown(results))
    print(markdown(results))


def summary_line(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "table": row["table"],
        "named_flags": [n["model"] for n in row["loglinear_named"] if n["flag"]],
        "best_bic": [row["best_bic"]["r_model"], row["best_bic"]["ours_model"]],
        "lcmcr": [row["lcmcr"]["r_median"], [o["median"] for o in row["lcmcr"]["ours"]]],
        "dga": [row.get("dga", {}).get("r_median"), row.get("dga", {}).get("ours_median")],
        "gaps": row["coverage_gaps"],
    }


if __name__ == "__main__":
    main()

"""Simulation study: bias and coverage of the 95% interval, per method, on simulated cases.

Cases come from ``dadkhah.simulate.simulate_captures`` (the project's 1988-style simulator: a
latent prominence shared by the lists, affiliation, region and prison effects, lists copying
from others), so the truth N is known. For each number of lists and replicate, every method runs
on the same table:

- ``lcmcr``: latent classes, K=10, shorter chains than the default to keep the study quick
  (burn-in 5,000, 1,000 draws per chain, thinning 20, 2 chains);
- ``loglinear``: the hierarchical model chosen by BIC (``best-bic``), profile-likelihood interval;
- ``dga``: decomposable-graph model averaging, delta 2^-J (3 to 5 lists only).

Reported per method and number of lists: mean and median relative error of the point estimate,
coverage of the 95% interval, median interval width relative to N, and failures (a method that
raised an error). Heterogeneity that no list sees is not identifiable: where the capture
probabilities of some people are low on every list, every method is biased low, and the study
shows how far.

Usage: python bench/estimate/study.py [--replicates 6] [--persons 3000] [--out bench/results]
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from dadkhah import __version__
from dadkhah.errors import DadkhahError
from dadkhah.estimate import CaptureHistories, get_estimator
from dadkhah.simulate import simulate_captures

METHODS: dict[str, dict[str, Any]] = {
    "lcmcr": {"burn_in": 5000, "draws": 1000, "thin": 20, "chains": 2},
    "loglinear": {"model": "best-bic"},
    "dga": {},
}


def run(replicates: int, persons: int, lists_options: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n_lists in lists_options:
        for rep in range(replicates):
            seed = 1000 * n_lists + rep
            sample = simulate_captures(persons, seed, n_lists=n_lists)
            try:
                table = CaptureHistories(sample.lists, sample.patterns, sample.counts)
            except DadkhahError as e:
                rows.append(
                    {"lists": n_lists, "replicate": rep, "method": "(table)", "error": str(e)}
                )
                continue
            for method, settings in METHODS.items():
                row: dict[str, Any] = {
                    "lists": n_lists,
                    "replicate": rep,
                    "seed": seed,
                    "method": method,
                    "truth": sample.n_true,
                    "observed": table.observed,
                }
                started = time.perf_counter()
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        est = get_estimator(method, seed=seed, **settings).fit(table)
                except DadkhahError as e:
                    row["error"] = str(e)
                else:
                    row.update(
                        {
                            "estimate": est.estimate,
                            "lower": est.lower,
                            "upper": est.upper,
                            "model": est.model,
                            "covers": bool(est.lower <= sample.n_true <= est.upper),
                            "relative_error": (est.estimate - sample.n_true) / sample.n_true,
                            "warnings": list(est.warnings),
                        }
                    )
                row["seconds"] = time.perf_counter() - started
                rows.append(row)
                print(
                    json.dumps(
                        {
                            k: row.get(k)
                            for k in (
                                "lists",
                                "replicate",
                                "method",
                                "truth",
                                "observed",
                                "estimate",
                                "lower",
                                "upper",
                                "covers",
                                "error",
                            )
                        },
                        default=float,
                    ),
                    flush=True,
                )
    return rows


def summarize(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    keys = sorted({(r["method"], r["lists"]) for r in rows if r["method"] != "(table)"})
    for method, n_lists in keys:
        group = [r for r in rows if r["method"] == method and r["lists"] == n_lists]
        ok = [r for r in group if "error" not in r]
        rel = np.array([r["relative_error"] for r in ok]) if ok else np.array([np.nan])
        width = (
            np.array([(r["upper"] - r["lower"]) / r["truth"] for r in ok])
            if ok
            else np.array([np.nan])
        )
        out.append(
            {
                "method": method,
                "lists": n_lists,
                "cases": len(group),
                "failures": len(group) - len(ok),
                "mean_relative_error": float(np.mean(rel)),
                "median_relative_error": float(np.median(rel)),
                "coverage_95": float(np.mean([r["covers"] for r in ok])) if ok else float("nan"),
                "median_relative_width": float(np.median(width)),
            }
        )
    return out


def markdown(summary: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    lines = [
        "# Simulation study: bias and coverage per method",
        "",
        f"{meta['replicates']} simulated cases per number of lists, {meta['persons']:,} people "
        f"each (1988 scenario of `dadkhah.simulate`), Dadkhah {meta['version']}, "
        f"{meta['seconds']:.0f} s. Generated by `bench/estimate/study.py`.",
        "",
        "| method | lists | cases | failures | mean rel. error | median rel. error | "
        "95% coverage | median width / N |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in summary:
        lines.append(
            f"| {s['method']} | {s['lists']} | {s['cases']} | {s['failures']} | "
            f"{s['mean_relative_error']:+.1%} | {s['median_relative_error']:+.1%} | "
            f"{s['coverage_95']:.0%} | {s['median_relative_width']:.1%} |"
        )
    lines += [
        "",
        "Negative errors are underestimates. Coverage is the share of cases whose "
        "interval holds the true N; with this few cases it is rough (one case is "
        f"{1 / max(meta['replicates'], 1):.0%}).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicates", type=int, default=6)
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--lists", type=int, nargs="+", default=[3, 4, 5])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()
    started = time.perf_counter()
    rows = run(args.replicates, args.persons, args.lists)
    summary = summarize(rows)
    meta = {
        "replicates": args.replicates,
        "persons": args.persons,
        "lists": args.lists,
        "version": __version__,
        "seconds": time.perf_counter() - started,
        "methods": METHODS,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "estimate_study.json").write_text(
        json.dumps({"meta": meta, "summary": summary, "cases": rows}, indent=2, default=float)
    )
    (args.out / "estimate_study.md").write_text(markdown(summary, meta))
    print(markdown(summary, meta))


if __name__ == "__main__":
    main()

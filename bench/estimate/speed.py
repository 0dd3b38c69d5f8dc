"""Speed of the latent-class Gibbs sampler: iterations per second with K=10 on 4 and 5 lists.

It needs nothing but Dadkhah, so the ratio it reports is against the published single-thread
rate of R's LCMCR on this kind of machine (shared/data/mse/README.md: about 63,000-76,000
iterations/s on 5 lists, 74,000-87,000 on 4 lists); bench/estimate/vs_r.py measures R's rate
side by side where R and LCMCR are installed.

Two rates are reported per table: one chain's (CPU time of one thread: the rate to compare with
R's single-threaded sampler thread for thread), and the summed rate of as many chains as the
machine has cores run at once in threads, as an estimate runs them by default (wall time).

Usage: python bench/estimate/speed.py [--iterations 300000] [--out bench/results]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from dadkhah import __version__
from dadkhah.estimate import CaptureHistories
from dadkhah.estimate.examples import kosovo
from dadkhah.estimate.lcmcr import LatentClassEstimator
from dadkhah.estimate.lcmcr_kernel import run_chain
from dadkhah.estimate.variates import State, new_state

R_RATE = {4: (74_000, 87_000), 5: (63_000, 76_000)}


def five_lists() -> CaptureHistories:
    """A 5-list table from the project's simulator (5,000 people, 1988 scenario, seed 1)."""
    from dadkhah.simulate import simulate_captures

    sample = simulate_captures(5000, 1, n_lists=5)
    return CaptureHistories(sample.lists, sample.patterns, sample.counts)


def rate(table: CaptureHistories, iterations: int, repeats: int = 3) -> dict[str, float]:
    nz = table.nonzero()
    state = new_state(np.random.SeedSequence(1).generate_state(4, dtype=np.uint64))
    run_chain(nz.patterns, nz.counts, 10, 0.25, 0.25, 10, 10, 1, state)  # compile / load cache
    best_wall, best_cpu = 0.0, 0.0
    for r in range(repeats):
        state = new_state(np.random.SeedSequence(r).generate_state(4, dtype=np.uint64))
        w0, c0 = time.perf_counter(), time.thread_time()
        run_chain(
            nz.patterns, nz.counts, 10, 0.25, 0.25, iterations // 2, iterations // 2, 1, state
        )
        wall, cpu = time.perf_counter() - w0, time.thread_time() - c0
        best_wall = max(best_wall, iterations / wall)
        best_cpu = max(best_cpu, iterations / cpu)
    return {"iterations_per_second_wall": best_wall, "iterations_per_second_cpu": best_cpu}


def parallel_rate(table: CaptureHistories, iterations: int, chains: int) -> float:
    """Iterations per second of ``chains`` chains run at once in threads (as ``fit`` runs them),
    summed over the chains: the throughput of an estimate on this machine, not one chain's rate."""
    nz = table.nonzero()
    states = [
        new_state(np.random.SeedSequence(100 + c).generate_state(4, dtype=np.uint64))
        for c in range(chains)
    ]

    def one(state: State) -> None:
        run_chain(
            nz.patterns, nz.counts, 10, 0.25, 0.25, iterations // 2, iterations // 2, 1, state
        )

    best = 0.0
    with ThreadPoolExecutor(max_workers=chains) as pool:
        for _ in range(3):
            w0 = time.perf_counter()
            list(pool.map(one, states))
            best = max(best, chains * iterations / (time.perf_counter() - w0))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=300_000)
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()
    results: dict[str, object] = {
        "version": __version__,
        "machine": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "K": 10,
        "r_reference": "published LCMCR rates (shared/data/mse/README.md); side by side: estimate_vs_r.md",
    }
    tables = {"kosovo (4 lists)": kosovo(), "simulated (5 lists)": five_lists()}
    for name, table in tables.items():
        r = rate(table, args.iterations)
        chains = os.cpu_count() or 1
        r["parallel_chains"] = chains
        r["iterations_per_second_all_chains"] = parallel_rate(table, args.iterations, chains)
        lo, hi = R_RATE[table.n_lists]
        r.update(
            {
                "lists": table.n_lists,
                "patterns": int((table.counts > 0).sum()),
                "observed": table.observed,
                "ratio_to_r_low": r["iterations_per_second_cpu"] / hi,
                "ratio_to_r_high": r["iterations_per_second_cpu"] / lo,
                "all_chains_ratio_to_r_low": r["iterations_per_second_all_chains"] / hi,
                "all_chains_ratio_to_r_high": r["iterations_per_second_all_chains"] / lo,
            }
        )
        results[name] = r
        print(
            f"{name}: {r['iterations_per_second_cpu']:,.0f} it/s (CPU time), "
            f"{r['iterations_per_second_wall']:,.0f} it/s (wall); "
            f"{r['ratio_to_r_low']:.2f}-{r['ratio_to_r_high']:.2f}x R's published rate; "
            f"{chains} chains at once: {r['iterations_per_second_all_chains']:,.0f} it/s in all, "
            f"{r['all_chains_ratio_to_r_low']:.2f}-{r['all_chains_ratio_to_r_high']:.2f}x"
        )
    table = tables["simulated (5 lists)"]
    t0 = time.perf_counter()
    est = LatentClassEstimator(seed=1).fit(table)
    seconds = time.perf_counter() - t0
    results["default_estimate_5_lists"] = {
        "seconds_wall": seconds,
        "settings": dict(est.settings),
        "median": est.estimate,
        "interval": [est.lower, est.upper],
        "rhat": est.diagnostics["rhat"],
        "ess": est.diagnostics["ess"],
    }
    print(f"default 5-list estimate: {seconds:.1f} s wall ({dict(est.settings)})")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "estimate_speed.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()

"""Benchmark: time and peak memory of `dadkhah simulate` at several sizes.

Run: PYTHONPATH=src python bench/simulate/run.py [--sizes 3000,30000,300000,650000]
Writes bench/simulate/results.json and prints a table. Each size runs in a fresh process so the
peak memory is that size's own.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(n: int, seed: int) -> dict[str, object]:
    from dadkhah import __version__
    from dadkhah.simulate import scenario_1988, simulate_captures, simulate_case, write_case

    settings = scenario_1988(n, seed)
    started = time.perf_counter()
    sim = simulate_case(settings)
    simulated = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        write_case(sim, folder)
    written = time.perf_counter() - started
    started = time.perf_counter()
    simulate_captures(n, seed)
    fast = time.perf_counter() - started
    return {
        "persons": n,
        "records": int(sum(len(f) for f in sim.lists.values())),
        "observed": int(sim.captured.any(axis=1).sum()),
        "simulate_s": round(simulated, 2),
        "simulate_and_write_s": round(written, 2),
        "captures_only_s": round(fast, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "version": __version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="3000,30000,300000,650000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.seed)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1], flush=True)
    result = {"machine": f"{platform.machine()}, {platform.python_version()}", "runs": rows}
    (HERE / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

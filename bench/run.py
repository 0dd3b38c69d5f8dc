"""Run the benchmarks (``make bench``): each writes its results under bench/results/.

Usage: python bench/run.py [NAME ...]   (names: import, simulate, estimate, link, web)
Benchmarks compare against the reference tool in the same run where one is installed, and say
so where it is not (R is not on the development machines).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SUITES: dict[str, list[str]] = {
    "import": ["import/run.py"],
    "simulate": ["simulate/run.py"],
    "estimate": ["estimate/speed.py", "estimate/loglinear_dga_speed.py", "estimate/study.py"],
    "link": ["link/run.py"],
    "web": ["web/run.py"],
}


def main(argv: list[str]) -> int:
    wanted = argv or list(SUITES)
    unknown = [w for w in wanted if w not in SUITES]
    if unknown:
        print(f"unknown benchmark(s) {unknown}; choose from {list(SUITES)}", file=sys.stderr)
        return 2
    env = {**os.environ, "PYTHONPATH": str(ROOT.parent / "src")}
    failed = []
    for name in wanted:
        for script in SUITES[name]:
            path = ROOT / script
            if not path.is_file():
                print(f"-- {name}: {script} is not there, skipped")
                continue
            print(f"== {name}: {script}", flush=True)
            started = time.perf_counter()
            rc = subprocess.call([sys.executable, str(path)], env=env, cwd=ROOT.parent)
            print(f"-- {script}: exit {rc} in {time.perf_counter() - started:.0f} s", flush=True)
            if rc != 0:
                failed.append(script)
    if failed:
        print(f"failed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

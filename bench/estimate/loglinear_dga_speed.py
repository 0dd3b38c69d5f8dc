"""Time the log-linear model search and dga on the reference tables; write the results.

Run from the repository root: ``python bench/estimate/loglinear_dga_speed.py``. Results go to
``bench/results/loglinear_dga_speed.json`` (best of three runs, seconds).
"""

from __future__ import annotations

import json
import platform
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from dadkhah.estimate.dga import Dga
from dadkhah.estimate.examples import kosovo
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.loglinear import LogLinear

HERE = Path(__file__).resolve().parent

# Madigan & York's five-list example (dga's help pages), R array order: first list fastest
MY5 = [
    0,
    27,
    37,
    19,
    4,
    4,
    1,
    1,
    97,
    22,
    37,
    25,
    2,
    1,
    3,
    5,
    83,
    36,
    34,
    18,
    3,
    5,
    0,
    2,
    30,
    5,
    23,
    8,
    0,
    3,
    0,
    2,
]


def my5() -> CaptureHistories:
    patterns = np.array([[(i >> k) & 1 for k in range(5)] for i in range(1, 32)])
    return CaptureHistories(("A", "B", "C", "D", "E"), patterns, np.array(MY5[1:]))


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    warnings.simplefilter("ignore")
    cases = {
        "loglinear best-bic, kosovo (4 lists, 113 models)": lambda: LogLinear().fit(kosovo()),
        "loglinear best-bic, M&Y (5 lists, 6893 models)": lambda: LogLinear().fit(my5()),
        "loglinear Mth-chao, kosovo": lambda: LogLinear("Mth-chao").fit(kosovo()),
        "dga, kosovo (61 graphs)": lambda: Dga(seed=1).fit(kosovo()),
        "dga, M&Y (5 lists, 822 graphs)": lambda: Dga(seed=1).fit(my5()),
    }
    results = {name: round(best_of(3, work), 4) for name, work in cases.items()}
    out = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "seconds_best_of_3": results,
    }
    (HERE.parent / "results" / "loglinear_dga_speed.json").write_text(
        json.dumps(out, indent=2) + "\n"
    )
    for name, seconds in results.items():
        print(f"{seconds:8.3f} s  {name}")


if __name__ == "__main__":
    main()

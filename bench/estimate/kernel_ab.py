"""Side-by-side speed of the latent-class sampler: the working tree against a git revision.

On a shared, loaded machine two benchmark runs minutes apart differ by 10-20%, more than most
changes to the sampler are worth. This script loads both versions of ``lcmcr_kernel.py`` and
``variates.py`` into one process and alternates their runs, so both see the same load; it
reports the best CPU-time rate of each and their ratio, with the posterior median of N of each
run as a sanity check (equal only in distribution, not draw for draw).

Both versions are compiled fresh (numba's on-disk cache is switched off for them): the cache of
``lcmcr_kernel`` is keyed on that file alone, so after an edit to ``variates.py`` only, a cached
kernel would still run the old variates and a comparison would measure nothing.

Usage: python bench/estimate/kernel_ab.py [--ref main] [--iterations 60000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import speed

SOURCES = ("src/dadkhah/estimate/variates.py", "src/dadkhah/estimate/lcmcr_kernel.py")


def _load(folder: Path, tag: str, texts: tuple[str, str]) -> ModuleType:
    variates, kernel = (t.replace("cache=True", "cache=False") for t in texts)
    kernel = kernel.replace("from dadkhah.estimate.variates import", f"from variates_{tag} import")
    (folder / f"variates_{tag}.py").write_text(variates)
    (folder / f"kernel_{tag}.py").write_text(kernel)
    spec = importlib.util.spec_from_file_location(f"kernel_{tag}", folder / f"kernel_{tag}.py")
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load the {tag} kernel")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seeder(tag: str) -> Callable[[Any], Any]:
    """The ``new_state`` of one version: each seeds its own generator (layouts may differ)."""
    seeder: Callable[[Any], Any] = importlib.import_module(f"variates_{tag}").new_state
    return seeder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default="main", help="git revision to compare against")
    parser.add_argument("--iterations", type=int, default=60_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[2]
    ref_texts = tuple(
        subprocess.run(
            ["git", "show", f"{args.ref}:{p}"], cwd=root, check=True, capture_output=True, text=True
        ).stdout
        for p in SOURCES
    )
    work_texts = tuple((root / p).read_text() for p in SOURCES)
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, tmp)
        kernels = {
            args.ref: _load(Path(tmp), "ref", (ref_texts[0], ref_texts[1])),
            "worktree": _load(Path(tmp), "work", (work_texts[0], work_texts[1])),
        }
        seeders = {tag: _seeder(name) for tag, name in ((args.ref, "ref"), ("worktree", "work"))}
        tables = {"kosovo (4 lists)": speed.kosovo(), "simulated (5 lists)": speed.five_lists()}
        for name, table in tables.items():
            nz = table.nonzero()
            best = dict.fromkeys(kernels, 0.0)
            medians: dict[str, list[float]] = {k: [] for k in kernels}
            for tag, kernel in kernels.items():  # compile
                kernel.run_chain(
                    nz.patterns,
                    nz.counts,
                    10,
                    0.25,
                    0.25,
                    10,
                    10,
                    1,
                    seeders[tag]([1, 2, 3, 4]),
                )
            for r in range(args.rounds):
                for tag, kernel in kernels.items():
                    state = seeders[tag](np.random.SeedSequence(r).generate_state(4, np.uint64))
                    c0 = time.thread_time()
                    trace = kernel.run_chain(
                        nz.patterns,
                        nz.counts,
                        10,
                        0.25,
                        0.25,
                        args.iterations // 2,
                        args.iterations // 2,
                        1,
                        state,
                    )
                    best[tag] = max(best[tag], args.iterations / (time.thread_time() - c0))
                    medians[tag].append(float(np.median(trace[:, 0])))
            ratio = best["worktree"] / best[args.ref]
            parts = [
                f"{tag} {rate:,.0f} it/s (median N {np.mean(medians[tag]):,.0f})"
                for tag, rate in best.items()
            ]
            print(f"{name}: " + "; ".join(parts) + f"; ratio {ratio:.2f}")


if __name__ == "__main__":
    main()

"""Benchmark datasets for linkage, each as one table of records with a true person id.

Columns follow the standard list format (``given_name``, ``surname``, ``full_name``,
``father_name``, ``sex``, ``birth_date``, ``city``, ``prison``, ``death_date`` ...) plus
``unique_id`` (int), ``list``, ``record_id`` and ``truth``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
_CANDIDATES = [REPO.parent / "shared", REPO.parent.parent / "shared"]
SHARED = (
    Path(
        os.environ.get(
            "DADKHAH_SHARED", next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
        )
    )
    / "data"
    / "linkage"
)
CACHE = Path(os.environ.get("DADKHAH_BENCH_CACHE", "/tmp/dadkhah-bench"))

SIMULATED = {"sim3k": (3_000, 101), "sim10k": (10_000, 102), "sim30k": (30_000, 103)}


def _fingerprint(*roots: Path) -> str:
    """A short hash of the files under ``roots``, so a cached case is remade when they change."""
    digest = hashlib.sha256()
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".csv"):
                digest.update(str(f.relative_to(root.parent)).encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:10]


def _package_dir() -> Path:
    spec = importlib.util.find_spec("dadkhah")
    if spec is None or spec.origin is None:
        raise SystemExit("dadkhah is not importable: install it or set PYTHONPATH=src")
    return Path(spec.origin).parent


def simulate(persons: int, seed: int) -> Path:
    """A ``dadkhah simulate`` case (cached, and remade when the simulator or its data change)."""
    package = _package_dir()
    code = _fingerprint(
        package / "simulate", package / "names" / "data", package / "places" / "data"
    )
    out = CACHE / f"sim_{persons}_{seed}_{code}"
    if not (out / "truth.csv").exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "dadkhah.cli",
                "simulate",
                "--scenario",
                "1988",
                "--persons",
                str(persons),
                "--seed",
                str(seed),
                "--out",
                str(out),
                "--force",
            ],
            check=True,
            capture_output=True,
        )
    return out


REALISTIC = {"realistic3k": (3_000, 7), "realistic10k": (10_000, 8)}


def realistic(persons: int, seed: int) -> Path:
    """Lists from bench/link/realistic.py, a generator independent of dadkhah.simulate (cached)."""
    code = _fingerprint(
        Path(__file__).with_name("realistic.py"), SHARED.parent / "names", SHARED.parent / "places"
    )
    out = CACHE / f"realistic_{persons}_{seed}_{code}"
    if not (out / "truth.csv").exists():
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("realistic.py")), "--persons",
             str(persons), "--seed", str(seed), "--out", str(out)],
            check=True,
            capture_output=True,
        )  # fmt: skip
    return out


def load_simulated(folder: Path) -> pd.DataFrame:
    frames = []
    for f in sorted((folder / "lists").glob("*.csv")):
        x = pd.read_csv(f, dtype=str, keep_default_na=False).replace("", None)
        x["list"] = f.stem
        frames.append(x)
    rec = pd.concat(frames, ignore_index=True)
    truth = pd.read_csv(folder / "truth.csv", dtype=str)
    rec = rec.merge(truth, on=["list", "record_id"], how="left", validate="one_to_one")
    rec = rec.rename(columns={"person_id": "truth"})
    rec["unique_id"] = range(len(rec))
    return rec


def _shared(name: str) -> pd.DataFrame:
    return pd.read_csv(SHARED / name, dtype=str, keep_default_na=False).replace("", None)


def load(name: str) -> pd.DataFrame:
    if name in SIMULATED:
        return load_simulated(simulate(*SIMULATED[name]))
    if name in REALISTIC:
        return load_simulated(realistic(*REALISTIC[name]))
    if name.startswith("sim_"):  # sim_<persons>_<seed>
        _, persons, seed = name.split("_")
        return load_simulated(simulate(int(persons), int(seed)))
    if name == "historical_50k":
        df = _shared("historical_50k.csv")
        rec = pd.DataFrame(
            {
                "record_id": df["unique_id"],
                "full_name": df["full_name"],
                "given_name": df["first_name"],
                "surname": df["surname"],
                "birth_date": df["dob"],
                "city": df["birth_place"],
                "sex": df["gender"],
                "postcode": df["postcode_fake"],
                "occupation": df["occupation"],
                "truth": df["true_id"],
            }
        )
    elif name == "fake_1000":
        df = _shared("fake_1000.csv")
        rec = pd.DataFrame(
            {
                "record_id": df["unique_id"],
                "given_name": df["first_name"],
                "surname": df["surname"],
                "birth_date": df["dob"],
                "city": df["city"],
                "email": df["email"],
                "truth": df["true_id"],
            }
        )
    elif name.startswith("febrl"):
        files = ["febrl4a.csv", "febrl4b.csv"] if name == "febrl4" else [f"{name}.csv"]
        df = pd.concat([_shared(f) for f in files], ignore_index=True)
        rec = pd.DataFrame(
            {
                "record_id": df["rec_id"],
                "given_name": df["given_name"],
                "surname": df["surname"],
                "birth_date": df["date_of_birth"],
                "city": df["suburb"],
                "postcode": df["postcode"],
                "truth": df["true_id"],
            }
        )
    else:
        raise SystemExit(f"unknown dataset {name}")
    rec["list"] = name
    rec["unique_id"] = range(len(rec))
    return rec

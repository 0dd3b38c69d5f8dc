"""Use case: simulate a case with ground truth and write it to a folder."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from dadkhah.errors import Conflict, InputError, Problem
from dadkhah.simulate import SimulationSettings, scenario_settings, simulate_case, write_case

__all__ = ["load_settings", "simulate_to_folder"]


def load_settings(path: str | Path) -> SimulationSettings:
    """Settings from a JSON file: a ``truth.json`` written by a simulation, or bare settings."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise InputError(
            "settings file not found", [Problem("no such file", file=str(source))]
        ) from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(
            "settings file is not readable JSON", [Problem(str(e), file=str(source))]
        ) from e
    if isinstance(data, dict) and isinstance(data.get("settings"), dict):
        data = data["settings"]
    if not isinstance(data, dict):
        raise InputError(
            "settings file must hold a JSON object", [Problem("not an object", file=str(source))]
        )
    return SimulationSettings.from_dict(data)


def simulate_to_folder(
    out: str | Path,
    *,
    scenario: str = "1988",
    persons: int = 5000,
    seed: int = 0,
    lists: int = 5,
    heterogeneity: float = 1.0,
    settings_file: str | Path | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Simulate a case and write it under ``out``; return a summary with the files written.

    ``settings_file`` (a ``truth.json`` or a settings object) replaces scenario, persons, seed and
    lists. A non-empty ``out`` is refused unless ``force``.
    """
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise Conflict(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise Conflict(f"{folder} is not empty; choose another folder or pass --force to overwrite")
    started = time.perf_counter()
    settings = (
        load_settings(settings_file)
        if settings_file is not None
        else scenario_settings(scenario, persons, seed, lists, heterogeneity=heterogeneity)
    )
    sim = simulate_case(settings)
    paths = write_case(sim, folder)
    summary = sim.summary()
    return {
        "out": str(folder),
        "scenario": settings.scenario,
        "seed": settings.seed,
        **summary,
        "files": {
            "lists": {name: str(p) for name, p in paths["lists"].items()},
            **{key: str(paths[key]) for key in ("truth", "captures", "persons", "truth_json")},
        },
        "seconds": round(time.perf_counter() - started, 3),
    }

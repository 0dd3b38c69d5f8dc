"""A simulated case in memory, and on disk: lists, truth, capture histories, settings.

On disk (:func:`write_case`)::

    OUT/lists/<list>.csv   one standard-format list per list (UTF-8)
    OUT/truth.csv          list, record_id, person_id: which victim each record names
    OUT/captures.csv       the true capture histories (one 0/1 column per list, then count)
    OUT/persons.csv        every victim, recorded or not, with the true values
    OUT/truth.json         N, seed, every setting, counts and the software version
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dadkhah import __version__
from dadkhah.simulate.calendar import gregorian_parts
from dadkhah.simulate.capture import CaptureSample, capture_matrix, capture_table
from dadkhah.simulate.population import AFFILIATION_CODES, draw_core, draw_names
from dadkhah.simulate.records import render_list
from dadkhah.simulate.scenario import scenario_settings
from dadkhah.simulate.settings import SimulationSettings
from dadkhah.simulate.vocabulary import vocabulary

__all__ = ["SimulatedCase", "simulate_captures", "simulate_case", "write_case"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimulatedCase:
    """A simulated case: its settings, every victim, the lists, and the truth linking them."""

    settings: SimulationSettings
    persons: pd.DataFrame  # one row per victim (person_id first), recorded or not
    lists: dict[str, pd.DataFrame]  # list name -> its records, in the standard list format
    truth: pd.DataFrame  # list, record_id, person_id
    captured: np.ndarray  # (n_persons, K) booleans, rows in the order of ``persons``

    @property
    def list_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.settings.lists)

    def captures(self) -> pd.DataFrame:
        """The capture-history table: one 0/1 column per list, then ``count``."""
        patterns, counts = capture_table(self.captured)
        frame = pd.DataFrame(patterns, columns=list(self.list_names))
        frame["count"] = counts
        return frame

    def summary(self) -> dict[str, Any]:
        return {
            "N": int(self.captured.shape[0]),
            "observed": int(self.captured.any(axis=1).sum()),
            "records": {name: len(frame) for name, frame in self.lists.items()},
            "persons_per_list": {
                name: int(self.captured[:, k].sum()) for k, name in enumerate(self.list_names)
            },
        }


def _person_ids(n: int) -> list[str]:
    width = max(len(str(n)), 5)
    return [f"P{i + 1:0{width}d}" for i in range(n)]


def simulate_case(settings: SimulationSettings) -> SimulatedCase:
    """Simulate a whole case in memory (deterministic given ``settings.seed``)."""
    settings.validate()
    vocab = vocabulary()
    pop = draw_core(settings, vocab)
    names = draw_names(settings, vocab, pop)
    captured = capture_matrix(settings, vocab, pop)
    ids = np.array(_person_ids(pop.n), dtype=object)

    lists: dict[str, pd.DataFrame] = {}
    truth_parts: list[pd.DataFrame] = []
    for k, item in enumerate(settings.lists):
        members = np.flatnonzero(captured[:, k])
        frame, person = render_list(item, k, settings.seed, vocab, pop, names, members)
        lists[item.name] = frame
        truth_parts.append(
            pd.DataFrame(
                {"list": item.name, "record_id": frame["record_id"], "person_id": ids[person]}
            )
        )
        log.info("simulated list %s: %d records of %d persons", item.name, len(frame), len(members))
    truth = (
        pd.concat(truth_parts, ignore_index=True)
        if truth_parts
        else pd.DataFrame(columns=["list", "record_id", "person_id"])
    )

    given_entries = (*vocab.male, *vocab.female)
    birth_year = gregorian_parts(pop.birth)[0]
    persons = pd.DataFrame(
        {
            "person_id": ids,
            "given_name": [given_entries[i].persian for i in names.given],
            "surname": [vocab.surnames[i].persian for i in names.surname],
            "father_name": [vocab.male[i].persian for i in names.father],
            "given_name_latin": [given_entries[i].latin for i in names.given],
            "surname_latin": [vocab.surnames[i].latin for i in names.surname],
            "father_name_latin": [vocab.male[i].latin for i in names.father],
            "sex": np.where(pop.female, "F", "M"),
            "sayyid": pop.sayyid,
            "birth_date": _iso(pop.birth),
            "birth_year": birth_year,
            "birth_place": [vocab.cities[i].latin for i in pop.birth_city],
            "city": [vocab.cities[i].latin for i in pop.city],
            "province": [vocab.cities[i].province for i in pop.city],
            "prison": [vocab.prisons[i].latin for i in pop.prison],
            "affiliation": [AFFILIATION_CODES[i] for i in pop.affiliation],
            "death_date": _iso(pop.death),
            "family_id": [f"F{f + 1}" for f in pop.family],
            "family_size": np.bincount(pop.family)[pop.family],
            "namesake_of": ["" if j < 0 else ids[j] for j in names.namesake_of],
            "prominence": np.round(pop.prominence, 4),
            "lists": captured.sum(axis=1),
        }
    )
    return SimulatedCase(
        settings=settings, persons=persons, lists=lists, truth=truth, captured=captured
    )


def _iso(ordinals: np.ndarray) -> np.ndarray:
    days = (ordinals - dt.date(1970, 1, 1).toordinal()).astype("datetime64[D]")
    return np.datetime_as_string(days, unit="D").astype(object)


def simulate_captures(
    n_persons: int,
    seed: int,
    *,
    n_lists: int = 5,
    scenario: str = "1988",
    heterogeneity: float = 1.0,
    settings: SimulationSettings | None = None,
) -> CaptureSample:
    """The fast path for estimation studies: capture histories only, no names and no records.

    Gives exactly the captures :func:`simulate_case` gives for the same settings. With
    ``settings``, its lists and population parameters are used with ``n_persons`` and ``seed``.
    """
    if settings is None:
        settings = scenario_settings(
            scenario, n_persons, seed, n_lists, heterogeneity=heterogeneity
        )
    else:
        settings = dataclasses.replace(settings, n_persons=n_persons, seed=seed).validate()
    vocab = vocabulary()
    pop = draw_core(settings, vocab)
    captured = capture_matrix(settings, vocab, pop)
    patterns, counts = capture_table(captured)
    return CaptureSample(
        lists=tuple(item.name for item in settings.lists),
        patterns=patterns,
        counts=counts,
        n_true=settings.n_persons,
    )


def write_case(sim: SimulatedCase, out_dir: str | Path) -> dict[str, Any]:
    """Write ``sim`` under ``out_dir`` (created if needed); return the paths written.

    Returns ``{"lists": {name: path}, "truth": path, "captures": path, "persons": path,
    "truth_json": path}``.
    """
    out = Path(out_dir)
    (out / "lists").mkdir(parents=True, exist_ok=True)
    list_paths: dict[str, Path] = {}
    for name, frame in sim.lists.items():
        path = out / "lists" / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8")
        list_paths[name] = path
    paths: dict[str, Any] = {
        "lists": list_paths,
        "truth": out / "truth.csv",
        "captures": out / "captures.csv",
        "persons": out / "persons.csv",
        "truth_json": out / "truth.json",
    }
    sim.truth.to_csv(paths["truth"], index=False, encoding="utf-8")
    sim.captures().to_csv(paths["captures"], index=False, encoding="utf-8")
    sim.persons.to_csv(paths["persons"], index=False, encoding="utf-8")
    document = {
        "N": int(sim.settings.n_persons),
        "seed": int(sim.settings.seed),
        "scenario": sim.settings.scenario,
        "version": __version__,
        **{k: v for k, v in sim.summary().items() if k != "N"},
        "lists": [
            {
                "name": name,
                "file": f"lists/{name}.csv",
                "records": len(frame),
                "columns": list(frame.columns),
            }
            for name, frame in sim.lists.items()
        ],
        "settings": sim.settings.to_dict(),
    }
    paths["truth_json"].write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths

"""Synthetic cases with ground truth: victims, lists that record them, and the truth linking them.

``simulate_case(settings)`` builds a case in memory, ``write_case(sim, out_dir)`` writes it,
``simulate_captures(n_persons, seed)`` is the fast path to capture histories alone. The generative
model is described in docs/simulate.md.
"""

from dadkhah.simulate.capture import CaptureSample, capture_table
from dadkhah.simulate.case import SimulatedCase, simulate_captures, simulate_case, write_case
from dadkhah.simulate.scenario import SCENARIOS, scenario_1988, scenario_settings
from dadkhah.simulate.settings import ListSettings, SimulationSettings

__all__ = [
    "SCENARIOS",
    "CaptureSample",
    "ListSettings",
    "SimulatedCase",
    "SimulationSettings",
    "capture_table",
    "scenario_1988",
    "scenario_settings",
    "simulate_captures",
    "simulate_case",
    "write_case",
]

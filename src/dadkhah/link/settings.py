"""Linkage settings: plain, frozen, serialisable data, validated when built.

A :class:`LinkSettings` says how records are compared and where the three bands lie:

* ``match_probability >= auto_link`` links the two records automatically;
* ``review <= match_probability < auto_link`` sends the pair to the review queue;
* below ``review`` the pair is left apart.

The settings are stored with every run, so a run can be repeated and challenged.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from dadkhah.errors import ConfigError

__all__ = ["ENGINES", "LinkSettings"]

Engine = Literal["duckdb", "spark"]
ENGINES: tuple[str, ...] = ("duckdb", "spark")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How one linkage run compares, scores and clusters records."""

    auto_link: float = 0.3
    review: float = 0.1
    # cluster merges also need the average probability of the scored pairs between the two
    # clusters to reach this value, so one strong pair cannot chain two people together
    cluster_average: float = 0.2
    # birth ranges further apart than this (years) can never be the same person
    birth_year_tolerance: int = 3
    # two clusters may still merge when at most this share of their record pairs disagree on
    # a name, sex or birth year (never on the father's name, never the linking pair itself)
    conflict_share: float = 0.45
    # a pair whose fields that relatives do not share (birth date, places, postcode, occupation,
    # e-mail) give at least this many bits of evidence (log2 Bayes factor) may differ in one name
    # part: a nickname, a married name or a rewritten surname does not keep it apart
    outweigh_name_bits: float = 10.0
    # ... and with at least this many bits both name parts may differ (an alias, a title)
    outweigh_names_bits: float = 16.0
    # rounds of refinement after the greedy clustering: a record moves to the neighbouring
    # cluster its pairs' evidence favours, then held pairs are offered again (0: greedy only)
    refine_rounds: int = 4
    # ... a record moves only when its evidence there (the mean log-odds of its pairs with the
    # members) beats its evidence where it is by more than this
    refine_margin: float = 1.0
    engine: Engine = "duckdb"
    seed: int = 42
    u_max_pairs: float = 2e6
    em_max_pairs: float = 5e5
    max_iterations: int = 15
    # no trained m probability falls below this (a typo in one field must not veto a link)
    m_floor: float = 0.005
    # candidate pairs scored by the model; pairs below this probability are dropped early
    keep_probability: float = 0.01
    # candidate pairs: records equal on every column of at least one rule (see docs/linkage.md)
    blocking_rules: tuple[tuple[str, ...], ...] = field(
        default=(
            ("given_k1", "surname_k1"),
            ("name_k1",),
            ("surname_k1", "father_k1"),
            ("surname_k1", "birth_year"),
            ("birth_day",),
            ("given_k1", "father_k1", "city_key"),
            ("given_k1", "surname_p", "city_key"),
            ("surname_k1", "given_p", "city_key"),
            ("given_p", "surname_p", "father_k1"),
            ("given_k1", "father_k1", "surname_p"),
            ("given_k1", "birth_year"),
            ("surname_k1", "city_key"),
            ("name_a",),
            # used only where the lists carry these columns
            ("postcode_key",),
            ("email_key",),
            ("occupation_key", "birth_year"),
            ("occupation_key", "city_key"),
            ("given_k1", "occupation_key"),
            ("surname_k1", "occupation_key"),
        )
    )
    # broad rules whose largest blocks are left out when the rule would make more candidate
    # pairs than max(capped_pairs_per_record * records, capped_min_pairs): on big cases
    # common names with a common year, place or trade would otherwise make hundreds of
    # millions of pairs (see docs/linkage.md)
    capped_rules: tuple[tuple[str, ...], ...] = field(
        default=(
            ("given_k1", "birth_year"),
            ("surname_k1", "city_key"),
            ("occupation_key", "birth_year"),
            ("occupation_key", "city_key"),
            ("given_k1", "occupation_key"),
            ("surname_k1", "occupation_key"),
        )
    )
    capped_pairs_per_record: float = 5.0
    capped_min_pairs: int = 2_000_000

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not 0.0 < self.review <= self.auto_link <= 1.0:
            problems.append(
                f"need 0 < review <= auto_link <= 1, got review={self.review}, auto_link={self.auto_link}"
            )
        if not 0.0 <= self.cluster_average <= 1.0:
            problems.append(f"cluster_average must lie in [0, 1], got {self.cluster_average}")
        if not 0.0 <= self.conflict_share < 1.0:
            problems.append(f"conflict_share must lie in [0, 1), got {self.conflict_share}")
        if self.engine not in ENGINES:
            problems.append(f"engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        if self.refine_rounds < 0 or self.refine_margin < 0:
            problems.append(
                f"refine_rounds and refine_margin must be >= 0, got {self.refine_rounds}"
                f" and {self.refine_margin}"
            )
        if self.birth_year_tolerance < 0:
            problems.append(f"birth_year_tolerance must be >= 0, got {self.birth_year_tolerance}")
        if not self.blocking_rules or any(not r for r in self.blocking_rules):
            problems.append("blocking_rules must hold at least one non-empty rule")
        stray = [list(r) for r in self.capped_rules if r not in self.blocking_rules]
        if stray:
            problems.append(f"capped_rules must be blocking rules too: {stray}")
        if self.capped_pairs_per_record <= 0 or self.capped_min_pairs < 0:
            problems.append("capped_pairs_per_record must be > 0 and capped_min_pairs >= 0")
        if not 0.0 <= self.keep_probability <= self.review:
            problems.append(
                f"keep_probability must lie in [0, review], got {self.keep_probability}"
            )
        if problems:
            raise ConfigError("invalid linkage settings: " + "; ".join(problems))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["blocking_rules"] = [list(r) for r in self.blocking_rules]
        d["capped_rules"] = [list(r) for r in self.capped_rules]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkSettings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown linkage setting(s): {', '.join(unknown)}; valid: {', '.join(sorted(known))}"
            )
        values = dict(data)
        for key in ("blocking_rules", "capped_rules"):
            if key in values:
                values[key] = tuple(tuple(r) for r in values[key])
        try:
            return cls(**values)
        except TypeError as e:
            raise ConfigError(f"invalid linkage settings: {e}") from e

    def replace(self, **changes: Any) -> LinkSettings:
        return LinkSettings.from_dict({**self.to_dict(), **changes})

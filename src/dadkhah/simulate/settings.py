"""Settings of a simulation: plain data, validated up front, written into ``truth.json``.

:class:`SimulationSettings` describes the population; each :class:`ListSettings` describes one
list: who it tends to capture and how it writes what it records. ``to_dict``/``from_dict`` round-trip
through JSON exactly, so a ``truth.json`` is enough to regenerate its case.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dadkhah.errors import InputError, Problem, one_of
from dadkhah.simulate.vocabulary import AFFILIATIONS

__all__ = [
    "BIRTH_FORMATS",
    "DEATH_FORMATS",
    "EXTRA_COLUMNS",
    "LAYOUTS",
    "LIST_FIELDS",
    "SCRIPTS",
    "SPELLINGS",
    "ListSettings",
    "SimulationSettings",
]

SCRIPTS = ("persian", "latin")
SPELLINGS = ("passport", "french", "german", "arabic", "simplified", "anglo", "mixed")
LAYOUTS = ("given_surname", "surname_comma_given", "columns")
LIST_FIELDS = (
    "father_name",
    "sex",
    "birth_date",
    "birth_place",
    "city",
    "province",
    "prison",
    "death_date",
    "death_place",
    "affiliation",
    "source_ref",
    "notes",
)
EXTRA_COLUMNS = ("", "age", "ward", "arrest_year", "page")
# Date formats (see docs/simulate.md for an example of each).
DEATH_FORMATS = (
    "sh_ymd",  # 1367/05/12
    "sh_ymd_short",  # 67/5/12
    "sh_text",  # 12 Mordad 1367
    "sh_month",  # Mordad 1367
    "sh_part_month",  # late Mordad 1367
    "sh_season",  # summer 1367
    "sh_year",  # 1367
    "g_iso",  # 1988-08-03
    "g_dmy",  # 03/08/1988
    "g_text",  # 3 August 1988
    "g_month",  # August 1988
    "g_season",  # summer 1988
    "g_year",  # 1988
)
BIRTH_FORMATS = (*DEATH_FORMATS, "g_circa")  # c. 1961
AFFILIATION_GROUPS = ("pmoi", "left", "kurdish", "unknown")
PROVINCE_STYLES = ("current", "1988")
_RATES = frozenset(
    (
        "spelling_common",
        "spelling_drift",
        "persian_variant",
        "compound_split",
        "compound_join",
        "title_rate",
        "haj_rate",
        "father_in_name",
        "short_name_rate",
        "swap_rate",
        "arabic_letters",
        "typo_rate",
        "missing_rate",
        "persian_digits",
        "historic_names",
        "date_error_rate",
        "birth_error_rate",
        "place_error_rate",
        "duplicate_rate",
        "notes_rate",
    )
)


@dataclass(frozen=True)
class ListSettings:
    """One list: its capture model and its writing habits."""

    name: str
    script: str = "latin"
    # -- capture: logit p = intercept (solved from coverage) + the effects below
    coverage: float = 0.3  # mean capture probability over the population
    prominence: float = 0.5  # weight on the latent prominence of a person
    affiliation_effects: Mapping[str, float] = field(default_factory=dict)  # group or code -> shift
    province_effects: Mapping[str, float] = field(default_factory=dict)  # current province -> shift
    prison_effects: Mapping[str, float] = field(default_factory=dict)  # Latin prison name -> shift
    female_effect: float = 0.0
    copies_from: Mapping[str, float] = field(default_factory=dict)  # earlier list -> shift
    # -- names
    spelling: str = "passport"  # Latin transliteration habit
    spelling_common: float = 0.6  # chance the list's house spelling of a name is the common one
    spelling_drift: float = 0.05  # chance a record departs from the house spelling
    persian_variant: float = 0.2  # chance the house Persian spelling is a listed variant
    layout: str = "given_surname"
    upper_surname: bool = False
    compound_split: float = 0.2  # compounds written apart (Persian space for ZWNJ; "Hassan Zadeh")
    compound_join: float = 0.1  # Persian compounds written without ZWNJ or space
    title_rate: float = 0.3  # Seyed / Sadat written for a sayyid
    haj_rate: float = 0.0  # "Haj" written before a name
    father_in_name: float = 0.0  # "son of ..." written inside full_name
    short_name_rate: float = 0.0  # a compound given name written as one of its parts
    swap_rate: float = 0.0  # "Surname Given" without a comma in a given-surname list
    arabic_letters: float = 0.0  # chance a record is typed with Arabic yeh and kaf
    typo_rate: float = 0.01  # chance per name part of one typing error
    # -- fields and values
    fields: tuple[str, ...] = ("father_name", "birth_date", "city", "prison", "death_date")
    missing_rate: float = 0.1  # chance a recorded field is blank in one record
    birth_formats: Mapping[str, float] = field(default_factory=lambda: {"g_year": 1.0})
    death_formats: Mapping[str, float] = field(default_factory=lambda: {"g_text": 1.0})
    persian_digits: float = 1.0  # Persian-script lists: chance digits are Persian
    province_style: str = "current"
    historic_names: float = 0.0  # chance a city is written with its 1988 name (Bakhtaran)
    label_style: int = 0  # which wording of affiliations and sex the list uses (0 or 1)
    date_error_rate: float = 0.03  # death date off by days to weeks
    birth_error_rate: float = 0.08  # birth year off by one or two
    place_error_rate: float = 0.02  # a different city written
    duplicate_rate: float = 0.03  # chance a captured person is entered twice
    extra_column: str = ""
    notes_rate: float = 0.1
    record_prefix: str = ""

    def problems(self, earlier: tuple[str, ...] = ()) -> list[Problem]:
        out: list[Problem] = []
        where = f"lists[{self.name}]"

        def bad(name: str, message: str, value: object) -> None:
            out.append(Problem(message, file=where, field=name, value=value))

        if not self.name or not self.name.replace("_", "").replace("-", "").isalnum():
            bad("name", "must be letters, digits, '_' or '-'", self.name)
        choices: tuple[tuple[str, str, tuple[str, ...]], ...] = (
            ("script", self.script, SCRIPTS),
            ("spelling", self.spelling, SPELLINGS),
            ("layout", self.layout, LAYOUTS),
            ("province_style", self.province_style, PROVINCE_STYLES),
            ("extra_column", self.extra_column, EXTRA_COLUMNS),
        )
        for name, text, options in choices:
            if text not in options:
                bad(name, one_of(text, options), text)
        if not 0.0 < self.coverage < 1.0:
            bad("coverage", "must be strictly between 0 and 1", self.coverage)
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.type == "float" and not math.isfinite(value):
                bad(f.name, "must be a finite number", value)
            elif f.name in _RATES and not 0.0 <= value <= 1.0:
                bad(f.name, "must be between 0 and 1", value)
        for name in self.fields:
            if name not in LIST_FIELDS:
                bad("fields", one_of(name, LIST_FIELDS), name)
        groups = set(AFFILIATION_GROUPS) | set(AFFILIATIONS)
        for key in self.affiliation_effects:
            if key not in groups:
                bad("affiliation_effects", one_of(key, sorted(groups)), key)
        for key in self.copies_from:
            if key not in earlier:
                bad("copies_from", "must name a list defined before this one", key)
        checks: tuple[tuple[str, Mapping[str, float], tuple[str, ...]], ...] = (
            ("birth_formats", self.birth_formats, BIRTH_FORMATS),
            ("death_formats", self.death_formats, DEATH_FORMATS),
        )
        for name, formats, options in checks:
            if not formats or sum(formats.values()) <= 0:
                bad(name, "needs at least one format with a positive weight", dict(formats))
            for key, weight in formats.items():
                if key not in options:
                    bad(name, one_of(key, options), key)
                elif weight < 0:
                    bad(name, "weights must not be negative", weight)
        if self.label_style not in (0, 1):
            bad("label_style", "must be 0 or 1", self.label_style)
        return out


@dataclass(frozen=True)
class SimulationSettings:
    """A whole simulated case: the population and its lists."""

    n_persons: int
    seed: int
    lists: tuple[ListSettings, ...]
    scenario: str = "1988"
    family_share: float = 0.12  # share of victims with a sibling among the victims
    namesake_share: float = 0.02  # share of victims given the full name of another victim
    sayyid_share: float = 0.08
    affiliation_shares: Mapping[str, float] = field(default_factory=dict)  # empty: scenario default
    kurdish_provinces: tuple[str, ...] = ("Kurdistan", "Kermanshah", "West Azerbaijan", "Ilam")
    kurdish_boost: float = 12.0  # odds multiplier of Kurdish parties in Kurdish provinces
    city_weights: Mapping[str, float] = field(default_factory=dict)  # Latin city -> weight (else 1)
    female_share: Mapping[str, float] = field(default_factory=dict)  # affiliation group -> share
    family_prominence: float = 0.5  # extra prominence of victims with a sibling among the victims

    def validate(self) -> SimulationSettings:
        """Raise :class:`InputError` listing every problem; return ``self`` when valid."""
        problems: list[Problem] = []
        if not isinstance(self.n_persons, int) or self.n_persons < 1:
            problems.append(
                Problem("must be a positive integer", field="n_persons", value=self.n_persons)
            )
        if not isinstance(self.seed, int) or self.seed < 0:
            problems.append(
                Problem("must be a non-negative integer", field="seed", value=self.seed)
            )
        if not self.lists:
            problems.append(Problem("at least one list is needed", field="lists", value=0))
        for name in ("family_share", "namesake_share", "sayyid_share"):
            value = getattr(self, name)
            if not 0.0 <= value < 1.0:
                problems.append(Problem("must be in [0, 1)", field=name, value=value))
        for key, value in self.affiliation_shares.items():
            if key not in AFFILIATIONS:
                problems.append(
                    Problem(one_of(key, list(AFFILIATIONS)), field="affiliation_shares", value=key)
                )
            elif value < 0:
                problems.append(
                    Problem("must not be negative", field="affiliation_shares", value=value)
                )
        names: list[str] = []
        for item in self.lists:
            problems.extend(item.problems(tuple(names)))
            if item.name in names:
                problems.append(
                    Problem("list names must be unique", field="lists", value=item.name)
                )
            names.append(item.name)
        if problems:
            raise InputError("invalid simulation settings", problems)
        return self

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (mappings as objects, tuples as arrays)."""
        return _plain(dataclasses.asdict(self))  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SimulationSettings:
        """The inverse of :meth:`to_dict`; unknown keys are an error."""
        problems: list[Problem] = []
        top = _known(cls, data, "settings", problems)
        lists: list[ListSettings] = []
        for i, item in enumerate(data.get("lists", [])):
            if not isinstance(item, Mapping):
                problems.append(Problem("must be an object", field=f"lists[{i}]", value=item))
                continue
            values = _known(ListSettings, item, f"lists[{i}]", problems)
            if "fields" in values:
                values["fields"] = tuple(values["fields"])
            try:
                lists.append(ListSettings(**values))
            except TypeError as e:
                problems.append(Problem(str(e), field=f"lists[{i}]"))
        if problems:
            raise InputError("invalid simulation settings", problems)
        top["lists"] = tuple(lists)
        if "kurdish_provinces" in top:
            top["kurdish_provinces"] = tuple(top["kurdish_provinces"])
        try:
            return cls(**top).validate()
        except TypeError as e:
            raise InputError("invalid simulation settings", [Problem(str(e))]) from e


def _known(
    cls: type, data: Mapping[str, Any], where: str, problems: list[Problem]
) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    for key in data:
        if key not in names:
            problems.append(Problem(one_of(key, sorted(names)), file=where, field=key))
    return {k: v for k, v in data.items() if k in names and k != "lists"}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value

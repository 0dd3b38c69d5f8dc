"""Ready-made scenarios: the settings of a realistic case, from a name, a size and a seed.

``1988``: the summer-1988 prison massacre in Iran. Five lists modelled on the kinds of lists that
exist (not on any real list): an organisation's list of its own members in Latin script, a
leftist memorial in Persian, an international NGO report, a broad documentation centre in Persian,
and an exile committee's list in French-style Latin spelling. More than five lists: the extra ones
get habits drawn from the seed.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from dadkhah.errors import InputError, Problem, one_of
from dadkhah.simulate.settings import LIST_FIELDS, ListSettings, SimulationSettings

__all__ = ["SCENARIOS", "scenario_1988", "scenario_settings"]

_AFFILIATION_SHARES_1988 = {
    "pmoi": 0.60,
    "fadaian_minority": 0.05,
    "fadaian_majority": 0.04,
    "tudeh": 0.06,
    "peykar": 0.03,
    "rah_e_kargar": 0.03,
    "komala": 0.03,
    "kdpi": 0.03,
    "unknown": 0.13,
}
_CITY_WEIGHTS_1988 = {
    "Tehran": 60.0,
    "Karaj": 3.0,
    "Mashhad": 5.0,
    "Isfahan": 5.0,
    "Shiraz": 5.0,
    "Tabriz": 5.0,
    "Ahvaz": 4.0,
    "Kermanshah": 4.0,
    "Rasht": 5.0,
    "Urmia": 3.0,
    "Sanandaj": 3.0,
    "Hamadan": 3.0,
    "Dezful": 3.0,
    "Zanjan": 2.0,
    "Qazvin": 2.0,
    "Babol": 2.0,
    "Amol": 2.0,
    "Sari": 2.0,
    "Lahijan": 2.0,
}
_FEMALE_SHARE_1988 = {"pmoi": 0.12, "left": 0.06, "kurdish": 0.03, "unknown": 0.07}

_TEMPLATES_1988: tuple[ListSettings, ...] = (
    ListSettings(
        name="mojahedin_en",
        script="latin",
        coverage=0.45,
        prominence=0.5,
        affiliation_effects={"pmoi": 2.0, "left": -3.0, "kurdish": -2.5, "unknown": -0.5},
        female_effect=0.3,
        spelling="passport",
        spelling_common=0.7,
        spelling_drift=0.04,
        layout="given_surname",
        compound_split=0.3,
        title_rate=0.5,
        haj_rate=0.02,
        swap_rate=0.01,
        typo_rate=0.015,
        fields=(
            "father_name",
            "sex",
            "birth_date",
            "city",
            "prison",
            "death_date",
            "affiliation",
            "source_ref",
        ),
        missing_rate=0.08,
        birth_formats={"g_year": 0.6, "g_circa": 0.2, "sh_year": 0.2},
        death_formats={"g_text": 0.3, "g_month": 0.35, "g_season": 0.25, "g_year": 0.1},
        label_style=0,
        duplicate_rate=0.03,
        record_prefix="MEK-",
    ),
    ListSettings(
        name="memorial_fa",
        script="persian",
        coverage=0.30,
        prominence=0.8,
        affiliation_effects={"left": 2.2, "kurdish": 0.8, "pmoi": -1.2, "unknown": -0.3},
        province_effects={"Tehran": 0.5, "Alborz": 0.4, "Gilan": 0.4, "Mazandaran": 0.3},
        prison_effects={"Gohardasht Prison (Rajaei Shahr)": 0.3},
        persian_variant=0.25,
        layout="columns",
        compound_split=0.3,
        compound_join=0.15,
        title_rate=0.6,
        arabic_letters=0.05,
        typo_rate=0.015,
        fields=(
            "father_name",
            "sex",
            "birth_date",
            "birth_place",
            "prison",
            "death_date",
            "affiliation",
            "notes",
        ),
        missing_rate=0.1,
        birth_formats={"sh_year": 0.8, "sh_ymd": 0.2},
        death_formats={
            "sh_ymd": 0.45,
            "sh_text": 0.2,
            "sh_month": 0.2,
            "sh_season": 0.1,
            "sh_part_month": 0.05,
        },
        persian_digits=1.0,
        label_style=1,
        duplicate_rate=0.04,
        extra_column="ward",
        notes_rate=0.2,
    ),
    ListSettings(
        name="amnesty_en",
        script="latin",
        coverage=0.15,
        prominence=1.3,
        province_effects={"Tehran": 0.4},
        female_effect=0.5,
        copies_from={"memorial_fa": 0.8},
        spelling="arabic",
        spelling_common=0.5,
        spelling_drift=0.03,
        layout="surname_comma_given",
        upper_surname=True,
        compound_split=0.5,
        title_rate=0.2,
        typo_rate=0.01,
        fields=("sex", "city", "province", "prison", "death_date", "affiliation", "source_ref"),
        missing_rate=0.15,
        birth_formats={"g_year": 1.0},
        death_formats={"g_text": 0.4, "g_month": 0.4, "g_season": 0.2},
        province_style="1988",
        historic_names=0.5,
        label_style=1,
        duplicate_rate=0.01,
        record_prefix="AI-",
    ),
    ListSettings(
        name="documentation_fa",
        script="persian",
        coverage=0.40,
        prominence=0.7,
        affiliation_effects={"unknown": -0.5},
        copies_from={"mojahedin_en": 0.5},
        persian_variant=0.2,
        layout="given_surname",
        compound_split=0.2,
        compound_join=0.2,
        title_rate=0.4,
        haj_rate=0.03,
        swap_rate=0.01,
        father_in_name=0.1,
        arabic_letters=0.2,
        typo_rate=0.02,
        fields=LIST_FIELDS,
        missing_rate=0.12,
        birth_formats={"sh_ymd": 0.3, "sh_year": 0.6, "g_year": 0.1},
        death_formats={
            "sh_ymd": 0.6,
            "sh_text": 0.15,
            "sh_month": 0.15,
            "sh_year": 0.05,
            "sh_ymd_short": 0.05,
        },
        persian_digits=0.3,
        label_style=0,
        duplicate_rate=0.05,
        extra_column="age",
        notes_rate=0.15,
        record_prefix="D",
    ),
    ListSettings(
        name="exile_fr",
        script="latin",
        coverage=0.20,
        prominence=0.5,
        affiliation_effects={"kurdish": 1.8, "left": 0.6, "pmoi": -0.3},
        province_effects={
            "Kurdistan": 1.0,
            "West Azerbaijan": 0.8,
            "Kermanshah": 0.8,
            "Gilan": 0.4,
        },
        spelling="french",
        spelling_common=0.4,
        spelling_drift=0.08,
        layout="surname_comma_given",
        upper_surname=True,
        compound_split=0.4,
        title_rate=0.3,
        father_in_name=0.25,
        short_name_rate=0.02,
        typo_rate=0.025,
        fields=(
            "father_name",
            "birth_date",
            "city",
            "province",
            "prison",
            "death_date",
            "affiliation",
            "notes",
        ),
        missing_rate=0.12,
        birth_formats={"g_circa": 0.4, "g_year": 0.4, "sh_year": 0.2},
        death_formats={"g_season": 0.35, "sh_month": 0.25, "g_month": 0.25, "g_dmy": 0.15},
        province_style="1988",
        historic_names=0.6,
        label_style=1,
        duplicate_rate=0.04,
        extra_column="arrest_year",
        notes_rate=0.1,
        record_prefix="EX",
    ),
)

_PERSIAN_DEATH = ("sh_ymd", "sh_text", "sh_month", "sh_season", "sh_year")
_LATIN_DEATH = ("g_iso", "g_dmy", "g_text", "g_month", "g_season", "g_year", "sh_text", "sh_month")


def _random_list(rng: np.random.Generator, number: int) -> ListSettings:
    """An extra list whose habits are drawn at random (for scenarios with more than five lists)."""
    script = "persian" if rng.random() < 0.4 else "latin"
    groups = ("pmoi", "left", "kurdish", "unknown")
    optional = [f for f in LIST_FIELDS if rng.random() < 0.6]
    death_pool = _PERSIAN_DEATH if script == "persian" else _LATIN_DEATH
    death = rng.choice(len(death_pool), size=3, replace=False)
    return ListSettings(
        name=f"list_{number}",
        script=script,
        coverage=float(rng.uniform(0.08, 0.35)),
        prominence=float(rng.uniform(0.3, 1.3)),
        affiliation_effects={g: round(float(rng.normal(0.0, 0.8)), 2) for g in groups},
        female_effect=round(float(rng.normal(0.0, 0.3)), 2),
        spelling=str(
            rng.choice(["passport", "french", "german", "arabic", "simplified", "anglo", "mixed"])
        ),
        spelling_common=float(rng.uniform(0.3, 0.8)),
        layout=str(rng.choice(["given_surname", "surname_comma_given", "columns"])),
        upper_surname=bool(rng.random() < 0.5),
        compound_split=float(rng.uniform(0.0, 0.5)),
        compound_join=float(rng.uniform(0.0, 0.2)),
        title_rate=float(rng.uniform(0.1, 0.6)),
        arabic_letters=float(rng.uniform(0.0, 0.2)) if script == "persian" else 0.0,
        typo_rate=float(rng.uniform(0.005, 0.03)),
        fields=tuple(f for f in LIST_FIELDS if f in optional or f in ("father_name", "death_date")),
        birth_formats={"sh_year": 1.0} if script == "persian" else {"g_year": 0.7, "g_circa": 0.3},
        death_formats={death_pool[i]: 1.0 for i in death},
        persian_digits=float(rng.choice([0.0, 1.0])),
        label_style=int(rng.integers(0, 2)),
        duplicate_rate=float(rng.uniform(0.0, 0.05)),
        record_prefix=f"L{number}-",
    )


def scenario_1988(
    n_persons: int, seed: int, n_lists: int = 5, *, heterogeneity: float = 1.0
) -> SimulationSettings:
    """Settings of a 1988-style case with ``n_persons`` victims and ``n_lists`` lists.

    ``heterogeneity`` scales every list's weight on the latent prominence: 0 leaves only the
    heterogeneity of affiliation, region, prison and sex; 1 is the scenario as documented; 2
    doubles the hidden heterogeneity that no stratification can see.
    """
    problems = []
    if not isinstance(n_lists, int) or n_lists < 1:
        problems.append(Problem("must be at least 1", field="lists", value=n_lists))
    if not 0.0 <= heterogeneity <= 5.0:
        problems.append(
            Problem("must be between 0 and 5", field="heterogeneity", value=heterogeneity)
        )
    if problems:
        raise InputError("invalid simulation settings", problems)
    lists = list(_TEMPLATES_1988[:n_lists])
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(99,)))
    for number in range(len(lists) + 1, n_lists + 1):
        lists.append(_random_list(rng, number))
    kept = {item.name for item in lists}
    lists = [
        dataclasses.replace(
            item,
            prominence=round(item.prominence * heterogeneity, 6),
            copies_from={k: v for k, v in item.copies_from.items() if k in kept},
        )
        for item in lists
    ]
    return SimulationSettings(
        n_persons=n_persons,
        seed=seed,
        lists=tuple(lists),
        scenario="1988",
        affiliation_shares=dict(_AFFILIATION_SHARES_1988),
        city_weights=dict(_CITY_WEIGHTS_1988),
        female_share=dict(_FEMALE_SHARE_1988),
    ).validate()


SCENARIOS = {"1988": scenario_1988}


def scenario_settings(
    scenario: str, n_persons: int, seed: int, n_lists: int = 5, *, heterogeneity: float = 1.0
) -> SimulationSettings:
    """The settings of a named scenario."""
    if scenario not in SCENARIOS:
        raise InputError(
            "unknown scenario",
            [Problem(one_of(scenario, list(SCENARIOS)), field="scenario", value=scenario)],
        )
    return SCENARIOS[scenario](n_persons, seed, n_lists, heterogeneity=heterogeneity)

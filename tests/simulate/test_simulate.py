"""Simulated cases: determinism, truth consistency, families, settings, the fast path."""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest

from dadkhah.errors import InputError
from dadkhah.names import match_key
from dadkhah.simulate import (
    ListSettings,
    SimulatedCase,
    SimulationSettings,
    scenario_1988,
    simulate_captures,
    simulate_case,
)
from dadkhah.simulate.population import surname_weights
from dadkhah.simulate.vocabulary import vocabulary

N = 1500


@lru_cache(maxsize=4)
def _sim(seed: int, n: int = N, k: int = 5) -> SimulatedCase:
    return simulate_case(scenario_1988(n, seed, k))


def test_same_seed_same_case_and_other_seed_another() -> None:
    a, b = _sim(11), simulate_case(scenario_1988(N, 11))
    assert a.list_names == b.list_names
    for name in a.list_names:
        pd.testing.assert_frame_equal(a.lists[name], b.lists[name])
    pd.testing.assert_frame_equal(a.truth, b.truth)
    pd.testing.assert_frame_equal(a.persons, b.persons)
    c = _sim(12)
    assert not a.lists["memorial_fa"].equals(c.lists["memorial_fa"])


def test_every_record_is_in_truth_and_histories_match_truth() -> None:
    sim = _sim(11)
    for name, frame in sim.lists.items():
        assert frame["record_id"].is_unique
        ids = sim.truth.loc[sim.truth["list"] == name, "record_id"]
        assert list(ids) == list(frame["record_id"])
    assert sim.truth["person_id"].isin(sim.persons["person_id"]).all()
    # The capture histories recomputed from truth.csv equal the simulated ones.
    seen = sim.truth.drop_duplicates(["list", "person_id"])
    table = pd.crosstab(seen["person_id"], seen["list"]).reindex(
        columns=list(sim.list_names), fill_value=0
    )
    from_truth = table.reindex(sim.persons["person_id"], fill_value=0).to_numpy() > 0
    np.testing.assert_array_equal(from_truth, sim.captured)
    captures = sim.captures()
    assert list(captures.columns) == [*sim.list_names, "count"]
    assert captures["count"].sum() == sim.captured.any(axis=1).sum() == seen["person_id"].nunique()
    assert len(captures) == 2 ** len(sim.list_names) - 1
    assert not (captures[list(sim.list_names)] == 0).all(axis=1).any()
    # Duplicate entries exist, within a list, and are the same person.
    assert sim.truth.duplicated(["list", "person_id"]).any()


def test_siblings_share_surname_father_city_but_not_given_name() -> None:
    p = _sim(11).persons
    families = p[p["family_size"] > 1].groupby("family_id")
    assert families.ngroups > 10
    assert (families["surname"].nunique() == 1).all()
    assert (families["father_name"].nunique() == 1).all()
    assert (families["city"].nunique() == 1).all()
    assert (families["given_name"].nunique() == families.size()).all()


def test_namesakes_have_the_same_name_and_a_different_father() -> None:
    p = _sim(11).persons.set_index("person_id")
    takers = p[p["namesake_of"] != ""]
    assert len(takers) > 5
    donors = p.loc[takers["namesake_of"]]
    assert (takers["given_name"].to_numpy() == donors["given_name"].to_numpy()).all()
    assert (takers["surname"].to_numpy() == donors["surname"].to_numpy()).all()
    assert (takers["father_name"].to_numpy() != donors["father_name"].to_numpy()).all()
    assert not (p["given_name"] == p["father_name"]).any()


def test_surnames_follow_the_registry_head_and_a_long_tail() -> None:
    vocab = vocabulary()
    w = surname_weights(vocab)
    n_dict = vocab.n_dictionary_surnames
    assert w.sum() == pytest.approx(1.0)
    assert vocab.surnames[0].latin == "Mohammadi"
    # The civil registry's three most common surnames: about 1.13%, 0.78% and 0.72%.
    assert w[0] == pytest.approx(0.0113)
    assert 0.006 < w[2] < 0.009
    assert 0.1 < w[:n_dict].sum() < 0.3
    # Most people carry a composed surname, and no composed surname is common.
    assert len(vocab.surnames) - n_dict > 5000
    assert w[n_dict:].max() < 0.001
    prefixed = vocab.surnames[n_dict + vocab.n_composed_surnames :]
    assert {e.prefix for e in prefixed} == {"Pour", "Mir", "Bani", "Agha", "Molla"}
    # In a simulated case, Mohammadi is borne by about the registry's share of families.
    families = _sim(11).persons.drop_duplicates("family_id")
    share = (families["surname_latin"] == "Mohammadi").mean()
    assert 0.004 < share < 0.025
    assert families["surname_latin"].nunique() > 0.6 * len(families)


def test_prefixed_surnames_keep_one_key_across_scripts() -> None:
    vocab = vocabulary()
    prefixed = vocab.surnames[vocab.n_dictionary_surnames + vocab.n_composed_surnames :]
    forms = [(e.persian, latin) for e in prefixed for latin in (e.latin, *e.latin_variants)]
    agree = sum(match_key(fa) == match_key(la) for fa, la in forms)
    assert agree / len(forms) > 0.95
    mirahmadi = next(e for e in prefixed if e.latin == "Mirahmadi")
    assert mirahmadi.persian == "میراحمدی"
    assert "Mir Ahmadi" in mirahmadi.latin_variants


def _letters(frame: pd.DataFrame, column: str) -> str:
    return "".join(frame[column].astype(str))


def test_lists_write_names_in_their_script() -> None:
    sim = _sim(11)
    for item in sim.settings.lists:
        frame = sim.lists[item.name]
        column = "full_name" if "full_name" in frame else "surname"
        text = _letters(frame, column)
        persian = sum("\u0600" <= ch <= "\u06ff" for ch in text)
        latin = sum(ch.isascii() and ch.isalpha() for ch in text)
        if item.script == "persian":
            assert persian > 10 * latin, item.name
        else:
            assert latin > 0 and persian == 0, item.name


def test_latin_spellings_and_persian_forms_vary_between_lists() -> None:
    sim = _sim(11)
    truth = sim.truth.merge(sim.persons[["person_id", "surname_latin"]], on="person_id")
    spellings: dict[str, set[str]] = {}
    for name in ("mojahedin_en", "exile_fr", "amnesty_en"):
        frame = sim.lists[name].merge(truth[truth["list"] == name], on="record_id")
        surname = (
            frame["full_name"].str.split(",").str[0]
            if name != "mojahedin_en"
            else frame["full_name"].str.split().str[-1]
        )
        for true, written in zip(frame["surname_latin"], surname, strict=True):
            spellings.setdefault(true, set()).add(written.lower())
    # Some surnames are written more than one way across the Latin lists.
    assert sum(len(v) > 1 for v in spellings.values()) > 20
    fa = _letters(sim.lists["documentation_fa"], "full_name")
    assert "ي" in fa or "ك" in fa  # Arabic letter forms from Arabic keyboards


def test_simulate_captures_equals_the_full_simulation() -> None:
    sim = _sim(11)
    fast = simulate_captures(N, 11)
    assert fast.lists == sim.list_names
    assert fast.n_true == N
    captures = sim.captures()
    np.testing.assert_array_equal(fast.patterns, captures[list(sim.list_names)].to_numpy())
    np.testing.assert_array_equal(fast.counts, captures["count"].to_numpy())
    pd.testing.assert_frame_equal(fast.to_frame(), captures)


def test_more_lists_keep_the_first_ones() -> None:
    five, seven = _sim(11), _sim(11, N, 7)
    assert len(seven.list_names) == 7
    np.testing.assert_array_equal(five.captured, seven.captured[:, :5])
    pd.testing.assert_frame_equal(five.lists["exile_fr"], seven.lists["exile_fr"])


def test_settings_round_trip_through_json() -> None:
    settings = scenario_1988(100, 3, 7)
    again = SimulationSettings.from_dict(json.loads(json.dumps(settings.to_dict())))
    assert again == settings


def test_bad_settings_name_every_problem() -> None:
    data = scenario_1988(100, 3).to_dict()
    data["lists"][0]["script"] = "cyrillic"
    data["lists"][1]["coverage"] = 1.5
    data["bogus"] = 1
    with pytest.raises(InputError) as info:
        SimulationSettings.from_dict(data)
    fields = {p.field for p in info.value.problems}
    assert {"bogus"} <= fields
    bad = dict(scenario_1988(100, 3).to_dict())
    bad["lists"][0]["script"] = "cyrillic"
    bad["lists"][1]["coverage"] = 1.5
    with pytest.raises(InputError) as info:
        SimulationSettings.from_dict(bad)
    assert {p.field for p in info.value.problems} == {"script", "coverage"}
    with pytest.raises(InputError):
        SimulationSettings(n_persons=0, seed=1, lists=(ListSettings(name="a"),)).validate()


def test_heterogeneity_scales_the_weight_on_prominence() -> None:
    base = scenario_1988(100, 3)
    none = scenario_1988(100, 3, heterogeneity=0.0)
    double = scenario_1988(100, 3, heterogeneity=2.0)
    for a, b, c in zip(base.lists, none.lists, double.lists, strict=True):
        assert b.prominence == 0.0
        assert c.prominence == pytest.approx(2 * a.prominence)
    with pytest.raises(InputError):
        scenario_1988(100, 3, heterogeneity=-1.0)
    # Hidden heterogeneity shared by the lists makes them overlap more.
    flat = simulate_captures(20_000, 5, heterogeneity=0.0)
    steep = simulate_captures(20_000, 5, heterogeneity=2.0)
    assert steep.counts.sum() < flat.counts.sum()

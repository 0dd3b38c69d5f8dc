"""The gazetteer and resolve_place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.places import all_places, get_place, resolve_place, resolve_place_id


def test_gazetteer_is_shipped() -> None:
    places = all_places()
    kinds = {p.kind for p in places}
    assert kinds == {"city", "province", "prison", "burial site"}
    assert sum(p.kind == "city" for p in places) >= 78
    assert sum(p.kind == "prison" for p in places) >= 16
    assert len({p.id for p in places}) == len(places)
    for p in places:
        assert p.name and p.name_fa
        assert p.lat is not None and 24 < p.lat < 40, p.id
        assert p.lon is not None and 44 < p.lon < 64, p.id


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Tehran", "tehran"),
        ("Teheran", "tehran"),
        ("تهران", "tehran"),
        ("Bakhtaran", "kermanshah"),
        ("باختران", "kermanshah"),
        ("كرمانشاه", "kermanshah"),  # Arabic kaf
        ("Rezaiyeh", "urmia"),
        ("Orumiyeh", "urmia"),
        ("Urumiyeh", "urmia"),  # spelling not listed: found by the name keys
        ("Esfahan", "isfahan"),
        ("Ghazvin", "qazvin"),
        ("Ahwaz", "ahvaz"),
        ("Bandar-e Abbas", "bandar-abbas"),
        ("Bandar Pahlavi", "bandar-anzali"),
        ("Shahr-e Kord", "shahrekord"),
        ("Evin", "evin-prison"),
        ("زندان اوین", "evin-prison"),
        ("Gohar Dasht", "gohardasht-prison"),
        ("Gowhardasht prison", "gohardasht-prison"),
        ("رجایی‌شهر", "gohardasht-prison"),
        ("Qezel Hesar", "ghezel-hesar-prison"),
        ("Diesel Abad", "dizelabad-prison"),
        ("Vakil Abad", "vakilabad-prison"),
        ("Khavaran", "khavaran-cemetery"),
        ("Tabriz prison", "tabriz-central-prison"),
        ("استان تهران", "tehran-province"),
        ("Kurdistan province", "kurdistan-province"),
    ],
)
def test_resolve_place(text: str, place_id: str) -> None:
    assert resolve_place_id(text) == place_id


def test_kind_chooses_among_homonyms() -> None:
    assert resolve_place_id("Tehran", kind="province") == "tehran-province"
    assert resolve_place_id("Hamedan") == "hamadan"
    assert resolve_place_id("Hamedan prison") == "hamedan-prison"
    # a prison the gazetteer does not list resolves to its city
    assert resolve_place_id("Sanandaj prison") == "sanandaj"
    assert resolve_place_id("زندان سنندج") == "sanandaj"


@pytest.mark.parametrize("junk", ["", "   ", "xyz", "Paris", "12345", "زندان"])
def test_unknown_places_give_none(junk: str) -> None:
    assert resolve_place(junk) is None


def test_names_in_1988() -> None:
    kermanshah = get_place("kermanshah")
    assert kermanshah is not None
    assert kermanshah.name_in(1988) == "Bakhtaran"
    assert kermanshah.name_in(2020) == "Kermanshah"
    assert kermanshah.province_1988 == "Bakhtaran"
    karaj = get_place("karaj")
    assert karaj is not None and karaj.province == "Alborz" and karaj.province_1988 == "Tehran"
    gohardasht = get_place("gohardasht-prison")
    assert gohardasht is not None and gohardasht.city_id == "karaj"
    assert gohardasht.confidence == "high" and gohardasht.source_url


def test_get_place_unknown() -> None:
    assert get_place("atlantis") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_resolve_place_never_fails(text: str) -> None:
    place = resolve_place(text)
    assert place is None or get_place(place.id) == place

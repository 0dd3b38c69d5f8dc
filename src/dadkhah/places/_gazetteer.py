"""The gazetteer shipped with the package: provinces, cities, prisons and burial sites.

Read once from ``dadkhah/places/data`` through :mod:`importlib.resources`:
``iran_cities.csv`` (cities with province and coordinates), ``prisons_1988.csv`` (prisons and
burial sites with a confidence and a public source) and ``place_names.csv`` (extra spellings,
former names such as Bakhtaran for Kermanshah, and later names such as Rajaei Shahr).
Provinces are derived from the cities; a province's coordinates are its capital's.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

__all__ = ["HistoricalName", "Place", "PlaceKind", "all_places", "get_place"]

PlaceKind = Literal["city", "province", "prison", "burial site"]

# Provinces that were part of another province in 1988 (current name -> name in 1988).
_PROVINCE_1988: dict[str, str] = {
    "Alborz": "Tehran",
    "Qom": "Tehran",
    "Ardabil": "East Azerbaijan",
    "Golestan": "Mazandaran",
    "Razavi Khorasan": "Khorasan",
    "North Khorasan": "Khorasan",
    "South Khorasan": "Khorasan",
    "Kermanshah": "Bakhtaran",
}
_PROVINCE_CAPITALS: dict[str, str] = {
    "Tehran": "Tehran",
    "Alborz": "Karaj",
    "Razavi Khorasan": "Mashhad",
    "Isfahan": "Isfahan",
    "Fars": "Shiraz",
    "East Azerbaijan": "Tabriz",
    "Khuzestan": "Ahvaz",
    "Qom": "Qom",
    "Kermanshah": "Kermanshah",
    "West Azerbaijan": "Urmia",
    "Gilan": "Rasht",
    "Sistan and Baluchestan": "Zahedan",
    "Hamadan": "Hamadan",
    "Kerman": "Kerman",
    "Yazd": "Yazd",
    "Ardabil": "Ardabil",
    "Hormozgan": "Bandar Abbas",
    "Markazi": "Arak",
    "Zanjan": "Zanjan",
    "Kurdistan": "Sanandaj",
    "Qazvin": "Qazvin",
    "Lorestan": "Khorramabad",
    "Golestan": "Gorgan",
    "Mazandaran": "Sari",
    "Bushehr": "Bushehr",
    "South Khorasan": "Birjand",
    "North Khorasan": "Bojnurd",
    "Ilam": "Ilam",
    "Chaharmahal and Bakhtiyari": "Shahrekord",
    "Kohgiluye and Buyer Ahmad": "Yasuj",
    "Semnan": "Semnan",
}


@dataclass(frozen=True, slots=True)
class HistoricalName:
    """A former or later name of a place, with the years it was in use when known."""

    name: str
    from_year: int | None = None
    to_year: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer. ``id`` is stable (``tehran``, ``evin-prison``,
    ``kermanshah-province``); ``province`` is the current province, ``province_1988`` the
    province it belonged to in 1988 when that differs or is known."""

    id: str
    kind: PlaceKind
    name: str
    name_fa: str
    lat: float | None
    lon: float | None
    province: str | None = None
    province_fa: str | None = None
    province_1988: str | None = None
    city_id: str | None = None
    variants: tuple[str, ...] = ()
    historical_names: tuple[HistoricalName, ...] = ()
    confidence: str | None = None
    source_url: str | None = None
    note: str = ""
    names: tuple[str, ...] = field(default=(), repr=False)

    def name_in(self, year: int) -> str:
        """The place's name in a given year (Bakhtaran for Kermanshah in 1988)."""
        for h in self.historical_names:
            if (
                h.from_year is not None
                and h.to_year is not None
                and h.from_year <= year <= h.to_year
            ):
                return h.name
        return self.name


def slug(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _read(name: str) -> list[dict[str, str]]:
    raw = resources.files("dadkhah.places").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(raw)))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


@lru_cache(maxsize=1)
def all_places() -> tuple[Place, ...]:
    """Every place of the gazetteer: provinces, then cities, then prisons and burial sites."""
    extra: dict[str, list[dict[str, str]]] = {}
    for row in _read("place_names.csv"):
        extra.setdefault(row["place_id"], []).append(row)

    def finish(place: Place) -> Place:
        variants = list(place.variants)
        history = list(place.historical_names)
        for row in extra.get(place.id, []):
            if row["kind"] == "historical":
                history.append(
                    HistoricalName(
                        row["name"],
                        _int(row["from_year"]),
                        _int(row["to_year"]),
                        row.get("note", ""),
                    )
                )
            elif row["name"] not in variants:
                variants.append(row["name"])
        names = tuple(
            dict.fromkeys([place.name, place.name_fa, *variants, *(h.name for h in history)])
        )
        return dataclasses.replace(
            place, variants=tuple(variants), historical_names=tuple(history), names=names
        )

    cities = _read("iran_cities.csv")
    by_city = {row["latin"]: row for row in cities}
    places: list[Place] = []
    provinces: dict[str, tuple[str, str]] = {}
    for row in cities:
        provinces.setdefault(row["province"], (row["province_persian"], row["province"]))
    for province, (province_fa, _) in provinces.items():
        capital = by_city.get(_PROVINCE_CAPITALS.get(province, ""))
        places.append(
            finish(
                Place(
                    id=f"{slug(province)}-province",
                    kind="province",
                    name=province,
                    name_fa=province_fa,
                    lat=_float(capital["lat"]) if capital else None,
                    lon=_float(capital["lon"]) if capital else None,
                    province=province,
                    province_fa=province_fa,
                    province_1988=_PROVINCE_1988.get(
                        province, province if province != "Qazvin" else None
                    ),
                    note="coordinates of the provincial capital",
                )
            )
        )
    for row in cities:
        variants = tuple(v.strip() for v in row["variants"].split("|") if v.strip())
        province = row["province"]
        places.append(
            finish(
                Place(
                    id=slug(row["latin"]),
                    kind="city",
                    name=row["latin"],
                    name_fa=row["persian"],
                    lat=_float(row["lat"]),
                    lon=_float(row["lon"]),
                    province=province,
                    province_fa=row["province_persian"],
                    province_1988=_PROVINCE_1988.get(
                        province, province if province != "Qazvin" else None
                    ),
                    variants=variants,
                    source_url=None,
                    note=row.get("note", ""),
                )
            )
        )
    for row in _read("prisons_1988.csv"):
        city = by_city.get(row["city"])
        kind: PlaceKind = "burial site" if row["kind"].strip() == "burial site" else "prison"
        province = city["province"] if city else row["province"]
        places.append(
            finish(
                Place(
                    id=slug(row["name_latin"]),
                    kind=kind,
                    name=row["name_latin"],
                    name_fa=row["name_persian"],
                    lat=_float(row["lat"]),
                    lon=_float(row["lon"]),
                    province=province,
                    province_fa=city["province_persian"] if city else None,
                    province_1988=_PROVINCE_1988.get(province, province),
                    city_id=slug(row["city"]) if city else None,
                    confidence=row["confidence"],
                    source_url=row["source_url"],
                    note=row.get("note", ""),
                )
            )
        )
    return tuple(places)


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Place]:
    return {p.id: p for p in all_places()}


def get_place(place_id: str) -> Place | None:
    """The place with this id, or None."""
    return _by_id().get(place_id)

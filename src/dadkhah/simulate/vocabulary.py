"""The words a simulated case is made of: names, places, prisons, affiliations.

Everything is read from the data files shipped in the package (``dadkhah/names/data`` and
``dadkhah/places/data``), so a simulation never needs anything outside the installed package.

Surnames are the shipped dictionary plus surnames *composed* the way Persian surnames are formed:
a given name or a city with ``-i``, ``-zadeh``, ``-pour``, ``-nejad``, ``-ian``, ``-far``,
``-nia`` ...; and any of those after a prefix (``Pour-``, ``Mir-``, ``Agha-``, ``Molla-``,
``Bani-``: Pourmohammadi, Mirhosseini, Aghajafari). The 293 shipped surnames alone
would make every common name far more common than it is: Iran's civil registry counts hundreds of
thousands of distinct surnames, the most common of them (Mohammadi) borne by about 1.1% of people.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

ZWNJ = "\u200c"

__all__ = [
    "AFFILIATIONS",
    "City",
    "NameEntry",
    "Prison",
    "Vocabulary",
    "vocabulary",
]


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name with its spellings: the Persian form and variants, the common Latin form and variants."""

    persian: str
    persian_variants: tuple[str, ...]
    latin: str
    latin_variants: tuple[str, ...]
    sex: str  # "M", "F", or "" for surnames
    composed: bool = False  # a surname built from a stem and a suffix, not from the dictionary
    suffix: str = ""  # the Latin suffix of a composed surname ("zadeh", "pour" ...)
    prefix: str = ""  # the Latin prefix of a prefixed surname ("Mir", "Agha" ...)


@dataclass(frozen=True, slots=True)
class City:
    persian: str
    latin: str
    latin_variants: tuple[str, ...]
    province: str
    province_persian: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Prison:
    persian: str
    latin: str
    latin_variants: tuple[str, ...]
    city: str  # Latin city name
    generic: bool  # a "<City> Prison" made up for a city whose facility the sources do not name


# Affiliation codes, their group (for capture), and their labels: two Latin and two Persian styles.
AFFILIATIONS: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "pmoi": ("pmoi", ("PMOI", "Mojahedin"), ("مجاهدین خلق", "سازمان مجاهدین خلق ایران")),
    "fadaian_minority": (
        "left",
        ("Fadaian (Minority)", "Fedaian Aqaliyat"),
        ("فدائیان اقلیت", "سازمان چریکهای فدایی خلق (اقلیت)"),
    ),
    "fadaian_majority": (
        "left",
        ("Fadaian (Majority)", "Fedaian Aksariyat"),
        ("فدائیان اکثریت", "سازمان فداییان خلق (اکثریت)"),
    ),
    "tudeh": ("left", ("Tudeh Party", "Tudeh"), ("حزب توده", "حزب توده ایران")),
    "peykar": ("left", ("Peykar", "Paykar"), ("پیکار", "سازمان پیکار در راه آزادی طبقه کارگر")),
    "rah_e_kargar": ("left", ("Rah-e Kargar", "Rahe Kargar"), ("راه کارگر", "سازمان راه کارگر")),
    "komala": ("kurdish", ("Komala", "Komaleh"), ("کومله", "سازمان انقلابی زحمتکشان کردستان")),
    "kdpi": (
        "kurdish",
        ("KDPI", "Kurdish Democratic Party"),
        ("حزب دموکرات", "حزب دموکرات کردستان ایران"),
    ),
    "unknown": ("unknown", ("", "unknown"), ("", "نامعلوم")),
}

# Surname suffixes: Latin common form, Latin variants, Persian form, whether joined with ZWNJ.
_SUFFIXES: tuple[tuple[str, tuple[str, ...], str, bool], ...] = (
    ("zadeh", ("zade", "zadé"), "زاده", True),
    ("pour", ("pur", "poor"), "پور", True),
    ("nejad", ("nezhad", "nejhad", "nedjad"), "نژاد", True),
    ("far", (), "فر", True),
    ("nia", ("nya",), "نیا", True),
    ("i", (), "ی", False),
    ("ian", ("iyan",), "یان", False),
    ("lou", ("loo", "lu"), "لو", False),
    ("vand", ("wand",), "وند", False),
    ("khani", ("khany", "xani"), "خانی", False),
)

# Surname prefixes: Latin form, Latin variants, Persian form, whether the Persian is joined with
# ZWNJ, whether the name parser knows the prefix as the start of a two-word surname (so that a
# list may write it apart: "Mir Hosseini", «بنی صدر»). Titles that are also prefixes (Haj,
# Sheikh, Mashhadi) are left out: written apart they read as titles, not as part of the surname;
# so is Ostad, whose joined Latin form runs "d" into "h" and reads as one letter (Ostadhosseini).
_PREFIXES: tuple[tuple[str, tuple[str, ...], str, bool, bool], ...] = (
    ("Pour", ("Pur", "Poor"), "پور", False, True),
    ("Mir", (), "میر", False, True),
    ("Bani", ("Beni",), "بنی", True, True),
    ("Agha", ("Aqa", "Aga"), "آقا", False, False),
    ("Molla", ("Mulla", "Mola"), "ملا", False, False),
)

# Names a historic list may use instead of the current one (Persian, Latin).
HISTORIC_CITY_NAMES: dict[str, tuple[str, str]] = {
    "Kermanshah": ("باختران", "Bakhtaran"),
    "Bandar Anzali": ("بندرپهلوی", "Bandar Pahlavi"),
}

# Provinces as they were in 1988 (Latin, Persian), where they differ from today's.
PROVINCES_1988: dict[str, tuple[str, str]] = {
    "Alborz": ("Tehran", "تهران"),
    "Qom": ("Tehran", "تهران"),
    "Razavi Khorasan": ("Khorasan", "خراسان"),
    "North Khorasan": ("Khorasan", "خراسان"),
    "South Khorasan": ("Khorasan", "خراسان"),
    "Qazvin": ("Zanjan", "زنجان"),
    "Ardabil": ("East Azerbaijan", "آذربایجان شرقی"),
    "Golestan": ("Mazandaran", "مازندران"),
}

# Other Latin spellings of the prisons the sources name (beyond the short form of the name).
_PRISON_VARIANTS: dict[str, tuple[str, ...]] = {
    "Evin Prison": ("Evin",),
    "Gohardasht Prison (Rajaei Shahr)": (
        "Gohardasht",
        "Gohar Dasht",
        "Gowhardasht",
        "Rajaei Shahr",
    ),
    "Ghezel Hesar Prison": ("Ghezel Hesar", "Qezel Hesar", "Ghezelhesar"),
    "Vakilabad Prison": ("Vakilabad", "Vakil Abad", "Vakil-Abad"),
    "Adelabad Prison": ("Adelabad", "Adel Abad"),
    "Dizelabad Prison": ("Dizelabad", "Diesel Abad", "Dizel Abad"),
    "Lakan Prison": ("Lakan", "Lakan Rasht"),
    "Dastgerd Prison": ("Dastgerd",),
    "Tabriz Central Prison": ("Tabriz Prison", "Tabriz"),
    "UNESCO Prison (Dezful)": ("UNESCO Prison", "Yunesko", "Dezful"),
    "Karun Prison (Ahvaz)": ("Karun", "Karoun Prison"),
    "Fajr Prison (Ahvaz)": ("Fajr", "Fajr Ahwaz"),
}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read(package: str, name: str) -> list[dict[str, str]]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Vocabulary:
    """Everything a simulation draws from, in a fixed order (so draws are reproducible)."""

    male: tuple[NameEntry, ...]
    female: tuple[NameEntry, ...]
    surnames: tuple[NameEntry, ...]  # the dictionary, then composed surnames, then prefixed ones
    n_dictionary_surnames: int
    n_composed_surnames: int  # composed without a prefix (the prefixed ones follow them)
    cities: tuple[City, ...]
    prisons: tuple[Prison, ...]
    city_prisons: tuple[tuple[int, ...], ...]  # for each city, the prisons its people were held in
    male_prefixes: tuple[str, ...]  # Persian given names that start compounds (for splitting)


def _given_names() -> tuple[list[NameEntry], list[NameEntry]]:
    male: list[NameEntry] = []
    female: list[NameEntry] = []
    for row in _read("dadkhah.names", "persian_given_names.csv"):
        entry = NameEntry(
            persian=row["persian"].strip(),
            persian_variants=_split(row["persian_variants"]),
            latin=row["latin_common"].strip(),
            latin_variants=_split(row["variants"]),
            sex=row["sex"].strip(),
        )
        (female if entry.sex == "F" else male).append(entry)
    return male, female


def _composed_surnames(
    male: list[NameEntry], cities: list[City], taken: set[str]
) -> list[NameEntry]:
    """Surnames built from short male names and from cities, as Persian surnames are built."""
    out: list[NameEntry] = []
    stems = [
        e
        for e in male
        if ZWNJ not in e.persian
        and " " not in e.latin
        and len(e.persian) <= 5
        and not e.latin.lower().endswith(("ollah", "oddin", "eddin"))
    ]
    for stem in stems:
        vowel_final = stem.persian[-1] in "اوی" or stem.persian.endswith("ه")
        latin_stems = [
            stem.latin,
            *[v for v in stem.latin_variants if " " not in v and "-" not in v],
        ]
        for suffix, suffix_variants, suffix_fa, zwnj in _SUFFIXES:
            if suffix in ("i", "ian", "lou", "vand") and vowel_final:
                continue
            persian = stem.persian + (ZWNJ if zwnj else "") + suffix_fa
            joined = stem.persian + suffix_fa
            if persian in taken or joined in taken:
                continue
            taken.update((persian, joined))
            latin = stem.latin + suffix
            variants = [s + x for s in latin_stems for x in (suffix, *suffix_variants)]
            p_variants = (joined, stem.persian + " " + suffix_fa) if zwnj else ()
            out.append(
                NameEntry(
                    persian,
                    p_variants,
                    latin,
                    tuple(v for v in dict.fromkeys(variants) if v != latin),
                    "",
                    True,
                    suffix,
                )
            )
    for city in cities:
        if (
            " " in city.latin
            or "-" in city.latin
            or city.persian[-1] in "اویه"
            or " " in city.persian
        ):
            continue
        persian = city.persian.replace(ZWNJ, "") + "ی"
        if persian in taken:
            continue
        taken.add(persian)
        latin = city.latin + "i"
        city_variants = tuple(
            v + "i"
            for v in city.latin_variants
            if " " not in v and "-" not in v and SequenceMatcher(None, v, city.latin).ratio() >= 0.7
        )
        out.append(NameEntry(persian, (), latin, city_variants, "", True, "i"))
    return out


def _prefixed_surnames(bases: list[NameEntry], taken: set[str]) -> list[NameEntry]:
    """Each base surname (dictionary or composed) after each prefix: Mirhosseini, Aghajafari."""
    out: list[NameEntry] = []
    for prefix, prefix_variants, prefix_fa, zwnj, known in _PREFIXES:
        for base in bases:
            if " " in base.latin or " " in base.persian:
                continue
            persian = prefix_fa + (ZWNJ if zwnj else "") + base.persian
            if persian in taken or base.latin.lower().startswith(prefix.lower()):
                continue
            taken.add(persian)
            latin = prefix + base.latin.lower()
            variants = [
                p + b.lower()
                for p in (prefix, *prefix_variants)
                for b in (base.latin, *base.latin_variants)
                if " " not in b and "-" not in b
            ]
            if known:
                variants.append(f"{prefix} {base.latin}")
            p_variants = [prefix_fa + v for v in base.persian_variants if " " not in v]
            if zwnj:
                p_variants.append(prefix_fa + base.persian)
            out.append(
                NameEntry(
                    persian,
                    tuple(dict.fromkeys(p_variants)),
                    latin,
                    tuple(v for v in dict.fromkeys(variants) if v != latin),
                    "",
                    True,
                    base.suffix,
                    prefix,
                )
            )
    return out


def _prisons(cities: list[City]) -> tuple[list[Prison], list[tuple[int, ...]]]:
    prisons: list[Prison] = []
    coords: list[tuple[float, float]] = []
    for row in _read("dadkhah.places", "prisons_1988.csv"):
        if row["kind"].strip() != "prison":
            continue
        latin = row["name_latin"].strip()
        prisons.append(
            Prison(
                persian=row["name_persian"].strip(),
                latin=latin,
                latin_variants=_PRISON_VARIANTS.get(latin, ()),
                city=row["city"].strip(),
                generic=False,
            )
        )
        coords.append((float(row["lat"]), float(row["lon"])))
    city_province = {name: c.province for c in cities for name in (c.latin, *c.latin_variants)}
    canonical = {name: c.latin for c in cities for name in (c.latin, *c.latin_variants)}
    prisons = [
        Prison(p.persian, p.latin, p.latin_variants, canonical.get(p.city, p.city), p.generic)
        for p in prisons
    ]
    named = len(prisons)
    generic_for_province: dict[str, int] = {}
    city_prisons: list[tuple[int, ...]] = []
    for city in cities:
        same_city = tuple(i for i in range(named) if prisons[i].city == city.latin)
        same_province = [
            i for i in range(named) if city_province.get(prisons[i].city) == city.province
        ]
        if same_city:
            city_prisons.append(same_city)
        elif same_province:
            distances = {i: _km(city.lat, city.lon, *coords[i]) for i in same_province}
            city_prisons.append((min(distances, key=lambda i: distances[i]),))
        else:
            # The sources name no facility for this province: its people are held in a prison
            # of the province's first-listed city (its capital), under a generic name.
            if city.province not in generic_for_province:
                capital = next(c for c in cities if c.province == city.province)
                prisons.append(
                    Prison(
                        persian="زندان " + capital.persian,
                        latin=f"{capital.latin} Prison",
                        latin_variants=(capital.latin,),
                        city=capital.latin,
                        generic=True,
                    )
                )
                generic_for_province[city.province] = len(prisons) - 1
            city_prisons.append((generic_for_province[city.province],))
    # Tehran's and Karaj's political prisoners were held in Evin, Gohardasht and Ghezel Hesar.
    tehran_area = tuple(i for i, p in enumerate(prisons) if p.city in ("Tehran", "Karaj"))
    for i, city in enumerate(cities):
        if city.latin in ("Tehran", "Karaj", "Rey", "Varamin", "Eslamshahr"):
            city_prisons[i] = tehran_area
    return prisons, city_prisons


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read once)."""
    male, female = _given_names()
    cities = [
        City(
            persian=row["persian"].strip(),
            latin=row["latin"].strip(),
            latin_variants=_split(row["variants"]),
            province=row["province"].strip(),
            province_persian=row["province_persian"].strip(),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for row in _read("dadkhah.places", "iran_cities.csv")
    ]
    surnames = [
        NameEntry(
            persian=row["persian"].strip(),
            persian_variants=_split(row["persian_variants"]),
            latin=row["latin_common"].strip(),
            latin_variants=_split(row["variants"]),
            sex="",
        )
        for row in _read("dadkhah.names", "persian_surnames.csv")
    ]
    taken = {s.persian for s in surnames} | {v for s in surnames for v in s.persian_variants}
    composed = _composed_surnames(male, cities, taken)
    prefixed = _prefixed_surnames(surnames + composed, taken)
    prisons, city_prisons = _prisons(cities)
    prefixes = tuple(e.persian for e in male if ZWNJ not in e.persian and len(e.persian) >= 3)
    return Vocabulary(
        male=tuple(male),
        female=tuple(female),
        surnames=tuple(surnames + composed + prefixed),
        n_dictionary_surnames=len(surnames),
        n_composed_surnames=len(composed),
        cities=tuple(cities),
        prisons=tuple(prisons),
        city_prisons=tuple(city_prisons),
        male_prefixes=prefixes,
    )

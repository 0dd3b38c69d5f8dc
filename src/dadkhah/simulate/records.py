"""One list's records: the captured victims written down with the list's habits.

Each list has its own random stream, so adding a list never changes the others. Records are in
random order (the order of a list says nothing about who is who) and a few victims are entered
twice, each entry written independently.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd

from dadkhah.simulate.calendar import (
    format_date,
    gregorian_parts,
    solar_hijri_parts,
    to_persian_digits,
)
from dadkhah.simulate.population import AFFILIATION_CODES, Names, Population, stream
from dadkhah.simulate.settings import LIST_FIELDS, ListSettings
from dadkhah.simulate.spelling import Speller, arabic_letter_forms
from dadkhah.simulate.vocabulary import (
    AFFILIATIONS,
    HISTORIC_CITY_NAMES,
    PROVINCES_1988,
    ZWNJ,
    NameEntry,
    Vocabulary,
)

__all__ = ["render_list"]

_NOTES_EN = (
    "body not returned to the family",
    "buried in an unmarked grave",
    "arrested in 1981",
    "student",
    "worker",
    "teacher",
    "sentence had been served",
    "family informed months later",
)
_NOTES_FA = (
    "پیکرش به خانواده تحویل داده نشد",
    "در گور بی‌نام دفن شد",
    "دستگیری در سال ۱۳۶۰",
    "دانشجو",
    "کارگر",
    "معلم",
    "دوران محکومیتش تمام شده بود",
    "خانواده ماه‌ها بعد مطلع شد",
)
_SIBLING_EN = "a sibling was also executed"
_SIBLING_FA = "خواهر یا برادرش نیز اعدام شد"
_SEX = {
    ("latin", 0): ("M", "F"),
    ("latin", 1): ("male", "female"),
    ("persian", 0): ("مرد", "زن"),
    ("persian", 1): ("مذکر", "مؤنث"),
}


@lru_cache(maxsize=1)
def _place_entries(vocab: Vocabulary) -> tuple[tuple[NameEntry, ...], tuple[NameEntry, ...]]:
    """Cities and prisons as name entries (historic city names are kept apart, not as spellings)."""
    cities = tuple(
        NameEntry(
            c.persian,
            (),
            c.latin,
            tuple(
                v
                for v in c.latin_variants
                if SequenceMatcher(None, v.lower(), c.latin.lower()).ratio() >= 0.6
            ),
            "",
        )
        for c in vocab.cities
    )
    prisons = []
    for p in vocab.prisons:
        base = p.persian.split(" (")[0]
        short = base.removeprefix("زندان ").strip()
        persian_variants = tuple(v for v in (short,) if v != base)
        prisons.append(NameEntry(base, persian_variants, p.latin, p.latin_variants, ""))
    return cities, tuple(prisons)


@lru_cache(maxsize=1)
def _split_parts(entries: tuple[NameEntry, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    """Each compound given name written apart (or ""), and its second part's index (or -1)."""
    index = {e.persian: i for i, e in enumerate(entries)}
    prefixes = sorted({*index, "غلام", "میر"}, key=len, reverse=True)
    second = np.full(len(entries), -1, dtype=np.int64)
    apart = [""] * len(entries)
    for i, e in enumerate(entries):
        name = e.persian.replace(ZWNJ, "")
        for prefix in prefixes:
            rest = name[len(prefix) :]
            if name.startswith(prefix) and rest in index and rest != name:
                second[i] = index[rest]
                apart[i] = f"{prefix} {rest}"
                break
    return tuple(apart), second


def _choose(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    keys = list(weights)
    w = np.array([weights[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=n, p=w / w.sum())]


def _dates(
    rng: np.random.Generator,
    ordinals: np.ndarray,
    formats: dict[str, float],
    persian: bool,
    digits: np.ndarray,
    circa: np.ndarray | None = None,
) -> list[str]:
    fmt = _choose(rng, formats, len(ordinals))
    sy, sm, sd = solar_hijri_parts(ordinals)
    gy, gm, gd = gregorian_parts(ordinals)
    pad = rng.random(len(ordinals)) < 0.7
    cy = gy if circa is None else circa
    # Plain Python values: indexing numpy arrays element by element is far slower.
    return [
        format_date(f, (a, b, c), (d, e, g), persian=persian, persian_digits=x, pad=p, circa_year=y)
        for f, a, b, c, d, e, g, x, p, y in zip(
            fmt.tolist(),
            sy.tolist(),
            sm.tolist(),
            sd.tolist(),
            gy.tolist(),
            gm.tolist(),
            gd.tolist(),
            digits.tolist(),
            pad.tolist(),
            cy.tolist(),
            strict=True,
        )
    ]


def render_list(
    item: ListSettings,
    k: int,
    seed: int,
    vocab: Vocabulary,
    pop: Population,
    names: Names,
    members: np.ndarray,
) -> tuple[pd.DataFrame, np.ndarray]:
    """The records of list ``k`` (a DataFrame in the standard list format) and each record's person."""
    rng = stream(seed, 3, k)
    persian = item.script == "persian"
    reps = (
        1
        + (rng.random(len(members)) < item.duplicate_rate)
        + (rng.random(len(members)) < item.duplicate_rate / 10)
    )
    person = np.repeat(members, reps)
    rng.shuffle(person)
    n = len(person)

    given_entries = (*vocab.male, *vocab.female)
    apart, second = _split_parts(given_entries)
    city_entries, prison_entries = _place_entries(vocab)
    given_sp = Speller(item, given_entries, rng, apart)
    surname_sp = Speller(item, vocab.surnames, rng)
    city_sp = Speller(item, city_entries, rng)
    prison_sp = Speller(item, prison_entries, rng)

    # Names.
    g_idx = names.given[person].copy()
    short = (rng.random(n) < item.short_name_rate) & (second[g_idx] >= 0)
    g_idx[short] = second[g_idx[short]]
    given = given_sp.spell(g_idx, rng)
    surname = surname_sp.spell(names.surname[person], rng)
    father = given_sp.spell(names.father[person], rng)
    titled = pop.sayyid[person] & (rng.random(n) < item.title_rate)
    female = pop.female[person]
    for i in np.flatnonzero(titled):
        if female[i]:
            if "سادات" not in given[i] and "sadat" not in given[i].lower():
                given[i] += " سادات" if persian else " Sadat"
        else:
            given[i] = f"{given_sp.title(rng)} {given[i]}"
    for i in np.flatnonzero(rng.random(n) < item.haj_rate):
        father[i] = f"{given_sp.haj()} {father[i]}"
    arabic = rng.random(n) < item.arabic_letters if persian else np.zeros(n, dtype=bool)
    if item.upper_surname and not persian:
        surname = [s.upper() for s in surname]

    columns: dict[str, list[str]] = {}
    if item.layout == "columns":
        columns["given_name"], columns["surname"] = given, surname
    elif item.layout == "surname_comma_given":
        sep = "، " if persian else ", "
        columns["full_name"] = [f"{s}{sep}{g}" for g, s in zip(given, surname, strict=True)]
    else:
        swapped = rng.random(n) < item.swap_rate
        columns["full_name"] = [
            f"{s} {g}" if swap else f"{g} {s}"
            for g, s, swap in zip(given, surname, swapped, strict=True)
        ]
    father_col = list(father)
    if item.layout != "columns" and item.father_in_name > 0:
        for i in np.flatnonzero(rng.random(n) < item.father_in_name):
            link = "فرزند" if persian else ("daughter of" if female[i] else "son of")
            columns["full_name"][i] += f" {link} {father[i]}"
            father_col[i] = ""

    # Dates: some lists get the year or the day wrong.
    digits = rng.random(n) < item.persian_digits if persian else np.zeros(n, dtype=bool)
    birth = pop.birth[person].copy()
    wrong = rng.random(n) < item.birth_error_rate
    birth[wrong] += rng.choice(
        np.array([-730, -365, 365, 730]), size=int(wrong.sum()), p=[0.1, 0.4, 0.4, 0.1]
    )
    circa = gregorian_parts(birth)[0] + np.rint(rng.normal(0.0, 1.0, n)).astype(np.int64)
    death = pop.death[person].copy()
    wrong = rng.random(n) < item.date_error_rate
    death[wrong] += rng.integers(1, 31, int(wrong.sum())) * rng.choice(
        np.array([-1, 1]), int(wrong.sum())
    )

    cities = pop.city[person].copy()
    wrong = rng.random(n) < item.place_error_rate
    cities[wrong] = rng.integers(0, len(vocab.cities), int(wrong.sum()))
    prisons = pop.prison[person]

    def place(index: np.ndarray) -> list[str]:
        out = city_sp.spell(index, rng)
        historic = rng.random(len(index)) < item.historic_names
        for i in np.flatnonzero(historic):
            old = HISTORIC_CITY_NAMES.get(vocab.cities[index[i]].latin)
            if old:
                out[i] = old[0] if persian else old[1]
        return out

    values: dict[str, list[str]] = {}
    for name in item.fields:
        if name == "father_name":
            values[name] = father_col
        elif name == "sex":
            labels = _SEX[(item.script, item.label_style)]
            values[name] = [labels[1] if f else labels[0] for f in female]
        elif name == "birth_date":
            values[name] = _dates(rng, birth, dict(item.birth_formats), persian, digits, circa)
        elif name == "death_date":
            values[name] = _dates(rng, death, dict(item.death_formats), persian, digits)
        elif name == "birth_place":
            values[name] = place(pop.birth_city[person])
        elif name == "city":
            values[name] = place(cities)
        elif name == "death_place":
            city_of = {c.latin: i for i, c in enumerate(vocab.cities)}
            prison_city = np.array([city_of.get(p.city, 0) for p in vocab.prisons])
            values[name] = place(prison_city[prisons])
        elif name == "province":
            values[name] = _provinces(item, vocab, cities)
        elif name == "prison":
            values[name] = prison_sp.spell(prisons, rng)
        elif name == "affiliation":
            style = 2 if persian else 1
            wording = [AFFILIATIONS[c][style][item.label_style] for c in AFFILIATION_CODES]
            values[name] = [wording[a] for a in pop.affiliation[person]]
        elif name == "source_ref":
            page = rng.integers(1, max(n // 25, 2) + 1, n)
            values[name] = [to_persian_digits(f"ص {p}") if persian else f"p. {p}" for p in page]
        elif name == "notes":
            values[name] = _notes(rng, item, pop.has_sibling[person])
    for name, column in values.items():
        if name in ("father_name",):
            blank = rng.random(n) < item.missing_rate / 2
        else:
            blank = rng.random(n) < item.missing_rate
        for i in np.flatnonzero(blank):
            column[i] = ""
    if item.extra_column:
        values[item.extra_column] = _extra(rng, item, pop, person, digits)

    for i in np.flatnonzero(arabic):
        for column in (
            *columns.values(),
            values.get("father_name", []),
            values.get("birth_place", []),
            values.get("city", []),
        ):
            if column:
                column[i] = arabic_letter_forms(column[i])

    # Numbers alone are not zero-padded, so reading them as integers keeps them equal.
    width = max(len(str(n)), 4) if item.record_prefix else 0
    frame = pd.DataFrame(
        {"record_id": [f"{item.record_prefix}{i + 1:0{width}d}" for i in range(n)]}
    )
    for name, column in columns.items():
        frame[name] = column
    for name in LIST_FIELDS:
        if name in values:
            frame[name] = values[name]
    if item.extra_column:
        frame[item.extra_column] = values[item.extra_column]
    return frame, person


def _provinces(item: ListSettings, vocab: Vocabulary, cities: np.ndarray) -> list[str]:
    out: list[str] = []
    for c in cities:
        city = vocab.cities[c]
        latin, persian = city.province, city.province_persian
        if item.province_style == "1988" and latin in PROVINCES_1988:
            latin, persian = PROVINCES_1988[latin]
        out.append(persian if item.script == "persian" else latin)
    return out


def _notes(rng: np.random.Generator, item: ListSettings, sibling: np.ndarray) -> list[str]:
    persian = item.script == "persian"
    pool = _NOTES_FA if persian else _NOTES_EN
    out = [""] * len(sibling)
    for i in np.flatnonzero(rng.random(len(sibling)) < item.notes_rate):
        if sibling[i] and rng.random() < 0.6:
            out[i] = _SIBLING_FA if persian else _SIBLING_EN
        else:
            out[i] = pool[int(rng.integers(0, len(pool)))]
    return out


def _extra(
    rng: np.random.Generator,
    item: ListSettings,
    pop: Population,
    person: np.ndarray,
    digits: np.ndarray,
) -> list[str]:
    n = len(person)
    persian = item.script == "persian"
    if item.extra_column == "age":
        age = ((pop.death[person] - pop.birth[person]) / 365.25).astype(np.int64)
        age = age + rng.choice(np.array([-1, 0, 0, 0, 0, 0, 1]), n)
        text = [str(a) for a in age]
    elif item.extra_column == "ward":
        ward = rng.integers(1, 9, n)
        text = [f"بند {w}" if persian else f"Ward {w}" for w in ward]
    elif item.extra_column == "arrest_year":
        arrest = pop.death[person] - rng.integers(365, 7 * 365, n)
        years = solar_hijri_parts(arrest)[0] if persian else gregorian_parts(arrest)[0]
        text = [str(y) for y in years]
    else:  # page
        text = [str(p) for p in rng.integers(1, max(n // 25, 2) + 1, n)]
    blank = rng.random(n) < item.missing_rate
    return [
        "" if blank[i] else (to_persian_digits(t) if digits[i] else t) for i, t in enumerate(text)
    ]

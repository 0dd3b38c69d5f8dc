"""Realistic 1988-style victim lists from a generator independent of ``dadkhah.simulate``.

    python bench/link/realistic.py --persons 3000 --seed 7 --out /tmp/realistic3k

writes ``lists/*.csv`` in the standard list format (docs/list-format.md) and ``truth.csv``
(``list,record_id,person_id``). Nothing here imports Dadkhah: the names and places come from the
shared CSVs (``DADKHAH_SHARED`` or ../shared), spelling variants from rules written here, dates
through jdatetime. The same seed gives the same files.

What it does that a linker may not expect (each list has its own habits):

- name frequencies with a heavy head (Mohammad, Ali, Hossein... Hosseini, Mohammadi...), so
  namesakes are common; explicit namesakes and siblings (same surname, father and city);
- compound given names joined, with ZWNJ, a space or a hyphen (محمدرضا / محمد رضا /
  Mohammadreza / Mohammad-Reza); titles Seyyed/سید and Sadat written by some lists only;
  surnames made from a name or a town plus -zadeh/-pour/-i/-nejad/-far/-lou/-vand, most of them
  not in any dictionary;
- Arabic letter forms (ي ك ة ئ), ZWNJ/space/joined suffixes, Latin spellings made by rules
  (kh/x, ou/u/oo, ee/i, ei/ey, e/a, gh/q, doubled letters, -eh/-e) and one-letter typos;
- name order "SURNAME, Given", "Given Surname" and "Surname Given" (no comma); father's name in
  its own column or inside the full name ("son of", «فرزند»);
- Solar Hijri dates with Persian or ASCII digits, two-digit years, month names, seasons;
  Gregorian dates as ISO, day-month-year, "c. 1961", year only, or an age instead of a
  birth date; years off by one; missing fields;
- duplicates inside a list.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import jdatetime

HERE = Path(__file__).resolve()
_CANDIDATES = [HERE.parents[3] / "shared", HERE.parents[2].parent / "shared", Path("/work/shared")]
SHARED = Path(
    os.environ.get("DADKHAH_SHARED", next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0]))
)

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTHS_FA = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
MONTHS_LAT = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ZWNJ = "\u200c"

# name parts that make compound given names (first part, second part), Persian and Latin
COMPOUND_FIRST = [
    ("محمد", "Mohammad", 6),
    ("علی", "Ali", 3),
    ("غلام", "Gholam", 2),
    ("میر", "Mir", 1),
]
COMPOUND_SECOND = [
    ("رضا", "Reza"), ("علی", "Ali"), ("حسین", "Hossein"), ("حسن", "Hassan"), ("جواد", "Javad"),
    ("مهدی", "Mehdi"), ("باقر", "Bagher"), ("کاظم", "Kazem"), ("تقی", "Taghi"), ("اکبر", "Akbar"),
    ("اصغر", "Asghar"), ("صادق", "Sadegh"), ("ابراهیم", "Ebrahim"), ("حمید", "Hamid"),
]  # fmt: skip
SUFFIXES = [
    ("زاده", "zadeh", 5), ("پور", "pour", 4), ("ی", "i", 4), ("نژاد", "nejad", 2),
    ("نیا", "nia", 1), ("فر", "far", 1), ("لو", "lou", 1), ("وند", "vand", 1), ("یان", "ian", 1),
]  # fmt: skip
AFFILIATIONS = ["PMOI", "Tudeh", "Fadaian (Majority)", "Fadaian (Minority)", "Peykar", "Komala",
                "KDPI", "Rah-e Kargar", ""]  # fmt: skip


@dataclass
class Name:
    fa: str  # Persian form; parts separated by "|" where a list may join them in several ways
    lat: str  # common Latin form, parts separated by "|"
    variants: tuple[str, ...] = ()  # Latin spellings the source itself lists


@dataclass
class Person:
    pid: str
    sex: str
    given: Name
    surname: Name
    father: Name
    seyyed: bool
    birth: tuple[int, int, int]  # Solar Hijri y, m, d
    death: tuple[int, int, int]
    city: tuple[str, str, tuple[str, ...]]  # persian, latin, latin variants
    prison: tuple[str, str] | None
    affiliation: str
    extra: dict[str, str] = field(default_factory=dict)


def _read(name: str) -> list[dict[str, str]]:
    with (SHARED / "data" / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Vocabulary:
    def __init__(self) -> None:
        given = _read("names/persian_given_names.csv")
        self.male = [g for g in given if g["sex"] == "M"]
        self.female = [g for g in given if g["sex"] == "F"]
        self.surnames = _read("names/persian_surnames.csv")
        self.cities = _read("places/iran_cities.csv")
        self.prisons = [p for p in _read("places/prisons_1988.csv") if p["kind"] == "prison"]
        # Zipf weights by the files' order (most common first), calibrated to the head of the
        # Iranian name distribution: Mohammad about 13 % of men's first names (more with the
        # compounds), Ali 7 %, Hossein 5 %; Mohammadi about 2 % of surnames
        self.w_male = [1 / (r + 1) ** 0.9 for r in range(len(self.male))]
        self.w_female = [1 / (r + 1) ** 0.8 for r in range(len(self.female))]
        self.w_surname = [1 / (r + 1) ** 0.5 for r in range(len(self.surnames))]
        self.w_city = [1 / (r + 1) ** 0.9 for r in range(len(self.cities))]


def _entry(row: dict[str, str]) -> Name:
    variants = tuple(v for v in row["variants"].split("|") if v)
    return Name(row["persian"].replace(ZWNJ, "|"), row["latin_common"], variants)


class Population:
    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self.v = vocab
        self.rng = rng

    def given(self, sex: str) -> Name:
        r = self.rng
        if sex == "M" and r.random() < 0.14:  # a compound the dictionary may not list
            fa1, la1, _ = r.choices(COMPOUND_FIRST, [w for *_, w in COMPOUND_FIRST])[0]
            fa2, la2 = r.choice(COMPOUND_SECOND)
            if fa1 != fa2:
                return Name(f"{fa1}|{fa2}", f"{la1}|{la2}")
        pool, w = (self.v.male, self.v.w_male) if sex == "M" else (self.v.female, self.v.w_female)
        return _entry(r.choices(pool, w)[0])

    def surname(self) -> Name:
        r = self.rng
        x = r.random()
        if x < 0.7:
            return _entry(r.choices(self.v.surnames, self.v.w_surname)[0])
        fa_s, la_s, _ = r.choices(SUFFIXES, [w for *_, w in SUFFIXES])[0]
        if x < 0.85:  # a given name + suffix: Hassanzadeh, Alipour, Rezanejad, Karimlou
            root = r.choices(self.v.male[:80], self.v.w_male[:80])[0]
            fa_root, la_root = root["persian"].replace(ZWNJ, ""), root["latin_common"]
        else:  # a town + suffix: Tehrani, Shirazipour
            c = r.choices(self.v.cities, self.v.w_city)[0]
            fa_root, la_root = c["persian"], c["latin"].replace(" ", "")
            fa_s, la_s = ("ی", "i") if r.random() < 0.7 else (fa_s, la_s)
        if la_s == "i" and la_root[-1] in "aeiou":
            la_s = "ei" if la_root[-1] in "ae" else "yi"
            fa_s = "یی" if fa_root[-1] in "اوی" else "ی"
        if fa_s == "ی" and fa_root.endswith("ه"):
            fa_s = ZWNJ + "ای"  # ارومیه‌ای, not ارومیهی
        if la_s == "i" or fa_s in ("ی", "یی", "یان"):
            return Name(fa_root + fa_s, la_root + la_s)
        return Name(f"{fa_root}|{fa_s}", f"{la_root}|{la_s}")

    def city(self) -> tuple[str, str, tuple[str, ...]]:
        c = self.rng.choices(self.v.cities, self.v.w_city)[0]
        return c["persian"], c["latin"], tuple(v for v in c["variants"].split("|") if v)

    def prison_for(self, city_lat: str) -> tuple[str, str] | None:
        here = [p for p in self.v.prisons if p["city"] == city_lat]
        if here:
            p = self.rng.choice(here)
        elif self.rng.random() < 0.35:
            p = self.rng.choice(self.v.prisons[:2])  # sent to Evin or Gohardasht
        else:
            return None
        return p["name_persian"], p["name_latin"]

    def person(self, pid: str) -> Person:
        r = self.rng
        sex = "M" if r.random() < 0.9 else "F"
        city = self.city()
        by = r.choices(range(1310, 1352), [min(y - 1309, 1352 - y, 12) for y in range(1310, 1352)])[
            0
        ]
        return Person(
            pid=pid,
            sex=sex,
            given=self.given(sex),
            surname=self.surname(),
            father=self.given("M"),
            seyyed=r.random() < 0.07,
            birth=(by, r.randint(1, 12), r.randint(1, 29)),
            death=(
                1367,
                r.choices([4, 5, 6, 7, 8, 9, 10], [1, 6, 8, 2, 1, 1, 1])[0],
                r.randint(1, 29),
            ),
            city=city,
            prison=self.prison_for(city[1]),
            affiliation=r.choice(AFFILIATIONS),
        )

    def sibling(self, of: Person, pid: str) -> Person:
        p = self.person(pid)
        p.surname, p.father, p.city, p.prison = of.surname, of.father, of.city, of.prison
        p.seyyed = of.seyyed
        while p.given.fa == of.given.fa:
            p.given = self.given(p.sex)
        y = of.birth[0] + self.rng.choice([-1, 1]) * self.rng.randint(1, 9)
        p.birth = (min(max(y, 1305), 1352), p.birth[1], p.birth[2])
        return p

    def namesake(self, of: Person, pid: str) -> Person:
        p = self.person(pid)
        p.sex, p.given, p.surname = of.sex, of.given, of.surname
        if self.rng.random() < 0.4:
            p.city, p.prison = of.city, of.prison
        return p


# ---- spelling habits -------------------------------------------------------------------

_LATIN_RULES: list[tuple[str, str, float]] = [
    (r"kh", "x", 0.05), (r"gh", "q", 0.25), (r"^q", "gh", 0.3), (r"ou", "u", 0.3),
    (r"ou", "oo", 0.15), (r"u", "ou", 0.1), (r"ee", "i", 0.5), (r"i(?=[^aeiou])", "ee", 0.06),
    (r"ei", "ey", 0.3), (r"ey", "ei", 0.3), (r"(?<=[^aeiou])e(?=[^aeiouh]|$)", "a", 0.12),
    (r"(?<=[^aeiou])a(?=[^aeiou])", "e", 0.06), (r"([bcdfgjklmnprstvz])\1", r"\1", 0.3),
    (r"(?<=[aeiou])([mnsr])(?=[aeiou])", r"\1\1", 0.06), (r"eh$", "e", 0.3),
    (r"aei$", "aee", 0.2), (r"aei$", "ai", 0.2), (r"i$", "y", 0.05), (r"zadeh$", "zade", 0.3),
    (r"pour$", "pur", 0.25), (r"pour$", "poor", 0.15), (r"nejad$", "nezhad", 0.2),
    (r"ollah", "allah", 0.2), (r"ollah", "ullah", 0.1), (r"^abdol", "abdul", 0.3),
    (r"^mohammad", "muhammad", 0.1), (r"^mohammad", "mohamad", 0.2),
]  # fmt: skip


def _respell(rng: random.Random, text: str, strength: float) -> str:
    """Apply transliteration habits to one lower-case Latin word."""
    out = text.lower()
    for pat, rep, p in _LATIN_RULES:
        if rng.random() < p * strength:
            out = re.sub(pat, rep, out, count=1)
    return out


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.4:
        return word[:i] + word[i + 1 :]
    if op < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    latin = any("a" <= c.lower() <= "z" for c in word)
    letters = "abdeghijklmnorstuvz" if latin else "ابتدرسشکلمنوهی"
    return word[:i] + rng.choice(letters) + word[i + 1 :]


def latin(rng: random.Random, n: Name, style: str, strength: float, typo: float) -> str:
    """A Latin spelling of a name, as a list with this habit would write it."""
    parts = n.lat.split("|")
    if n.variants and "|" not in n.lat and rng.random() < 0.3 * strength:
        parts = [rng.choice(n.variants)]
    words = [_respell(rng, p, strength) for p in parts]
    if rng.random() < typo:
        k = rng.randrange(len(words))
        words[k] = _typo(rng, words[k])
    if len(words) == 2:
        joint = rng.choices(["", " ", "-"], [5, 4, 1] if style == "ngo" else [3, 5, 2])[0]
        if joint == "":
            return (words[0] + words[1]).capitalize()
        return joint.join(w.capitalize() for w in words)
    return " ".join(w.capitalize() for w in " ".join(words).split())


_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def persian(rng: random.Random, n: Name, arabic: float, typo: float) -> str:
    """A Persian-script spelling: joined, ZWNJ or space between parts, Arabic letter forms."""
    parts = n.fa.split("|")
    if len(parts) > 1:
        joint = rng.choices(["", ZWNJ, " "], [4, 3, 3])[0]
        text = joint.join(parts)
    else:
        text = parts[0]
    if rng.random() < 0.3 and text.endswith("یی"):
        text = text[:-2] + "ئی"
    if rng.random() < 0.15 and "الله" in text:
        text = text.replace("الله", "اله")
    if rng.random() < arabic:
        text = text.translate(_ARABIC)
        if text.endswith("ه") and rng.random() < 0.5:
            text = text[:-1] + "ة"
    if rng.random() < typo:
        text = _typo(rng, text)
    return text


def fa_digits(rng: random.Random, text: str, p: float) -> str:
    return text.translate(PERSIAN_DIGITS) if rng.random() < p else text


def gregorian(y: int, m: int, d: int) -> jdatetime.date:
    for day in (d, 28):
        try:
            return jdatetime.date(y, m, day).togregorian()
        except ValueError:
            continue
    raise ValueError((y, m, d))


# ---- the lists --------------------------------------------------------------------------


def rec_memorial_fa(rng: random.Random, p: Person) -> dict[str, str]:
    """A Persian-script memorial book: parts in columns, Solar Hijri dates, Persian digits."""
    given = persian(rng, p.given, 0.12, 0.02)
    if p.seyyed and rng.random() < 0.7:
        given = ("سید " if p.sex == "M" else "سیده ") + given
    y, m, d = p.birth
    bd = rng.choices([f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}", f"{y}", ""], [4, 2, 3, 2])[0]
    if bd and rng.random() < 0.04:  # off by one year (age-based reckoning)
        bd = bd.replace(str(y), str(y + rng.choice([-1, 1])), 1)
    dy, dm, dd = p.death
    death = rng.choices(
        [f"{dy}/{dm}/{dd}", f"{dd} {MONTHS_FA[dm - 1]} {dy}", f"{MONTHS_FA[dm - 1]} {dy}",
         f"تابستان {dy}", ""], [4, 2, 3, 1, 1])[0]  # fmt: skip
    return {
        "given_name": given,
        "surname": persian(rng, p.surname, 0.12, 0.02),
        "father_name": persian(rng, p.father, 0.12, 0.01) if rng.random() < 0.9 else "",
        "sex": ("مرد" if p.sex == "M" else "زن") if rng.random() < 0.8 else "",
        "birth_date": fa_digits(rng, bd, 0.6),
        "city": p.city[0] if rng.random() < 0.85 else "",
        "prison": ("زندان " + p.prison[0].split(" (")[0].removeprefix("زندان "))
        if p.prison and rng.random() < 0.7
        else "",
        "death_date": fa_digits(rng, death, 0.6),
        "affiliation": p.affiliation,
    }


def rec_ngo_en(rng: random.Random, p: Person) -> dict[str, str]:
    """A Latin-script NGO list: one name column in several orders, Gregorian dates, ages."""
    given = latin(rng, p.given, "ngo", 1.0, 0.03)
    if p.seyyed and rng.random() < 0.35:
        given = rng.choice(["Seyed", "Seyyed", "Sayed", "Sayyid"]) + " " + given
    sur = latin(rng, p.surname, "ngo", 1.0, 0.03)
    order = rng.random()
    if order < 0.55:
        full = f"{sur.upper()}, {given}"
    elif order < 0.9:
        full = f"{given} {sur}"
    else:
        full = f"{sur} {given}"
    g = gregorian(*p.birth)
    dg = gregorian(*p.death)
    age = dg.year - g.year - ((dg.month, dg.day) < (g.month, g.day))
    x = rng.random()
    bd, age_col = "", ""
    if x < 0.3:
        bd = str(g.year)
    elif x < 0.4:
        bd = f"c. {g.year + rng.choice([-1, 0, 0, 1])}"
    elif x < 0.55:
        bd = g.isoformat()
    elif x < 0.65:
        bd = f"{g.day} {MONTHS_EN[g.month - 1]} {g.year}"
    elif x < 0.85:
        age_col = str(age)
    death = rng.choices(
        [f"{dg.day} {MONTHS_EN[dg.month - 1]} {dg.year}", f"{MONTHS_EN[dg.month - 1]} {dg.year}",
         f"{MONTHS_EN[dg.month - 1][:3]}. {dg.year}", "summer 1988", "1988", ""],
        [3, 4, 1, 1, 1, 1])[0]  # fmt: skip
    city = p.city[1] if not p.city[2] or rng.random() < 0.7 else rng.choice(p.city[2])
    prison = ""
    if p.prison and rng.random() < 0.6:
        prison = rng.choice([p.prison[1], p.prison[1].split(" (")[0].replace(" Prison", "")])
    return {
        "full_name": full,
        "father_name": latin(rng, p.father, "ngo", 1.0, 0.02) if rng.random() < 0.6 else "",
        "sex": rng.choice([p.sex, "male" if p.sex == "M" else "female"])
        if rng.random() > 0.005
        else ("F" if p.sex == "M" else "M"),  # a slip of the pen
        "birth_date": bd,
        "age": age_col,
        "city": city if rng.random() < 0.9 else "",
        "prison": prison,
        "death_date": death,
        "affiliation": p.affiliation,
    }


def rec_mixed(rng: random.Random, p: Person) -> dict[str, str]:
    """A volunteer spreadsheet: Persian or Latin full names with the father inside, mixed dates."""
    fa = rng.random() < 0.5
    y, m, d = p.birth
    dy, dm, dd = p.death
    if fa:
        name = f"{persian(rng, p.given, 0.4, 0.03)} {persian(rng, p.surname, 0.4, 0.03)}"
        if p.seyyed and rng.random() < 0.5:
            name = "سید " + name
        if rng.random() < 0.6:
            name += f" فرزند {persian(rng, p.father, 0.4, 0.01)}"
        bd = rng.choices([f"{y}", f"{y % 100}/{m}/{d}", f"{y}/{m}/{d}", ""], [3, 1, 2, 2])[0]
        death = rng.choices(
            [f"{dy % 100}/{dm}/{dd}", f"{MONTHS_FA[dm - 1]} {dy % 100}", f"{dy}/{dm:02d}/{dd:02d}",
             ""], [3, 2, 3, 1])[0]  # fmt: skip
        bd, death = fa_digits(rng, bd, 0.5), fa_digits(rng, death, 0.5)
        city = p.city[0]
        sex = rng.choice(["مرد", "M", ""]) if p.sex == "M" else rng.choice(["زن", "F", ""])
    else:
        given = latin(rng, p.given, "mixed", 1.3, 0.04)
        name = f"{given} {latin(rng, p.surname, 'mixed', 1.3, 0.04)}"
        if rng.random() < 0.6:
            so = "son of" if p.sex == "M" else "daughter of"
            name += f" {so} {latin(rng, p.father, 'mixed', 1.3, 0.02)}"
        bd = rng.choices([f"{y}", f"{MONTHS_LAT[m - 1]} {y}", f"{y}/{m}/{d}", ""], [3, 1, 2, 2])[0]
        death = rng.choices(
            [f"{dd} {MONTHS_LAT[dm - 1]} {dy}", f"{MONTHS_LAT[dm - 1]} {dy}",
             f"{dy}/{dm}/{dd}", "1367", ""], [2, 3, 2, 1, 1])[0]  # fmt: skip
        city = p.city[1] if not p.city[2] or rng.random() < 0.6 else rng.choice(p.city[2])
        sex = rng.choice([p.sex, ""])
    return {
        "full_name": name,
        "sex": sex,
        "birth_date": bd,
        "city": city if rng.random() < 0.8 else "",
        "death_date": death,
    }


def rec_prisoners(rng: random.Random, p: Person) -> dict[str, str]:
    """A prison roll typed in Latin: "Surname Given" without a comma, father in its own column."""
    given = latin(rng, p.given, "ngo", 0.6, 0.02)
    sur = latin(rng, p.surname, "ngo", 0.6, 0.02)
    g = gregorian(*p.birth)
    return {
        "full_name": f"{sur} {given}",
        "father_name": latin(rng, p.father, "ngo", 0.6, 0.01),
        "sex": p.sex if rng.random() < 0.5 else "",
        "birth_date": rng.choices(
            [f"{g.day:02d}/{g.month:02d}/{g.year}", str(p.birth[0]), ""], [3, 2, 1]
        )[0],
        "prison": p.prison[1] if p.prison else "",
        "city": p.city[1],
    }


LISTS = {
    # name: (maker, capture probability, within-list duplicate share, id prefix)
    "memorial_fa": (rec_memorial_fa, 0.6, 0.01, "M"),
    "ngo_en": (rec_ngo_en, 0.5, 0.03, "NGO-"),
    "mixed": (rec_mixed, 0.35, 0.02, "X"),
    "prisoners": (rec_prisoners, 0.15, 0.0, "PR"),
}


def population(n: int, rng: random.Random) -> list[Person]:
    pop = Population(Vocabulary(), rng)
    people: list[Person] = []
    while len(people) < n:
        pid = f"T{len(people) + 1:06d}"
        x = rng.random()
        if people and x < 0.08:
            people.append(pop.sibling(rng.choice(people), pid))
        elif people and x < 0.11:
            people.append(pop.namesake(rng.choice(people), pid))
        else:
            people.append(pop.person(pid))
    return people


def generate(persons: int, seed: int, out: Path) -> dict[str, int]:
    rng = random.Random(seed)
    people = population(persons, rng)
    (out / "lists").mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    rows_by_list: dict[str, list[tuple[str, dict[str, str]]]] = {k: [] for k in LISTS}
    for p in people:
        chosen = [k for k, (_, cap, _, _) in LISTS.items() if rng.random() < cap]
        if not chosen:
            chosen = [rng.choices(list(LISTS), [c for _, c, _, _ in LISTS.values()])[0]]
        for k in chosen:
            maker, _, dup, _ = LISTS[k]
            rows_by_list[k].append((p.pid, maker(rng, p)))
            if rng.random() < dup:
                rows_by_list[k].append((p.pid, maker(rng, p)))
    for k, rows in rows_by_list.items():
        rng.shuffle(rows)
        prefix = LISTS[k][3]
        columns: list[str] = ["record_id"]
        for _, r in rows:
            columns += [c for c in r if c not in columns]
        with (out / "lists" / f"{k}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            for i, (pid, r) in enumerate(rows, 1):
                rid = f"{prefix}{i:05d}"
                w.writerow([rid] + [r.get(c, "") for c in columns[1:]])
                truth.append((k, rid, pid))
        counts[k] = len(rows)
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    counts = generate(args.persons, args.seed, args.out)
    print(counts, sum(counts.values()))


if __name__ == "__main__":
    main()

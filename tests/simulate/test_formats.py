"""Every value a simulated list writes has the form its settings announce."""

from __future__ import annotations

import re

from dadkhah.simulate import scenario_1988, simulate_case

_FA = "۰-۹"
_Y = rf"[0-9{_FA}]{{4}}"
_N = rf"[0-9{_FA}]{{1,2}}"
_WORD = r"[^\W\d_]+"
PATTERNS = {
    "sh_ymd": rf"{_Y}/{_N}/{_N}",
    "sh_ymd_short": rf"{_N}/{_N}/{_N}",
    "sh_text": rf"{_N} {_WORD} {_Y}",
    "sh_month": rf"{_WORD} {_Y}",
    "sh_part_month": rf"{_WORD} {_WORD} {_Y}",
    "sh_season": rf"{_WORD} {_Y}",
    "sh_year": _Y,
    "g_iso": r"\d{4}-\d{2}-\d{2}",
    "g_dmy": r"\d{1,2}/\d{1,2}/\d{4}",
    "g_text": rf"{_N} {_WORD} {_Y}",
    "g_month": rf"{_WORD} {_Y}",
    "g_season": rf"{_WORD} {_Y}",
    "g_year": _Y,
    "g_circa": rf"(c\.|حدود) {_Y}",
}


def test_dates_have_the_announced_formats_and_plausible_years() -> None:
    sim = simulate_case(scenario_1988(800, 9, 7))
    checked = 0
    for item in sim.settings.lists:
        frame = sim.lists[item.name]
        for column, formats in (
            ("birth_date", item.birth_formats),
            ("death_date", item.death_formats),
        ):
            if column not in frame:
                continue
            pattern = re.compile("|".join(f"(?:{PATTERNS[f]})" for f in formats))
            for value in frame[column]:
                if not value:
                    continue
                assert pattern.fullmatch(value), (item.name, column, value)
                checked += 1
            if column == "death_date" and item.script == "latin":
                years = frame[column].str.extract(r"(\d{4})")[0].dropna().astype(int)
                assert years.between(1366, 1989).all()
    assert checked > 1000


def test_persian_lists_write_persian_month_names_and_latin_lists_latin_ones() -> None:
    sim = simulate_case(scenario_1988(800, 9))
    memorial = " ".join(sim.lists["memorial_fa"]["death_date"])
    assert "مرداد" in memorial or "شهریور" in memorial
    exile = " ".join(sim.lists["exile_fr"]["death_date"])
    assert "Mordad" in exile or "Shahrivar" in exile
    assert not re.search("[\u0600-\u06ff]", exile)

"""The comparisons Dadkhah gives Splink, written as portable SQL over the feature columns.

Each comparison is a list of levels from most to least similar; Splink learns how much each level
says about a match. The SQL uses only ``=``, ``levenshtein``, ``greatest``/``least`` and arithmetic,
which DuckDB and Spark both know, so one model runs on either engine.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PERSIAN_NAME_LEVELS", "comparisons"]


def _null(*cols: str) -> str:
    return " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in cols)


def _eq(*cols: str) -> str:
    return " AND ".join(f"{c}_l = {c}_r" for c in cols)


def _lev(col: str, n: int) -> str:
    return f"levenshtein({col}_l, {col}_r) <= {n}"


def _typo(part: str) -> str:
    """One typing error between two coarse keys: one edit, or two neighbours swapped (same
    letters, two edits apart; plain ``levenshtein`` counts a swap as two)."""
    return f"({_lev(part + '_k1', 1)} OR ({_eq(part + '_a')} AND {_lev(part + '_k1', 2)}))"


def _level(sql: str, label: str, m: float, **extra: Any) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": label, "m_probability": m, **extra}


def _null_level(sql: str) -> dict[str, Any]:
    return {"sql_condition": sql, "label_for_charts": "null", "is_null_level": True}


def _else(m: float) -> dict[str, Any]:
    return {"sql_condition": "ELSE", "label_for_charts": "else", "m_probability": m}


def _dict_ok(col: str) -> str:
    """Not two known names with different dictionary forms."""
    return f"({col}_l IS NULL OR {col}_r IS NULL OR {col}_l = {col}_r)"


def _tf(column: str) -> dict[str, Any]:
    """Weigh a level by how often its value occurs in the case (Splink's term frequency
    adjustment, from the table of :mod:`dadkhah.link.frequencies`): two records of a name one
    person bears say more than two records of a name hundreds bear. In full: the table's
    values are already shrunk towards the level's average as far as their counts are small."""
    return {
        "tf_adjustment_column": column,
        "disable_tf_exact_match_detection": True,
        "tf_adjustment_weight": 1.0,
    }


# the whole name, word breaks ignored, read in either order on either side: equal when the
# border between the parts moved ("Eshrat Gholamali Far" / "Eshrat Gholamalifar"), also in
# a name written surname first ("Qomi Gholam Javad" / "Gholamjavad Qomi")
_WHOLE_NAME = (
    "("
    + " OR ".join(
        f"concat({a}_l, {b}_l) = concat({c}_r, {d}_r)"
        for a, b in (("given_k1", "surname_k1"), ("surname_k1", "given_k1"))
        for c, d in (("given_k1", "surname_k1"), ("surname_k1", "given_k1"))
    )
    + ")"
)

_NAMES_OK = f"{_dict_ok('given_dict')} AND {_dict_ok('surname_dict')}"

# Given name and surname compared together, so a reordered name, a name written in full in one
# list and in parts in another, and siblings (same surname, other given name) each get a level.
PERSIAN_NAME_LEVELS: list[dict[str, Any]] = [
    _null_level(f"({_null('given_k1')}) AND ({_null('surname_k1')}) OR ({_null('name_k1')})"),
    _level(_eq("name_k2"), "given and surname: fine keys equal", 0.5, **_tf("name_k2")),
    _level(
        f"{_eq('given_k1', 'surname_k1')} AND {_NAMES_OK}",
        "given and surname: coarse keys equal",
        0.25,
        **_tf("name_k1"),
    ),
    _level(
        f"CASE WHEN {_eq('name_k1')} THEN {_NAMES_OK} ELSE {_WHOLE_NAME} END",
        "same name parts in another order or split",
        0.06,
    ),
    _level(
        f"({_eq('given_k1')} AND {_typo('surname')}) OR ({_eq('surname_k1')} AND {_typo('given')})",
        "one part equal, the other one edit apart",
        0.06,
    ),
    _level(
        "(given_k1_l = surname_k1_r AND surname_k1_l = given_k1_r)"
        " OR (given_k1_l IS NOT NULL AND surname_k1_l = surname_k1_r"
        " AND least(length(given_k1_l), length(given_k1_r)) >= 2"
        " AND (instr(given_k1_l, given_k1_r) > 0 OR instr(given_k1_r, given_k1_l) > 0))",
        "swapped, or one given name part of the other",
        0.04,
    ),
    _level(f"{_typo('given')} AND {_typo('surname')}", "both parts one edit apart", 0.03),
    _level(_eq("surname_k1"), "surname only (other given name: e.g. a sibling)", 0.02),
    _level(_eq("given_k1"), "given name only", 0.02),
    _else(0.02),
]

_FATHER = [
    _null_level(_null("father_k1")),
    _level(f"{_eq('father_k2')} AND father_common_l = 0", "father: fine key equal", 0.5),
    _level(_eq("father_k2"), "father: fine key equal, common name", 0.3),
    _level(_eq("father_k1"), "father: coarse key equal", 0.12),
    _level(_lev("father_k1", 1), "father: one edit apart", 0.05),
    _else(0.03),
]

_BIRTH = [
    _null_level(_null("birth_from")),
    _level("birth_day_l IS NOT NULL AND birth_day_l = birth_day_r", "birth: same day", 0.5),
    _level(
        "birth_from_l = birth_from_r AND birth_to_l = birth_to_r", "birth: same year or range", 0.25
    ),
    _level(
        "greatest(birth_from_l, birth_from_r) <= least(birth_to_l, birth_to_r)",
        "birth: ranges overlap",
        0.15,
    ),
    _level(
        "greatest(birth_from_l, birth_from_r) - least(birth_to_l, birth_to_r) <= 2",
        "birth: within two years",
        0.07,
    ),
    _else(0.03),
]

_DEATH = [
    _null_level(_null("death_from")),
    _level(
        "death_from_l = death_to_l AND death_from_l = death_from_r AND death_to_r = death_from_r",
        "death: same day",
        0.5,
    ),
    _level(
        "greatest(death_from_l, death_from_r) <= least(death_to_l, death_to_r)",
        "death: ranges overlap",
        0.35,
    ),
    _level(
        "greatest(death_from_l, death_from_r) - least(death_to_l, death_to_r) <= 31",
        "death: within a month",
        0.1,
    ),
    _else(0.05),
]


def _exact(col: str, label: str, m: float, tf: bool = False) -> list[dict[str, Any]]:
    extra: dict[str, Any] = {"tf_adjustment_column": col} if tf else {}
    return [_null_level(_null(col)), _level(_eq(col), f"{label}: equal", m, **extra), _else(1 - m)]


# a postcode mistyped by one character, or the same area (all but the last two characters:
# the UK sector "gl3 4", a German or Iranian postcode's district): still some evidence
_POSTCODE = [
    _null_level(_null("postcode_key")),
    _level(_eq("postcode_key"), "postcode: equal", 0.7, tf_adjustment_column="postcode_key"),
    _level(_lev("postcode_key", 1), "postcode: one character apart", 0.1),
    _level(
        "length(postcode_key_l) >= 5 AND length(postcode_key_r) >= 5"
        " AND substr(postcode_key_l, 1, length(postcode_key_l) - 2)"
        " = substr(postcode_key_r, 1, length(postcode_key_r) - 2)",
        "postcode: same area",
        0.1,
    ),
    _else(0.1),
]


def comparisons(
    available: set[str] | None = None, *, fix_names: bool = True
) -> list[dict[str, Any]]:
    """Splink comparison dicts for the feature columns (those never filled are left out).

    With ``fix_names`` the name levels keep their prior m probabilities through training.
    """
    spec: list[tuple[str, list[dict[str, Any]], tuple[str, ...]]] = [
        ("name", PERSIAN_NAME_LEVELS, ("given_k1", "surname_k1", "name_k1")),
        ("father", _FATHER, ("father_k1",)),
        ("birth", _BIRTH, ("birth_from",)),
        ("sex", _exact("sex", "sex", 0.97), ("sex",)),
        ("city", _exact("city_key", "city", 0.85, tf=True), ("city_key",)),
        ("prison", _exact("prison_key", "prison", 0.85, tf=True), ("prison_key",)),
        ("death", _DEATH, ("death_from",)),
        ("postcode", _POSTCODE, ("postcode_key",)),
        ("occupation", _exact("occupation_key", "occupation", 0.8, tf=True), ("occupation_key",)),
        ("email", _exact("email_key", "email", 0.8, tf=True), ("email_key",)),
    ]
    out = []
    for name, levels, needs in spec:
        if available is not None and not any(c in available for c in needs):
            continue
        out.append(
            {
                "output_column_name": name,
                "comparison_description": name,
                "comparison_levels": [
                    {**lv, "fix_m_probability": True}
                    if fix_names and name == "name" and not lv.get("is_null_level")
                    else dict(lv)
                    for lv in levels
                ],
            }
        )
    return out

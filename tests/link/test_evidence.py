"""Personal evidence (birth date, postcode, occupation, e-mail) outweighs rewritten names, and
never the family fields siblings share."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from dadkhah.link.clustering import RecordTraits, cluster_pairs
from dadkhah.link.evidence import PersonalWeights, personal_weights
from dadkhah.link.nicknames import nickname_of
from dadkhah.link.settings import LinkSettings

S = LinkSettings()


def _level(label: str, m: float, u: float, sql: str = "x") -> dict[str, Any]:
    return {"label_for_charts": label, "sql_condition": sql, "m_probability": m, "u_probability": u}


MODEL = {
    "comparisons": [
        {
            "output_column_name": "birth",
            "comparison_levels": [
                _level("birth: same day", 0.5, 0.002),
                _level("else", 0.1, 0.9, "ELSE"),
            ],
        },
        {
            "output_column_name": "postcode",
            "comparison_levels": [
                _level("postcode: equal", 0.7, 0.0001),
                _level("else", 0.3, 0.9999, "ELSE"),
            ],
        },
        {
            "output_column_name": "city",  # shared by relatives: never personal evidence
            "comparison_levels": [_level("city: equal", 0.8, 0.0001)],
        },
    ]
}
WEIGHTS = personal_weights(MODEL)


def _pairs(p: float = 0.99) -> pd.DataFrame:
    return pd.DataFrame([(1, 2, p)], columns=["unique_id_l", "unique_id_r", "match_probability"])


def test_weights_come_from_the_model_and_leave_family_fields_out() -> None:
    assert WEIGHTS.agree == {
        "birth": math.log2(0.5 / 0.002),
        "postcode": math.log2(0.7 / 0.0001),
    }
    assert "birth" not in WEIGHTS.disagree and WEIGHTS.disagree["postcode"] < 0
    a = RecordTraits(birth_day=100, postcode="tq138df")
    b = RecordTraits(birth_day=100, postcode="ex201qu")
    assert WEIGHTS.evidence(a, a) > 20
    assert WEIGHTS.evidence(a, b) < WEIGHTS.agree["birth"]
    assert WEIGHTS.evidence(a, RecordTraits()) == 0.0


def test_a_married_name_is_outweighed_by_birth_date_and_postcode() -> None:
    alice = RecordTraits(given="alis", surname="drakls", given_text="alice",
                         surname_text="drakoules", birth_day=-18262, postcode="da145bp")  # fmt: skip
    married = RecordTraits(given="alis", surname="luis", given_text="alice",
                           surname_text="lewis", birth_day=-18262, postcode="da145bp")  # fmt: skip
    traits = {1: alice, 2: married}
    without = cluster_pairs([1, 2], _pairs(), traits, S)
    assert without.labels[1] != without.labels[2]
    assert without.review["reason"].tolist() == ["surnames differ"]
    linked = cluster_pairs([1, 2], _pairs(), traits, S, personal=WEIGHTS)
    assert linked.labels[1] == linked.labels[2]


def test_siblings_sharing_family_fields_stay_apart() -> None:
    # same surname, father and city; no personal field agrees: the evidence rule stays silent
    a = RecordTraits(given="ali", surname="ahmdi", father="hsn", given_text="Ali",
                     surname_text="Ahmadi", father_text="Hassan", birth_from=1960, birth_to=1960)  # fmt: skip
    b = RecordTraits(given="rza", surname="ahmdi", father="hsn", given_text="Reza",
                     surname_text="Ahmadi", father_text="Hassan", birth_from=1962, birth_to=1962)  # fmt: skip
    result = cluster_pairs([1, 2], _pairs(), {1: a, 2: b}, S, personal=WEIGHTS)
    assert result.labels[1] != result.labels[2]


def test_both_names_differ_only_with_very_strong_evidence() -> None:
    weak = PersonalWeights({"birth": 8.0}, {})
    strong = PersonalWeights({"birth": 8.0, "postcode": 13.0}, {})
    a = RecordTraits(given="bnjmn", surname="tmpsn", given_text="benjamin",
                     surname_text="thompson", birth_day=5, postcode="ne215ge")  # fmt: skip
    b = RecordTraits(given="rmfrd", surname="krnt", given_text="rumford",
                     surname_text="kornt", birth_day=5, postcode="ne215ge")  # fmt: skip
    kept = cluster_pairs([1, 2], _pairs(), {1: a, 2: b}, S, personal=weak)
    assert kept.labels[1] != kept.labels[2]
    merged = cluster_pairs([1, 2], _pairs(), {1: a, 2: b}, S, personal=strong)
    assert merged.labels[1] == merged.labels[2]


def test_nickname_table() -> None:
    assert nickname_of("tom", "thomas") and nickname_of("dora", "dorothy")
    assert not nickname_of("hassan", "hossein")


def test_a_postcode_typo_counts_with_its_own_level() -> None:
    model = {
        "comparisons": [
            {
                "output_column_name": "postcode",
                "comparison_levels": [
                    _level("postcode: equal", 0.7, 0.0001),
                    _level("postcode: one character apart", 0.1, 0.0001),
                    _level("else", 0.2, 0.9998, "ELSE"),
                ],
            }
        ]
    }
    weights = personal_weights(model)
    a, b, c = (RecordTraits(postcode=p) for p in ("gl34rj", "gl34rk", "sw1a1aa"))
    assert weights.evidence(a, b) == math.log2(0.1 / 0.0001)
    assert weights.evidence(a, c) < 0 < weights.evidence(a, b) < weights.evidence(a, a)

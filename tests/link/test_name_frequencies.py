"""A whole-name agreement weighs by how often the name occurs among the case's records."""

from __future__ import annotations

import pandas as pd
import pytest

from dadkhah.link.features import build_features
from dadkhah.link.frequencies import name_frequencies, tf_column
from dadkhah.link.scoring import score_pairs
from dadkhah.link.settings import LinkSettings

_FINE = "given and surname: fine keys equal"


def _model(prior: float, m: float) -> dict[str, object]:
    level = {"label_for_charts": _FINE, "m_probability": m}
    return {
        "probability_two_random_records_match": prior,
        "comparisons": [{"comparison_levels": [level]}],
    }


def test_frequency_counts_other_persons_records_with_at_least_one_other_bearer() -> None:
    n = 101
    names = ["rare"] * 2 + ["common"] * 30 + [f"single{i}" for i in range(n - 33)] + [None]
    features = pd.DataFrame({"name_k2": names})
    table = name_frequencies(features, _model(prior=0.02, m=0.5))["name_k2"]
    u = dict(zip(table["name_k2"], table[tf_column("name_k2")], strict=True))
    # 29 other records of the common name, of which 0.02 * 0.5 * 100 = 1 is expected to be
    # the same person
    assert u["common"] == pytest.approx(28 / 100)
    # a name no other person bears still counts one other bearer: strong, not certain
    assert u["rare"] == pytest.approx(1 / 100)
    assert u["single0"] == pytest.approx(1 / 100)
    assert "None" not in u and len(u) == 2 + (n - 33)
    assert "name_k1" not in name_frequencies(features, _model(prior=0.02, m=0.5))


def test_a_count_shrinks_towards_the_levels_average_as_far_as_it_is_small() -> None:
    n = 101
    names = ["rare"] * 2 + ["common"] * 51 + [f"single{i}" for i in range(n - 53)]
    model = _model(prior=0.0, m=0.5)
    level = model["comparisons"][0]["comparison_levels"][0]  # type: ignore[index]
    level["u_probability"] = 0.04
    table = name_frequencies(pd.DataFrame({"name_k2": names}), model)["name_k2"]
    u = dict(zip(table["name_k2"], table[tf_column("name_k2")], strict=True))
    # one other bearer: its own frequency and the level's average count equally
    assert u["rare"] == pytest.approx((1 / 100 * 0.04) ** 0.5)
    # fifty other bearers: weight 50/51 on its own frequency
    assert u["common"] == pytest.approx((50 / 100) ** (50 / 51) * 0.04 ** (1 / 51))
    assert u["rare"] < 0.04 < u["common"]


def test_no_table_for_fewer_than_two_records_or_an_empty_column() -> None:
    assert name_frequencies(pd.DataFrame({"name_k2": ["a"]}), _model(0.1, 0.5)) == {}
    empty = pd.DataFrame({"name_k2": [None, None]})
    assert name_frequencies(empty, _model(0.1, 0.5)) == {}


def _records() -> pd.DataFrame:
    rows = []
    fathers = ["Ali", "Hassan", "Reza", "Karim", "Javad", "Abbas", "Ahmad", "Nader"]
    cities = ["Tehran", "Shiraz", "Tabriz", "Rasht", "Qom", "Arak", "Yazd", "Karaj"]
    for i in range(40):  # forty namesakes, each with other fields of his own
        rows.append(
            {
                "given_name": "Mohammad",
                "surname": "Hosseini",
                "father_name": fathers[i % 8],
                "birth_date": str(1330 + i % 20),
                "city": cities[(i // 8) % 8],
            }
        )
    # two pairs with the same fields: only the name, nothing else to tell
    rows += [{"given_name": "Mohammad", "surname": "Hosseini"}] * 2
    rows += [{"given_name": "Keyvan", "surname": "Zahedannia"}] * 2
    records = pd.DataFrame(rows)
    records["unique_id"] = range(len(records))
    return records


def test_agreement_on_a_rare_name_scores_higher_than_on_a_common_one() -> None:
    records = _records()
    pairs = score_pairs(build_features(records), LinkSettings(keep_probability=0.0)).pairs
    prob = {
        (int(a), int(b)): float(p)
        for a, b, p in zip(
            pairs["unique_id_l"], pairs["unique_id_r"], pairs["match_probability"], strict=True
        )
    }
    n = len(records)
    assert prob[(n - 2, n - 1)] > prob[(n - 4, n - 3)]

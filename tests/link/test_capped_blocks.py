"""Broad blocking rules leave out their largest blocks when they would make too many pairs."""

from __future__ import annotations

import pandas as pd
import pytest

from dadkhah.errors import ConfigError
from dadkhah.link.scoring import cap_blocks, capped_column
from dadkhah.link.settings import LinkSettings

RULE = ("given_k1", "birth_year")


def _features() -> pd.DataFrame:
    # one common name and year (40 records), two middling blocks (10 and 10), small ones
    given = ["mhmd"] * 40 + ["ali"] * 10 + ["rza"] * 10 + ["hsn", "hsn", "mhdi"]
    years = [1960] * 40 + [1961] * 10 + [1962] * 10 + [1950, 1950, None]
    return pd.DataFrame(
        {
            "unique_id": range(len(given)),
            "given_k1": given,
            "birth_year": pd.array(years, dtype="Int64"),
            "surname_k1": ["x"] * len(given),
            "city_key": [None] * len(given),
        }
    )


def _settings(per_record: float, floor: int) -> LinkSettings:
    return LinkSettings(
        capped_rules=(RULE,), capped_pairs_per_record=per_record, capped_min_pairs=floor
    )


def test_blocks_within_the_budget_are_all_kept() -> None:
    feats = _features()
    out = cap_blocks(feats, _settings(per_record=100.0, floor=0))
    column = out[capped_column(RULE)]
    assert column.notna().sum() == 62  # every record with both parts
    assert column.iloc[-1] is None  # no birth year: no key
    assert column.iloc[0] == column.iloc[39] != column.iloc[40]


def test_the_largest_blocks_go_first_until_the_rule_fits() -> None:
    feats = _features()
    # 63 records x 2 pairs = 126 pairs allowed: the 40-record block (780 pairs) must go, the
    # two blocks of 10 (45 pairs each) and the pair (1) fit
    out = cap_blocks(feats, _settings(per_record=2.0, floor=0))
    column = out[capped_column(RULE)]
    assert column.iloc[:40].isna().all()
    assert column.iloc[40:62].notna().all()
    # the other columns are untouched
    pd.testing.assert_frame_equal(out[feats.columns], feats)


def test_an_absolute_floor_keeps_small_cases_unchanged() -> None:
    out = cap_blocks(_features(), _settings(per_record=0.1, floor=10_000))
    assert out[capped_column(RULE)].notna().sum() == 62


def test_capped_rules_must_be_blocking_rules() -> None:
    with pytest.raises(ConfigError, match="capped_rules"):
        LinkSettings(capped_rules=(("sex", "city_key"),))
    settings = LinkSettings.from_dict(LinkSettings().to_dict())
    assert settings == LinkSettings()

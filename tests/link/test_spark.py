"""Spark (local mode) gives the same persons as DuckDB on a small case."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from tests.link.lists import make_lists, make_persons

from dadkhah.link.pipeline import link_records
from dadkhah.link.settings import LinkSettings

pytestmark = [
    pytest.mark.slow,
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore::FutureWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


def _partition(assignments: pd.DataFrame) -> set[frozenset[int]]:
    return {frozenset(g["unique_id"].tolist()) for _, g in assignments.groupby("cluster")}


def test_spark_and_duckdb_find_the_same_persons() -> None:
    pytest.importorskip("pyspark")
    os.environ.setdefault("DADKHAH_SPARK_PARTITIONS", "2")
    lists = make_lists(make_persons(120, seed=8), seed=8)
    rows = [dict(r, unique_id=i) for i, r in enumerate(x for rs in lists.values() for x in rs)]
    records = pd.DataFrame(rows).drop(columns=["truth"])
    settings = LinkSettings(u_max_pairs=2e5)
    duck = link_records(records, settings)
    spark = link_records(records, settings.replace(engine="spark"))
    assert _partition(spark.assignments) == _partition(duck.assignments)

"""The two linkers compared: Dadkhah's pipeline and plain Splink as its documentation shows."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dadkhah.link.pipeline import link_records
from dadkhah.link.settings import LinkSettings


def dadkhah(records: pd.DataFrame, **settings: Any) -> pd.Series:
    out = link_records(records.drop(columns=["truth"]), LinkSettings(**settings))
    return out.assignments.set_index("unique_id")["cluster"].reindex(records["unique_id"])


def _plain_columns(records: pd.DataFrame) -> pd.DataFrame:
    """What a user of plain Splink would feed it: first name, surname, dob, city, sex, father."""
    full = records.get("full_name", pd.Series([None] * len(records))).fillna("")
    first = records.get("given_name", pd.Series([None] * len(records)))
    last = records.get("surname", pd.Series([None] * len(records)))
    split = full.str.replace(",", " ").str.split()
    first = first.fillna(split.str[0])
    last = last.fillna(split.str[-1])

    def col(name: str) -> pd.Series:
        return records[name] if name in records.columns else pd.Series([None] * len(records))

    df = pd.DataFrame(
        {
            "unique_id": records["unique_id"].to_numpy(),
            "first_name": first.str.lower().to_numpy(),
            "surname": last.str.lower().to_numpy(),
            "dob": col("birth_date").to_numpy(),
            "city": col("city").str.lower().to_numpy(),
            "sex": col("sex").to_numpy(),
            "father_name": col("father_name").str.lower().to_numpy(),
        }
    )
    return df.replace({"": None})


def plain_splink(records: pd.DataFrame, seed: int = 42) -> pd.Series:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    df = _plain_columns(records)
    comparisons = [
        cl.NameComparison("first_name"),
        cl.NameComparison("surname"),
        cl.LevenshteinAtThresholds("dob", [1, 2]),
        cl.ExactMatch("city").configure(term_frequency_adjustments=True),
        cl.ExactMatch("sex"),
    ]
    if df["father_name"].notna().any():
        comparisons.append(cl.NameComparison("father_name"))
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "surname"),
            block_on("surname", "dob"),
            block_on("first_name", "dob"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(df), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    pairs = linker.inference.predict(threshold_match_probability=0.9)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        pairs, threshold_match_probability=0.95
    ).as_pandas_dataframe()
    return clusters.set_index("unique_id")["cluster_id"].reindex(records["unique_id"])

"""Probabilistic scoring of candidate pairs with Splink (Fellegi-Sunter), on DuckDB or Spark.

:func:`score_pairs` registers the feature table with the chosen engine, trains the model
(``u`` by random sampling, ``m`` by expectation maximisation, the prior from deterministic
rules) unless a trained model is given, and returns every blocked pair whose match probability
reaches ``settings.keep_probability``, with the trained model as a JSON-ready dict.

The same features and settings give the same model and the same pairs, bit for bit, on any
number of DuckDB threads: EM runs on one thread (its sums are then added in one order),
the model's probabilities are rounded to ``MODEL_DIGITS`` significant digits, the pairs'
to ``PROBABILITY_DECIMALS`` decimals, and the pairs come back sorted by record id.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadkhah.errors import LinkageError
from dadkhah.link.comparisons import comparisons
from dadkhah.link.engines import make_db_api, sequential
from dadkhah.link.features import FEATURE_COLUMNS
from dadkhah.link.frequencies import name_frequencies
from dadkhah.link.settings import LinkSettings

__all__ = ["Scored", "cap_blocks", "capped_column", "score_pairs"]

log = logging.getLogger(__name__)

# the name comparison is trained by EM only when this share of records has a full birth date
NAME_TRAINING_DAY_SHARE = 0.3

PAIR_COLUMNS = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]

# significant digits kept of every trained probability, and decimals of every pair's match
# probability: far below any effect on a decision, far above the noise of summing in a
# different order (about 1e-15)
MODEL_DIGITS = 12
PROBABILITY_DECIMALS = 12


@dataclass(frozen=True, slots=True)
class Scored:
    """Scored candidate pairs (``unique_id_l < unique_id_r``) and the model that scored them."""

    pairs: pd.DataFrame
    model: dict[str, Any]


def _available(features: pd.DataFrame) -> set[str]:
    return {c for c in features.columns if features[c].notna().any()}


def capped_column(rule: tuple[str, ...]) -> str:
    """The feature column that carries a capped rule's block key (null outside kept blocks)."""
    return "cap__" + "__".join(rule)


def cap_blocks(features: pd.DataFrame, settings: LinkSettings) -> pd.DataFrame:
    """``features`` plus one block-key column per capped rule.

    A capped rule may make at most ``max(capped_pairs_per_record * n, capped_min_pairs)``
    candidate pairs; its largest blocks are left out (their key set to null, which matches
    nothing) until it does. Ties between blocks of one size go by key, so the choice is the
    same run after run. The other rules still compare the records of a left-out block.
    """
    out = features.copy()
    budget = max(settings.capped_pairs_per_record * len(features), settings.capped_min_pairs)
    for rule in settings.capped_rules:
        name = capped_column(rule)
        if not all(c in features.columns for c in rule):
            continue
        key = features[rule[0]].astype("string")
        for column in rule[1:]:  # null where any part is null
            key = key + "\x1f" + features[column].astype("string")
        complete = key.notna()
        sizes = key[complete].value_counts()
        sizes = sizes.sort_index().sort_values(ascending=False, kind="stable")
        pairs = sizes * (sizes - 1) // 2
        total = int(pairs.sum())
        dropped = 0
        while total > budget and dropped < len(sizes):
            total -= int(pairs.iloc[dropped])
            dropped += 1
        if dropped:
            log.info(
                "blocking rule %s: left out its %d largest blocks (%d records) to stay within "
                "%d candidate pairs",
                " & ".join(rule),
                dropped,
                int(sizes.iloc[:dropped].sum()),
                int(budget),
            )
            key = key.where(~key.isin(set(sizes.index[:dropped])))
        out[name] = key.astype(object).where(key.notna(), None)
    return out


def _splink_settings(
    settings: LinkSettings, available: set[str], train_names: bool
) -> dict[str, Any]:
    rules = [r for r in settings.blocking_rules if all(c in available for c in r)]
    if not rules:
        raise LinkageError(
            "no blocking rule can be used: the records have none of the fields "
            f"{sorted({c for r in settings.blocking_rules for c in r})}"
        )

    def condition(rule: tuple[str, ...]) -> str:
        if rule in settings.capped_rules:
            column = capped_column(rule)
            return f"l.{column} = r.{column}"
        return " AND ".join(f"l.{c} = r.{c}" for c in rule)

    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "comparisons": comparisons(available, fix_names=not train_names),
        "blocking_rules_to_generate_predictions": [{"blocking_rule": condition(r)} for r in rules],
        "probability_two_random_records_match": 1e-4,
        "max_iterations": settings.max_iterations,
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
    }


def _train(
    linker: Any,
    db_api: Any,
    settings: LinkSettings,
    available: set[str],
    train_names: bool,
    n_records: int,
) -> None:
    from splink import block_on

    deterministic = [
        block_on(*cols)
        for cols in (
            ("given_k2", "surname_k2", "father_k2"),
            ("given_k2", "surname_k2", "birth_from"),
            ("given_k2", "surname_k2", "city_key", "sex"),
        )
        if all(c in available for c in cols)
    ]
    if deterministic:
        try:
            linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
        except Exception as e:  # Splink raises plain exceptions for empty samples
            log.warning("could not estimate the prior from deterministic rules: %s", e)
    max_pairs = max(settings.u_max_pairs, 1e5)
    # When the sample holds every pair of records, Splink's chunks (ten passes per comparison,
    # each a query) only repeat the work, and their early stop would count u on a part of
    # the pairs: count every pair in one pass instead.
    every_pair = n_records * (n_records - 1) / 2 <= max_pairs
    linker.training.estimate_u_using_random_sampling(
        max_pairs=max_pairs, seed=settings.seed, num_chunks=1 if every_pair else 10
    )
    # The first session (blocked on the name) trains every comparison but the name. The name
    # is trained only from full birth dates, which siblings and namesakes do not share; without
    # them its m values stay at the documented priors (EM blocked on father, year or place
    # mistakes brothers and sisters for matches and learns that names disagree).
    sessions: list[tuple[str, ...]] = [("name_k1",)]
    if train_names:
        sessions.append(("birth_day",))
    for cols in sessions:
        if not all(c in available for c in cols):
            continue
        try:
            # EM sums probabilities over many rows: on one thread they add up in one order
            # (the prior and u above are counts, exact on any number of threads)
            with sequential(db_api):
                linker.training.estimate_parameters_using_expectation_maximisation(
                    block_on(*cols), max_pairs=settings.em_max_pairs
                )
        except Exception as e:
            log.warning("EM session blocked on %s failed, keeping priors: %s", cols, e)


def adjust_model(model: dict[str, Any], floor: float, *, min_prior: float = 0.0) -> dict[str, Any]:
    """Corrections to a trained model, returned as a new model dict.

    * The prior (``probability_two_random_records_match``) is kept at or above ``min_prior``:
      when the deterministic rules find no match at all (small or very clean lists), Splink
      estimates it as 0, which no evidence could overcome (and its match weight is -inf).

    * Every m probability is kept at or above ``floor`` (then renormalised): a level never seen
      among matches in training would otherwise veto a link forever, whatever the other fields
      say, while real lists have errors in every field.
    * u probabilities are freed of the matches inside the random sample they were counted in:
      ``u = (u_sampled - λ·m) / (1 - λ)``. Splink's sampling assumes matches are too rare to
      matter; in victim lists, where most people appear on two or more lists, a whole-name
      agreement is about as rare among random pairs as a match, and the uncorrected u makes
      every name agreement look several times weaker than it is.
    """
    out = copy.deepcopy(model)
    lam = float(out.get("probability_two_random_records_match") or 0.0)
    if lam < min_prior:
        lam = min_prior
        out["probability_two_random_records_match"] = lam
    for comparison in out.get("comparisons", []):
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        ms = [lv.get("m_probability") for lv in levels]
        if any(m is None for m in ms):
            continue
        raised = [max(float(m), floor) for m in ms]
        total = sum(raised)
        for lv, m in zip(levels, raised, strict=True):
            lv["m_probability"] = m / total
        us = [lv.get("u_probability") for lv in levels]
        if lam <= 0 or any(u is None for u in us):
            continue
        fixed = [
            max((float(u) - lam * float(lv["m_probability"])) / (1 - lam), float(u) / 20)
            for lv, u in zip(levels, us, strict=True)
        ]
        total = sum(fixed)
        for lv, u in zip(levels, fixed, strict=True):
            lv["u_probability"] = u / total
    return out


def _round_model(model: dict[str, Any]) -> dict[str, Any]:
    """The model with its probabilities rounded to ``MODEL_DIGITS`` significant digits and
    without Splink's random ``linker_uid`` (a name for cached tables, not a parameter)."""
    out = copy.deepcopy(model)
    out.pop("linker_uid", None)

    def rounded(x: Any) -> Any:
        return float(f"{float(x):.{MODEL_DIGITS}g}") if isinstance(x, int | float) else x

    if "probability_two_random_records_match" in out:
        out["probability_two_random_records_match"] = rounded(
            out["probability_two_random_records_match"]
        )
    for comparison in out.get("comparisons", []):
        for level in comparison["comparison_levels"]:
            for key in ("m_probability", "u_probability"):
                if level.get(key) is not None:
                    level[key] = rounded(level[key])
    return out


def score_pairs(
    features: pd.DataFrame, settings: LinkSettings, *, model: dict[str, Any] | None = None
) -> Scored:
    """Score candidate pairs of ``features`` (see :mod:`dadkhah.link.features`)."""
    from splink import Linker

    if len(features) < 2:
        return Scored(pd.DataFrame(columns=PAIR_COLUMNS), model or {})
    features = features[[c for c in FEATURE_COLUMNS if c in features.columns]]
    available = _available(features)
    features = cap_blocks(features, settings)
    db_api = make_db_api(settings.engine)
    try:
        sdf = db_api.register(features, table_name="dadkhah_records")
        if model is None:
            train_names = float(features["birth_day"].notna().mean()) >= NAME_TRAINING_DAY_SHARE
            linker = Linker(sdf, _splink_settings(settings, available, train_names), log_level=None)
            _train(linker, db_api, settings, available, train_names, len(features))
            n = len(features)
            model = _round_model(
                adjust_model(
                    linker.misc.save_model_to_json(),
                    settings.m_floor,
                    min_prior=1.0 / max(1.0, n * (n - 1) / 2),  # one match among all pairs
                )
            )
        linker = Linker(sdf, model, log_level=None)
        for column, table in name_frequencies(features, model).items():
            lookup = db_api.register(table, table_name=f"dadkhah_tf_{column}")
            linker.table_management.register_term_frequency_lookup(lookup, column)
        predictions = linker.inference.predict(
            threshold_match_probability=settings.keep_probability, warning_mode="never"
        )
        pairs = predictions.as_pandas_dataframe()[PAIR_COLUMNS]  # type: ignore[no-untyped-call]
    except LinkageError:
        raise
    except Exception as e:
        raise LinkageError(f"Splink could not score the records: {e}") from e
    finally:
        db_api_close = getattr(db_api, "close", None)
        if callable(db_api_close):
            db_api_close()
    left = pairs["unique_id_l"].to_numpy(dtype=np.int64)
    right = pairs["unique_id_r"].to_numpy(dtype=np.int64)
    pairs = pd.DataFrame(
        {
            "unique_id_l": np.minimum(left, right),
            "unique_id_r": np.maximum(left, right),
            "match_probability": np.round(
                pairs["match_probability"].to_numpy(dtype=np.float64), PROBABILITY_DECIMALS
            ),
            "match_weight": np.round(
                pairs["match_weight"].to_numpy(dtype=np.float64), PROBABILITY_DECIMALS
            ),
        }
    )
    # the engine returns pairs in whatever order its threads finish
    pairs = pairs.sort_values(["unique_id_l", "unique_id_r"], ignore_index=True)
    log.info("scored %d candidate pairs above %s", len(pairs), settings.keep_probability)
    return Scored(pairs, model)

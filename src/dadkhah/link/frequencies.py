"""How often each whole name occurs in a case: the ``u`` of a name agreement, name by name.

Two records that agree on a name borne by one person only say far more than two records of a
name hundreds of people bear. Splink's term frequency adjustment weighs an agreement by the
value's frequency; its own table counts every record, the record itself and the person's
other records included. In victim lists, where most people appear on two or more lists, that
makes a rare name look about twice as common as it is. :func:`name_frequencies` counts what a
random *other* person's record would show instead, in the spirit of the correction of ``u`` in
:func:`dadkhah.link.scoring.adjust_model`:

``u(v) = max(count(v) - 1 - λ·m·(n - 1), 1) / (n - 1)``

``count(v) - 1`` other records carry the name ``v``; ``λ·(n - 1)`` of a record's others are
expected to be the same person (``λ`` the model's prior), of which the share ``m`` (the level's
m probability) writes the name the same way. At least one other bearer is assumed, so that a
name no one else carries is strong evidence, not a certainty.

A count of one or two other bearers says little about a name's frequency, a count of fifty a
lot: the table's value is shrunk towards the level's average ``u`` (the trained model's), on a
log scale, with the weight ``k / (k + 1)`` on the name's own frequency for ``k`` other bearers
(a half for one, 0.98 for fifty). Splink then applies it in full.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["TF_COLUMNS", "name_frequencies", "tf_column"]

# the name comparison's levels weighed by the frequency of their name, and the feature column
# that holds the name (see dadkhah.link.comparisons)
TF_COLUMNS: dict[str, str] = {
    "given and surname: fine keys equal": "name_k2",
    "given and surname: coarse keys equal": "name_k1",
}


def tf_column(column: str) -> str:
    """The frequency column Splink reads from a lookup table of ``column``."""
    return f"tf_{column}"


def _level_value(model: dict[str, Any], label: str, key: str) -> float:
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            if level.get("label_for_charts") == label and level.get(key) is not None:
                return float(level[key])
    return 0.0


def name_frequencies(features: pd.DataFrame, model: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """One lookup table per name column of :data:`TF_COLUMNS` present in ``features``:
    the column's values and their frequency among the other persons' records."""
    n = len(features)
    prior = float(model.get("probability_two_random_records_match") or 0.0)
    out: dict[str, pd.DataFrame] = {}
    if n < 2:
        return out
    for label, column in TF_COLUMNS.items():
        if column not in features.columns:
            continue
        counts = features[column].dropna().value_counts(sort=False)
        if counts.empty:
            continue
        own = prior * _level_value(model, label, "m_probability") * (n - 1)
        others = (counts.astype(float) - 1.0 - own).clip(lower=1.0)
        u = others / (n - 1)
        level_u = _level_value(model, label, "u_probability")
        if level_u > 0:
            # shrink towards the level's average u as far as the count is small: a name seen
            # on one other record says little about its frequency, one on fifty says a lot
            w = others / (others + 1.0)
            u = np.exp(w * np.log(u) + (1.0 - w) * np.log(level_u))
        table = pd.DataFrame(
            {
                column: counts.index.astype(str).to_numpy(),
                tf_column(column): u.to_numpy(),
            }
        )
        out[column] = table.sort_values(column, ignore_index=True)
    return out

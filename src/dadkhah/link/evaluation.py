"""Accuracy of a linkage against the truth: pairwise and B-cubed scores, blocking recall.

Pairwise: a pair of records is predicted when both get one person id, true when both have one
true id. B-cubed averages, over records, the precision and recall of the record's predicted
cluster against its true cluster. Blocking recall is the share of true pairs that at least one
blocking rule puts side by side (an upper bound on the recall of the whole pipeline).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["LinkScores", "blocking_recall", "pair_count", "score_links"]


@dataclass(frozen=True, slots=True)
class LinkScores:
    records: int
    true_persons: int
    predicted_persons: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float
    f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    blocking_recall: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def pair_count(sizes: np.ndarray) -> int:
    s = sizes.astype(np.int64)
    return int((s * (s - 1) // 2).sum())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_links(predicted: Sequence[Any], truth: Sequence[Any]) -> LinkScores:
    """Scores of predicted cluster ids against true ids, both aligned record by record."""
    df = pd.DataFrame({"p": pd.Series(predicted, dtype=str), "t": pd.Series(truth, dtype=str)})
    n = len(df)
    p_sizes = df.groupby("p").size()
    t_sizes = df.groupby("t").size()
    both = df.groupby(["p", "t"]).size()
    tp = pair_count(both.to_numpy())
    pp = pair_count(p_sizes.to_numpy())
    tt = pair_count(t_sizes.to_numpy())
    precision = tp / pp if pp else 1.0
    recall = tp / tt if tt else 1.0
    # B-cubed: per record, |pred ∩ true| / |pred| and / |true|
    inter = df.join(both.rename("i"), on=["p", "t"])["i"].to_numpy(dtype=float)
    bp = float(np.mean(inter / df["p"].map(p_sizes).to_numpy(dtype=float))) if n else 1.0
    br = float(np.mean(inter / df["t"].map(t_sizes).to_numpy(dtype=float))) if n else 1.0
    return LinkScores(
        records=n,
        true_persons=len(t_sizes),
        predicted_persons=len(p_sizes),
        true_pairs=tt,
        predicted_pairs=pp,
        correct_pairs=tp,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=_f1(bp, br),
    )


def blocking_recall(
    features: pd.DataFrame, truth: Sequence[Any], rules: Sequence[Sequence[str]]
) -> float:
    """Share of true pairs that some rule blocks together (all its columns equal, not null)."""
    df = features.reset_index(drop=True).copy()
    df["_t"] = pd.Series(truth, dtype=str).to_numpy()
    sizes = df.groupby("_t").size()
    multi = set(sizes[sizes > 1].index)
    df = df[df["_t"].isin(multi)]
    if df.empty:
        return 1.0
    pairs = df[["_t"]].reset_index().merge(df[["_t"]].reset_index(), on="_t")
    pairs = pairs[pairs["index_x"] < pairs["index_y"]]
    total = len(pairs)
    covered = np.zeros(total, dtype=bool)
    for rule in rules:
        cols = [c for c in rule if c in df.columns]
        if len(cols) != len(rule):
            continue
        ok = np.ones(total, dtype=bool)
        for c in cols:
            left = df[c].reindex(pairs["index_x"]).to_numpy()
            right = df[c].reindex(pairs["index_y"]).to_numpy()
            lnull = pd.isna(left)
            rnull = pd.isna(right)
            eq = np.zeros(total, dtype=bool)
            valid = ~(lnull | rnull)
            eq[valid] = left[valid] == right[valid]
            ok &= eq
        covered |= ok
    return float(covered.mean()) if total else 1.0


def _read_csv(path: Any, need: tuple[str, ...]) -> pd.DataFrame:
    from dadkhah.errors import InputError, Problem

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as e:
        raise InputError(f"{path}: file not found") from e
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as e:
        raise InputError(f"{path}: not a readable CSV file: {e}") from e
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise InputError(
            f"{path}: missing column(s) {', '.join(missing)}",
            problems=[
                Problem(
                    f"missing column; found {', '.join(df.columns)}",
                    file=str(path),
                    line=1,
                    field=c,
                )
                for c in missing
            ],
        )
    return df


def compare_files(
    links_path: Any, truth_path: Any
) -> tuple[LinkScores, dict[str, int], pd.DataFrame]:
    """Score a links CSV against a truth CSV, both keyed by (list, record_id).

    Returns the scores, coverage counts (records only in one file) and the aligned table.
    Truth records absent from the links count as people of their own (a missed link).
    """
    links = _read_csv(links_path, ("list", "record_id", "person_id"))
    truth = _read_csv(truth_path, ("list", "record_id", "person_id"))
    merged = truth.merge(
        links[["list", "record_id", "person_id"]],
        on=["list", "record_id"],
        how="left",
        suffixes=("_true", "_pred"),
        indicator=True,
    )
    missing = merged["_merge"] == "left_only"
    merged.loc[missing, "person_id_pred"] = (
        "missing:" + merged.loc[missing, "list"] + ":" + merged.loc[missing, "record_id"]
    )
    extra = len(links) - int((~missing).sum())
    scores = score_links(merged["person_id_pred"].tolist(), merged["person_id_true"].tolist())
    coverage = {"missing_from_links": int(missing.sum()), "not_in_truth": max(extra, 0)}
    return scores, coverage, merged

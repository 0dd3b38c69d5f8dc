"""The linkage pipeline on an in-memory table of records: features → scoring → clustering.

:func:`link_records` is independent of the case store: it takes a DataFrame of records (one row
per list record, ``unique_id`` an integer) and returns which records form one person. The store
side (reading records, writing persons, review queue, runs) lives in :mod:`dadkhah.link.store`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from dadkhah import names
from dadkhah.link.clustering import RecordTraits, cluster_pairs
from dadkhah.link.date_features import EPOCH
from dadkhah.link.evidence import personal_weights
from dadkhah.link.features import build_features
from dadkhah.link.scoring import score_pairs
from dadkhah.link.settings import LinkSettings

__all__ = ["LinkOutcome", "link_records"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """Result of one pipeline pass over the records."""

    assignments: pd.DataFrame  # unique_id, cluster, match_probability
    review: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, reason
    pairs: pd.DataFrame  # every scored pair kept
    features: pd.DataFrame
    model: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "records": len(self.assignments),
            "persons": int(self.assignments["cluster"].nunique()) if len(self.assignments) else 0,
            "pairs_scored": len(self.pairs),
            "review_pairs": len(self.review),
        }


def _val(v: Any) -> Any:
    return None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v


def _tokens(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    return frozenset(re.split(r"[^\w]+", names.normalize_text(text).lower())) - {""}


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _traits(features: pd.DataFrame) -> dict[int, RecordTraits]:
    out: dict[int, RecordTraits] = {}
    cols = [
        "unique_id",
        "sex",
        "father_k1",
        "given_k1",
        "surname_k1",
        "birth_from",
        "birth_to",
        "given_text",
        "surname_text",
        "father_text",
        "birth_day",
        "full_text",
        "postcode_key",
        "occupation_key",
        "email_key",
        "death_from",
        "death_to",
        "city_key",
        "prison_key",
    ]
    for row in features[cols].itertuples(index=False):
        bf, bt, day = _val(row.birth_from), _val(row.birth_to), _val(row.birth_day)
        when = date.fromordinal(int(day) + EPOCH) if day is not None else None
        out[int(row.unique_id)] = RecordTraits(  # type: ignore[arg-type]
            sex=_val(row.sex),
            father=_val(row.father_k1),
            given=_val(row.given_k1),
            surname=_val(row.surname_k1),
            birth_from=int(bf) if bf is not None else None,
            birth_to=int(bt) if bt is not None else None,
            given_text=_val(row.given_text),
            father_text=_val(row.father_text),
            surname_text=_val(row.surname_text),
            full_tokens=_tokens(_val(row.full_text)),
            birth_md=when.month * 100 + when.day if when is not None else None,
            birth_day=int(day) if day is not None else None,
            postcode=_val(row.postcode_key),
            occupation=_val(row.occupation_key),
            email=_val(row.email_key),
            death_from=_int(_val(row.death_from)),
            death_to=_int(_val(row.death_to)),
            city=_val(row.city_key),
            prison=_val(row.prison_key),
        )
    return out


def _record_probability(
    ids: list[int], labels: dict[int, int], pairs: pd.DataFrame
) -> dict[int, float]:
    """Confidence in each record's assignment.

    For a record linked to others: the highest probability of a pair inside its person. For a
    record left alone: one minus the highest probability of a pair to anyone else.
    """
    inside: dict[int, float] = {}
    outside: dict[int, float] = {}
    lab_l = pairs["unique_id_l"].map(labels)
    lab_r = pairs["unique_id_r"].map(labels)
    same = (lab_l == lab_r).to_numpy()
    for side in ("unique_id_l", "unique_id_r"):
        grp_in = pairs.loc[same].groupby(side)["match_probability"].max()
        for k, v in zip(grp_in.index.tolist(), grp_in.tolist(), strict=True):
            inside[int(k)] = max(inside.get(int(k), 0.0), float(v))
        grp_out = pairs.loc[~same].groupby(side)["match_probability"].max()
        for k, v in zip(grp_out.index.tolist(), grp_out.tolist(), strict=True):
            outside[int(k)] = max(outside.get(int(k), 0.0), float(v))
    return {rid: inside[rid] if rid in inside else 1.0 - outside.get(rid, 0.0) for rid in ids}


def link_records(
    records: pd.DataFrame,
    settings: LinkSettings,
    *,
    model: dict[str, Any] | None = None,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
) -> LinkOutcome:
    """Link ``records`` (a ``unique_id`` column plus any record fields) into persons."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    features = build_features(records)
    timings["features_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    scored = score_pairs(features, settings, model=model)
    timings["scoring_s"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    ids = [int(x) for x in features["unique_id"].tolist()]
    cannot = list(cannot_link)
    clustering = cluster_pairs(
        ids,
        scored.pairs,
        _traits(features),
        settings,
        must_link=must_link,
        cannot_link=cannot,
        personal=personal_weights(scored.model),
    )
    timings["clustering_s"] = time.perf_counter() - t2
    probability = _record_probability(ids, clustering.labels, scored.pairs)
    assignments = pd.DataFrame(
        {
            "unique_id": ids,
            "cluster": [clustering.labels[i] for i in ids],
            "match_probability": [probability[i] for i in ids],
        }
    )
    review = clustering.review
    if cannot and len(review):
        blocked = {(min(a, b), max(a, b)) for a, b in cannot}
        keep = [
            (min(a, b), max(a, b)) not in blocked
            for a, b in zip(review["unique_id_l"], review["unique_id_r"], strict=True)
        ]
        review = review.loc[keep].reset_index(drop=True)
    timings["total_s"] = time.perf_counter() - t0
    log.info("linked %d records into %d persons", len(ids), assignments["cluster"].nunique())
    return LinkOutcome(assignments, review, scored.pairs, features, scored.model, timings)

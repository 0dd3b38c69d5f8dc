"""Constrained clustering of scored pairs into persons, without chaining.

Bare connected components chain: A–B and B–C at 0.96 put A and C together even when A and C
are a father and his son. Here pairs are taken from the most to the least probable, and two
clusters merge only when

* the pair reaches the automatic-link band (or a reviewer confirmed it),
* the average probability of all scored pairs between the two clusters reaches
  ``cluster_average`` (one strong pair cannot pull in a whole family),
* no cannot-link rule fires between any two of their records: contradicting father's names,
  given names that share nothing (siblings), contradicting sex, birth ranges further apart
  than ``birth_year_tolerance`` years, death dates or birthdays that say two people, both the
  city and the prison differing, or a reviewer's "not the same person".

The rules weigh evidence rather than fire on any difference: a record with a single name part
only needs it to match some part of the other record's name; an initial, a known nickname or a
shortening ("Will", "William") agrees with the full name; a sex written differently is tolerated
when the names agree; birth years one digit apart on the same day of the year count as a typo;
and the same full birth date with the same surname outweighs a differing given name.

Between the other members of two clusters, a name, sex or birth-year disagreement is outvoted
when at most ``conflict_share`` of the member pairs disagree, and a disagreement on a name or a
birthday is bridged when a third member agrees with both records (Richard between Rifhard and
Dick; 1761-03-12 between 1761-03-21 and 1761-08-12): tolerances do not chain, a person's own
records do.

A reviewer's "same person" merges first and is never split.

After this greedy pass, up to ``refine_rounds`` rounds of refinement (:mod:`dadkhah.link.refine`)
move a record to a neighbouring cluster when the mean log-odds of its pairs with that
cluster's members beat those with its own by more than ``refine_margin``, the rules above
allow the move and its own cluster holds together without it; then the pairs in the
automatic band of the clusters that changed are offered again.

The result depends only on the pairs, not on their order: pairs of equal probability are taken
by record ids (smaller first), and refinement sums each record's pairs in order of record
position, so the same pairs always give the same clusters and review queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dadkhah.link.evidence import PersonalWeights
from dadkhah.link.greedy import Greedy, Held
from dadkhah.link.rules import RecordTraits
from dadkhah.link.settings import LinkSettings

__all__ = ["Clustering", "RecordTraits", "cluster_pairs"]


@dataclass(frozen=True, slots=True)
class Clustering:
    """Cluster label of every record (the smallest record id in its cluster)."""

    labels: dict[int, int]
    review: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, reason


def cluster_pairs(
    record_ids: Iterable[int],
    pairs: pd.DataFrame,
    traits: Mapping[int, RecordTraits],
    settings: LinkSettings,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    personal: PersonalWeights | None = None,
) -> Clustering:
    """Cluster records from scored ``pairs`` (unique_id_l, unique_id_r, match_probability)."""
    greedy = Greedy(
        record_ids,
        pairs,
        traits,
        settings,
        must_link=must_link,
        cannot_link=cannot_link,
        personal=personal,
    )
    held = greedy.merge_pass(greedy.automatic)
    if settings.refine_rounds:
        held = greedy.refine(held)
    labels = greedy.labels()
    review = _review(
        labels, held, greedy.lefts, greedy.rights, greedy.probs, greedy.order, settings
    )
    return Clustering(labels, review)


def _review(
    labels: dict[int, int],
    held: Held,
    lefts: np.ndarray,
    rights: np.ndarray,
    probs: np.ndarray,
    order: np.ndarray,
    settings: LinkSettings,
) -> pd.DataFrame:
    """The review queue: one pair per two clusters, held pairs first, then the review band."""
    review_rows: dict[tuple[int, int], tuple[int, int, float, str]] = {}
    for a, b, p, reason in held:
        key = (min(labels[a], labels[b]), max(labels[a], labels[b]))
        if key[0] != key[1] and key not in review_rows:
            review_rows[key] = (a, b, p, reason)
    band = (probs >= settings.review) & (probs < settings.auto_link)
    for i in order[band[order]].tolist():
        a, b = int(lefts[i]), int(rights[i])
        key = (min(labels[a], labels[b]), max(labels[a], labels[b]))
        if key[0] != key[1] and key not in review_rows:
            review_rows[key] = (a, b, float(probs[i]), "in the review band")
    return pd.DataFrame(
        list(review_rows.values()),
        columns=["unique_id_l", "unique_id_r", "match_probability", "reason"],
    )

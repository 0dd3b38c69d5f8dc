"""Record linkage: one person per victim, across lists, scripts and spellings.

Pipeline: :mod:`features` (normalised names, cross-script keys, year and day ranges) →
blocking on those keys → :mod:`scoring` (Splink's Fellegi-Sunter model with Dadkhah's
:mod:`comparisons`, on DuckDB or Spark) → :mod:`clustering` (best-first merges with cannot-link
rules, no chaining) → :mod:`persons` (stable person ids). :mod:`runner` runs it over a case;
:mod:`review` keeps the queue and the reviewers' binding decisions; :mod:`evaluation` scores a
linkage against the truth.
"""

from dadkhah.link.evaluation import LinkScores, blocking_recall, score_links
from dadkhah.link.pipeline import LinkOutcome, link_records
from dadkhah.link.settings import LinkSettings

__all__ = [
    "LinkOutcome",
    "LinkScores",
    "LinkSettings",
    "blocking_recall",
    "link_records",
    "score_links",
]

"""Known answers for pairwise and B-cubed scores and for blocking recall."""

from __future__ import annotations

import pandas as pd
import pytest

from dadkhah.link.evaluation import blocking_recall, score_links


def test_pairwise_and_bcubed_known_answer() -> None:
    # truth: {a,b,c} {d}; predicted: {a,b} {c,d}
    s = score_links(["1", "1", "2", "2"], ["x", "x", "x", "y"])
    assert (s.true_pairs, s.predicted_pairs, s.correct_pairs) == (3, 2, 1)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(0.4)
    # B-cubed precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    assert s.bcubed_precision == pytest.approx(0.75)
    assert s.bcubed_recall == pytest.approx(2 / 3)
    assert (s.true_persons, s.predicted_persons) == (2, 2)


def test_perfect_linkage_scores_one() -> None:
    s = score_links(["p", "p", "q"], ["1", "1", "2"])
    assert s.f1 == 1.0 and s.bcubed_f1 == 1.0


def test_blocking_recall_counts_true_pairs_some_rule_covers() -> None:
    f = pd.DataFrame({"a": ["x", "x", "y", None], "b": ["1", "2", "2", "2"]})
    truth = ["t", "t", "t", "t"]  # 6 true pairs
    # rule a: (0,1); rule b: (1,2) (1,3) (2,3)
    assert blocking_recall(f, truth, [("a",)]) == pytest.approx(1 / 6)
    assert blocking_recall(f, truth, [("a",), ("b",)]) == pytest.approx(4 / 6)

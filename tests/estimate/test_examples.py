"""The shipped example tables are the ones in ../shared/data/mse."""

from __future__ import annotations

from pathlib import Path

import pytest

from dadkhah.estimate import CaptureHistories
from dadkhah.estimate.examples import dga_my3, hare, kosovo


def test_observed_counts() -> None:
    assert (kosovo().observed, dga_my3().observed, hare().observed) == (4400, 626, 68)


@pytest.mark.parametrize(
    ("name", "make"), [("kosovo.csv", kosovo), ("dga_MY3.csv", dga_my3), ("hare.csv", hare)]
)
def test_examples_equal_the_shared_tables(shared_dir: Path, name: str, make: object) -> None:
    shipped = make()  # type: ignore[operator]
    assert shipped == CaptureHistories.from_csv(shared_dir / "data" / "mse" / name)
    assert shipped.sha256 == CaptureHistories.from_csv(shared_dir / "data" / "mse" / name).sha256

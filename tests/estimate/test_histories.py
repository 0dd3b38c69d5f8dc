"""CaptureHistories: reading, validating, canonical form and hashing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.errors import EstimationError
from dadkhah.estimate import CaptureHistories


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "lists", "observed"),
    [
        ("kosovo", ("EXH", "ABA", "OSCE", "HRW"), 4400),
        ("dga_MY3", ("L1", "L2", "L3"), 626),
        ("hare", ("c1", "c2", "c3", "c4", "c5", "c6"), 68),
    ],
)
def test_reads_shared_tables(
    shared_dir: Path, name: str, lists: tuple[str, ...], observed: int
) -> None:
    h = CaptureHistories.from_csv(shared_dir / "data" / "mse" / f"{name}.csv")
    assert h.lists == lists
    assert h.observed == observed
    assert h.n_lists == len(lists)
    assert h.patterns.dtype == np.uint8
    assert not h.patterns.flags.writeable


def test_full_table_and_hash(tmp_path: Path) -> None:
    h = CaptureHistories.from_csv(_write(tmp_path, "a,b,c,count\n1,1,0,5\n0,0,1,7\n1,0,1,2\n"))
    full = h.full_table()
    assert full.patterns.shape == (7, 3)
    assert full.observed == 14
    assert full.sha256 == h.sha256
    assert h.nonzero() == h
    # canonical order: first list most significant
    assert [tuple(p) for p in h.patterns] == [(0, 0, 1), (1, 0, 1), (1, 1, 0)]


def test_csv_round_trip(tmp_path: Path) -> None:
    h = CaptureHistories.from_mapping(["x", "y"], {"10": 4, "01": 3, "11": 2})
    out = tmp_path / "out.csv"
    h.full_table().to_csv(out)
    again = CaptureHistories.from_csv(out)
    assert again == h
    assert out.read_text().splitlines()[0] == "x,y,count"


def test_from_records_and_frame() -> None:
    import pandas as pd

    h = CaptureHistories.from_records([["a", "b"], ["a"], ["b"], ["a", "b"]], lists=["a", "b"])
    assert h.to_dict()["counts"] == {"01": 1, "10": 1, "11": 2}
    frame = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 1], "count": [2, 1, 1]})
    assert CaptureHistories.from_frame(frame) == h


def test_reorder_changes_columns_not_people() -> None:
    h = CaptureHistories.from_mapping(["x", "y", "z"], {"100": 4, "011": 3, "110": 2, "001": 1})
    r = h.reorder(["z", "x", "y"])
    assert r.observed == h.observed
    assert r.to_dict()["counts"]["101"] == 3  # the people on y and z: z=1, x=0, y=1
    with pytest.raises(EstimationError):
        h.reorder(["x", "y"])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a,count\n1,5\n", "at least two lists"),
        ("a,b\n1,1\n", "no 'count' column"),
        ("a,b,count\n1,1,-2\n1,0,3\n0,1,3\n", "cannot be negative"),
        ("a,b,count\n1,1,2.5\n1,0,3\n0,1,3\n", "whole number"),
        ("a,b,count\n1,1,x\n1,0,3\n0,1,3\n", "whole number"),
        ("a,b,count\n0,0,4\n1,1,3\n", "all-zero pattern"),
        ("a,b,count\n1,1,3\n1,0\n", "expected 3 fields"),
        ("a,b,count\n1,2,3\n", "0 or 1"),
        ("a,b,count\n1,1,3\n1,1,4\n", "already appears on line 2"),
        ("a,b,count\n1,0,3\n0,1,4\n", "never overlap"),
        ("a,b,c,count\n1,1,0,3\n1,0,0,4\n0,1,0,1\n", "records no one"),
        ("a,b,c,count\n1,1,0,3\n0,0,1,4\n", "overlaps no other list"),
        ("", "empty"),
    ],
)
def test_bad_tables_raise_with_location(tmp_path: Path, text: str, fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(EstimationError) as info:
        CaptureHistories.from_csv(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_line_and_field_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "a,b,count\n1,1,3\n1,0,-1\n")
    with pytest.raises(EstimationError, match=r"table\.csv:3: count: .*\(-1\)|table\.csv:3: count"):
        CaptureHistories.from_csv(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EstimationError, match="no such file"):
        CaptureHistories.from_csv(tmp_path / "nope.csv")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=50), min_size=7, max_size=7))
def test_hash_ignores_row_order_and_zero_rows(counts: list[int]) -> None:
    counts[2] = max(counts[2], 1)  # 011: b and c overlap
    counts[4] = max(counts[4], 1)  # 101: a and c overlap
    keys = [format(i, "03b") for i in range(1, 8)]
    mapping = dict(zip(keys, counts, strict=True))
    h = CaptureHistories.from_mapping(["a", "b", "c"], mapping)
    shuffled = CaptureHistories.from_mapping(["a", "b", "c"], dict(reversed(list(mapping.items()))))
    assert h.sha256 == shuffled.sha256
    assert h.full_table().sha256 == h.nonzero().sha256
    assert h.observed == sum(counts)

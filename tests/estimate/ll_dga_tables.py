"""Capture tables with published R results (copied from ../shared/data/mse, so tests run anywhere).

Each table maps a pattern string (list positions in column order) to its count.
"""

from __future__ import annotations

import numpy as np

from dadkhah.estimate.histories import CaptureHistories

KOSOVO_LISTS = ("EXH", "ABA", "OSCE", "HRW")
KOSOVO = {
    "0001": 306,
    "0010": 936,
    "0011": 123,
    "0100": 845,
    "0101": 31,
    "0110": 217,
    "0111": 32,
    "1000": 1131,
    "1001": 106,
    "1010": 228,
    "1011": 42,
    "1100": 177,
    "1101": 18,
    "1110": 181,
    "1111": 27,
}
MY3_LISTS = ("L1", "L2", "L3")
MY3 = {"001": 60, "010": 49, "011": 4, "100": 247, "101": 112, "110": 142, "111": 12}
HARE_LISTS = ("c1", "c2", "c3", "c4", "c5", "c6")
HARE = {
    "000001": 4,
    "000010": 4,
    "000011": 2,
    "000100": 3,
    "000101": 4,
    "000110": 1,
    "000111": 1,
    "001000": 5,
    "001001": 2,
    "001011": 1,
    "001101": 1,
    "010000": 6,
    "010001": 1,
    "010010": 3,
    "010011": 1,
    "010100": 3,
    "010101": 3,
    "010111": 1,
    "011001": 2,
    "011011": 1,
    "011101": 2,
    "011111": 1,
    "100000": 3,
    "100001": 1,
    "100010": 2,
    "100100": 2,
    "100111": 1,
    "101000": 1,
    "101010": 1,
    "101100": 1,
    "110001": 1,
    "110010": 1,
    "111111": 2,
}


def table(lists: tuple[str, ...], counts: dict[str, int]) -> CaptureHistories:
    """A CaptureHistories from ``{"0101": 31, ...}``."""
    keys = sorted(counts)
    pats = np.array([[int(ch) for ch in k] for k in keys], dtype=np.uint8)
    return CaptureHistories(lists, pats, np.array([counts[k] for k in keys], dtype=np.int64))


def kosovo() -> CaptureHistories:
    return table(KOSOVO_LISTS, KOSOVO)


def my3() -> CaptureHistories:
    return table(MY3_LISTS, MY3)


def hare() -> CaptureHistories:
    return table(HARE_LISTS, HARE)


def from_rcapture_order(names: tuple[str, ...], counts: list[int]) -> CaptureHistories:
    """A table given as Rcapture's ``histpos.t`` lists it: from all-ones down to ``0...01``."""
    n_lists = len(names)
    codes = np.arange((1 << n_lists) - 1, 0, -1)
    patterns = (codes[:, None] >> np.arange(n_lists - 1, -1, -1)) & 1
    return CaptureHistories(names, patterns, np.array(counts, dtype=np.int64))


# From Rcapture's tests (inst/tests/testPapersResults.R), in histpos.t order
DARROCH_R3 = [72, 155, 7, 71, 13, 53, 43]
DIABETES = [58, 157, 18, 104, 46, 650, 12, 709, 14, 20, 7, 74, 8, 182, 10]
CORMACK_4 = [72, 5, 29, 53, 24, 3, 12, 14, 0, 0, 0, 1, 0, 0, 2]
CORMACK_3 = [72, 5, 29, 54, 24, 3, 14]

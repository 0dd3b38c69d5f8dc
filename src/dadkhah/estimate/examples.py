"""Published capture tables, shipped so that examples and checks run anywhere (like R's datasets).

* :func:`kosovo`: killings in Kosovo, 20 March-22 June 1999, from exhumations, ABA/CEELI
  interviews, OSCE and Human Rights Watch (R's LCMCR ``kosovo_aggregate``; Ball et al. 2002).
* :func:`dga_my3`: the 3-list example of Madigan & York (1997), from R's dga.
* :func:`hare`: snowshoe hares over 6 trapping occasions (Cormack 1989), R's Rcapture ``hare``.

Patterns are written with list positions in column order; absent patterns have count 0.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from dadkhah.estimate.histories import CaptureHistories

__all__ = ["dga_my3", "hare", "kosovo", "table"]

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


def table(lists: tuple[str, ...], counts: Mapping[str, int]) -> CaptureHistories:
    """A capture table from ``{"0101": 31, ...}`` (pattern strings in list order)."""
    keys = sorted(counts)
    pats = np.array([[int(ch) for ch in k] for k in keys], dtype=np.uint8)
    return CaptureHistories(lists, pats, np.array([counts[k] for k in keys], dtype=np.int64))


def kosovo() -> CaptureHistories:
    """Kosovo 1999 (EXH, ABA, OSCE, HRW): 4,400 observed."""
    return table(KOSOVO_LISTS, KOSOVO)


def dga_my3() -> CaptureHistories:
    """Madigan & York's 3-list example (L1, L2, L3): 626 observed."""
    return table(MY3_LISTS, MY3)


def hare() -> CaptureHistories:
    """Snowshoe hares, 6 occasions (c1..c6): 68 observed."""
    return table(HARE_LISTS, HARE)

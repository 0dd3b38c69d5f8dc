"""Capture tables with published R results: the package's example tables
(:mod:`dadkhah.estimate.examples`) and, below, the tables of Rcapture's own tests.
"""

from __future__ import annotations

import numpy as np

from dadkhah.estimate.examples import (  # noqa: F401  (re-exported for the tests)
    HARE,
    HARE_LISTS,
    KOSOVO,
    KOSOVO_LISTS,
    MY3,
    MY3_LISTS,
    hare,
    kosovo,
    table,
)
from dadkhah.estimate.examples import dga_my3 as my3  # noqa: F401
from dadkhah.estimate.histories import CaptureHistories


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

"""Design matrices of the log-linear capture-recapture models, as R's Rcapture defines them.

The table is the ``2^J - 1`` observable capture patterns in Rcapture's order: the pattern read
as a binary number (first list most significant), from all-ones down to ``0...01``. Every design
here leaves out the intercept column; the fitting code adds it. The expected count of the unseen
pattern is ``exp(intercept)``, so the abundance is ``observed + exp(intercept)``, except for the
behavioural models ``Mb`` and ``Mbh``, whose abundance has its own closed form.

Two families of models:

* the twelve classical closed-population models of ``closedp`` (``M0``, ``Mt``, the four
  heterogeneity forms crossed with ``Mh``/``Mth``, ``Mb``, ``Mbh``);
* hierarchical log-linear models written as Rcapture writes them: ``[123,14,34]`` is the model
  with the three-way interaction of lists 1, 2, 3, the two-way interactions 1-4 and 3-4, and
  every lower-order term these imply. List numbers are column positions, 1-based.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numpy as np

from dadkhah.errors import EstimationError

__all__ = [
    "NAMED_MODELS",
    "NamedDesign",
    "enumerate_hierarchical",
    "hierarchical_design",
    "hierarchical_name",
    "named_design",
    "parse_hierarchical",
    "patterns_in_rcapture_order",
    "table_in_rcapture_order",
]

NAMED_MODELS: tuple[str, ...] = (
    "M0",
    "Mt",
    "Mh-chao",
    "Mh-poisson2",
    "Mh-darroch",
    "Mh-gamma3.5",
    "Mth-chao",
    "Mth-poisson2",
    "Mth-darroch",
    "Mth-gamma3.5",
    "Mb",
    "Mbh",
)

# Rcapture's labels, for reports that put our numbers beside R's
RCAPTURE_LABELS: dict[str, str] = {
    "M0": "M0",
    "Mt": "Mt",
    "Mh-chao": "Mh Chao (LB)",
    "Mh-poisson2": "Mh Poisson2",
    "Mh-darroch": "Mh Darroch",
    "Mh-gamma3.5": "Mh Gamma3.5",
    "Mth-chao": "Mth Chao (LB)",
    "Mth-poisson2": "Mth Poisson2",
    "Mth-darroch": "Mth Darroch",
    "Mth-gamma3.5": "Mth Gamma3.5",
    "Mb": "Mb",
    "Mbh": "Mbh",
}

MAX_HIERARCHICAL_LISTS = 9


def patterns_in_rcapture_order(n_lists: int) -> np.ndarray:
    """Every observable pattern, ``(2^J - 1) × J`` of 0/1, from all-ones down to ``0...01``."""
    codes = np.arange((1 << n_lists) - 1, 0, -1, dtype=np.int64)
    shifts = np.arange(n_lists - 1, -1, -1, dtype=np.int64)
    return ((codes[:, None] >> shifts[None, :]) & 1).astype(np.uint8)


def table_in_rcapture_order(patterns: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Counts of every observable pattern in Rcapture's order (zero where a pattern is absent)."""
    patterns = np.asarray(patterns, dtype=np.int64)
    n_lists = patterns.shape[1]
    weights = 1 << np.arange(n_lists - 1, -1, -1, dtype=np.int64)
    codes = patterns @ weights
    full = np.zeros(1 << n_lists, dtype=float)
    np.add.at(full, codes, np.asarray(counts, dtype=float))
    return full[:0:-1].copy()


@dataclass(frozen=True)
class NamedDesign:
    """A classical model's design: columns (no intercept), their names, and how to read it.

    ``n_base`` counts the intercept and the columns that do not model heterogeneity: Chao's
    lower-bound models drop negative ``eta`` coefficients found after that position.
    """

    name: str
    matrix: np.ndarray
    columns: tuple[str, ...]
    n_base: int
    chao: bool
    behavioural: bool


def _heterogeneity(kind: str, nbcap: np.ndarray, n_lists: int) -> tuple[np.ndarray, list[str]]:
    if kind == "chao":
        if n_lists < 3:
            return np.zeros((nbcap.size, 1)), ["eta"]
        cols = [np.maximum(nbcap - j + 1, 0) for j in range(3, n_lists + 1)]
        return np.column_stack(cols).astype(float), [f"eta{j}" for j in range(3, n_lists + 1)]
    if kind == "poisson2":
        return (2.0**nbcap - 1.0)[:, None], ["tau"]
    if kind == "darroch":
        return (nbcap.astype(float) ** 2 / 2.0)[:, None], ["tau"]
    if kind == "gamma3.5":
        return (-np.log(3.5 + nbcap) + math.log(3.5))[:, None], ["tau"]
    raise EstimationError(f"unknown heterogeneity form {kind!r}")


def named_design(name: str, n_lists: int) -> NamedDesign:
    """Design of one of :data:`NAMED_MODELS` for ``n_lists`` lists, rows in Rcapture's order."""
    if name not in NAMED_MODELS:
        raise EstimationError(
            f"unknown model {name!r}; the named models are: {', '.join(NAMED_MODELS)}"
        )
    hist = patterns_in_rcapture_order(n_lists).astype(float)
    nbcap = hist.sum(axis=1)
    if name in ("Mb", "Mbh"):
        # occasions before the first capture, and captures after it
        before = np.argmax(hist > 0, axis=1).astype(float)
        after = nbcap - 1.0
        if name == "Mb":
            return NamedDesign(
                name,
                np.column_stack([before, after]),
                ("beta1", "beta2"),
                3,
                chao=False,
                behavioural=True,
            )
        not_first = 1.0 - hist[:, 0]
        return NamedDesign(
            name,
            np.column_stack([not_first, before, after]),
            ("eta", "beta1", "beta2"),
            4,
            chao=False,
            behavioural=True,
        )
    base, _, kind = name.partition("-")
    if base in ("M0", "Mh"):
        mat, cols = nbcap[:, None], ["beta"]
    else:
        mat, cols = hist, [f"beta{j}" for j in range(1, n_lists + 1)]
    n_base = 1 + mat.shape[1]
    if kind:
        extra, extra_cols = _heterogeneity(kind, nbcap, n_lists)
        mat = np.column_stack([mat, extra])
        cols = cols + extra_cols
    return NamedDesign(
        name,
        np.asarray(mat, dtype=float),
        tuple(cols),
        n_base,
        chao=kind == "chao",
        behavioural=False,
    )


# ------------------------------------------------------------------ hierarchical models
# A hierarchical model is held as its generating class: a tuple of bitmasks (bit j = list j,
# 0-based), none contained in another.

_NAME = re.compile(r"^\[\s*(\d+(?:\s*,\s*\d+)*)?\s*\]$")


def parse_hierarchical(text: str, n_lists: int) -> tuple[int, ...]:
    """Read ``[123,14,34]`` into its generating class for a table of ``n_lists`` lists."""
    if n_lists > MAX_HIERARCHICAL_LISTS:
        raise EstimationError(
            f"hierarchical model names use one digit per list, so at most "
            f"{MAX_HIERARCHICAL_LISTS} lists; this table has {n_lists}"
        )
    match = _NAME.match(text.strip())
    if match is None:
        raise EstimationError(
            f"{text!r} is not a hierarchical model name: write the terms "
            "between brackets, list positions as digits, e.g. [123,14,34]"
        )
    terms: list[int] = []
    for term in (match.group(1) or "").split(","):
        term = term.strip()
        if not term:
            continue
        mask = 0
        for ch in term:
            pos = int(ch)
            if not 1 <= pos <= n_lists:
                raise EstimationError(
                    f"model {text!r}: list position {pos} is not between 1 and {n_lists}"
                )
            if mask & (1 << (pos - 1)):
                raise EstimationError(f"model {text!r}: term {term} repeats list {pos}")
            mask |= 1 << (pos - 1)
        terms.append(mask)
    return _maximal(terms)


def _maximal(terms: Sequence[int]) -> tuple[int, ...]:
    unique = set(terms)
    kept = [t for t in unique if not any(t != o and t & o == t for o in unique)]
    return tuple(sorted(kept, key=_term_key))


@cache
def _term_key(mask: int) -> tuple[int, str]:
    return (-bin(mask).count("1"), _digits(mask))


@cache
def _digits(mask: int) -> str:
    return "".join(str(j + 1) for j in range(mask.bit_length()) if mask >> j & 1)


def hierarchical_name(generators: Sequence[int]) -> str:
    """Rcapture's name: highest-order terms first, each order in lexical order."""
    return "[" + ",".join(_digits(g) for g in sorted(generators, key=_term_key)) + "]"


def hierarchical_terms(generators: Sequence[int]) -> list[int]:
    """Every non-empty term the model contains (as bitmasks), by order then by bitmask."""
    terms: set[int] = set()
    for g in generators:
        sub = g
        while sub:
            terms.add(sub)
            sub = (sub - 1) & g
    return sorted(terms, key=lambda m: (bin(m).count("1"), m))


@cache
def _term_columns(n_lists: int) -> np.ndarray:
    """Column ``m`` is the indicator that a pattern includes every list of bitmask ``m``."""
    hist = patterns_in_rcapture_order(n_lists).astype(np.int64)
    codes = hist @ (1 << np.arange(n_lists, dtype=np.int64))
    masks = np.arange(1 << n_lists, dtype=np.int64)
    cols: np.ndarray = ((codes[:, None] & masks[None, :]) == masks[None, :]).astype(float)
    cols.setflags(write=False)
    return cols


def hierarchical_design(generators: Sequence[int], n_lists: int) -> np.ndarray:
    """Design (no intercept) of a hierarchical model, rows in Rcapture's order."""
    terms = hierarchical_terms(generators)
    return _term_columns(n_lists)[:, terms]


def enumerate_hierarchical(n_lists: int, max_order: int) -> Iterator[tuple[int, ...]]:
    """Every hierarchical model with all main effects and interactions up to ``max_order``.

    This is the candidate set of Rcapture's ``closedpMS.t`` with its default ``forced = 1:t``:
    each model is an antichain of interaction terms (orders 2 to ``max_order``), completed by
    the main effects no interaction covers.
    """
    candidates = [
        sum(1 << j for j in combo)
        for order in range(max_order, 1, -1)
        for combo in combinations(range(n_lists), order)
    ]
    everyone = (1 << n_lists) - 1

    def extend(start: int, chosen: list[int]) -> Iterator[tuple[int, ...]]:
        covered = 0
        for c in chosen:
            covered |= c
        singles = [1 << j for j in range(n_lists) if not (covered & everyone) >> j & 1]
        yield _maximal(chosen + singles)
        for i in range(start, len(candidates)):
            cand = candidates[i]
            if any(cand & c == cand or cand & c == c for c in chosen):
                continue
            chosen.append(cand)
            yield from extend(i + 1, chosen)
            chosen.pop()

    yield from extend(0, [])

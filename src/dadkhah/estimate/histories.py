"""Capture histories: how many people were seen on each combination of lists.

A :class:`CaptureHistories` is the table every estimator reads: one row per capture pattern
(which lists saw a person), one 0/1 column per list, and the number of people with that pattern.
The all-zero pattern (seen by no list) is what the estimators infer, so it is never in the table.

Rows are kept in canonical order: the pattern read as a binary number with the first list most
significant, as in the CSV files of ``shared/data/mse`` and R's ``Rcapture``. Rows with a zero
count may be present (:meth:`CaptureHistories.full_table` adds every missing one); the
:attr:`~CaptureHistories.sha256` of a table ignores them, so a table and its full form hash alike.

Bad tables raise :class:`~dadkhah.errors.EstimationError` naming the file, line, field and value.
"""

from __future__ import annotations

import csv
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from dadkhah.errors import EstimationError, Problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COUNT_COLUMN", "CaptureHistories"]

COUNT_COLUMN = "count"
MAX_LISTS = 30


def _fail(
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    field_: str | None = None,
    value: object | None = None,
) -> EstimationError:
    """An EstimationError whose text says where the problem is (file:line: field: ...)."""
    problem = Problem(message, file=file, line=line, field=field_, value=value)
    return EstimationError(str(problem))


def _pattern_codes(patterns: np.ndarray) -> np.ndarray:
    """Each pattern as an integer, first list most significant."""
    n_lists = patterns.shape[1]
    weights = (1 << np.arange(n_lists - 1, -1, -1, dtype=np.int64)).astype(np.int64)
    return np.asarray(patterns.astype(np.int64) @ weights, dtype=np.int64)


@dataclass(frozen=True, eq=False)
class CaptureHistories:
    """A capture-history table: ``lists`` names, ``patterns`` (m×J of 0/1), ``counts`` (m).

    Build one with :meth:`from_csv`, :meth:`from_records` or :meth:`from_frame`, or directly from
    arrays (validated and put in canonical order). Instances are immutable: the arrays are
    read-only views.
    """

    lists: tuple[str, ...]
    patterns: np.ndarray
    counts: np.ndarray
    stratum: str | None = None
    source: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        where = self.source
        lists = tuple(str(x) for x in self.lists)
        if len(lists) < 2:
            raise _fail(
                f"a capture table needs at least two lists, got {len(lists)}",
                file=where,
                field_="lists",
                value=list(lists),
            )
        if len(lists) > MAX_LISTS:
            raise _fail(
                f"at most {MAX_LISTS} lists are supported, got {len(lists)}",
                file=where,
                field_="lists",
            )
        dupes = sorted(n for n, c in Counter(lists).items() if c > 1)
        if dupes:
            raise _fail("list names must be distinct", file=where, field_="lists", value=dupes)
        if any(not n.strip() for n in lists):
            raise _fail("a list name is empty", file=where, field_="lists", value=list(lists))
        if any(n == COUNT_COLUMN for n in lists):
            raise _fail(f"{COUNT_COLUMN!r} cannot name a list", file=where, field_="lists")
        pats = np.asarray(self.patterns)
        if pats.ndim != 2 or pats.shape[1] != len(lists):
            raise _fail(
                f"patterns must be a table with one column per list ({len(lists)}), "
                f"got shape {pats.shape}",
                file=where,
                field_="patterns",
            )
        raw_counts = np.asarray(self.counts)
        if raw_counts.ndim != 1 or raw_counts.shape[0] != pats.shape[0]:
            raise _fail(
                f"counts must have one value per pattern ({pats.shape[0]}), "
                f"got shape {raw_counts.shape}",
                file=where,
                field_="counts",
            )
        if pats.size and not np.isin(pats, (0, 1)).all():
            raise _fail(
                "patterns must hold only 0 and 1",
                file=where,
                field_="patterns",
                value=sorted({int(v) for v in np.unique(pats)} - {0, 1})[:5],
            )
        if raw_counts.size and (raw_counts.dtype.kind not in "iub"):
            as_float = raw_counts.astype(float)
            if not np.all(np.isfinite(as_float)) or not np.all(as_float == np.round(as_float)):
                raise _fail("counts must be whole numbers", file=where, field_=COUNT_COLUMN)
        counts = raw_counts.astype(np.int64)
        if (counts < 0).any():
            row = int(np.flatnonzero(counts < 0)[0])
            raise _fail(
                "counts cannot be negative", file=where, field_=COUNT_COLUMN, value=int(counts[row])
            )
        pats = pats.astype(np.uint8)
        if pats.shape[0] and (pats.sum(axis=1) == 0).any():
            raise _fail(
                "the all-zero pattern (seen by no list) cannot be in the table: "
                "it is what is estimated",
                file=where,
                field_="patterns",
            )
        codes = _pattern_codes(pats)
        order = np.argsort(codes, kind="stable")
        codes = codes[order]
        if codes.size > 1 and (np.diff(codes) == 0).any():
            dup = int(codes[np.flatnonzero(np.diff(codes) == 0)[0]])
            raise _fail(
                "a pattern appears twice",
                file=where,
                field_="patterns",
                value=format(dup, f"0{len(lists)}b"),
            )
        pats = np.ascontiguousarray(pats[order])
        counts = np.ascontiguousarray(counts[order])
        pats.setflags(write=False)
        counts.setflags(write=False)
        object.__setattr__(self, "lists", lists)
        object.__setattr__(self, "patterns", pats)
        object.__setattr__(self, "counts", counts)
        self._check_estimable()

    def _check_estimable(self) -> None:
        where = self.source
        if self.observed == 0:
            raise _fail(
                "the table has no one in it (every count is zero)", file=where, field_=COUNT_COLUMN
            )
        per_list = self.list_totals()
        for name, total in zip(self.lists, per_list, strict=True):
            if total == 0:
                raise _fail(
                    "this list records no one: drop it or check the table", file=where, field_=name
                )
        seen = self.counts > 0
        multi = self.patterns[seen].sum(axis=1) >= 2
        if not multi.any():
            raise _fail(
                "the lists never overlap (no one is on two lists), so the number "
                "unseen cannot be estimated",
                file=where,
                field_="patterns",
            )
        for j, name in enumerate(self.lists):
            on_j = self.patterns[seen][:, j] == 1
            if not (on_j & multi).any():
                raise _fail(
                    "this list overlaps no other list, so its coverage cannot be "
                    "estimated: drop it or check the table",
                    file=where,
                    field_=name,
                )

    # ----------------------------------------------------------------- properties
    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of distinct people seen by at least one list."""
        return int(self.counts.sum())

    @property
    def sha256(self) -> str:
        """Hash of the canonical table (list names, then each non-zero row in order)."""
        h = hashlib.sha256()
        h.update(("\t".join(self.lists) + "\n").encode("utf-8"))
        for pat, count in zip(self.patterns, self.counts, strict=True):
            if count > 0:
                h.update(("".join(str(int(v)) for v in pat) + f"\t{int(count)}\n").encode())
        return h.hexdigest()

    def list_totals(self) -> np.ndarray:
        """Number of people on each list."""
        return np.asarray(self.counts @ self.patterns.astype(np.int64), dtype=np.int64)

    def codes(self) -> np.ndarray:
        """Each row's pattern as an integer (first list most significant)."""
        return _pattern_codes(self.patterns)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CaptureHistories):
            return NotImplemented
        return (
            self.lists == other.lists
            and self.stratum == other.stratum
            and self.sha256 == other.sha256
        )

    def __hash__(self) -> int:
        return hash((self.lists, self.stratum, self.sha256))

    def __repr__(self) -> str:
        where = f", stratum={self.stratum!r}" if self.stratum is not None else ""
        return (
            f"CaptureHistories(lists={list(self.lists)}, observed={self.observed}, "
            f"patterns={self.patterns.shape[0]}{where})"
        )

    # -------------------------------------------------------------- transforms
    def full_table(self) -> CaptureHistories:
        """The same table with every one of the 2^J-1 patterns, zero where nobody had it."""
        n_lists = self.n_lists
        if n_lists > 20:
            raise EstimationError(
                f"the full table of {n_lists} lists has 2^{n_lists}-1 rows: too many to build"
            )
        all_codes = np.arange(1, 1 << n_lists, dtype=np.int64)
        shifts = np.arange(n_lists - 1, -1, -1, dtype=np.int64)
        pats = ((all_codes[:, None] >> shifts[None, :]) & 1).astype(np.uint8)
        counts = np.zeros(all_codes.size, dtype=np.int64)
        counts[self.codes() - 1] = self.counts
        return CaptureHistories(self.lists, pats, counts, self.stratum, self.source)

    def nonzero(self) -> CaptureHistories:
        """The same table without its zero-count rows."""
        keep = self.counts > 0
        return CaptureHistories(
            self.lists, self.patterns[keep], self.counts[keep], self.stratum, self.source
        )

    def reorder(self, lists: Sequence[str]) -> CaptureHistories:
        """The same table with its columns in another order (``lists`` names every list once)."""
        if sorted(lists) != sorted(self.lists) or len(set(lists)) != len(lists):
            raise EstimationError(
                f"reorder needs every list once: {list(self.lists)}, got {list(lists)}"
            )
        idx = [self.lists.index(n) for n in lists]
        return CaptureHistories(
            tuple(lists), self.patterns[:, idx], self.counts, self.stratum, self.source
        )

    def with_stratum(self, stratum: str | None) -> CaptureHistories:
        return CaptureHistories(self.lists, self.patterns, self.counts, stratum, self.source)

    # ----------------------------------------------------------- constructors
    @classmethod
    def from_records(
        cls,
        memberships: Iterable[Iterable[str]],
        lists: Sequence[str] | None = None,
        *,
        stratum: str | None = None,
        source: str | None = None,
    ) -> CaptureHistories:
        """Build the table from people: each item names the lists one person is on.

        ``lists`` fixes the columns and their order (default: names in sorted order). A person on
        no list is an error: nobody can be counted as seen by no list.
        """
        people = [frozenset(str(x) for x in m) for m in memberships]
        names = tuple(lists) if lists is not None else tuple(sorted(set().union(*people)))
        index = {n: j for j, n in enumerate(names)}
        tally: Counter[tuple[int, ...]] = Counter()
        for number, person in enumerate(people, start=1):
            unknown = sorted(person - index.keys())
            if unknown:
                raise _fail(
                    f"unknown list (the lists are {list(names)})",
                    file=source,
                    line=number,
                    field_="lists",
                    value=unknown,
                )
            if not person:
                raise _fail("a person is on no list", file=source, line=number, field_="lists")
            row = [0] * len(names)
            for n in person:
                row[index[n]] = 1
            tally[tuple(row)] += 1
        rows = sorted(tally)
        pats = np.array(rows, dtype=np.uint8).reshape(len(rows), len(names))
        counts = np.array([tally[r] for r in rows], dtype=np.int64)
        return cls(names, pats, counts, stratum, source)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        count: str | None = COUNT_COLUMN,
        stratum: str | None = None,
        source: str | None = None,
    ) -> CaptureHistories:
        """Build the table from a pandas DataFrame of 0/1 list columns and a ``count`` column.

        Without a count column (``count=None`` or absent) each row is one person. Rows with the
        same pattern are added together.
        """
        columns = [str(c) for c in frame.columns]
        has_count = count is not None and count in columns
        list_cols = [c for c in columns if not (has_count and c == count)]
        data = [list(r) for r in frame.itertuples(index=False, name=None)]
        return cls._from_rows(
            list_cols,
            data,
            has_count=has_count,
            count_name=count or "",
            header=columns,
            stratum=stratum,
            source=source,
            first_line=1,
            merge=True,
        )

    @classmethod
    def from_mapping(
        cls, lists: Sequence[str], counts: Mapping[str, int], *, stratum: str | None = None
    ) -> CaptureHistories:
        """Build from ``{"101": 12, "011": 3, ...}``: pattern strings in list order."""
        pats = []
        vals = []
        for key, value in counts.items():
            if len(key) != len(lists) or set(key) - {"0", "1"}:
                raise _fail(
                    f"pattern must be {len(lists)} characters of 0 and 1",
                    field_="patterns",
                    value=key,
                )
            pats.append([int(ch) for ch in key])
            vals.append(value)
        return cls(
            tuple(lists),
            np.array(pats, dtype=np.uint8).reshape(len(pats), len(lists)),
            np.array(vals),
            stratum,
        )

    @classmethod
    def from_csv(cls, path: Path | str, *, stratum: str | None = None) -> CaptureHistories:
        """Read a capture table: a header of list names and ``count``, one row per pattern."""
        path = Path(path)
        name = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as e:
            raise EstimationError(f"{name}: no such file") from e
        except (OSError, UnicodeDecodeError) as e:
            raise EstimationError(f"{name}: cannot read the capture table: {e}") from e
        reader = csv.reader(text.splitlines())
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise _fail("the file is empty", file=name) from None
        lowered = [h.lower() for h in header]
        if COUNT_COLUMN not in lowered:
            raise _fail(
                f"no {COUNT_COLUMN!r} column: the header needs one column per list "
                f"and a {COUNT_COLUMN!r} column",
                file=name,
                line=1,
                value=header,
            )
        count_at = lowered.index(COUNT_COLUMN)
        header[count_at] = COUNT_COLUMN
        list_cols = [h for i, h in enumerate(header) if i != count_at]
        rows = [r for r in reader]
        return cls._from_rows(
            list_cols,
            rows,
            has_count=True,
            count_name=COUNT_COLUMN,
            header=header,
            stratum=stratum,
            source=name,
            first_line=2,
            merge=False,
        )

    @classmethod
    def _from_rows(
        cls,
        list_cols: list[str],
        rows: Sequence[Sequence[Any]],
        *,
        has_count: bool,
        count_name: str,
        header: list[str],
        stratum: str | None,
        source: str | None,
        first_line: int,
        merge: bool,
    ) -> CaptureHistories:
        for col in list_cols:
            if not col:
                raise _fail("a column has no name", file=source, line=1, value=header)
        if len(list_cols) < 2:
            raise _fail(
                f"a capture table needs at least two lists, got {len(list_cols)}",
                file=source,
                line=1,
                field_="lists",
                value=list_cols,
            )
        n_cols = len(header)
        seen: dict[tuple[int, ...], int] = {}
        tally: dict[tuple[int, ...], int] = {}
        for offset, row in enumerate(rows):
            line = first_line + offset
            cells = list(row)
            if all(str(c).strip() == "" for c in cells):
                continue
            if len(cells) != n_cols:
                raise _fail(
                    f"expected {n_cols} fields ({', '.join(header)}), got {len(cells)}",
                    file=source,
                    line=line,
                    value=cells,
                )
            pattern = []
            count = 1
            for col, cell in zip(header, cells, strict=True):
                if has_count and col == count_name:
                    count = _parse_count(cell, source, line, col)
                else:
                    pattern.append(_parse_bit(cell, source, line, col))
            key = tuple(pattern)
            if not any(key):
                raise _fail(
                    "the all-zero pattern (seen by no list) cannot be in the table: it "
                    "is what is estimated",
                    file=source,
                    line=line,
                    field_="patterns",
                    value=",".join(str(c) for c in cells),
                )
            if key in seen and not merge:
                raise _fail(
                    f"this pattern already appears on line {seen[key]}",
                    file=source,
                    line=line,
                    field_="patterns",
                    value="".join(map(str, key)),
                )
            seen.setdefault(key, line)
            tally[key] = tally.get(key, 0) + count
        keys = sorted(tally)
        pats = np.array(keys, dtype=np.uint8).reshape(len(keys), len(list_cols))
        counts = np.array([tally[k] for k in keys], dtype=np.int64)
        if not keys:
            raise _fail("the table has no rows", file=source)
        return cls(tuple(list_cols), pats, counts, stratum, source)

    # ------------------------------------------------------------------ output
    def to_csv(self, path: Path | str) -> None:
        """Write the table in the format :meth:`from_csv` reads (rows as they are held)."""
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow([*self.lists, COUNT_COLUMN])
            for pat, count in zip(self.patterns, self.counts, strict=True):
                writer.writerow([*(int(v) for v in pat), int(count)])

    def to_dict(self) -> dict[str, Any]:
        """Plain data: lists, stratum, observed, and {pattern string: count}."""
        return {
            "lists": list(self.lists),
            "stratum": self.stratum,
            "observed": self.observed,
            "counts": {
                "".join(str(int(v)) for v in p): int(c)
                for p, c in zip(self.patterns, self.counts, strict=True)
            },
            "sha256": self.sha256,
        }


def _parse_bit(cell: object, source: str | None, line: int, col: str) -> int:
    text = str(cell).strip()
    if text in ("0", "1"):
        return int(text)
    if isinstance(cell, bool | int | float | np.integer | np.floating) and cell in (0, 1):
        return int(cell)
    raise _fail("a list column must hold 0 or 1", file=source, line=line, field_=col, value=cell)


def _parse_count(cell: object, source: str | None, line: int, col: str) -> int:
    if isinstance(cell, int | np.integer) and not isinstance(cell, bool):
        value = int(cell)
    else:
        text = str(cell).strip()
        try:
            number = float(text)
        except ValueError:
            raise _fail(
                "the count must be a whole number", file=source, line=line, field_=col, value=cell
            ) from None
        if not math.isfinite(number) or number != int(number):
            raise _fail(
                "the count must be a whole number", file=source, line=line, field_=col, value=cell
            )
        value = int(number)
    if value < 0:
        raise _fail("the count cannot be negative", file=source, line=line, field_=col, value=cell)
    return value

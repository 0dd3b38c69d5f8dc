"""Checking a table against the standard list format and turning its rows into records.

The whole table is checked before anything is stored: every problem is collected (up to a cap)
with its line, field and value, and the caller refuses the file when there is any. A record keeps
every original cell in ``raw`` (as received, before renaming) and fills the standard fields
(``docs/list-format.md``), trimmed, empty cells as missing.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from operator import add
from typing import TypeVar

from dadkhah.errors import Problem
from dadkhah.ingest.mapping import Mapping
from dadkhah.ingest.tables import Table
from dadkhah.model.sources import EMPTY_BATCH, RECORD_FIELDS, NewListRecord, RecordBatch

__all__ = ["PreparedList", "prepare_list"]

T = TypeVar("T")

MAX_PROBLEMS = 200


@dataclass
class PreparedList:
    """A checked table: its columns as received and as renamed, and its records."""

    file: str
    columns: list[str]
    renamed: list[str]
    batch: RecordBatch = EMPTY_BATCH
    ids_generated: bool = False

    @property
    def records(self) -> list[NewListRecord]:
        """The records a row at a time."""
        return self.batch.rows()

    def __len__(self) -> int:
        return len(self.batch)


def _column_problems(renamed: list[str], mapping: Mapping, table: Table) -> list[Problem]:
    file = table.file
    problems: list[Problem] = []
    for source in mapping.columns:
        if source not in table.columns:
            problems.append(
                Problem(
                    "the mapping renames a column the file does not have",
                    file=file,
                    field=f"columns.{source}",
                    value=source,
                )
            )
    seen: dict[str, str] = {}
    for original, name in zip(table.columns, renamed, strict=True):
        if name in seen and name:
            problems.append(
                Problem(
                    f"two columns would be called {name!r} ({seen[name]!r} and {original!r})",
                    file=file,
                    line=1,
                    field="header",
                    value=name,
                )
            )
        seen[name] = original
    for name in mapping.values:
        if name in seen:
            problems.append(
                Problem(
                    "the mapping sets a fixed value for a column the file already has",
                    file=file,
                    field=f"values.{name}",
                    value=name,
                )
            )
    present = set(renamed) | set(mapping.values)
    if "full_name" not in present and not {"given_name", "surname"} <= present:
        problems.append(
            Problem(
                "no name column: the list needs full_name, or given_name and surname "
                "(rename columns with --mapping)",
                file=file,
                line=1,
                field="header",
                value=", ".join(table.columns),
            )
        )
    return problems


#: Standard fields left out of the search index: identifiers, codes and dates.
UNINDEXED: frozenset[str] = frozenset(
    {"record_id", "sex", "birth_date", "death_date", "source_ref"}
)


def _clean(column: Sequence[str | None], *, no_none: bool = False) -> list[str | None]:
    """Trimmed cells; empty ones as None. ``no_none``: the column holds text only."""
    if not no_none and None in column:
        return [(v.strip() or None) if v else None for v in column]
    stripped: list[str | None] = list(map(str.strip, column))  # type: ignore[arg-type]
    if "" in stripped:
        return [v or None for v in stripped]
    return stripped


def _raw_json(table: Table) -> list[str]:
    """Each row as received, as a JSON object (original column names, untrimmed values)."""
    if table.format == "csv":
        # every cell is text: build the objects directly, twice as fast as json.dumps
        if table.by_column is not None and table.json_safe:
            # no cell needs escaping: one format string fills a whole row at C speed
            template = "{%s}" % ",".join(  # noqa: UP031
                encode_basestring(c).replace("%", "%%") + ':"%s"' for c in table.columns
            )
            return list(map(template.__mod__, zip(*table.by_column, strict=True)))
        keys = [encode_basestring(c) + ":" for c in table.columns]
        join = ",".join
        return [
            "{" + join(map(add, keys, map(encode_basestring, row))) + "}"  # type: ignore[arg-type]
            for row in _row_cells(table)
        ]
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    columns = table.columns
    return [
        encode(original if original is not None else dict(zip(columns, row, strict=True)))
        for _, row, original in table.rows
    ]


def _row_cells(table: Table) -> Iterable[Sequence[str | None]]:
    if table.by_column is not None:
        return zip(*table.by_column, strict=True)
    return (row for _, row, _ in table.rows)


def prepare_list(
    table: Table,
    mapping: Mapping | None = None,
    *,
    existing_ids: Collection[str] = (),
    id_prefix: str = "",
) -> tuple[PreparedList, list[Problem]]:
    """Check ``table`` and build its records; return them and every problem found.

    The work is done a column at a time (lists run to hundreds of thousands of rows).
    """
    mapping = mapping or Mapping()
    file = table.file
    renamed = [mapping.columns.get(c, c) for c in table.columns]
    prepared = PreparedList(file, list(table.columns), renamed)
    problems = _column_problems(renamed, mapping, table)
    if "record_id" in mapping.values:
        problems.append(
            Problem("record_id cannot be a fixed value", file=file, field="values.record_id")
        )
    if problems:
        return prepared, problems
    by_column: Sequence[Sequence[str | None]]
    if table.by_column is not None and table.lines is not None:
        lines, by_column = table.lines, table.by_column
    else:
        rows = table.rows
        lines = [r[0] for r in rows]
        by_column = list(zip(*[r[1] for r in rows], strict=True)) if renamed else []
    n = len(lines)
    if n == 0:
        return prepared, problems
    index = {name: i for i, name in enumerate(renamed)}
    text_only = table.by_column is not None  # the fast CSV reader's cells are all text
    # record ids: from the file, or generated in file order
    id_col = index.get("record_id")
    prepared.ids_generated = id_col is None
    if id_col is None:
        ids = [f"{id_prefix}{k}" for k in range(1, n + 1)]
        keep = [True] * n
    else:
        ids, keep = _check_ids(
            _clean(by_column[id_col], no_none=text_only), lines, file, existing_ids, problems
        )
    # standard fields, a column at a time
    field_columns: list[list[str | None]] = []
    for name in RECORD_FIELDS:
        if name in index:
            field_columns.append(_clean(by_column[index[name]], no_none=text_only))
        else:
            fixed = mapping.values.get(name)
            field_columns.append([(fixed.strip() or None) if fixed else None] * n)
    if "full_name" not in index and "full_name" not in mapping.values:
        given = field_columns[RECORD_FIELDS.index("given_name")]
        surname = field_columns[RECORD_FIELDS.index("surname")]
        full: list[str | None]
        if None in given or None in surname:
            full = [
                " ".join(p for p in (g, s) if p) or None
                for g, s in zip(given, surname, strict=True)
            ]
        else:
            full = list(map(" ".join, zip(given, surname, strict=True)))  # type: ignore[arg-type]
        field_columns[RECORD_FIELDS.index("full_name")] = full
    # the row as received, and the values the search index gets
    raws = _raw_json(table)
    search: list[list[str | None]] = [
        _as_list(by_column[i]) for i, name in enumerate(renamed) if name not in UNINDEXED
    ]
    search += [[v] * n for k, v in mapping.values.items() if v and k not in UNINDEXED]
    if not all(keep):
        lines, ids, raws = _kept(lines, keep), _kept(ids, keep), _kept(raws, keep)
        field_columns = [_kept(c, keep) for c in field_columns]
        search = [_kept(c, keep) for c in search]
    prepared.batch = RecordBatch(lines, ids, raws, field_columns, search)
    return prepared, problems


def _as_list(column: Sequence[T]) -> list[T]:
    """The column as a list (the fast CSV reader's columns are lists already: no copy)."""
    return column if isinstance(column, list) else list(column)


def _kept(column: Sequence[T], keep: list[bool]) -> list[T]:
    return [v for v, k in zip(column, keep, strict=True) if k]


def _check_ids(
    ids: list[str | None],
    lines: list[int],
    file: str,
    existing: Collection[str],
    problems: list[Problem],
) -> tuple[list[str], list[bool]]:
    """Report empty, repeated and already-stored record ids; return the ids and rows to keep."""
    clean = [v or "" for v in ids]
    keep = [True] * len(ids)
    if "" not in clean and len(set(clean)) == len(clean) and not existing:
        return clean, keep  # the common case, checked at C speed
    first_line: dict[str, int] = {}
    existing_set = set(existing)
    for k, record_id in enumerate(clean):
        line = lines[k]
        problem: Problem | None = None
        if not record_id:
            problem = Problem("is empty", file=file, line=line, field="record_id")
        elif record_id in first_line:
            problem = Problem(
                f"duplicate, first used on line {first_line[record_id]}",
                file=file,
                line=line,
                field="record_id",
                value=record_id,
            )
        elif record_id in existing_set:
            problem = Problem(
                "already in the list this file is appended to",
                file=file,
                line=line,
                field="record_id",
                value=record_id,
            )
        else:
            first_line[record_id] = line
        if problem is not None:
            keep[k] = False
            if len(problems) < MAX_PROBLEMS:
                problems.append(problem)
    return clean, keep

"""Checking a table against the standard list format and turning its rows into records.

The whole table is checked before anything is stored: every problem is collected (up to a cap)
with its line, field and value, and the caller refuses the file when there is any. A record keeps
every original cell in ``raw`` (as received, before renaming) and fills the standard fields
(``docs/list-format.md``), trimmed, empty cells as missing.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field

from dadkhah.errors import Problem
from dadkhah.ingest.mapping import Mapping
from dadkhah.ingest.tables import Table
from dadkhah.model.sources import RECORD_FIELDS, NewListRecord

__all__ = ["PreparedList", "prepare_list"]

MAX_PROBLEMS = 200


@dataclass
class PreparedList:
    """A checked table: its columns as received and as renamed, and its records."""

    file: str
    columns: list[str]
    renamed: list[str]
    records: list[NewListRecord] = field(default_factory=list)
    ids_generated: bool = False


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


def prepare_list(
    table: Table,
    mapping: Mapping | None = None,
    *,
    existing_ids: Collection[str] = (),
    id_prefix: str = "",
) -> tuple[PreparedList, list[Problem]]:
    """Check ``table`` and build its records; return them and every problem found."""
    mapping = mapping or Mapping()
    file = table.file
    renamed = [mapping.columns.get(c, c) for c in table.columns]
    prepared = PreparedList(file, list(table.columns), renamed)
    problems = _column_problems(renamed, mapping, table)
    if problems:
        return prepared, problems
    index = {name: i for i, name in enumerate(renamed)}
    id_col = index.get("record_id")
    prepared.ids_generated = id_col is None and "record_id" not in mapping.values
    fixed_id = mapping.values.get("record_id")
    getters: list[tuple[int | None, str | None]] = []
    for name in RECORD_FIELDS:
        fixed = mapping.values.get(name)
        getters.append((index.get(name), fixed.strip() or None if fixed is not None else None))
    full_i = RECORD_FIELDS.index("full_name")
    given_i = RECORD_FIELDS.index("given_name")
    surname_i = RECORD_FIELDS.index("surname")
    derive_full = "full_name" not in index and "full_name" not in mapping.values
    fixed_text = " ".join(v for v in mapping.values.values() if v)
    first_line: dict[str, int] = {}
    existing = set(existing_ids)
    records = prepared.records
    columns = table.columns
    dumps = json.dumps
    for n, (line, cells, original) in enumerate(table.rows, start=1):
        if id_col is not None:
            record_id = (cells[id_col] or "").strip()
            if not record_id:
                if len(problems) < MAX_PROBLEMS:
                    problems.append(Problem("is empty", file=file, line=line, field="record_id"))
                continue
        elif fixed_id is not None:
            record_id = fixed_id.strip()
        else:
            record_id = f"{id_prefix}{n}"
        earlier = first_line.get(record_id)
        if earlier is not None:
            if len(problems) < MAX_PROBLEMS:
                problems.append(
                    Problem(
                        f"duplicate, first used on line {earlier}",
                        file=file,
                        line=line,
                        field="record_id",
                        value=record_id,
                    )
                )
            continue
        first_line[record_id] = line
        if record_id in existing:
            if len(problems) < MAX_PROBLEMS:
                problems.append(
                    Problem(
                        "already in the list this file is appended to",
                        file=file,
                        line=line,
                        field="record_id",
                        value=record_id,
                    )
                )
            continue
        values: list[str | None] = [
            ((cells[i] or "").strip() or None) if i is not None else fixed for i, fixed in getters
        ]
        if derive_full and values[full_i] is None:
            parts = [p for p in (values[given_i], values[surname_i]) if p]
            values[full_i] = " ".join(parts) or None
        raw = original if original is not None else dict(zip(columns, cells, strict=True))
        text = " ".join(c for c in cells if c)
        if fixed_text:
            text = f"{text} {fixed_text}"
        records.append(
            NewListRecord(line, record_id, dumps(raw, ensure_ascii=False), tuple(values), text)
        )
    return prepared, problems

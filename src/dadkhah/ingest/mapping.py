"""Mapping files: how a list's own columns become the standard list format.

A mapping is a small TOML file::

    [columns]              # the file's column -> the standard (or any other) name
    "نام" = "given_name"
    "نام خانوادگی" = "surname"
    Prison = "prison"

    [values]               # a fixed value for every record of the file
    source_ref = "Amnesty International, 1990"
    prison = "Evin"

    encoding = "windows-1256"   # optional: the file's encoding when --encoding is not given

Renaming happens before validation; the original column names stay in each record's ``raw``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dadkhah.errors import InputError, Problem

__all__ = ["Mapping", "load_mapping"]

_KEYS = {"columns", "values", "encoding"}


@dataclass(frozen=True, slots=True)
class Mapping:
    """Column renames and fixed values applied to a list file before validation."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"columns": self.columns, "values": self.values, "encoding": self.encoding}


def _table(data: dict[str, object], key: str, file: str, problems: list[Problem]) -> dict[str, str]:
    raw = data.get(key, {})
    if not isinstance(raw, dict):
        problems.append(Problem("expected a table of names", file=file, field=key, value=raw))
        return {}
    out: dict[str, str] = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.append(
                Problem("expected a text value", file=file, field=f"{key}.{name}", value=value)
            )
            continue
        text = str(value)
        if key == "columns" and not text.strip():
            problems.append(
                Problem("the new column name is empty", file=file, field=f"columns.{name}")
            )
            continue
        out[str(name)] = text.strip() if key == "columns" else text
    return out


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; raise InputError naming every problem."""
    file = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as e:
        raise InputError(f"{file}: mapping file not found") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError("invalid mapping file", [Problem(str(e), file=file)]) from e
    problems: list[Problem] = []
    for key in data:
        if key not in _KEYS:
            problems.append(
                Problem(
                    f"unknown key; expected one of {', '.join(sorted(_KEYS))}", file=file, field=key
                )
            )
    columns = _table(data, "columns", file, problems)
    values = _table(data, "values", file, problems)
    targets: dict[str, str] = {}
    for source, target in columns.items():
        if target in targets:
            problems.append(
                Problem(
                    f"two columns are renamed to the same name ({targets[target]!r} and {source!r})",
                    file=file,
                    field=f"columns.{source}",
                    value=target,
                )
            )
        targets[target] = source
    encoding = data.get("encoding")
    if encoding is not None and not isinstance(encoding, str):
        problems.append(
            Problem("expected a text value", file=file, field="encoding", value=encoding)
        )
        encoding = None
    if problems:
        raise InputError(f"{file}: invalid mapping file", problems)
    return Mapping(columns=columns, values=values, encoding=encoding)

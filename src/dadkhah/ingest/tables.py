"""Reading a list file (CSV, XLSX, JSON array, JSON Lines) into a table of text cells.

Every reader returns a :class:`Table` (column names and rows, each row with the line it starts
on) plus every problem it found. Readers never raise on bad content: whatever the bytes, the
result is a table or a list of problems, each naming the file, the line and what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from dadkhah.errors import Problem
from dadkhah.ingest.decode import decode_text

__all__ = ["FORMATS", "Table", "detect_format", "read_table"]

FORMATS = ("csv", "xlsx", "json", "jsonl")
_DELIMITERS = ",;\t|\u060c"
_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MAX_PROBLEMS = 200
csv.field_size_limit(1 << 24)


Row = tuple[int, list[str | None], dict[str, Any] | None]


@dataclass
class Table:
    """Rows of text cells. ``rows`` holds (line, cells aligned to ``columns``, original object).

    The fast CSV reader fills ``by_column`` (the cells a column at a time) and ``lines`` instead,
    and ``rows`` is then built from them on first use. ``json_safe`` says that no cell holds a
    character JSON must escape (a quote, a backslash or a control character).
    """

    file: str
    format: str
    columns: list[str]
    encoding: str | None = None
    delimiter: str | None = None
    by_column: list[list[str]] | None = None
    lines: list[int] | None = None
    json_safe: bool = False
    _rows: list[Row] = field(default_factory=list, repr=False)

    @property
    def rows(self) -> list[Row]:
        if not self._rows and self.by_column is not None and self.lines:
            self._rows = [
                (line, list(cells), None)
                for line, cells in zip(self.lines, zip(*self.by_column, strict=True), strict=True)
            ]
        return self._rows

    def __len__(self) -> int:
        return len(self.lines) if self.by_column is not None and self.lines else len(self.rows)


def detect_format(name: str, data: bytes) -> str:
    """The format of a list file, from its name and, failing that, its first bytes."""
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot >= 0 else ""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    return "csv"


def read_table(
    data: bytes, file: str, *, fmt: str | None = None, encoding: str | None = None
) -> tuple[Table | None, list[Problem]]:
    """Read ``data`` (the bytes of ``file``) as a table; return it or the problems found."""
    fmt = fmt or detect_format(file, data)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        return None, [Problem("the file is empty", file=file)]
    if fmt == "xlsx":
        return _read_xlsx(data, file)
    decoded = decode_text(data, file, encoding)
    if decoded.text is None:
        return None, decoded.problems
    text = decoded.text
    if fmt == "csv":
        table, problems = _read_csv(text, file)
    elif fmt == "json":
        table, problems = _read_json(text, file)
    else:
        table, problems = _read_jsonl(text, file)
    if table is not None:
        table.encoding = decoded.encoding
        if table.by_column is not None:
            table.json_safe = _json_safe(data, decoded.encoding, text)
    return table, problems


def _header_problems(columns: list[str], file: str, line: int) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, name in enumerate(columns, start=1):
        if not name.strip():
            problems.append(
                Problem(f"column {i} has no name", file=file, line=line, field="header")
            )
        elif name in seen:
            problems.append(
                Problem(
                    "column name appears twice", file=file, line=line, field="header", value=name
                )
            )
        seen.add(name)
    return problems


def _choose_delimiter(header_line: str, sample: str) -> str:
    present = [d for d in _DELIMITERS if d in header_line]
    if len(present) == 1:
        return present[0]
    if not present:
        return ","
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(present)).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in present:
        return sniffed
    return max(present, key=header_line.count)


_JSON_ESCAPED = re.compile(r'[\x00-\x09\x0b-\x1f"\\]')
#: bytes that stand for themselves in JSON text, in the ASCII-compatible encodings below
_JSON_PLAIN_BYTES = bytes(b for b in range(0x20, 0x100) if b not in b'"\\')
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "cp1256", "ascii"})


def _json_safe(data: bytes, codec: str, text: str) -> bool:
    """Whether no character of the file needs escaping in a JSON string (line ends aside)."""
    if codec in _ASCII_COMPATIBLE:
        # such characters are single bytes below 0x80 there: a byte-level scan is cheaper
        return not data.translate(None, _JSON_PLAIN_BYTES).translate(None, b"\r\n")
    return _JSON_ESCAPED.search(text) is None


def _read_csv_fast(text: str, file: str, delimiter: str) -> Table | None:
    """The table of a plain CSV file (no quoted cells, every row as wide as the header, no blank
    rows), read a column at a time with string splits; None for any other file, which the
    general reader then reads (and reports on) row by row."""
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    if len(lines) < 2 or not lines[0].strip():
        return None
    columns = [c.strip() for c in lines[0].split(delimiter)]
    if not all(columns) or len(set(columns)) != len(columns):
        return None
    width = len(columns)
    body = lines[1:]
    del lines
    if list(map(str.count, body, repeat(delimiter))).count(width - 1) != len(body):
        return None
    flat = delimiter.join(body).split(delimiter)
    by_column = [flat[i::width] for i in range(width)]
    del flat
    # names, places and dates repeat down a list: one object per distinct value in a column
    # whose values repeat saves memory and work downstream (hashing, encoding for the database)
    shared: dict[str, str] = {}
    for i, column in enumerate(by_column):
        if len(set(column[:1000])) < 500:
            by_column[i] = list(map(shared.setdefault, column, column))
    # a row of empty cells would be skipped by the general reader: any column without an
    # empty cell proves there is none
    if not any("" not in map(str.strip, column) for column in by_column):
        return None
    return Table(
        file,
        "csv",
        columns,
        delimiter=delimiter,
        by_column=by_column,
        lines=list(range(2, len(body) + 2)),
    )


def _read_csv(text: str, file: str) -> tuple[Table | None, list[Problem]]:
    head = text[:65536].splitlines()[:200]
    first = next((ln for ln in head if ln.strip()), "")
    delimiter = _choose_delimiter(first, "\n".join(head))
    fast = _read_csv_fast(text, file, delimiter)
    if fast is not None:
        return fast, []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    problems: list[Problem] = []
    table: Table | None = None
    width = 0
    start = 1
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not any(cells) or not "".join(cells).strip():
                continue  # blank line, or a row of empty cells
            if table is None:
                columns = [c.strip() for c in cells]
                while columns and not columns[-1]:
                    columns.pop()  # trailing empty header cells (spreadsheet exports)
                problems.extend(_header_problems(columns, file, line))
                width = len(columns)
                table = Table(file, "csv", columns, delimiter=delimiter)
                continue
            if len(cells) != width:
                extra = cells[width:]
                if len(cells) > width and not any(c.strip() for c in extra):
                    cells = cells[:width]
                else:
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(
                            Problem(
                                f"row has {len(cells)} fields where the header has {width}",
                                file=file,
                                line=line,
                            )
                        )
                    continue
            table.rows.append((line, list(cells), None))
    except csv.Error as e:
        problems.append(Problem(f"unreadable CSV: {e}", file=file, line=start))
    if table is None:
        problems.append(Problem("the file has no header row", file=file))
    elif not table.rows and not problems:
        problems.append(Problem("the file has a header but no records", file=file, line=1))
    return table, problems


def _cell_text(value: Any) -> str | None:
    """A spreadsheet or JSON value as the text it stands for."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read_xlsx(data: bytes, file: str) -> tuple[Table | None, list[Problem]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as e:
        return None, [Problem(f"not a readable XLSX workbook: {e}", file=file)]
    except Exception as e:  # openpyxl raises many kinds of errors on damaged files
        return None, [Problem(f"not a readable XLSX workbook: {type(e).__name__}: {e}", file=file)]
    problems: list[Problem] = []
    table: Table | None = None
    try:
        sheet = book.worksheets[0]
        width = 0
        for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if not any(c is not None and c.strip() for c in cells):
                continue
            if table is None:
                columns = [(c or "").strip() for c in cells]
                while columns and not columns[-1]:
                    columns.pop()
                problems.extend(_header_problems(columns, file, n))
                width = len(columns)
                table = Table(file, "xlsx", columns)
                continue
            if len(cells) > width and any(c is not None and c.strip() for c in cells[width:]):
                problems.append(
                    Problem(f"row has values beyond the {width} named columns", file=file, line=n)
                )
                continue
            cells = (cells + [None] * width)[:width]
            table.rows.append((n, cells, None))
    except Exception as e:  # damaged sheet XML
        return None, [Problem(f"not a readable XLSX workbook: {type(e).__name__}: {e}", file=file)]
    finally:
        book.close()
    if table is None:
        problems.append(Problem("the workbook's first sheet is empty", file=file))
    elif not table.rows and not problems:
        problems.append(Problem("the sheet has a header but no records", file=file, line=1))
    return table, problems


def _objects_to_table(
    objects: list[tuple[int, Any]], file: str, fmt: str
) -> tuple[Table | None, list[Problem]]:
    problems: list[Problem] = []
    columns: dict[str, None] = {}
    kept: list[tuple[int, dict[str, Any]]] = []
    for line, obj in objects:
        if not isinstance(obj, dict):
            if len(problems) < MAX_PROBLEMS:
                problems.append(
                    Problem(
                        f"expected an object, found {type(obj).__name__}",
                        file=file,
                        line=line,
                        value=_cell_text(obj),
                    )
                )
            continue
        for key in obj:
            columns.setdefault(key, None)
        kept.append((line, obj))
    names = list(columns)
    problems.extend(_header_problems(names, file, 1) if "" in columns else [])
    table = Table(file, fmt, names)
    for line, obj in kept:
        table.rows.append((line, [_cell_text(obj.get(k)) for k in names], obj))
    if not kept and not problems:
        problems.append(Problem("the file holds no records", file=file))
    return table, problems


def _read_json(text: str, file: str) -> tuple[Table | None, list[Problem]]:
    decoder = json.JSONDecoder()
    n = len(text)

    def skip(i: int) -> int:
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    i = skip(0)
    if i >= n or text[i] != "[":
        return None, [Problem("expected a JSON array of objects", file=file, line=1)]
    i += 1
    line, counted = 1, 0
    objects: list[tuple[int, Any]] = []
    try:
        while True:
            i = skip(i)
            if i < n and text[i] == "]" and not objects:
                break
            line += text.count("\n", counted, i)
            counted = i
            obj, i = decoder.raw_decode(text, i)
            objects.append((line, obj))
            i = skip(i)
            if i < n and text[i] == ",":
                i += 1
                continue
            if i < n and text[i] == "]":
                break
            raise json.JSONDecodeError("expected ',' or ']'", text, i)
    except json.JSONDecodeError as e:
        return None, [Problem(f"invalid JSON: {e.msg}", file=file, line=e.lineno)]
    except RecursionError:
        return None, [Problem("invalid JSON: nested too deeply", file=file, line=line)]
    if skip(i + 1) < n:
        tail_line = text.count("\n", 0, skip(i + 1)) + 1
        return None, [Problem("invalid JSON: text after the array", file=file, line=tail_line)]
    return _objects_to_table(objects, file, "json")


def _read_jsonl(text: str, file: str) -> tuple[Table | None, list[Problem]]:
    objects: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            objects.append((n, json.loads(raw)))
        except json.JSONDecodeError as e:
            if len(problems) < MAX_PROBLEMS:
                problems.append(Problem(f"invalid JSON: {e.msg}", file=file, line=n))
        except RecursionError:
            problems.append(Problem("invalid JSON: nested too deeply", file=file, line=n))
    if problems:
        return None, problems
    return _objects_to_table(objects, file, "jsonl")

"""Reading list files: formats, encodings, delimiters and every kind of bad input."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.ingest.lists import prepare_list
from dadkhah.ingest.mapping import Mapping
from dadkhah.ingest.tables import read_table

PERSIAN = "record_id,full_name,father_name\n1,علی رضایی,حسن\n2,مریم کریمی,احمد\n"


def _read(
    data: bytes, name: str = "list.csv", **kw: str
) -> tuple[list[str], list[list[str | None]], list[str]]:
    table, problems = read_table(data, name, **kw)  # type: ignore[arg-type]
    rows = [cells for _, cells, _ in table.rows] if table else []
    return (table.columns if table else []), rows, [str(p) for p in problems]


@pytest.mark.parametrize(
    "encoded",
    [
        PERSIAN.encode("utf-8"),
        PERSIAN.encode("utf-8-sig"),
        PERSIAN.encode("utf-16"),
        PERSIAN.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom"],
)
def test_unicode_encodings_are_recognised(encoded: bytes) -> None:
    columns, rows, problems = _read(encoded)
    assert problems == []
    assert columns == ["record_id", "full_name", "father_name"]
    assert rows[1] == ["2", "مریم کریمی", "احمد"]


def test_windows_1256_needs_to_be_named_and_is_suggested() -> None:
    # Windows-1256 has only the Arabic forms of yeh and kaf
    data = PERSIAN.replace("ی", "ي").replace("ک", "ك").encode("cp1256")
    _, _, problems = _read(data)
    assert problems and "list.csv:2: encoding: bytes that are not valid UTF-8" in problems[0]
    assert any("--encoding windows-1256" in p for p in problems)
    _columns, rows, problems = _read(data, encoding="windows-1256")
    assert problems == [] and rows[0][1] == "علي رضايي"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(delimiter: str) -> None:
    text = f"full_name{delimiter}city\nAli Rezaei{delimiter}Tehran, Iran\n".replace(
        "Tehran, Iran", '"Tehran, Iran"' if delimiter == "," else "Tehran, Iran"
    )
    columns, rows, problems = _read(text.encode())
    assert problems == []
    assert columns == ["full_name", "city"]
    assert rows == [["Ali Rezaei", "Tehran, Iran"]]


def test_ragged_rows_and_empty_file_are_reported_with_lines() -> None:
    _, _, problems = _read(b"full_name,city\nA,B\nC\nD,E,F\n")
    assert problems == [
        "list.csv:3: row has 1 fields where the header has 2",
        "list.csv:4: row has 3 fields where the header has 2",
    ]
    assert _read(b"")[2] == ["list.csv: the file is empty"]
    assert _read(b"  \n\n")[2] == ["list.csv: the file is empty"]


def test_multi_line_cells_keep_the_starting_line() -> None:
    table, problems = read_table(b'full_name,notes\nA,"two\nlines"\nB,x\n', "l.csv")
    assert problems == [] and table is not None
    assert [line for line, _, _ in table.rows] == [2, 4]


def test_json_array_and_json_lines_give_lines() -> None:
    data = json.dumps([{"full_name": "A", "age": 30}, {"full_name": "B", "city": "Qom"}], indent=1)
    table, problems = read_table(data.encode(), "l.json")
    assert problems == [] and table is not None
    assert table.columns == ["full_name", "age", "city"]
    assert [line for line, _, _ in table.rows] == [2, 6]
    assert table.rows[0][1] == ["A", "30", None]
    jl = b'{"full_name": "A"}\n\n{"full_name": "B"}\nnot json\n'
    table, problems = read_table(jl, "l.jsonl")
    assert [str(p) for p in problems] == ["l.jsonl:4: invalid JSON: Expecting value"]


def test_xlsx_is_read(tmp_path: object) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["record_id", "full_name", "birth_year"])
    sheet.append([1, "علی رضایی", 1960])
    sheet.append([2, "Sara Karimi", None])
    buf = io.BytesIO()
    book.save(buf)
    table, problems = read_table(buf.getvalue(), "l.xlsx")
    assert problems == [] and table is not None
    assert table.rows[0] == (2, ["1", "علی رضایی", "1960"], None)
    assert table.rows[1][1] == ["2", "Sara Karimi", None]


def _prepare(text: str, mapping: Mapping | None = None) -> tuple[list[str], list[str]]:
    table, problems = read_table(text.encode(), "l.csv")
    assert table is not None and problems == []
    prepared, problems = prepare_list(table, mapping)
    return [r.record_id for r in prepared.records], [str(p) for p in problems]


def test_duplicate_record_id_names_both_lines() -> None:
    _ids, problems = _prepare("record_id,full_name\n7,A\n8,B\n7,C\n")
    assert problems == ["l.csv:4: record_id: duplicate, first used on line 2 ('7')"]


def test_missing_name_column_is_refused_and_mapping_fixes_it() -> None:
    _, problems = _prepare("id,nom\n1,A\n")
    assert (
        len(problems) == 1
        and "no name column" in problems[0]
        and problems[0].startswith("l.csv:1: header:")
    )
    ids, problems = _prepare(
        "id,nom\n1,A\n",
        Mapping(columns={"id": "record_id", "nom": "full_name"}, values={"prison": "Evin"}),
    )
    assert problems == [] and ids == ["1"]


def test_record_ids_are_generated_and_full_name_derived() -> None:
    table, _ = read_table(b"given_name,surname\nAli,Rezaei\nSara,\n", "l.csv")
    assert table is not None
    prepared, problems = prepare_list(table)
    assert problems == [] and prepared.ids_generated
    assert [r.record_id for r in prepared.records] == ["1", "2"]
    assert [r.fields[0] for r in prepared.records] == ["Ali Rezaei", "Sara"]
    assert json.loads(prepared.records[1].raw_json) == {"given_name": "Sara", "surname": ""}


@settings(max_examples=200, deadline=None)
@given(
    data=st.binary(max_size=400),
    name=st.sampled_from(["f.csv", "f.json", "f.jsonl", "f.xlsx", "f"]),
)
def test_readers_never_crash_on_arbitrary_bytes(data: bytes, name: str) -> None:
    table, problems = read_table(data, name)
    assert table is not None or problems
    if table is not None:
        prepare_list(table)


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
            min_size=2,
            max_size=2,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_csv_cells_round_trip(rows: list[list[str]]) -> None:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["full_name", "notes"])
    writer.writerows(rows)
    table, problems = read_table(buf.getvalue().encode(), "r.csv")
    kept = [r for r in rows if any(c.strip() for c in r)]
    if problems:
        return  # e.g. a cell that makes the header ambiguous; never a crash
    assert table is not None
    assert [cells for _, cells, _ in table.rows] == kept

"""The column-wise CSV reader gives exactly what the general reader gives, or steps aside."""

from __future__ import annotations

import pytest

from dadkhah.ingest import tables
from dadkhah.ingest.lists import prepare_list
from dadkhah.ingest.tables import read_table

PERSIAN = "record_id,given_name,surname,city\n1,علی,رضایی,تهران\n2, حسن‌علی ,,قم\n3,Sara,Karimi,\n"

FILES: dict[str, bytes] = {
    "plain": b"record_id,full_name\n1,A\n2,B\n",
    "crlf and padded cells": b"record_id,full_name\r\n1, A \r\n2,B\r\n",
    "persian": PERSIAN.encode(),
    "persian windows-1256": PERSIAN.replace("\u06cc", "\u064a").encode("cp1256"),
    "tab and backslash in cells": b"full_name,x\nA\tb,1\nB\\c,2\n",
    "percent signs": b"full_name,x%s\nA%s,1%\nB,2\n",
    "duplicate ids": b"record_id,full_name\n1,A\n1,B\n",
    "quoted cells": b'record_id,full_name\n1,"A, B"\n2,"two\nlines"\n',
    "blank line": b"record_id;full_name\n1;A\n\n2;B\n",
    "row of empty cells": b"full_name,x\nA,1\n , \nB,2\n",
    "ragged rows": b"full_name,x\nA,1,3\nB\n",
    "trailing empty cells": b"full_name,x,\nA,1,\nB,2,\n",
    "repeated header": b"full_name,full_name\nA,B\n",
    "no name column": b"a,b\n1,2\n",
    "names to join": b"given_name,surname\nA,\n,B\nC,D\n",
}


def _read(data: bytes, name: str) -> tuple[object, ...]:
    encoding = "windows-1256" if "1256" in name else None
    table, problems = read_table(data, "list.csv", encoding=encoding)
    assert table is not None
    prepared, list_problems = prepare_list(table)
    batch = prepared.batch
    return (
        table.columns,
        [row[:2] for row in table.rows],
        [str(p) for p in problems + list_problems],
        batch.lines,
        batch.record_ids,
        batch.raws,
        [list(c) for c in batch.fields],
        [list(c) for c in batch.search],
    )


@pytest.mark.parametrize("name", list(FILES))
def test_fast_reader_matches_the_general_reader(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(FILES[name], name)
    monkeypatch.setattr(tables, "_read_csv_fast", lambda *args: None)
    assert fast == _read(FILES[name], name)


def test_fast_reader_takes_plain_files_and_leaves_the_rest() -> None:
    def column_wise(data: bytes) -> bool:
        table, _ = read_table(data, "list.csv")
        return table is not None and table.by_column is not None

    assert column_wise(FILES["plain"])
    assert column_wise(FILES["persian"])
    for name in ("quoted cells", "blank line", "ragged rows", "row of empty cells"):
        assert not column_wise(FILES[name]), name


def test_json_safety_is_judged_on_every_character() -> None:
    safe, _ = read_table(FILES["persian"], "list.csv")
    unsafe, _ = read_table(FILES["tab and backslash in cells"], "list.csv")
    assert safe is not None and safe.json_safe
    assert unsafe is not None and not unsafe.json_safe

"""Properties of the list import: arbitrary bytes never crash it, and rows round-trip."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dadkhah.api import lists as lists_api
from dadkhah.errors import InputError
from dadkhah.store import Case

_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(
    data=st.binary(max_size=300),
    suffix=st.sampled_from([".csv", ".json", ".jsonl", ".xlsx", ".dat"]),
)
def test_import_of_arbitrary_bytes_raises_only_input_error(
    sqlite_case: Case, data: bytes, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / f"x{suffix}"
        f.write_bytes(data)
        with contextlib.suppress(InputError):
            lists_api.import_lists(sqlite_case, [f], mode="new", list_name=f"l{abs(hash(data))}")


_CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from("علیرضا ی ک ,;\"'\t"),
    max_size=15,
)


@_SETTINGS
@given(rows=st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=12))
def test_rows_round_trip_through_the_store(sqlite_case: Case, rows: list[tuple[str, str]]) -> None:
    kept = [r for r in rows if "".join(r).strip()]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "rt.csv"
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["full_name", "notes"])
        writer.writerows(rows)
        f.write_text(buf.getvalue(), encoding="utf-8")
        name = f"rt{sqlite_case.db.scalar('SELECT COUNT(*) AS n FROM victim_list')}"
        try:
            (result,) = lists_api.import_lists(sqlite_case, [f], list_name=name)
        except InputError as e:
            assert not kept, str(e)  # only a file of blank rows may be refused
            return
    records = lists_api.list_records(sqlite_case, name)
    assert result.records == len(kept) == len(records)
    for (full, notes), rec in zip(kept, records, strict=True):
        assert rec.raw == {"full_name": full, "notes": notes}
        assert rec.get("full_name") == (full.strip() or None)
        assert rec.get("notes") == (notes.strip() or None)


def test_xlsx_utf16_and_windows_1256_import(case: Case, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["record_id", "full_name", "death_date"])
    for i in range(1, 26):
        sheet.append([i, f"نام {i}", "1367/05/06"])
    book.save(tmp_path / "x.xlsx")
    (tmp_path / "u16.csv").write_text("full_name\tcity\nعلی\tقم\n", encoding="utf-16")
    (tmp_path / "w.csv").write_bytes("full_name,city\nعلي,قم\n".encode("cp1256"))
    lists_api.import_lists(case, [tmp_path / "x.xlsx", tmp_path / "u16.csv"])
    with pytest.raises(InputError, match="--encoding windows-1256"):
        lists_api.import_lists(case, [tmp_path / "w.csv"])
    (r,) = lists_api.import_lists(case, [tmp_path / "w.csv"], encoding="windows-1256")
    assert r.encoding == "cp1256"
    counts = {v.name: v.record_count for v in lists_api.list_lists(case)}
    assert counts == {"x": 25, "u16": 1, "w": 1}
    assert lists_api.list_records(case, "w")[0].get("full_name") == "علي"
    assert lists_api.list_records(case, "x")[0].raw == {
        "record_id": "1",
        "full_name": "نام 1",
        "death_date": "1367/05/06",
    }


def test_bad_mapping_files_are_refused(case: Case, tmp_path: Path) -> None:
    f = tmp_path / "l.csv"
    f.write_text("a,b\n1,2\n")
    m = tmp_path / "m.toml"
    m.write_text('colums = 1\n[columns]\na = "full_name"\nb = "full_name"\n')
    with pytest.raises(InputError) as err:
        lists_api.import_lists(case, [f], mapping=m)
    text = str(err.value)
    assert "colums: unknown key" in text and "renamed to the same name" in text
    m.write_text('[columns]\nzz = "full_name"\n')
    with pytest.raises(InputError, match="renames a column the file does not have"):
        lists_api.import_lists(case, [f], mapping=m)
    m.write_text("not toml ===")
    with pytest.raises(InputError, match="invalid mapping file"):
        lists_api.import_lists(case, [f], mapping=m)


def test_progress_is_reported_and_records_are_found_by_id(case: Case, tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps({"full_name": f"N{i}"}) + "\n" for i in range(30)))
    seen: list[tuple[str, int, int]] = []
    lists_api.import_lists(case, [f], progress=lambda s, d, t: seen.append((s, d, t)))
    assert seen[0] == ("checking", 0, 1) and seen[-1] == ("storing", 30, 30)
    rec = lists_api.list_records(case, "p")[3]
    assert lists_api.get_record(case, rec.id) == rec

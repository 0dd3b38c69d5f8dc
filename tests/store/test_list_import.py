"""Importing lists into a case, on every storage backend."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dadkhah.api import case as case_api
from dadkhah.api import lists as lists_api
from dadkhah.errors import InputError, NotFound
from dadkhah.store import Case
from dadkhah.store.audit import entries


def _csv(path: Path, rows: list[str], header: str = "record_id,full_name,city") -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _counts(case: Case) -> dict[str, int]:
    return {v.name: v.record_count for v in lists_api.list_lists(case)}


def test_persian_and_latin_lists_import_completely(case: Case, tmp_path: Path) -> None:
    fa = _csv(tmp_path / "fa.csv", [f"{i},علی رضایی {i},تهران" for i in range(1, 121)])
    en = tmp_path / "en.json"
    en.write_text(json.dumps([{"given_name": f"Reza{i}", "surname": "Ahmadi"} for i in range(45)]))
    results = lists_api.import_lists(case, [fa, en], source_title="Test source")
    assert [(r.list_name, r.records) for r in results] == [("fa", 120), ("en", 45)]
    assert results[1].ids_generated and not results[0].ids_generated
    assert _counts(case) == {"fa": 120, "en": 45}
    records = lists_api.list_records(case, "fa", limit=2)
    assert records[0].record_id == "1" and records[0].get("city") == "تهران"
    assert records[0].raw == {"record_id": "1", "full_name": "علی رضایی 1", "city": "تهران"}
    assert records[0].line == 2
    gen = lists_api.list_records(case, "en", limit=1)[0]
    assert gen.record_id == "1" and gen.display_name == "Reza0 Ahmadi"
    actions = [e.action for e in entries(case.db)]
    assert actions.count("list.import") == 2 and actions.count("evidence.add") == 2
    # the file itself is evidence, unchanged
    item_sha = results[0].sha256
    assert case.blobs.read_bytes(item_sha) == fa.read_bytes()


def test_duplicate_on_line_41_stores_nothing(case: Case, tmp_path: Path) -> None:
    rows = [f"{i},Name {i},Qom" for i in range(1, 41)]
    rows[39] = "5,Name 40,Qom"  # line 41 of the file repeats record_id 5
    bad = _csv(tmp_path / "bad.csv", rows)
    good = _csv(tmp_path / "good.csv", ["1,A,B"])
    before = [e.hash for e in entries(case.db)]
    with pytest.raises(InputError) as err:
        lists_api.import_lists(case, [good, bad])
    assert any(
        p.line == 41 and p.field == "record_id" and p.value == "5" for p in err.value.problems
    )
    assert f"{bad}:41: record_id: duplicate, first used on line 6 ('5')" in str(err.value)
    assert _counts(case) == {}
    assert [e.hash for e in entries(case.db)] == before
    assert case.db.scalar("SELECT COUNT(*) AS n FROM evidence") == 0


def test_reimport_and_existing_name_are_refused(case: Case, tmp_path: Path) -> None:
    f = _csv(tmp_path / "l.csv", ["1,A,B", "2,C,D"])
    lists_api.import_lists(case, [f])
    with pytest.raises(InputError) as err:
        lists_api.import_lists(case, [f], list_name="other")
    assert "already imported as 'l.csv' into list 'l'" in str(err.value)
    g = _csv(tmp_path / "l2.csv", ["1,A,B"])
    with pytest.raises(InputError) as err:
        lists_api.import_lists(case, [g], list_name="l")
    assert "already exists" in str(err.value) and "--replace" in str(err.value)


def test_replace_supersedes_and_append_adds(case: Case, tmp_path: Path) -> None:
    lists_api.import_lists(case, [_csv(tmp_path / "a.csv", ["1,A,B", "2,C,D"])], list_name="x")
    lists_api.import_lists(
        case, [_csv(tmp_path / "b.csv", ["3,E,F"])], list_name="x", mode="append"
    )
    assert _counts(case) == {"x": 3}
    with pytest.raises(InputError, match="already in the list"):
        lists_api.import_lists(
            case, [_csv(tmp_path / "c.csv", ["3,G,H"])], list_name="x", mode="append"
        )
    lists_api.import_lists(
        case, [_csv(tmp_path / "d.csv", ["9,Z,Y"])], list_name="x", mode="replace"
    )
    assert _counts(case) == {"x": 1}
    all_versions = lists_api.list_lists(case, include_inactive=True)
    assert [(v.version, v.active, v.record_count) for v in all_versions] == [
        (1, False, 3),
        (2, True, 1),
    ]
    assert case.db.scalar("SELECT COUNT(*) AS n FROM list_record") == 4  # nothing deleted
    actions = [e.action for e in entries(case.db)]
    assert "list.append" in actions and "list.replace" in actions
    with pytest.raises(InputError, match="no list with this name"):
        lists_api.import_lists(
            case, [_csv(tmp_path / "e.csv", ["1,A,B"])], list_name="y", mode="append"
        )
    with pytest.raises(NotFound):
        lists_api.list_records(case, "nope")


def test_invalid_utf8_is_refused_naming_the_line(case: Case, tmp_path: Path) -> None:
    f = tmp_path / "l.csv"
    f.write_bytes(b"record_id,full_name\n1,Ali\n2,\xff\xfeRez\n")
    with pytest.raises(InputError) as err:
        lists_api.import_lists(case, [f])
    assert f"{f}:3: encoding: bytes that are not valid UTF-8" in str(err.value)
    assert _counts(case) == {}


def test_mapping_renames_and_sets_values(case: Case, tmp_path: Path) -> None:
    f = tmp_path / "m.csv"
    f.write_text("شماره,نام,نام خانوادگی\n1,علی,رضایی\n", encoding="utf-8")
    m = tmp_path / "m.toml"
    m.write_text(
        '[columns]\n"شماره" = "record_id"\n"نام" = "given_name"\n"نام خانوادگی" = "surname"\n'
        '[values]\nprison = "اوین"\n',
        encoding="utf-8",
    )
    lists_api.import_lists(case, [f], mapping=m)
    rec = lists_api.list_records(case, "m")[0]
    assert (
        rec.record_id == "1" and rec.get("full_name") == "علی رضایی" and rec.get("prison") == "اوین"
    )
    assert rec.raw == {"شماره": "1", "نام": "علی", "نام خانوادگی": "رضایی"}


def test_case_reopens_with_its_lists(case: Case, tmp_path: Path) -> None:
    lists_api.import_lists(case, [_csv(tmp_path / "a.csv", ["1,A,B"])])
    with case_api.open_case(case.path) as again:
        assert [v.name for v in lists_api.list_lists(again)] == ["a"]


def test_upgrade_to_the_lean_record_index_keeps_records_searchable(tmp_path: Path) -> None:
    from dadkhah.api import search as search_api
    from dadkhah.store import init_case, open_case
    from dadkhah.store.migrations import migrate
    from dadkhah.store.schema import all_migrations

    case = init_case(tmp_path / "old")
    # roll the case back to before core v3: the records' index as version 2 made it
    case.db.script(
        "DROP TABLE record_fts;"
        "\nCREATE VIRTUAL TABLE record_fts USING fts5(body, content='', "
        "tokenize='unicode61 remove_diacritics 2');"
        "\nCREATE INDEX list_record_list ON list_record(list_id)"
    )
    case.db.execute("DELETE FROM schema_migrations WHERE component = 'core' AND version = 3")
    f = _csv(tmp_path / "l.csv", ["1,Ali Rezaei,Qom", "2,Sara Karimi,Tabriz"])
    lists_api.import_lists(case, [f])
    applied = migrate(case.db, all_migrations())
    assert [(m.component, m.version) for m in applied] == [("core", 3)]
    case.close()
    with open_case(tmp_path / "old") as again:
        assert [h.record_id for h in search_api.search(again, "karimi")] == ["2"]
        assert [h.record_id for h in search_api.search(again, "qom")] == ["1"]


@pytest.mark.shared
@pytest.mark.slow
def test_shared_linkage_files_import_completely(
    sqlite_case: Case, shared_dir: Path, tmp_path: Path
) -> None:
    data = shared_dir / "data" / "linkage"
    m = tmp_path / "febrl.toml"
    m.write_text('[columns]\nrec_id = "record_id"\n[values]\nsource_ref = "FEBRL"\n')
    lists_api.import_lists(sqlite_case, [data / "febrl1.csv"], mapping=m)
    h = tmp_path / "historical.toml"
    h.write_text('[columns]\nunique_id = "record_id"\nfirst_name = "given_name"\ngender = "sex"\n')
    lists_api.import_lists(sqlite_case, [data / "historical_50k.csv"], mapping=h)
    expected = {}
    for name in ("febrl1", "historical_50k"):
        with (data / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            expected[name] = sum(1 for row in csv.reader(f) if row) - 1  # less the header
    assert {v.name: v.record_count for v in lists_api.list_lists(sqlite_case)} == expected

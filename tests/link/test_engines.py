"""The DuckDB engine: a memory limit by default and a private folder to spill to."""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path

import pytest

from dadkhah.link.engines import make_db_api


def _setting(api: object, name: str) -> str:
    con = api.duckdb_con  # type: ignore[attr-defined]
    return str(con.execute(f"SELECT current_setting('{name}')").fetchone()[0])


def test_memory_limit_and_private_spill_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DADKHAH_MEMORY_LIMIT", raising=False)
    api = make_db_api("duckdb")
    assert _setting(api, "memory_limit").endswith("GiB")
    spill = Path(_setting(api, "temp_directory"))
    assert spill.is_dir()
    assert stat.S_IMODE(os.stat(spill).st_mode) == 0o700
    api.duckdb_con.close()  # type: ignore[attr-defined]
    del api
    gc.collect()
    assert not spill.exists()


def test_memory_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DADKHAH_MEMORY_LIMIT", "1GB")
    api = make_db_api("duckdb")
    assert _setting(api, "memory_limit") in {"953.6 MiB", "1.0 GiB", "1000.0 MiB"}
    api.duckdb_con.close()  # type: ignore[attr-defined]

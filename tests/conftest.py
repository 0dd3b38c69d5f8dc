"""Shared fixtures: temporary cases on every storage backend, and ../shared data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dadkhah.store import Case, init_case

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DADKHAH_SHARED", REPO.parent / "shared"))
POSTGRES_URL = os.environ.get("DADKHAH_TEST_POSTGRES_URL")


@pytest.fixture
def shared_dir() -> Path:
    """../shared (or $DADKHAH_SHARED); the test is skipped when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set DADKHAH_SHARED to its folder)")
    return SHARED


def _backends() -> list[object]:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not POSTGRES_URL,
                    reason="DADKHAH_TEST_POSTGRES_URL is not set (.ci/run sets it)",
                ),
            ],
        ),
    ]


@pytest.fixture(params=_backends())
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def case(tmp_path: Path, backend: str) -> Iterator[Case]:
    """A new, empty case on each storage backend (SQLite; PostgreSQL when a server is given)."""
    database = None if backend == "sqlite" else POSTGRES_URL
    c = init_case(tmp_path / "case", database=database)
    try:
        yield c
    finally:
        if c.db.dialect == "postgresql" and c.config.schema:
            c.db.execute(f'DROP SCHEMA IF EXISTS "{c.config.schema}" CASCADE')
        c.close()


@pytest.fixture
def sqlite_case(tmp_path: Path) -> Iterator[Case]:
    """A new, empty SQLite case."""
    c = init_case(tmp_path / "case")
    try:
        yield c
    finally:
        c.close()

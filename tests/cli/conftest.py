"""A case folder created through the CLI, on every storage backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dadkhah.cli import main
from dadkhah.store import open_case

POSTGRES_URL = os.environ.get("DADKHAH_TEST_POSTGRES_URL")


@pytest.fixture
def case_dir(tmp_path: Path, backend: str) -> Iterator[Path]:
    path = tmp_path / "case"
    args = ["init", str(path)]
    if backend == "postgresql":
        args += ["--database", str(POSTGRES_URL)]
    assert main(args) == 0
    yield path
    if backend == "postgresql":
        with open_case(path) as c:
            c.db.execute(f'DROP SCHEMA IF EXISTS "{c.config.schema}" CASCADE')

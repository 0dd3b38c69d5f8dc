"""Fixtures of the accounts tests: a case loaded from the bulk-import fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dadkhah.accounts import import_accounts
from dadkhah.store import Case

DATA = Path(__file__).parent / "data"
ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture
def loaded(case: Case) -> Iterator[Case]:
    """A case on each backend with tests/accounts/data/fixture.json imported."""
    import_accounts(case.db, DATA / "fixture.json", actor="tester")
    yield case

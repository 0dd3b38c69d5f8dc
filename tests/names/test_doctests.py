"""The examples in the docstrings of names, dates and places run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "dadkhah.names._normalize",
    "dadkhah.names._keys",
    "dadkhah.names._parse",
    "dadkhah.names._order",
    "dadkhah.names._similarity",
    "dadkhah.names._translit",
    "dadkhah.names._compound",
    "dadkhah.dates._parse",
    "dadkhah.places._resolve",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0

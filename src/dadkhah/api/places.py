"""Use cases of the gazetteer that the shells need: the map outline."""

from __future__ import annotations

from typing import Any

from dadkhah.places import province_outline as _province_outline

__all__ = ["province_outline"]


def province_outline() -> dict[str, Any]:
    """A schematic outline of Iran's provinces as GeoJSON (a backdrop, not a legal boundary)."""
    return _province_outline()

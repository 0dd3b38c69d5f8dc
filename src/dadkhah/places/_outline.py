"""A schematic outline of Iran's provinces (GeoJSON), for maps in the workbench and reports.

The outline is drawn by hand through approximate coordinates of border towns, rivers and coasts
(tools/make_iran_geojson.py); it is a backdrop for site markers, not a legal boundary.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["outline_rings", "province_outline"]


@lru_cache(maxsize=1)
def _load() -> str:
    return (resources.files("dadkhah.places") / "data" / "iran-provinces.geojson").read_text(
        encoding="utf-8"
    )


def province_outline() -> dict[str, Any]:
    """The outline as a GeoJSON FeatureCollection (a fresh copy each call)."""
    data: dict[str, Any] = json.loads(_load())
    return data


def outline_rings() -> list[list[tuple[float, float]]]:
    """Every polygon ring of the outline as (lon, lat) pairs."""
    rings: list[list[tuple[float, float]]] = []
    for feature in province_outline()["features"]:
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        elif geometry.get("type") != "MultiPolygon":
            continue
        for polygon in polygons:
            for ring in polygon:
                rings.append([(float(p[0]), float(p[1])) for p in ring])
    return rings

"""Generate src/dadkhah/places/data/iran-provinces.geojson: a schematic map for the sites page.

What it is, honestly: a COARSE, HAND-MADE outline of Iran, drawn through the approximate
coordinates of well-known border towns, river courses (Aras, Atrak, Arvand Rud) and coastal points
(Caspian, Persian Gulf, Gulf of Oman), listed below in the code; and 31 province cells that are the
Voronoi regions of the provincial capitals (coordinates from src/dadkhah/places/data/iran_cities.csv)
clipped to that outline. The cells are NOT the legal province boundaries; they only let a reader
see roughly which province a site is in without any tile server or third-party map data.

Run: python tools/make_iran_geojson.py
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from scipy.spatial import Voronoi

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/dadkhah/places/data/iran-provinces.geojson"

# (lon, lat), clockwise from the Turkish-Armenian border near Mount Ararat.
OUTLINE = [
    (44.03, 39.38),
    (44.80, 39.71),
    (45.45, 39.00),
    (46.10, 38.86),
    (46.55, 38.90),
    (47.00, 39.20),
    (47.85, 39.66),
    (48.35, 39.30),
    (48.05, 38.95),
    (48.87, 38.43),  # Aras, Moghan, Astara
    (49.05, 37.70),
    (49.46, 37.47),
    (50.30, 37.15),
    (51.00, 36.75),
    (52.00, 36.62),
    (53.00, 36.85),
    (53.90, 36.90),
    (53.95, 37.33),  # Caspian coast to Hasan-Qoli
    (54.80, 37.75),
    (55.40, 38.08),
    (56.40, 38.10),
    (57.30, 37.90),
    (58.50, 37.60),
    (59.30, 37.50),
    (60.30, 36.60),
    (61.15, 36.60),  # Atrak and the Kopet Dag border to Sarakhs
    (61.20, 35.60),
    (60.90, 34.40),
    (60.50, 33.70),
    (60.90, 33.50),
    (60.60, 32.90),
    (60.85, 31.50),
    (61.70, 31.40),
    (61.80, 31.00),
    (60.87, 29.86),  # Afghan border, Sistan, tripoint
    (61.90, 28.50),
    (62.80, 28.20),
    (62.80, 27.30),
    (63.30, 27.10),
    (63.20, 26.60),
    (62.30, 26.40),
    (61.80, 25.80),
    (61.60, 25.15),  # Pakistan border to Gwadar bay
    (60.60, 25.30),
    (59.00, 25.40),
    (57.80, 25.65),
    (57.30, 26.50),
    (56.90, 27.10),
    (56.30, 27.20),
    (55.60, 26.90),
    (54.80, 26.50),
    (53.60, 26.80),
    (52.55, 27.45),
    (51.40, 27.90),
    (50.85, 28.90),
    (50.30, 29.80),
    (50.15, 30.05),
    (49.50, 30.00),
    (49.00, 30.40),
    (48.55, 29.95),  # the coasts
    (48.17, 30.43),
    (47.70, 31.00),
    (47.70, 31.40),
    (47.40, 32.40),
    (46.20, 33.10),
    (45.60, 33.80),
    (45.55, 34.50),
    (45.80, 35.00),
    (46.15, 35.30),
    (45.95, 36.00),
    (45.30, 36.40),
    (45.15, 36.70),
    (44.80, 37.15),  # Iraqi border
    (44.60, 37.70),
    (44.20, 38.00),
    (44.45, 38.40),
    (44.30, 38.80),  # Turkish border
]

CAPITALS = {
    "Tehran": "Tehran",
    "Alborz": "Karaj",
    "Razavi Khorasan": "Mashhad",
    "Isfahan": "Isfahan",
    "Fars": "Shiraz",
    "East Azerbaijan": "Tabriz",
    "West Azerbaijan": "Urmia",
    "Khuzestan": "Ahvaz",
    "Kerman": "Kerman",
    "Kermanshah": "Kermanshah",
    "Gilan": "Rasht",
    "Mazandaran": "Sari",
    "Golestan": "Gorgan",
    "Hamadan": "Hamadan",
    "Kurdistan": "Sanandaj",
    "Lorestan": "Khorramabad",
    "Markazi": "Arak",
    "Qazvin": "Qazvin",
    "Qom": "Qom",
    "Semnan": "Semnan",
    "Yazd": "Yazd",
    "Zanjan": "Zanjan",
    "Ardabil": "Ardabil",
    "Bushehr": "Bushehr",
    "Hormozgan": "Bandar Abbas",
    "Ilam": "Ilam",
    "Kohgiluyeh and Boyer-Ahmad": "Yasuj",
    "Chaharmahal and Bakhtiari": "Shahrekord",
    "North Khorasan": "Bojnurd",
    "South Khorasan": "Birjand",
    "Sistan and Baluchestan": "Zahedan",
}


def _clip(
    subject: list[tuple[float, float]], clip: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of polygon ``subject`` inside the convex polygon ``clip`` (CCW)."""

    def inside(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> bool:
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0

    def cross(
        p: tuple[float, float],
        q: tuple[float, float],
        a: tuple[float, float],
        b: tuple[float, float],
    ) -> tuple[float, float]:
        x1, y1, x2, y2, x3, y3, x4, y4 = *p, *q, *a, *b
        den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
        t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
        return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))

    out = subject
    for i in range(len(clip)):
        a, b = clip[i], clip[(i + 1) % len(clip)]
        points, out = out, []
        for j in range(len(points)):
            p, q = points[j - 1], points[j]
            if inside(q, a, b):
                if not inside(p, a, b):
                    out.append(cross(p, q, a, b))
                out.append(q)
            elif inside(p, a, b):
                out.append(cross(p, q, a, b))
        if not out:
            break
    return out


def _cell(vor: Voronoi, i: int, far: float = 50.0) -> list[tuple[float, float]]:
    """The Voronoi cell of point i as a CCW polygon, infinite edges cut off far away."""
    center = vor.points.mean(axis=0)
    region = vor.regions[vor.point_region[i]]
    pts: list[np.ndarray] = [vor.vertices[v] for v in region if v >= 0]
    if -1 in region:
        for (p, q), verts in zip(vor.ridge_points, vor.ridge_vertices, strict=True):
            if i not in (p, q) or -1 not in verts:
                continue
            v = vor.vertices[next(x for x in verts if x >= 0)]
            t = vor.points[q] - vor.points[p]
            n = np.array([-t[1], t[0]]) / np.linalg.norm(t)
            mid = vor.points[[p, q]].mean(axis=0)
            n = n if np.dot(mid - center, n) > 0 else -n
            pts.append(v + n * far)
    c = np.mean(pts, axis=0)
    pts.sort(key=lambda p: float(np.arctan2(p[1] - c[1], p[0] - c[0])))
    return [(float(p[0]), float(p[1])) for p in pts]


def main() -> None:
    rows = {
        r["latin"]: r
        for r in csv.DictReader(
            (ROOT / "src/dadkhah/places/data/iran_cities.csv").open(encoding="utf-8")
        )
    }
    names = list(CAPITALS)
    missing = [CAPITALS[n] for n in names if CAPITALS[n] not in rows]
    if missing:
        raise SystemExit(f"capitals missing from iran_cities.csv: {missing}")
    points = np.array(
        [(float(rows[CAPITALS[n]]["lon"]), float(rows[CAPITALS[n]]["lat"])) for n in names]
    )
    vor = Voronoi(points)
    outline = list(reversed(OUTLINE))  # subject polygon; orientation does not matter for it
    features = []
    for i, name in enumerate(names):
        poly = _clip(outline, _cell(vor, i))
        if len(poly) < 3:
            continue
        ring = [[round(x, 3), round(y, 3)] for x, y in poly]
        ring.append(ring[0])
        city = rows[CAPITALS[name]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "province": name,
                    "province_persian": city["province_persian"],
                    "capital": city["latin"],
                    "capital_persian": city["persian"],
                    "schematic": True,
                },
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    ring = [[x, y] for x, y in OUTLINE] + [list(OUTLINE[0])]
    features.insert(
        0,
        {
            "type": "Feature",
            "properties": {"outline": "Iran (coarse, hand-made)", "schematic": True},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        },
    )
    doc = {
        "type": "FeatureCollection",
        "properties": {
            "note": "Schematic: coarse hand-made national outline; province cells are Voronoi regions of "
            "provincial capitals clipped to it, not legal boundaries. See tools/make_iran_geojson.py."
        },
        "features": features,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{OUT}: {len(features) - 1} province cells")  # noqa: T201


if __name__ == "__main__":
    main()

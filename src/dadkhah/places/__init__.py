"""The gazetteer: provinces, cities, prisons and burial sites, in Persian and Latin, with their
names in 1988 and coordinates; any spelling resolved to a place id. See docs/places.md.
"""

from dadkhah.places._gazetteer import HistoricalName, Place, PlaceKind, all_places, get_place
from dadkhah.places._outline import outline_rings, province_outline
from dadkhah.places._resolve import resolve_place, resolve_place_id

__all__ = [
    "HistoricalName",
    "Place",
    "PlaceKind",
    "all_places",
    "get_place",
    "outline_rings",
    "province_outline",
    "resolve_place",
    "resolve_place_id",
]

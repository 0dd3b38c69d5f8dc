"""Mapping any written form of a place (any script, spelling, former name) to its id."""

from __future__ import annotations

import re
from functools import lru_cache

from dadkhah.names import fine_key, match_key, normalize_text
from dadkhah.places._gazetteer import Place, PlaceKind, all_places

__all__ = ["resolve_place", "resolve_place_id"]

_PRISON_WORDS = frozenset({"prison", "zendan", "زندان", "jail", "gaol", "central", "مرکزی"})
_BURIAL_WORDS = frozenset({"cemetery", "گورستان", "قبرستان", "گلزار", "mass", "grave", "graves"})
_PROVINCE_WORDS = frozenset({"province", "استان", "ostan", "state"})
_FILLER = frozenset({"city", "شهر", "of", "the", "e", "ye", "-e", "iran", "ایران"})
# Which kind wins when a bare name fits several (Tehran the city before Tehran the province).
_PRIORITY: dict[str, int] = {"city": 0, "prison": 1, "burial site": 2, "province": 3}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,()\-/]+", normalize_text(text)) if w]


def _compact(words: list[str]) -> str:
    return "".join(words)


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, list[Place]], dict[str, list[Place]], dict[str, list[Place]]]:
    exact: dict[str, list[Place]] = {}
    k2: dict[str, list[Place]] = {}
    k1: dict[str, list[Place]] = {}
    for place in all_places():
        for name in place.names:
            words = [w for w in _words(name) if w not in _PRISON_WORDS | _BURIAL_WORDS | _FILLER]
            for form in {_compact(_words(name)), _compact(words)}:
                if not form:
                    continue
                exact.setdefault(form, []).append(place)
                if len(form) >= 3:
                    k2.setdefault(fine_key(form), []).append(place)
                    k1.setdefault(match_key(form), []).append(place)
    return exact, k2, k1


def _pick(candidates: list[Place], wanted: PlaceKind | None) -> Place | None:
    unique = list({p.id: p for p in candidates}.values())
    if not unique:
        return None
    if wanted is not None:
        of_kind = [p for p in unique if p.kind == wanted]
        if of_kind:
            unique = of_kind
        elif wanted in ("prison", "burial site"):
            # A facility the gazetteer does not list: the city named is the best known place.
            unique = [p for p in unique if p.kind == "city"]
            if not unique:
                return None
    unique.sort(key=lambda p: _PRIORITY[p.kind])
    best = [p for p in unique if _PRIORITY[p.kind] == _PRIORITY[unique[0].kind]]
    return best[0] if len(best) == 1 else None


@lru_cache(maxsize=50_000)
def resolve_place(text: str, kind: PlaceKind | None = None) -> Place | None:
    """The gazetteer place meant by ``text`` (any script, spelling, former or later name).

    Words such as "prison"/«زندان» or "province"/«استان» in the text (or ``kind``) choose
    among places of the same name; a prison the gazetteer does not list ("Sanandaj prison")
    resolves to its city. Exact forms are tried first, then the cross-script name
    keys; an ambiguous or unknown text gives None.

    >>> resolve_place("Bakhtaran").id
    'kermanshah'
    """
    if not isinstance(text, str) or not text.strip():
        return None
    words = _words(text)
    wanted: PlaceKind | None = kind
    if wanted is None:
        if any(w in _PRISON_WORDS for w in words):
            wanted = "prison"
        elif any(w in _BURIAL_WORDS for w in words):
            wanted = "burial site"
        elif any(w in _PROVINCE_WORDS for w in words):
            wanted = "province"
    core = [w for w in words if w not in _PRISON_WORDS | _BURIAL_WORDS | _PROVINCE_WORDS | _FILLER]
    exact, k2, k1 = _indexes()
    for form in (_compact(words), _compact(core)):
        if form in exact:
            found = _pick(exact[form], wanted)
            if found is not None:
                return found
    form = _compact(core)
    if len(form) < 3:
        return None
    for index, key in ((k2, fine_key(form)), (k1, match_key(form))):
        if key and key in index:
            found = _pick(index[key], wanted)
            if found is not None:
                return found
    return None


def resolve_place_id(text: str, kind: PlaceKind | None = None) -> str | None:
    """The id of :func:`resolve_place`'s answer, or None."""
    place = resolve_place(text, kind)
    return place.id if place else None

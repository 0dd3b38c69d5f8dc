"""The case's known entities in a text: names and aliases already recorded, and candidate
entities (with scores) for mentions found by the other rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from dadkhah.accounts.mentions.persian import fold
from dadkhah.model.accounts import Candidate, Mention

__all__ = ["KnownName", "candidates_for", "known_mentions"]

# entity type -> mention type
MENTION_TYPE = {
    "person": "person",
    "organization": "organization",
    "site": "place",
    "post": "organization",
}


@dataclass(frozen=True, slots=True)
class KnownName:
    """One name or alias of a known entity."""

    name: str
    uid: str
    entity_type: str
    label: str


def _pattern(name: str) -> re.Pattern[str]:
    parts = [re.escape(fold(p)) for p in name.split()]
    body = r"[\s\u200c]+".join(parts)
    return re.compile(rf"(?<![\w\u0600-\u06FF]){body}(?![\w\u0600-\u06FF])", re.IGNORECASE)


def known_mentions(text: str, names: list[KnownName]) -> list[Mention]:
    """Every occurrence of a known name or alias, with every entity of that name as a candidate
    of score 1 (a place first when a prison is recorded both as a site and an organisation)."""
    folded = fold(text)
    spans: dict[tuple[int, int], list[KnownName]] = {}
    for kn in names:
        if len(kn.name.strip()) < 3 or kn.entity_type not in MENTION_TYPE:
            continue
        for m in _pattern(kn.name).finditer(folded):
            spans.setdefault((m.start(), m.end()), []).append(kn)
    order = {"site": 0, "person": 1, "organization": 2, "post": 3}
    out = []
    for (start, end), kns in spans.items():
        kns.sort(key=lambda k: order[k.entity_type])
        seen: set[str] = set()
        cands = []
        for k in kns:
            if k.uid not in seen:
                seen.add(k.uid)
                cands.append(Candidate(k.uid, k.entity_type, k.label, 1.0))
        out.append(
            Mention(
                MENTION_TYPE[kns[0].entity_type],
                text[start:end],
                start,
                end,
                "known entity",
                tuple(cands),
            )
        )
    return out


def _score(mention: str, name: str) -> float:
    a, b = fold(mention).casefold(), fold(name).casefold()
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    ta, tb = set(a.split()), set(b.split())
    if ta and ta <= tb:
        ratio = max(ratio, 0.6 + 0.3 * len(ta) / len(tb))
    return ratio


def candidates_for(
    mention: Mention, names: list[KnownName], *, limit: int = 5, floor: float = 0.6
) -> tuple[Candidate, ...]:
    """Known entities of the mention's type whose names resemble it, best first."""
    best: dict[str, Candidate] = {}
    for kn in names:
        if MENTION_TYPE.get(kn.entity_type) != mention.type:
            continue
        s = _score(mention.text, kn.name)
        if s >= floor and (kn.uid not in best or best[kn.uid].score < s):
            best[kn.uid] = Candidate(kn.uid, kn.entity_type, kn.label, s)
    return tuple(sorted(best.values(), key=lambda c: -c.score)[:limit])

"""Search persons by name, in any script and spelling.

A :class:`NameIndex` maps the text key, the sound key (see :mod:`dadkhah.api.web_namekeys`) and
the cross-script key of :func:`dadkhah.names.match_key` of
every word of every name of every record of an active list, and of every person's display names, to
the records and persons that hold it. Each word of a query must match (text key, sound key, or a
prefix of a text key of three letters or more); matching records lead to their persons.

The index is built in memory on first use and rebuilt when the case changes: its freshness stamp
holds the highest record and person ids, the lists' versions and the latest linkage run, so an
import, a replaced list, a linkage run or a new person makes the next search rebuild it, while
logins and review decisions (which bind the next linkage run) do not.
"""

from __future__ import annotations

import bisect
import gc
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dadkhah.api import search as search_api
from dadkhah.api.web_namekeys import is_persian, name_tokens, sound_key
from dadkhah.names import match_key, to_latin, to_persian_candidates
from dadkhah.store import Case

__all__ = ["NameIndex", "PersonHit", "index_for", "search_documents", "search_persons"]

log = logging.getLogger(__name__)

_NAME_FIELDS = ("full_name", "given_name", "surname")


@dataclass(slots=True)
class PersonHit:
    id: str
    pk: int
    display_name: str | None
    display_name_latin: str | None
    records: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0
    transliteration: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "display_name_latin": self.display_name_latin,
            "names": {"fa": self.display_name, "latin": self.display_name_latin},
            "records": self.records,
            "score": round(self.score, 3),
            # machine transliteration into the script no record uses (a reading aid, not a record)
            "transliteration": self.transliteration,
        }


def _record_name(r: Mapping[str, Any]) -> str:
    if r.get("full_name"):
        return str(r["full_name"])
    return " ".join(str(r[f]) for f in ("given_name", "surname") if r.get(f))


_TRANSLITERATED = 10  # machine transliteration (a few ms each) only for the best hits


@lru_cache(maxsize=50_000)
def _persian_guess(latin: str) -> str | None:
    candidates = to_persian_candidates(latin, limit=1)
    return candidates[0] if candidates else None


@lru_cache(maxsize=50_000)
def _latin_guess(persian: str) -> str:
    return to_latin(persian)


def _match_key(word: str) -> str:
    """dadkhah.names' cross-script key of one word ('' when it has none)."""
    return match_key(word)


class NameIndex:
    """In-memory inverted index of name keys → record and person row numbers."""

    def __init__(self, stamp: tuple[Any, ...]):
        self.stamp = stamp
        # entries: (kind, row) where kind 'r' = record row number, 'p' = person pk
        self.by_key: dict[str, set[tuple[str, int]]] = defaultdict(set)
        self.text_keys: list[str] = []
        self.records: list[dict[str, Any]] = []
        self.persons: dict[int, dict[str, Any]] = {}
        self.records_of: dict[int, list[int]] = defaultdict(list)
        self.row_of_record: dict[int, int] = {}  # list_record.id -> row number
        self._keys_of: dict[str, tuple[str, ...]] = {}  # word -> its index keys (build cache)

    def _add_words(self, text: str | None, entry: tuple[str, int]) -> None:
        self._add_tokens(name_tokens(text), entry)

    def _add_tokens(self, tokens: Iterable[str], entry: tuple[str, int]) -> None:
        for tok in tokens:
            keys = self._keys_of.get(tok)
            if keys is None:
                sk, mk = sound_key(tok), _match_key(tok)
                keys = ("t:" + tok, *(("s:" + sk,) if sk else ()), *(("m:" + mk,) if mk else ()))
                self._keys_of[tok] = keys
            for key in keys:
                self.by_key[key].add(entry)

    @classmethod
    def build(cls, case: Case, stamp: tuple[Any, ...]) -> NameIndex:
        t0 = time.perf_counter()
        idx = cls(stamp)
        db = case.db
        for p in db.iterate(
            "SELECT id, uid, display_name, display_name_latin FROM person WHERE active = 1"
        ):
            idx.persons[int(p["id"])] = dict(p)
        sql = (
            "SELECT lr.id, lr.record_id, vl.name AS list_name, lr.full_name, lr.given_name,"
            " lr.surname, rp.person_id FROM list_record lr"
            " JOIN victim_list vl ON vl.id = lr.list_id"
            " LEFT JOIN record_person rp ON rp.list_record_id = lr.id"
            " WHERE vl.active = 1"
        )
        for r in db.iterate(sql):
            row = len(idx.records)
            name = _record_name(r)
            pid = int(r["person_id"]) if r["person_id"] is not None else None
            idx.records.append(
                {
                    "pk": int(r["id"]),
                    "list": r["list_name"],
                    "record_id": r["record_id"],
                    "name": name,
                    "person": pid,
                }
            )
            idx.row_of_record[int(r["id"])] = row
            if pid is not None:
                idx.records_of[pid].append(row)
            tokens = dict.fromkeys(t for f in _NAME_FIELDS for t in name_tokens(r[f]))
            idx._add_tokens(tokens, ("r", row))
        # A person's display names are indexed unless one of their records already bears them.
        for pk, p in idx.persons.items():
            own = {idx.records[i]["name"] for i in idx.records_of.get(pk, ())}
            for name in (p["display_name"], p["display_name_latin"]):
                if name and name not in own:
                    idx._add_words(name, ("p", pk))
        idx.text_keys = sorted(k[2:] for k in idx.by_key if k.startswith("t:"))
        idx._keys_of = {}
        log.info(
            "name index: %d records, %d persons, %d keys in %.2fs",
            len(idx.records),
            len(idx.persons),
            len(idx.by_key),
            time.perf_counter() - t0,
        )
        return idx

    def _word_matches(self, tok: str) -> dict[tuple[str, int], float]:
        out: dict[tuple[str, int], float] = {}
        sk, mk = sound_key(tok), _match_key(tok)
        for e in self.by_key.get("s:" + sk, ()) if sk else ():
            out[e] = 0.6
        for e in self.by_key.get("m:" + mk, ()) if mk else ():
            out[e] = 0.7
        if len(tok) >= 3:
            i = bisect.bisect_left(self.text_keys, tok)
            while i < len(self.text_keys) and self.text_keys[i].startswith(tok):
                for e in self.by_key["t:" + self.text_keys[i]]:
                    out[e] = max(out.get(e, 0.0), 0.8)
                i += 1
        for e in self.by_key.get("t:" + tok, ()):
            out[e] = 1.0
        return out

    def search(self, query: str, limit: int = 50) -> tuple[list[PersonHit], list[dict[str, Any]]]:
        """Persons matching every word of ``query`` (best first) and unlinked matching records.

        A query of three words or more that nobody matches entirely is retried accepting names
        that match all words but one.
        """
        words = name_tokens(query)
        if not words:
            return [], []
        matches = [self._word_matches(w) for w in words]
        scores = self._combine(matches, need=len(words))
        if not scores and len(words) >= 3:
            # A long query (with a title, a middle name, a father's name) may hold one word that
            # no record has: accept names matching all words but one, ranked below full matches.
            scores = self._combine(matches, need=len(words) - 1)
        if not scores:
            return [], []
        person_score: dict[int, float] = {}
        unlinked: list[dict[str, Any]] = []
        for (kind, n), s in scores.items():
            pk = n if kind == "p" else self.records[n]["person"]
            if pk is None:
                unlinked.append(self.records[n] | {"score": s})
                continue
            if pk in self.persons:
                person_score[pk] = max(person_score.get(pk, 0.0), s)
        ranked = sorted(
            person_score, key=lambda pk: (-person_score[pk], -len(self.records_of[pk]), pk)
        )
        hits = [
            self._hit(pk, person_score[pk] / len(words), with_transliteration=i < _TRANSLITERATED)
            for i, pk in enumerate(ranked[:limit])
        ]
        unlinked.sort(key=lambda r: (-r["score"], r["list"], r["record_id"]))
        return hits, unlinked[:limit]

    @staticmethod
    def _combine(
        matches: list[dict[tuple[str, int], float]], need: int
    ) -> dict[tuple[str, int], float]:
        """Entries matched by at least ``need`` of the words, with their summed scores."""
        if need == len(matches):
            scores = dict(matches[0])
            for m in matches[1:]:
                scores = {e: s + m[e] for e, s in scores.items() if e in m}
                if not scores:
                    break
            return scores
        total: dict[tuple[str, int], float] = defaultdict(float)
        count: dict[tuple[str, int], int] = defaultdict(int)
        for m in matches:
            for e, s in m.items():
                total[e] += s
                count[e] += 1
        return {e: s for e, s in total.items() if count[e] >= need}

    def _hit(self, pk: int, score: float, with_transliteration: bool = True) -> PersonHit:
        p = self.persons[pk]
        recs = [self.records[i] for i in self.records_of[pk]]
        fa = p["display_name"] if p["display_name"] and is_persian(p["display_name"]) else None
        latin = p["display_name_latin"] or (
            p["display_name"] if p["display_name"] and not is_persian(p["display_name"]) else None
        )
        for r in recs:
            if fa is None and is_persian(r["name"]):
                fa = r["name"]
            if latin is None and r["name"] and not is_persian(r["name"]):
                latin = r["name"]
        guess: dict[str, str] = {}
        if with_transliteration and fa is None and latin:
            persian = _persian_guess(latin)
            if persian:
                guess["fa"] = persian
        if with_transliteration and latin is None and fa:
            guess["latin"] = _latin_guess(fa)
        return PersonHit(
            transliteration=guess,
            id=str(p["uid"]),
            pk=pk,
            display_name=fa,
            display_name_latin=latin,
            records=[
                {"list": r["list"], "record_id": r["record_id"], "name": r["name"]} for r in recs
            ],
            score=score,
        )


_lock = threading.Lock()
_indexes: dict[str, NameIndex] = {}


def _stamp(case: Case) -> tuple[Any, ...]:
    """Changes when records, lists or persons are added, lists replaced, or linkage runs.

    Only index look-ups and tiny tables: a stamp costs well under a millisecond at any size.
    """
    db = case.db
    parts: list[Any] = [
        db.scalar("SELECT MAX(id) AS m FROM list_record"),
        db.scalar("SELECT MAX(id) AS m FROM person"),
    ]
    row = db.query_one("SELECT MAX(id) AS a, SUM(active) AS b FROM victim_list")
    parts.extend(row.values() if row else ())
    if db.table_exists("link_run"):
        row = db.query_one("SELECT MAX(id) AS a, MAX(finished_at) AS b FROM link_run")
        parts.extend(row.values() if row else ())
    return tuple(parts)


def index_for(case: Case) -> NameIndex:
    """The case's name index, rebuilt when the case changed since it was built."""
    key = str(case.path.resolve())
    stamp = _stamp(case)
    with _lock:
        idx = _indexes.get(key)
        if idx is None or idx.stamp != stamp:
            idx = NameIndex.build(case, stamp)
            _indexes[key] = idx
            # The index is a few million long-lived objects; keep them out of the cyclic garbage
            # collector's full passes, which would otherwise pause requests for 100 ms or more.
            gc.collect()
            gc.freeze()
        return idx


def search_persons(
    case: Case, query: str, *, limit: int = 50
) -> tuple[list[PersonHit], list[dict[str, Any]]]:
    """Persons whose names (or whose records' names) match ``query``, and unlinked matching records.

    Name keys first; then the case's full-text index of records (any field: a city, a prison, a
    note) adds the persons of further matching records, ranked after the name matches.
    """
    idx = index_for(case)
    hits, unlinked = idx.search(query, limit=limit)
    if len(hits) >= limit or not name_tokens(query):
        return hits, unlinked
    seen = {h.pk for h in hits} | {0}
    seen_unlinked = {(r["list"], r["record_id"]) for r in unlinked}
    for fts in search_api.search(case, query, limit=limit, kinds=("record",)):
        row = idx.row_of_record.get(fts.id)
        if row is None:
            continue
        rec = idx.records[row]
        pk = rec["person"]
        if pk is None:
            if (rec["list"], rec["record_id"]) not in seen_unlinked:
                unlinked.append(rec | {"score": 0.3})
                seen_unlinked.add((rec["list"], rec["record_id"]))
        elif pk not in seen and pk in idx.persons:
            hits.append(idx._hit(pk, 0.3, with_transliteration=len(hits) < _TRANSLITERATED))
            seen.add(pk)
        if len(hits) >= limit:
            break
    return hits, unlinked[:limit]


def search_documents(case: Case, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Documents whose text matches every word of ``query`` (full-text index), with a snippet."""
    if not name_tokens(query):
        return []
    return [
        {"id": h.id, "title": h.title, "snippet": h.snippet}
        for h in search_api.search(case, query, limit=limit, kinds=("document",))
    ]

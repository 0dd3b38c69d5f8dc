"""Names in English prose: runs of capitalised words, typed as person, organisation or place.

The rules, in order: a run that is a known place or organisation; a run with an organisation
word ("Ministry", "Council", "International", "Corps"); a run followed by "prison", "cemetery"
and the like (a place); titles and roles ("Mr", "President", "Interior Minister") strip off and
make the rest a person; a given name from the dictionary, or two to four capitalised words, make
a person. A single word is a person when it repeats part of a person named before ("Nouri" after
"Hamid Nouri"), a place after "in", "at" or "from". A sentence's first word is dropped when it is
an ordinary word (listed, or found in lower case elsewhere in the text). Lines in title case
(headlines, menus) only yield runs that a list or a strong rule types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dadkhah.accounts.mentions.lexicon import (
    COMMON_CAPITALISED,
    DEMONYMS,
    KNOWN_ORGS,
    MONTHS,
    ORG_HEADS,
    ORG_WORDS,
    PLACE_HEADS,
    PLACES,
    TITLES,
    given_names,
    iran_places,
    surnames,
)
from dadkhah.model.accounts import Mention

__all__ = ["english_names"]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s\b)?")
_ABBREV = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Prof",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Jr",
    "Sr",
    "No",
}
_JOINERS_ORG = {"of", "for", "on", "the", "and", "or"}
_PARTICLES = {
    "al",
    "el",
    "de",
    "van",
    "von",
    "bin",
    "ibn",
    "da",
    "di",
    "du",
    "der",
    "la",
    "le",
    "ul",
}
_COMPASS = {
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
    "North-West",
    "North-East",
    "South-West",
    "South-East",
}
_SPEECH = {
    "said",
    "says",
    "told",
    "added",
    "denied",
    "argued",
    "wrote",
    "insisted",
    "claimed",
    "testified",
    "who",
    "stated",
    "explained",
    "recalled",
    "replied",
    "admitted",
    "confirmed",
    "warned",
    "urged",
    "was",
    "has",
}
_KNOWN_PREFIXES = frozenset(
    " ".join(name.split()[:i])
    for name in KNOWN_ORGS
    for i in range(1, len(name.split()))
    if len(name.split()) > 1
)
_SUFFIXES = {
    "based",
    "born",
    "led",
    "backed",
    "run",
    "owned",
    "style",
    "era",
    "bound",
    "made",
    "linked",
    "funded",
    "brokered",
    "sponsored",
    "appointed",
    "affiliated",
    "aligned",
    "controlled",
    "imposed",
    "allied",
}
_SINGLE_ORGS = {
    "Judiciary",
    "Majlis",
    "Parliament",
    "Basij",
    "Sepah",
    "Interpol",
    "Europol",
    "Mossad",
    "Hezbollah",
}
_PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "province",
    "region",
    "suburb",
    "district",
    "capital",
    "port",
}
_PLACE_PREPS = {"in", "at", "from", "to", "near", "outside", "inside", "across", "into", "towards"}


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    cap: bool
    poss: bool  # ends in 's
    sent_start: bool
    line: int
    full_end: int  # end including a possessive 's


def _lower_words(text: str) -> set[str]:
    return {m.group(0) for m in re.finditer(r"\b[a-z][a-z'’\-]*\b", text)}


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    line = 0
    prev_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        gap = text[prev_end : m.start()]
        line += gap.count("\n")
        poss = word.endswith(("'s", "’s")) and len(word) > 3
        if poss:
            word = word[:-2]
        head, _, tail = word.rpartition("-")
        if head and tail in _SUFFIXES:
            word = head  # "Oslo-based" names Oslo
        stripped = gap.strip()
        prev = toks[-1] if toks else None
        sent_start = (
            prev is None
            or "\n" in gap
            or (
                stripped[-1:] in {".", "!", "?", ":", "•", "|", "—", "–", '"', "“", "”"}
                and not (
                    stripped == "."
                    and (prev.text in _ABBREV or (len(prev.text) == 1 and prev.text.isupper()))
                )
            )
            or (
                stripped.endswith(('."', ".”", ".'", '?"', '!"', ".)", "..."))
                and not (prev and prev.text in _ABBREV)
            )
        )
        first = word[0]
        cap = first.isupper() or (
            word.startswith(("al-", "el-")) and len(word) > 3 and word[3].isupper()
        )
        toks.append(
            _Tok(word, m.start(), m.start() + len(word), cap, poss, sent_start, line, m.end())
        )
        prev_end = m.end()
    return toks


def _title_case_lines(text: str, toks: list[_Tok]) -> set[int]:
    """Lines that read as headlines, menus or captions: mostly capitalised words and no closing
    full stop, or only a few words."""
    lines = text.split("\n")
    by_line: dict[int, list[_Tok]] = {}
    for t in toks:
        by_line.setdefault(t.line, []).append(t)
    out = set()
    for line, ts in by_line.items():
        words = [t for t in ts if len(t.text) > 3]
        ends_sentence = lines[line].rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))
        if (
            len(ts) >= 4
            and words
            and sum(t.cap for t in words) / len(words) >= 0.7
            and not ends_sentence
        ):
            out.add(line)
        elif len(ts) <= 3 and not ends_sentence:
            out.add(line)  # menu items, bylines, captions of a few words
    return out


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.full_end : b.start]
    if a.poss:
        return gap == " "
    initial = len(a.text) == 1 and a.text.isupper()
    return gap in {" ", "\u00a0"} or (gap in {". ", ".\u00a0"} and (a.text in _ABBREV or initial))


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised tokens, joined by single spaces and by 'of', 'for', particles."""
    runs: list[list[_Tok]] = []
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].cap or toks[i].text in MONTHS:
            i += 1
            continue
        run = [toks[i]]
        j = i + 1
        while j < n:
            prev = run[-1]
            t = toks[j]
            if not _joined(text, prev, t) or t.sent_start:
                break
            if t.cap and t.text not in MONTHS:
                run.append(t)
                j += 1
                continue
            low = t.text.lower()
            if (
                (low in _JOINERS_ORG or low in _PARTICLES)
                and j + 1 < n
                and _joined(text, t, toks[j + 1])
                and toks[j + 1].cap
                and toks[j + 1].text not in MONTHS
            ):
                joiner_ok = low in _PARTICLES or any(
                    x.text in ORG_WORDS
                    or x.text in ORG_HEADS
                    or x.text in {"United", "Islamic", "High"}
                    for x in run
                )
                if _phrase([*run, t]).removeprefix("The ") in _KNOWN_PREFIXES:
                    joiner_ok = True  # "Justice for Iran"
                elif low in {"and", "or"} and (run[-1].text in ORG_HEADS or run[-1].poss):
                    joiner_ok = (
                        False  # "Amnesty International and Human Rights Watch" are two names
                    )
                if joiner_ok and not (low == "the" and run[-1].text not in {"of", "for", "on"}):
                    run.append(t)
                    j += 1
                    continue
                if low == "the" and run[-1].text.lower() in {"of", "for", "on"}:
                    run.append(t)
                    j += 1
                    continue
            break
        while run and not run[-1].cap:
            run.pop()
            j -= 1
        runs.append(run)
        i = max(j, i + 1)
    return runs


def _phrase(ts: list[_Tok]) -> str:
    return " ".join(t.text for t in ts)


def _is_place(s: str) -> bool:
    return s in PLACES or s in iran_places()


def _title_len(ts: list[_Tok]) -> int:
    """How many leading tokens form titles, roles or demonyms ("Iranian President", "Mr")."""
    k = 0
    while k < len(ts):
        for size in (3, 2, 1):
            if k + size <= len(ts) and (
                _phrase(ts[k : k + size]) in TITLES or (size == 1 and ts[k].text in DEMONYMS)
            ):
                k += size
                break
        else:
            break
    return k


@dataclass
class _Found:
    type: str
    start: int
    end: int
    how: str
    role: str | None = None


def _classify(text: str, run: list[_Tok], ctx: dict[str, object]) -> list[_Found]:
    # a leading sentence word that is an ordinary word is not part of a name
    lower_words: set[str] = ctx["lower"]  # type: ignore[assignment]
    title_lines: set[int] = ctx["title_lines"]  # type: ignore[assignment]
    if (
        run
        and run[0].sent_start
        and (
            run[0].text in COMMON_CAPITALISED
            or (
                run[0].text.lower() in lower_words
                and not _is_place(run[0].text)
                and run[0].text not in given_names()
                and run[0].text not in ORG_WORDS
                and run[0].text not in TITLES
            )
        )
    ):
        run = run[1:]
        while run and not run[0].cap:
            run = run[1:]
    if not run:
        return []
    # split at an inner possessive whose owner is itself a name ("Iran's Supreme Leader ...")
    for k, t in enumerate(run[:-1]):
        if t.poss and (
            _is_place(_phrase(run[: k + 1]))
            or _phrase(run[: k + 1]) in KNOWN_ORGS
            or not any(x.text in ORG_WORDS for x in run[k + 1 :])
        ):
            return _classify(text, run[: k + 1], ctx) + _classify(text, run[k + 1 :], ctx)
    # a place or body before a title: "UN Secretary-General Antonio Guterres", "Iran Foreign Minister ..."
    for k in range(1, len(run) - 1):
        head = _phrase(run[:k])
        if (
            (_is_place(head) or head in KNOWN_ORGS)
            and 0 < _title_len(run[k:]) < len(run) - k
            and run[k].text not in DEMONYMS
        ):
            return _classify(text, run[:k], ctx) + _classify(text, run[k:], ctx)
    phrase = _phrase(run)
    start, end = run[0].start, run[-1].end
    prev0 = ctx["prev"].get(run[0].start)  # type: ignore[attr-defined]
    if (
        prev0 is not None
        and prev0.text in {"By", "by"}
        and prev0.sent_start
        and 2 <= len(run) <= 4
        and not any(t.text in ORG_HEADS or t.text in ORG_WORDS or _is_place(t.text) for t in run)
    ):
        return [_Found("person", start, end, "byline")]
    nxt = ctx["next"].get(run[-1].end)  # type: ignore[attr-defined]
    if (
        nxt is not None
        and not all(t.text in DEMONYMS for t in run)
        and nxt.text in PLACE_HEADS
        and not nxt.cap
        and text[run[-1].full_end : nxt.start] == " "
        and not run[-1].poss
        and not any(t.text in ORG_WORDS for t in run)
    ):
        return [_Found("place", start, nxt.end, "place word")]
    if _is_place(phrase) or (
        len(run) > 1 and run[0].text in _COMPASS and _is_place(_phrase(run[1:]))
    ):
        return [_Found("place", start, end, "gazetteer")]
    if phrase in KNOWN_ORGS or (phrase.startswith("The ") and phrase[4:] in KNOWN_ORGS):
        return [_Found("organization", start, end, "organisation list")]
    if all(t.text in DEMONYMS or t.text in COMMON_CAPITALISED for t in run):
        return []
    if (
        any(t.text in ORG_HEADS or t.text in ORG_WORDS for t in run[1:])
        or run[0].text in ORG_WORDS
        or (
            len(run) == 1
            and len(phrase) >= 2
            and phrase.replace(".", "").isupper()
            and len(phrase) <= 6
        )
    ):
        if len(run) == 1 and phrase.replace(".", "").isupper() and phrase not in KNOWN_ORGS:
            if phrase.replace(".", "") in {"US", "UK", "UAE", "USA"}:
                return [_Found("place", start, end, "gazetteer")]
            if len(phrase.replace(".", "")) < 3 or run[0].line in title_lines:
                return []
        k = _title_len(run)
        if 0 < k < len(run) and run[k - 1].text in DEMONYMS and k == 1:
            start = (
                run[1].start
            )  # "Swedish Prosecution Authority" stays whole; "Iranian Ministry" drops "Iranian"
        return [_Found("organization", start, end, "organisation word")]
    if run[-1].text in PLACE_HEADS and len(run) > 1:
        return [_Found("place", start, end, "place word")]
    k = _title_len(run)
    if k:
        rest = run[k:]
        if not rest:
            return []
        role = text[run[0].start : run[k - 1].end]
        sub = _classify(text, rest, ctx) if len(rest) < len(run) else []
        if (
            sub
            and sub[0].type != "person"
            and not any(t.text in TITLES and t.text not in DEMONYMS for t in run[:k])
        ):
            return sub  # "Iranian Ministry of ..." / "Swedish Stockholm"
        return [_Found("person", rest[0].start, rest[-1].end, "title", role)]
    if any(t.text in given_names() or t.text in surnames() for t in run) and len(run) <= 5:
        return [_Found("person", start, end, "name dictionary")]
    if (
        2 <= len(run) <= 4
        and run[0].line not in title_lines
        and not any(t.text in DEMONYMS or t.text in MONTHS for t in run)
    ):
        return [_Found("person", start, end, "capitalised words")]
    if len(run) == 1:
        word = run[0].text
        persons: set[str] = ctx["person_parts"]  # type: ignore[assignment]
        if word in persons:
            return [_Found("person", start, end, "earlier name")]
        if (
            word in DEMONYMS
            or word in COMMON_CAPITALISED
            or word in TITLES
            or run[0].line in title_lines
        ):
            return []
        if word in surnames():
            return [_Found("person", start, end, "name dictionary")]
        if word in _SINGLE_ORGS:
            return [_Found("organization", start, end, "organisation word")]
        nxt1 = ctx["next"].get(run[0].end)  # type: ignore[attr-defined]
        if (
            not run[0].sent_start
            and word.lower() not in lower_words
            and (
                run[0].poss
                or (
                    nxt1 is not None
                    and nxt1.text in _SPEECH
                    and text[run[0].full_end : nxt1.start] == " "
                )
            )
        ):
            return [_Found("person", start, end, "before a verb of speech")]
        prev = ctx["prev"].get(run[0].start)  # type: ignore[attr-defined]
        before = ctx["prev"].get(prev.start) if prev is not None else None  # type: ignore[attr-defined]
        after_of = (
            prev is not None
            and prev.text == "of"
            and before is not None
            and before.text in _PLACE_NOUNS
        )
        if (
            prev is not None
            and (prev.text in _PLACE_PREPS or after_of)
            and word not in DEMONYMS
            and word not in COMMON_CAPITALISED
            and run[0].line not in title_lines
            and word.lower() not in lower_words
        ):
            return [_Found("place", start, end, "after a preposition")]
    return []


def english_names(text: str) -> list[Mention]:
    """Person, organisation and place mentions found by capitalisation rules, in text order."""
    toks = _tokens(text)
    ctx: dict[str, object] = {
        "lower": _lower_words(text),
        "title_lines": _title_case_lines(text, toks),
        "next": {toks[i].end: toks[i + 1] for i in range(len(toks) - 1)},
        "prev": {toks[i + 1].start: toks[i] for i in range(len(toks) - 1)},
        "person_parts": set(),
    }
    runs = _runs(text, toks)
    found: list[_Found] = []
    singles: list[list[_Tok]] = []
    for run in runs:
        if len(run) == 1:
            singles.append(run)
            continue
        for f in _classify(text, run, ctx):
            found.append(f)
            if f.type == "person":
                parts = ctx["person_parts"]
                for w in text[f.start : f.end].split():
                    if w[0].isupper() and w not in TITLES:
                        parts.add(w)  # type: ignore[attr-defined]
    for run in singles:
        found.extend(_classify(text, run, ctx))
    out = []
    for f in sorted(found, key=lambda f: f.start):
        value = {"role": f.role} if f.role else None
        out.append(Mention(f.type, text[f.start : f.end], f.start, f.end, f.how, (), value))
        if f.type == "organization":
            out.extend(_nested_places(text, f.start, f.end))
    return out


def _nested_places(text: str, start: int, end: int) -> list[Mention]:
    """Places named inside an organisation's name ("Stockholm" in "Stockholm District Court")."""
    out = []
    for m in re.finditer(r"[^\W\d_]+(?:[ \-][^\W\d_]+)?", text[start:end]):
        for cand in (m.group(0), m.group(0).split(" ")[0]):
            if _is_place(cand) and cand not in DEMONYMS:
                s = start + m.start()
                out.append(Mention("place", cand, s, s + len(cand), "place in a name"))
                break
    return out

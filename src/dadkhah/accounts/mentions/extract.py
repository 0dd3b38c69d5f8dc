"""Find the mentions in a document's text: known entities first, then dates and figures, then
names by the English and Persian rules. Overlaps are settled by that order, then by length; a
place inside an organisation's name ("Stockholm" in "Stockholm District Court") is kept as well."""

from __future__ import annotations

from dadkhah.accounts.mentions.dates import dates
from dadkhah.accounts.mentions.english import english_names
from dadkhah.accounts.mentions.figures import figures
from dadkhah.accounts.mentions.known import KnownName, candidates_for, known_mentions
from dadkhah.accounts.mentions.persian import persian_names
from dadkhah.accounts.mentions.spacy_names import spacy_names
from dadkhah.model.accounts import MENTION_TYPES, Mention
from dadkhah.store.db import Database

__all__ = ["extract_mentions", "known_names"]


def known_names(db: Database) -> list[KnownName]:
    """Names and aliases of the case's persons, organisations, posts and sites."""
    out: list[KnownName] = []
    for r in db.query("SELECT uid, display_name, display_name_latin FROM person WHERE active = 1"):
        label = r["display_name"] or r["display_name_latin"] or r["uid"]
        for n in {r["display_name"], r["display_name_latin"]} - {None, ""}:
            out.append(KnownName(str(n), str(r["uid"]), "person", str(label)))
    for table, etype, col in (("organization", "organization", "name"), ("site", "site", "name")):
        for r in db.query(f"SELECT uid, {col} AS label FROM {table}"):
            out.append(KnownName(str(r["label"]), str(r["uid"]), etype, str(r["label"])))
    labels = {(k.entity_type, k.uid): k.label for k in out}
    for r in db.query(
        "SELECT c.value_text, c.subject_type, c.subject_id FROM claim c WHERE c.kind = 'name'"
        " AND c.subject_type IN ('person', 'organization', 'site')"
    ):
        table = {"person": "person", "organization": "organization", "site": "site"}[
            r["subject_type"]
        ]
        uid = db.scalar(f"SELECT uid FROM {table} WHERE id = ?", (r["subject_id"],))
        if uid and r["value_text"]:
            out.append(
                KnownName(
                    str(r["value_text"]),
                    str(uid),
                    str(r["subject_type"]),
                    labels.get((str(r["subject_type"]), str(uid)), str(r["value_text"])),
                )
            )
    return out


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def extract_mentions(
    text: str,
    known: list[KnownName] | None = None,
    types: tuple[str, ...] = MENTION_TYPES,
    *,
    use_spacy: bool = True,
) -> list[Mention]:
    """Mentions in ``text`` in order of position; ``text[m.start:m.end] == m.text`` for each.
    An installed spaCy pipeline fills gaps the rules leave unless ``use_spacy`` is False."""
    known = known or []
    tiers = [
        known_mentions(text, known),
        dates(text) + figures(text),
        english_names(text) + persian_names(text),
    ]
    if use_spacy:
        tiers.append(spacy_names(text))
    kept: list[Mention] = []
    nested: list[Mention] = []
    for tier in tiers:
        for m in sorted(tier, key=lambda m: (-(m.end - m.start), m.start)):
            if m.how == "place in a name":
                nested.append(m)
                continue
            if not any(_overlaps(m, k) for k in kept):
                kept.append(m)
    for m in nested:
        inside_org = any(
            k.type == "organization" and k.start <= m.start and m.end <= k.end for k in kept
        )
        clash = any(_overlaps(m, k) and k.type != "organization" for k in kept)
        if (
            inside_org
            and not clash
            and not any(k.start == m.start and k.end == m.end for k in kept)
        ):
            kept.append(m)
    out = []
    for m in sorted(kept, key=lambda m: (m.start, -m.end)):
        if m.type not in types:
            continue
        if not m.candidates and m.type in {"person", "organization", "place"}:
            m = Mention(m.type, m.text, m.start, m.end, m.how, candidates_for(m, known), m.value)
        out.append(m)
    return out

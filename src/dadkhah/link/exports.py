"""Exports of a case's linkage: one row per record (links) or per person (persons)."""

from __future__ import annotations

import csv
from pathlib import Path

from dadkhah.errors import LinkageError
from dadkhah.store import Database

__all__ = ["LINKS_HEADER", "PERSONS_HEADER", "export_links", "export_persons"]

LINKS_HEADER = ("list", "record_id", "person_id", "match_probability")
PERSONS_HEADER = (
    "person_id", "display_name", "display_name_latin", "sex", "birth_year_from", "birth_year_to",
    "records", "lists",
)  # fmt: skip


def _check_linked(db: Database) -> None:
    missing = db.scalar(
        "SELECT COUNT(*) FROM list_record r JOIN victim_list l ON l.id = r.list_id"
        " LEFT JOIN record_person rp ON rp.list_record_id = r.id"
        " WHERE l.active = 1 AND l.superseded_by IS NULL AND rp.person_id IS NULL"
    )
    if missing:
        raise LinkageError(
            f"{missing} record(s) of the active lists are not linked yet; run 'dadkhah link CASE' first"
        )


def export_links(db: Database, out: Path) -> int:
    """Write ``list,record_id,person_id,match_probability`` for every active record."""
    _check_linked(db)
    n = 0
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(LINKS_HEADER)
        for r in db.iterate(
            "SELECT l.name AS list_name, r.record_id, p.uid, rp.match_probability"
            " FROM list_record r JOIN victim_list l ON l.id = r.list_id"
            " JOIN record_person rp ON rp.list_record_id = r.id"
            " JOIN person p ON p.id = rp.person_id"
            " WHERE l.active = 1 AND l.superseded_by IS NULL ORDER BY l.name, r.id"
        ):
            prob = r["match_probability"]
            w.writerow(
                [
                    r["list_name"],
                    r["record_id"],
                    r["uid"],
                    "" if prob is None else f"{float(prob):.6f}",
                ]
            )
            n += 1
    return n


def export_persons(db: Database, out: Path) -> int:
    """Write one row per active person with display names and how many lists name them."""
    _check_linked(db)
    n = 0
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(PERSONS_HEADER)
        for r in db.iterate(
            "SELECT p.uid, p.display_name, p.display_name_latin, p.sex, p.birth_year_from,"
            " p.birth_year_to, COUNT(rp.list_record_id) AS records, COUNT(DISTINCT l.name) AS lists"
            " FROM person p JOIN record_person rp ON rp.person_id = p.id"
            " JOIN list_record r ON r.id = rp.list_record_id JOIN victim_list l ON l.id = r.list_id"
            " WHERE p.active = 1 GROUP BY p.id, p.uid, p.display_name, p.display_name_latin,"
            " p.sex, p.birth_year_from, p.birth_year_to ORDER BY p.uid"
        ):
            w.writerow(
                [
                    "" if r[c] is None else r[c]
                    for c in (
                        "uid",
                        "display_name",
                        "display_name_latin",
                        "sex",
                        "birth_year_from",
                        "birth_year_to",
                        "records",
                        "lists",
                    )
                ]
            )
            n += 1
    return n

"""Linkage errors by cause: which true pairs were split and which false pairs merged.

    python bench/link/errors.py DATA_DIR LINKS.csv [--show 20]

DATA_DIR holds lists/*.csv and truth.csv (as bench/link/realistic.py and ``dadkhah simulate``
write them); LINKS.csv is ``dadkhah export CASE links``. For every wrong pair the record
features (dadkhah.link.features) are compared field by field, and the pairs are counted by
the first fields that disagree, so the biggest causes show first.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets

from dadkhah.link.features import build_features

FIELDS = ["given_k1", "surname_k1", "father_k1", "given_k2", "surname_k2", "name_k1",
          "sex", "birth_year", "birth_from", "city_key", "prison_key"]  # fmt: skip
SHOW = [
    "list",
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex_text",
    "birth_date",
    "city",
]


def _diff(a: pd.Series, b: pd.Series) -> str:
    out = []
    for f in FIELDS:
        x, y = a[f], b[f]
        if pd.isna(x) or pd.isna(y):
            if pd.isna(x) != pd.isna(y) and f in ("given_k1", "surname_k1", "birth_from"):
                out.append(f"{f}:missing")
            continue
        if f == "birth_from":
            if abs(int(x) - int(y)) > 3:
                out.append("birth>3y")
        elif f != "birth_year" and x != y:
            out.append(f)
    return ",".join(out) or "(all agree)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("links", type=Path)
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    rec = datasets.load_simulated(args.data)
    links = pd.read_csv(args.links, dtype=str)
    rec = rec.merge(links[["list", "record_id", "person_id"]], on=["list", "record_id"])
    feats = build_features(rec).set_index("unique_id")
    rec = rec.set_index("unique_id")
    both = rec.drop(columns=["sex"], errors="ignore").join(feats)
    both["sex_text"] = rec.get("sex")

    def pairs(col: str) -> set[tuple[int, int]]:
        out: set[tuple[int, int]] = set()
        for _, g in rec.groupby(col):
            out.update(itertools.combinations(sorted(g.index), 2))
        return out

    true, pred = pairs("truth"), pairs("person_id")
    for title, wrong in (
        ("split (false negatives)", true - pred),
        ("merged (false positives)", pred - true),
    ):
        causes: Counter[str] = Counter()
        examples: dict[str, list[tuple[int, int]]] = {}
        for a, b in wrong:
            c = _diff(both.loc[a], both.loc[b])
            causes[c] += 1
            examples.setdefault(c, []).append((a, b))
        print(f"\n## {title}: {len(wrong)} pairs")
        for c, n in causes.most_common(args.show):
            print(f"{n:5d}  {c}")
            for a, b in examples[c][:3]:
                for u in (a, b):
                    r = both.loc[u]
                    print(
                        "        ",
                        " | ".join(str(r[s]) for s in SHOW if s in r and pd.notna(r[s])),
                        "::",
                        r["given_k1"],
                        r["surname_k1"],
                        r["father_k1"],
                    )
                print()


if __name__ == "__main__":
    main()

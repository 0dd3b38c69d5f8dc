"""Web workbench speed: name search on a case of 100,000 records, and a review decision round trip.

Run:  PYTHONPATH=src python -m bench.web.bench_web [--records 100000] [--queries 300]
Writes bench/results/web.json and prints a summary. Targets (issue 7): search p95 < 100 ms on
100,000 records; review decision round trip (POST the verdict, follow the redirect to the next
pair) < 100 ms. Everything goes through the real app in-process (login gate, session lookup,
CSRF check, rendering), without network.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from fastapi.testclient import TestClient

from dadkhah import __version__
from dadkhah.api import auth as auth_api
from dadkhah.store import init_case
from dadkhah.store.search import index_records
from dadkhah.web import WebSettings, create_app

PASSWORD = "benchmark password"
RESULTS = Path(__file__).resolve().parents[1] / "results" / "web.json"


def _names(kind: str) -> list[tuple[str, list[str]]]:
    text = (resources.files("dadkhah.names") / "data" / f"persian_{kind}.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        latin = [row["latin_common"], *[v for v in row["variants"].split("|") if v]]
        out.append((row["persian"], latin))
    return out


def build_case(folder: Path, records: int, seed: int) -> tuple[Path, list[str]]:
    """Half the records in a Persian-script list, half in a Latin-script list, linked in pairs."""
    rng = random.Random(seed)
    given, surnames = _names("given_names"), _names("surnames")
    case = init_case(folder / "case")
    db = case.db
    now = datetime.now(UTC).isoformat()
    persons = records // 2
    queries: list[str] = []
    with db.transaction():
        fa = db.insert(
            "INSERT INTO victim_list (name, imported_at, imported_by, record_count)"
            " VALUES ('list_fa', ?, 'bench', ?)",
            (now, persons),
        )
        en = db.insert(
            "INSERT INTO victim_list (name, imported_at, imported_by, record_count)"
            " VALUES ('list_en', ?, 'bench', ?)",
            (now, persons),
        )
        person_rows, rec_rows, link_rows = [], [], []
        for i in range(1, persons + 1):
            g, s = rng.choice(given), rng.choice(surnames)
            fa_name, en_name = f"{g[0]} {s[0]}", f"{rng.choice(g[1])} {rng.choice(s[1])}"
            person_rows.append((i, f"P{i:07d}", fa_name, en_name, now))
            rec_rows.append((2 * i - 1, fa, f"F{i}", "{}", fa_name))
            rec_rows.append((2 * i, en, f"E{i}", "{}", en_name))
            link_rows += [(2 * i - 1, i), (2 * i, i)]
            if len(queries) < 2000 and rng.random() < 0.05:
                queries.append(
                    fa_name if rng.random() < 0.5 else f"{rng.choice(g[1])} {rng.choice(s[1])}"
                )
        db.executemany(
            "INSERT INTO person (id, uid, display_name, display_name_latin, created_at,"
            " created_by) VALUES (?, ?, ?, ?, ?, 'bench')",
            person_rows,
        )
        db.executemany(
            "INSERT INTO list_record (id, list_id, record_id, raw, full_name)"
            " VALUES (?, ?, ?, ?, ?)",
            rec_rows,
        )
        db.executemany(
            "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)", link_rows
        )
        # the full-text index an import builds
        index_records(db, [r[0] for r in rec_rows], [[r[4] for r in rec_rows]])
        run = db.insert(
            "INSERT INTO link_run (started_at, actor, engine, settings, input_hash, version)"
            " VALUES (?, 'bench', 'bench', '{}', 'x', 'bench')",
            (now,),
        )
        db.executemany(
            "INSERT INTO link_review (run_id, record_a, record_b, match_probability, reason,"
            " status) VALUES (?, ?, ?, ?, 'bench', 'open')",
            [(run, 2 * i - 1, 2 * i + 2, 0.5) for i in range(1, 401)],
        )
    auth_api.add_user(case, "bench", role="reviewer", password=PASSWORD, actor="bench")
    path = case.path
    case.close()
    return path, queries


def _ms(samples: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(samples, n=100)
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(qs[94], 2),
        "max_ms": round(max(samples), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--decisions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path, queries = build_case(Path(tmp), args.records, args.seed)
        build_s = time.perf_counter() - t0
        app = create_app(WebSettings(case_path=path))
        with TestClient(app, follow_redirects=False) as c:
            page = c.get("/login")
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            c.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/").text).group(1)  # type: ignore[union-attr]
            t0 = time.perf_counter()
            first = c.get("/api/persons", params={"q": "warm up"})
            index_s = time.perf_counter() - t0
            assert first.status_code == 200
            api, html, found = [], [], 0
            for q in queries[: args.queries]:
                t = time.perf_counter()
                r = c.get("/api/persons", params={"q": q})
                api.append((time.perf_counter() - t) * 1000)
                found += bool(r.json())
                t = time.perf_counter()
                c.get("/persons", params={"q": q})
                html.append((time.perf_counter() - t) * 1000)
            review = []
            for _ in range(args.decisions):
                item = re.search(r'data-review-id="(\d+)"', c.get("/review").text)
                if item is None:
                    break
                t = time.perf_counter()
                r = c.post(
                    f"/review/{item.group(1)}", data={"verdict": "not_same", "csrf_token": csrf}
                )
                nxt = c.get(r.headers["location"])
                review.append((time.perf_counter() - t) * 1000)
                assert nxt.status_code == 200
    result = {
        "benchmark": "web",
        "version": __version__,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
        "cpus": os.cpu_count(),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),  # the machine is shared
        "records": args.records,
        "case_build_s": round(build_s, 2),
        "first_search_with_index_build_s": round(index_s, 2),
        "search_api": _ms(api),
        "search_page": _ms(html),
        "queries_with_hits": found,
        "queries": len(api),
        "review_round_trip": _ms(review),
        "targets": {"search_p95_ms": 100, "review_round_trip_ms": 100},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

"""The demo: the whole chain on a simulated 1988-style case, offline, in a few minutes.

Simulate lists with known truth → create a case → import every list → add sample documents →
link → load sample accounts → estimate (three methods, and stratified) → write the report → create
a demo login. Every step goes through the same use cases as the CLI.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dadkhah.api import accounts as accounts_api
from dadkhah.api import auth as auth_api
from dadkhah.api import case as case_api
from dadkhah.api import estimate as estimate_api
from dadkhah.api import evidence as evidence_api
from dadkhah.api import link as link_api
from dadkhah.api import lists as lists_api
from dadkhah.api import report as report_api
from dadkhah.api import simulate as simulate_api
from dadkhah.errors import Conflict

__all__ = ["DEMO_PASSWORD", "DEMO_USER", "DemoSummary", "run_demo"]

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-password"  # a local demo case only; printed so a new user can log in
MARKER = "demo.json"

Step = Callable[[str, int, int], None]
"""Progress callback: (what is happening, done, total)."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    case: Path
    true_n: int
    lists: list[dict[str, Any]]
    records: int
    persons: int
    pending_review: int
    documents: int
    estimates: list[dict[str, Any]]
    report_html: Path
    report_pdf: Path | None
    report_pages: int | None
    seconds: float
    login: tuple[str, str]
    steps: dict[str, float] = field(default_factory=dict)


def _prepare(out: Path, force: bool) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise Conflict(f"{out} exists and is not a folder")
    if not any(out.iterdir()):
        return
    if not force:
        raise Conflict(f"{out} already exists; pass --force to replace the demo case there")
    if not (out / MARKER).is_file():
        raise Conflict(f"{out} is not a demo case made by 'dadkhah demo'; refusing to delete it")
    shutil.rmtree(out)


def _documents() -> list[Path]:
    root = resources.files("dadkhah.api") / "demo_data"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.startswith("report-"))


def run_demo(
    out: Path | str = "demo-case",
    *,
    persons: int = 5000,
    seed: int = 1988,
    lists: int = 5,
    force: bool = False,
    pdf: bool = True,
    progress: Step | None = None,
) -> DemoSummary:
    """Run the whole demo into ``out`` and return what a new user should see."""
    out = Path(out)
    started = time.perf_counter()
    steps: dict[str, float] = {}
    report = progress or (lambda what, done, total: None)
    total_steps = 8

    def step(i: int, what: str) -> float:
        report(what, i, total_steps)
        return time.perf_counter()

    _prepare(out, force)
    t = step(0, "simulating lists")
    with tempfile.TemporaryDirectory(prefix="dadkhah-demo-") as tmp:
        sim = simulate_api.simulate_to_folder(
            Path(tmp) / "sim", persons=persons, seed=seed, lists=lists
        )
        steps["simulate"] = time.perf_counter() - t

        t = step(1, "creating the case and importing lists")
        case = case_api.init(out)
        try:
            shutil.copyfile(sim["files"]["truth_json"], out / "truth.json")
            shutil.copyfile(sim["files"]["truth"], out / "truth.csv")
            (out / MARKER).write_text(
                json.dumps({"persons": persons, "seed": seed, "lists": lists}, indent=2),
                encoding="utf-8",
            )
            imported = lists_api.import_lists(
                case, list(sim["files"]["lists"].values()), source_title=None, actor="demo"
            )
            steps["import"] = time.perf_counter() - t

            t = step(2, "adding sample documents")
            added = evidence_api.add_files(case, _documents(), source_type="report", actor="demo")
            steps["documents"] = time.perf_counter() - t
            auth_api.add_user(case, DEMO_USER, role="admin", password=DEMO_PASSWORD, actor="demo")
        finally:
            case.close()

    t = step(3, "linking records to persons")
    run = link_api.link_case(out, actor="demo")
    steps["link"] = time.perf_counter() - t

    t = step(4, "loading sample accounts")
    _load_accounts(out)
    steps["accounts"] = time.perf_counter() - t

    t = step(5, "estimating the toll")
    estimates = _estimates(out, seed)
    steps["estimate"] = time.perf_counter() - t

    t = step(6, "writing the report")
    files = report_api.write_report(out, pdf=pdf, actor="demo")
    steps["report"] = time.perf_counter() - t
    report("done", total_steps, total_steps)

    true_n = int(json.loads((out / "truth.json").read_text(encoding="utf-8"))["N"])
    return DemoSummary(
        case=out,
        true_n=true_n,
        lists=[{"name": r.list_name, "records": r.records} for r in imported],
        records=sum(r.records for r in imported),
        persons=run.person_count,
        pending_review=run.review_count,
        documents=len(added),
        estimates=estimates,
        report_html=files.html,
        report_pdf=files.pdf,
        report_pages=files.pdf_pages,
        seconds=time.perf_counter() - started,
        login=(DEMO_USER, DEMO_PASSWORD),
        steps=steps,
    )


def _load_accounts(out: Path) -> None:
    """Load the sample accounts shipped with the package (a commission, posts, sites, figures)."""
    with case_api.open_case(out) as case:
        accounts_api.import_file(case, accounts_api.example_path(), actor="demo")


DEMO_ESTIMATES: tuple[tuple[str, str | None, dict[str, Any]], ...] = (
    ("lcmcr", None, {}),
    ("loglinear", None, {"model": "best-bic"}),
    ("dga", None, {}),
    # one latent-class fit per province: shorter chains than the default keep the demo to a few
    # minutes; the settings are stored with the estimate and printed in the report
    ("lcmcr", "province", {"burn_in": 5_000, "draws": 1_000, "thin": 20}),
)


def _estimates(out: Path, seed: int) -> list[dict[str, Any]]:
    """Run the three estimators, and the latent-class model stratified by province; all stored."""
    rows: list[dict[str, Any]] = []
    for method, by, settings in DEMO_ESTIMATES:
        outcome = estimate_api.estimate(
            out, method=method, by=by, seed=seed, actor="demo", **settings
        )
        e = outcome.estimate
        rows.append(
            {
                "method": e.method,
                "model": e.model,
                "by": by,
                "estimate": e.estimate,
                "lower": e.lower,
                "upper": e.upper,
                "interval_kind": e.interval_kind,
                "interval_prob": e.interval_prob,
                "observed": e.observed,
                "seconds": e.seconds,
            }
        )
    return rows

"""Build a case report: gather plain report data from the case, render HTML (and PDF), audit it."""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dadkhah import __version__
from dadkhah.api import accounts as accounts_api
from dadkhah.api import estimate as estimate_api
from dadkhah.api import link as link_api
from dadkhah.places import outline_rings
from dadkhah.report import (
    AuditSummary,
    EstimateSection,
    EvidenceRow,
    FigureClaim,
    LinkageSummary,
    ListSummary,
    PostingRow,
    ReportContext,
    SiteRow,
    render_html,
    render_pdf,
)
from dadkhah.store import Case, open_case
from dadkhah.store.audit import head, record, verify_chain

__all__ = ["ReportFiles", "build_context", "write_report"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReportFiles:
    html: Path
    pdf: Path | None
    pdf_pages: int | None
    audit_head: str


def _lists(case: Case) -> tuple[ListSummary, ...]:
    rows = case.db.query(
        "SELECT l.name, l.record_count, l.imported_at, s.title AS source_title, e.sha256"
        " FROM victim_list l LEFT JOIN source s ON s.id = l.source_id"
        " LEFT JOIN evidence e ON e.id = l.evidence_id WHERE l.active = 1 ORDER BY l.name"
    )
    return tuple(
        ListSummary(
            r["name"], int(r["record_count"]), r["source_title"], r["sha256"], r["imported_at"]
        )
        for r in rows
    )


def _overlaps(case: Case, names: tuple[str, ...]) -> tuple[tuple[tuple[int, ...], int], ...]:
    rows = case.db.query(
        "SELECT DISTINCT rp.person_id, l.name FROM record_person rp"
        " JOIN list_record r ON r.id = rp.list_record_id"
        " JOIN victim_list l ON l.id = r.list_id WHERE l.active = 1"
    )
    index = {n: i for i, n in enumerate(names)}
    by_person: dict[int, list[int]] = {}
    for r in rows:
        by_person.setdefault(int(r["person_id"]), [0] * len(names))[index[r["name"]]] = 1
    counts = Counter(tuple(p) for p in by_person.values())
    return tuple(sorted(counts.items()))


def _linkage(case: Case) -> LinkageSummary | None:
    persons = int(case.db.scalar("SELECT COUNT(DISTINCT person_id) AS n FROM record_person") or 0)
    if persons == 0:
        return None
    records = int(
        case.db.scalar(
            "SELECT COUNT(*) AS n FROM list_record r JOIN victim_list l ON l.id = r.list_id WHERE l.active = 1"
        )
        or 0
    )
    linked = int(case.db.scalar("SELECT COUNT(*) AS n FROM record_person") or 0)
    pending, decided, run = _review_counts(case)
    return LinkageSummary(records, linked, persons, pending, decided, run)


def _review_counts(case: Case) -> tuple[int, int, dict[str, Any] | None]:
    """Pending and decided review items, and the latest linkage run."""
    status = link_api.review_status(case)
    pending, decided = status["pending"], status["decided"]
    runs = link_api.list_runs(case)
    run: dict[str, Any] | None = None
    if runs:
        last = runs[-1]
        run = {
            "run": last.id,
            "finished": last.finished_at,
            "engine": last.engine,
            "records": last.record_count,
            "persons": last.person_count,
            "candidate pairs": last.pair_count,
            "sent to review": last.review_count,
            "automatic links": last.auto_links,
            "input hash": last.input_hash,
            "version": last.version,
            "review decisions applied": last.decisions_applied,
        }
    return pending, decided, run


def _evidence(case: Case) -> tuple[EvidenceRow, ...]:
    custody: dict[int, list[str]] = {}
    for r in case.db.query("SELECT evidence_id, at, actor, action FROM custody_event ORDER BY id"):
        custody.setdefault(int(r["evidence_id"]), []).append(
            f"{r['at'][:19]} {r['action']} by {r['actor']}"
        )
    rows = case.db.query("SELECT * FROM evidence ORDER BY id")
    return tuple(
        EvidenceRow(
            int(r["id"]),
            r["title"],
            r["original_name"],
            r["sha256"],
            int(r["size"]),
            r["media_type"],
            r["received_at"],
            int(r["derived_from"]) if r["derived_from"] is not None else None,
            r["operation"],
            tuple(custody.get(int(r["id"]), ())),
        )
        for r in rows
    )


def _audit(case: Case) -> AuditSummary:
    n, broken = verify_chain(case.db)
    last = case.db.query_one("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1")
    return AuditSummary(n, head(case.db), last["at"] if last else None, broken is None)


def _estimates(case: Case) -> tuple[tuple[EstimateSection, ...], tuple[dict[str, Any], ...]]:
    stored = estimate_api.report_estimates(case)
    sections = tuple(EstimateSection(s["title"], s["result"], s.get("plot_svg")) for s in stored)
    comparison = tuple(s["result"] for s in stored if not s["result"].get("strata"))
    return sections, comparison


def _accounts(
    case: Case,
) -> tuple[tuple[FigureClaim, ...], tuple[PostingRow, ...], tuple[SiteRow, ...]]:
    """Contested figures, postings and sites, as the accounts use cases give them."""
    figures: list[FigureClaim] = []
    for group in accounts_api.contested_figures(case):
        for f in group["figures"]:
            figures.append(
                FigureClaim(
                    quantity=str(group["quantity"]),
                    value=str(f.get("as_written") or f.get("value")),
                    source="; ".join(s["title"] for s in f["sources"]),
                    citation="; ".join(s["locator"] for s in f["sources"] if s.get("locator"))
                    or "–",
                    status=str(f["status"]),
                    confidence=f.get("confidence"),
                )
            )
    postings: list[PostingRow] = []
    for claim in accounts_api.list_claims(case, kind="posting"):
        dates = claim.dates.text or "–" if claim.dates else "–"
        if claim.dates and (claim.dates.start or claim.dates.end):
            dates = f"{claim.dates.start or '?'} – {claim.dates.end or '?'}"
        post = accounts_api.get_entity(case, claim.object.uid) if claim.object else None
        org = None
        if post is not None and post.fields.get("organization"):
            org = accounts_api.get_entity(case, str(post.fields["organization"])).label
        postings.append(
            PostingRow(
                person=claim.subject.label if claim.subject else "–",
                post=claim.object.label if claim.object else "–",
                organization=org,
                dates=dates,
                citations=tuple(
                    (c.source_title or f"source {c.source_id}") + (f" ({c.note})" if c.note else "")
                    for c in claim.citations
                ),
                status=claim.status,
            )
        )
    sites: list[SiteRow] = []
    for feature in accounts_api.export_geojson(case, max_confidentiality="restricted")["features"]:
        props = feature["properties"]
        lon, lat = (
            feature["geometry"]["coordinates"][:2]
            if feature["geometry"]["type"] == "Point"
            else (None, None)
        )
        sites.append(
            SiteRow(
                name=str(props["name"]),
                kind=str(props.get("site_type") or "site"),
                lat=lat,
                lon=lon,
                precision=props.get("coordinate_precision"),
            )
        )
    return tuple(figures), tuple(postings), tuple(sites)


def build_context(case: Case) -> ReportContext:
    """Everything the report shows, as plain objects."""
    lists = _lists(case)
    names = tuple(sorted(item.name for item in lists))
    estimates, comparison = _estimates(case)
    figures, postings, sites = _accounts(case)
    notes: list[str] = []
    truth = case.path / "truth.json"
    if truth.is_file():
        n = json.loads(truth.read_text(encoding="utf-8")).get("N")
        notes.append(f"This is a simulated case: the true number of victims is {n:,}.")
    return ReportContext(
        case_name=case.name,
        version=__version__,
        audit=_audit(case),
        lists=lists,
        list_names=names,
        overlaps=_overlaps(case, names),
        linkage=_linkage(case),
        estimates=estimates,
        comparison=comparison,
        figures=figures,
        postings=postings,
        sites=sites,
        evidence=_evidence(case),
        notes=tuple(notes),
    )


def write_report(case_path: Path | str, *, pdf: bool = False, actor: str = "cli") -> ReportFiles:
    """Write ``CASE/report.html`` (and ``CASE/report.pdf``); the export is audited afterwards,
    so the head hash printed in the report is the one before this export."""
    with open_case(case_path) as case:
        ctx = build_context(case)
        html = render_html(ctx, outline=_outline())
        html_path = case.path / "report.html"
        html_path.write_text(html, encoding="utf-8")
        pdf_path: Path | None = None
        pages: int | None = None
        if pdf:
            data = render_pdf(html)
            pdf_path = case.path / "report.pdf"
            pdf_path.write_bytes(data)
            pages = _count_pages(data)
        with case.db.transaction():
            record(
                case.db,
                actor=actor,
                action="report.export",
                target=f"case:{case.name}",
                details={
                    "html": html_path.name,
                    "pdf": pdf_path.name if pdf_path else None,
                    "audit_head": ctx.audit.head_hash,
                    "entries": ctx.audit.entries,
                },
            )
        return ReportFiles(html_path, pdf_path, pages, ctx.audit.head_hash)


def _count_pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _outline() -> list[list[tuple[float, float]]]:
    """Outline rings (lon, lat) of Iran's provinces, drawn under the sites."""
    return outline_rings()

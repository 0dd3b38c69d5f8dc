"""The report renders plain objects to self-contained HTML and a multi-page PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

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


def _context(name: str = "test-case") -> ReportContext:
    est = {
        "method": "lcmcr",
        "model": "K=10",
        "estimate": 1234.0,
        "lower": 1100.0,
        "upper": 1500.0,
        "interval_prob": 0.95,
        "interval_kind": "equal-tailed credible",
        "observed": 1000,
        "lists": ["A", "B", "C"],
        "strata": {"north": {"observed": 400, "estimate": 500.0, "lower": 450.0, "upper": 600.0}},
        "seed": 7,
        "input_sha256": "ab" * 32,
        "version": "0.1.0",
        "settings": {"K": 10},
    }
    return ReportContext(
        case_name=name,
        version="0.1.0",
        audit=AuditSummary(
            entries=12, head_hash="cd" * 32, last_at="2026-01-01T00:00:00+00:00", intact=True
        ),
        lists=(
            ListSummary("A", 600, "NGO list", "ef" * 32, "2026-01-01"),
            ListSummary("B", 500, None, None, "2026-01-02"),
        ),
        list_names=("A", "B", "C"),
        overlaps=(((1, 0, 0), 400), ((1, 1, 0), 150), ((0, 1, 1), 120), ((1, 1, 1), 50)),
        linkage=LinkageSummary(
            records=1100, linked_records=1100, persons=1000, pending_review=17, decided=3
        ),
        estimates=(EstimateSection("Latent-class estimate", est),),
        comparison=(est,),
        figures=(
            FigureClaim(
                "people executed", "5,000", "Amnesty International 2018", "p. 12", "conflict"
            ),
        ),
        postings=(
            PostingRow(
                "<script>alert(1)</script>",
                "member, Tehran commission",
                "Commission",
                "1988-07 – 1988-09",
                ("Report, p. 3",),
                "alleged",
            ),
        ),
        sites=(
            SiteRow("Khavaran", "cemetery", 35.61, 51.55, "approximate"),
            SiteRow("گوهردشت", "prison", 35.83, 50.95, "city"),
        ),
        evidence=(
            EvidenceRow(
                1,
                "List A",
                "a.csv",
                "ef" * 32,
                100,
                "text/csv",
                "2026-01-01",
                None,
                None,
                ("received by tester",),
            ),
        ),
    )


def test_html_has_every_section_and_escapes_names() -> None:
    html = render_html(_context())
    for section in (
        "summary",
        "lists",
        "linkage",
        "estimates",
        "figures",
        "postings",
        "sites",
        "evidence",
    ):
        assert f'id="{section}"' in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "cd" * 32 in html  # audit head hash printed
    assert "<svg" in html  # inline figures, no external files
    assert "north" in html  # strata listed


def test_html_is_reproducible() -> None:
    assert render_html(_context()) == render_html(_context())


def test_pdf_has_pages_and_persian_text() -> None:
    pdf = render_pdf(render_html(_context()))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "Khavaran" in text

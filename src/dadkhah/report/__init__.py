"""Case reports and dossiers: plain objects in, HTML and PDF out."""

from dadkhah.report.context import (
    AuditSummary,
    EstimateSection,
    EvidenceRow,
    FigureClaim,
    LinkageSummary,
    ListSummary,
    PostingRow,
    ReportContext,
    SiteRow,
)
from dadkhah.report.render import render_html, render_pdf

__all__ = [
    "AuditSummary",
    "EstimateSection",
    "EvidenceRow",
    "FigureClaim",
    "LinkageSummary",
    "ListSummary",
    "PostingRow",
    "ReportContext",
    "SiteRow",
    "render_html",
    "render_pdf",
]

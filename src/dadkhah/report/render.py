"""Render a :class:`ReportContext` to HTML, and HTML to PDF with WeasyPrint."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from dadkhah.errors import MissingDependency
from dadkhah.report.context import ReportContext
from dadkhah.report.plots import sites_svg, upset_svg

__all__ = ["render_html", "render_pdf"]


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dadkhah.report", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _num
    env.filters["pattern"] = lambda p: "".join("●" if v else "○" for v in p)
    return env


def _num(value: Any, digits: int = 0) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return str(value)


def _font_css() -> str:
    """@font-face rules for a bundled Persian font, when the web assets ship one."""
    try:
        root = resources.files("dadkhah.web") / "static" / "vendor" / "vazirmatn"
        if not root.is_dir():
            return ""
    except (ModuleNotFoundError, FileNotFoundError):
        return ""
    rules = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        name = entry.name
        if name.endswith((".ttf", ".woff2", ".woff")) and "Regular" in name:
            fmt = {"ttf": "truetype", "woff2": "woff2", "woff": "woff"}[name.rsplit(".", 1)[1]]
            rules.append(
                "@font-face { font-family: 'Vazirmatn'; font-weight: 400; "
                f"src: url('{Path(str(entry)).as_uri()}') format('{fmt}'); }}"
            )
            break
    return "\n".join(rules)


def render_html(
    ctx: ReportContext, *, outline: list[list[tuple[float, float]]] | None = None
) -> str:
    """The whole report as one self-contained HTML document (figures inline as SVG)."""
    template = _env().get_template("report.html")
    return template.render(
        ctx=ctx,
        upset=upset_svg(ctx.list_names, ctx.overlaps),
        sites_map=sites_svg(ctx.sites, outline or []),
        font_css=_font_css(),
    )


def render_pdf(html: str) -> bytes:
    """PDF bytes of a rendered report; Persian text is shaped and laid out right to left."""
    try:
        import weasyprint
    except ImportError as e:  # pragma: no cover - weasyprint is a dependency
        raise MissingDependency("WeasyPrint", "Install it with: pip install weasyprint") from e
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = weasyprint.HTML(string=html, base_url=".").write_pdf()
    return bytes(pdf) if pdf is not None else b""

"""Report figures as deterministic SVG text: list overlaps (UpSet style) and a map of sites."""

from __future__ import annotations

import io
from collections.abc import Sequence

from dadkhah.report.context import SiteRow

__all__ = ["sites_svg", "upset_svg"]


def _figure_to_svg(fig: object) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    text = buf.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def _pyplot() -> object:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "dadkhah-report"
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    return plt


def upset_svg(
    list_names: Sequence[str], overlaps: Sequence[tuple[tuple[int, ...], int]], top: int = 20
) -> str | None:
    """Bars of the most frequent capture patterns with a dot matrix of the lists below them."""
    rows = sorted((o for o in overlaps if o[1] > 0), key=lambda o: (-o[1], o[0]))[:top]
    if not rows or not list_names:
        return None
    plt = _pyplot()
    n_lists = len(list_names)
    fig, (ax_bar, ax_dot) = plt.subplots(  # type: ignore[attr-defined]
        2,
        1,
        figsize=(max(6.0, 0.38 * len(rows) + 2.5), 2.2 + 0.32 * n_lists),
        gridspec_kw={"height_ratios": [3, max(1.0, 0.35 * n_lists)]},
        sharex=True,
    )
    xs = list(range(len(rows)))
    counts = [c for _, c in rows]
    ax_bar.bar(xs, counts, color="#35618f")
    for x, c in zip(xs, counts, strict=True):
        ax_bar.text(x, c, f"{c:,}", ha="center", va="bottom", fontsize=7)
    ax_bar.set_ylabel("persons")
    ax_bar.spines[["top", "right"]].set_visible(False)
    for x, (pattern, _) in enumerate(rows):
        ys = [j for j, v in enumerate(pattern) if v]
        ax_dot.scatter([x] * n_lists, range(n_lists), color="#d0d0d0", s=28, zorder=1)
        ax_dot.scatter([x] * len(ys), ys, color="#222222", s=28, zorder=2)
        if len(ys) > 1:
            ax_dot.plot([x, x], [min(ys), max(ys)], color="#222222", lw=1.5, zorder=1.5)
    ax_dot.set_yticks(range(n_lists), labels=list(list_names), fontsize=8)
    ax_dot.set_ylim(-0.6, n_lists - 0.4)
    ax_dot.invert_yaxis()
    ax_dot.set_xticks([])
    for s in ("top", "right", "bottom", "left"):
        ax_dot.spines[s].set_visible(False)
    fig.tight_layout()
    return _figure_to_svg(fig)


def sites_svg(
    sites: Sequence[SiteRow], outline: Sequence[Sequence[tuple[float, float]]] = ()
) -> str | None:
    """Sites with coordinates as labelled points, over optional outline rings (lon, lat)."""
    located = [s for s in sites if s.lat is not None and s.lon is not None]
    if not located:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 5.5))  # type: ignore[attr-defined]
    for ring in outline:
        ax.plot([p[0] for p in ring], [p[1] for p in ring], color="#9aa7b4", lw=0.6)
    kinds = sorted({s.kind for s in located})
    markers = dict(zip(kinds, "os^DvP*Xh", strict=False))
    for kind in kinds:
        pts = [s for s in located if s.kind == kind]
        ax.scatter(
            [s.lon for s in pts],
            [s.lat for s in pts],
            label=kind,
            marker=markers.get(kind, "o"),
            s=30,
            zorder=3,
        )
    for s in located:
        ax.annotate(s.name, (s.lon, s.lat), fontsize=6.5, xytext=(3, 3), textcoords="offset points")  # type: ignore[arg-type]
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    return _figure_to_svg(fig)

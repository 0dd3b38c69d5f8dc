"""Figures of estimates (matplotlib, no display needed): PNG and SVG files, or SVG text.

- :func:`posterior_figure`: the posterior of N (histogram of the draws) with the number
  observed, the estimate and the interval marked; for an estimate without draws, the point and
  interval on the same axis.
- :func:`trace_figure`: the draws of N chain by chain, to see whether the chains agree.
- :func:`comparison_figure`: estimates and intervals of several methods or models, one line
  each, with the number observed marked.

:func:`save` writes a figure in each format asked for; :func:`svg_text` gives the SVG as text
for the HTML report.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from dadkhah.errors import EstimationError
from dadkhah.estimate.result import Estimate
from dadkhah.estimate.sensitivity import SensitivityTable

__all__ = ["comparison_figure", "posterior_figure", "save", "svg_text", "trace_figure"]

FORMATS = ("png", "svg")
_OBSERVED = "#b03a2e"
_ESTIMATE = "#1f4e79"


def _fmt(x: float) -> str:
    return f"{x:,.0f}"


def posterior_figure(est: Estimate, *, title: str | None = None) -> Figure:
    fig = Figure(figsize=(7, 4), layout="constrained")
    ax = fig.add_subplot()
    if est.draws is not None and est.draws.size:
        draws = np.asarray(est.draws, dtype=float)
        lo, hi = np.quantile(draws, [0.001, 0.999])
        bins = np.linspace(min(lo, est.observed), hi, 60)
        ax.hist(
            draws[(draws >= bins[0]) & (draws <= bins[-1])],
            bins=bins.tolist(),
            color="#9ecae1",
            edgecolor="white",
            density=True,
        )
        ax.set_ylabel("posterior density")
    else:
        ax.set_yticks([])
    ax.axvspan(
        est.lower,
        est.upper,
        color=_ESTIMATE,
        alpha=0.08,
        label=f"{est.interval_prob:.0%} {est.interval_kind}: {_fmt(est.lower)}–{_fmt(est.upper)}",
    )
    ax.axvline(est.estimate, color=_ESTIMATE, lw=2, label=f"estimate {_fmt(est.estimate)}")
    ax.axvline(est.observed, color=_OBSERVED, lw=2, ls="--", label=f"observed {_fmt(est.observed)}")
    ax.set_xlabel("total number of people (N)")
    ax.set_title(title or f"{est.method}: {est.model or ''}".strip(": "))
    # the legend sits below the axes so it never hides the posterior
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=8, frameon=False, ncol=3)
    return fig


def trace_figure(est: Estimate, *, title: str | None = None) -> Figure:
    if est.draws is None:
        raise EstimationError(f"a {est.method} estimate has no draws to trace")
    chains = int(est.diagnostics.get("chains", 1) or 1)
    draws = np.asarray(est.draws, dtype=float)
    per = draws.size // chains
    fig = Figure(figsize=(8, 3.5), layout="constrained")
    ax = fig.add_subplot()
    for c in range(chains):
        ax.plot(
            np.arange(per),
            draws[c * per : (c + 1) * per],
            lw=0.6,
            alpha=0.8,
            label=f"chain {c + 1}",
        )
    ax.axhline(est.observed, color=_OBSERVED, lw=1, ls="--", label="observed")
    rhat = est.diagnostics.get("rhat")
    ess = est.diagnostics.get("ess")
    extra = ""
    if isinstance(rhat, float) and isinstance(ess, float):
        extra = f"  (R-hat {rhat:.3f}, ESS {ess:,.0f})"
    ax.set_title((title or f"trace of N, {est.method}") + extra)
    ax.set_xlabel("kept draw")
    ax.set_ylabel("N")
    ax.legend(loc="upper right", fontsize=8, frameon=False, ncol=min(chains + 1, 5))
    return fig


def comparison_figure(
    items: SensitivityTable | Sequence[tuple[str, Estimate]], *, title: str = "Estimates compared"
) -> Figure:
    rows: list[tuple[str, float, float | None, float | None]] = []
    observed: int | None = None
    if isinstance(items, SensitivityTable):
        observed = items.observed
        for r in items.rows:
            if r.estimate is not None:
                rows.append((r.label.strip(), r.estimate, r.lower, r.upper))
    else:
        for label, est in items:
            observed = est.observed
            rows.append((label, est.estimate, est.lower, est.upper))
    if not rows:
        raise EstimationError("nothing to compare: no estimate ran")
    fig = Figure(figsize=(8, 0.45 * len(rows) + 1.5), layout="constrained")
    ax = fig.add_subplot()
    for i, (_label, point, lower, upper) in enumerate(rows):
        y = len(rows) - 1 - i
        if lower is not None and upper is not None:
            ax.plot([lower, upper], [y, y], color=_ESTIMATE, lw=2)
        ax.plot([point], [y], "o", color=_ESTIMATE)
    ax.set_yticks(range(len(rows)), [r[0] for r in reversed(rows)], fontsize=8)
    if observed is not None:
        ax.axvline(observed, color=_OBSERVED, ls="--", lw=1.5, label=f"observed {_fmt(observed)}")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_xlabel("total number of people (N)")
    ax.set_title(title)
    return fig


def save(fig: Figure, stem: Path | str, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write ``stem.png``, ``stem.svg`` (or the formats asked for); return the paths."""
    out = []
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        if fmt not in FORMATS:
            raise EstimationError(f"unknown figure format {fmt!r}: use png or svg")
        path = stem.with_name(stem.name + "." + fmt)
        fig.savefig(
            path,
            format=fmt,
            dpi=150 if fmt == "png" else None,
            metadata={"Date": None} if fmt == "svg" else None,
        )
        out.append(path)
    return out


def svg_text(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()

"""CLI commands: estimate, sensitivity, estimates (see dadkhah.cli for the conventions)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dadkhah.api import estimate as estimate_api
from dadkhah.cli.output import console, print_json


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("estimate")(estimate)
    app.command("sensitivity")(sensitivity)
    app.command("estimates")(estimates)


def _n(x: float | None) -> str:
    return "—" if x is None else f"{x:,.0f}"


def estimate(
    source: Annotated[Path, typer.Argument(help="A capture-table CSV or a case folder.")],
    method: Annotated[
        str, typer.Option("--method", "-m", help="lcmcr (latent classes), loglinear or dga.")
    ] = "lcmcr",
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="Log-linear model: M0, Mt, Mth-chao ..., [12,13,23], best-bic, best-aic.",
        ),
    ] = None,
    max_order: Annotated[
        int | None,
        typer.Option(
            "--max-order",
            help="loglinear best-bic/best-aic: highest interaction order searched "
            "(lists - 1; give 2 for six or more lists).",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Estimate each stratum of a case (province, sex, city, affiliation ...) "
            "and add them up.",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed (recorded).")] = None,
    k: Annotated[int | None, typer.Option("--K", help="lcmcr: most latent classes (10).")] = None,
    burn_in: Annotated[
        int | None, typer.Option("--burn-in", help="lcmcr: iterations discarded (10000).")
    ] = None,
    draws: Annotated[
        int | None,
        typer.Option("--draws", help="lcmcr: draws kept per chain (5000); dga: posterior draws."),
    ] = None,
    thin: Annotated[
        int | None, typer.Option("--thin", help="lcmcr: keep every n-th iteration (100).")
    ] = None,
    chains: Annotated[
        int | None, typer.Option("--chains", help="lcmcr: chains run in parallel (2).")
    ] = None,
    delta: Annotated[
        float | None, typer.Option("--delta", help="dga: prior cell count (2^-J).")
    ] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Folder to write the figures into (PNG and SVG).")
    ] = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not store the estimate in the case.")
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the estimate as JSON.")
    ] = False,
) -> None:
    """Estimate how many people there were, including those no list recorded.

    SOURCE is a capture-history CSV (a 0/1 column per list and a count column) or a case
    folder, whose linked persons make the table. A case's estimate is stored and audited.

    Example: dadkhah estimate kosovo.csv --method lcmcr --seed 1 --json
    """
    outcome = estimate_api.estimate(
        source,
        method=method,
        by=by,
        store=not no_store,
        seed=seed,
        K=k,
        burn_in=burn_in,
        draws=draws,
        thin=thin,
        chains=chains,
        model=model,
        max_order=max_order,
        delta=delta,
    )
    est = outcome.estimate
    paths = estimate_api.write_plots(est, plot) if plot is not None else []
    if json_output:
        print_json(est.to_dict())
        return
    table = Table(show_edge=False)
    for col in ("", "estimate", f"{est.interval_prob:.0%} interval", "observed"):
        table.add_column(col, justify="right" if col else "left")
    table.add_row(
        "total", _n(est.estimate), f"{_n(est.lower)}–{_n(est.upper)}", f"{est.observed:,}"
    )
    for name, sub in (est.strata or {}).items():
        table.add_row(
            name, _n(sub.estimate), f"{_n(sub.lower)}–{_n(sub.upper)}", f"{sub.observed:,}"
        )
    console.print(
        f"[bold]{est.method}[/] {est.model or ''}  ({est.interval_kind}; seed "
        f"{est.seed}; {est.seconds:.1f} s)"
    )
    console.print(table)
    for cand in est.runners_up[:3]:
        crit = ", ".join(
            f"{k} {v:.2f}"
            for k, v in cand.criteria.items()
            if k in ("bic", "aic") and isinstance(v, float)
        )
        console.print(f"  runner-up {cand.model}: {_n(cand.estimate)} ({crit})")
    for note in est.warnings:
        console.print(f"[yellow]warning:[/] {note}")
    if outcome.run_id is not None:
        console.print(f"Stored as estimate run {outcome.run_id}.")
    for p in paths:
        console.print(f"Wrote {p}")


def sensitivity(
    source: Annotated[Path, typer.Argument(help="A capture-table CSV or a case folder.")],
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed (recorded).")] = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Folder to write the comparison figure into (PNG and SVG)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
) -> None:
    """Compare methods and models on one capture table, so no single number travels alone.

    Example: dadkhah sensitivity kosovo.csv --seed 1 --plot figures
    """
    result = estimate_api.sensitivity(source, seed=seed)
    paths = estimate_api.write_plots(result, plot) if plot is not None else []
    if json_output:
        print_json(result.to_dict())
        return
    table = Table(
        show_edge=False, title=f"{result.observed:,} observed on {len(result.lists)} lists"
    )
    for col in ("method / model", "estimate", "interval", "kind"):
        table.add_column(col)
    for r in result.rows:
        if r.error:
            table.add_row(r.label, "—", "", f"[red]{r.error}[/]")
        else:
            table.add_row(
                r.label,
                _n(r.estimate),
                f"{_n(r.lower)}–{_n(r.upper)}" if r.lower is not None else "",
                r.interval_kind or "",
            )
    console.print(table)
    for p in paths:
        console.print(f"Wrote {p}")


def estimates(
    case: Annotated[Path, typer.Argument(help="The case folder.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the runs as JSON.")] = False,
) -> None:
    """List the estimates stored in a case, oldest first.

    Example: dadkhah estimates my-case --json
    """
    stored = estimate_api.runs(case)
    if json_output:
        print_json(
            [
                {
                    "id": r.id,
                    "created_at": r.created_at,
                    "created_by": r.created_by,
                    "stratified_by": r.stratified_by,
                    **r.result,
                }
                for r in stored
            ]
        )
        return
    table = Table(show_edge=False)
    for col in ("run", "when", "method", "model", "by", "estimate", "interval", "observed"):
        table.add_column(col)
    for r in stored:
        d = r.result
        table.add_row(
            str(r.id),
            r.created_at,
            d["method"],
            str(d.get("model") or ""),
            r.stratified_by or "",
            _n(d["estimate"]),
            f"{_n(d.get('lower'))}–{_n(d.get('upper'))}",
            f"{d['observed']:,}",
        )
    console.print(table)

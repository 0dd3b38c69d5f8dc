"""CLI commands: simulate (see dadkhah.cli for the conventions)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dadkhah.api import simulate as simulate_api
from dadkhah.cli.output import console, print_json


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("simulate")(simulate)


def simulate(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the case into.")],
    scenario: Annotated[
        str, typer.Option("--scenario", help="Scenario to simulate (1988).")
    ] = "1988",
    persons: Annotated[
        int, typer.Option("--persons", "-n", help="Number of victims (recorded or not).")
    ] = 5000,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same case.")
    ] = 0,
    lists: Annotated[int, typer.Option("--lists", "-k", help="Number of lists.")] = 5,
    heterogeneity: Annotated[
        float,
        typer.Option(
            "--heterogeneity",
            help="Scale of the hidden heterogeneity of capture (0 none, 1 default, up to 5).",
        ),
    ] = 1.0,
    settings: Annotated[
        Path | None,
        typer.Option("--settings", help="Regenerate from a truth.json (or a settings JSON file)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not empty.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Simulate a case with ground truth: victims, lists in Persian and Latin script, the truth.

    Writes OUT/lists/<list>.csv (standard list format), OUT/truth.csv (list, record_id,
    person_id), OUT/captures.csv (true capture histories), OUT/persons.csv and OUT/truth.json
    (N, seed, every setting).

    Example: dadkhah simulate --scenario 1988 --persons 5000 --seed 1 --out sim-case
    """
    summary = simulate_api.simulate_to_folder(
        out,
        scenario=scenario,
        persons=persons,
        seed=seed,
        lists=lists,
        heterogeneity=heterogeneity,
        settings_file=settings,
        force=force,
    )
    if json_output:
        print_json(summary)
        return
    console.print(
        f"Simulated {summary['N']:,} victims ({summary['observed']:,} on at least one list) "
        f"in {summary['seconds']:.1f} s, seed {summary['seed']}:"
    )
    for name, count in summary["records"].items():
        console.print(
            f"  {name}: {count:,} records of {summary['persons_per_list'][name]:,} victims"
        )
    console.print(
        f"Lists in {Path(summary['out']) / 'lists'}; truth in {summary['files']['truth_json']}"
    )

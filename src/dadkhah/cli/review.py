"""``dadkhah review``: the terminal review of doubtful pairs.

Each pair is shown side by side (both scripts as written in the lists), fields that agree in
green, those that differ in red. Keys: ``s`` same person, ``n`` not the same, ``k`` skip,
``u`` undo the last decision, ``q`` quit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer
from rich.table import Table

from dadkhah.api import link as link_api
from dadkhah.cli.output import console, print_json
from dadkhah.model.persons import ReviewItem

_KEYS = {"s": "same", "n": "not_same", "k": "skip"}
_STYLE = {"agree": "green", "differ": "bold red", "missing": "dim"}


def _show(item: ReviewItem, position: int, total: int) -> None:
    p = "?" if item.probability is None else f"{item.probability:.3f}"
    table = Table(
        "field",
        f"{item.left.list_name} #{item.left.record_id}",
        f"{item.right.list_name} #{item.right.record_id}",
        title=f"Pair {position}/{total} (review {item.id}) · probability {p} · {item.reason or ''}",
    )
    fields = [f for f in item.agreement if f in item.left.fields or f in item.right.fields]
    for f in fields:
        style = _STYLE[item.agreement[f]]
        table.add_row(f, item.left.fields.get(f, "—"), item.right.fields.get(f, "—"), style=style)
    table.add_row("person", item.left.person_uid or "", item.right.person_uid or "", style="dim")
    console.print(table)


CASE_ARG = typer.Argument(..., help="The case folder.", show_default=False)


def review(
    case: Path = CASE_ARG,
    reviewer: str = typer.Option("", "--reviewer", help="Your name (default: your user name)."),
    decide: int | None = typer.Option(
        None, "--decide", help="Decide this review item without the UI."
    ),
    verdict: str = typer.Option("", "--verdict", help="With --decide: same, not_same or skip."),
    undo: bool = typer.Option(False, "--undo", help="Revoke your latest decision and exit."),
    as_json: bool = typer.Option(False, "--json", help="Print the open queue as JSON and exit."),
) -> None:
    """Review doubtful pairs: s = same person, n = not the same, k = skip, u = undo, q = quit.

    Decisions are audited and bind every later 'dadkhah link' run. Re-run the linkage to apply
    them.

    Example: dadkhah review my-case --reviewer "A. Reviewer"
    """
    who = reviewer or None
    if undo:
        d = link_api.undo_decision(case, reviewer=who)
        console.print(f"Decision {d.id} ({d.verdict}) revoked.")
        return
    if decide is not None:
        result = link_api.decide(case, decide, verdict, reviewer=who)
        console.print("skipped" if result is None else f"Decision {result.id}: {result.verdict}")
        return
    items = link_api.review_queue(case)
    if as_json:
        print_json([dataclasses.asdict(i) for i in items])
        return
    if not items:
        console.print("Nothing to review.")
        return
    i = 0
    decided = 0
    while i < len(items):
        _show(items[i], i + 1, len(items))
        key = (
            typer.prompt("[s]ame / [n]ot same / s[k]ip / [u]ndo / [q]uit", default="k")
            .strip()
            .lower()
        )
        if key == "q":
            break
        if key == "u":
            d = link_api.undo_decision(case, reviewer=who)
            console.print(f"Decision {d.id} ({d.verdict}) revoked.")
            i = max(i - 1, 0)  # back to the pair whose decision was revoked
            continue
        if key not in _KEYS:
            console.print("Use s, n, k, u or q.")
            continue
        link_api.decide(case, items[i].id, _KEYS[key], reviewer=who)
        decided += key != "k"
        i += 1
    console.print(f"{decided} decision(s) recorded. Run 'dadkhah link {case}' to apply them.")

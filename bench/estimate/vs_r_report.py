"""Markdown report of bench/estimate/vs_r.py's results (``markdown(results)``)."""

from __future__ import annotations

from typing import Any


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:+.2%}"


def _n(x: float | None, digits: int = 0) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def _iv(lo: float | None, hi: float | None) -> str:
    return f"{_n(lo)}–{_n(hi)}"


def _cov(x: bool | None) -> str:
    return "–" if x is None else ("yes" if x else "**no**")


def _speed(speed: dict[str, Any]) -> list[str]:
    lines = [
        "## Speed, measured side by side",
        "",
        f"Single chain, K=10, {speed['iterations']:,} iterations per timing, R and Dadkhah "
        f"alternated {speed['alternations']} times. Rates are iterations per second of CPU time "
        "(R: `system.time` around `Update`, setup and warm-up excluded; Dadkhah: CPU time of the "
        "sampling thread); wall-clock rates are in the JSON.",
        "",
        "| table | patterns | R LCMCR (median) | Dadkhah (median) | ratio (median) | ratio (best) "
        "| Dadkhah 2 chains, iterations / wall s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in speed.items():
        if not isinstance(s, dict):
            continue
        r_med = sorted(s["r_lcmcr_cpu"])[len(s["r_lcmcr_cpu"]) // 2]
        o_med = sorted(s["dadkhah_cpu"])[len(s["dadkhah_cpu"]) // 2]
        two = s["two_chains"]
        lines.append(
            f"| {name} | {s['patterns']} | {r_med:,.0f} | {o_med:,.0f} | "
            f"{s['ratio_cpu_median']:.2f}× | {s['ratio_cpu_best']:.2f}× | "
            f"{two['rate_wall']:,.0f} ({two['total_iterations']:,.0f} in "
            f"{two['seconds_wall']:.1f} s) |"
        )
    lines.append("")
    return lines


def _named(cases: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## Named log-linear models (Rcapture `closedp.t`)",
        "",
        "Largest relative difference over the 12 models per table, and every model beyond 0.5%.",
        "",
        "| table | largest diff | models beyond 0.5% (ours vs R) |",
        "|---|---|---|",
    ]
    for c in cases:
        diffs = [abs(n["rel_diff"]) for n in c["loglinear_named"] if n["rel_diff"] is not None]
        flagged = [
            f"{n['model']} {_n(n['ours'], 1)} vs {_n(n['r'], 1)} ({_pct(n['rel_diff'])}, R {n['r_info']})"
            for n in c["loglinear_named"]
            if n["flag"]
        ]
        errors = [f"{n['model']}: {n['error']}" for n in c["loglinear_named"] if n["error"]]
        lines.append(
            f"| {c['table']} | {_pct(max(diffs)) if diffs else '–'} | "
            f"{'; '.join(flagged + errors) or 'none'} |"
        )
    lines.append("")
    return lines


def _best_bic(cases: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## Best model by BIC (Rcapture `closedpMS.t` + `closedpCI.t`)",
        "",
        "| table | R model (runner-up, ΔBIC) | ours | same | R estimate (interval) | ours | diff "
        "| truth | R covers | ours covers |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in cases:
        b = c["best_bic"]
        lines.append(
            f"| {c['table']} | {b['r_model']} ({b['r_runner_up']}, {_n(b['r_delta_bic'], 2)}) | "
            f"{b['ours_model']} | {'yes' if b['same_model'] else '**no**'} | "
            f"{_n(b['r_estimate'], 1)} ({_iv(b['r_lower'], b['r_upper'])}) | "
            f"{_n(b['ours_estimate'], 1)} ({_iv(b['ours_lower'], b['ours_upper'])}) | "
            f"{_pct(b['rel_diff'])} | {_n(c['truth'])} | {_cov(b['r_covers'])} | "
            f"{_cov(b['ours_covers'])} |"
        )
    lines.append("")
    return lines


def _lcmcr(cases: list[dict[str, Any]], seeds: list[int]) -> list[str]:
    lines = [
        "## Latent classes (R `lcmCR`, K=10, burn-in 10,000, 10,000 draws, thinning 100, seed 1; "
        f"Dadkhah defaults, seeds {', '.join(map(str, seeds))})",
        "",
        "| table | R median (interval) | Dadkhah medians (intervals) | diffs | MCSE of our median "
        "| truth | R covers | ours cover |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in cases:
        lc = c["lcmcr"]
        ours = lc["ours"]
        lines.append(
            f"| {c['table']} | {_n(lc['r_median'])} ({_iv(lc['r_lower'], lc['r_upper'])}) | "
            + "; ".join(f"{_n(o['median'])} ({_iv(o['lower'], o['upper'])})" for o in ours)
            + " | "
            + ", ".join(_pct(o["rel_diff"]) for o in ours)
            + " | "
            + ", ".join(_n(o["mcse_median"], 1) for o in ours)
            + f" | {_n(c['truth'])} | {_cov(lc['r_covers'])} | "
            + ", ".join(_cov(o["covers"]) for o in ours)
            + " |"
        )
    lines.append("")
    return lines


def _dga(cases: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## Decomposable graphs (dga `bma.cr`, delta 2^-J, 1/N prior)",
        "",
        "| table | R median (interval) | ours | diff | truth | R covers | ours covers | R note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in cases:
        d = c.get("dga")
        if d is None:
            continue
        lines.append(
            f"| {c['table']} | {_n(d['r_median'])} ({_iv(d['r_lower'], d['r_upper'])}) | "
            f"{_n(d['ours_median'])} ({_iv(d['ours_lower'], d['ours_upper'])}) | "
            f"{_pct(d['rel_diff'])} | {_n(c['truth'])} | {_cov(d['r_covers'])} | "
            f"{_cov(d['ours_covers'])} | {d['r_note']} |"
        )
    lines.append("")
    return lines


def _flags(cases: list[dict[str, Any]]) -> list[str]:
    lines = ["## Beyond the thresholds", ""]
    found = False
    for c in cases:
        items = [
            f"log-linear {n['model']} ({_pct(n['rel_diff'])})"
            for n in c["loglinear_named"]
            if n["flag"]
        ]
        if c["best_bic"]["flag"]:
            b = c["best_bic"]
            items.append(
                f"best-bic: R {b['r_model']} {_n(b['r_estimate'], 1)}, ours {b['ours_model']} "
                f"{_n(b['ours_estimate'], 1)}"
            )
        if c["lcmcr"]["flag"]:
            items.append(
                "latent classes: " + ", ".join(_pct(o["rel_diff"]) for o in c["lcmcr"]["ours"])
            )
        if c.get("dga", {}).get("flag"):
            items.append(f"dga ({_pct(c['dga']['rel_diff'])})")
        items += [f"interval misses the truth where R's covers it: {g}" for g in c["coverage_gaps"]]
        if items:
            found = True
            lines.append(f"- **{c['table']}**: " + "; ".join(items))
    if not found:
        lines.append("None.")
    lines.append("")
    return lines


def markdown(results: dict[str, Any]) -> str:
    cases = results["cases"]
    lines = [
        "# Dadkhah against R (LCMCR, Rcapture, dga), same machine, same run",
        "",
        f"Dadkhah {results['version']}; {results['r']}. {results['cpus']} CPUs, load average "
        f"{results['load_average_start'][0]:.2f} at start, {results['load_average_end'][0]:.2f} "
        f"at end; {results['seconds']:.0f} s. Generated by `bench/estimate/vs_r.py`. Thresholds: "
        "named log-linear abundance within 0.5% of Rcapture's, latent-class and dga medians "
        "within 3% of R's.",
        "",
    ]
    if "speed_run" in results:  # speed measured in a run of its own (``--only`` nothing)
        run = results["speed_run"]
        lines += [
            f"Speed from a separate run ({run['note']}): load average "
            f"{run['load_average_start'][0]:.2f} at start, {run['load_average_end'][0]:.2f} at "
            "end.",
            "",
        ]
    if "speed" in results:
        lines += _speed(results["speed"])
    lines += _flags(cases)
    lines += _named(cases)
    lines += _best_bic(cases)
    lines += _lcmcr(cases, list(results["our_seeds"]))
    lines += _dga(cases)
    lines.append(
        "Tables: the three of `shared/data/mse` and simulated cases of `dadkhah.simulate` "
        "(name: lists, people, heterogeneity factor, list-dependence factor). R's LCMCR runs one "
        "chain with one seed, so its median has its own Monte Carlo error (about 0.3% on Kosovo)."
    )
    return "\n".join(lines) + "\n"

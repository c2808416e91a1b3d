"""Turn benchmark results into benchmarks/RESULTS.md (tables and issue 15's targets) and time.svg.

Input: the results run.py keeps in results.json. Output: results.json, RESULTS.md and time.svg beside this
file. Whatever follows the NOTES marker in an existing RESULTS.md is kept, so the written analysis survives a
re-run. Every "met" in the targets table is computed from the numbers here.
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

from plot import svg
from sites import LIMIT
from targets import targets

NOTES = "<!-- notes: everything below this line is written by hand and kept by run.py -->"
MB, KB = 1e6, 1e3
BUILDS = [("current", "this build"), ("baseline", "baseline 11be49e"), ("floor", "floor")]
STAGE_ORDER = ["read", "validate", "index", "render", "finder", "search", "export", "write", "wait", "mkdocs", "pagefind"]


def fmt(value, digits=1, unit="") -> str:
    return "–" if value is None else f"{value:,.{digits}f}{unit}"


def ratio(a: dict | None, b: dict | None, key: str = "seconds") -> float | None:
    return a[key] / b[key] if a and b else None


def builds(run: dict):
    return [(key, label, run[key]) for key, label in BUILDS if run.get(key)]


def whole_table(runs: list[dict]) -> list[str]:
    lines = ["| offers | pages (this / baseline) | **this build** | CPU | baseline 11be49e | CPU | floor | CPU | "
             "this ÷ baseline | CPU: this ÷ baseline | this ÷ floor | baseline ÷ floor | load avg (1 min) | measured |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        cur, base, floor = r["current"], r.get("baseline"), r.get("floor")
        cells = [f"{r['offers']:,}", f"{cur['pages']:,} / {fmt(base and base['pages'], 0)}", f"**{cur['seconds']:.1f}**",
                 fmt(cur["cpu_seconds"]), fmt(base and base["seconds"]), fmt(base and base["cpu_seconds"]),
                 fmt(floor and floor["seconds"]), fmt(floor and floor["cpu_seconds"]), fmt(ratio(cur, base), 2, "×"), fmt(ratio(cur, base, "cpu_seconds"), 2, "×"),
                 fmt(ratio(cur, floor), 2, "×"), fmt(ratio(base, floor), 2, "×"),
                 fmt(cur["load_average"][0]), when(r)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def stage_table(runs: list[dict]) -> list[str]:
    present = [s for s in STAGE_ORDER if any(s in b.get("stages", {}) for r in runs for _, _, b in builds(r))]
    lines = ["| offers | build | " + " | ".join(present) + " | stages | rest | **wall** |",
             "|---:|---|" + "---:|" * (len(present) + 3)]
    for r in runs:
        for key, label, b in builds(r):
            if key == "floor":
                continue
            stages = b["stages"]
            total = sum(s["seconds"] for s in stages.values())
            cells = [fmt(stages[s]["seconds"], 2) if s in stages else "–" for s in present]
            lines.append(f"| {r['offers']:,} | {label} | " + " | ".join(cells) +
                         f" | {total:.1f} | {b['seconds'] - total:.1f} | **{b['seconds']:.1f}** |")
    return lines


def memory_table(runs: list[dict]) -> list[str]:
    lines = ["| offers | build | **peak, any process** | main process | other processes (peak, how many) |", "|---:|---|---:|---:|---|"]
    for r in runs:
        for _, label, b in builds(r):
            main = next((p["peak_bytes"] for p in b["processes"] if p["label"] == "main"), None)
            others = ", ".join(f"{p['label']} {p['peak_bytes'] / MB:,.0f} (×{p['count']})" for p in b["processes"] if p["label"] != "main")
            lines.append(f"| {r['offers']:,} | {label} | **{b['peak_bytes'] / MB:,.0f}** | {fmt(main and main / MB, 0)} | {others or '–'} |")
    return lines


def page_table(runs: list[dict]) -> list[str]:
    lines = [f"| offers | build | HTML pages | mean page | largest pages | pages over {LIMIT / KB:.0f} KB | site | nav links: home, an offer |",
             "|---:|---|---:|---:|---|---:|---:|---|"]
    for r in runs:
        for _, label, b in builds(r):
            s = b["site"]
            largest = ", ".join(f"`{p.removesuffix('index.html') or '/'}` {n / KB:,.0f} KB" for p, n in s["largest"][:3])
            nav = ", ".join(str(v) for v in s["nav_links"].values())
            lines.append(f"| {r['offers']:,} | {label} | {s['html_pages']:,} | {s['mean_page_bytes'] / KB:.1f} KB | {largest} | "
                         f"{s['over_limit']:,} | {s['site_bytes'] / MB:,.0f} MB | {nav} |")
    return lines


def catalogue_lines(runs: list[dict]) -> list[str]:
    lines = []
    for r in runs:
        diff = r["catalogue"].get("baseline_differs")
        if diff is None:
            continue
        what = "; ".join(f"`{name}` ({d['only_ours']} lines only in ours, {d['only_theirs']} only in the baseline's, e.g. "
                         f"`{d['example']}`)" for name, d in list(diff["differing"].items())[:4]) or "nothing"
        more = f" and {len(diff['differing']) - 4} more files" if len(diff["differing"]) > 4 else ""
        lines.append(f"- {r['offers']:,} offers ({r['catalogue']['yaml_bytes'] / MB:.1f} MB of YAML in {diff['files']:,} files): "
                     f"the baseline's synth differs from this checkout's in {what}{more}.")
    return lines


def growth_lines(runs: list[dict]) -> list[str]:
    """Return, for consecutive sizes, the time ratio scaled to a 4× step in offers."""
    lines = []
    for key, label in BUILDS:
        series = [(r["offers"], r[key]["seconds"]) for r in runs if r.get(key)]
        steps = [f"{a:,}→{b:,}: {(tb / ta) ** (math.log(4) / math.log(b / a)):.2f}×" for (a, ta), (b, tb) in zip(series, series[1:])]
        if steps:
            lines.append(f"- {label}: " + ", ".join(steps))
    return lines


def when(entry: dict) -> str:
    return f"{entry['date']}, {entry.get('commit', '')}" + (f", {entry['label']}" if entry.get("label") else "")


def interactive_lines(results: dict) -> list[str]:
    lines = []
    for name, serve in sorted((results.get("serve") or {}).items()):
        what = f"the {serve['offers']:,}-offer synthetic catalogue" if name == "synthetic" else "the real catalogue"
        lines.append(f"- `serve` on {what} ({when(serve)}): ready after {serve['startup_seconds']:.0f} s; "
                     f"one offer's `purpose` in `{serve['file']}` edited, page `{serve['url_path']}` shows it after "
                     + ", ".join(f"{s:.2f} s" for s in serve["seconds"]) + ".")
    finder = results.get("finder")
    if finder:
        facets = {}
        for c in finder["clicks"]:
            facets.setdefault(c["facet"], []).append(c["ms"])
        per = ", ".join(f"{f} {statistics.median(v):.0f}/{max(v):.0f}" for f, v in facets.items())
        lines.append(f"- Find tilbud on the {finder['offers']:,}-offer site in Chromium ({when(finder)}): "
                     f"{len(finder['clicks'])} facet changes in {finder['rounds']} fresh contexts, click → new count "
                     f"**{finder['median_ms']:.0f} ms median, {finder['max_ms']:.0f} ms max** (median/max ms by facet: {per}); "
                     f"page load → first count {', '.join(f'{ms:.0f}' for ms in finder['load_ms'])} ms.")
    return lines or ["Not measured."]


def header(runs: list[dict]) -> list[str]:
    machines = sorted({r.get("machine", "?") for r in runs})
    versions = sorted({f"{label}: {b['versions']}" for r in runs for key, label, b in builds(r) if key != "floor" and b.get("versions")})
    return ["# Benchmark: the build at national scale", "",
            "Written by `.venv/bin/python benchmarks/run.py` (see its docstring and the notes below). Each size is one run on "
            "one machine: the baseline (commit 11be49e, main when issue 15 was filed, with Pagefind), this checkout's build and "
            "the floor, one after the other on synthetic catalogues of the same size. Times are wall-clock seconds of the "
            "whole `python -m generator build` process (from start to exit, interpreter start included); CPU is user + system "
            "time of it and every process it waited for; memory is the peak resident set (VmHWM) of each process of the build. "
            "The floor is one plain MkDocs process building trivial pages at this build's page paths. Ratios compare the "
            "wall times of one row (one run). MB/KB are 10^6/10^3 bytes.", "",
            "Machine: " + "; ".join(machines) + ".", "", *[f"- {v}" for v in versions], "",
            "![Whole build time against number of offers, log-log](time.svg)", ""]


def write_report(folder: Path, results: dict) -> None:
    """Write results.json, time.svg and RESULTS.md into folder, keeping RESULTS.md's hand-written notes."""
    runs = sorted(results["runs"], key=lambda r: r["offers"])
    (folder / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (folder / "time.svg").write_text(svg(runs), encoding="utf-8")
    old = (folder / "RESULTS.md").read_text(encoding="utf-8") if (folder / "RESULTS.md").is_file() else ""
    notes = old.split(NOTES, 1)[1] if NOTES in old else "\n"
    text = [*header(runs),
            "## Targets (issue 15)", "", *targets(runs, results), "",
            "## Whole build (s)", "", *whole_table(runs), "",
            "Time for 4× the offers, from consecutive sizes:", "", *(growth_lines(runs) or ["- only one size measured"]), "",
            "## By stage (s)", "",
            "Each stage's own time (a stage inside another is taken out of it: `finder` and `search` out of `render`, "
            "`pagefind` out of `mkdocs`), added up over the build's processes: the main one and the workers it forks to render "
            "and write pages beside it (*wait*: the main process waiting for them; MkDocs' workers are in *mkdocs*). *rest* is "
            "the wall time outside the stages (interpreter start and imports, the content date, the site swap), negative "
            "where stages ran side by side.", "",
            *stage_table(runs), "",
            "## Peak memory per process (MB)", "", *memory_table(runs), "",
            "## Pages", "", *page_table(runs), "",
            "## Catalogues", "", *(catalogue_lines(runs) or ["No baseline in these runs."]), "",
            "## Interactive", "", *interactive_lines(results), "",
            NOTES]
    (folder / "RESULTS.md").write_text("\n".join(text) + notes, encoding="utf-8")

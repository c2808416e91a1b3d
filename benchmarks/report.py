"""Turn benchmark runs into benchmarks/RESULTS.md (tables, targets, machine, date) and time.svg (time against N).

Input: the runs from run.py. Output: results.json, RESULTS.md and time.svg beside this file. Whatever follows
the NOTES marker in an existing RESULTS.md is kept, so the written analysis survives a re-run.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
from importlib.metadata import version
from pathlib import Path

OURS = ("load", "validate", "index", "render", "write")
NOTES = "<!-- notes: everything below this line is written by hand and kept by run.py -->"
MB, KB = 1e6, 1e3


def total(run: dict) -> float:
    return sum(s["seconds"] for s in run["stages"].values())


def ours(run: dict) -> float:
    return sum(run["stages"][s]["seconds"] for s in OURS)


def cpu(run: dict) -> str:
    seconds = [s.get("cpu_seconds") for s in run["stages"].values()]
    return f"{sum(seconds):.1f}" if None not in seconds else "–"


def load(run: dict) -> str:
    return f"{run['load_average'][1]:.1f}" if "load_average" in run else "–"


def mkdocs(run: dict) -> float:
    return run["stages"]["mkdocs"]["seconds"]


def own_peak(run: dict) -> int:
    return max(s["peak_bytes"] for name, s in run["stages"].items() if name != "pagefind")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return (f"{len(os.sched_getaffinity(0))} cores (nproc), {cpu}, {ram / 1024 / 1024:.0f} GB RAM; Python {platform.python_version()}, "
            f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}")


def pair(values, unit=MB, digits=1) -> str:
    """Format (raw, gzip) bytes as 'raw (gzip)'."""
    return f"{values[0] / unit:.{digits}f} ({values[1] / unit:.{digits}f})" if values else "–"


def time_table(runs: list[dict]) -> list[str]:
    stages = [s for s in runs[0]["stages"]]
    lines = ["| offers | pages | " + " | ".join(stages) + " | **total** | CPU | load avg | ours | total ÷ mkdocs | bare Material | total ÷ bare |",
             "|---:|---:|" + "---:|" * len(stages) + "---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        cells = [f"{r['stages'][s]['seconds']:.2f}" for s in stages]
        lines.append(f"| {r['offers']:,} | {r['counts']['pages']:,} | " + " | ".join(cells) +
                     f" | **{total(r):.1f}** | {cpu(r)} | {load(r)} | {100 * ours(r) / total(r):.1f} % | {total(r) / mkdocs(r):.2f}× | "
                     f"{r['floor']['seconds']:.1f} | {total(r) / r['floor']['seconds']:.2f}× |")
    return lines


def memory_table(runs: list[dict]) -> list[str]:
    stages = [s for s in runs[0]["stages"]]
    lines = ["| offers | " + " | ".join(stages) + " | **peak** | bare Material |", "|---:|" + "---:|" * (len(stages) + 2)]
    for r in runs:
        peaks = [r["stages"][s]["peak_bytes"] for s in stages]
        lines.append(f"| {r['offers']:,} | " + " | ".join(f"{p / MB:.0f}" for p in peaks) +
                     f" | **{max(peaks) / MB:.0f}** | {r['floor']['peak_bytes'] / MB:.0f} |")
    return lines


def output_table(runs: list[dict]) -> list[str]:
    lines = ["| offers | YAML in | site | HTML pages | mean page | mean offer page | largest page | search_index.json | "
             "finder data | finder query | Pagefind query (est.) | bare Material mean page |",
             "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for r in runs:
        largest = f"{r['largest_page'][0]} {r['largest_page'][1] / KB:.0f} KB"
        pagefind = f"{r['pagefind']['query_bytes'] / KB:.0f} KB" if "pagefind" in r else "–"
        lines.append(f"| {r['offers']:,} | {r['input_bytes'] / MB:.1f} MB | {r['site_bytes'] / MB:.0f} MB | {r['html_pages']:,} | "
                     f"{r['mean_page_bytes'] / KB:.1f} KB | {r['mean_offer_page_bytes'] / KB:.1f} KB | {largest} | "
                     f"{pair(r.get('search_index'))} MB | {pair(r.get('finder_data'))} MB | {pair(r.get('finder_query'), KB, 0)} KB | "
                     f"{pagefind} | {r['floor']['mean_page_bytes'] / KB:.1f} KB |")
    return lines


def linearity(runs: list[dict]) -> list[tuple[int, int, float]]:
    """Return (n, m, growth) for consecutive sizes: time ratio divided by size ratio, scaled to a 4× step."""
    return [(a["offers"], b["offers"], (total(b) / total(a)) ** (1 / _log4(b["offers"] / a["offers"])))
            for a, b in zip(runs, runs[1:])]


def _log4(x: float) -> float:
    import math

    return math.log(x) / math.log(4)


def targets(runs: list[dict], serve: dict | None) -> list[str]:
    big = runs[-1]
    rows = [("Linear: 4× offers ≤ 4.4× time", ", ".join(f"{a:,}→{b:,}: {g:.2f}×" for a, b, g in linearity(runs)) or "–",
             all(g <= 4.4 for *_, g in linearity(runs))),
            ("Our stages ≤ 10 % of the build", ", ".join(f"{r['offers']:,}: {100 * ours(r) / total(r):.1f} %" for r in runs),
             all(ours(r) <= 0.1 * total(r) for r in runs)),
            (f"{big['offers']:,} offers build < 120 s", f"{total(big):.0f} s", total(big) < 120),
            (f"{big['offers']:,} offers peak memory < 1 GB (the build's own process)", f"{own_peak(big) / MB:.0f} MB", own_peak(big) < 1e9),
            (f"{big['offers']:,} offers mean page < 30 KB", f"{big['mean_page_bytes'] / KB:.1f} KB", big["mean_page_bytes"] < 30 * KB)]
    if "finder_query" in big:
        rows.append(("Finder query downloads < 1 MB", f"{pair(big['finder_query'])} MB raw (gzip)", big["finder_query"][0] < MB))
    if "search_index" in big:
        rows.append(("Search query downloads < 1 MB (Material's lunr index)", f"{pair(big['search_index'])} MB raw (gzip)",
                     big["search_index"][0] < MB))
    if "pagefind" in big:
        rows.append((f"{big['offers']:,} offers: Pagefind's own peak memory < 1 GB", f"{big['stages']['pagefind']['peak_bytes'] / MB:.0f} MB",
                     big["stages"]["pagefind"]["peak_bytes"] < 1e9))
        rows.append(("Search query downloads < 1 MB (Pagefind, estimated)", f"{big['pagefind']['query_bytes'] / KB:.0f} KB",
                     big["pagefind"]["query_bytes"] < MB))
    rows.append(("Whole build ≤ 1.2× plain `mkdocs build` of the same generated pages (the mkdocs stage)",
                 ", ".join(f"{r['offers']:,}: {total(r) / mkdocs(r):.2f}×" for r in runs), all(total(r) <= 1.2 * mkdocs(r) for r in runs)))
    rows.append(("Whole build ≤ 1.2× bare Material (trivial pages, same paths and mkdocs.yml)",
                 ", ".join(f"{r['offers']:,}: {total(r) / r['floor']['seconds']:.2f}×" for r in runs),
                 all(total(r) <= 1.2 * r["floor"]["seconds"] for r in runs)))
    if serve:
        rows.append(("Edit one YAML file → visible in `serve` ≤ 2 s (real catalogue)",
                     ", ".join(f"{s:.1f} s" for s in serve["seconds"]), max(serve["seconds"]) <= 2))
    return ["| target | measured | met |", "|---|---|:-:|"] + [f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in rows]


def svg(runs: list[dict]) -> str:
    """Return a line chart of seconds against offers: whole build, MkDocs, our stages and bare Material."""
    width, height, left, bottom, top, right = 640, 360, 56, 44, 16, 170
    xmax = max(r["offers"] for r in runs)
    top_value = max(max(total(r), r["floor"]["seconds"]) for r in runs)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if top_value / s <= 5)
    ymax = step * (int(top_value / step) + 1)
    x = lambda n: left + (width - left - right) * n / xmax
    y = lambda s: height - bottom - (height - bottom - top) * s / ymax
    series = [("whole build", "#1f5fa8", total), ("MkDocs stage", "#e08a00", lambda r: r["stages"]["mkdocs"]["seconds"]),
              ("our stages", "#2e8b57", ours), ("bare Material", "#777", lambda r: r["floor"]["seconds"])]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'font-family="sans-serif" font-size="12" role="img" aria-label="Build time against number of offers">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for s in range(0, ymax + 1, step):
        parts += [f'<line x1="{left}" x2="{width - right}" y1="{y(s):.1f}" y2="{y(s):.1f}" stroke="#ddd"/>',
                  f'<text x="{left - 6}" y="{y(s) + 4:.1f}" text-anchor="end">{s}</text>']
    for n in (xmax * i / 5 for i in range(6)):
        parts.append(f'<text x="{x(n):.1f}" y="{height - bottom + 16}" text-anchor="middle">{n:,.0f}</text>')
    parts += [f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle">offers</text>',
              f'<text x="14" y="{(height - bottom) / 2}" transform="rotate(-90 14 {(height - bottom) / 2})" text-anchor="middle">seconds</text>']
    if ymax > 120:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(120):.1f}" y2="{y(120):.1f}" stroke="#c00" stroke-dasharray="4 4"/>'
                     f'<text x="{width - right - 4}" y="{y(120) - 4:.1f}" text-anchor="end" fill="#c00">120 s target</text>')
    for i, (label, colour, value) in enumerate(series):
        points = " ".join(f"{x(r['offers']):.1f},{y(value(r)):.1f}" for r in runs)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x(r["offers"]):.1f}" cy="{y(value(r)):.1f}" r="3" fill="{colour}"/>' for r in runs]
        parts.append(f'<rect x="{width - right + 14}" y="{top + 20 * i + 2}" width="14" height="4" fill="{colour}"/>'
                     f'<text x="{width - right + 34}" y="{top + 20 * i + 8}">{label}</text>')
    return "\n".join(parts + ["</svg>", ""])


def serve_lines(serve: dict | None) -> list[str]:
    if not serve:
        return ["Not measured in this run (`--no-serve`)."]
    return [f"`generator serve` on a copy of the real catalogue; one offer's `purpose` in `{serve['offers_file']}` edited, "
            f"timed until the served page shows the new text: " + ", ".join(f"{s:.2f} s" for s in serve["seconds"]) + "."]


def write_report(folder: Path, runs: list[dict], serve: dict | None) -> None:
    """Write results.json, time.svg and RESULTS.md into folder, keeping RESULTS.md's hand-written notes."""
    (folder / "results.json").write_text(json.dumps({"runs": runs, "serve": serve}, indent=1) + "\n", encoding="utf-8")
    (folder / "time.svg").write_text(svg(runs), encoding="utf-8")
    old = (folder / "RESULTS.md").read_text(encoding="utf-8") if (folder / "RESULTS.md").is_file() else ""
    notes = old.split(NOTES, 1)[1] if NOTES in old else "\n"
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = [
        "# Benchmark: the build at national scale", "",
        f"Measured {today} on {machine()}, by `.venv/bin/python benchmarks/run.py` on synthetic catalogues "
        "(`python -m generator synth`). Times are wall-clock seconds; *CPU* is the CPU time of all stages (Pagefind's "
        "process included) and *load avg* the machine's 5-minute load average after the build, as a sign of other "
        "work on the machine that slows the wall-clock times; memory is the peak resident set of the stage's process "
        "(Pagefind's: of its own process). Sizes in MB/KB are 10^6/10^3 bytes; `raw (gzip)` is what a server sends without "
        "and with compression. *Bare Material* builds the same page paths as trivial pages with the same `mkdocs.yml`.", "",
        "![Build time against number of offers](time.svg)", "",
        "## Time (s)", "", *time_table(runs), "",
        "## Peak memory (MB)", "", *memory_table(runs), "",
        "## Output", "", *output_table(runs), "",
        "## Editing in `serve`", "", *serve_lines(serve), "",
        "## Targets", "", *targets(runs, serve), "",
        NOTES,
    ]
    (folder / "RESULTS.md").write_text("\n".join(text) + notes, encoding="utf-8")

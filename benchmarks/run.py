"""Benchmark the build at national scale: this checkout beside baseline 11be49e and a bare Material floor, in one run.

Usage (from the repository root):
  .venv/bin/python benchmarks/run.py [--sizes 1000,4000,10000] [--work DIR] [--no-baseline] [--no-serve] [--no-finder]
  .venv/bin/python benchmarks/run.py --sizes 40000            # the one-off 40,000 run, added to the earlier sizes
  .venv/bin/python benchmarks/run.py --interactive-only       # serve and the finder again, on the last 10,000 build
  .venv/bin/python benchmarks/run.py --report-only            # RESULTS.md again from results.json

For each size N: a synthetic catalogue (`generator synth`), then, each as its own process measured whole (wall,
CPU, peak memory of every process; see measure.py): the baseline's `generator build` (11be49e, with Pagefind, in
its own folder and venv under the work folder), this checkout's `generator build` with its stages timed
(stagetimer.py), and the floor (floor.py). At --interactive N (10,000), also an edit in `serve` and Find tilbud's
facets in Chromium; always (unless --no-serve) an edit in `serve` on the real catalogue. Results are merged by
size into benchmarks/results.json, so a later run can add or redo sizes; RESULTS.md and time.svg are written
from all of them. A failing step prints its error output and the run goes on with the next size (exit 1).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

import measure
from floor import prepare
from interactive import serve_latency
from measure import StepFailed
from sites import catalogue_differences, site_stats

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASELINE = "11be49e"
SIZES = (1000, 4000, 10000)
RESULTS = HERE / "results.json"


def say(text: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def run_quietly(step: str, command: list[str], cwd: Path) -> str:
    """Run an untimed step; return its output; raise StepFailed with its error output if it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise StepFailed(f"{step} failed (exit {result.returncode}): {' '.join(map(str, command))}\n  in {cwd}\n"
                         + "\n".join((result.stderr or result.stdout).strip().splitlines()[-40:]))
    return result.stdout


def prepare_baseline(work: Path) -> Path:
    """Return the baseline's checkout with its own venv, made once (git archive + pip install) and reused."""
    folder = work / f"baseline-{BASELINE}"
    if (folder / ".ready").is_file():
        return folder
    say(f"baseline {BASELINE}: unpacking into {folder} and installing its requirements.txt into its own venv (once)")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", BASELINE], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    run_quietly("baseline venv", [sys.executable, "-m", "venv", str(folder / ".venv")], folder)
    run_quietly("baseline pip install", [str(folder / ".venv/bin/python"), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"], folder)
    (folder / ".ready").write_text("git archive + pip install -r requirements.txt\n")
    return folder


def synth_key(checkout: Path) -> str:
    """Return a hash of what a synthetic catalogue depends on in checkout (the synth and the model)."""
    digest = hashlib.sha256()
    for path in sorted(p for folder in ("generator/synth", "generator/model", "generator/synth.py") for p in
                       ((checkout / folder).rglob("*.py") if (checkout / folder).is_dir() else [checkout / folder]) if p.is_file()):
        digest.update(path.relative_to(checkout).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def synthesise(python: str, checkout: Path, n: int, root: Path) -> Path:
    """Write checkout's synthetic catalogue of n offers into root, unless it is there already from the same synth."""
    stamp, key = root.with_name(root.name + ".synth"), synth_key(checkout)
    if root.is_dir() and stamp.is_file() and stamp.read_text() == key:
        return root
    say(f"  synth {n:,} offers → {root}")
    shutil.rmtree(root, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    run_quietly(f"synth {n}", [python, "-m", "generator", "synth", "--offers", str(n), "--out", str(root)], checkout)
    stamp.write_text(key)
    return root


def timed_build(step: str, python: str, checkout: Path, root: Path, site: Path, work: Path) -> dict:
    """Build root into site with checkout's generator, stages timed; return the measurement and the site's sizes."""
    shutil.rmtree(root / "build", ignore_errors=True)  # a fresh build: nothing to reuse from an earlier one
    stages = work / "logs" / f"{step}.stages.json"
    stages.unlink(missing_ok=True)
    command = [python, str(HERE / "stagetimer.py"), str(stages), "build", "--root", str(root), "--out", str(site)]
    say(f"  {step}: {checkout.name if checkout != REPO else 'this checkout'} builds {root.name}")
    result = measure.run(step, command, checkout, work / "logs" / step)
    timing = json.loads(stages.read_text())
    say(f"  {step}: {result['seconds']:.1f} s wall, {result['cpu_seconds']:.1f} s CPU, peak {result['peak_bytes'] / 1e6:.0f} MB")
    return {**result, "stages": timing["stages"], "import_seconds": timing["import_seconds"], "versions": versions(python, checkout),
            "pages": sum(1 for _ in (root / "build" / "docs").rglob("*.md")), "site": site_stats(site)}


def floor_build(n: int, docs: Path, work: Path) -> dict:
    """Build trivial pages at docs' paths with plain MkDocs and the repository's mkdocs.yml; return the measurement."""
    floor = work / f"floor-{n}"
    pages = prepare(docs, floor / "docs") if docs.is_dir() else 0
    if not pages:
        raise StepFailed(f"floor-{n}: the build left no pages in {docs} to copy the paths of")
    command = [sys.executable, str(HERE / "floor.py"), str(floor / "docs"), str(floor / "site")]
    say(f"  floor: {pages:,} trivial pages")
    result = measure.run(f"floor-{n}", command, REPO, work / "logs" / f"floor-{n}")
    say(f"  floor: {result['seconds']:.1f} s wall, {result['cpu_seconds']:.1f} s CPU")
    return {**result, "pages": pages, "site": site_stats(floor / "site")}


def measure_size(n: int, work: Path, baseline: Path | None, label: str = "") -> dict:
    """Measure one size: the baseline's build, this checkout's build and the floor, one after the other."""
    say(f"{n:,} offers")
    root = synthesise(sys.executable, REPO, n, work / f"offers-{n}")
    run = {"offers": n, "date": now(), "commit": commit(), "label": label, "machine": machine(), "catalogue": {"yaml_bytes": yaml_bytes(root)}}
    if baseline:
        base_python = str(baseline / ".venv" / "bin" / "python")
        base_root = synthesise(base_python, baseline, n, work / f"baseline-offers-{n}")
        run["catalogue"]["baseline_differs"] = catalogue_differences(root, base_root)
        run["baseline"] = timed_build(f"baseline-{n}", base_python, baseline, base_root, work / f"baseline-site-{n}", work)
    run["current"] = timed_build(f"current-{n}", sys.executable, REPO, root, work / f"site-{n}", work)
    run["floor"] = floor_build(n, root / "build" / "docs", work)
    return run


def interactive(n: int, work: Path, args, results: dict) -> None:
    """Time an edit in `serve` on the n-offer catalogue and the facets of its Find tilbud, into results."""
    if not args.no_serve:
        say(f"serve: {n:,} offers (a full build first, then {3} edits)")
        results["serve"]["synthetic"] = {**serve_latency(work / f"offers-{n}", work, f"offers-{n}"), "offers": n, "date": now(), "commit": commit(), "label": args.label}
        say(f"  serve: {', '.join(f'{s:.2f} s' for s in results['serve']['synthetic']['seconds'])}")
    if not args.no_finder:
        out = work / "logs" / f"finder-{n}.json"
        say(f"finder: {n:,} offers in Chromium")
        run_quietly("finder", [sys.executable, str(HERE / "search_browser.py"), str(work / f"site-{n}"), "--finder",
                               "--rounds", "2", "--json", str(out)], REPO)
        results["finder"] = {**json.loads(out.read_text()), "offers": n, "date": now(), "commit": commit(), "label": args.label}
        say(f"  finder: median {results['finder']['median_ms']:.0f} ms, max {results['finder']['max_ms']:.0f} ms")


def versions(python: str, checkout: Path) -> str:
    """Return the Python and the versions of the packages that do most of a build, in python's environment."""
    code = ("import platform; from importlib.metadata import version as v; print(f'Python {platform.python_version()}, ' + "
            "', '.join(f'{p} {v(p)}' for p in ('mkdocs', 'mkdocs-material', 'Markdown', 'pymdown-extensions', 'Jinja2', 'PyYAML', 'pydantic')))")
    return run_quietly("versions", [python, "-c", code], checkout).strip()


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    ram = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return f"{len(os.sched_getaffinity(0))} cores (nproc), {model}, {ram / 1024 ** 2:.0f} GB RAM"


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def commit() -> str:
    """Return this checkout's commit, marked -dirty when tracked files outside benchmarks/ are changed."""
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks"],
                           capture_output=True, text=True).stdout.strip()
    return head + ("-dirty" if dirty else "")


def yaml_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*.yaml") if "build" not in p.relative_to(root).parts)


def load_results() -> dict:
    """Return the earlier results; runs of the older format (before baseline and floor shared a run) are dropped."""
    old = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    serve = old.get("serve") if isinstance(old.get("serve"), dict) and "seconds" not in old["serve"] else {}
    return {"runs": [r for r in old.get("runs", []) if "current" in r], "serve": serve, "finder": old.get("finder")}


def save(results: dict) -> None:
    results["runs"].sort(key=lambda r: r["offers"])
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated offer counts (default: %(default)s)")
    parser.add_argument("--work", type=Path, default=HERE / "runs",
                        help="folder for the baseline, catalogues, sites and logs, kept between runs (default: benchmarks/runs)")
    parser.add_argument("--baseline-max", type=int, default=10000, help="build the baseline only up to this size (default: %(default)s)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    parser.add_argument("--interactive", type=int, default=10000, help="size at which serve and the finder are timed, "
                        "when it is among --sizes (default: %(default)s)")
    parser.add_argument("--interactive-only", action="store_true", help="build nothing: time serve and the finder at "
                        "--interactive on the catalogue and site the last run of that size left in the work folder")
    parser.add_argument("--no-serve", action="store_true", help="skip the edits in serve (both catalogues)")
    parser.add_argument("--no-finder", action="store_true", help="skip Find tilbud in Chromium")
    parser.add_argument("--label", default="", help="a note shown with this run's rows, e.g. 'main before issue 15'")
    parser.add_argument("--fresh", action="store_true", help="drop the earlier results instead of merging with them")
    parser.add_argument("--report-only", action="store_true", help="only write RESULTS.md and time.svg from results.json")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    from report import write_report

    results, failed = {"runs": [], "serve": {}, "finder": None} if args.fresh and not args.report_only else load_results(), []
    if not args.report_only:
        started, work = time.perf_counter(), args.work.resolve()
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
        failed = measure_all(sizes, work, args, results)
        say(f"done in {(time.perf_counter() - started) / 60:.1f} min" + (f"; failed: {', '.join(failed)}" if failed else ""))
    write_report(HERE, results)
    say(f"wrote {HERE / 'RESULTS.md'}, {HERE / 'time.svg'} and {RESULTS}")
    return 1 if failed else 0


def measure_all(sizes: list[int], work: Path, args, results: dict) -> list[str]:
    """Measure every size and what is interactive, saving results after each; return the steps that failed."""
    failed = []
    if args.interactive_only:
        sizes, args.no_baseline = [], True
    try:
        baseline = None if args.no_baseline else prepare_baseline(work)
    except (StepFailed, subprocess.CalledProcessError) as error:
        say(f"the baseline could not be prepared, so it is skipped: {error}")
        baseline, failed = None, ["baseline"]
    for n in sizes:
        try:
            run = measure_size(n, work, baseline if n <= args.baseline_max else None, args.label)
        except Exception as error:  # a failing size must not stop the others: say which step and why
            say(f"{n:,} offers: {error if isinstance(error, StepFailed) else traceback.format_exc()}")
            failed.append(f"{n:,} offers")
            continue
        results["runs"] = [r for r in results["runs"] if r["offers"] != n] + [run]
        save(results)
    steps = [(f"interactive at {args.interactive:,}", lambda: interactive(args.interactive, work, args, results))] * (
        args.interactive in sizes or args.interactive_only)
    steps += [("serve on the real catalogue", lambda: real_serve(work, results, args.label))] * (not args.no_serve)
    for name, step in steps:
        try:
            step()
        except Exception as error:
            say(f"{name}: {error if isinstance(error, StepFailed) else traceback.format_exc()}")
            failed.append(name)
        save(results)
    return failed


def real_serve(work: Path, results: dict, label: str) -> None:
    say("serve: the real catalogue")
    results["serve"]["real"] = {**serve_latency(REPO, work, "real"), "date": now(), "commit": commit(), "label": label}
    say(f"  serve: {', '.join(f'{s:.2f} s' for s in results['serve']['real']['seconds'])}")


if __name__ == "__main__":
    sys.exit(main())

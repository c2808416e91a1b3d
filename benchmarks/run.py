"""Benchmark the build at national scale: synthetic catalogues of N offers, stage by stage, beside a bare Material floor.

Usage (from the repository root):  .venv/bin/python benchmarks/run.py [--sizes 250,1000,4000,10000] [--work DIR]

Each size runs in its own process, so peak memory is that size's alone. Writes benchmarks/results.json,
benchmarks/RESULTS.md and benchmarks/time.svg. Nothing here is a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from generator import synth, write  # noqa: E402
from generator.index import build_indexes  # noqa: E402
from generator.load import load_catalog  # noqa: E402
from generator.options import Options  # noqa: E402
from generator.render import render  # noqa: E402
from generator.validate import validate  # noqa: E402

SIZES = (250, 1000, 4000, 10000)
CLEAR_REFS = Path("/proc/self/clear_refs")


def peak_rss_reset() -> None:
    """Start a new peak-memory window (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        CLEAR_REFS.write_text("5")
    except OSError:
        pass  # the peak then stays cumulative, which still bounds the stage from above


def peak_rss() -> int:
    """Return the process's peak resident memory in bytes since the last reset."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@contextmanager
def stage(stages: dict, name: str):
    peak_rss_reset()
    start, cpu = time.perf_counter(), time.process_time()
    yield
    stages[name] = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu, "peak_bytes": peak_rss()}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(n: int, work: Path) -> dict:
    """Synthesise n offers, build them stage by stage, and return times, memory and sizes."""
    root, stages = work / f"offers-{n}", {}
    start = time.perf_counter()
    synth.write_catalogue(root, synth.catalogue(n))
    synth_seconds = time.perf_counter() - start
    docs, site = root / "build" / "docs", root / "site"
    with stage(stages, "load"):
        files = load_catalog(root)
    with stage(stages, "validate"):
        catalog = validate(files)
    with stage(stages, "index"):
        indexes = build_indexes(catalog)
    with stage(stages, "render"):
        pages = render(catalog, indexes)
    counts = {"offers": len(catalog.offers), "providers": len(catalog.providers), "cases": len(catalog.cases),
              "pages": sum(p.endswith(".md") for p in pages)}
    del files, catalog, indexes  # as pipeline.build: only the pages outlive generate(), and not MkDocs
    with stage(stages, "write"):
        write.write_docs(docs, pages)
    del pages
    with stage(stages, "mkdocs"):
        write.build_site(docs, site, Options())
    return {"offers": n, "synth_seconds": synth_seconds, "stages": stages, "load_average": os.getloadavg(), "input_bytes": tree_bytes(root, "*.yaml"),
            "counts": counts,
            **site_sizes(site)}


def measure_floor(docs: Path, work: Path) -> dict:
    """Build the same page paths as trivial pages with the same mkdocs.yml: the floor Material sets."""
    floor = work / f"floor-{docs.parent.parent.name}"
    shutil.rmtree(floor, ignore_errors=True)
    for page in sorted(docs.rglob("*.md")):
        target = floor / "docs" / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {page.stem}\n\nEn side i kataloget.\n", encoding="utf-8")
    shutil.copytree(docs / "assets", floor / "docs" / "assets")
    from mkdocs.commands.build import build as mkdocs_build

    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    peak_rss_reset()
    start = time.perf_counter()
    mkdocs_build(write.site_config(floor / "docs", floor / "site", Options()))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_bytes": peak_rss(), **site_sizes(floor / "site")}


def site_sizes(site: Path) -> dict:
    """Return the output's size, page sizes and what search and the finder download."""
    html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    offers = [p.stat().st_size for p in (site / "tilbud").glob("*/index.html")]
    result = {
        "site_bytes": tree_bytes(site, "*"), "html_pages": len(html),
        "mean_page_bytes": sum(p.stat().st_size for p in html) / len(html),
        "mean_offer_page_bytes": sum(offers) / len(offers) if offers else 0,
        "largest_page": [html[-1].relative_to(site).as_posix(), html[-1].stat().st_size],
    }
    index = site / "search" / "search_index.json"
    if index.is_file():
        result["search_index"] = sizes(index)
    finder = [site / "find-tilbud" / "index.html", site / "assets" / "finder.js", site / "assets" / "finder-data.js"]
    if all(p.is_file() for p in finder):
        result["finder_data"] = sizes(finder[2])
        result["finder_query"] = [sum(s) for s in zip(*(sizes(p) for p in finder))]
    elif (site / "assets" / "finder" / "meta.js").is_file():
        shards = [p for p in (site / "assets" / "finder").glob("*.js")]
        result["finder_data"] = [sum(s) for s in zip(*(sizes(p) for p in shards))]
        result["finder_query"] = [sum(s) for s in zip(*(sizes(p) for p in finder[:2] + sharded_query(site / "assets" / "finder")))]
    search = site / "assets" / "search"
    if search.is_dir():
        result["search_data"] = [sum(s) for s in zip(*(sizes(p) for p in search.glob("*.js")))]
    return result


def sharded_query(folder: Path, shown: int = 25) -> list[Path]:
    """Return the files the sharded finder loads for the facet value with the most offers: meta, that
    value's list, and the offer chunks of the first results shown (free text: see benchmarks/search_browser.py)."""
    def data(path: Path):
        text = path.read_text(encoding="utf-8")
        return json.loads(text[text.index(",") + 1: text.rindex(")")])
    chunk = data(folder / "meta.js")["chunk"]
    best, hits = None, []
    for path in folder.glob("*.js"):
        if path.name == "meta.js" or path.name.startswith("offers-"):
            continue
        content = data(path)
        for found in (content.values() if isinstance(content, dict) else [content]):
            if len(found) > len(hits):
                best, hits = path, found
    chunks = {folder / f"offers-{i // chunk}.js" for i in sorted(hits)[:shown]}
    return [folder / "meta.js", best, *sorted(chunks)]


def sizes(path: Path) -> tuple[int, int]:
    """Return (raw, gzip) size of a file: what a server without and with compression sends."""
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, 6, mtime=0))


def tree_bytes(folder: Path, pattern: str) -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def serve_latency(work: Path, trials: int = 3) -> dict:
    """Serve a copy of the real catalogue; edit one offer's YAML and time until the served page shows it."""
    root = work / "serve-real"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for name in ("providers.yaml", "packages.yaml", "content", "cases"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    target = root / "content" / "offers" / "hki.yaml"
    offer_id = next(line.split(":")[1].strip() for line in target.read_text(encoding="utf-8").splitlines() if "- id:" in line)
    port = free_port()
    url = f"http://127.0.0.1:{port}/tilbud/{offer_id}/"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port)],
                              cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=open(work / "serve.log", "w"))
    try:
        wait_for(url, "", timeout=180)
        results = []
        for trial in range(trials):
            token = f"Maalepunkt{trial}x{time.time_ns() % 10**6}"
            text = target.read_text(encoding="utf-8").replace("purpose: >-\n      ", f"purpose: >-\n      {token} ", 1)
            start = time.perf_counter()
            target.write_text(text, encoding="utf-8")  # in place, as VS Code saves
            wait_for(url, token, timeout=60)
            results.append(time.perf_counter() - start)
            time.sleep(1)
        return {"offers_file": "content/offers/hki.yaml", "seconds": results}
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def child(args) -> None:
    """Measure one size (and its floor) in this process and print the result as JSON."""
    work = Path(args.work)
    if args.child_floor:
        print(json.dumps(measure_floor(Path(args.child_floor), work)))
    elif args.child_serve:
        print(json.dumps(serve_latency(work)))
    else:
        print(json.dumps(measure(args.child, work)))


def run_child(*extra: str, work: Path) -> dict:
    command = [sys.executable, __file__, "--work", str(work), *extra]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env={**os.environ, "CI": "1"})
    if result.returncode != 0:
        sys.exit(f"benchmark step {' '.join(extra)} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated offer counts (default: %(default)s)")
    parser.add_argument("--work", default=None, help="scratch folder for catalogues and sites (default: a temporary folder)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency measurement")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-floor", help=argparse.SUPPRESS)
    parser.add_argument("--child-serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.child_floor or args.child_serve:
        return child(args)
    work = Path(args.work or tempfile.mkdtemp(prefix="tilbud-bench-"))
    runs = []
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"{n} offers …", file=sys.stderr, flush=True)
        run = run_child("--child", str(n), work=work)
        run["floor"] = run_child("--child-floor", str(work / f"offers-{n}" / "build" / "docs"), work=work)
        runs.append(run)
        print(f"  build {sum(s['seconds'] for s in run['stages'].values()):.1f} s, floor {run['floor']['seconds']:.1f} s", file=sys.stderr)
    serve = None if args.no_serve else run_child("--child-serve", work=work)
    from report import write_report

    write_report(HERE, runs, serve)
    print(f"Wrote {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()

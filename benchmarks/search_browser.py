"""Search as a caseworker meets it, measured in Debian's Chromium: for each query typed key by key into the
header's box, the time from the last key to its results on screen and the bytes of index downloaded while
typing it; and the same for the query pasted at once (every file loaded after the paste). Each from an empty
cache, the median of --rounds. Prints a Markdown table; the numbers go into benchmarks/SEARCH.md.

usage: .venv/bin/python benchmarks/search_browser.py SITE [--offline]
SITE is a built site (python -m generator build [--root DIR] --out SITE [--offline]); the served build is
served on a local port, the offline build opened from file://.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402

QUERIES = ["autisme", "asberger", "hjerne skade", "sygemeldt hjernerystelse", "mentor praktik",
           "social færdighedstræning", "kontanthjælp unge", "xyzzyq"]
# Stamp the last key typed and the moment the results for the whole query are on screen.
PROBE = """() => {
    const form = document.querySelector('form[data-tk-search]');
    form.q.addEventListener('input', () => { window.__typed = performance.now(); }, true);
    new MutationObserver(() => { window.__shown = performance.now(); }).observe(form, {attributes: true, attributeFilter: ['data-for']});
}"""


def measure(browser, home: str, query: str, delay: int) -> dict:
    """Type query in a fresh context (delay 0: paste it at once); return ms from the last key (or the paste)
    to its results, and the bytes and files of index loaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(home, wait_until="load")
    page.evaluate(PROBE)
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: loaded.append((r.url, r.sizes()["responseBodySize"]))
            if "/assets/search/" in r.url else None)
    box = page.locator("header input[role=combobox]")
    box.press_sequentially(query, delay=delay) if delay else box.fill(query)
    page.wait_for_function("q => document.querySelector('form[data-tk-search]').dataset.for === q", arg=query)
    ms = page.evaluate("() => window.__shown - window.__typed")
    status = page.inner_text("#tk-search-status")
    context.close()
    return {"query": query, "ms": ms, "bytes": sum(size for _, size in loaded), "files": len(loaded), "status": status}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--offline", action="store_true", help="open the offline build from file://")
    parser.add_argument("--delay", type=int, default=120, help="milliseconds between keys (a quick typist: 120)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.offline:
            rows = run(browser, (args.site / "index.html").resolve().as_uri(), args)
        else:
            with serve_folder(args.site) as url:
                rows = run(browser, url, args)
        browser.close()
    print("| query | result | typed: last key → results | typed: index downloaded (files) | pasted: → results | pasted: downloaded |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| `{r['query']}` | {r['status']} | {r['ms']:.0f} ms | {r['bytes'] / 1024:.0f} KB ({r['files']}) | "
              f"{r['pasted_ms']:.0f} ms | {r['pasted_bytes'] / 1024:.0f} KB |")


def run(browser, home: str, args) -> list[dict]:
    rows = []
    for query in QUERIES:
        typed = [measure(browser, home, query, args.delay) for _ in range(args.rounds)]
        pasted = [measure(browser, home, query, 0) for _ in range(args.rounds)]
        rows.append({**typed[0], "ms": statistics.median(r["ms"] for r in typed),
                     "pasted_ms": statistics.median(r["ms"] for r in pasted), "pasted_bytes": pasted[0]["bytes"]})
    return rows


if __name__ == "__main__":
    main()

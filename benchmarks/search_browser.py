"""Search as a caseworker meets it, measured in Debian's Chromium: for each query typed key by key into the
header's box, the time from the last key to its results on screen and the bytes of index downloaded while
typing it; and the same for the query pasted at once (every file loaded after the paste). Each from an empty
cache, the median of --rounds. Prints a Markdown table; the numbers go into benchmarks/SEARCH.md.

With --finder, Find tilbud instead: on find-tilbud/ it ticks and unticks facet values (several in one facet,
then one in each facet) and times each change from the click to the count's new text (a MutationObserver
stamps it), in --rounds fresh browser contexts; run.py calls it this way (--json OUT) for the 10,000 site.

usage: .venv/bin/python benchmarks/search_browser.py SITE [--offline] [--finder [--json OUT]]
SITE is a built site (python -m generator build [--root DIR] --out SITE [--offline]); the served build is
served on a local port, the offline build opened from file://.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, FINDER_COUNT, serve_folder  # noqa: E402

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


FACETS = ["maalgruppe", "metode", "pakketype", "udbyder"]
# Stamp the moment the finder's count gets new text; the click is stamped just before it is made.
FINDER_PROBE = """() => {
    window.__counted = null;
    new MutationObserver(() => { window.__counted = performance.now(); })
        .observe(document.getElementById('finder-count'), {childList: true, characterData: true, subtree: true});
}"""
CLICK = """selector => { window.__counted = null; window.__clicked = performance.now(); document.querySelector(selector).click(); }"""


def finder_clicks(page) -> list[tuple[str, str]]:
    """Return the (facet, value) boxes to click, in order: in each facet tick its first, middle and last value
    and untick them, then tick the first value of every facet (each narrowing the others) and untick them."""
    values = {f: page.eval_on_selector_all(f"input[name={f}]", "boxes => boxes.map(b => b.value)") for f in FACETS}
    steps = []
    for facet, found in values.items():
        chosen = list(dict.fromkeys([found[0], found[len(found) // 2], found[-1]]))
        steps += [(facet, v) for v in chosen] * 2
    steps += [(f, values[f][0]) for f in FACETS] * 2
    return steps


def measure_finder(browser, url: str) -> list[dict]:
    """Open Find tilbud at url in a fresh context and time every click of finder_clicks; return one row per click."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(f"() => {FINDER_COUNT} !== undefined")
    rows = [{"facet": "", "value": "", "action": "load", "ms": page.evaluate("() => performance.now()"),
             "count": int(page.evaluate(FINDER_COUNT))}]
    page.evaluate(FINDER_PROBE)
    for facet, value in finder_clicks(page):
        selector = f'input[name="{facet}"][value="{value}"]'
        page.evaluate(CLICK, selector)
        page.wait_for_function("() => window.__counted !== null")
        rows.append({"facet": facet, "value": value, "action": "tick" if page.is_checked(selector) else "untick",
                     "ms": page.evaluate("() => window.__counted - window.__clicked"), "count": int(page.evaluate(FINDER_COUNT) or -1)})
    context.close()
    return rows


def finder(browser, url: str, rounds: int) -> dict:
    """Return every click's time in rounds fresh contexts, their median and maximum, and each load's time to a count."""
    clicks, loads = [], []
    for _ in range(rounds):
        rows = measure_finder(browser, url)
        loads.append(rows[0]["ms"])
        clicks += rows[1:]
    ms = [r["ms"] for r in clicks]
    return {"page": "find-tilbud/", "rounds": rounds, "clicks": clicks, "load_ms": loads,
            "median_ms": statistics.median(ms), "max_ms": max(ms)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--offline", action="store_true", help="open the offline build from file://")
    parser.add_argument("--delay", type=int, default=120, help="milliseconds between keys (a quick typist: 120)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--finder", action="store_true", help="time Find tilbud's facets instead of search")
    parser.add_argument("--json", type=Path, help="with --finder: write the measurements to this file")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.finder and args.offline:
            rows = finder(browser, (args.site / "find-tilbud.html").resolve().as_uri(), args.rounds)
        elif args.offline:
            rows = run(browser, (args.site / "index.html").resolve().as_uri(), args)
        else:
            with serve_folder(args.site) as url:
                rows = finder(browser, url + "find-tilbud/", args.rounds) if args.finder else run(browser, url, args)
        browser.close()
    if args.finder:
        return finder_report(rows, args.json)
    print("| query | result | typed: last key → results | typed: index downloaded (files) | pasted: → results | pasted: downloaded |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| `{r['query']}` | {r['status']} | {r['ms']:.0f} ms | {r['bytes'] / 1024:.0f} KB ({r['files']}) | "
              f"{r['pasted_ms']:.0f} ms | {r['pasted_bytes'] / 1024:.0f} KB |")


def finder_report(result: dict, out: Path | None) -> None:
    if out:
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"Find tilbud: {len(result['clicks'])} facet changes, count shown after {result['median_ms']:.0f} ms (median), "
          f"{result['max_ms']:.0f} ms (max); page ready after {', '.join(f'{ms:.0f}' for ms in result['load_ms'])} ms")


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

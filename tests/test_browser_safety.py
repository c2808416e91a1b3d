"""Ready for an intranet, in Debian's Chromium: nothing is fetched from another host, axe-core finds no
serious or critical WCAG 2.1 A/AA violation, focus is visible and the finder works by keyboard, text
from YAML never runs as script, and the site served under a sub-path has no broken link (linkchecker).

Every page kind is visited: the home page, each section's list and its richest entity page, every
other page (Find tilbud, search, overviews, the Om pages) and the 404 page. The browser, its page and
the real site built once per session come from conftest.py.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES, ROOT, build_site, finder_count, serve_folder, wait_for_finder_count
from xss_catalog import make_xss_catalog, random_texts

from generator.model import SECTIONS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SUB_PATH_URL = "https://intra.example/katalog/"
SEARCH_WORD = "autisme"
LIST = "?tilbud=hki-mentorpakke,incita-mentorpakke&cases=holstebro-morten"  # Min liste's pages, filled


def page_kinds(site: Path, offline: bool = False) -> dict[str, str]:
    """Return {kind: path} for one page of each kind in a built site: every page outside the entity
    sections, each section's richest entity page (it shows most of its template), and the 404 page."""
    kinds, entities = {}, {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html":
            if not offline:  # a file share has no server to show a 404 page
                kinds["404"] = rel
            continue
        kind = rel.removesuffix("index.html").removesuffix(".html").strip("/") or "forside"
        path = rel if offline else rel.removesuffix("index.html")
        section, _, entity = kind.partition("/")
        if section in SECTIONS.values() and entity:
            entities.setdefault(section, []).append((-page.stat().st_size, kind, path))
        else:
            kinds[kind] = path
    for section, pages in sorted(entities.items()):
        _, kind, path = min(pages)
        kinds[kind] = path
    return kinds


# --- Requests: everything the browser asks for, and a proxy that catches what leaves the machine. ---

class Outside(http.server.BaseHTTPRequestHandler):
    """A proxy for every non-local request: it records the request and refuses it."""

    def refuse(self):
        self.server.seen.append(f"{self.command} {self.path}")
        self.send_error(403, "Blocked by the test: the site must not leave its own host")

    do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = do_CONNECT = refuse

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def outside():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Outside)
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


# Chromium's own services (autofill, search preconnect, network time, hints) would reach the proxy too.
# Playwright switches most of them off with --disable-features; a second such switch replaces the first,
# so this repeats Playwright's list and adds autofill. A new service shows up as a proxy hit, with its host.
QUIET_FEATURES = ["AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
                  "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
                  "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "OptimizationHints",
                  "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch", "AutofillServerCommunication"]


@pytest.fixture(scope="session")
def quiet_browser(browser):
    quiet = browser.browser_type.launch(executable_path=CHROMIUM,
                                        args=[*CHROMIUM_ARGS, f"--disable-features={','.join(QUIET_FEATURES)}"])
    yield quiet
    quiet.close()


@pytest.fixture
def watched(quiet_browser, outside):
    """A page whose every request (pages, workers, iframes, WebSockets) is recorded; non-local ones go to the proxy."""
    proxy = {"server": f"http://127.0.0.1:{outside.server_address[1]}", "bypass": "127.0.0.1"}
    context = quiet_browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", proxy=proxy)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("websocket", lambda ws: requests.append(ws.url))
    outside.seen.clear()
    yield page, requests
    context.close()


def foreign(requests: list[str], own: str) -> list[str]:
    return sorted({u for u in requests if not u.startswith(own) and not u.startswith(("data:", "blob:", "about:"))})


def search_in_header(page, word: str) -> None:
    """Type word into the header's search box and wait until its results are shown."""
    box = page.locator("header input[role=combobox]")
    box.click()
    box.press_sequentially(word, delay=20)
    page.wait_for_function("w => document.querySelector('form[data-tk-search]').dataset.for === w", arg=word)
    page.locator("#tk-search-list [role=option]").first.wait_for(timeout=15_000)


def choose_in_finder(page, facet: str, value: str) -> None:
    """Open a facet's menu in Find tilbud and tick one value."""
    page.click(f"#finder-{facet} summary")
    page.check(f"input[name={facet}][value={value}]")


@pytest.mark.browser
def test_served_site_requests_nothing_from_other_hosts(watched, real_site, site_url, outside):
    page, requests = watched
    for path in page_kinds(real_site).values():
        page.goto(site_url + path, wait_until="networkidle")
    page.goto(site_url, wait_until="networkidle")
    search_in_header(page, SEARCH_WORD)
    page.wait_for_load_state("networkidle")
    page.goto(site_url + "find-tilbud/", wait_until="networkidle")
    choose_in_finder(page, "maalgruppe", SEARCH_WORD)
    page.wait_for_load_state("networkidle")
    assert foreign(requests, site_url) == [] and outside.seen == []
    fetched = {urllib.parse.urlsplit(u).path.rsplit(".", 1)[-1] for u in requests}
    assert {"css", "js", "png"} <= fetched, "the recorder saw no assets: is it still attached?"


@pytest.mark.browser
def test_offline_site_requests_only_its_own_files(watched, real_site_offline, outside):
    page, requests = watched
    own = real_site_offline.as_uri() + "/"
    for path in page_kinds(real_site_offline, offline=True).values():
        page.goto(own + path, wait_until="load")
    page.goto(own + "index.html")
    search_in_header(page, SEARCH_WORD)
    assert any("maalgrupper/autisme.html" in (a or "") for a in
               page.eval_on_selector_all("#tk-search-list [role=option]", "els => els.map(e => e.getAttribute('href'))"))
    page.goto(own + "find-tilbud.html")
    everything = finder_count(page)
    choose_in_finder(page, "maalgruppe", SEARCH_WORD)
    wait_for_finder_count(page, "!==", everything)
    with page.expect_navigation():
        page.click("#finder-results a")
    assert page.url.startswith(own + "tilbud/") and page.url.endswith(".html")
    assert foreign(requests, own) == [] and outside.seen == []


# --- Accessibility: axe-core on every page kind, and the keyboard. ---

def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').slice(1, 3).join(' '))}))""",
        WCAG_TAGS,
    )


@pytest.mark.browser
def test_axe_finds_no_serious_or_critical_violation(page, real_site, site_url):
    assert AXE.is_file(), "node_modules/axe-core is missing: run `make test` (npm ci)"
    found = {}
    for kind, path in page_kinds(real_site).items():
        page.goto(site_url + path + ("?q=" + SEARCH_WORD if kind == "soeg" else LIST if kind.startswith("min-liste") else ""))
        if kind == "find-tilbud":
            finder_count(page)  # the results are on the page
        if kind.startswith("min-liste"):
            page.locator("#tk-liste[data-ready]").wait_for()  # the list, comparison or citizen's page is shown
        if kind == "soeg":
            page.locator("#tk-page-results a").first.wait_for()
        if kind == "forside":
            search_in_header(page, SEARCH_WORD)  # the header's results while typing, on top of the page
        serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
        if serious:
            found[kind] = serious
    assert found == {}


FOCUS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e), box = e.getBoundingClientRect();
    return {
        what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor),
        shadow: s.boxShadow !== 'none',
        shown: box.width > 0 && box.height > 0,
    };
}"""


def tab_through(page, limit: int = 80) -> list[dict]:
    """Press Tab until focus leaves the page or comes round again; return what had focus at each stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused is None or (stops and focused == stops[0]):
            break
        stops.append(focused)
    return stops


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "find-tilbud/", "tilbud/hki-mentorpakke/", "maalgrupper/autisme/"])
def test_focus_is_always_visible(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    stops = tab_through(page)
    assert len(stops) > 10
    assert "Gå til indholdet" in stops[0]["what"], "the first Tab should reach the skip link"
    hidden = [s["what"] for s in stops if not (s["shown"] and (s["outline"] or s["shadow"]))]
    assert hidden == [], "focus is not visible on these elements"


@pytest.mark.browser
def test_finder_works_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "find-tilbud/")
    everything = finder_count(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "finder-q":
            break
    else:
        pytest.fail("Tab never reached the finder's text field")
    focused = "document.activeElement.closest('details')?.id || document.activeElement.id || document.activeElement.textContent"
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate(focused))
    assert order == ["finder-maalgruppe", "finder-metode", "finder-pakketype", "finder-udbyder", "Nulstil"]
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == "finder-maalgruppe"
    page.keyboard.press("Enter")  # opens the menu of target groups
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    wait_for_finder_count(page, "!==", everything)
    page.keyboard.press("Escape")  # closes the menu, back on its button
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    for _ in range(4):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Nulstil
    wait_for_finder_count(page, "===", everything)
    assert page.eval_on_selector_all("input[name=maalgruppe]:checked", "els => els.length") == 0
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#finder-results') !== null")
    with page.expect_navigation(url=lambda url: "/tilbud/" in url):
        page.keyboard.press("Enter")
    assert "/tilbud/" in page.url


def test_accessibility_statement_says_what_is_tested(real_site):
    page = (real_site / "om" / "tilgaengelighed" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    for claim in ("WCAG 2.1", "niveau AA", "axe-core", "alvorlige eller kritiske", "hver sidetype", "Tab-tasten",
                  "fokus", "Find tilbud", "andre servere", "file://", "JavaScript", "Digitaliseringsstyrelsen"):
        assert claim in text, f"the accessibility statement does not say '{claim}'"


# --- Text from YAML never runs: payloads in every text field, the pages loaded in Chromium. ---

@pytest.fixture(scope="session")
def hostile_catalog(tmp_path_factory) -> Path:
    catalog = tmp_path_factory.mktemp("hostile") / "catalog"
    make_xss_catalog(FIXTURES / "catalog", catalog)
    return catalog


@pytest.fixture(scope="session")
def hostile_site(hostile_catalog) -> Path:
    return build_site(hostile_catalog.parent / "site", root=hostile_catalog)


@pytest.fixture(scope="session")
def hostile_site_offline(hostile_catalog) -> Path:
    return build_site(hostile_catalog.parent / "site-offline", "--offline", root=hostile_catalog)


# Material shows a link's title as a tooltip on hover and focus: show them all.
TOOLTIPS = """() => document.querySelectorAll('article a[title]').forEach(a => {
    for (const type of ['mouseenter', 'mouseover', 'focus']) a.dispatchEvent(new Event(type));
    a.focus();
})"""

DOM_CHECK = """() => {
    const bad = [], urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster'];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
            if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
            if (urls.includes(a.name) && /^(javascript|vbscript|data:text)/.test(value))
                bad.push(`${el.tagName} ${a.name}="${a.value.slice(0, 40)}"`);
        }
    }
    const article = document.querySelector('article') || document.body;
    for (const el of article.querySelectorAll('script, iframe, img, svg, math, object, embed, style, base, details'))
        if (!el.matches('#finder > details.finder__facet'))  // Find tilbud's own facet menus
            bad.push(`<${el.tagName.toLowerCase()}> in the text`);
    for (const a of document.querySelectorAll('a[href]')) {
        const url = new URL(a.href, location.href);
        if (url.protocol === 'file:' && location.protocol === 'file:') continue;  // the offline build's own pages
        if (!['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) bad.push(`link to ${a.href.slice(0, 40)}`);
        else if (url.protocol.startsWith('http') && url.origin !== location.origin && url.host !== 'vaerkstedet.example')
            bad.push(`link out of the site: ${a.href.slice(0, 60)}`);
    }
    return {bad, xss: window.__xss === undefined ? null : String(window.__xss)};
}"""


PAYLOAD_WORD = "kommentar"  # a plain word in one of the payloads, so search results show them


@pytest.mark.browser
def test_payloads_in_every_text_field_never_run(page, hostile_site, hostile_site_offline):
    dialogs, console = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text))
    found = {}
    page.goto((hostile_site_offline / "index.html").as_uri())
    search_in_header(page, PAYLOAD_WORD)  # the header's search, from the file share
    found["offline search"] = page.evaluate(DOM_CHECK)
    with serve_folder(hostile_site) as url:
        paths = sorted(p.relative_to(hostile_site).parent.as_posix() + "/" for p in hostile_site.rglob("index.html"))
        for path in [p.removeprefix("./") for p in paths] + ["404.html"]:
            page.goto(url + path)
            page.evaluate(TOOLTIPS)
            result = page.evaluate(DOM_CHECK)
            if result["bad"] or result["xss"]:
                found[path] = result
        page.goto(url + "tilbud/vaerkstedet-mentorpakke/")
        shown = page.inner_text("article")
        page.goto(url + "find-tilbud/?q=script")
        assert finder_count(page) != 0
        found["find-tilbud?q=script"] = page.evaluate(DOM_CHECK)
        for view in ("", "sammenlign/", "borger/"):  # Min liste shows the payloads from its data scripts
            page.goto(f"{url}min-liste/{view}?tilbud=vaerkstedet-mentorpakke,vaerkstedet-jobpakke,aarhus-indsats&cases=aarhus-maria")
            page.locator("#tk-liste[data-ready]").wait_for()
            found[f"min-liste/{view}"] = page.evaluate(DOM_CHECK)
        assert "<script>window.__xss=1" in page.inner_text("#tk-liste"), "the payloads should show as plain text"
        page.goto(url)
        search_in_header(page, PAYLOAD_WORD)
        page.wait_for_load_state("networkidle")
        found["search"] = page.evaluate(DOM_CHECK)
    found = {path: result for path, result in found.items() if result["bad"] or result["xss"]}
    assert (found, dialogs, [m for m in console if "xss-ran" in m]) == ({}, [], [])
    assert "<script>window.__xss=1" in shown, "the payloads should show as plain text"


@pytest.fixture(scope="session")
def random_site(tmp_path_factory) -> Path:
    """The fixture catalogue with random printable Unicode of every plane, and payloads, in every text field."""
    catalog = tmp_path_factory.mktemp("random") / "catalog"
    make_xss_catalog(FIXTURES / "catalog", catalog, random_texts(11))
    return build_site(catalog.parent / "site", root=catalog)


@pytest.mark.browser
def test_random_unicode_in_every_text_field_never_runs_or_fetches(watched, random_site, outside):
    page, requests = watched
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    found = {}
    kinds = page_kinds(random_site)
    with serve_folder(random_site) as url:
        for path in kinds.values():
            page.goto(url + path, wait_until="networkidle")
            result = page.evaluate(DOM_CHECK)
            if result["bad"] or result["xss"]:
                found[path] = result
        shown = page.goto(url + "udbydere/vaerkstedet/") and page.inner_text("article")
    assert (found, dialogs, foreign(requests, url), outside.seen) == ({}, [], [], [])
    assert random_texts(11)[0] in shown, "the random text should show as written"
    assert len(kinds) > 15


# --- Under a sub-path, as on an intranet: every link resolves (linkchecker). ---

@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("sub-path") / "site", "--site-url", SUB_PATH_URL)


def linkchecker(*urls: str, origin: str) -> subprocess.CompletedProcess:
    program = shutil.which("linkchecker")
    assert program, "linkchecker is missing: run `make test`, which installs Debian's linkchecker"
    # linkchecker drops root's privileges, so its settings must be readable by anyone.
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write("[checking]\nmaxrequestspersecond=1000\nthreads=8\n")
    os.chmod(config.name, 0o644)
    try:
        # Check every URL on the local server, also outside the prefix; never contact another host.
        return subprocess.run([program, "-f", config.name, "--no-status", "--check-extern",
                               "--ignore-url", f"^(?!{re.escape(origin)}/)", *urls],
                              capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(config.name)


def test_sub_path_site_has_no_broken_link(sub_path_site):
    prefix = urllib.parse.urlsplit(SUB_PATH_URL).path
    with serve_folder(sub_path_site, prefix) as url:
        origin = url.removesuffix(prefix)
        result = linkchecker(url, url + "404.html", origin=origin)
    errors = re.findall(r"^URL .*\n(?:.*\n)*?Result +Error.*$", result.stdout, re.M)
    assert result.returncode == 0, "\n\n".join(errors[:10]) or result.stdout[-3000:] + result.stderr[-3000:]
    checked = int(re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout)[1])
    assert checked > len(list(sub_path_site.rglob("*.html"))), "linkchecker did not crawl the whole site"


@pytest.mark.browser
def test_sub_path_404_page_has_its_style_and_links(page, sub_path_site):
    prefix = urllib.parse.urlsplit(SUB_PATH_URL).path
    with serve_folder(sub_path_site, prefix) as url:
        origin = url.removesuffix(prefix)
        response = page.goto(origin + prefix + "findes/ikke/", wait_until="networkidle")
        assert response.status == 404
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.inner_text("article h1") == "Siden findes ikke"
        page.fill("article input[name=q]", SEARCH_WORD)
        with page.expect_navigation():
            page.press("article input[name=q]", "Enter")
        assert page.url == f"{origin}{prefix}soeg/?q={SEARCH_WORD}"
        page.go_back()
        page.click("header .md-logo")
        assert page.url == origin + prefix

"""Shared helpers: the fixture catalogue, golden files and a CLI runner."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(path: Path, actual: str) -> None:
    """Compare actual with the golden file at path; with UPDATE_GOLDEN=1, rewrite it instead."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"missing golden file {path}: run `make golden` and review the diff"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs: run `make golden` and review the diff"


def site_files(folder: Path) -> dict[str, bytes]:
    """Return every file under folder as {relative path: bytes}, in sorted order: a site's exact content."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# Set by the tools themselves: pytest for every stage of a test, Material once when its templates are imported.
NOT_OURS = {"PYTEST_CURRENT_TEST", "NO_MKDOCS_2_WARNING"}


@pytest.fixture(autouse=True)
def environment_is_left_as_found():
    """Fail a test that leaves an environment variable set, changed or removed: use monkeypatch instead."""
    before = dict(os.environ)
    yield
    after = dict(os.environ)
    changed = sorted(name for name in (before.keys() | after.keys()) - NOT_OURS if before.get(name) != after.get(name))
    assert changed == [], f"the test left these environment variables changed: {changed}"


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture catalogue."""
    target = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog", target, ignore=shutil.ignore_patterns("build", "site"))
    return target


# --- Browser tests: Debian's Chromium driven by Playwright, against the real content served locally. ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def build_site(out: Path, *args: str, root: Path = ROOT) -> Path:
    result = run_cli("build", "--root", str(root), "--out", str(out), "-q", *args)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's content, built once per test session."""
    return build_site(tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def real_site_offline(tmp_path_factory) -> Path:
    """The repository's content, built once as the offline (file://) variant."""
    return build_site(tmp_path_factory.mktemp("real-offline") / "site", "--offline")


class SubPathSite(http.server.SimpleHTTPRequestHandler):
    """Serve a site under a prefix as nginx's alias would: nothing outside it, 404.html for what is missing."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def list_directory(self, path):
        self.send_error(404)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("LinkChecker", "local-test-server")  # lets linkchecker go faster than 10 requests/s
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/"):
    """Serve folder over HTTP on 127.0.0.1 under prefix; yield the base URL."""
    handler = functools.partial(SubPathSite, directory=str(folder), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(real_site):
    with serve_folder(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


def pages_of(hrefs: list[str]) -> list[str]:
    """Reduce links (relative, http or file://) to page paths, in order, without anchors or duplicates."""
    pages = []
    for href in hrefs:
        path = re.sub(r"(\.html)?([?#].*)?$", "", href.split("://")[-1]).strip("/")
        path = re.sub(r"^(127\.0\.0\.1:\d+/|.*/site/)", "", path).removesuffix("/index")
        if path not in pages:
            pages.append(path)
    return pages


FINDER_COUNT = "(document.getElementById('finder-count').textContent.match(/^(\\d+) tilbud passer/) || [])[1]"
FINDER_LISTED = "!document.getElementById('finder-results').hasAttribute('aria-busy')"


def finder_count(page) -> int:
    """Wait for Find tilbud to show its count and the list under it (it follows the count); return the count."""
    page.wait_for_function(f"() => {FINDER_COUNT} !== undefined && {FINDER_LISTED}")
    return int(page.evaluate(FINDER_COUNT))


def wait_for_finder_count(page, compare: str, count: int) -> None:
    """Wait until Find tilbud shows a count that compares to count ('===' or '!==') and the list under it."""
    page.wait_for_function(f"n => {FINDER_COUNT} !== undefined && Number({FINDER_COUNT}) {compare} n && {FINDER_LISTED}", arg=count)

"""Property tests (hypothesis): random YAML documents, random Unicode in every text field of every entity
kind, and random mutations of the real catalogue's files never give a traceback, never take more than a
few seconds, and never put an on* attribute, a javascript: URL, a script or a request to another host
into the HTML. Every outcome is either diagnostics in our format or pages as safe as the plain fixture's.

Pages are checked as MkDocs' Markdown makes them (fast, every example); a few whole sites are built with
MkDocs here, and one is loaded in Chromium by tests/test_browser_safety.py. FUZZ_EXAMPLES=1000 runs
each property on more examples than the default (40; the mutations of the real catalogue get two thirds).
"""

from __future__ import annotations

import functools
import html
import os
import html.parser
import re
import shutil
import time
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURES, ROOT, build_site
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from xss_catalog import BENIGN, PAYLOADS, make_xss_catalog, random_texts

from generator import model
from generator.diagnostics import ContentError
from generator.index import build_indexes
from generator.load import load_catalog, load_file, seed_lines
from generator.render import render
from generator.validate import validate

SECONDS = 5  # "a few seconds": the worst example takes about one on a quiet machine
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DIAGNOSTIC = re.compile(r"^[^:\n]+:\d+: error: \S.*$")


# --- What counts as unsafe HTML. ---

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite"}
FETCHED = {"src", "srcset", "data", "poster", "background"}


class Findings(html.parser.HTMLParser):
    """Collect every element and attribute that could run script or fetch from another host."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "base", "frame", "style", "meta", "link", "form"):
            self.found.add(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.found.add(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and re.match(r"(javascript|vbscript|data):", url):
                self.found.add(f"<{tag} {name}={url[:30]}>")
            if name in FETCHED and re.match(r"([a-z][a-z0-9+.-]*:|//)", url):
                self.found.add(f"<{tag} {name}> from another host")
            if tag == "link" and name == "href" and re.match(r"([a-z][a-z0-9+.-]*:|//)", url):
                self.found.add("<link href> to another host")

    handle_startendtag = handle_starttag


def findings(text: str) -> set[str]:
    parser = Findings()
    parser.feed(text)
    parser.close()
    found = parser.found
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text):
        found.add("a control character")
    return found


@functools.cache
def markdown_converter() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(FIXTURES))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def page_findings(pages: dict[str, str]) -> set[str]:
    """Return what could run or fetch in the HTML of pages: body as MkDocs renders it, and the title."""
    found = set()
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        body, meta = get_data(text)
        if text.startswith("---\n") and "title" not in meta:
            found.add(f"{path}: front matter MkDocs cannot read")
        title = f"<title>{meta.get('title', '')}</title><span>{meta.get('title', '')}</span>"  # as Material prints it
        found |= findings(markdown_converter().reset().convert(body)) | findings(title)
    return found


@functools.cache
def baseline() -> frozenset[str]:
    """What the templates themselves put into the pages of the fixture catalogue: allowed."""
    return frozenset(page_findings(render_catalog(validate(fixture_files(), FIXTURE_SEEDS))))


@functools.cache
def baseline_marked(folder: Path) -> frozenset[str]:
    """The same for the fixture catalogue with every free-text field filled with harmless words."""
    return frozenset(page_findings(render_catalog(validate(load_catalog(folder), None))))


def render_catalog(catalog) -> dict[str, str]:
    return render(catalog, build_indexes(catalog))


# --- Running one input and judging its outcome. ---

FIXTURE_SEEDS = seed_lines(FIXTURES / "catalog")


@functools.cache
def fixture_files():
    return tuple(load_catalog(FIXTURES / "catalog"))


@functools.cache
def real_files():
    return tuple(load_catalog(ROOT)), seed_lines(ROOT)


def outcome(load, others, seeds, check_pages: bool = True, allowed: frozenset[str] | None = None) -> str:
    """Load and validate; render what validates; assert bounded time, our diagnostics or safe pages."""
    start = time.monotonic()
    try:
        files = [*others, *load()]
        pages = render_catalog(validate(files, seeds))
    except ContentError as error:
        assert error.diagnostics, "a ContentError must say what is wrong"
        for diagnostic in error.diagnostics:
            assert DIAGNOSTIC.match(str(diagnostic)) and str(diagnostic).isprintable(), str(diagnostic)
        result = "diagnostics"
    else:
        if check_pages:
            assert page_findings(pages) <= (allowed if allowed is not None else baseline())
        result = "pages"
    assert time.monotonic() - start < SECONDS
    event(result)  # --hypothesis-show-statistics counts each outcome
    return result


def load_text(folder: Path, name: str, text: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return lambda: [load_file(path, name, folder)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- 1. Random YAML documents, as text and as data. ---

TOKENS = [
    "offers:", "cases:", "providers:", "target_groups:", "sources:", "\n", "  ", "    ", "- ", ": ", "id: ", "name: ", "purpose: ",
    "lines: ", "age: ", "&a ", "*a", "&b ", "*b", "!!int ", "!!str ", "!!binary ", "!!python/object:os.system ", "! ", "!x ",
    "<<: ", "? ", "[", "]", "{", "}", ", ", "'", '"', "\\", "\\x1b", "\\0", "\\uffff", "# ", "|", ">", "|-\n", "---\n", "...\n",
    "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "2024-13-45", "2024-02-29", "1e999", "0x1F", "0o17", "1_000", "1:30", "~", "null",
    "yes", "on", "=", "\t", "\r", "\x85", "\ufeff", "\u2028", "\u202e", "\u200b", "😀", "æøå", "9" * 40, "010190-1234",
    "33 12 34 56", "a@b.dk", "index", "vaerkstedet", "autisme", "testkilde", "<script>alert(1)</script>", "{: onclick=x }",
]
yaml_soup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates())
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                         max_leaves=30)


@FUZZ
@given(text=yaml_soup)
def test_random_yaml_text(scratch, text):
    outcome(load_text(scratch, "content/fuzz.yaml", text), fixture_files(), FIXTURE_SEEDS)


@FUZZ
@given(data=documents, collection=st.sampled_from([None, *model.COLLECTIONS]), flow=st.booleans())
def test_random_yaml_documents(scratch, data, collection, flow):
    data = {collection: [data]} if collection else data
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    outcome(load_text(scratch, "cases/fuzz.yaml", text), fixture_files(), FIXTURE_SEEDS)


# --- 2. Random Unicode (and payload fragments) in every text field of every entity kind. ---

NASTY = ["\x7f", "\x85", "\x9b", "\uffff", "\ufdd0", "\x00", "\x1b", "\x07", "\u200b", "\u00ad", "\u202e", "\u2028", "\ufeff",
         "{: onerror=alert(1) }", "</title><script>alert(1)</script>", "javascript:alert(1)", "\n---\ntitle: x\n---\n",
         "![x](https://evil.example/x.png)", "<img src=//evil.example/x>", "&#106;avascript:", "\\", "|", "#", "1. ", "- "]
printable = st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1, max_size=30)
texts = st.lists(st.one_of(printable, printable, st.sampled_from(PAYLOADS), st.text(max_size=30), st.sampled_from(NASTY),
                           st.sampled_from(NASTY).map(lambda c: f"Tekst{c}tekst")), min_size=1, max_size=4).map(tuple)


class Marked:
    """The fixture catalogue with every free-text field filled with harmless words, ready to replace."""

    def __init__(self, folder: Path):
        make_xss_catalog(FIXTURES / "catalog", folder, BENIGN)
        self.folder = folder
        self.files = {p.relative_to(folder).as_posix(): yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
                      for p in sorted(folder.rglob("*.yaml"))}

    def __repr__(self):  # hypothesis prints the arguments of a failing example
        return f"Marked({self.folder})"


@pytest.fixture(scope="module")
def marked(scratch) -> Marked:
    return Marked(scratch / "marked")


def filled(data: dict, values: tuple[str, ...]) -> str:
    """Replace the benign texts in one file of the marked catalogue by values; return it as YAML."""
    replace = dict(zip(BENIGN, values * len(BENIGN)))

    def fill(value):
        if isinstance(value, str):
            joined = " ~ ".join(BENIGN)
            return " ~ ".join(values) if value == joined else replace.get(value, value)
        if isinstance(value, list):
            return [fill(v) for v in value]
        return {k: fill(v) for k, v in value.items()} if isinstance(value, dict) else value

    return yaml.dump(fill(data), Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)


@FUZZ
@given(values=texts)
def test_random_unicode_in_every_text_field(scratch, marked, values):
    folder = scratch / "unicode"
    shutil.rmtree(folder, ignore_errors=True)
    for name, text in marked.files.items():
        load_text(folder, name, filled(text, values))
    outcome(lambda: load_catalog(folder), (), None, allowed=baseline_marked(marked.folder))


def test_every_text_field_is_filled(marked):
    """The property above would prove little if a field stayed benign: every free-text field gets the values."""
    values = ("ÆGTE-VÆRDI",)
    text = "".join(filled(t, values) for t in marked.files.values())
    assert not any(b in text for b in BENIGN) and text.count("ÆGTE-VÆRDI") > 40


# --- 3. Random mutations of the real catalogue's files. ---

def mutate(text: str, draw) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert", "replace", "truncate"]))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind in ("indent", "dedent"):
            lines[i] = "  " + lines[i] if kind == "indent" else lines[i][2:]
        elif kind == "insert":
            column = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:column] + draw(st.sampled_from(TOKENS + NASTY)) + lines[i][column:]
        elif kind == "replace":
            lines[i] = draw(yaml_soup)
        elif kind == "truncate":
            lines = lines[: i + 1]
    return "\n".join(lines)


@settings(max_examples=EXAMPLES * 2 // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_mutations_of_the_real_catalogue(scratch, data):
    files, seeds = real_files()
    victim = data.draw(st.sampled_from(files), label="file")
    text = mutate((ROOT / victim.path).read_text(encoding="utf-8"), data.draw)
    others = [f for f in files if f is not victim]
    # The real catalogue's pages take seconds through Markdown; its mutations are checked for time and errors.
    outcome(load_text(scratch / "real", victim.path, text), others, seeds, check_pages=False)


# --- A few whole sites: MkDocs' HTML of random Unicode in every text field, checked like the pages above. ---

def site_findings(site: Path) -> set[str]:
    return {finding for page in sorted(site.rglob("*.html")) for finding in findings(page.read_text(encoding="utf-8"))}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def shown_text(page: Path) -> str:
    parser = Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


@pytest.fixture(scope="module")
def plain_site(marked, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plain") / "catalog"
    shutil.copytree(marked.folder, root)
    return build_site(root.parent / "site", root=root)


@pytest.mark.parametrize("seed", [1, 2])
def test_built_sites_of_random_unicode_are_as_safe_as_the_plain_one(tmp_path, marked, plain_site, seed):
    values = random_texts(seed)
    root = tmp_path / "catalog"
    for name, text in marked.files.items():
        load_text(root, name, filled(text, values))
    site = build_site(tmp_path / "site", root=root)
    assert site_findings(site) <= site_findings(plain_site)
    shown = shown_text(site / "udbydere" / "vaerkstedet" / "index.html")
    assert all(word in shown for word in values[:6]), "the random texts should show as written"

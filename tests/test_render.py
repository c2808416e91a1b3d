"""Rendering: golden Markdown for the fixture catalogue, escaping, determinism."""

import os
import subprocess
import sys

from conftest import FIXTURES, GOLDEN, ROOT, check_golden

from generator.pipeline import generate, validate
from generator.render import environment, escape_markdown

# Prints a digest of every page and data file generated from each catalogue named on the command line.
DIGEST = """
import hashlib, sys
from pathlib import Path
from generator.options import Options
from generator.pipeline import generate
for root in sys.argv[1:]:
    pages = generate(Path(root), Options(site_url="https://intra.example/katalog/"))
    print(root, len(pages), hashlib.sha256(repr(sorted(pages.items())).encode()).hexdigest())
"""


def test_fixture_pages_match_golden_files():
    pages = generate(FIXTURES / "catalog")
    for path, text in pages.items():
        check_golden(GOLDEN / "pages" / path, text)
    golden = {p.relative_to(GOLDEN / "pages").as_posix() for p in (GOLDEN / "pages").rglob("*") if p.is_file()}
    assert golden == set(pages), "golden files and generated pages differ in name: run `make golden`"


def test_the_same_catalogue_gives_the_same_bytes_whatever_the_hash_seed():
    """Sets and dicts of strings iterate in an order that PYTHONHASHSEED decides: two processes with different
    seeds show any such order that reaches a page or a data file (one process would hide it)."""
    roots = [str(FIXTURES / "catalog"), str(ROOT)]
    digests = {subprocess.run([sys.executable, "-c", DIGEST, *roots], capture_output=True, text=True, check=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1 and len(digests.pop().splitlines()) == 2


def test_yaml_text_cannot_become_markup():
    assert escape_markdown("<script>alert(1)</script>") == "&#60;script&#62;alert(1)&#60;/script&#62;"
    assert escape_markdown("[x](javascript:alert(1))") == "&#91;x&#93;(javascript:alert(1))"
    assert escape_markdown("{: onclick=alert(1) }") == "&#123;: onclick&#61;alert(1) &#125;"
    assert escape_markdown("# Overskrift\n\n    kode") == "&#35; Overskrift kode"
    assert escape_markdown(", ") == ", "
    assert escape_markdown("1. punkt") == "1&#46; punkt"
    assert escape_markdown("- punkt") == "&#45; punkt"
    assert escape_markdown("Tekst med æøå – og 2–5 dage.") == "Tekst med æøå – og 2–5 dage."


def test_offer_heading_names_type_and_provider():
    page = generate(FIXTURES / "catalog")["tilbud/vaerkstedet-mentorpakke.md"]
    assert "\n# Mentorpakke – Værkstedet\n" in page


def test_front_matter_title_survives_any_character():
    """Text MkDocs' YAML reader refused made it render the front matter as Markdown: '{: onerror=… }' ran."""
    from mkdocs.utils.meta import get_data

    from generator.render import front_matter_title

    for text in ("x\x7fy", "a\x85b\u2028c", "\uffff\ufdd0", "æ\x00\x1b\x07ø", '"\\', "t\n---\n# y", "<img src=x onerror=alert(1)>{: onerror=x }"):
        body, meta = get_data(f"---\ntitle: {front_matter_title(text)}\n---\n\nTekst\n")
        assert body == "Tekst\n" and meta["title"].isprintable(), text
        assert "<" not in meta["title"] and "{: onerror=x }" in meta["title"] or "onerror" not in text


def test_every_other_page_of_a_section_has_a_reserved_name():
    """An entity whose id named another page of its section would replace that page: such names are reserved."""
    from generator.model import RESERVED_IDS, SECTIONS

    catalog = validate(FIXTURES / "catalog")
    ids = {section: {e.id for e in getattr(catalog, collection)} for collection, section in SECTIONS.items()}
    pages = generate(FIXTURES / "catalog")
    for path in pages:
        section, _, name = path.partition("/")
        if section in ids and name.endswith(".md"):  # a list's part: in the folder named like its page (tilbud/index/b.md)
            assert name.removesuffix(".md").split("/")[0] in ids[section] | set(RESERVED_IDS), path


def test_hostile_text_in_an_html_list_stays_text():
    """Lists are HTML blocks that Markdown leaves alone: the escaping of every value is all that keeps them inert."""
    from generator.index import Limits, build_indexes

    hostile = '<img src=x onerror=alert(1)>"\' onmouseover="alert(2)'
    catalog = validate(FIXTURES / "catalog")
    offers = tuple(o.model_copy(update={"name": hostile, "duration": hostile}) for o in catalog.offers)
    providers = tuple(p.model_copy(update={"name": hostile}) for p in catalog.providers)
    catalog = catalog.model_copy(update={"offers": offers, "providers": providers})
    from generator.render import render

    pages = render(catalog, build_indexes(catalog, Limits(terms=1, links=1, cases=1, rows=1, cell=1)))
    for path, text in pages.items():
        assert "<img" not in text and 'onmouseover="' not in text, path
    escaped = "&#60;img src&#61;x onerror&#61;alert(1)&#62;&#34;&#39; onmouseover&#61;&#34;alert(2)"
    parts = [path for path in pages if path.startswith("tilbud/index/")]
    for path in ("tilbud/index.md", "oversigt/matrix.md", "udbydere/index.md", *parts):
        assert "<li>" in pages[path] or "<td>" in pages[path]
        assert escaped in pages[path] and "'" not in pages[path].split("---", 2)[-1], path
    assert parts


def test_counts_are_written_with_danish_thousands():
    tal = environment().filters["tal"]
    assert [tal(7), tal(993), tal(10000), tal(1250000)] == ["7", "993", "10.000", "1.250.000"]

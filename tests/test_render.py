"""Rendering: golden Markdown for the fixture catalogue, escaping, determinism."""

from conftest import FIXTURES, GOLDEN, check_golden

from generator.index import build_indexes
from generator.pipeline import generate, validate
from generator.render import escape_markdown, render


def test_fixture_pages_match_golden_files():
    pages = generate(FIXTURES / "catalog")
    for path, text in pages.items():
        check_golden(GOLDEN / "pages" / path, text)
    golden = {p.relative_to(GOLDEN / "pages").as_posix() for p in (GOLDEN / "pages").rglob("*") if p.is_file()}
    assert golden == set(pages), "golden files and generated pages differ in name: run `make golden`"


def test_rendering_twice_gives_the_same_text():
    catalog = validate(FIXTURES / "catalog")
    assert render(catalog, build_indexes(catalog)) == render(catalog, build_indexes(catalog))


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
        if section in ids and name.endswith(".md"):
            assert name.removesuffix(".md") in ids[section] | set(RESERVED_IDS), path

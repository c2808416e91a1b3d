"""generator/mdblocks.py: the templates' marked HTML blocks reach the page as written, unparsed; every other page's
HTML is the same as without the extension, but for whitespace between blocks; their anchors still count in a
strict build."""

import re
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import FIXTURES, GOLDEN
from mkdocs.utils.meta import get_data

from generator import mdblocks, pipeline
from generator.diagnostics import BuildError
from generator.options import Options
from generator.write import CONFIG, run_mkdocs, site_config, write_docs


@cache
def converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    """The site's Markdown as the build sets it up, without and with the extension."""
    with tempfile.TemporaryDirectory() as folder:  # the config needs a docs folder that exists, any will do
        config = site_config(Path(folder) / ".", Path(folder).parent / "tk-unused-site", Options())
    names = [name for name in config.markdown_extensions if name != mdblocks.NAME]
    return (markdown.Markdown(extensions=names, extension_configs=config.mdx_configs),
            markdown.Markdown(extensions=[*names, mdblocks.NAME], extension_configs=config.mdx_configs))


def convert(text: str, stash: bool = True) -> str:
    return converters()[stash].reset().convert(text)


class Shape(HTMLParser):
    """An HTML fragment's elements, attributes (in any order) and words, whatever the whitespace between them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.events = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append((tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.events.append(f"/{tag}")

    def handle_data(self, data):
        self.events += data.split()


def test_a_marked_block_comes_back_as_written_and_its_anchors_are_kept():
    block = '<ul id="liste" data-id="ikke-et-id">\n<li><a name="punkt" title="x id=&#34;y&#34;">A &amp; B</a>  *ikke kursiv*</li>\n</ul>'
    html = convert(f"# Titel\n\n{mdblocks.MARK}\n{block}\n\nTekst *kursiv*.\n")
    assert html == f'<h1 id="titel">Titel</h1>\n{block}\n<p>Tekst <em>kursiv</em>.</p>'
    assert converters()[1].preprocessors["tk_html_blocks"].anchor_ids == {"liste", "punkt"}


@pytest.mark.parametrize("block", [
    '<section class="tk-x" markdown>\n\n*kursiv*\n\n</section>',  # md_in_html's: parsed
    "<ul>\n<li>ikke lukket</li>",  # its last line does not close its first tag
    "<span>inline</span>",  # not a block
])
def test_a_block_that_is_not_of_the_marked_form_is_left_to_markdown(block):
    text = f"Før\n\n{mdblocks.MARK}\n{block}\n\nEfter\n"
    assert convert(text) == convert(text.replace(f"{mdblocks.MARK}\n", ""), stash=False)
    assert mdblocks.MARK not in convert(text)


def test_every_page_is_the_same_with_and_without_the_extension_but_for_whitespace():
    pages = [get_data(text)[0] for path, text in pipeline.generate(FIXTURES / "catalog").items() if path.endswith(".md")]
    stashed = sum(mdblocks.MARK in page for page in pages)
    assert stashed > 20
    for page in pages:
        assert Shape(convert(page)).events == Shape(convert(page, stash=False)).events, page[:200]


def test_the_templates_mark_every_html_block_they_write():
    """A block-level tag that starts a block, unmarked and without md_in_html's attribute, would be parsed again."""
    block_start = re.compile(r"\n\n(<([a-z][a-z0-9]*)[\s>][^\n]*)")
    unmarked = []
    for page in (GOLDEN / "pages").rglob("*.md"):
        for line, tag in block_start.findall(page.read_text(encoding="utf-8")):
            if markdown.Markdown().is_block_level(tag) and not mdblocks.MARKDOWN.search(line):
                unmarked.append(f"{page.relative_to(GOLDEN)}: {line[:60]}")
    assert unmarked == []


LINKED = {
    "blok/a.md": f'# A\n\n{mdblocks.MARK}\n<ul id="liste">\n<li><a name="punkt">x</a></li>\n</ul>\n\n[liste](#liste), [punkt](#punkt)\n',
    "blok/b.md": "# B\n\n[A's liste](a.md#liste), [A's punkt](a.md#punkt)\n",
}


@pytest.mark.parametrize("jobs", [1, 2])
def test_links_to_anchors_in_a_marked_block_pass_and_to_missing_anchors_fail_a_strict_build(jobs, tmp_path):
    docs = tmp_path / "docs"
    pages = {**pipeline.generate(FIXTURES / "catalog", Options(review_age=100000)), **LINKED}
    write_docs(docs, pages)
    run_mkdocs(docs, tmp_path / "site", Options(jobs=jobs), None)
    write_docs(docs, {**pages, "blok/c.md": "# C\n\n[mangler](a.md#mangler)\n"})
    with pytest.raises(BuildError) as error:
        run_mkdocs(docs, tmp_path / "site-2", Options(jobs=jobs), None)
    assert "Aborted with 1 warnings in strict mode!" in str(error.value)
    assert "contains a link 'a.md#mangler', but the doc 'blok/a.md' does not contain an anchor '#mangler'" in str(error.value)

"""A Markdown extension: the HTML blocks the templates write reach the page as written, never parsed as HTML.

Input: the page's Markdown, in which the templates mark each HTML block they write with a line MARK before it; the
block runs to the next blank line. Output: each such block in Python-Markdown's HTML stash, which puts it back
verbatim at the end, before md_in_html or MkDocs' scan for anchors (both with Python's html.parser) see it; its
anchor ids go to MkDocs' check of links to anchors. A block that is not of that form (its first tag is not a block
or carries md_in_html's `markdown` attribute, or its last line does not close that tag) is left to Markdown, which
parses it as before: slower, never different. The build adds the extension by NAME (generator/write.py), so
mkdocs.yml builds without it.
"""

from __future__ import annotations

import html
import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

NAME = "generator.mdblocks"
MARK = "<!--html-->"
# After fenced code (25), which stashes its own; before MkDocs' scan of raw HTML (21) and md_in_html (20).
PRIORITY = 22
# The mark's line, then the block: every line up to the next blank one (NormalizeWhitespace has emptied blank lines).
BLOCK = re.compile(rf"^{re.escape(MARK)}\n([^\n]+(?:\n[^\n]+)*)", re.MULTILINE)
FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
MARKDOWN = re.compile(r"\smarkdown[\s=>]")
TAG = re.compile(r"<([a-z][a-z0-9]*)\s([^>]*)>")
ATTRIBUTE = re.compile(r'([^\s="]+)="([^"]*)"')  # as the templates write every attribute: quoted
RAW_HTML = ("mkdocs_raw_html", "properdocs_raw_html")  # MkDocs' scan for anchors, by engine


class Stash(Preprocessor):
    """Move each marked HTML block into the HTML stash and keep its anchor ids."""

    anchor_ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.anchor_ids = set()
        text = "\n".join(lines)
        return BLOCK.sub(self.stash, text).split("\n") if MARK in text else lines

    def stash(self, marked: re.Match) -> str:
        """Return the placeholder of the marked block, as a paragraph of its own, or the block, if not of the form."""
        block = marked[1]
        first = FIRST_TAG.match(block)
        if not first or not self.md.is_block_level(first[1]) or MARKDOWN.search(block.partition("\n")[0]) \
                or not block.endswith(f"</{first[1]}>"):
            return block
        self.anchor_ids |= anchor_ids(block)
        return f"\n{self.md.htmlStash.store(block)}\n"


def anchor_ids(text: str) -> set[str]:
    """Return the ids of text's elements and the names of its links, as MkDocs' scan of raw HTML finds them."""
    if ' id="' not in text and ' name="' not in text:
        return set()
    found = set()
    for tag, attributes in TAG.findall(text):
        for name, value in ATTRIBUTE.findall(attributes):
            if name == "id" or (name == "name" and tag == "a"):
                found.add(html.unescape(value))
    return found


class AnchorIds(Treeprocessor):
    """Add the stashed blocks' anchor ids to those MkDocs' scan of raw HTML found (it replaces its set when it runs,
    before any tree exists). A tree processor: once a page, where a postprocessor would run again for every heading."""

    def __init__(self, md, stash: Stash):
        super().__init__(md)
        self.stash = stash

    def run(self, root) -> None:
        for name in RAW_HTML:
            if self.stash.anchor_ids and name in self.md.preprocessors:
                self.md.preprocessors[name].present_anchor_ids |= self.stash.anchor_ids


class MdBlocks(Extension):
    def extendMarkdown(self, md):
        stash = Stash(md)
        md.preprocessors.register(stash, "tk_html_blocks", PRIORITY)
        md.treeprocessors.register(AnchorIds(md, stash), "tk_anchor_ids", 0)


def makeExtension(**kwargs):
    """Python-Markdown's entry point, by which MkDocs loads the extension from its NAME."""
    return MdBlocks(**kwargs)

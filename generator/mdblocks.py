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
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

NAME = "generator.mdblocks"
MARK = "<!--html-->"
# After fenced code (25), which stashes its own; before MkDocs' scan of raw HTML (21) and md_in_html (20).
PRIORITY = 22
FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
MARKDOWN = re.compile(r"\smarkdown[\s=>]")
TAG = re.compile(r"<([a-z][a-z0-9]*)\s([^>]*)>")
ATTRIBUTE = re.compile(r'([^\s="]+)="([^"]*)"')  # every attribute the templates write is quoted so
RAW_HTML = ("mkdocs_raw_html", "properdocs_raw_html")  # MkDocs' scan for anchors, by engine


class Stash(Preprocessor):
    """Move each marked HTML block into the HTML stash and keep its anchor ids."""

    def run(self, lines: list[str]) -> list[str]:
        self.anchor_ids: set[str] = set()
        if MARK not in lines:
            return lines
        out, i = [], 0
        while i < len(lines):
            if lines[i] != MARK:
                out.append(lines[i])
                i += 1
                continue
            end = i + 1
            while end < len(lines) and lines[end].strip():
                end += 1
            block = lines[i + 1 : end]
            if self.stashable(block):
                text = "\n".join(block)
                self.anchor_ids |= anchor_ids(text)
                out += ["", self.md.htmlStash.store(text), ""]
            else:
                out += block
            i = end
        return out

    def stashable(self, block: list[str]) -> bool:
        """Return whether block is an HTML block that Markdown would keep whole as it is."""
        first = FIRST_TAG.match(block[0]) if block else None
        return bool(first and self.md.is_block_level(first[1]) and not MARKDOWN.search(block[0])
                    and block[-1].endswith(f"</{first[1]}>"))


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


class AnchorIds(Postprocessor):
    """Add the stashed blocks' anchor ids to those MkDocs' scan of raw HTML found, which it replaced when it ran."""

    def __init__(self, md, stash: Stash):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        for name in RAW_HTML:
            if name in self.md.preprocessors:
                self.md.preprocessors[name].present_anchor_ids |= self.stash.anchor_ids
        return text


class MdBlocks(Extension):
    def extendMarkdown(self, md):
        stash = Stash(md)
        md.preprocessors.register(stash, "tk_html_blocks", PRIORITY)
        md.postprocessors.register(AnchorIds(md, stash), "tk_anchor_ids", 0)


def makeExtension(**kwargs):
    """Python-Markdown's entry point, by which MkDocs loads the extension from its NAME."""
    return MdBlocks(**kwargs)

"""The pages a generated page links to, as Markdown paths: its Markdown links, which MkDocs rewrites, and the
hrefs of its HTML blocks, which are already the final addresses of one build mode (generator/urls.py)."""

from __future__ import annotations

import posixpath
import re

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)")
HREF = re.compile(r'href="([^"]*)"')


def page_url(path: str, offline: bool) -> str:
    """Return where MkDocs publishes the Markdown page path (written here again, not imported, to check urls.py)."""
    stem = path.removesuffix(".md")
    if offline:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def targets(page: str, text: str, pages, offline: bool = False) -> set[str]:
    """Return the paths (Markdown, or another file of the site) that page links to; '?…' for an href that
    leads to no page, so that a test can say which."""
    found = set()
    for target in MARKDOWN_LINK.findall(text):
        path = target.split("#")[0]
        if path and ":" not in path:
            found.add(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
    base = posixpath.dirname(page_url(page, offline).removesuffix("/") + ("/x" if not offline and page_url(page, offline) else ""))
    urls = {page_url(p, offline): p for p in pages}
    for href in HREF.findall(text):
        path = href.split("#")[0]
        if not path or ":" in path or "&#" in path:
            continue
        url = posixpath.normpath(posixpath.join(base, path)) + ("/" if path.endswith("/") else "")
        url = "" if url in ("./", ".") else url
        found.add(urls.get(url, url if posixpath.splitext(url)[1] not in ("", ".html") else f"?{href} ({url})"))
    return found


def site_links(site, page) -> set:
    """Return the files of a built site that its HTML page links to (a folder as its index.html), missing ones too."""
    found = set()
    for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
        href = re.split(r"[?#]", href)[0]
        if href and ":" not in href:
            target = (page.parent / href).resolve()
            found.add(target / "index.html" if target.is_dir() else target)
    return found

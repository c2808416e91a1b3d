"""The address of a generated page, from another page, as MkDocs will publish it (part of stage 4, render).

MkDocs rewrites the links of Markdown, not those inside an HTML block; lists written as HTML link with these.
The served build uses directory URLs (tilbud/x.md → tilbud/x/), the offline build page files (tilbud/x.html).
"""

from __future__ import annotations

from markupsafe import Markup


def page_url(path: str, offline: bool) -> str:
    """Return where the Markdown page path is published, from the site's root ('' for the home page)."""
    stem = path.removesuffix(".md")
    if offline:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


class Links:
    """Make links from one page to others: link('tilbud/x.md') or link('cases/index.md#fleksjob')."""

    def __init__(self, page: str, offline: bool):
        self.up, self.offline = "../" * page_url(page, offline).count("/"), offline

    def __call__(self, target: str) -> Markup:
        path, _, anchor = target.partition("#")
        url = self.up + page_url(path, self.offline) or "./"
        return Markup(f"{url}#{anchor}" if anchor else url)

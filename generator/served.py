"""The preview's site: built whole once, then page by page, and served by MkDocs' live-reload server.

Input: the generated docs folder and a folder for the site. Output: the site in that folder, served on
127.0.0.1:port. After the whole build it keeps the build's files, navigation and theme, so that a page can be
built again in a moment without walking the whole site; a build of what changed (MkDocs' dirty build) brings
the rest up to date. It never writes the docs folder.
Import it only through engine.load, which decides whether `mkdocs` means MkDocs or ProperDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp

from . import parallel
from .write import markdown_extensions


class Served:
    """A site in site_dir built from docs with the configuration in config_file, served on 127.0.0.1:port."""

    def __init__(self, config_file: str, docs: str, site_dir: str, port: int):
        self.config = load_config(config_file, docs_dir=docs, site_dir=site_dir, dev_addr=f"127.0.0.1:{port}", strict=False,
                                  markdown_extensions=markdown_extensions(load_config, Path(docs)))  # with ours (mdblocks)
        self.config.site_url = self.url = _serve_url("127.0.0.1", port, "/")  # as MkDocs' serve does
        self.server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=port, root=site_dir)
        # The server adds its reload script to pages only while it watches something. A change to mkdocs.yml
        # reloads the browsers, as with MkDocs' serve, but takes a new preview to be used.
        self.server.watch(config_file)
        self.server.error_handler = lambda code: error_page(site_dir, code)
        self.site: parallel.Site | None = None

    def build(self, jobs: int) -> None:
        """Build the whole site on jobs processes, then keep its files, navigation and theme for rebuild."""
        parallel.build(self.config, fallback=mkdocs_build, jobs=jobs)
        self.site = parallel.Site(self.config, *parallel.gather(self.config))
        self.site.prepare()
        self.site.rebuild("index.md")  # the same page again: the theme's templates are compiled now, not at the first edit

    def rebuild(self, paths: list[str]) -> int:
        """Build again the pages of the docs files at paths (relative to docs), as the whole build would; then
        reload the browsers. Return how many it built: a page the whole build did not have is left to update()."""
        built = sum(self.site.rebuild(path) for path in paths)
        if built:
            self.reload()
        return built

    def update(self) -> None:
        """Build the pages and static files whose docs files are newer than the site's (MkDocs' dirty build)."""
        mkdocs_build(self.config, serve_url=self.url, dirty=True)

    def reload(self) -> None:
        """Make every browser showing the site load its page again, as the server does after its own builds."""
        with self.server._epoch_cond:
            self.server._wanted_epoch = self.server._visible_epoch = _timestamp()
            self.server._epoch_cond.notify_all()

    def serve(self) -> None:
        """Serve until interrupted (Ctrl-C)."""
        try:
            self.server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            self.server.shutdown()


def error_page(site_dir: str, code: int) -> bytes | None:
    """Return the site's page for a missing page or a server error, if it has one, as MkDocs' serve does."""
    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None

"""The floor: what Material costs for the same pages with nothing in them.

prepare(docs, floor) writes one trivial page (a heading and a sentence) at every path where the build wrote a
page, and copies its static files. `python benchmarks/floor.py DOCS SITE` then builds DOCS with the
repository's mkdocs.yml (the same theme, features and `nav`, so the pages outside `nav` get no navigation of
their own) in one plain MkDocs process, measured by run.py as a whole.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def prepare(docs: Path, floor: Path) -> int:
    """Write trivial pages at docs' page paths (and its assets) into floor; return how many pages."""
    shutil.rmtree(floor, ignore_errors=True)
    pages = sorted(docs.rglob("*.md"))
    for page in pages:
        target = floor / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {page.stem}\n\nEn side i kataloget.\n", encoding="utf-8")
    if (docs / "assets").is_dir():
        shutil.copytree(docs / "assets", floor / "assets")
    return len(pages)


def build(docs: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    shutil.rmtree(site, ignore_errors=True)
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=False))


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))

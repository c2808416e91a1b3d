"""Sequencing only: load → validate → index → render → write → mkdocs."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

from . import model
from .diagnostics import ContentError
from .export import export
from .index import build_indexes
from .load import content_date, load_catalog
from .progress import Progress
from .dates import danish_date
from .render import render
from .review import DEFAULT_AGE, stale_reviews
from .validate import validate as validate_files
from .write import CONFIG, BuildError, build_site, pack_site, write_docs, write_text

__all__ = ["BuildError", "ContentError", "build", "dist", "generate", "serve", "validate", "write_schema"]

SCHEMA = CONFIG.parent / "schema" / "catalog.schema.json"


def validate(root: Path, warn=None, review_age: int = DEFAULT_AGE) -> model.Catalog:
    """Load and validate the catalogue under root; pass each warning (old reviews) to warn, if given."""
    files = load_catalog(root)
    catalog = validate_files(files)
    for warning in stale_reviews(files, datetime.date.today(), review_age) if warn else ():
        warn(warning)
    return catalog


def generate(root: Path, site_url: str | None = None, warn=None, review_age: int = DEFAULT_AGE) -> dict[str, str]:
    """Return every generated page and data file of the catalogue under root (site_url: the site's address)."""
    catalog = validate(root, warn, review_age)
    indexes = build_indexes(catalog)
    return {**render(catalog, indexes), **export(catalog, indexes, site_url)}


def docs_dir(root: Path, offline: bool) -> Path:
    return root / "build" / ("docs-offline" if offline else "docs")


def build(root: Path, out: Path | None = None, *, offline: bool = False, site_url: str | None = None, quiet: bool = False,
          warn=None, review_age: int = DEFAULT_AGE) -> Path:
    """Validate, generate and build the site; the output is replaced only on success."""
    progress = Progress(quiet)
    try:
        progress.show("Reading, checking and rendering the catalogue")
        warning = warn and (lambda text: (progress.close(), warn(text)))
        pages = generate(root, None if offline else site_url, warning, review_age)  # the file-share variant has no address
        progress.show("Writing pages")
        docs, total = docs_dir(root, offline), sum(path.endswith(".md") for path in pages)
        write_docs(docs, pages)
        del pages  # MkDocs reads them from disk; holding them here too would only add to its peak memory
        extra = {"content_date": danish_date(content_date(root, source_date_epoch() or None))}
        with progress.mkdocs(total):
            return build_site(docs, out or root / ("site-offline" if offline else "site"), offline, site_url, extra)
    finally:
        progress.close()


def serve(root: Path, port: int) -> None:
    """Serve a live preview that regenerates pages whenever the YAML or templates change."""
    from .serve import serve as live

    live(root, port, generate, lambda pages: write_docs(docs_dir(root, False), pages))


def write_schema() -> Path:
    """Write the JSON Schema that the catalogue's YAML files reference."""
    schema = model.CatalogFile.model_json_schema()
    schema["title"] = "Tilbudskataloget – catalogue file"
    write_text(SCHEMA, json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return SCHEMA


def dist(root: Path, out: Path | None = None, *, offline: bool = False, site_url: str | None = None, quiet: bool = False,
         warn=None, review_age: int = DEFAULT_AGE) -> Path:
    """Build the site, then pack it into out/tilbudskataloget[-offline]-YYYY-MM-DD.zip (out defaults to ROOT/dist)."""
    epoch = source_date_epoch()  # read before the build, which sets its default of 0
    site = build(root, offline=offline, site_url=site_url, quiet=quiet, warn=warn, review_age=review_age)
    day = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date() if epoch is not None else datetime.date.today()
    name = f"tilbudskataloget{'-offline' if offline else ''}-{day.isoformat()}"
    return pack_site(site, (out or root / "dist") / f"{name}.zip", name, epoch)


def source_date_epoch() -> int | None:
    """Return SOURCE_DATE_EPOCH (reproducible builds) if it is set."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not value.strip().isdigit():
        raise BuildError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{value}'")
    return int(value)

"""Sequencing only: load → validate → index → render → write → mkdocs, as the options say."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path

from . import memory, model
from .diagnostics import BuildError, ContentError, UsageError
from .export import export
from .index import build_indexes
from .load import FileCache, content_date, read_catalog, seed_lines, seeds_folder
from .options import Options
from .progress import Progress
from .dates import danish_date
from .render import Part, chained, parts as render_parts
from .review import DEFAULT_AGE, stale_reviews
from .validate import validate as validate_files
from .write import CONFIG, build_site, check_output, pack_site, work_lock, write_all, write_docs, write_text

__all__ = ["BuildError", "ContentError", "build", "dist", "generate", "seeds_folder", "serve", "validate", "write_schema"]

SCHEMA = CONFIG.parent / "schema" / "catalog.schema.json"


def validate(root: Path, warn=None, review_age: int = DEFAULT_AGE, cache: FileCache | None = None) -> model.Catalog:
    """Load and validate the catalogue under root, reporting every problem of every file; pass each warning
    (old reviews) to warn, if given. With a cache, read only the files that changed since it last read them."""
    files, unread = read_catalog(root, cache)
    if unread:
        try:  # the files that could be read are checked too, all but their references: an unread file may define them
            validate_files(files, seed_lines(root), references=False)
        except ContentError as error:
            unread += error.diagnostics
        raise ContentError(unread)
    catalog = validate_files(files, seed_lines(root))
    for warning in stale_reviews(files, datetime.date.today(), review_age) if warn else ():
        warn(warning)
    return catalog


def generate(root: Path, options: Options = Options(), warn=None) -> dict[str, str]:
    """Return every generated page and data file of the catalogue under root."""
    return {path: text if isinstance(text, str) else "".join(text) for path, text in pages(root, options, warn)}


def pages(root: Path, options: Options = Options(), warn=None) -> Iterator[tuple[str, str]]:
    """Validate the catalogue under root now, then return an iterator that renders each page and data file as (path, text)."""
    return chained(parts(root, options, warn))


def parts(root: Path, options: Options = Options(), warn=None) -> list[Part]:
    """Validate the catalogue under root now, then return its pages and data files as parts that render apart (site_parts)."""
    with memory.paused():  # the catalogue and its indexes live to the end: no collection needs to walk them as they grow
        catalog = validate(root, warn, options.review_age)
        indexes = build_indexes(catalog, options.limits)
    return site_parts(catalog, indexes, options)


def site_parts(catalog: model.Catalog, indexes, options: Options) -> list[Part]:
    """Return every page and data file of the site as parts, functions that each return some as (path, text),
    rendering them only then: the open data and the search index, the two largest, first."""
    return [lambda: export(catalog, indexes, options.data_url).items(), *render_parts(catalog, indexes, options.offline)]


def site_files(catalog: model.Catalog, indexes, options: Options) -> Iterator[tuple[str, str]]:
    """Yield every page and data file of the site as (path, text), one at a time."""
    return chained(site_parts(catalog, indexes, options))


def docs_dir(root: Path, options: Options) -> Path:
    return root / "build" / ("docs-offline" if options.offline else "docs")


def build(root: Path, out: Path | None = None, options: Options = Options(), warn=None) -> Path:
    """Validate, generate and build the site; the output is replaced only on success."""
    out = check_output(out or root / ("site-offline" if options.offline else "site"), root)
    memory.keep_freed()
    progress = Progress(options.progress)
    try:
        progress.show("Reading and checking the catalogue")
        files = parts(root, options, warn and (lambda text: (progress.close(), warn(text))))
        docs = docs_dir(root, options)
        with work_lock(root / "build", lambda: progress.show("Waiting for another build of this catalogue to finish")):
            progress.show("Rendering and writing pages")
            write_docs(docs, files, options.processes)  # rendered as they are written, never the whole site in memory
            del files
            total = sum(1 for _ in docs.rglob("*.md"))
            extra = {"content_date": danish_date(content_date(root, options.latest_content))}
            with progress.mkdocs(total, options.engine):
                return build_site(docs, out, options, extra)
    finally:
        progress.close()


def serve(root: Path, port: int, options: Options = Options()) -> None:
    """Serve a live preview that regenerates pages whenever the YAML or templates change; the pages of an
    edited entity first, then the whole site."""
    from .preview import Preview
    from .serve import serve as live

    memory.keep_freed()
    docs, preview = docs_dir(root, options), Preview(root, options)

    def write(pages) -> int:
        with work_lock(root / "build"):
            return write_docs(docs, pages)

    def first() -> list[str]:
        found = preview.first()
        if found:
            with work_lock(root / "build"):
                write_all({docs / path: text for path, text in found})
        return [path for path, _ in found]

    live(root, port, lambda root: preview.pages(), write, first, docs, options.engine, options.processes)


def write_schema() -> Path:
    """Write the JSON Schema that the catalogue's YAML files reference."""
    schema = model.CatalogFile.model_json_schema()
    schema["title"] = "Tilbudskataloget – catalogue file"
    write_text(SCHEMA, json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return SCHEMA


def dist(root: Path, out: Path | None = None, options: Options = Options(), warn=None) -> Path:
    """Build the site, then pack it into out/tilbudskataloget[-offline]-YYYY-MM-DD.zip (out defaults to ROOT/dist)."""
    epoch = options.source_date_epoch
    day = options.build_day if epoch is not None else datetime.date.today()
    name = f"tilbudskataloget{'-offline' if options.offline else ''}-{day.isoformat()}"
    target = (out or root / "dist") / f"{name}.zip"
    if target.parent.exists() and not target.parent.is_dir():
        raise UsageError(f"{target.parent} is a file, not a folder: choose a folder for the zip file")
    if target.is_dir():
        raise UsageError(f"{target} is a folder: remove it or choose another folder for the zip file")
    site = build(root, None, options, warn)
    return pack_site(site, target, name, epoch)

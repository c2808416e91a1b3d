"""The preview's fast path: keep the catalogue between regenerations, read again only the files saved since,
and render the pages of the entities edited in them first, ahead of the whole site.

Input: the catalogue's root and the build options. Output: pages as (path, text), never written here. The
first pages are rendered with the last catalogue's indexes and the edited entities, so a list on them may be
a step behind; the whole regeneration that always follows writes exactly what a build would. The preview
regenerates in a child process, so the catalogue kept here is the one it started with, and the edits since.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from . import pipeline
from .diagnostics import ContentError
from .index import Indexes, build_indexes
from .load import FileCache, read_catalog, seed_lines
from .model import SECTIONS, Catalog
from .options import Options
from .render import entity_page
from .validate import validate


class Preview:
    """What the preview knows between regenerations: the files read, and the last good catalogue and indexes."""

    def __init__(self, root: Path, options: Options):
        self.root, self.options, self.cache = root, options, FileCache()
        self.catalog: Catalog | None = None
        self.ix: Indexes | None = None

    def pages(self) -> Iterator[tuple[str, str]]:
        """Validate the catalogue now (reading only the files that changed), then return its pages as pipeline.pages."""
        self.learn()
        return pipeline.site_files(self.catalog, self.ix, self.options)

    def learn(self) -> None:
        """Validate the catalogue (reading only the files that changed) and keep it and its indexes."""
        catalog = pipeline.validate(self.root, review_age=self.options.review_age, cache=self.cache)
        self.cache.take_changed()
        self.catalog, self.ix = catalog, build_indexes(catalog, self.options.limits)

    def first(self) -> list[tuple[str, str]]:
        """Return the pages of the entities edited in the files saved since the last call; none when a file
        cannot be read or checked on its own (the whole regeneration then reports every problem), or when no
        good catalogue is known yet (it is learnt now, if it can be)."""
        if self.ix is None:
            try:
                self.learn()
            except ContentError:
                pass
            return []
        _, unread = read_catalog(self.root, self.cache)
        changed = self.cache.take_changed()
        if unread or not changed:
            return []
        try:
            edited = validate(changed, seed_lines(self.root), references=False)
        except ContentError:
            return []
        found = []
        for collection in SECTIONS:
            known = self.ix.by_id[collection]
            entities = {e.id: e for e in getattr(edited, collection) if e.id in known and e != known[e.id]}
            if entities:  # kept, so that the next edit is compared with what this one showed
                self.ix = dataclasses.replace(self.ix, by_id={**self.ix.by_id, collection: {**known, **entities}})
                found += [self.render(self.ix, collection, entity) for entity in entities.values()]
        return [page for page in found if page is not None]

    def render(self, ix: Indexes, collection: str, entity) -> tuple[str, str] | None:
        try:
            return entity_page(self.catalog, ix, collection, entity, self.options.offline)
        except Exception:  # noqa: BLE001 - an edit the last indexes cannot show (a new reference); the whole regeneration follows
            return None

"""Progress of a long build on a terminal: the stage, and pages done of total while MkDocs works.

One line on stderr, rewritten in place, when the options ask for it (not with -q, nor in CI) and stderr is
a terminal, so logs and tests see nothing. Reads MkDocs' own debug messages; changes nothing.
"""

from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager


class Progress:
    def __init__(self, shown: bool = True, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = shown and self.stream.isatty()
        self.start = self.shown = time.monotonic()

    def show(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        """Show the stage, with pages done of total; at most ten updates a second."""
        now = time.monotonic()
        if not self.enabled or (done is not None and 0 < done < total and now - self.shown < 0.1):
            return
        self.shown = now
        count = f" {done:,} of {total:,} pages" if total else ""
        self.stream.write(f"\r\033[K{stage}{count} ({now - self.start:.0f} s)")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    @contextmanager
    def mkdocs(self, total: int, engine: str):
        """Follow the engine (MkDocs or ProperDocs) reading and writing total pages."""
        handler = MkDocsPages(self, total)
        logger = logging.getLogger(f"{engine}.commands.build")
        level = logger.level
        if self.enabled:
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)


class MkDocsPages(logging.Handler):
    """Count MkDocs' 'Reading: …' and 'Building page …' messages."""

    STAGES = {"Reading: ": "MkDocs: reading", "Building page ": "MkDocs: writing"}

    def __init__(self, progress: Progress, total: int):
        super().__init__(logging.DEBUG)
        self.progress, self.total, self.done = progress, total, dict.fromkeys(self.STAGES, 0)

    def emit(self, record):
        message = record.getMessage()
        for prefix, stage in self.STAGES.items():
            if message.startswith(prefix):
                self.done[prefix] += 1
                if prefix == "Building page " and self.done[prefix] >= self.total:
                    self.progress.show("Finishing: search index and sitemap")
                else:
                    self.progress.show(stage, self.done[prefix], self.total)

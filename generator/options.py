"""How to build: every choice of one run in one typed, frozen object.

The command line makes it once, from its arguments and the environment (SOURCE_DATE_EPOCH, CI,
TILBUD_ENGINE), and passes it down: pipeline → write → MkDocs' config and the theme. Nothing below
the command line reads these from the environment, and nothing writes the environment.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from .diagnostics import BuildError
from .engine import ENGINES
from .listings import Limits
from .review import DEFAULT_AGE

LAST_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC, the last second a date can hold


@dataclass(frozen=True)
class Options:
    offline: bool = False  # the file-share variant: links to page.html files (MkDocs' use_directory_urls: false)
    site_url: str | None = None  # the address the site is published at, e.g. https://intra.example/katalog/
    source_date_epoch: int | None = None  # SOURCE_DATE_EPOCH: the build's date, and the latest content date
    engine: str = "mkdocs"  # the builder: MkDocs, or ProperDocs, its maintained fork (see engine.py)
    review_age: int = DEFAULT_AGE  # days after which a 'reviewed' date gets a warning
    quiet: bool = False  # print nothing but errors and warnings
    progress: bool = False  # show the stage and MkDocs' pages done on a terminal
    limits: Limits = Limits()  # the most items a page shows of a long list (tests lower them to see lists in parts)
    jobs: int | None = None  # processes that build MkDocs' pages (parallel.py); None: one for each core we may use

    @property
    def data_url(self) -> str | None:
        """Return the address the data files link to: none in the file-share variant, which has no address."""
        return None if self.offline else self.site_url

    @property
    def processes(self) -> int:
        """Return how many processes render, write and build the pages: jobs, or one for each core we may use."""
        return self.jobs or len(os.sched_getaffinity(0))

    @property
    def build_day(self) -> datetime.date:
        """Return the day the build is dated (the sitemap): SOURCE_DATE_EPOCH's, or 1 January 1970 for a reproducible build."""
        return datetime.datetime.fromtimestamp(self.source_date_epoch or 0, datetime.timezone.utc).date()

    @property
    def latest_content(self) -> int | None:
        """Return the time the content date may not pass: SOURCE_DATE_EPOCH, where 0 counts as not set."""
        return self.source_date_epoch or None


def parse_epoch(value: str | None) -> int | None:
    """Return SOURCE_DATE_EPOCH as a number of seconds, None when it is not set; raise BuildError when it is no time."""
    if value is None:
        return None
    if not value.strip().isascii() or not value.strip().isdigit() or int(value) > LAST_EPOCH:
        raise BuildError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to {LAST_EPOCH}), not '{value}'")
    return int(value)


def parse_engine(value: str) -> str:
    """Return the builder named by TILBUD_ENGINE; raise BuildError for any other name."""
    if value not in ENGINES:
        raise BuildError(f"TILBUD_ENGINE must be one of {', '.join(ENGINES)}, not '{value}'")
    return value

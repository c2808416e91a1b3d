"""Which builder turns the generated pages into a site: MkDocs 1.6 (the default) or ProperDocs, its maintained fork.

load(name) imports the builder and returns what we use of it. For ProperDocs it first installs ProperDocs'
own import alias, as ProperDocs' command line does, so that every later `mkdocs.*` import, ours and
Material's, loads ProperDocs. So one process builds with one engine: the first load decides.
"""

from __future__ import annotations

import functools
import logging
import sys
from dataclasses import dataclass
from typing import Callable

from .diagnostics import BuildError

ENGINES = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class Engine:
    name: str  # also the logger it writes to: 'mkdocs.commands.build' becomes 'properdocs.commands.build'
    build: Callable  # build(config, jobs=N): mkdocs.commands.build.build(config) on N processes (parallel.py)
    served: Callable  # served.Served(config_file, docs, site_dir, port): the preview's site and server
    load_config: Callable  # mkdocs.config.load_config(config_file, **overrides)
    errors: tuple[type[Exception], ...]  # what a build that fails raises


def load(name: str) -> Engine:
    """Import the builder called name ('mkdocs' or 'properdocs') and return its entry points."""
    assert name in ENGINES, name  # options.parse_engine refuses other names
    if loaded() not in (None, name):
        raise BuildError(f"this process has loaded {loaded()} already and cannot build with {name} too")
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401  (aliases mkdocs.* to properdocs.*)

        # Material logs to 'mkdocs.*': hang that logger under ProperDocs' own, so strict mode counts its warnings.
        logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from . import parallel, served

    return Engine(name, functools.partial(parallel.build, fallback=build), served.Served, load_config, (Abort, ConfigurationError))


def loaded() -> str | None:
    """Return the builder this process has imported, if any ('properdocs' once its alias is installed)."""
    module = sys.modules.get("mkdocs")
    return module.__name__ if module is not None else None

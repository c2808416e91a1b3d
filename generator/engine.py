"""Which builder turns the generated pages into a site: MkDocs 1.6 (the default) or ProperDocs, its maintained fork.

With TILBUD_ENGINE=properdocs, every `mkdocs.*` import — ours and Material's — loads ProperDocs instead, as
ProperDocs' own command line arranges. Import this module before anything imports mkdocs.
"""

from __future__ import annotations

import logging
import os

ENGINES = ("mkdocs", "properdocs")
NAME = os.environ.get("TILBUD_ENGINE", "mkdocs")
if NAME not in ENGINES:
    raise SystemExit(f"Error: TILBUD_ENGINE must be one of {', '.join(ENGINES)}, not '{NAME}'")
if NAME == "properdocs":
    import properdocs.replacement  # noqa: F401  (aliases mkdocs.* to properdocs.*)

    # Material logs to 'mkdocs.*': hang that logger under ProperDocs' own, so strict mode counts its warnings.
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")

# The logger the builder writes its messages to ('mkdocs.commands.build' becomes 'properdocs.commands.build').
LOGGER = NAME

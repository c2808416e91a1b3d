"""Live preview: regenerate the pages whenever a YAML file or template changes; MkDocs serves and reloads.

MkDocs' own server watches the generated docs folder, so a regenerated page reaches the browser by
itself. Errors while regenerating are printed as diagnostics and the last good pages stay in place;
started on invalid content with no earlier pages, it stops with the diagnostics.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from pathlib import Path

import jinja2
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from . import engine
from .diagnostics import BuildError, ContentError, Diagnostic, UsageError, shown, summary
from .write import CONFIG, markdown_extensions

TEMPLATES = Path(__file__).parent / "templates"


# Only changes count: watchdog also reports files being opened and read, and regenerating reads every
# YAML file, so reacting to those would regenerate for ever.
CHANGES = ("modified", "created", "deleted", "moved", "closed")
WATCHED = (".yaml", ".j2", ".css", ".js")
# How long the rest of a regeneration waits for MkDocs to show the edited page first (its build at 10,000 offers
# takes a few seconds alone, but many times that while regenerating beside it in the same interpreter).
FIRST_WAIT = 30.0


class Built(logging.Handler):
    """An event set whenever the server's builder (MkDocs or ProperDocs) logs that a build is done."""

    def __init__(self, builder: str):
        super().__init__(logging.INFO)
        self.done = threading.Event()
        self.logger = logging.getLogger(f"{builder}.commands.build")  # ProperDocs logs as 'properdocs.commands.build'

    def emit(self, record):
        if record.getMessage().startswith("Documentation built"):
            self.done.set()

    def __enter__(self):
        self.logger.addHandler(self)
        if not self.logger.isEnabledFor(logging.INFO):
            self.logger.setLevel(logging.INFO)  # no handler prints INFO: Python's last resort shows warnings only
        return self.done

    def __exit__(self, *exc):
        self.logger.removeHandler(self)


class Regenerate(FileSystemEventHandler):
    """Regenerate once the events of one save have settled (an editor's save is several events)."""

    def __init__(self, regenerate, delay: float = 0.1):
        self.regenerate, self.delay = regenerate, delay
        self.lock, self.running = threading.Lock(), threading.Lock()
        self.timer: threading.Timer | None = None

    def on_any_event(self, event):
        paths = (str(event.src_path), str(getattr(event, "dest_path", "") or ""))  # a move's target is the saved file
        if event.is_directory or event.event_type not in CHANGES or not any(p.endswith(WATCHED) for p in paths):
            return
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self.run)
            self.timer.start()

    def run(self):
        with self.running:
            try:
                self.regenerate()
            except Exception as error:  # a bug of ours: say so in one line and keep the preview running
                print(shown(f"Error: regenerating failed ({type(error).__name__}: {error}); the preview shows the last good version"), file=sys.stderr)


def check_port(port: int) -> None:
    """Raise UsageError if 127.0.0.1:port cannot be served on, before anything is generated."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            raise UsageError(f"cannot serve on 127.0.0.1:{port}: {error.strerror} (is another preview running? "
                             "choose another port with --port)") from None


def regenerate(root: Path, generate, write, has_pages: bool, first=lambda: 0, built: threading.Event | None = None) -> None:
    """Write the edited entities' pages (first) and wait until the server has built them (built is set), then
    regenerate the pages; print what changed, or every error and what the preview shows meanwhile."""
    try:
        if built is not None:
            built.clear()
        if first():
            print("Showing the edited page first; regenerating the rest.", file=sys.stderr)
            if built is not None:
                built.wait(FIRST_WAIT)
        changed = write(generate(root))
        print(f"Regenerated: {changed} file(s) changed.", file=sys.stderr)
        return
    except ContentError as error:
        diagnostics = error.diagnostics
    except jinja2.TemplateSyntaxError as error:
        diagnostics = [Diagnostic(str(error.filename or error.name), error.lineno, "", f"template syntax error: {error.message}")]
    except (jinja2.TemplateError, BuildError, UsageError, OSError) as error:
        diagnostics = []
        print(shown(f"Error: {error}"), file=sys.stderr)
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    shows = "the preview shows the last good version" if has_pages else "there is nothing to show until they are fixed"
    print(summary(diagnostics).replace("nothing was written", shows) if diagnostics else f"{shows[0].upper()}{shows[1:]}.", file=sys.stderr)


def serve(root: Path, port: int, generate, write, docs: Path, builder: str = "mkdocs", first=lambda: 0) -> None:
    """Generate once, then serve on 127.0.0.1:port with builder (MkDocs or ProperDocs) and regenerate on every change
    under root, after first() has written the pages of what was edited."""
    check_port(port)
    if not (docs / "index.md").is_file():
        write(generate(root))  # no earlier pages to show: an error here stops the preview
    else:
        regenerate(root, generate, write, has_pages=True)
    observer, built = Observer(), Built(builder)
    handler = Regenerate(lambda: regenerate(root, generate, write, has_pages=True, first=first, built=built.done))
    for folder in (root / "content", root / "cases", TEMPLATES, TEMPLATES.parent / "assets"):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    try:
        with built:
            # Dirty builds re-render only the pages whose files changed; we rewrite only changed pages.
            server = engine.load(builder)
            server.serve(str(CONFIG), build_type="dirty", docs_dir=str(docs.resolve()), dev_addr=f"127.0.0.1:{port}", strict=False,
                         markdown_extensions=markdown_extensions(server.load_config, docs))
    finally:
        observer.stop()
        observer.join()

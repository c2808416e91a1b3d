"""Live preview: the pages of an edited entity in a moment, then the whole site again in the background.

When a YAML file or template changes, the pages of the entities edited in it are generated and built into
the served site at once, and MkDocs' server reloads the browsers; then a child process regenerates every page
and builds what changed. The next edit stops that child and starts another, so an older regeneration never
overwrites a newer page. Errors while regenerating are printed as diagnostics and the last good pages stay in
place; started on invalid content with no earlier pages, it stops with the diagnostics.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import shutil
import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path

import jinja2
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from . import engine
from .diagnostics import BuildError, ContentError, Diagnostic, UsageError, shown, summary
from .write import CONFIG

TEMPLATES = Path(__file__).parent / "templates"


# Only changes count: watchdog also reports files being opened and read, and regenerating reads every
# YAML file, so reacting to those would regenerate for ever.
CHANGES = ("modified", "created", "deleted", "moved", "closed")
WATCHED = (".yaml", ".j2", ".css", ".js")


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


def regenerate(root: Path, generate, write, has_pages: bool) -> bool:
    """Regenerate the pages; print what changed, or every error and what the preview shows meanwhile. Return
    whether the pages were written."""
    try:
        changed = write(generate(root))
        print(f"Regenerated: {changed} file(s) changed.", file=sys.stderr)
        return True
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
    return False


class Live:
    """The preview between edits: the served site, and the child process that regenerates the rest."""

    def __init__(self, root: Path, generate, write, first, site):
        self.root, self.generate, self.write, self.first, self.site = root, generate, write, first, site
        self.lock, self.child = threading.Lock(), None

    def edit(self) -> None:
        """Build the pages that first() wrote for the edited entities and show them, then regenerate the rest."""
        with self.lock:
            self.stop()  # what it regenerates is out of date, and must not overwrite the pages shown now
            try:
                if self.site.rebuild(self.first()):
                    print("Showing the edited page first; regenerating the rest.", file=sys.stderr)
            finally:  # whatever became of the edited pages, the whole regeneration follows
                self.child = multiprocessing.get_context("fork").Process(target=self.rest, daemon=True)
                # The child starts with SIGTERM blocked, so an edit right after this one stops it only once it can
                # stop cleanly (rest() unblocks it); the parent's thread blocks it only for the fork.
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                try:
                    self.child.start()
                finally:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
                threading.Thread(target=self.done, args=(self.child,), daemon=True).start()

    def rest(self) -> None:
        """In the child: regenerate every page, then build what changed; exit 0 only if both were done."""
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop between two steps: no file is left half-written
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # blocked by edit() until now
        try:
            if regenerate(self.root, self.generate, self.write, has_pages=True):
                self.site.update()
                return
        except Exception as error:  # MkDocs' error, or a bug of ours: say so in one line and keep the preview running
            print(shown(f"Error: regenerating failed ({type(error).__name__}: {error}); the preview shows the last good version"), file=sys.stderr)
        sys.exit(1)

    def done(self, child) -> None:
        """Reload the browsers once child has regenerated and built the site, unless a later edit stopped it."""
        multiprocessing.connection.wait([child.sentinel])  # reaped under the lock only: stop() may reap it too
        with self.lock:
            child.join()
            if child is self.child and child.exitcode == 0:
                self.site.reload()

    def stop(self) -> None:
        if self.child is not None and self.child.is_alive():
            self.child.terminate()
            self.child.join()


def serve(root: Path, port: int, generate, write, first, docs: Path, builder: str = "mkdocs", jobs: int = 1) -> None:
    """Generate and build once (on jobs processes), then serve on 127.0.0.1:port with builder (MkDocs or
    ProperDocs); on every change under root, show the pages that first() wrote for it, then regenerate the rest."""
    check_port(port)
    if not (docs / "index.md").is_file():
        write(generate(root))  # no earlier pages to show: an error here stops the preview
    else:
        regenerate(root, generate, write, has_pages=True)
    loaded = engine.load(builder)
    site_dir = tempfile.mkdtemp(prefix="tilbudskataloget-preview-")
    try:
        site = loaded.served(str(CONFIG), str(docs.resolve()), site_dir, port)
        try:
            site.build(jobs)
        except loaded.errors as error:
            raise BuildError(f"MkDocs could not build the site: {error}") from None
        gc.freeze()  # the catalogue and the site's pages live as long as the preview: no collection walks them (~0.6 s at 10,000 offers)
        watch(root, Live(root, generate, write, first, site), site.serve)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def watch(root: Path, live: Live, serve) -> None:
    """Call live.edit() on every change under root (its YAML) and to the templates while serve() runs."""
    observer, handler = Observer(), Regenerate(live.edit)
    for folder in (root / "content", root / "cases", TEMPLATES, TEMPLATES.parent / "assets"):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped as by Ctrl-C, so the child stops too
    try:
        serve()
    finally:
        observer.stop()
        observer.join()
        live.stop()

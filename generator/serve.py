"""Live preview: regenerate the pages whenever a YAML file or template changes; MkDocs serves and reloads.

MkDocs' own server watches the generated docs folder, so a regenerated page reaches the browser by
itself. Content errors are printed and the last good pages stay in place.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .diagnostics import ContentError, summary
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
            self.regenerate()


def serve(root: Path, port: int, generate, write) -> None:
    """Generate once, then serve on 127.0.0.1:port and regenerate on every change under root."""
    def regenerate():
        try:
            changed = write(generate(root))
            print(f"Regenerated: {changed} file(s) changed.", file=sys.stderr)
        except ContentError as error:
            for diagnostic in error.diagnostics:
                print(diagnostic, file=sys.stderr)
            print(summary(error.diagnostics).replace("nothing was written", "the preview shows the last good version"), file=sys.stderr)

    regenerate()
    observer = Observer()
    handler = Regenerate(regenerate)
    for folder in (root / "content", root / "cases", TEMPLATES, TEMPLATES.parent / "assets"):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    try:
        # Dirty builds re-render only the pages whose files changed; we rewrite only changed pages.
        mkdocs_serve(str(CONFIG), build_type="dirty", docs_dir=str(root / "build" / "docs"), dev_addr=f"127.0.0.1:{port}", strict=False)
    finally:
        observer.stop()
        observer.join()

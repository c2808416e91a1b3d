"""Progress: shown on a terminal, silent in CI, with -q and when not a terminal."""

import io
import logging

from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_counts_mkdocs_pages_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    progress = Progress(stream=stream)
    with progress.mkdocs(total=2):
        log = logging.getLogger("mkdocs.commands.build")
        for message in ("Reading: a.md", "Reading: b.md", "Building page a.md", "Building page b.md"):
            log.debug(message)
    progress.close()
    out = stream.getvalue()
    assert "MkDocs: reading 2 of 2 pages" in out and "Finishing: search index and sitemap" in out
    assert out.endswith("\r\033[K")


def test_progress_is_silent_in_ci_with_quiet_and_off_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not Progress(stream=Terminal()).enabled
    monkeypatch.delenv("CI")
    assert not Progress(quiet=True, stream=Terminal()).enabled
    assert not Progress(stream=io.StringIO()).enabled
    assert Progress(stream=Terminal()).enabled
    quiet = Progress(quiet=True, stream=Terminal())
    quiet.show("Writing pages")
    quiet.close()
    assert quiet.stream.getvalue() == ""

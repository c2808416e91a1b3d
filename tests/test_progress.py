"""Progress: shown on a terminal when the options ask for it (not with -q, nor in CI), never off a terminal."""

import io
import logging

from generator.cli import options, parser
from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_counts_mkdocs_pages_on_a_terminal():
    stream = Terminal()
    progress = Progress(stream=stream)
    with progress.mkdocs(total=2, engine="mkdocs"):
        log = logging.getLogger("mkdocs.commands.build")
        for message in ("Reading: a.md", "Reading: b.md", "Building page a.md", "Building page b.md"):
            log.debug(message)
    progress.close()
    out = stream.getvalue()
    assert "MkDocs: reading 2 of 2 pages" in out and "Finishing: search index and sitemap" in out
    assert out.endswith("\r\033[K")


def test_progress_is_silent_in_ci_with_quiet_and_off_a_terminal():
    build = parser().parse_args(["build"])
    assert options(build, {"CI": "true"}).progress is False
    assert options(parser().parse_args(["build", "-q"]), {}).progress is False
    assert options(build, {}).progress is True and options(build, {"CI": ""}).progress is True
    assert not Progress(stream=io.StringIO()).enabled
    assert Progress(stream=Terminal()).enabled
    quiet = Progress(shown=False, stream=Terminal())
    quiet.show("Writing pages")
    quiet.close()
    assert quiet.stream.getvalue() == ""

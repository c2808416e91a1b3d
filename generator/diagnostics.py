"""One error type and one message format: `path:line: error: where: message` (or `warning:`).

Messages quote content, so every character a terminal would act on or not show (ESC, BEL, NUL,
bidi controls, zero-width spaces …) is printed as an escape such as \\u200b.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    where: str
    message: str
    severity: str = "error"  # or "warning": printed, but the build goes on

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return shown(f"{self.path}:{self.line}: {self.severity}: {where}{self.message}")


def shown(text: str) -> str:
    """Return text with each character that is not printable written as an escape, e.g. \\x1b."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


class UsageError(Exception):
    """A command that cannot run as given (a folder it may not replace, no catalogue at --root): exit 2."""


class BuildError(Exception):
    """The site could not be built or written (MkDocs, the disk, the build's environment): exit 1."""


class ContentError(Exception):
    """Raised with every diagnostic of a run when the content cannot be built."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__(f"{len(self.diagnostics)} error(s)")


def did_you_mean(value: object, choices) -> str:
    """Return ' (did you mean 'x'?)' when one of choices is close to value, else ''."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def summary(diagnostics: list[Diagnostic]) -> str:
    """Return the one-line summary printed after the diagnostics."""
    files = len({d.path for d in diagnostics})
    return f"{len(diagnostics)} error(s) in {files} file(s); nothing was written."

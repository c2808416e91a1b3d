"""Stage 1: read the catalogue's YAML files into plain data plus a line table.

Input: a root folder. Output: LoadedFile objects (data, and the line of every node by its data path).
Rejects syntax errors, duplicate keys, empty, oversized and non-UTF-8 files. Never validates meaning.
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import ContentError, Diagnostic

MAX_BYTES = 5 * 1024 * 1024


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, but dates stay text: the model parses them, so a day that does not exist
    ('2025-02-30') gets a message with its line instead of stopping PyYAML with a traceback."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
}
DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedFile:
    path: str
    data: dict
    lines: dict[DataPath, int] = field(repr=False)

    def line(self, loc: DataPath) -> int:
        """Return the line of the deepest node on loc that the file has."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def catalog_paths(root: Path) -> list[Path]:
    """Return every YAML file of the catalogue under root, sorted."""
    patterns = ["providers.yaml", "packages.yaml", "content/**/*.yaml", "content/**/*.yml", "cases/**/*.yaml", "cases/**/*.yml"]
    return sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})


# Where catalog_paths looks, as git pathspecs relative to the root.
CATALOG_PATHSPECS = ("providers.yaml", "packages.yaml", "content", "cases")


def content_date(root: Path, latest: int | None = None) -> datetime.date | None:
    """Return the day (UTC) the catalogue under root last changed, never after latest (SOURCE_DATE_EPOCH).

    The last change is the newest commit touching a catalogue file, or a newer uncommitted change; outside
    git it is the newest file modification time.
    """
    paths = catalog_paths(root)
    if not paths:
        return None
    stamps = git_stamps(root)
    if stamps is None:
        stamps = [p.stat().st_mtime for p in paths]
    stamp = min(max(stamps), latest) if latest else max(stamps)
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date()


def git_stamps(root: Path) -> list[float] | None:
    """Return the time of the newest commit touching the catalogue and of each file changed since; None outside git."""
    committed = git(root, "log", "-1", "--format=%ct", "--", *CATALOG_PATHSPECS)
    changed = git(root, "ls-files", "-z", "--modified", "--others", "--exclude-standard", "--", *CATALOG_PATHSPECS)
    if committed is None or changed is None:
        return None
    files = [root / name for name in changed.split("\0") if name and (root / name).is_file()]
    stamps = [float(committed)] if committed.strip() else []
    return stamps + [p.stat().st_mtime for p in files] or None


def git(root: Path, *args: str) -> str | None:
    """Return git's output for args run in root, or None when git is missing or root is not in a repository."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def load_catalog(root: Path) -> list[LoadedFile]:
    """Load every catalogue file under root, or raise ContentError with all problems found."""
    loaded, problems = [], []
    for path in catalog_paths(root):
        try:
            loaded.append(load_file(path, path.relative_to(root).as_posix()))
        except ContentError as error:
            problems.extend(error.diagnostics)
    if problems:
        raise ContentError(problems)
    return loaded


def load_file(path: Path, name: str) -> LoadedFile:
    """Load one YAML file; raise ContentError naming the file and line on any problem."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        fail(name, 1, f"file is too large ({len(raw) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB): split it into several files")
    text = decode(raw, name)
    if name.endswith(".yml"):
        fail(name, 1, "catalogue files must end in '.yaml', not '.yml'")
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        fail(name, mark.line + 1 if mark else 1, f"YAML syntax error: {error.problem or error.context}")
    except yaml.YAMLError as error:
        fail(name, 1, f"YAML syntax error: {error}")
    if data is None:
        fail(name, 1, "file is empty: remove it or add content")
    if not isinstance(data, dict):
        fail(name, node.start_mark.line + 1, "the file must be a mapping of lists, e.g. 'offers:' followed by items")
    lines: dict[DataPath, int] = {}
    problems = record_lines(node, (), lines, name)
    if problems:
        raise ContentError(problems)
    return LoadedFile(name, data, lines)


def decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail(name, line, f"file is not UTF-8 (byte 0x{raw[error.start]:02x}): save it with UTF-8 encoding")


def record_lines(node: yaml.Node, loc: DataPath, lines: dict, name: str) -> list[Diagnostic]:
    """Fill lines with the line of every node below node; return duplicate-key problems."""
    lines[loc] = node.start_mark.line + 1
    problems: list[Diagnostic] = []
    if isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            problems += record_lines(child, (*loc, i), lines, name)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, child in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                where = format_loc(loc)
                problems.append(Diagnostic(name, line, where, f"duplicate key '{key.value}' (first at line {seen[key.value]})"))
                continue
            seen[key.value] = line
            problems += record_lines(child, (*loc, key.value), lines, name)
            lines[(*loc, key.value)] = line
    return problems


def format_loc(loc: DataPath) -> str:
    """Format a data path as 'offers[3].target_groups[1]'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def fail(name: str, line: int, message: str):
    raise ContentError([Diagnostic(name, line, "", message)])

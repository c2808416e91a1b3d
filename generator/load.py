"""Stage 1: read the catalogue's YAML files into plain data plus a line table.

Input: a root folder. Output: LoadedFile objects (data, the line of every node by its data path, and
duplicate keys found). Every way a file can fail to be found, read or parsed is one diagnostic naming
the file and line: size and depth are bounded before any work, anchors, aliases and tags are refused,
links may not leave the catalogue and only regular files are read. Never validates meaning.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .diagnostics import ContentError, Diagnostic, UsageError

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 250_000  # a 5 MB file of real text holds about 160,000; a list of numbers could hold 2.5 million
MAX_DIGITS = 30
MAX_DEPTH = 20  # the deepest real item is 5 levels (offers[0].sources[0].lines)
TOP_FILES = ("providers.yaml", "packages.yaml")
FOLDERS = ("content", "cases")
DataPath = tuple[str | int, ...]
STR = "tag:yaml.org,2002:str"
SCALARS = {f"tag:yaml.org,2002:{t}": t for t in ("int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True)
class LoadedFile:
    path: str
    data: dict
    lines: dict[DataPath, int] = field(repr=False)
    problems: tuple[Diagnostic, ...] = ()  # duplicate keys: the file is still read, keeping the first

    def line(self, loc: DataPath) -> int:
        """Return the line of the deepest node on loc that the file has."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class Refused(ComposerError):
    """Something the catalogue's YAML does not allow, with the message an editor reads."""

    def __init__(self, message: str, mark):
        super().__init__(None, None, message, mark)


class BoundedComposer(Composer):
    """PyYAML's composer, refusing anchors, aliases, tags, nesting deeper than MAX_DEPTH and more than
    MAX_NODES values as it meets them.

    Aliases let a 400-byte file expand to gigabytes, and a self-reference never ends; no catalogue
    needs them. Depth is counted before a collection is composed, so recursion stays bounded.
    """

    depth = nodes = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Refused(f"holds more than {MAX_NODES:,} values: split it into several files", event.start_mark)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise Refused("anchors (&name) and aliases (*name) are not allowed: write the value out in full", event.start_mark)
        if event.tag not in (None, "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(f"tags such as '{tag}' are not allowed: write the value plainly, text in quotes", event.start_mark)
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        if self.depth >= MAX_DEPTH:
            raise Refused(f"nested more than {MAX_DEPTH} levels deep: no catalogue item needs that many", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


try:
    from yaml.cyaml import CParser as Parser  # libyaml: parsing in C, composing in Python above
except ImportError:  # pragma: no cover - PyYAML without libyaml
    Parser = None
if Parser is not None:
    class Loader(BoundedComposer, Parser, SafeConstructor, Resolver):
        def __init__(self, text: str):
            Parser.__init__(self, text)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml
    class Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, BoundedComposer, SafeConstructor, Resolver):
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            BoundedComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


def load_catalog(root: Path) -> list[LoadedFile]:
    """Load every catalogue file under root, or raise ContentError with all problems found."""
    if not any(os.path.lexists(root / name) for name in (*TOP_FILES, *FOLDERS)):
        raise UsageError(f"{root} holds no catalogue: none of {', '.join((*TOP_FILES, *FOLDERS))} is there "
                         "(name the catalogue's folder with --root)")
    paths, problems = find_files(root)
    loaded = []
    for path in paths:
        try:
            loaded.append(load_file(path, path.relative_to(root).as_posix(), root))
        except ContentError as error:
            problems.extend(error.diagnostics)
    if problems:  # validating the rest would only add errors about what the unread files define
        raise ContentError(problems + [p for file in loaded for p in file.problems])
    return loaded


def catalog_paths(root: Path) -> list[Path]:
    """Return every YAML file name of the catalogue under root, sorted."""
    return find_files(root)[0]


def find_files(root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Return the catalogue's YAML paths under root, sorted, and a problem for each folder link met.

    Names starting with '.' are editors' and tools' own (.git, Emacs' .#x.yaml locks) and are left out.
    """
    paths = [root / name for name in TOP_FILES if os.path.lexists(root / name)]
    problems: list[Diagnostic] = []
    for folder in FOLDERS:
        walk(root, root / folder, paths, problems)
    return sorted(paths), problems


def walk(root: Path, folder: Path, paths: list[Path], problems: list[Diagnostic]) -> None:
    if folder.is_symlink():
        problems.append(Diagnostic(folder.relative_to(root).as_posix(), 1, "", "is a link to a folder: links to folders are not followed; move the folder into the catalogue"))
        return
    if not folder.is_dir():
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        problems.append(Diagnostic(folder.relative_to(root).as_posix(), 1, "", f"folder cannot be read: {error.strerror or error}"))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.name.endswith((".yaml", ".yml")):
            paths.append(path)
        elif entry.is_dir(follow_symlinks=False) or (entry.is_symlink() and path.is_dir()):
            walk(root, path, paths, problems)


def load_file(path: Path, name: str, root: Path | None = None) -> LoadedFile:
    """Load one YAML file; raise ContentError naming the file and line on any problem."""
    if name.endswith(".yml"):
        fail(name, 1, "catalogue files must end in '.yaml', not '.yml'")
    text = decode(read(path, name, root or path.parent), name)
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                fail(name, 1, "file is empty: remove it or add content")
            if not isinstance(node, yaml.MappingNode):
                fail(name, node.start_mark.line + 1, "the file must be a mapping of lists, e.g. 'offers:' followed by items")
            reading = Reading(name, loader)
            data = reading.data(node, ())
        finally:
            loader.dispose()
    except Refused as error:
        fail(name, error.problem_mark.line + 1, error.problem)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        about = f"{error.context}, {error.problem}" if isinstance(error, ComposerError) and error.context else error.problem or error.context
        fail(name, mark.line + 1 if mark else 1, f"YAML syntax error: {about}")
    except yaml.reader.ReaderError as error:
        line = text.encode("utf-8")[: error.position].count(b"\n") + 1 if Parser else text[: error.position].count("\n") + 1
        fail(name, line, f"holds the character U+{error.character:04X}, which YAML files may not contain: delete it")
    except yaml.YAMLError as error:
        fail(name, 1, f"YAML syntax error: {error}")
    return LoadedFile(name, data, reading.lines, tuple(reading.problems))


def read(path: Path, name: str, root: Path) -> bytes:
    """Return the bytes of path, refusing links out of root, special files and files over MAX_BYTES."""
    try:
        if path.is_symlink():
            check_link(path, name, root)
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            fail(name, 1, "is a folder, not a file: folder names must not end in '.yaml'")
        if not stat.S_ISREG(info.st_mode):
            fail(name, 1, "is not a regular file (a pipe, socket or device): catalogue files must be ordinary files")
        if info.st_size > MAX_BYTES:
            fail(name, 1, too_large(info.st_size))
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as error:
        fail(name, 1, f"cannot be read: {error.strerror or error}")
    if len(raw) > MAX_BYTES:
        fail(name, 1, too_large(len(raw)))
    return raw


def check_link(path: Path, name: str, root: Path) -> None:
    """Refuse a link that loops, leads nowhere or leaves the catalogue."""
    target = os.readlink(path)
    try:
        real = Path(path).resolve(strict=True)
    except FileNotFoundError:
        fail(name, 1, f"is a link to '{target}', which does not exist")
    except (RuntimeError, OSError):
        fail(name, 1, f"is a link to '{target}' that leads back to itself")
    if not real.is_relative_to(root.resolve()):
        fail(name, 1, f"is a link to '{real}', outside the catalogue: copy the file in instead")


def too_large(size: int) -> str:
    return f"file is too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB): split it into several files"


def decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail(name, line, f"file is not UTF-8 (byte 0x{raw[error.start]:02x}): save it with UTF-8 encoding")


class Reading:
    """Turn one composed document into plain data, recording lines and duplicate keys on the way."""

    def __init__(self, name: str, loader):
        self.name, self.loader = name, loader
        self.lines: dict[DataPath, int] = {}
        self.problems: list[Diagnostic] = []

    def data(self, node: yaml.Node, loc: DataPath):
        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.SequenceNode):
            return [self.data(child, (*loc, i)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, loc: DataPath) -> dict:
        data: dict = {}
        for key, child in node.value:
            name, line = self.key(key), key.start_mark.line + 1
            if name in data:
                first = self.lines[(*loc, name)]
                self.problems.append(Diagnostic(self.name, line, format_loc(loc), f"duplicate key '{name}' (first at line {first})"))
                continue
            data[name] = self.data(child, (*loc, name))
            self.lines[(*loc, name)] = line
        return data

    def key(self, node: yaml.Node) -> str:
        if node.tag == "tag:yaml.org,2002:merge":
            raise Refused("merge keys ('<<') are not allowed: write the fields out in full", node.start_mark)
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
            shown = f"'{node.value}'" if isinstance(node, yaml.ScalarNode) else "a list or mapping"
            raise Refused(f"a key must be a field name such as 'id', not {shown}", node.start_mark)
        return node.value

    def scalar(self, node: yaml.ScalarNode):
        kind = SCALARS.get(node.tag)
        if kind is None:
            return node.value  # text, or one of YAML's oddities ('=', '<<') taken as the text it is
        if kind == "int" and len(node.value) > MAX_DIGITS:
            raise Refused(f"'{node.value[:MAX_DIGITS]}…' is too long for a number (text goes in quotes)", node.start_mark)
        try:
            return self.loader.construct_object(node)
        except (ValueError, OverflowError) as error:
            reason = "a date: write it as YYYY-MM-DD" if kind == "timestamp" else f"a number ({error})"
            raise Refused(f"'{node.value[:40]}' cannot be read as {reason}", node.start_mark) from None


def seeds_folder(root: Path) -> Path | None:
    """Return the folder of source texts beside the catalogue: ROOT/seeds, else ROOT/../shared/seeds."""
    return next((f for f in (root / "seeds", root.resolve().parent / "shared" / "seeds") if f.is_dir()), None)


def seed_lines(root: Path) -> dict[str, int] | None:
    """Return {file name: number of lines} of every source text, or None when there is no seeds folder."""
    folder = seeds_folder(root)
    if folder is None:
        return None
    counts = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            counts[path.name] = len(decode(read(path, path.name, folder), path.name).splitlines())
        except ContentError:
            continue  # an unreadable text counts as missing: validate names the source that cites it
    return counts


def format_loc(loc: DataPath) -> str:
    """Format a data path as 'offers[3].target_groups[1]'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def fail(name: str, line: int, message: str):
    raise ContentError([Diagnostic(name, line, "", message)])

"""YAML text to plain data and a line table, refusing what can make a small file expensive or ambiguous.

Input: one file's text and name. Output: a LoadedFile (data, duplicate keys found, and the line of every
node by its data path, made again from the text when a message needs it), or ContentError with one
diagnostic naming the line. libyaml parses; the data is built straight from its events, without PyYAML's
node graph. Anchors, aliases, tags and merge keys are refused, and depth and the number of values are
bounded as the events arrive, before any work grows with them. Pure: never touches disk (load.py reads).
"""

from __future__ import annotations

import functools
import sys
import zlib
from dataclasses import dataclass, field

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .diagnostics import ContentError, Diagnostic

MAX_NODES = 250_000  # a 5 MB file of real text holds about 160,000; a list of numbers could hold 2.5 million
MAX_DIGITS = 30
SHARED = 80  # text up to this long is kept once however often it recurs (sys.intern): ids are at most 80
MAX_DEPTH = 20  # the deepest real item is 5 levels (offers[0].sources[0].lines)
DataPath = tuple[str | int, ...]
STR = "tag:yaml.org,2002:str"
SCALARS = {f"tag:yaml.org,2002:{t}": t for t in ("int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True)
class LoadedFile:
    path: str
    data: dict
    packed: bytes = field(repr=False)  # the text, compressed: kept for the line table, which few files ever need
    problems: tuple[Diagnostic, ...] = ()  # duplicate keys: the file is still read, keeping the first

    @property
    def text(self) -> str:
        return zlib.decompress(self.packed).decode("utf-8", "surrogatepass")

    @functools.cached_property
    def lines(self) -> dict[DataPath, int]:
        """Return the line of every node by its data path (read again: most files never need it)."""
        return read(self.text, self.path, lines=True).lines

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


try:
    from yaml.cyaml import CParser as Parser  # libyaml: events made in C, turned into data below
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    class Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
IN_C = Parser.__module__ == "yaml._yaml"  # its ReaderError positions count UTF-8 bytes, Python's characters
RESOLVER, CONSTRUCTOR = Resolver(), SafeConstructor()


def parse_yaml(text: str, name: str) -> LoadedFile:
    """Return the data and line table of one file's text; raise ContentError naming the file and line on any problem."""
    return read(text, name, lines=False).loaded()


def read(text: str, name: str, lines: bool) -> Reading:
    """Read text into a Reading; raise ContentError naming the file and line on any problem."""
    try:
        reading = Reading(name, text, lines)
        reading.document()
    except Refused as error:
        fail(name, error.problem_mark.line + 1, error.problem)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        about = f"{error.context}, {error.problem}" if isinstance(error, ComposerError) and error.context else error.problem or error.context
        fail(name, mark.line + 1 if mark else 1, f"YAML syntax error: {about}")
    except yaml.reader.ReaderError as error:
        line = (text.encode("utf-8") if IN_C else text)[: error.position].count(b"\n" if IN_C else "\n") + 1
        fail(name, line, f"holds the character U+{error.character:04X}, which YAML files may not contain: delete it")
    except yaml.YAMLError as error:
        fail(name, 1, f"YAML syntax error: {error}")
    return reading


class Reading:
    """Turn the parser's events of one document into plain data, recording lines (if asked) and duplicate keys.

    Anchors, aliases, tags, nesting deeper than MAX_DEPTH and more than MAX_NODES values are refused as the
    events arrive: aliases let a 400-byte file expand to gigabytes, and a self-reference never ends; no
    catalogue needs them. What only the data makes wrong (a key that is no field name, a number too long)
    is refused once the whole document has been read, so a broken file's first message stays its syntax.
    """

    def __init__(self, name: str, text: str, lines: bool):
        self.name, self.text, self.parser = name, text, Parser(text)
        self.lines: dict[DataPath, int] | None = {} if lines else None
        self.problems: list[Diagnostic] = []
        self.nodes = self.depth = 0
        self.refused: Refused | None = None  # the first problem of the data, raised when the document is read
        self.data: object = None

    def loaded(self) -> LoadedFile:
        return LoadedFile(self.name, self.data, zlib.compress(self.text.encode("utf-8", "surrogatepass"), 1), tuple(self.problems))

    def document(self) -> None:
        self.parser.get_event()  # the stream's start
        if self.parser.check_event(yaml.StreamEndEvent):
            fail(self.name, 1, "file is empty: remove it or add content")
        self.parser.get_event()  # the document's start
        root = self.parser.peek_event()
        self.data = self.node((), True)
        self.parser.get_event()  # the document's end
        if not self.parser.check_event(yaml.StreamEndEvent):
            raise ComposerError("expected a single document in the stream", root.start_mark,
                                "but found another document", self.parser.get_event().start_mark)
        if not isinstance(root, yaml.MappingStartEvent):
            fail(self.name, root.start_mark.line + 1, "the file must be a mapping of lists, e.g. 'offers:' followed by items")
        if self.refused:
            raise self.refused

    def node(self, loc: DataPath, keep: bool):
        """Return the next node's data; when not keep (a duplicate key's value), only check it."""
        event = self.checked(self.parser.get_event())
        if keep and self.lines is not None:
            self.lines[loc] = event.start_mark.line + 1
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event) if keep else None
        if self.depth >= MAX_DEPTH:
            raise Refused(f"nested more than {MAX_DEPTH} levels deep: no catalogue item needs that many", event.start_mark)
        self.depth += 1
        data = self.sequence(loc, keep) if isinstance(event, yaml.SequenceStartEvent) else self.mapping(loc, keep)
        self.parser.get_event()  # the collection's end
        self.depth -= 1
        return data

    def checked(self, event):
        """Return event, a scalar's or a collection's start, unless it is something the catalogue refuses."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Refused(f"holds more than {MAX_NODES:,} values: split it into several files", event.start_mark)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise Refused("anchors (&name) and aliases (*name) are not allowed: write the value out in full", event.start_mark)
        if event.tag not in (None, "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(f"tags such as '{tag}' are not allowed: write the value plainly, text in quotes", event.start_mark)
        return event

    def sequence(self, loc: DataPath, keep: bool) -> list:
        data = []
        while not self.parser.check_event(yaml.SequenceEndEvent):
            data.append(self.node((*loc, len(data)), keep))
        return data

    def mapping(self, loc: DataPath, keep: bool) -> dict:
        data: dict = {}
        seen: dict[str, int] = {}
        while not self.parser.check_event(yaml.MappingEndEvent):
            key = self.checked(self.parser.peek_event())
            name, line = self.key(key) if keep else None, key.start_mark.line + 1
            self.nodes -= 1  # counted again as node() reads it
            self.node((), False)
            duplicate = keep and name in seen
            if duplicate:
                self.problems.append(Diagnostic(self.name, line, format_loc(loc), f"duplicate key '{name}' (first at line {seen[name]})"))
            value = self.node((*loc, name), keep and not duplicate)
            if keep and not duplicate:
                data[name], seen[name] = value, line
                if self.lines is not None:
                    self.lines[(*loc, name)] = line
        return data

    def key(self, event) -> str | None:
        """Return a key's name; a key that is no field name is refused once the document is read."""
        tag = RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) if isinstance(event, yaml.ScalarEvent) else None
        if tag == "tag:yaml.org,2002:merge":
            self.refuse("merge keys ('<<') are not allowed: write the fields out in full", event.start_mark)
        elif tag != STR:
            shown = f"'{event.value}'" if isinstance(event, yaml.ScalarEvent) else "a list or mapping"
            self.refuse(f"a key must be a field name such as 'id', not {shown}", event.start_mark)
        return sys.intern(event.value) if tag == STR else None

    def scalar(self, event: yaml.ScalarEvent):
        tag = event.tag if event.tag not in (None, "!") else RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        kind = SCALARS.get(tag)
        if kind is None or kind == "timestamp":
            # Text, or one of YAML's oddities ('=', '<<') taken as the text it is. Dates stay text too: the model
            # reads them, so an impossible day ('2025-02-30') is one error of its field, not of the whole file.
            # Short text is shared: ids, names and line ranges recur thousands of times in a large catalogue.
            return sys.intern(event.value) if len(event.value) <= SHARED else event.value
        if kind == "int" and len(event.value) > MAX_DIGITS:
            return self.refuse(f"'{event.value[:MAX_DIGITS]}…' is too long for a number (text goes in quotes)", event.start_mark)
        try:
            return SafeConstructor.yaml_constructors[tag](CONSTRUCTOR, yaml.ScalarNode(tag, event.value, event.start_mark))
        except (ValueError, OverflowError) as error:
            return self.refuse(f"'{event.value[:40]}' cannot be read as a number ({error})", event.start_mark)

    def refuse(self, message: str, mark) -> None:
        self.refused = self.refused or Refused(message, mark)


def format_loc(loc: DataPath) -> str:
    """Format a data path as 'offers[3].target_groups[1]'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def fail(name: str, line: int, message: str):
    raise ContentError([Diagnostic(name, line, "", message)])

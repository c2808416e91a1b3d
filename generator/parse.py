"""YAML text to plain data and a line table, refusing what can make a small file expensive or ambiguous.

Input: one file's text and name. Output: a LoadedFile (data, the line of every node by its data path,
duplicate keys found), or ContentError with one diagnostic naming the line. Anchors, aliases, tags and
merge keys are refused, and depth and the number of values are bounded while composing, before any
work grows with them. Pure: never touches disk (load.py reads the files).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .diagnostics import ContentError, Diagnostic

MAX_NODES = 250_000  # a 5 MB file of real text holds about 160,000; a list of numbers could hold 2.5 million
MAX_DIGITS = 30
MAX_DEPTH = 20  # the deepest real item is 5 levels (offers[0].sources[0].lines)
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
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    class Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
IN_C = Parser.__module__ == "yaml._yaml"  # its ReaderError positions count UTF-8 bytes, Python's characters


class Loader(BoundedComposer, Parser, SafeConstructor, Resolver):
    def __init__(self, text: str):
        Parser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


def parse_yaml(text: str, name: str) -> LoadedFile:
    """Return the data and line table of one file's text; raise ContentError naming the file and line on any problem."""
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
        line = (text.encode("utf-8") if IN_C else text)[: error.position].count(b"\n" if IN_C else "\n") + 1
        fail(name, line, f"holds the character U+{error.character:04X}, which YAML files may not contain: delete it")
    except yaml.YAMLError as error:
        fail(name, 1, f"YAML syntax error: {error}")
    return LoadedFile(name, data, reading.lines, tuple(reading.problems))


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
        if kind is None or kind == "timestamp":
            # Text, or one of YAML's oddities ('=', '<<') taken as the text it is. Dates stay text too: the model
            # reads them, so an impossible day ('2025-02-30') is one error of its field, not of the whole file.
            return node.value
        if kind == "int" and len(node.value) > MAX_DIGITS:
            raise Refused(f"'{node.value[:MAX_DIGITS]}…' is too long for a number (text goes in quotes)", node.start_mark)
        try:
            return self.loader.construct_object(node)
        except (ValueError, OverflowError) as error:
            raise Refused(f"'{node.value[:40]}' cannot be read as a number ({error})", node.start_mark) from None


def format_loc(loc: DataPath) -> str:
    """Format a data path as 'offers[3].target_groups[1]'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def fail(name: str, line: int, message: str):
    raise ContentError([Diagnostic(name, line, "", message)])

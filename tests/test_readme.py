"""The README's command synopsis and the command line's parser agree: every command and option of the parser
is in the synopsis and the synopsis names nothing else (as datasette's tests/test_docs.py does for its settings)."""

import argparse
import re

from conftest import ROOT

from generator.cli import parser

README = ROOT / "README.md"


def synopsis() -> dict[str, set[str]]:
    """Return each command of the README's synopsis (the block under '### Commands') with the options it names."""
    section = README.read_text(encoding="utf-8").split("### Commands\n", 1)[1]
    block = section.split("```\n", 2)[1]
    commands = {}
    for line in block.splitlines():
        command, *rest = line.removeprefix("python -m generator ").split(" ", 1)
        commands[command] = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", " ".join(rest)))
    return commands


def parsed() -> dict[str, list[set[str]]]:
    """Return each command of the parser with the option strings of each of its options but --help (-q, --quiet)."""
    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    return {name: [set(a.option_strings) for a in sub._actions if not isinstance(a, argparse._HelpAction)]
            for name, sub in commands.items()}


def test_the_synopsis_names_every_command_and_no_other():
    assert sorted(synopsis()) == sorted(parsed())


def test_the_synopsis_names_every_option_of_each_command_and_no_other():
    for command, options in parsed().items():
        named, known = synopsis()[command], set().union(*options)
        assert named <= known, f"{command}: the README names options the parser does not have: {sorted(named - known)}"
        assert [sorted(o) for o in options if not o & named] == [], f"{command}: the README's synopsis misses these"

"""Find runs of words that the catalogue's text shares with the source documents.

Usage: python tools/copycheck.py [--seeds DIR] [FILE ...]   (default: every YAML file of the catalogue)
Prose fields (purpose, description, participant_info, steps …) may share no run of 10 words with a source;
every other text (names, content lists, durations …) no run of 12. Prints each shared run as
`path:line: error: where: …` and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.diagnostics import ContentError, Diagnostic  # noqa: E402
from generator.load import DataPath, catalog_paths, format_loc, load_file  # noqa: E402

RUN = 12
PROSE_RUN = 10
# Free text we write ourselves. Lists of concrete elements (an offer's or a method's content) are facts
# and may stay close to the source, so they keep the looser RUN.
PROSE_FIELDS = frozenset({
    "purpose", "description", "participant_info", "situation", "steps", "lessons", "outcome_note",
    "how_to", "key_points", "recommendations", "role", "caveats", "origin", "advantages", "drawbacks", "proposals",
})
SEEDS = ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[0-9a-zæøåéü]+")
Runs = dict[int, set[tuple[str, ...]]]


def words(text: str) -> list[str]:
    """Lower-case words, with PDF line-break hyphenation joined up."""
    text = re.sub(r"-\s*\n\s*", "", text.lower())
    return WORD.findall(text)


def seed_runs(seeds: Path = SEEDS) -> Runs:
    """Return every run of PROSE_RUN and of RUN words in the sources, by length."""
    runs: Runs = {PROSE_RUN: set(), RUN: set()}
    for path in sorted(seeds.glob("*.txt")):
        w = words(path.read_text(encoding="utf-8"))
        for n, found in runs.items():
            found.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    return runs


def texts(data, loc: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Yield every string in data with its data path."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from texts(value, (*loc, i))


def limit(loc: DataPath) -> int:
    """Return the shortest shared run that counts as copied for the field at loc."""
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    return PROSE_RUN if field in PROSE_FIELDS else RUN


def copied(text: str, runs: set[tuple[str, ...]], n: int = RUN) -> list[str]:
    """Return every maximal stretch of text made of n-word runs that the sources contain."""
    w = words(text)
    stretches: list[list[int]] = []
    for i in range(len(w) - n + 1):
        if tuple(w[i : i + n]) not in runs:
            continue
        if stretches and i <= stretches[-1][1]:
            stretches[-1][1] = i + n - 1
        else:
            stretches.append([i, i + n - 1])
    return [" ".join(w[a : b + 1]) for a, b in stretches]


def check_file(path: Path, name: str, runs: Runs) -> list[Diagnostic]:
    """Return one diagnostic per stretch of a text in the file that a source contains."""
    loaded = load_file(path, name)
    found = []
    for loc, text in texts(loaded.data):
        n = limit(loc)
        for stretch in copied(text, runs[n], n):
            message = f"shares {len(stretch.split())} words in a row with a source (at most {n - 1} allowed here): \"{stretch}\""
            found.append(Diagnostic(name, loaded.line(loc), format_loc(loc), message))
    return found


def check(paths: list[Path], runs: Runs, root: Path = ROOT) -> list[Diagnostic]:
    """Check every file; a file that does not load gives its load errors instead."""
    found = []
    for path in paths:
        try:
            found += check_file(path, display_name(path, root), runs)
        except ContentError as error:
            found += error.diagnostics
    return sorted(found)


def display_name(path: Path, root: Path) -> str:
    """Name a file relative to the repository when it is inside it, as the generator's messages do."""
    full = path.resolve()
    return full.relative_to(root).as_posix() if full.is_relative_to(root) else str(path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the source texts")
    parser.add_argument("files", nargs="*", type=Path, help="YAML files (default: the whole catalogue)")
    args = parser.parse_args(argv)
    found = check(args.files or catalog_paths(ROOT), seed_runs(args.seeds))
    for diagnostic in found:
        print(diagnostic)
    if found:
        print(f"{len(found)} shared run(s) in {len({d.path for d in found})} file(s).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

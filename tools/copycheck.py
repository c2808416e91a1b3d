"""Find runs of twelve or more words that the catalogue's text shares with the source documents.

Usage: python tools/copycheck.py [FILE ...]   (default: every YAML file of the catalogue)
Prints each copied run with its file and exits 1 when there is any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

RUN = 12
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[0-9a-zæøåéü]+")


def words(text: str) -> list[str]:
    """Lower-case words, with PDF line-break hyphenation joined up."""
    text = re.sub(r"-\s*\n\s*", "", text.lower())
    return WORD.findall(text)


def seed_runs(seeds: Path = SEEDS) -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in sorted(seeds.glob("*.txt")):
        w = words(path.read_text(encoding="utf-8"))
        runs.update(tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return runs


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def copied(text: str, runs: set[tuple[str, ...]]) -> list[str]:
    """Return every maximal run of RUN or more words of text that the sources contain."""
    w = words(text)
    hits = [i for i in range(len(w) - RUN + 1) if tuple(w[i : i + RUN]) in runs]
    found, end = [], -1
    for i in hits:
        if i > end:
            found.append(i)
        end = i + RUN - 1
    return [" ".join(w[i : i + RUN]) + " …" for i in found]


def catalogue_files(root: Path = ROOT) -> list[Path]:
    return sorted([*root.glob("*.yaml"), *root.glob("content/**/*.yaml"), *root.glob("cases/**/*.yaml")])


def main(argv: list[str]) -> int:
    runs = seed_runs()
    paths = [Path(a) for a in argv] or catalogue_files()
    bad = 0
    for path in paths:
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for run in copied(text, runs):
                print(f"{path}: copied from a source: {run}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

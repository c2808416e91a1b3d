"""Stage 1: read the catalogue's YAML files into plain data plus a line table.

Input: a root folder. Output: LoadedFile objects (data, the line of every node by its data path, and
duplicate keys found; parse.py turns text into them). Every way a file can fail to be found, read or
parsed is one diagnostic naming the file and line: links may not leave the catalogue, only regular
files are read, and their size is checked before reading. The only module that reads the catalogue.
Never validates meaning.
"""

from __future__ import annotations

import datetime
import os
import stat
import subprocess
from pathlib import Path

from .diagnostics import ContentError, Diagnostic, UsageError
from .parse import MAX_DEPTH, LoadedFile, fail, format_loc, parse_yaml

__all__ = ["MAX_BYTES", "MAX_DEPTH", "FileCache", "LoadedFile", "catalog_paths", "content_date", "format_loc", "load_catalog", "load_file", "read_catalog", "seed_lines", "seeds_folder"]

MAX_BYTES = 5 * 1024 * 1024
TOP_FILES = ("providers.yaml", "packages.yaml")
FOLDERS = ("content", "cases")


# Where catalog_paths looks, as git pathspecs relative to the root.
CATALOG_PATHSPECS = (*TOP_FILES, *FOLDERS)


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
    loaded, problems = read_catalog(root)
    if problems:
        raise ContentError(problems + [p for file in loaded for p in file.problems])
    return loaded


def read_catalog(root: Path, cache: FileCache | None = None) -> tuple[list[LoadedFile], list[Diagnostic]]:
    """Return every catalogue file under root that could be read, and a diagnostic for each one that could not;
    with a cache, read only the files that changed since it last read them."""
    if not any(os.path.lexists(root / name) for name in (*TOP_FILES, *FOLDERS)):
        raise UsageError(f"{root} holds no catalogue: none of {', '.join((*TOP_FILES, *FOLDERS))} is there "
                         "(name the catalogue's folder with --root)")
    paths, problems = find_files(root)
    load = cache.load if cache is not None else load_file
    loaded = []
    for path in paths:
        try:
            loaded.append(load(path, path.relative_to(root).as_posix(), root))
        except ContentError as error:
            problems.extend(error.diagnostics)
    if cache is not None:
        cache.keep({file.path for file in loaded})
    return loaded, problems


class FileCache:
    """The files a preview has read, each kept with the size, time and inode it had, so that the next
    regeneration reads only the files saved since (and links, whose target may have moved, always)."""

    def __init__(self):
        self.files: dict[str, tuple[tuple, LoadedFile]] = {}
        self.changed: list[LoadedFile] = []  # read again since the last call of take_changed

    def load(self, path: Path, name: str, root: Path) -> LoadedFile:
        try:
            info = None if path.is_symlink() else os.stat(path)
        except OSError:
            info = None
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns) if info else None
        known = self.files.get(name)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]
        self.files.pop(name, None)
        loaded = load_file(path, name, root)
        self.files[name] = (stamp, loaded)
        self.changed.append(loaded)
        return loaded

    def keep(self, names: set[str]) -> None:
        """Forget the files not among names (removed, or unreadable now)."""
        self.files = {name: entry for name, entry in self.files.items() if name in names}

    def take_changed(self) -> list[LoadedFile]:
        """Return the files read again since the last call, and start a new list."""
        changed, self.changed = self.changed, []
        return changed


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
    return parse_yaml(decode(read(path, name, root or path.parent), name), name)


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

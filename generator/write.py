"""Stage 5: the only module that writes: generated pages to the docs folder, then the site via MkDocs.

Input: (path, text) pages, as they are rendered, and build options. Output: files on disk. Pages are
written all or none, and only those that changed.
The site is built into a staging folder beside the output and swapped in only when MkDocs
succeeds, so a failed build leaves the old site. A build replaces only a folder that a build
made (it holds MARKER), an empty one, or none; a staging folder left by a killed build is removed by
the next. Builds of one catalogue take turns (a lock in its work folder).
"""

from __future__ import annotations

import calendar
import contextlib
import fcntl
import filecmp
import functools
import gzip
import logging
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from . import engine, mdblocks, workers
from .diagnostics import BuildError, UsageError
from .options import Options

ASSETS = Path(__file__).parent / "assets"
CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


MARKER = ".tilbudskataloget-site.txt"  # .txt: a type every web server knows
MARKER_TEXT = "A site built by Tilbudskataloget's generator. The next build into this folder replaces it whole.\n"
STAGING = ".staging-"

Pairs = Iterable[tuple[str, str | Iterable[str]]]  # (path, text or pieces of text)
Part = Callable[[], Pairs]  # a share of the pages, rendered when called


def check_output(out: Path, root: Path) -> Path:
    """Return out resolved if a build may replace it (a folder a build made, an empty one, or none), else raise UsageError."""
    target, root = out.resolve(), root.resolve()
    if target == root or root.is_relative_to(target):
        raise UsageError(f"{out} holds the catalogue itself: a build replaces its output folder whole; choose a new folder, e.g. {root / 'site'}")
    if target.is_relative_to(root / "build"):
        raise UsageError(f"{out} is inside the build's work folder {root / 'build'}: choose another folder")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{out} is a file, not a folder: choose a folder for the site")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise UsageError(f"{out} holds files that no build made (it has no {MARKER}): a build replaces its output folder "
                         "whole, so it refuses this one; choose an empty or new folder, or empty this one yourself")
    return target


def assets() -> Iterator[tuple[str, str]]:
    """Yield the static assets (styles, scripts) as (path under docs, text)."""
    return ((f"assets/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(ASSETS.iterdir()))


def write_docs(docs: Path, pages: Mapping[str, str] | Pairs | list[Part], jobs: int = 1) -> int:
    """Make docs hold exactly the static assets and pages, rewriting only changed files, all or none; return how
    many changed. pages: a mapping or (path, text or pieces of text) pairs, written as they come so that a large
    site is never held whole, or a list of parts (functions returning such pairs) rendered and written by jobs processes."""
    parts = pages if isinstance(pages, list) else [lambda: pages.items() if isinstance(pages, Mapping) else pages]
    kept, changed = set(), 0
    with staged() as staging:
        for rels, files in workers.share([functools.partial(stage_part, docs, part) for part in [*parts, assets]], jobs):
            kept |= rels
            changed += staging.adopt(files)
    stale = sorted(p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in kept)
    for path in stale:
        path.unlink()
    return changed + len(stale)


def stage_part(docs: Path, part: Part) -> tuple[set[str], list[Path]]:
    """Stage the files of part that differ from docs'; return the part's paths and the files staged (none if it fails)."""
    kept = set()
    with staged(commit=False) as stage:
        for rel, text in part():
            kept.add(rel)
            if not isinstance(text, str) or not holds(docs / rel, text):
                stage(docs / rel, text)
    return kept, list(stage.written)


def holds(path: Path, text: str) -> bool:
    """Return whether path holds text already (read only when its size says it may)."""
    try:
        return path.stat().st_size == len(data := text.encode("utf-8")) and path.read_bytes() == data
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def work_lock(folder: Path, on_wait=lambda: None):
    """Hold the lock of a catalogue's work folder: one build (or preview) writes it at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def site_config(docs: Path, site_dir: Path, options: Options, extra: dict | None = None):
    """Load mkdocs.yml for this build: the docs and site folders, the options, and extra values for the theme."""
    overrides = {"docs_dir": str(docs.resolve()), "site_dir": str(site_dir.resolve()), "strict": True}
    if options.offline:
        overrides["use_directory_urls"] = False  # links to page.html files work from a file share; the theme reads it too
    if options.site_url:
        overrides["site_url"] = options.site_url
    config = engine.load(options.engine).load_config(str(CONFIG), **overrides)
    config.markdown_extensions.append(mdblocks.NAME)  # ours, which mkdocs.yml does not name: it builds without
    config.extra.update(extra or {}, build_date=options.build_day.isoformat())  # theme/sitemap.xml's <lastmod>
    config.extra.update(fragments={})  # this build's parts of pages that many pages share (theme/partials/fragments.html)
    return config


def markdown_extensions(load_config, docs: Path) -> dict:
    """Return mkdocs.yml's Markdown extensions with ours added, as load_config(CONFIG, markdown_extensions=…) takes them."""
    config = load_config(str(CONFIG), docs_dir=str(docs.resolve()))  # mkdocs.yml's own docs_dir may not exist
    return {name: config.mdx_configs.get(name, {}) for name in config.markdown_extensions} | {mdblocks.NAME: {}}


def build_site(docs: Path, out: Path, options: Options, extra: dict | None = None) -> Path:
    """Run MkDocs on docs into a staging folder beside out, then replace out with it; extra goes to the theme's config.extra."""
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(out)
        with staging_folder(out) as staging:
            run_mkdocs(docs, staging / "site", options, extra)
            gzip_sitemap(staging / "site", options.build_day)
            write_all({staging / "site" / MARKER: MARKER_TEXT})
            if out.exists():
                out.replace(staging / "old")
            (staging / "site").replace(out)
    except OSError as error:
        raise BuildError(f"could not write the site to {out}: {error.strerror or error}; the previous site is unchanged") from None
    return out


def run_mkdocs(docs: Path, site: Path, options: Options, extra: dict | None) -> None:
    builder = engine.load(options.engine)
    with collect_warnings(builder.name) as warnings:
        try:
            builder.build(site_config(docs, site, options, extra), jobs=options.processes)
        except builder.errors as error:
            raise BuildError(f"MkDocs could not build the site: {error} {' '.join(warnings)}".strip()) from None


def gzip_sitemap(site: Path, day) -> None:
    """Write sitemap.xml.gz again, stamped with day as MkDocs would stamp it from SOURCE_DATE_EPOCH.

    MkDocs reads SOURCE_DATE_EPOCH from the environment only, and stamps the time of the build when it is
    not set; the build's day comes from the options instead, so that every build is reproducible.
    """
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        with open(site / "sitemap.xml.gz", "wb") as file, gzip.GzipFile(
            fileobj=file, filename="sitemap.xml.gz", mode="wb", mtime=calendar.timegm(day.timetuple())
        ) as packed:
            packed.write(sitemap.read_bytes())


@contextlib.contextmanager
def staging_folder(out: Path):
    """Yield a new folder beside out, locked while this build runs, and remove it afterwards."""
    prefix = f".{out.name}.new-"
    made = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
    staging = made.with_name(f".{out.name}{STAGING}{made.name[len(prefix):]}")
    try:
        with open(made / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            made.rename(staging)  # named as staging only once locked, so no other build takes it for stale
            yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(made, ignore_errors=True)


def remove_stale_staging(out: Path) -> None:
    """Remove the staging folders that killed builds left beside out: those whose lock nobody holds."""
    for folder in sorted(out.parent.iterdir()):
        if not folder.name.startswith(f".{out.name}{STAGING}") or not folder.is_dir() or folder.is_symlink():
            continue
        try:
            with open(folder / ".lock") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except (BlockingIOError, FileNotFoundError):
            continue  # a running build's, or one just being made


class collect_warnings(logging.Handler):
    """Keep the warnings logged to logger (MkDocs') so a failed strict build can say what went wrong."""

    def __init__(self, logger: str):
        super().__init__(logging.WARNING)
        self.logger, self.messages = logging.getLogger(logger), []

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        self.logger.addHandler(self)
        return self.messages

    def __exit__(self, *exc):
        self.logger.removeHandler(self)


def write_text(path: Path, text: str) -> None:
    """Write text to path atomically."""
    write_all({path: text})


def write_all(files: dict[Path, str]) -> None:
    """Write every file or none: each into a .tmp beside it, renamed only once all are written."""
    with staged() as stage:
        for path, text in files.items():
            stage(path, text)


class Staging:
    """Files written each into a .tmp beside its path, to be renamed over their files together, or removed together:
    every file or none. The .tmp's name starts with a dot, so a server rebuilding the docs folder meanwhile (MkDocs
    leaves out dotfiles) never reads one."""

    def __init__(self):
        self.written: dict[Path, Path] = {}

    def __call__(self, path: Path, text: str | Iterable[str]) -> int:
        """Stage text, or pieces of text (then kept only if they differ from the file): return 1 if staged."""
        tmp = self.written.setdefault(path, path.with_name(f".{path.name}.tmp"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, str):
                tmp.write_text(text, encoding="utf-8")
                return 1
            with open(tmp, "w", encoding="utf-8") as file:
                file.writelines(text)
            if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
                del self.written[path]
                tmp.unlink()
                return 0
            return 1
        except OSError as error:
            raise BuildError(f"could not write {path}: {error.strerror or error}; nothing was changed") from None

    def adopt(self, paths: list[Path]) -> int:
        """Take in the files that another process's Staging staged; return how many."""
        self.written.update((path, path.with_name(f".{path.name}.tmp")) for path in paths)
        return len(paths)


@contextlib.contextmanager
def staged(commit: bool = True):
    """Yield a Staging, stage(path, text); when the block ends, rename the files it staged over theirs (unless not
    commit: another process's Staging adopts them), or, if it fails, remove them."""
    staging = Staging()
    try:
        yield staging
    except BaseException:
        for tmp in staging.written.values():
            tmp.unlink(missing_ok=True)
        raise
    for path, tmp in staging.written.items() if commit else ():
        tmp.replace(path)


ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip file can hold


def pack_site(site: Path, target: Path, folder: str, epoch: int | None) -> Path:
    """Write every file of site into the zip target, under folder/, in sorted order; replace target only when done.

    With epoch (SOURCE_DATE_EPOCH) every file gets that time, so the same site gives the same bytes.
    """
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w") as archive:
            for path in files:
                stamp = max(ZIP_EPOCH, epoch if epoch is not None else int(path.stat().st_mtime))
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", time.gmtime(stamp)[:6])
                info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
        tmp.replace(target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise BuildError(f"could not write {target}: {error.strerror or error}") from None
    return target

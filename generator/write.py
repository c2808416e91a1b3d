"""Stage 5: the only module that writes: generated pages to the docs folder, then the site via MkDocs.

Input: {path: text} pages and build options. Output: files on disk. The site is built into a
temporary folder and swapped in only when MkDocs succeeds, so a failed build leaves the old site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from . import engine  # first: with TILBUD_ENGINE=properdocs, the mkdocs imports below load ProperDocs
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

ASSETS = Path(__file__).parent / "assets"
CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class BuildError(Exception):
    """MkDocs refused to build the generated pages."""


def write_docs(docs: Path, pages: dict[str, str]) -> int:
    """Make docs hold exactly pages and the static assets; rewrite only changed files; return how many changed."""
    files = {**{f"assets/{p.name}": p.read_text(encoding="utf-8") for p in sorted(ASSETS.iterdir())}, **pages}
    changed = 0
    for rel, text in files.items():
        target = docs / rel
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        write_text(target, text)
        changed += 1
    for stale in sorted(p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in files):
        stale.unlink()
        changed += 1
    return changed


def site_config(docs: Path, site_dir: Path, offline: bool, site_url: str | None, extra: dict | None = None):
    """Load mkdocs.yml with the docs and site folders, the build variant and extra values for the theme set."""
    overrides = {"docs_dir": str(docs), "site_dir": str(site_dir), "strict": True}
    if offline:
        overrides["use_directory_urls"] = False  # links to page.html files work from a file share
    if site_url:
        overrides["site_url"] = site_url
    config = load_config(str(CONFIG), **overrides)
    config.extra.update(extra or {})
    return config


def build_site(docs: Path, out: Path, offline: bool = False, site_url: str | None = None, extra: dict | None = None) -> Path:
    """Run MkDocs on docs into a temporary folder, then replace out with it; extra goes to the theme's config.extra."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        with collect_warnings() as warnings:
            try:
                mkdocs_build(site_config(docs, staging / "site", offline, site_url, extra))
            except (Abort, ConfigurationError) as error:
                raise BuildError(f"MkDocs could not build the site: {error} {' '.join(warnings)}".strip()) from None
        if out.exists():
            out.replace(staging / "old")
        (staging / "site").replace(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


class collect_warnings(logging.Handler):
    """Keep MkDocs' warnings so a failed strict build can say what went wrong."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        logging.getLogger(engine.LOGGER).addHandler(self)
        return self.messages

    def __exit__(self, *exc):
        logging.getLogger(engine.LOGGER).removeHandler(self)


def write_text(path: Path, text: str) -> None:
    """Write text to path atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip file can hold


def pack_site(site: Path, target: Path, folder: str, epoch: int | None) -> Path:
    """Write every file of site into the zip target, under folder/, in sorted order; replace target only when done.

    With epoch (SOURCE_DATE_EPOCH) every file gets that time, so the same site gives the same bytes.
    """
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in files:
            stamp = max(ZIP_EPOCH, epoch if epoch is not None else int(path.stat().st_mtime))
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", time.gmtime(stamp)[:6])
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(target)
    return target

"""The preview's fast path: an edited entity's page first, then exactly what a fresh build writes."""

from __future__ import annotations

import logging
import os
import threading

import pytest
from conftest import site_files
from generator import pipeline
from generator.diagnostics import ContentError
from generator.options import Options
from generator.preview import Preview
from generator.serve import Built, regenerate
from generator.write import write_docs

OFFERS = "content/offers/vaerkstedet.yaml"


def edit(root, old: str, new: str) -> None:
    path = root / OFFERS
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))  # a save, however fast


def test_an_edit_shows_its_page_first_and_then_the_site_a_fresh_build_gives(catalog_copy, tmp_path):
    preview, docs = Preview(catalog_copy, Options()), tmp_path / "docs"
    write_docs(docs, preview.pages())
    edit(catalog_copy, "purpose: Borgeren finder job.", "purpose: Borgeren finder et nyt job hurtigt.")
    first = dict(preview.first())
    assert list(first) == ["tilbud/vaerkstedet-jobpakke.md"] and "Borgeren finder et nyt job hurtigt." in first["tilbud/vaerkstedet-jobpakke.md"]
    assert preview.first() == []  # nothing saved since
    write_docs(docs, preview.pages())
    write_docs(tmp_path / "fresh", pipeline.pages(catalog_copy))
    assert site_files(docs) == site_files(tmp_path / "fresh")


def test_an_edit_with_an_error_shows_nothing_first_and_the_error_as_before(catalog_copy, tmp_path):
    preview = Preview(catalog_copy, Options())
    write_docs(tmp_path / "docs", preview.pages())
    edit(catalog_copy, "package_type: jobpakke", "package_type: jobpakke\n    setting: overalt")
    assert preview.first() == []
    with pytest.raises(ContentError) as error:
        preview.pages()
    assert [str(d) for d in error.value.diagnostics] == [
        f"{OFFERS}:20: error: offers[1].setting: 'overalt' is not allowed; allowed: individuelt, gruppe, begge"]


def test_the_rest_is_regenerated_only_after_the_server_has_built_the_edited_page(tmp_path):
    order, built = [], threading.Event()

    def first():
        order.append("first")
        threading.Timer(0.2, lambda: (order.append("built"), built.set())).start()  # the server's rebuild, a while later
        return 1

    regenerate(tmp_path, lambda root: order.append("generate") or {}, lambda pages: 0, has_pages=True, first=first, built=built)
    assert order == ["first", "built", "generate"]


def test_the_builders_done_line_sets_the_event():
    handlers = list(logging.getLogger("mkdocs.commands.build").handlers)
    with Built("mkdocs") as done:
        logging.getLogger("mkdocs.commands.build").info("Building documentation to directory: x")
        assert not done.is_set()
        logging.getLogger("mkdocs.commands.build").info("Documentation built in 2.50 seconds")
        assert done.is_set()
    assert logging.getLogger("mkdocs.commands.build").handlers == handlers

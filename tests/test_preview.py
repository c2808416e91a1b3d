"""The preview's fast path: an edited entity's page first, then exactly what a fresh build writes."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from conftest import site_files
from generator import engine, pipeline
from generator.diagnostics import ContentError
from generator.options import Options
from generator.preview import Preview
from generator.serve import Live
from generator.write import CONFIG, write_docs

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


def test_the_next_edit_is_compared_with_what_the_last_one_showed(catalog_copy, tmp_path):
    preview = Preview(catalog_copy, Options())
    write_docs(tmp_path / "docs", preview.pages())
    edit(catalog_copy, "purpose: Borgeren finder job.", "purpose: Borgeren finder et andet job.")
    assert list(dict(preview.first())) == ["tilbud/vaerkstedet-jobpakke.md"]
    edit(catalog_copy, "purpose: Borgeren finder et andet job.", "purpose: Borgeren finder job.")  # undone
    undone = dict(preview.first())
    assert list(undone) == ["tilbud/vaerkstedet-jobpakke.md"] and "Borgeren finder job." in undone["tilbud/vaerkstedet-jobpakke.md"]


def test_a_preview_started_on_bad_content_shows_edits_first_once_it_is_fixed(catalog_copy):
    edit(catalog_copy, "package_type: jobpakke", "package_type: jobpakke\n    setting: overalt")
    preview = Preview(catalog_copy, Options())
    with pytest.raises(ContentError):
        preview.pages()
    edit(catalog_copy, "\n    setting: overalt", "")
    assert preview.first() == []  # the catalogue is learnt now; the whole regeneration shows the fix
    edit(catalog_copy, "purpose: Borgeren finder job.", "purpose: Borgeren finder et andet job.")
    assert list(dict(preview.first())) == ["tilbud/vaerkstedet-jobpakke.md"]


def test_a_page_built_again_is_the_page_a_whole_build_gives_and_the_browsers_reload(catalog_copy, tmp_path):
    docs, page = tmp_path / "docs", "tilbud/vaerkstedet-jobpakke.md"
    write_docs(docs, pipeline.pages(catalog_copy))
    port = free_port()
    served = engine.load("mkdocs").served(str(CONFIG), str(docs), str(tmp_path / "site"), port)
    served.build(jobs=2)
    epoch = polled_epoch(served.server, 0)
    (docs / page).write_text((docs / page).read_text(encoding="utf-8").replace("Borgeren finder job.", "Et nyt formål."), encoding="utf-8")
    assert served.rebuild([page, "tilbud/findes-ikke.md"]) == 1
    assert polled_epoch(served.server, epoch) > epoch  # a browser that showed the site before loads its page again
    engine.load("mkdocs").served(str(CONFIG), str(docs), str(tmp_path / "whole"), port).build(jobs=1)  # MkDocs' own build
    html = "tilbud/vaerkstedet-jobpakke/index.html"
    assert "Et nyt formål." in (tmp_path / "site" / html).read_text(encoding="utf-8")
    assert (tmp_path / "site" / html).read_bytes() == (tmp_path / "whole" / html).read_bytes()


def test_a_missing_page_shows_the_sites_own_404_page(catalog_copy, tmp_path):
    write_docs(tmp_path / "docs", pipeline.pages(catalog_copy))
    served = engine.load("mkdocs").served(str(CONFIG), str(tmp_path / "docs"), str(tmp_path / "site"), free_port())
    served.build(jobs=1)
    missing = b"".join(served.server.serve_request({"PATH_INFO": "/tilbud/findes-ikke/"}, lambda *_: None))
    assert missing == (tmp_path / "site" / "404.html").read_bytes()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def polled_epoch(server, seen: int) -> int:
    """Return the site's version that the server sends a browser that has seen version seen (once it is newer)."""
    return int(b"".join(server.serve_request({"PATH_INFO": f"/livereload/{seen}/1"}, lambda *_: None)))


def test_a_later_edit_stops_the_regeneration_before_it(tmp_path):
    hold = tmp_path / "hold"
    hold.touch()

    def generate(root):
        while hold.exists():  # the first regeneration is still running when the next edit comes
            time.sleep(0.01)
        return {}

    class Site:
        reloaded, reloads = threading.Event(), []

        def rebuild(self, paths):
            return len(paths)

        def update(self):
            (tmp_path / "updated").write_text("", encoding="utf-8")

        def reload(self):
            self.reloads.append(len(self.reloads))
            self.reloaded.set()

    site = Site()
    live = Live(tmp_path, generate, lambda pages: 0, lambda: ["tilbud/x.md"], site)
    live.edit()
    stopped = live.child
    live.edit()
    assert stopped.exitcode == 1  # stopped between two steps (SIGTERM), not killed in the middle of one
    hold.unlink()
    live.child.join()
    assert live.child.exitcode == 0 and (tmp_path / "updated").is_file()
    assert site.reloaded.wait(60) and site.reloads == [0]  # once: not for the stopped regeneration

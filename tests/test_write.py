"""Writing, stage 5, called directly: which output folders a build may replace (exact messages), pages
written all or none and only when changed, the options reaching MkDocs' config, the sitemap dated from
the options, and a zip that is the same bytes for the same site."""

import datetime
import gzip
import zipfile

import pytest

from generator import engine, mdblocks
from generator.diagnostics import UsageError
from generator.options import Options
from generator.write import CONFIG, MARKER, check_output, gzip_sitemap, markdown_extensions, pack_site, site_config, staged, write_docs


def test_a_build_may_replace_a_new_an_empty_or_a_built_folder(tmp_path):
    root = tmp_path / "katalog"
    root.mkdir()
    (tmp_path / "tom").mkdir()
    (tmp_path / "bygget").mkdir()
    (tmp_path / "bygget" / MARKER).write_text("")
    for name in ("ny", "tom", "bygget"):
        assert check_output(tmp_path / name, root) == (tmp_path / name).resolve()


@pytest.mark.parametrize("out, message", [
    ("katalog", "{out} holds the catalogue itself: a build replaces its output folder whole; choose a new folder, e.g. {root}/site"),
    (".", "{out} holds the catalogue itself: a build replaces its output folder whole; choose a new folder, e.g. {root}/site"),
    ("katalog/build/site", "{out} is inside the build's work folder {root}/build: choose another folder"),
    ("fil", "{out} is a file, not a folder: choose a folder for the site"),
    ("andet", "{out} holds files that no build made (it has no .tilbudskataloget-site.txt): a build replaces its output folder "
              "whole, so it refuses this one; choose an empty or new folder, or empty this one yourself"),
])
def test_a_build_refuses_every_other_output_folder(tmp_path, out, message):
    root = tmp_path / "katalog"
    root.mkdir()
    (tmp_path / "fil").write_text("x")
    (tmp_path / "andet").mkdir()
    (tmp_path / "andet" / "noter.txt").write_text("x")
    with pytest.raises(UsageError) as error:
        check_output(tmp_path / out, root)
    assert str(error.value) == message.format(out=tmp_path / out, root=root.resolve())


def test_pages_are_rewritten_only_when_changed_and_stale_ones_removed(tmp_path):
    docs = tmp_path / "docs"
    assert write_docs(docs, {"a.md": "a\n", "b/c.md": "c\n"}) > 2  # the two pages and the static assets
    before = (docs / "a.md").stat().st_mtime_ns
    assert write_docs(docs, {"a.md": "a\n", "d.md": "d\n"}) == 2  # d.md written, b/c.md removed
    assert (docs / "a.md").stat().st_mtime_ns == before
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["a.md", "d.md"]
    assert not list(docs.rglob("*.tmp")) and not list(docs.rglob(".*"))


def test_the_options_reach_mkdocs_config(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    served = site_config(docs, tmp_path / "site", Options(), {"content_date": "1. marts 2025"})
    assert (served.docs_dir, served.site_dir, served.strict) == (str(docs.resolve()), str((tmp_path / "site").resolve()), True)
    assert (served.use_directory_urls, served.site_url) == (True, None)
    assert (served.extra["content_date"], served.extra["build_date"], served.extra["generator"]) == ("1. marts 2025", "1970-01-01", False)
    offline = site_config(docs, tmp_path / "site", Options(offline=True, site_url="https://intra.example/katalog/", source_date_epoch=1700000000))
    assert (offline.use_directory_urls, offline.site_url, offline.extra["build_date"]) == (False, "https://intra.example/katalog/", "2023-11-14")


def test_mkdocs_yml_builds_alone_with_its_own_defaults():
    """A plain `mkdocs build` after `python -m generator build` needs no variable and no override."""
    text = CONFIG.read_text(encoding="utf-8")
    assert "!ENV" not in text and "docs_dir: build/docs" in text and "use_directory_urls: true" in text
    assert mdblocks.NAME not in text  # only the generator can import it


def test_the_build_and_serve_add_our_markdown_extension_to_mkdocs_yml_s(tmp_path):
    docs, load_config = tmp_path / "docs", engine.load(Options().engine).load_config
    docs.mkdir()
    plain = load_config(str(CONFIG), docs_dir=str(docs))
    built = site_config(docs, tmp_path / "site", Options())
    served = load_config(str(CONFIG), docs_dir=str(docs), markdown_extensions=markdown_extensions(load_config, docs))  # as served.py
    for config in (built, served):
        assert config.markdown_extensions == [*plain.markdown_extensions, mdblocks.NAME]
        assert repr(config.mdx_configs) == repr(plain.mdx_configs) and "slugify" in config.mdx_configs["toc"]  # a new partial each time


def test_the_sitemap_is_dated_from_the_options_not_the_clock(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset/>\n")
    gzip_sitemap(tmp_path, datetime.date(2023, 11, 14))
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == 1699920000  # 2023-11-14 00:00 UTC, as MkDocs dates it
    assert packed[10:22] == b"sitemap.xml\0" and gzip.decompress(packed) == b"<urlset/>\n"


def test_the_same_site_packs_into_the_same_zip(tmp_path):
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text("<p>forside</p>")
    (site / "b" / "c.html").write_text("<p>c</p>")
    first = pack_site(site, tmp_path / "1" / "x.zip", "x", 1700000000).read_bytes()
    (site / "index.html").touch()
    assert pack_site(site, tmp_path / "2" / "x.zip", "x", 1700000000).read_bytes() == first
    with zipfile.ZipFile(tmp_path / "1" / "x.zip") as archive:
        assert [(i.filename, i.date_time) for i in archive.infolist()] == [
            ("x/b/c.html", (2023, 11, 14, 22, 13, 20)), ("x/index.html", (2023, 11, 14, 22, 13, 20))]


def test_files_being_written_are_dotfiles_that_a_rebuilding_server_leaves_out(tmp_path):
    with staged() as stage:
        stage(tmp_path / "offers-0.js", "x")
        assert [p.name for p in tmp_path.iterdir()] == [".offers-0.js.tmp"]  # MkDocs' exclude_docs leaves out '.*'
    assert [p.name for p in tmp_path.iterdir()] == ["offers-0.js"]

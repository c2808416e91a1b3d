"""End to end: the fixture catalogue through MkDocs --strict, byte-identical builds, no external requests."""

import re
from pathlib import Path

from conftest import run_cli, site_files

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I)


def build(root: Path, out: Path, *args: str) -> Path:
    result = run_cli("build", "--root", str(root), "--out", str(out), *args)
    assert result.returncode == 0, result.stderr
    return out


def test_fixture_builds_strict_and_danish(catalog_copy, tmp_path):
    site = build(catalog_copy, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in home
    assert (site / "tilbud" / "vaerkstedet-mentorpakke" / "index.html").is_file()
    assert (site / "assets" / "search" / "meta.js").is_file() and (site / "assets" / "finder" / "meta.js").is_file()
    assert not (site / "search").exists() and not (site / "pagefind").exists(), "no lunr or Pagefind index"


def test_two_builds_are_byte_identical(catalog_copy, tmp_path):
    first = site_files(build(catalog_copy, tmp_path / "a"))
    second = site_files(build(catalog_copy, tmp_path / "b"))
    assert first == second


def test_built_html_loads_nothing_from_other_hosts(catalog_copy, tmp_path):
    for variant in ((), ("--offline",)):
        site = build(catalog_copy, tmp_path / "-".join(["site", *variant]), *variant)
        offenders = [p.name for p in site.rglob("*.html") if EXTERNAL.search(p.read_text(encoding="utf-8"))]
        assert offenders == []


def test_offline_build_has_html_file_links_and_the_same_search_index(catalog_copy, tmp_path):
    served, offline = build(catalog_copy, tmp_path / "site"), build(catalog_copy, tmp_path / "offline", "--offline")
    assert (offline / "tilbud" / "vaerkstedet-mentorpakke.html").is_file()
    index = sorted(p.name for p in (offline / "assets" / "search").iterdir())
    assert index and all((served / "assets" / "search" / name).read_bytes() == (offline / "assets" / "search" / name).read_bytes()
                         for name in index)
    assert 'data-tk-urls="html"' in (offline / "index.html").read_text(encoding="utf-8")


def test_site_url_is_respected(catalog_copy, tmp_path):
    site = build(catalog_copy, tmp_path / "site", "--site-url", "https://intra.example/katalog/")
    assert "https://intra.example/katalog/tilbud/vaerkstedet-mentorpakke/" in (site / "sitemap.xml").read_text()


def test_yaml_text_is_not_live_html(catalog_copy, tmp_path):
    site = build(catalog_copy, tmp_path / "site")
    page = (site / "tilbud" / "vaerkstedet-mentorpakke" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "&#60;script&#62;alert(1)" in page


def test_footer_shows_the_content_date_never_1970(catalog_copy, tmp_path, monkeypatch):
    from generator.dates import danish_date
    from generator.load import content_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the build's own default: it must not mean 1 January 1970
    home = (build(catalog_copy, tmp_path / "a") / "index.html").read_text(encoding="utf-8")
    assert f"Indholdet er senest ændret {danish_date(content_date(catalog_copy))}." in home and "1970" not in home
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # older than the files: the date is capped at it
    home = (build(catalog_copy, tmp_path / "b") / "index.html").read_text(encoding="utf-8")
    assert "Indholdet er senest ændret 14. november 2023." in home


def test_the_longest_ids_build(catalog_copy, tmp_path):
    """Ids of ID_MAX characters fit every name the build makes of them (pages, folders, finder scripts)."""
    from generator.model import ID_MAX

    long_id = ("a" * ID_MAX)
    for path in sorted(catalog_copy.rglob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8").replace("autisme", long_id), encoding="utf-8")
    site = build(catalog_copy, tmp_path / "site")
    assert (site / "maalgrupper" / long_id / "index.html").is_file()
    assert (site / "assets" / "finder" / f"maalgruppe-{long_id}.js").is_file()

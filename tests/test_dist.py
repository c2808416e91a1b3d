"""python -m generator dist packs the built site into a dated zip, the same bytes for the same content;
the publishing guide names only commands that exist and covers every file type the site has."""

import datetime
import re
import shlex
import zipfile

from conftest import FIXTURES, run_cli, site_files

from generator.cli import parser
from generator.pipeline import generate

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC


def unpacked(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_dist_packs_the_site_into_a_dated_reproducible_zip(catalog_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = run_cli("dist", "--root", str(catalog_copy))
    assert result.returncode == 0, result.stderr
    target = catalog_copy / "dist" / "tilbudskataloget-2023-11-14.zip"
    assert result.stdout.endswith(f"Wrote {target}\n")
    assert [p.name for p in (catalog_copy / "dist").iterdir()] == [target.name]
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}
    folder = "tilbudskataloget-2023-11-14/"
    assert unpacked(target) == {folder + name: data for name, data in site_files(catalog_copy / "site").items()}
    assert folder + "assets/search/meta.js" in names
    first = target.read_bytes()
    assert run_cli("dist", "--root", str(catalog_copy), "-q").returncode == 0
    assert target.read_bytes() == first


def test_dist_offline_packs_the_file_share_variant_dated_today(catalog_copy, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.date.today()
    result = run_cli("dist", "--root", str(catalog_copy), "--offline", "--out", str(catalog_copy / "ud"), "-q")
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    [target] = (catalog_copy / "ud").iterdir()
    assert target.name in {f"tilbudskataloget-offline-{day}.zip" for day in (before, datetime.date.today())}
    files = unpacked(target)
    folder = target.name.removesuffix(".zip") + "/"
    assert folder + "assets/search/meta.js" in files and folder + "tilbud/vaerkstedet-mentorpakke.html" in files


def test_dist_refuses_a_bad_source_date_epoch(catalog_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "i går")
    result = run_cli("dist", "--root", str(catalog_copy))
    assert (result.returncode, result.stderr) == (1, "Error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to 253402300799), not 'i går'\n")
    assert not (catalog_copy / "dist").exists()


# --- The publishing guide (Om kataloget › Udgivelse på intranettet) is true and complete. ---

def guide() -> str:
    return generate(FIXTURES / "catalog")["om/publicering.md"]


def sections(text: str) -> dict[str, str]:
    return {m[1]: m[2] for m in re.finditer(r"^## (.+)\n((?:(?!^## ).*\n?)*)", text, re.M)}


def test_every_command_in_the_guide_exists():
    commands = re.findall(r"`(python -m generator [^`]+)`", guide())
    assert {shlex.split(c)[3] for c in commands} >= {"build", "dist"}
    for command in commands:
        parser().parse_args(shlex.split(command)[3:])  # exits 2, failing the test, on an unknown option


def test_guide_covers_each_way_of_publishing_with_its_404_page():
    parts = sections(guide())
    assert {"nginx", "Apache", "IIS", "Fælles drev"} <= set(parts)
    for server in ("nginx", "Apache", "IIS"):
        assert "/katalog/404.html" in parts[server], f"{server}: say how the 404 page is shown"
        assert "index.html" in parts[server], f"{server}: say that index.html is the directory's page"
    assert "tilbudskataloget-offline-ÅÅÅÅ-MM-DD.zip" in parts["Fælles drev"]
    assert "dist/tilbudskataloget-ÅÅÅÅ-MM-DD.zip" in parts["Byg og pak"]


# File types IIS serves out of the box; any other type in the site must be mapped in the guide's web.config.
IIS_KNOWN = {".css", ".gz", ".htm", ".html", ".ico", ".jpg", ".js", ".png", ".svg", ".txt", ".xml"}


def test_guide_maps_every_file_type_of_the_site_for_iis(real_site):
    mapped = set(re.findall(r'<mimeMap fileExtension="([^"]+)"', sections(guide())["IIS"]))
    types = {p.suffix for p in real_site.rglob("*") if p.is_file()}
    assert types - IIS_KNOWN - mapped == set()

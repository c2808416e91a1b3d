"""The synthetic catalogue: it validates and builds strict, the same for the same size, and never overwrites content."""

import importlib
from pathlib import Path

import pytest
from conftest import run_cli
from page_links import site_links

from generator import synth

from generator.listings import Limits
from generator.options import Options
from generator.pipeline import build, validate


def test_synthetic_catalogue_validates_and_builds_strict(tmp_path):
    root = tmp_path / "synth"
    result = run_cli("synth", "--offers", "30", "--out", str(root))
    assert result.returncode == 0, result.stderr
    result = run_cli("validate", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 30 offers,")
    result = run_cli("build", "--root", str(root), "--out", str(tmp_path / "site"), "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert len(list((tmp_path / "site" / "tilbud").glob("*/index.html"))) == 30


def test_same_size_gives_the_same_catalogue():
    assert synth.catalogue(30) == synth.catalogue(30)
    assert synth.catalogue(30) != synth.catalogue(31)


def test_synth_refuses_a_folder_holding_a_real_catalogue(catalog_copy):
    result = run_cli("synth", "--offers", "5", "--out", str(catalog_copy))
    assert result.returncode == 1
    assert "already holds a catalogue that synth did not write" in result.stderr


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_lists_in_parts_lose_nothing_and_every_link_of_the_site_resolves(tmp_path, offline):
    """With small limits a synthetic catalogue's lists come in parts: every offer and case is reachable from each list
    that names it, through its parts, and every link of the built site (MkDocs checks only the Markdown ones) leads
    to a file."""
    synth.write_catalogue(tmp_path / "synth", synth.catalogue(60))
    options = Options(offline=offline, limits=Limits(terms=20, links=6, cases=3, rows=4, cell=2), quiet=True)
    site = build(tmp_path / "synth", tmp_path / "site", options)
    links = {p: site_links(site, p) for p in site.rglob("*.html") if p.name != "404.html"}
    assert sorted(f"{p.relative_to(site)} -> {t}" for p, found in links.items() for t in found if not t.is_file()) == []
    catalog = validate(tmp_path / "synth")

    def page(path: str) -> Path:  # where MkDocs writes the page of path (no .md) in this build
        if offline:
            return site / f"{path}.html"
        return site / (path.removesuffix("index") if path.endswith("index") else f"{path}/") / "index.html"

    def reachable(path: str) -> set:  # what the list's page links to, through its parts (pages in the folder site/path)
        first, folder = page(path), site / path
        parts = {t for t in links[first] if t.is_relative_to(folder) and t != first}
        return set().union(links[first], *(links[p] for p in parts))

    assert list((site / "tilbud" / "index").iterdir()), "the list of all offers is in parts"
    missing = []
    for offer in catalog.offers:
        for path in ["tilbud/index", f"udbydere/{offer.provider}", f"pakketyper/{offer.package_type}",
                     *(f"maalgrupper/{t.id}" for t in offer.target_groups), *(f"metoder/{m}" for m in offer.methods)]:
            if page(f"tilbud/{offer.id}") not in reachable(path):
                missing.append(f"{path} -/-> {offer.id}")
    for case in catalog.cases:
        for path in ["cases/index", *(f"maalgrupper/{t.id}" for t in case.target_groups), *(f"metoder/{m}" for m in case.methods)]:
            if page(f"cases/{case.id}") not in reachable(path):
                missing.append(f"{path} -/-> {case.id}")
    assert missing == []


def test_many_providers_are_split_into_files_that_validate(tmp_path, monkeypatch):
    monkeypatch.setattr(importlib.import_module("generator.synth.catalogue"), "PROVIDERS_PER_FILE", 4)
    files = synth.catalogue(60)
    parts = sorted(path for path in files if path.startswith("content/providers/"))
    assert "providers.yaml" not in files and len(parts) > 1
    synth.write_catalogue(tmp_path, files)
    assert len(validate(tmp_path).offers) == 60

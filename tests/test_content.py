"""The repository's own content: it validates, its counts match the sources, it copies no sentence."""

import re
import sys
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT

from generator.pipeline import validate

sys.path.insert(0, str(ROOT / "tools"))
import copycheck  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
CATALOGUE_PROVIDERS = {
    "aof-job", "as3-employment", "dag-og-doegncentret", "hki", "hartmanns", "hovedstadens-oplysningsforbund",
    "incita", "integro-cortex", "kofoeds-skole", "kkb", "markman", "vaeksthuset",
}


@cache
def catalog():
    return validate(ROOT)


def test_repository_content_validates():
    assert catalog().offers


def test_provider_catalogue_is_complete():
    standard = {t.id for t in catalog().package_types if t.kind.value == "standardpakke"}
    packages = [o for o in catalog().offers if o.package_type in standard]
    assert {o.provider for o in packages} == CATALOGUE_PROVIDERS
    assert len(packages) == 95
    assert all(any(r.source == "leverandoerkatalog" for r in o.sources) for o in packages)
    per_provider = {p: sum(o.provider == p for o in packages) for p in CATALOGUE_PROVIDERS}
    assert all(6 <= n <= 9 for n in per_provider.values()), per_provider


def test_every_offer_has_a_unique_package_per_provider():
    keys = [(o.provider, o.package_type, o.name) for o in catalog().offers]
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_cited_lines_exist_in_their_source():
    lengths = {s.id: len((SEEDS / s.file).read_text(encoding="utf-8").splitlines()) for s in catalog().sources}
    c = catalog()
    bad = []
    for entity in (*c.providers, *c.package_types, *c.target_groups, *c.methods, *c.offers, *c.cases):
        for ref in entity.sources:
            numbers = [int(n) for n in re.findall(r"\d+", ref.lines)]
            if max(numbers) > lengths[ref.source] or any(a > b for a, b in re.findall(r"(\d+)-(\d+)", ref.lines) if int(a) > int(b)):
                bad.append(f"{entity.id}: {ref.source} {ref.lines}")
    assert bad == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_no_sentence_is_copied_from_a_source():
    runs = copycheck.seed_runs(SEEDS)
    import yaml

    copied = [
        f"{path.relative_to(ROOT)}: {run}"
        for path in copycheck.catalogue_files(ROOT)
        for text in copycheck.strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        for run in copycheck.copied(text, runs)
    ]
    assert copied == []

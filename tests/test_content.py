"""The repository's own content: it validates, its counts match the sources, it copies no sentence."""

import re
import sys
from functools import cache

import pytest

from conftest import ROOT, site_files
from page_links import targets

from generator.load import catalog_paths
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
    """Prose (purpose, participant_info, steps …) shares at most 9 words in a row with a source, other text 11."""
    copied = copycheck.check(catalog_paths(ROOT), copycheck.seed_runs(SEEDS), ROOT)
    assert [str(d) for d in copied] == []


@cache
def pages():
    from generator.pipeline import generate

    return generate(ROOT)


@cache
def links(offline: bool = False) -> dict[str, set[str]]:
    from generator.options import Options
    from generator.pipeline import generate

    generated = pages() if not offline else generate(ROOT, Options(offline=True))
    return {p: targets(p, text, generated, offline) for p, text in generated.items() if p.endswith(".md")}


def test_offers_and_what_they_name_link_both_ways():
    missing = []
    for offer in catalog().offers:
        own = links()[f"tilbud/{offer.id}.md"]
        others = [f"udbydere/{offer.provider}.md", f"pakketyper/{offer.package_type}.md"]
        others += [f"maalgrupper/{t.id}.md" for t in offer.target_groups] + [f"metoder/{m}.md" for m in offer.methods]
        for other in others:
            if other not in own:
                missing.append(f"{offer.id} -> {other}")
            if f"tilbud/{offer.id}.md" not in links()[other]:
                missing.append(f"{other} -> {offer.id}")
    assert missing == []


def test_cases_and_what_they_name_link_both_ways():
    missing = []
    for case in catalog().cases:
        own = links()[f"cases/{case.id}.md"]
        others = [f"udbydere/{case.provider}.md", *([f"tilbud/{case.offer}.md"] if case.offer else [])]
        others += [f"maalgrupper/{t.id}.md" for t in case.target_groups] + [f"metoder/{m}.md" for m in case.methods]
        for other in others:
            if other not in own or f"cases/{case.id}.md" not in links()[other]:
                missing.append(f"{case.id} <-> {other}")
    assert missing == []


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_every_link_of_the_generated_pages_leads_to_a_page(offline):
    """Markdown links and the HTML blocks' hrefs, which MkDocs neither rewrites nor checks."""
    generated = links(offline)
    assert {page: sorted(t for t in found if t.endswith(".md") and t not in generated or t.startswith("?"))
            for page, found in generated.items()} == {page: [] for page in generated}


@pytest.mark.parametrize("variant", ["real_site", "real_site_offline"])
def test_every_link_of_the_built_site_leads_to_a_file(variant, request):
    site = request.getfixturevalue(variant)
    broken = []
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):  # 404.html links from the site's root
        for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            href = re.split(r"[?#]", href)[0]
            if not href or ":" in href:
                continue
            target = (page.parent / href).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_no_page_of_the_real_site_is_an_orphan(real_site):
    """Every page is reachable by following links from the home page."""
    seen, todo = set(), [real_site / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen or not page.is_file() or page.suffix != ".html":
            continue
        seen.add(page)
        for href in re.findall(r'(?:href|action)="([^"#?:]+)', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            todo.append(target / "index.html" if target.is_dir() else target)
    pages_ = {p for p in real_site.rglob("*.html") if p.name != "404.html"}
    assert sorted(str(p.relative_to(real_site)) for p in pages_ - seen) == []


def test_real_site_is_byte_identical_whatever_the_hash_seed(real_site, tmp_path):
    import os
    import subprocess

    out = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "generator", "build", "-q", "--out", str(out)], cwd=ROOT, env=env, check=True)
    first, second = site_files(real_site), site_files(out)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_source_dates_are_on_the_lines_they_cite():
    wrong = []
    for source in catalog().sources:
        lines = (SEEDS / source.file).read_text(encoding="utf-8").splitlines()
        cited = " ".join(lines[n - 1] for n in line_numbers(source.date.lines or ""))
        years = re.findall(r"\d{4}", source.date.period)
        if any(year not in cited for year in years) or (years and not source.date.lines):
            wrong.append(f"{source.id}: {source.date.period} not on lines {source.date.lines}")
    assert wrong == []


def line_numbers(lines: str) -> list[int]:
    """Expand '12, 40-42' to [12, 40, 41, 42]."""
    numbers = []
    for part in filter(None, re.split(r",\s*", lines)):
        first, _, last = part.partition("-")
        numbers += range(int(first), int(last or first) + 1)
    return numbers


def test_package_type_pages_show_every_method_and_target_group_of_their_offers():
    missing = []
    for offer in catalog().offers:
        path = f"pakketyper/{offer.package_type}.md"
        rows = [targets(path, row, pages()) for row in pages()[path].split("<tr>")]
        row = next(row for row in rows if f"tilbud/{offer.id}.md" in row)
        missing += [f"{offer.id}: {m}" for m in offer.methods if f"metoder/{m}.md" not in row]
        missing += [f"{offer.id}: {t.id}" for t in offer.target_groups if f"maalgrupper/{t.id}.md" not in row]
    assert missing == []

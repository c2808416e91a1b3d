"""Target groups: every group the provider catalogue states is indexed, and every search word leads to one place.

tests/target_group_phrases.yaml lists each phrase of seed 001 that names a package's target group, with the
catalogue's groups it maps to. The tests hold the table to the source text and the offers to the table, both ways.
"""

import re
from collections import defaultdict
from functools import cache

import pytest
import yaml

from conftest import ROOT
from page_links import targets

from generator.pipeline import generate, validate

SEEDS = ROOT.parent / "shared" / "seeds"
TABLE = ROOT / "tests" / "target_group_phrases.yaml"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")


@cache
def catalog():
    return validate(ROOT)


@cache
def phrases() -> list[dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


@cache
def packages() -> dict:
    """The 95 standard packages of the provider catalogue, each with the set of 001 lines it cites."""
    standard = {t.id for t in catalog().package_types if t.kind.value == "standardpakke"}
    return {
        o.id: (o, {n for r in o.sources if r.source == "leverandoerkatalog" for n in line_numbers(r.lines)})
        for o in catalog().offers if o.package_type in standard
    }


def line_numbers(lines: str) -> set[int]:
    numbers = set()
    for part in re.split(r",\s*", lines):
        first, _, last = part.partition("-")
        numbers |= set(range(int(first), int(last or first) + 1))
    return numbers


def normalise(text: str) -> str:
    """Join words the PDF extraction hyphenated across lines; drop bullets; fold case and spaces."""
    text = re.sub(r"(\w)-[ \t•]*\n[ \t•]*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text.replace("•", " ")).lower()


def citing(line: int) -> list[str]:
    return sorted(offer_id for offer_id, (_, lines) in packages().items() if line in lines)


def test_the_table_lists_known_groups_and_says_why_when_it_maps_to_none():
    ids = {t.id for t in catalog().target_groups}
    assert [e for e in phrases() if set(e) - {"line", "phrase", "groups", "why"}] == []
    assert [e for e in phrases() if not set(e["groups"]) <= ids] == []
    assert [e for e in phrases() if not e["groups"] and not e.get("why")] == []


@needs_seeds
def test_every_phrase_is_printed_where_the_table_says():
    lines = (SEEDS / "001_48fdbe10ea92db06.txt").read_text(encoding="utf-8").splitlines()
    missing = [
        f"{e['line']}: {e['phrase']}" for e in phrases()
        if normalise(e["phrase"]) not in normalise("\n".join(lines[e["line"] - 1 : e["line"] + 2]))
    ]
    assert missing == []


def test_each_phrase_belongs_to_exactly_one_package():
    assert [(e["line"], citing(e["line"])) for e in phrases() if len(citing(e["line"])) != 1] == []


def test_the_package_citing_a_phrase_names_every_group_it_maps_to():
    dropped = []
    for e in phrases():
        for offer_id in citing(e["line"]):
            named = {t.id for t in packages()[offer_id][0].target_groups}
            dropped += [f"{offer_id}: {group} ({e['line']}: {e['phrase']})" for group in e["groups"] if group not in named]
    assert dropped == []


def test_every_target_group_of_a_package_is_backed_by_a_stated_phrase():
    backed = defaultdict(set)
    for e in phrases():
        for offer_id in citing(e["line"]):
            backed[offer_id] |= set(e["groups"])
    unbacked = [
        f"{offer_id}: {t.id}" for offer_id, (offer, _) in sorted(packages().items())
        for t in offer.target_groups if t.id not in backed[offer_id]
    ]
    assert unbacked == []


def test_a_target_group_page_lists_every_package_whose_source_names_the_group():
    pages = generate(ROOT)
    links = {group.id: targets(f"maalgrupper/{group.id}.md", pages[f"maalgrupper/{group.id}.md"], pages) for group in catalog().target_groups}
    missing = [
        f"maalgrupper/{group}.md -> {offer_id}"
        for e in phrases() for group in e["groups"] for offer_id in citing(e["line"])
        if f"tilbud/{offer_id}.md" not in links[group]
    ]
    assert sorted(set(missing)) == []


def test_every_target_group_has_offers_or_cases():
    c = catalog()
    named = {t.id for item in (*c.offers, *c.cases) for t in item.target_groups}
    assert [g.id for g in c.target_groups if g.id not in named] == []


def words():
    """Yield (word, entity) for every name, synonym and lay term of target groups and methods."""
    c = catalog()
    for section, entities in (("maalgrupper", c.target_groups), ("metoder", c.methods)):
        for e in entities:
            for word in (e.name, *e.synonyms, *e.lay_terms):
                yield word, f"{section}/{e.id}"


def test_no_word_leads_to_two_entities():
    leads = defaultdict(set)
    for word, entity in words():
        leads[word.casefold()].add(entity)
    assert {word: sorted(entities) for word, entities in leads.items() if len(entities) > 1} == {}


def test_no_entity_repeats_a_word():
    repeated = defaultdict(list)
    for word, entity in words():
        repeated[(entity, word.casefold())].append(word)
    assert [key for key, spellings in repeated.items() if len(spellings) > 1] == []


@needs_seeds
def test_synonyms_are_spelled_as_in_a_source_and_lay_terms_are_not_needed_for_that():
    text = normalise("\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    c = catalog()
    unsourced = [
        f"{e.id}: {s}" for e in (*c.target_groups, *c.methods) for s in e.synonyms
        if not re.search(rf"(?<!\w){re.escape(normalise(s))}(?!\w)", text)
    ]
    assert unsourced == []


def test_every_target_group_has_lay_terms():
    assert [g.id for g in catalog().target_groups if not g.lay_terms] == []

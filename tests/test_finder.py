"""The finder's split data: facet lists, word lists and offer chunks agree with the catalogue."""

import json
import re

from hypothesis import given, settings

from conftest import FIXTURES
from test_index import catalogs

from generator.finder import CHUNK, finder_files, shard, words
from generator.index import build_indexes, sort_key
from generator.pipeline import validate


def loaded(files: dict[str, str]) -> dict:
    """Parse the finder's scripts back into data, as finder.js receives it."""
    data = {}
    for text in files.values():
        name, payload = re.match(r'window\.FINDER\.add\("([^"]+)", (.*)\);\n$', text, re.S).groups()
        data[name] = json.loads(payload)
    return data


@settings(max_examples=40, deadline=None)
@given(catalogs())
def test_facets_and_chunks_agree_with_the_catalogue(catalog):
    ix = build_indexes(catalog)
    data = loaded(finder_files(catalog, ix))
    offers = sorted(catalog.offers, key=lambda o: (sort_key(ix.offer_title(o)), o.id))
    chunks = [row for n in range(-(-len(offers) // CHUNK)) for row in data[f"offers-{n}"]]
    assert [row[0] for row in chunks] == [o.id for o in offers]
    assert data["meta"]["count"] == len(offers)
    for i, offer in enumerate(offers):
        for group in (t.id for t in offer.target_groups):
            assert i in data[f"maalgruppe-{group}"]
        for method in offer.methods:
            assert i in data[f"metode-{method}"]
        assert i in data[f"pakketype-{offer.package_type}"] and i in data[f"udbyder-{offer.provider}"]
    total = sum(len(v) for name, v in data.items() if name.startswith(("maalgruppe-", "metode-")))
    assert total == sum(len(o.target_groups) + len(o.methods) for o in offers)


def test_words_find_offers_by_synonym_and_inflection():
    catalog = validate(FIXTURES / "catalog")
    ix = build_indexes(catalog)
    data = loaded(finder_files(catalog, ix))
    titles = [row[1] for n in range(1) for row in data["offers-0"]]

    def find(word):
        index = data.get(f"words-{shard(word)}", {})
        return sorted({titles[i] for w, found in index.items() if w.startswith(word) for i in found})

    assert find("asperger") == ["Mentorpakke – Værkstedet"]  # a synonym of the offer's target group
    assert find("snusepraktik") == ["Mentorpakke – Værkstedet"]  # from its content
    assert find("borger") == sorted(titles)  # a prefix: borgere, borgeren
    assert words("Mentorpakke – Værkstedet, 2–5 dage") == {"mentorpakke", "værkstedet", "dage"}
    assert (shard("værkstedet"), shard("åben"), shard("aarhus")) == ("vae", "aab", "aa")

"""The finder's split data: facet lists and offer chunks agree with the catalogue, in the search index's order."""

import json
import re

from hypothesis import given, settings
from test_index import catalogs

from generator.finder import CHUNK, finder_files
from generator.index import build_indexes, sort_key
from generator.search import documents


def loaded(files: dict[str, str]) -> dict:
    """Parse data scripts back into data, as the browser receives it: {name: data}."""
    data = {}
    for text in files.values():
        name, payload = re.match(r'window\.TK_DATA\.add\("([^"]+)", (.*)\);\n$', text, re.S).groups()
        data[name.split("/", 1)[1]] = json.loads(payload)
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
    # The free text is searched in the search index: its first documents must be these offers, in this order.
    assert [d.id for d in documents(catalog, ix)[: len(offers)]] == [o.id for o in offers]

"""Find tilbud's data, split so that one query loads only what it needs, from a server or from file://.

Input: a Catalog and its Indexes. Output: {path: script text} under assets/finder/, each script calling
window.TK_DATA.add("finder/NAME", data), as the search index's do (generator/search.py). Pure. Files:
- meta.js       facet values and names, the number of offers, the chunk size;
- F-V.js        the offers (positions in the title order) with value V of facet F;
- offers-N.js   the key facts of offers N*CHUNK … N*CHUNK+CHUNK-1.
The free text is searched with the site's search index, whose first documents are the offers in the
same title order, so a search hit below the offer count is an offer's position here.
"""

from __future__ import annotations

from .index import Indexes, sort_key
from .model import Catalog, Offer
from .search import offer_order, script

CHUNK = 20
# Each facet: the catalogue's collection of its values, and the index from a value to its offers.
FACETS = {
    "maalgruppe": ("target_groups", "offers_by_target_group"),
    "metode": ("methods", "offers_by_method"),
    "pakketype": ("package_types", "offers_by_package_type"),
    "udbyder": ("providers", "offers_by_provider"),
}


def finder_files(catalog: Catalog, ix: Indexes) -> dict[str, str]:
    """Return every file of the finder's data, keyed by path under assets/."""
    offers = offer_order(catalog, ix)
    position = {o.id: i for i, o in enumerate(offers)}
    values = {f: sorted(getattr(catalog, c), key=lambda e: (sort_key(e.name), e.id)) for f, (c, _) in FACETS.items()}
    files = {"meta": {
        "count": len(offers),
        "chunk": CHUNK,
        "facets": {f: [[e.id, e.name] for e in entities] for f, entities in values.items()},
    }}
    for facet, (_, index) in FACETS.items():
        for value, found in sorted(getattr(ix, index).items()):
            files[f"{facet}-{value}"] = sorted(position[o.id] for o in found)
    for start in range(0, len(offers), CHUNK):
        files[f"offers-{start // CHUNK}"] = [facts(o, ix) for o in offers[start : start + CHUNK]]
    return {f"assets/finder/{name}.js": script(f"finder/{name}", data) for name, data in files.items()}


def facts(offer: Offer, ix: Indexes) -> list:
    """Return what the finder shows of an offer: id, title, package type, duration, setting, purpose."""
    return [
        offer.id,
        ix.offer_title(offer),
        ix.by_id["package_types"][offer.package_type].name,
        offer.duration or "",
        offer.setting.label if offer.setting else "",
        offer.purpose,
    ]

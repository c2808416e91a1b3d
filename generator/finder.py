"""The finder's data: every offer's facets and key facts, as a script the finder page loads.

A script rather than a fetched JSON file, because fetch() is refused on file:// in the offline build.
Pure: returns text. The JSON is escaped so that no value can close the script element.
"""

from __future__ import annotations

import json

from .index import Indexes, sort_key
from .model import SETTING_LABELS, Catalog


def finder_data(catalog: Catalog, ix: Indexes) -> str:
    """Return the JavaScript that defines window.FINDER_DATA."""
    groups = {t.id: t for t in catalog.target_groups}
    methods = {m.id: m for m in catalog.methods}
    data = {
        "facets": {
            "maalgruppe": facet(catalog.target_groups),
            "metode": facet(catalog.methods),
            "pakketype": facet(catalog.package_types),
            "udbyder": facet(catalog.providers),
        },
        "offers": [
            {
                "id": o.id,
                "title": ix.offer_title(o),
                "provider": o.provider,
                "package_type": o.package_type,
                "target_groups": sorted(t.id for t in o.target_groups),
                "methods": sorted(o.methods),
                "duration": o.duration or "",
                "setting": SETTING_LABELS[o.setting] if o.setting else "",
                "purpose": o.purpose,
                "words": searchable(" ".join(
                    [ix.offer_title(o), o.purpose, *o.content]
                    + [w for t in o.target_groups for w in (groups[t.id].name, *groups[t.id].synonyms)]
                    + [w for m in o.methods for w in (methods[m].name, *methods[m].synonyms)]
                ).lower()),
            }
            for o in sorted(catalog.offers, key=lambda o: sort_key(ix.offer_title(o)))
        ],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.FINDER_DATA = {text};\n"


def searchable(text: str) -> str:
    """Return text's distinct words, leaving out each word that is part of a longer one.

    The finder keeps an offer when every typed word occurs in its words. A typed word holds no space, so it
    occurs in text exactly when it occurs in the result; the result is about a third shorter.
    """
    kept: set[str] = set()
    longest_first = " "
    for word in sorted(set(text.split(" ")), key=lambda w: (-len(w), w)):
        if word and word not in longest_first:
            kept.add(word)
            longest_first += word + " "
    return " ".join(w for w in dict.fromkeys(text.split(" ")) if w in kept)


def facet(entities) -> list[list[str]]:
    return [[e.id, e.name] for e in sorted(entities, key=lambda e: sort_key(e.name))]

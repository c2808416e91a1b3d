"""The finder's data, split so that one query loads only what it needs, from a server or from file://.

Files (scripts, because fetch() is refused on file://; each calls window.FINDER.add(name, data)):
- finder/meta.js       facet values and names, the number of offers, the chunk size;
- finder/F-V.js        the offers (positions in the title order) with value V of facet F;
- finder/words-CC.js   each word starting with the two characters CC, and the offers it describes;
- finder/offers-N.js   the key facts of offers N*CHUNK … N*CHUNK+CHUNK-1.
Pure: returns {path: text}. The JSON is escaped so that no value can close the script element.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from .index import Indexes, sort_key
from .model import SETTING_LABELS, Catalog, Offer

CHUNK = 20
WORD = re.compile(r"[0-9a-zæøåéü]+")
# Each facet: the catalogue's collection of its values, and the index from a value to its offers.
FACETS = {
    "maalgruppe": ("target_groups", "offers_by_target_group"),
    "metode": ("methods", "offers_by_method"),
    "pakketype": ("package_types", "offers_by_package_type"),
    "udbyder": ("providers", "offers_by_provider"),
}


def words(text: str) -> set[str]:
    """Return the words of text as the finder matches them: lower-case letters and digits, two or more."""
    return {w for w in WORD.findall(text.lower()) if len(w) > 1}


ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def shard(word: str) -> str:
    """Return the words file a word belongs to: its first two characters, ASCII-safe."""
    return word[:2].translate(ASCII)


def finder_files(catalog: Catalog, ix: Indexes) -> dict[str, str]:
    """Return every file of the finder's data, keyed by path under assets/."""
    offers = sorted(catalog.offers, key=lambda o: (sort_key(ix.offer_title(o)), o.id))
    position = {o.id: i for i, o in enumerate(offers)}
    values = {f: sorted(getattr(catalog, c), key=lambda e: (sort_key(e.name), e.id)) for f, (c, _) in FACETS.items()}
    files = {"meta": {
        "count": len(offers),
        "chunk": CHUNK,
        "facets": {f: [[e.id, e.name] for e in entities] for f, entities in values.items()},
    }}
    for facet, (_, index) in FACETS.items():
        for value, found in sorted(getattr(ix, index).items()):
            files[f"{facet}-{value}"] = [position[o.id] for o in found]
    for name, index in sorted(word_shards(offers, ix).items()):
        files[f"words-{name}"] = index
    for start in range(0, len(offers), CHUNK):
        files[f"offers-{start // CHUNK}"] = [facts(o, ix) for o in offers[start : start + CHUNK]]
    return {f"assets/finder/{name}.js": script(name, data) for name, data in files.items()}


def word_shards(offers: list[Offer], ix: Indexes) -> dict[str, dict[str, list[int]]]:
    """Map each shard to {word: positions of the offers it describes}."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, offer in enumerate(offers):
        for word in words(" ".join(offer_text(offer, ix))):
            postings[word].append(i)
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        shards[shard(word)][word] = postings[word]  # å- and aa-words may share a file: harmless
    return shards


def offer_text(offer: Offer, ix: Indexes) -> list[str]:
    """Return the texts the finder's free text searches: title, purpose, content, names, synonyms and lay terms."""
    groups, methods = ix.by_id["target_groups"], ix.by_id["methods"]
    provider = ix.by_id["providers"][offer.provider]
    return [
        ix.offer_title(offer), offer.purpose, *offer.content, *provider.spellings,
        *(w for t in offer.target_groups for w in (groups[t.id].name, *groups[t.id].synonyms, *groups[t.id].lay_terms, t.note or "")),
        *(w for m in offer.methods for w in (methods[m].name, *methods[m].synonyms, *methods[m].lay_terms)),
    ]


def facts(offer: Offer, ix: Indexes) -> list:
    """Return what the finder shows of an offer: id, title, package type, duration, setting, purpose."""
    return [
        offer.id,
        ix.offer_title(offer),
        ix.by_id["package_types"][offer.package_type].name,
        offer.duration or "",
        SETTING_LABELS[offer.setting] if offer.setting else "",
        offer.purpose,
    ]


def script(name: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'window.FINDER.add("{name}", {text});\n'

"""The site's search index: every entity page as a document, split into small scripts so that a query
loads only the words it types and the results it shows, from a server or from file://.

Input: a Catalog and its Indexes. Output: {path: script text} under assets/search/, each script calling
window.TK_DATA.add("search/NAME", data) (fetch() is refused on file://). Pure. Files, read by
assets/search-engine.js:
- meta.js      the document count, the kinds, which vocabulary files exist, the key vocabulary (the words
               of target groups', methods' and package types' names and synonyms) for typo correction and
               compound splitting;
- v-XX.js      words: every stem starting with XX, as [surface word, key, facet and body postings], or
               [surface word, N, how many documents] when its postings are in p-N.js; terms: the whole
               names and synonyms whose first stem is here (a query equal to one leads to its page first).
               XX is two letters, or more where one file would be too large;
- p-N.js       the postings of a stem found in many documents: [key, facet, body postings];
- d-N.js       documents N*CHUNK …: [url, title, kind, one line of what it is].
Postings are document numbers as gaps (the first number, then the differences), so 10,000 offers that
share a word cost about two bytes each. Offers come first, in the finder's order, so a document number
below the offer count is the finder's position of that offer.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from .index import Indexes, build_indexes, sort_key
from .model import Catalog
from .words import shard, stem, stems, tokens

CHUNK = 25
INLINE = 48  # postings of more documents than this get a file of their own
SHARD = 24_000  # bytes: a vocabulary file larger than this is split by one more letter
KEY_SECTIONS = ("maalgrupper", "metoder", "pakketyper")  # their names and synonyms correct typos anywhere
# (section, label, weight): the order results are ranked in when they match equally well.
KINDS = (
    ("maalgrupper", "Målgruppe", 1.3),
    ("metoder", "Metode", 1.3),
    ("pakketyper", "Pakketype", 1.15),
    ("tilbud", "Tilbud", 1.0),
    ("cases", "Case", 0.9),
    ("udbydere", "Udbyder", 0.85),
    ("kilder", "Kilde", 0.6),
)
KIND = {section: i for i, (section, _, _) in enumerate(KINDS)}
LINE = 150  # characters of the one line that says what a result is


@dataclass(frozen=True)
class Document:
    """One searchable page: where it is, what it is called and is, and the text it is found by."""

    section: str
    id: str
    title: str
    line: str
    terms: tuple[str, ...]  # whole names and synonyms: a query equal to one leads here first
    key: str  # names, synonyms, lay terms: a match here weighs most
    body: str
    facet: str = ""  # an offer's or case's target groups and methods, a case's outcome: it is about these


def documents(catalog: Catalog, ix: Indexes | None = None) -> list[Document]:
    """Return every searchable page, offers first in the finder's order, then each kind by title."""
    ix = ix or build_indexes(catalog)
    docs = [offer_document(o, ix) for o in offer_order(catalog, ix)]
    makers = (("target_groups", target_group_document), ("methods", method_document),
              ("package_types", package_type_document), ("cases", case_document),
              ("providers", provider_document), ("sources", source_document))
    for collection, make in makers:
        made = [make(e, ix) for e in getattr(catalog, collection)]
        docs += sorted(made, key=lambda d: (sort_key(d.title), d.id))
    return docs


def offer_order(catalog: Catalog, ix: Indexes) -> list:
    """Return the offers by title: the order Find tilbud lists them in, and their document numbers here."""
    return sorted(catalog.offers, key=lambda o: (sort_key(ix.offer_title(o)), o.id))


def one_line(*parts: str) -> str:
    """Join parts with ' · ' and cut the result at a word before LINE characters."""
    text = " · ".join(p for p in parts if p)
    if len(text) <= LINE:
        return text
    return text[: text.rfind(" ", 0, LINE - 1)].rstrip(" ,.;:–·") + " …"


def names_of(entity) -> tuple[str, ...]:
    """Return what a target group or method is called: its name, synonyms and lay terms."""
    return (entity.name, *entity.synonyms, *entity.lay_terms)


def target_group_document(group, ix: Indexes) -> Document:
    terms = names_of(group)
    return Document("maalgrupper", group.id, group.name, one_line(group.category.label, group.description),
                    terms, " ".join(terms), group.description)


def method_document(method, ix: Indexes) -> Document:
    terms = names_of(method)
    body = " ".join((method.description, method.origin or "", *method.content, method.how_to or ""))
    return Document("metoder", method.id, method.name, one_line(method.kind.label, method.description),
                    terms, " ".join(terms), body)


def package_type_document(package, ix: Indexes) -> Document:
    return Document("pakketyper", package.id, package.name, one_line(package.description),
                    (package.name,), package.name, package.description)


def provider_document(provider, ix: Indexes) -> Document:
    terms = (provider.name, *provider.spellings)
    body = " ".join((provider.description, *(f"{p.name} {p.role}" for p in provider.partners)))
    return Document("udbydere", provider.id, provider.name, one_line(provider.kind.label, provider.description),
                    terms, " ".join(terms), body)


def source_document(source, ix: Indexes) -> Document:
    return Document("kilder", source.id, source.title, one_line(source.publisher, source.description),
                    (), source.title, " ".join((source.publisher, source.description, *source.key_points)))


def related_words(entity, ix: Indexes) -> str:
    """Return the names, synonyms and lay terms of an offer's or a case's target groups and methods."""
    groups, methods = ix.by_id["target_groups"], ix.by_id["methods"]
    texts = [w for t in entity.target_groups for w in (*names_of(groups[t.id]), t.note or "")]
    texts += [w for m in entity.methods for w in names_of(methods[m])]
    return " ".join(texts)


def offer_document(offer, ix: Indexes) -> Document:
    provider = ix.by_id["providers"][offer.provider]
    package = ix.by_id["package_types"][offer.package_type].name
    title = ix.offer_title(offer)
    key = " ".join((title, package, *provider.spellings))
    body = " ".join((offer.purpose, *offer.content, offer.participant_info or "", offer.location or "", offer.duration or ""))
    named = package if offer.name else ""  # an offer without a name of its own is titled by its package type
    line = one_line(named, offer.duration or "", offer.purpose)
    return Document("tilbud", offer.id, title, line, (offer.name,) if offer.name else (), key, body, related_words(offer, ix))


def case_document(case, ix: Indexes) -> Document:
    person = case.person.name + (f", {case.person.age} år" if case.person.age else "")
    title = ix.case_title(case)
    outcome = case.outcome.label
    body = " ".join((case.situation, *case.steps, case.outcome_note or "", *case.lessons))
    facet = " ".join((related_words(case, ix), outcome, case.benefit or ""))
    line = one_line(person, f"Resultat: {outcome}", case.situation)
    return Document("cases", case.id, title, line, (case.person.name,), title, body, facet)


def postings(docs: list[Document]) -> tuple[dict[str, tuple[list[int], ...]], dict[str, str]]:
    """Map each stem, in order, to the documents with it in their key text, in their facets (and not key), in their
    body only; and map it to the word it is most often written as (ties: the shorter, then A–Z). One pass: each
    text is split and stemmed once, and each document number is added to a list once (the lists stay sorted)."""
    found: dict[str, tuple[list[int], ...]] = defaultdict(lambda: ([], [], []))
    counts: dict[str, Counter] = defaultdict(Counter)
    for n, doc in enumerate(docs):
        seen: set[str] = set()
        for place, text in enumerate((doc.key, doc.facet, doc.body)):
            words = tokens(text)
            stemmed = [stem(w) for w in words]
            for s, w in zip(stemmed, words):
                counts[s][w] += 1
            for s in set(stemmed) - seen:
                found[s][place].append(n)
            seen.update(stemmed)
    spelled = {s: min(c, key=lambda w: (-c[w], len(w), w)) for s, c in counts.items()}
    return {s: found[s] for s in sorted(found)}, spelled


def gaps(numbers: list[int]) -> list[int]:
    """Return sorted numbers as the first one and then the differences."""
    return [b - a for a, b in zip([0, *numbers], numbers)]


def search_files(catalog: Catalog, ix: Indexes) -> dict[str, str]:
    """Return every file of the search index, keyed by path under assets/."""
    docs = documents(catalog, ix)
    files: dict[str, str] = {}  # name → script, each made as soon as its data is complete
    words: dict[str, list] = {}
    found, spelled = postings(docs)
    for s in list(found):
        lists = found.pop(s)
        total = sum(map(len, lists))
        if total > INLINE:
            words[s] = [spelled[s], len(files), total]  # files holds only p-N files so far
            files[f"p-{len(files)}"] = script(f"search/p-{len(files)}", [gaps(numbers) for numbers in lists])
        else:
            words[s] = [spelled[s], *(gaps(numbers) for numbers in lists)]
    shards = vocabulary_shards(words)
    home = {s: name for name, part in shards.items() for s in part}
    terms: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, found in term_index(docs).items():
        terms[home[term.split()[0]]][term] = found
    for name, part in shards.items():
        files[f"v-{name}"] = script(f"search/v-{name}", {"words": part, "terms": terms[name]})
    for start in range(0, len(docs), CHUNK):
        entries = [[f"{d.section}/{d.id}", d.title, KIND[d.section], d.line] for d in docs[start : start + CHUNK]]
        files[f"d-{start // CHUNK}"] = script(f"search/d-{start // CHUNK}", entries)
    files["meta"] = script("search/meta", meta(docs, sorted(n[2:] for n in files if n.startswith("v-")), spelled))
    return {f"assets/search/{name}.js": text for name, text in sorted(files.items())}


def vocabulary_shards(words: dict[str, list], letters: int = 2) -> dict[str, dict[str, list]]:
    """Split the vocabulary by the first letters of each stem; a file over SHARD bytes by one letter more.

    Stems no longer than the prefix stay in the shorter file, so a stem's file is the longest existing prefix.
    """
    groups: dict[str, dict[str, list]] = defaultdict(dict)
    for s, entry in words.items():
        groups[shard(s, letters)][s] = entry
    shards = {}
    for name, part in sorted(groups.items()):
        if len(json.dumps(part, ensure_ascii=False)) > SHARD and letters < 16:
            shards[name] = {s: e for s, e in part.items() if len(s) <= letters}
            shards.update(vocabulary_shards({s: e for s, e in part.items() if len(s) > letters}, letters + 1))
        else:
            shards[name] = part
    return {name: part for name, part in shards.items() if part}


def term_index(docs: list[Document]) -> dict[str, list[int]]:
    """Map each whole name and synonym, as stems, to the documents it names."""
    terms: dict[str, set[int]] = defaultdict(set)
    for n, doc in enumerate(docs):
        for term in doc.terms:
            if stems(term):
                terms[" ".join(stems(term))].add(n)
    return {t: sorted(found) for t, found in sorted(terms.items())}


def meta(docs: list[Document], shards: list[str], spelled: dict[str, str]) -> dict:
    """Return what every query needs first: see the module docstring."""
    keys = sorted({s for doc in docs if doc.section in KEY_SECTIONS for s in stems(doc.key)})
    return {
        "count": len(docs),
        "offers": sum(d.section == "tilbud" for d in docs),
        "chunk": CHUNK,
        "kinds": [[label, weight] for _, label, weight in KINDS],
        "ranges": ranges(docs),
        "shards": shards,
        "keys": {s: spelled[s] for s in keys},
    }


def ranges(docs: list[Document]) -> list[list[int]]:
    """Return [kind, first document, first document after] for each kind, in document order."""
    found: list[list[int]] = []
    for n, doc in enumerate(docs):
        if not found or found[-1][0] != KIND[doc.section]:
            found.append([KIND[doc.section], n, n])
        found[-1][2] = n + 1
    return found


def script(name: str, data) -> str:
    """Return data as a script that hands it to the page as assets/NAME.js; no value can close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'window.TK_DATA.add("{name}", {text});\n'

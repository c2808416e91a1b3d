"""Stage 3: compute the cross-indexes once from the catalogue.

Input: a Catalog. Output: Indexes — every "which offers and cases refer to X" question answered,
each list sorted explicitly. Pure: no I/O, and templates never search the data themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import SECTIONS, Case, Catalog, Entity, Method, Offer, Outcome

DANISH = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ü": "u"})


def sort_key(text: str) -> str:
    """Sort Danish text as a Dane expects: æ, ø, å after z."""
    return text.lower().translate(DANISH)


@dataclass(frozen=True)
class Term:
    """One entry of the A–Z index: a name or synonym and the page it leads to."""

    term: str
    section: str
    id: str
    name: str

    @property
    def letter(self) -> str:
        first = self.term[:1].upper()
        return first if first.isalpha() else "0–9"


@dataclass(frozen=True)
class Indexes:
    by_id: dict[str, dict[str, Entity]]
    offers_by_provider: dict[str, tuple[Offer, ...]]
    offers_by_package_type: dict[str, tuple[Offer, ...]]
    offers_by_target_group: dict[str, tuple[Offer, ...]]
    offers_by_method: dict[str, tuple[Offer, ...]]
    cases_by_provider: dict[str, tuple[Case, ...]]
    cases_by_offer: dict[str, tuple[Case, ...]]
    cases_by_target_group: dict[str, tuple[Case, ...]]
    cases_by_method: dict[str, tuple[Case, ...]]
    cases_by_outcome: dict[Outcome, tuple[Case, ...]]
    methods_by_target_group: dict[str, tuple[Method, ...]]
    terms: tuple[Term, ...]
    cited_by_source: dict[str, tuple[tuple[str, str, str], ...]]
    standard_providers: frozenset[str]

    def offer_title(self, offer: Offer) -> str:
        """Return an offer's heading: its name or package type, then its provider."""
        return page_title("offers", offer, self.by_id)


def build_indexes(catalog: Catalog) -> Indexes:
    """Return every cross-index of catalog."""
    by_id = {name: {e.id: e for e in getattr(catalog, name)} for name in Catalog.model_fields}
    offer_order = offer_sort(by_id)
    case_order = lambda c: (sort_key(by_id["providers"][c.provider].name), sort_key(c.person.name), c.id)
    offers_by_tg = group(catalog.offers, lambda o: [t.id for t in o.target_groups], offer_order)
    return Indexes(
        by_id=by_id,
        offers_by_provider=group(catalog.offers, lambda o: [o.provider], offer_order),
        offers_by_package_type=group(catalog.offers, lambda o: [o.package_type], offer_order),
        offers_by_target_group=offers_by_tg,
        offers_by_method=group(catalog.offers, lambda o: o.methods, offer_order),
        cases_by_provider=group(catalog.cases, lambda c: [c.provider], case_order),
        cases_by_offer=group(catalog.cases, lambda c: [c.offer] if c.offer else [], case_order),
        cases_by_target_group=group(catalog.cases, lambda c: [t.id for t in c.target_groups], case_order),
        cases_by_method=group(catalog.cases, lambda c: c.methods, case_order),
        cases_by_outcome=group(catalog.cases, lambda c: [c.outcome], case_order),
        methods_by_target_group={
            tg: tuple(sorted({by_id["methods"][m] for o in offers for m in o.methods}, key=lambda m: (sort_key(m.name), m.id)))
            for tg, offers in offers_by_tg.items()
        },
        terms=build_terms(catalog),
        cited_by_source=build_citations(catalog, by_id),
        standard_providers=frozenset(
            o.provider for o in catalog.offers if by_id["package_types"][o.package_type].kind.value == "standardpakke"
        ),
    )


def offer_sort(by_id):
    """Order offers by package type, then provider, then name."""
    def key(offer: Offer):
        return (
            sort_key(by_id["package_types"][offer.package_type].name),
            sort_key(by_id["providers"][offer.provider].name),
            sort_key(offer.name or ""),
            offer.id,
        )
    return key


def group(items, keys_of, order) -> dict:
    """Map each key to the items naming it, every list sorted by order, each item once per key."""
    groups: dict = defaultdict(set)
    for item in items:
        for key in keys_of(item):
            groups[key].add(item)
    return {key: tuple(sorted(members, key=order)) for key, members in sorted(groups.items(), key=lambda kv: str(kv[0]))}


def build_terms(catalog: Catalog) -> tuple[Term, ...]:
    """Return every name, spelling and synonym with the page it belongs to, sorted A–Z."""
    terms = set()
    for section, entities in (("maalgrupper", catalog.target_groups), ("metoder", catalog.methods)):
        for e in entities:
            terms |= {Term(t, section, e.id, e.name) for t in (e.name, *e.synonyms, *e.lay_terms)}
    for p in catalog.providers:
        terms |= {Term(t, "udbydere", p.id, p.name) for t in (p.name, *p.spellings)}
    for t in catalog.package_types:
        terms.add(Term(t.name, "pakketyper", t.id, t.name))
    return tuple(sorted(terms, key=term_order))


def term_order(term: Term) -> tuple[str, str, str, str]:
    """Order A–Z terms the Danish way; ties ('Integro/Cortex', 'Integro/cortex') by exact spelling."""
    return (sort_key(term.term), term.section, term.id, term.term)


def letters(terms: tuple[Term, ...]) -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """Group A–Z terms by first letter, keeping their Danish order."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.letter, []).append(term)
    return tuple((letter, tuple(group)) for letter, group in groups.items())


def build_citations(catalog: Catalog, by_id) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Map each source id to (section, id, title) of every page that cites it, sorted by title."""
    cited = defaultdict(set)
    for collection, section in SECTIONS.items():
        for entity in getattr(catalog, collection):
            for ref in getattr(entity, "sources", ()):
                cited[ref.source].add((section, entity.id, page_title(collection, entity, by_id)))
    return {source: tuple(sorted(pages, key=lambda p: (sort_key(p[2]), p[1], p[0]))) for source, pages in sorted(cited.items())}


def page_title(collection: str, entity, by_id) -> str:
    """Return the heading of an entity's page."""
    if collection == "offers":
        first = entity.name or by_id["package_types"][entity.package_type].name
        return f"{first} – {by_id['providers'][entity.provider].name}"
    if collection == "cases":
        return f"{by_id['providers'][entity.provider].name} – {entity.person.name}"
    return entity.name

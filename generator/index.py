"""Stage 3: compute the cross-indexes once from the catalogue.

Input: a Catalog. Output: Indexes — every "which offers and cases refer to X" question answered,
each list sorted explicitly. Pure: no I/O, and templates never search the data themselves.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from .listings import Limits, build_listings
from .model import SECTIONS, Case, Catalog, Entity, Method, Offer, Outcome, PackageType, PackageTypeKind, TargetGroup
from .parts import Listing, sort_key
from .similar import related_by_type, related_cases

__all__ = ["Indexes", "Limits", "Term", "build_indexes", "lower_first", "page_title", "sort_key"]


@dataclass(frozen=True)
class Term:
    """One entry of the A–Z index: a name or synonym and the page it leads to."""

    term: str
    section: str
    id: str
    name: str


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
    methods_by_target_group: dict[str, tuple[tuple[tuple[Method, int], ...], int]]
    package_types_by_target_group: dict[str, tuple[tuple[PackageType, int], ...]]
    related_target_groups: dict[str, tuple[tuple[TargetGroup, int], ...]]
    terms: tuple[Term, ...]
    cited_by_source: dict[str, tuple[tuple[str, str, str], ...]]
    standard_providers: frozenset[str]
    case_lines: dict[str, tuple[str, str, str]]  # case id → (situation, what was done, outcome), one line in lists
    related_cases_by_offer: dict[str, tuple[tuple[Case, ...], int]]  # other offers' closest cases (see similar.py), how many more
    cases_by_package_type: dict[str, tuple[Case, ...]]
    related_cases_by_package_type: dict[str, tuple[Case, ...]]  # related to its offers, not of the type itself
    home_groups: tuple[TargetGroup, ...]  # the groups the home page names as examples: those with most offers
    listings: dict[tuple[str, str], Listing] | None = None  # (page, list name) → the list, whole or in parts

    def listing(self, page: str, name: str) -> Listing:
        """Return the list name of page (e.g. 'maalgrupper/autisme.md', 'tilbud'), whole or in parts."""
        return self.listings[page, name]

    def related_cases(self, offer: Offer) -> tuple[tuple[Case, ...], int]:
        """Return the cases most like offer's that its page shows, and how many more there are."""
        return self.related_cases_by_offer[offer.id]

    def offer_title(self, offer: Offer) -> str:
        """Return an offer's title: what it is called, then its provider, e.g. 'Mentorpakke – HKI'."""
        return page_title("offers", offer, self.by_id)

    def case_title(self, case: Case) -> str:
        """Return a case's title: its provider or municipality, then its citizen, e.g. 'Holstebro Kommune – Maria'."""
        return page_title("cases", case, self.by_id)

    def offer_name(self, offer: Offer) -> str:
        """Return what an offer is called: its own name, or its package type's."""
        return offer_name(offer, self.by_id)


def build_indexes(catalog: Catalog, limits: Limits = Limits()) -> Indexes:
    """Return every cross-index of catalog, its long lists split into parts of at most limits' items."""
    ix = cross_indexes(catalog, limits.related)
    return replace(ix, listings=build_listings(catalog, ix, limits))


def cross_indexes(catalog: Catalog, related_limit: int) -> Indexes:
    by_id = {name: {e.id: e for e in getattr(catalog, name)} for name in Catalog.model_fields}
    offers = sorted(catalog.offers, key=offer_sort(by_id))  # sorted once: every list of offers keeps this order
    cases = sorted(catalog.cases, key=lambda c: (sort_key(by_id["providers"][c.provider].name), sort_key(c.person.name), c.id))
    offers_by_tg = group(offers, lambda o: [t.id for t in o.target_groups])
    type_of = lambda c: by_id["offers"][c.offer].package_type if c.offer else None
    return Indexes(
        by_id=by_id,
        offers_by_provider=group(offers, lambda o: [o.provider]),
        offers_by_package_type=group(offers, lambda o: [o.package_type]),
        offers_by_target_group=offers_by_tg,
        offers_by_method=group(offers, lambda o: o.methods),
        cases_by_provider=group(cases, lambda c: [c.provider]),
        cases_by_offer=group(cases, lambda c: [c.offer] if c.offer else []),
        cases_by_target_group=group(cases, lambda c: [t.id for t in c.target_groups]),
        cases_by_method=group(cases, lambda c: c.methods),
        cases_by_outcome=group(cases, lambda c: [c.outcome]),
        methods_by_target_group={
            tg: recurring(counts, len(offers_by_tg[tg]))
            for tg, counts in count_per_group(offers_by_tg, lambda o: o.methods, by_id["methods"]).items()
        },
        package_types_by_target_group=count_per_group(offers_by_tg, lambda o: [o.package_type], by_id["package_types"]),
        related_target_groups=related_groups(catalog, by_id["target_groups"]),
        terms=build_terms(catalog),
        cited_by_source=build_citations(catalog, by_id),
        standard_providers=frozenset(
            o.provider for o in catalog.offers if by_id["package_types"][o.package_type].kind == PackageTypeKind.standardpakke
        ),
        case_lines={c.id: case_line(c, by_id) for c in catalog.cases},
        related_cases_by_offer=related_cases(catalog.offers, cases, type_of, related_limit),
        cases_by_package_type=group(cases, lambda c: [type_of(c)] if c.offer else []),
        related_cases_by_package_type=related_by_type(catalog.offers, cases, type_of),
        home_groups=tuple(sorted(catalog.target_groups, key=lambda g: (-len(offers_by_tg.get(g.id, ())), sort_key(g.name), g.id))[:6]),
    )


def case_line(case: Case, by_id) -> tuple[str, str, str]:
    """Return a case in one line: the situation (age, benefit, target groups), what was done, the outcome."""
    groups = [lower_first(by_id["target_groups"][t.id].name) for t in case.target_groups]
    who = ", ".join(filter(None, [f"{case.person.age} år" if case.person.age else "", case.benefit or ""]))
    situation = "; ".join(filter(None, [who, ", ".join(groups)])) or "ikke beskrevet"
    methods = ", ".join(lower_first(by_id["methods"][m].name) for m in case.methods)
    offer = by_id["offers"][case.offer] if case.offer else None
    kind = offer_name(offer, by_id) if offer else ""
    done = f"{kind} ({methods})" if kind and methods else kind or methods or "ikke beskrevet"
    return situation, done, outcome_line(case)


def lower_first(name: str) -> str:
    """Lower-case a name's first letter to run on in a sentence, but keep 'ADHD', 'SFT' and 'JobSpor'."""
    first = name.split(" ", 1)[0]
    return name if any(c.isupper() for c in first[1:]) else name[:1].lower() + name[1:]


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


def group(items, keys_of) -> dict:
    """Map each key to the items naming it, in the order of items, each item once per key."""
    groups: dict = defaultdict(dict)
    for item in items:
        for key in keys_of(item):
            groups[key][item.id] = item  # by id: hashing a frozen model hashes every field in it
    return {key: tuple(members.values()) for key, members in sorted(groups.items(), key=lambda kv: str(kv[0]))}


def count_per_group(offers_by_group, keys_of, entities) -> dict:
    """Map each group to (entity, number of its offers naming it), most frequent first, then by name."""
    return {
        group: tuple(sorted(((entities[k], n) for k, n in Counter(k for o in offers for k in keys_of(o)).items()),
                            key=lambda pair: (-pair[1], sort_key(pair[0].name), pair[0].id)))
        for group, offers in offers_by_group.items()
    }


def recurring(counts: tuple, offers: int) -> tuple[tuple, int]:
    """Split (entity, count) pairs into those that recur and how many others there are.

    A method recurs when at least two, and at least a quarter, of the group's offers name it. When nothing
    recurs (a group with one offer, say), every pair is kept, so the page still names them.
    """
    again = tuple(pair for pair in counts if pair[1] >= max(2, math.ceil(offers / 4)))
    return (again, len(counts) - len(again)) if again else (counts, 0)


# A group is related to another when they are named together by at least this many offers and cases.
RELATED_MIN_SHARED = 2
RELATED_MAX = 6


def related_groups(catalog: Catalog, groups) -> dict[str, tuple[tuple[TargetGroup, int], ...]]:
    """Map each target group to the groups most often named together with it, and how often.

    Ranked by the share of their offers and cases they have in common (Jaccard), so that broad groups
    named almost everywhere (unge, psykiske vanskeligheder) do not crowd out the close relations.
    """
    members = defaultdict(set)
    for item in (*catalog.offers, *catalog.cases):
        for ref in item.target_groups:
            members[ref.id].add(item.id)
    related = {}
    for a in sorted(members):
        pairs = [(b, len(members[a] & members[b]), len(members[a] | members[b])) for b in members if b != a]
        pairs = [(b, shared, union) for b, shared, union in pairs if shared >= RELATED_MIN_SHARED]
        pairs.sort(key=lambda p: (-p[1] / p[2], -p[1], sort_key(groups[p[0]].name), p[0]))
        related[a] = tuple((groups[b], shared) for b, shared, _ in pairs[:RELATED_MAX])
    return related


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def outcome_line(case: Case) -> str:
    """Return a case's outcome in one line: its label, then the first sentence of its note."""
    label = case.outcome.label
    if not case.outcome_note:
        return label
    return f"{label}: {SENTENCE_END.split(case.outcome_note.strip(), maxsplit=1)[0]}"


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


def build_citations(catalog: Catalog, by_id) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Map each source id to (section, id, title) of every page that cites it, sorted by title."""
    cited = defaultdict(set)
    for collection, section in SECTIONS.items():
        for entity in getattr(catalog, collection):
            for ref in getattr(entity, "sources", ()):
                cited[ref.source].add((section, entity.id, page_title(collection, entity, by_id)))
    return {source: tuple(sorted(pages, key=lambda p: (sort_key(p[2]), p[1], p[0]))) for source, pages in sorted(cited.items())}


def page_title(collection: str, entity, by_id) -> str:
    """Return the title of an entity's page: the one place titles are made (Indexes.offer_title, case_title)."""
    if collection == "offers":
        return f"{offer_name(entity, by_id)} – {by_id['providers'][entity.provider].name}"
    if collection == "cases":
        return f"{by_id['providers'][entity.provider].name} – {entity.person.name}"
    return entity.name


def offer_name(offer: Offer, by_id) -> str:
    """Return what an offer is called: its own name, or its package type's."""
    return offer.name or by_id["package_types"][offer.package_type].name

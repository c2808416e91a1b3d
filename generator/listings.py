"""The lists of the site that grow with the catalogue, grouped and split into parts (part of stage 3, index).

Input: a Catalog and its cross-indexes. Output: {(page, list name): Listing} for every such list, each whole
while short (the real catalogue's look) and in parts of at most Limits' items when long. Templates only loop
over a Listing's parts, groups and items. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import SECTIONS, Catalog, Outcome, PackageTypeKind
from .parts import Listing, by_letter, sort_key, split


@dataclass(frozen=True)
class Limits:
    """The most items one page shows of a list, by how much room an item takes (tests lower them)."""

    terms: int = 1000  # a name or synonym of the A–Å register (alone on its page)
    links: int = 600  # one-line links: offers, providers, pages citing a source
    cases: int = 100  # a case in one line: situation → what was done → outcome
    rows: int = 100  # a table row full of links: a package type's offers, a provider in the matrix
    cell: int = 10  # offers named in one cell of the matrix; the provider's page lists the rest
    related: int = 25  # similar cases on an offer's page; the rest are on the pages of its target groups


@dataclass(frozen=True)
class MatrixRow:
    """A provider of standard packages in the matrix: its offers of each standard type, and its others."""

    provider: object
    cells: tuple[tuple[tuple, int], ...]  # for each standard type: (its offers shown, how many more)
    others: tuple[tuple, int]  # offers of other types: (shown, how many more)


def shown(offers, limit: int) -> tuple[tuple, int]:
    """Return the first limit offers and how many more there are."""
    return tuple(offers[:limit]), max(0, len(offers) - limit)


def build_listings(catalog: Catalog, ix, limits: Limits) -> dict[tuple[str, str], Listing]:
    """Return every list that grows with the catalogue, keyed by (page, list name)."""
    found = [*site_lists(catalog, ix, limits), *matrix_lists(catalog, ix, limits)]
    for collection, builder in (("package_types", type_lists), ("target_groups", group_lists), ("methods", method_lists),
                                ("providers", provider_lists), ("sources", source_lists)):
        for entity in getattr(catalog, collection):
            found += builder(f"{SECTIONS[collection]}/{entity.id}.md", entity, ix, limits)
    return {(listing.page, key): listing for key, listing in found}


def by_type_id(offers) -> list[tuple[str, list]]:
    """Group offers (in their order) by package type id, the groups in id order."""
    groups: dict[str, list] = {}
    for offer in offers:
        groups.setdefault(offer.package_type, []).append(offer)
    return sorted(groups.items())


def site_lists(catalog: Catalog, ix, limits: Limits) -> list:
    """Return the site's own long lists: all offers, the A–Å register, the providers and the cases."""
    types = ix.by_id["package_types"]
    offers = [(types[t].name, ix.offers_by_package_type[t]) for t, _ in by_type_id(catalog.offers)]
    providers = sorted(catalog.providers, key=lambda p: (sort_key(p.name), p.id))
    outcomes = [(o.label, ix.cases_by_outcome.get(o, ()), o.value) for o in Outcome]
    return [
        ("tilbud", split("tilbud/index.md", ("Alle tilbud", "tilbud", "offers"), offers, limits.links)),
        ("ord", split("oversigt/a-z.md", ("A–Å-register", "ord", "terms"), by_letter(ix.terms, lambda t: t.term), limits.terms)),
        ("udbydere", split("udbydere/index.md", ("Udbydere", "udbydere", "providers"), by_letter(providers, lambda p: p.name, limits.links), limits.links)),
        ("cases", split("cases/index.md", ("Cases", "cases", "cases"), outcomes, limits.cases)),
    ]


def matrix_lists(catalog: Catalog, ix, limits: Limits) -> list:
    """Return the matrix's rows (providers of standard packages) and its other providers, both by letter."""
    types = tuple(t for t in catalog.package_types if t.kind == PackageTypeKind.standardpakke)
    ids = {t.id for t in types}
    providers = sorted((p for p in catalog.providers if p.id in ix.offers_by_provider), key=lambda p: (sort_key(p.name), p.id))
    rows = []
    for p in (p for p in providers if p.id in ix.standard_providers):
        offers = ix.offers_by_provider[p.id]
        cells = tuple(shown([o for o in offers if o.package_type == t.id], limits.cell) for t in types)
        rows.append(MatrixRow(p, cells, shown([o for o in offers if o.package_type not in ids], limits.cell)))
    others = [(p, *shown(ix.offers_by_provider[p.id], limits.cell)) for p in providers if p.id not in ix.standard_providers]
    page, title = "oversigt/matrix.md", "Udbydere og pakketyper"
    return [
        ("matrix", split(page, (title, "udbydere", "matrix"), by_letter(rows, lambda r: r.provider.name, limits.rows), limits.rows, columns=types)),
        ("andre", split(page, (title, "andre udbydere", "others"), by_letter(others, lambda o: o[0].name, limits.rows), limits.rows, "andre-")),
    ]


def case_list(page: str, title: str, cases, limits: Limits, name: str = "cases", noun: str = "cases") -> tuple[str, Listing]:
    """Return an entity page's list of cases as (list name, Listing), in numbered parts when long."""
    return name, split(page, (title, noun, "cases"), [("", cases)], limits.cases, f"{name}-")


def type_lists(page: str, package_type, ix, limits: Limits) -> list:
    title = (package_type.name, "tilbud", "offer_table")
    return [
        ("tilbud", split(page, title, [("", ix.offers_by_package_type.get(package_type.id, ()))], limits.rows)),
        case_list(page, package_type.name, ix.cases_by_package_type.get(package_type.id, ()), limits),
        case_list(page, package_type.name, ix.related_cases_by_package_type.get(package_type.id, ()), limits, "lignende", "lignende cases"),
    ]


def group_lists(page: str, group, ix, limits: Limits) -> list:
    types = ix.by_id["package_types"]
    offers = [(types[t].name, items) for t, items in by_type_id(ix.offers_by_target_group.get(group.id, ()))]
    return [
        ("tilbud", split(page, (group.name, "tilbud", "offers"), offers, limits.links)),
        case_list(page, group.name, ix.cases_by_target_group.get(group.id, ()), limits),
    ]


def method_lists(page: str, method, ix, limits: Limits) -> list:
    return [
        ("tilbud", split(page, (method.name, "tilbud", "offers"), [("", ix.offers_by_method.get(method.id, ()))], limits.links)),
        case_list(page, method.name, ix.cases_by_method.get(method.id, ()), limits),
    ]


def provider_lists(page: str, provider, ix, limits: Limits) -> list:
    return [
        ("tilbud", split(page, (provider.name, "tilbud", "offers"), [("", ix.offers_by_provider.get(provider.id, ()))], limits.links)),
        case_list(page, provider.name, ix.cases_by_provider.get(provider.id, ()), limits),
    ]


def source_lists(page: str, source, ix, limits: Limits) -> list:
    cited = ix.cited_by_source.get(source.id, ())
    return [("sider", split(page, (source.title, "sider", "cited"), [("", cited)], limits.links))]


__all__ = ["Limits", "MatrixRow", "build_listings"]

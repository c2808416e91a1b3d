"""The catalogue as a whole: its collections, their sections of the site, and the models of a file and of
the validated catalogue."""

from __future__ import annotations

from .entities import Case, Method, Offer, PackageType, Provider, Source, TargetGroup
from .fields import Entity, field

COLLECTIONS: dict[str, type[Entity]] = {
    "sources": Source,
    "providers": Provider,
    "package_types": PackageType,
    "target_groups": TargetGroup,
    "methods": Method,
    "offers": Offer,
    "cases": Case,
}

# The word for one entity of each collection, in messages ("unknown target group 'autsime'").
NOUNS = {
    "sources": "source",
    "providers": "provider",
    "package_types": "package type",
    "target_groups": "target group",
    "methods": "method",
    "offers": "offer",
    "cases": "case",
}


# Each collection's folder in the site, which is also its URL segment. Besides its entities' pages
# ('<section>/<id>.md') a section has only its list page, so no entity may have that page's name as id.
RESERVED_IDS = ("index",)
SECTIONS = {
    "offers": "tilbud",
    "providers": "udbydere",
    "package_types": "pakketyper",
    "target_groups": "maalgrupper",
    "methods": "metoder",
    "cases": "cases",
    "sources": "kilder",
}


class CatalogFile(Entity):
    """One YAML file of the catalogue: one or more named lists of entities."""

    sources: tuple[Source, ...] = field("Source documents.", default=())
    providers: tuple[Provider, ...] = field("Providers.", default=())
    package_types: tuple[PackageType, ...] = field("Package types.", default=())
    target_groups: tuple[TargetGroup, ...] = field("Target groups.", default=())
    methods: tuple[Method, ...] = field("Methods and tools.", default=())
    offers: tuple[Offer, ...] = field("Offers.", default=())
    cases: tuple[Case, ...] = field("Cases.", default=())


class Catalog(Entity):
    """The whole validated catalogue, every list sorted by id."""

    sources: tuple[Source, ...]
    providers: tuple[Provider, ...]
    package_types: tuple[PackageType, ...]
    target_groups: tuple[TargetGroup, ...]
    methods: tuple[Method, ...]
    offers: tuple[Offer, ...]
    cases: tuple[Case, ...]

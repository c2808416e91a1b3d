"""Open Referral HSDS 3.0: the catalogue as the standard's tables (rows) and objects.

Input: a Catalog, its Indexes and the site's address (None: no absolute addresses). Output: rows keyed by the
standard's field names, and dereferenced service and organization objects for HSDS JSON, each made one at a
time as it is asked for. Pure: reads only the standard's own descriptor, shipped in schema/hsds-3.0. Ids are
uuid5 of our ids, the same in every export."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .index import Indexes
from .model import SECTIONS, Catalog, MethodKind, Offer, ProviderKind, TargetGroupCategory, Vocabulary

STANDARD = Path(__file__).resolve().parent.parent / "schema" / "hsds-3.0" / "datapackage.json"
PROFILE = STANDARD.parent / "profile"  # the Danish profile: JSON Merge Patches of the standard's object schemas
# Fixed for ever: every id in the export is uuid5(NAMESPACE, "<table>/<our key>").
NAMESPACE = uuid.UUID("0f964c72-2991-4adb-9d89-b6177153febc")
# A Danish address as the sources write it: "Street 1, floor, 2300 København S".
ADDRESS = re.compile(r"^(?P<street>[^,]+)(?:, (?P<extra>.+))?, (?P<postal_code>[0-9]{4}) (?P<city>[^,]+)$")


@functools.lru_cache(maxsize=1 << 14)  # a service's, organization's and term's ids recur in every row that links to them
def hsds_id(table: str, key: str) -> str:
    """Return the stable UUID of one record: str(uuid.uuid5(NAMESPACE, f"{table}/{key}")), made without the UUID
    object (RFC 4122's steps: SHA-1 of namespace and name, then the version and variant bits), ~4× faster; the
    export makes about 110 ids an offer."""
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + f"{table}/{key}".encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@functools.cache
def standard() -> dict:
    """Return the HSDS 3.0 Tabular Data Package descriptor, as published."""
    return json.loads(STANDARD.read_text(encoding="utf-8"))


@functools.cache
def profile() -> dict[str, dict]:
    """Return the Danish profile's changes as {object name: JSON Merge Patch of its schema}."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(PROFILE.glob("*.json"))}


@dataclass(frozen=True)
class Taxonomy:
    """One of our vocabularies as an HSDS taxonomy; group names the field whose values are parent terms."""

    section: str
    name: str
    description: str
    collection: str | None = None
    group: str | None = None
    vocabulary: type[Vocabulary] | None = None


TAXONOMIES = (
    Taxonomy("maalgrupper", "Tilbudskataloget: målgrupper", "Diagnoser, tilstande og livssituationer, som tilbuddene er rettet mod, "
             "grupperet i kategorier.", "target_groups", "category", TargetGroupCategory),
    Taxonomy("metoder", "Tilbudskataloget: metoder og redskaber", "Metoder, redskaber og ordninger, som tilbuddene bruger, "
             "grupperet efter type.", "methods", "kind", MethodKind),
    Taxonomy("pakketyper", "Tilbudskataloget: pakketyper", "Standardpakker og andre slags forløb.", "package_types"),
    Taxonomy("egenskaber", "Tilbudskataloget: egenskaber", "Oplysninger om et tilbud, som HSDS ikke har et felt til; "
             "attributtens value holder oplysningen."),
)
# The terms of 'egenskaber': (code, name, description, the offer's value).
PROPERTIES = (
    ("varighed", "Varighed", "Hvor længe tilbuddet varer, som kilden siger det.", lambda o: o.duration),
    ("intensitet", "Intensitet", "Timer eller hyppighed, som kilden siger det.", lambda o: o.intensity),
    ("form", "Form", "Om tilbuddet gives individuelt, i grupper eller begge dele.", lambda o: o.setting.label if o.setting else None),
    ("sted", "Sted", "Hvor tilbuddet foregår, som kilden beskriver det.", lambda o: o.location),
)


def target_label(ix: Indexes, ref) -> str:
    """Return a target group's name with the source's note, e.g. 'Angst (kun let angst)'."""
    return ix.by_id["target_groups"][ref.id].name + (f" ({ref.note})" if ref.note else "")


class Export:
    """Build the HSDS records of one catalogue."""

    def __init__(self, catalog: Catalog, ix: Indexes, site_url: str | None):
        self.catalog, self.ix = catalog, ix
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def page_url(self, section: str, id: str | None = None) -> str | None:
        """Return the absolute address of a page of the site, when the site's address is known."""
        return self.site_url and f"{self.site_url}{section}/{id + '/' if id else ''}"

    def rows(self, table: str) -> Iterator[dict]:
        """Yield the rows of one table of the standard, made one at a time (none for a table we leave empty)."""
        providers, offers = self.catalog.providers, self.catalog.offers
        each = {
            "organization": lambda: map(self.organization, providers),
            "phone": lambda: (row for p in providers for row in self.phones(p)),
            "location": lambda: (row for p in providers for row in self.locations(p)),
            "address": lambda: (row for p in providers for row in self.addresses(p)),
            "service": lambda: map(self.service, offers),
            "attribute": lambda: (row for o in offers for row in self.attributes(o)),
            "taxonomy": lambda: map(self.taxonomy, TAXONOMIES),
            "taxonomy_term": lambda: (term for terms in self.terms().values() for term in terms),
        }
        return each[table]() if table in each else iter(())

    def services(self) -> Iterator[dict]:
        """Yield HSDS JSON's services: each with its organization, and its attributes each with its term."""
        terms = {term["id"]: term for term in self.rows("taxonomy_term")}
        providers = self.ix.by_id["providers"]
        for offer in self.catalog.offers:
            attributes = [{**row, "taxonomy_term": terms[row["taxonomy_term_id"]]} for row in self.attributes(offer)]
            yield {**self.service(offer), "organization": self.organization(providers[offer.provider]), "attributes": attributes}

    def organizations(self) -> Iterator[dict]:
        """Yield HSDS JSON's organizations: each with its phones, and its locations each with its addresses."""
        for provider in self.catalog.providers:
            locations = [{**row, "addresses": self.addresses(provider)} for row in self.locations(provider)]
            yield {**self.organization(provider), "phones": self.phones(provider), "locations": locations}

    def organization(self, provider) -> dict:
        contact = provider.contact
        return clean({
            "id": hsds_id("organization", provider.id),
            "name": provider.name,
            "alternate_name": ", ".join(provider.spellings),
            "description": provider.description,
            "email": contact and contact.email,
            "website": contact and contact.website,
            "legal_status": provider.kind.label if provider.kind != ProviderKind.ukendt else None,
        })

    def phones(self, provider) -> list[dict]:
        if not (provider.contact and provider.contact.phone):
            return []
        return [{"id": hsds_id("phone", provider.id), "organization_id": hsds_id("organization", provider.id), "number": provider.contact.phone}]

    def locations(self, provider) -> list[dict]:
        if not (provider.contact and provider.contact.address):
            return []
        address = provider.contact.address
        return [clean({
            "id": hsds_id("location", provider.id),
            "location_type": "physical",
            "organization_id": hsds_id("organization", provider.id),
            "name": provider.name,
            # An address we cannot split into its parts is kept whole, as the source gives it.
            "description": None if ADDRESS.match(address) else address,
        })]

    def addresses(self, provider) -> list[dict]:
        match = provider.contact and provider.contact.address and ADDRESS.match(provider.contact.address)
        if not match:
            return []
        return [clean({
            "id": hsds_id("address", provider.id),
            "location_id": hsds_id("location", provider.id),
            "address_1": match["street"],
            "address_2": match["extra"],
            "city": match["city"],
            "postal_code": match["postal_code"],
            "country": "DK",
            "address_type": "physical",
        })]

    def service(self, offer: Offer) -> dict:
        return clean({
            "id": hsds_id("service", offer.id),
            "organization_id": hsds_id("organization", offer.provider),
            "name": self.ix.offer_name(offer),
            "description": offer.purpose,
            "url": self.page_url(SECTIONS["offers"], offer.id),
            # The offer is in the catalogue; whether the provider still delivers it is for the provider to say.
            "status": "active",
            "eligibility_description": "; ".join(target_label(self.ix, t) for t in offer.target_groups),
        })

    def attributes(self, offer: Offer) -> list[dict]:
        """Link the offer to its target groups, methods, package type and properties."""
        links = [("maalgrupper", t.id, t.note) for t in offer.target_groups]
        links += [("metoder", m, None) for m in offer.methods] + [("pakketyper", offer.package_type, None)]
        links += [("egenskaber", code, value(offer)) for code, _, _, value in PROPERTIES if value(offer)]
        return [clean({
            "id": hsds_id("attribute", f"{offer.id}/{section}/{key}"),
            "link_id": hsds_id("service", offer.id),
            "taxonomy_term_id": hsds_id("taxonomy_term", f"{section}/{key}"),
            "link_entity": "service",
            "value": value,
        }) for section, key, value in links]

    def taxonomy(self, taxonomy: Taxonomy) -> dict:
        return clean({
            "id": hsds_id("taxonomy", taxonomy.section),
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": self.page_url(taxonomy.section) if taxonomy.collection else None,
        })

    def terms(self) -> dict[str, list[dict]]:
        """Return each taxonomy's terms: the group terms first, then one term per entity, by id."""
        terms = {}
        for taxonomy in TAXONOMIES:
            if taxonomy.collection is None:
                entries = [(code, name, description, None, None) for code, name, description, _ in PROPERTIES]
            else:
                entries = self.entity_terms(taxonomy)
            terms[taxonomy.section] = [self.term(taxonomy, *entry) for entry in entries]
        return terms

    def entity_terms(self, taxonomy: Taxonomy) -> list[tuple]:
        entities = getattr(self.catalog, taxonomy.collection)
        group_of = (lambda e: getattr(e, taxonomy.group)) if taxonomy.group else (lambda e: None)
        used = [g for g in taxonomy.vocabulary or () if any(group_of(e) == g for e in entities)]
        groups = [(f"{taxonomy.group}/{g.value}", g.label, f"{g.label}.", None, None) for g in used]
        parent = lambda e: group_of(e) and f"{taxonomy.group}/{group_of(e).value}"
        return groups + [(e.id, e.name, e.description, parent(e), e.id) for e in entities]

    def term(self, taxonomy: Taxonomy, key: str, name: str, description: str, parent: str | None, page: str | None) -> dict:
        return clean({
            "id": hsds_id("taxonomy_term", f"{taxonomy.section}/{key}"),
            "code": f"{taxonomy.section}/{key}",
            "name": name,
            "description": description,
            "parent_id": parent and hsds_id("taxonomy_term", f"{taxonomy.section}/{parent}"),
            "taxonomy": taxonomy.name,
            "language": "da",
            "taxonomy_id": hsds_id("taxonomy", taxonomy.section),
            "term_uri": page and self.page_url(taxonomy.section, page),
        })


def table_counts(catalog: Catalog, ix: Indexes) -> dict[str, int]:
    """Return the number of rows of every table of the standard, by table name."""
    data = Export(catalog, ix, None)
    return {resource["name"]: sum(1 for _ in data.rows(resource["name"])) for resource in standard()["resources"]}


def clean(row: dict) -> dict:
    """Drop the fields that have no value: an empty cell in a table, an absent property in JSON."""
    return {key: value for key, value in row.items() if value not in (None, "")}

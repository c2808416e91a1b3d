"""The data that Min liste, Sammenlign and Dine muligheder show, split so a list loads only its own entries.

Files (scripts, because fetch() is refused on file://; each calls window.TK.list.data(bucket, records)):
- liste/B.js  the offers and cases whose key ('tilbud/ID' or 'cases/ID') hashes to bucket B: FNV-1a (32 bit)
  of the key, modulo the number of buckets, which the list pages carry (see assets/liste-sider.js).
Every field of an offer is there, for the comparison. Pure: returns {path: text}. The JSON is escaped so
that no value can close the script element; the browser inserts every value as text.
"""

from __future__ import annotations

import json

from .dates import danish_date, period_text
from .index import Indexes
from .model import Case, Catalog, Offer, ProviderKind

CHUNK = 16  # entries per bucket on average


def bucket_count(catalog: Catalog) -> int:
    """Return how many buckets the entries of catalog are spread over."""
    return max(1, -(-(len(catalog.offers) + len(catalog.cases)) // CHUNK))


def fnv1a(text: str) -> int:
    """Return the 32-bit FNV-1a hash of text's UTF-8 bytes (assets/liste-sider.js computes the same)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def liste_files(catalog: Catalog, ix: Indexes) -> dict[str, str]:
    """Return every bucket file, keyed by path under assets/."""
    count = bucket_count(catalog)
    records = {f"tilbud/{o.id}": offer_record(o, ix) for o in catalog.offers}
    records |= {f"cases/{c.id}": case_record(c, ix) for c in catalog.cases}
    buckets: list[dict] = [{} for _ in range(count)]
    for key in sorted(records):
        buckets[fnv1a(key) % count][key] = records[key]
    return {f"assets/liste/{b}.js": script(b, data) for b, data in enumerate(buckets)}


def offer_record(offer: Offer, ix: Indexes) -> dict:
    """Return every field of an offer as the comparison shows it, names resolved."""
    provider = ix.by_id["providers"][offer.provider]
    groups, methods = ix.by_id["target_groups"], ix.by_id["methods"]
    return {
        "title": ix.offer_title(offer),
        "type": [offer.package_type, ix.by_id["package_types"][offer.package_type].name],
        "provider": [provider.id, provider.name, "" if provider.kind == ProviderKind.ukendt else provider.kind.label],
        "contact": provider.contact.model_dump(exclude_none=True) if provider.contact else {},
        "purpose": offer.purpose,
        "content": list(offer.content),
        "methods": [[m, methods[m].name] for m in offer.methods],
        "groups": [[t.id, groups[t.id].name, t.note or ""] for t in offer.target_groups],
        "duration": offer.duration or "",
        "intensity": offer.intensity or "",
        "setting": offer.setting.label if offer.setting else "",
        "location": offer.location or "",
        "participant": offer.participant_info or "",
        "advantages": list(offer.advantages),
        "drawbacks": list(offer.drawbacks),
        "proposals": list(offer.proposals),
        "caveats": list(offer.caveats),
        "sources": sources(offer, ix),
        "reviewed": danish_date(offer.reviewed),
    }


def sources(entity, ix: Indexes) -> list[list[str]]:
    """Return each source of entity as [id, title, lines, year or period]."""
    found = ix.by_id["sources"]
    return [[r.source, found[r.source].title, r.lines.replace("-", "–"), period_text(found[r.source].date.period)]
            for r in entity.sources]


def case_record(case: Case, ix: Indexes) -> dict:
    """Return a case as the list shows it: its title and its line (situation, what was done, outcome)."""
    return {"title": ix.case_title(case), "line": list(ix.case_lines[case.id])}


def script(bucket: int, data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.TK.list.data({bucket}, {text});\n"

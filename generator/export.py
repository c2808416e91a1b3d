"""Open data: the catalogue as files of the built site under data/ (linked from the page data/index.md).

Input: a Catalog, its Indexes and the site's address (None: no absolute addresses). Output: {path: text}
(the tables and documents as iterators of pieces of text, made a row or an item at a time as they are written):
data/hsds/ (Open Referral HSDS 3.0: datapackage.json, one CSV per table, services.json, organizations.json),
data/tilbud.csv (one row per offer, for Danish Excel) and data/tilbudskataloget.json with its JSON Schema.
Pure and deterministic. CSV cells that a spreadsheet would run as a formula are neutralised; JSON keeps the text.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Iterable, Iterator

from . import hsds
from .index import Indexes
from .model import SECTIONS, Catalog, Offer

BOM = "\ufeff"  # tells Excel the file is UTF-8
LIST = " | "  # joins the items of a list in one spreadsheet cell
FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a cell starting with one of these may run as a formula
PIECE = 1 << 16  # characters of CSV handed to the writer at a time


class Danish(csv.excel):
    """The CSV dialect of Danish Excel: ';' between fields, since ',' is the decimal separator."""

    delimiter = ";"


def export(catalog: Catalog, ix: Indexes, site_url: str | None = None) -> dict[str, str | Iterator[str]]:
    """Return every data file of the site as {path: text}; all but the small ones as iterators of pieces of
    text, made only as they are written, so that no table or document is ever held whole."""
    data, package = hsds.Export(catalog, ix, site_url), descriptor()
    files: dict[str, str | Iterator[str]] = {
        f"data/hsds/{resource['path']}": table_csv(resource, data.rows(resource["name"])) for resource in package["resources"]}
    files["data/hsds/datapackage.json"] = to_json(package)
    files["data/hsds/services.json"] = json_page(data.services(), len(catalog.offers))
    files["data/hsds/organizations.json"] = json_page(data.organizations(), len(catalog.providers))
    files["data/tilbud.csv"] = offers_csv(catalog, ix, site_url)
    files["data/tilbudskataloget.json"] = catalog_json(catalog)
    files["data/tilbudskataloget.schema.json"] = to_json(catalog_schema())
    return files


def neutralise(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula: an apostrophe before = + - @ at the start."""
    return "'" + value if value.startswith(FORMULA) else value


def csv_pieces(header: list[str], rows: Iterable[list], dialect=csv.excel) -> Iterator[str]:
    """Yield a CSV file in pieces of about PIECE characters, the rows made as they are written."""
    out = io.StringIO()
    writer = csv.writer(out, dialect=dialect, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(str(cell)) for cell in row])
        if out.tell() > PIECE:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def table_csv(resource: dict, rows: Iterable[dict]) -> Iterator[str]:
    """Yield one HSDS table in pieces: the standard's columns in its order, comma-separated UTF-8."""
    names = [field["name"] for field in resource["schema"]["fields"]]
    return csv_pieces(names, (cells(resource["name"], names, row) for row in rows))


def cells(table: str, names: list[str], row: dict) -> list:
    """Return a row's cells in the order of names, the table's columns."""
    unknown = row.keys() - set(names)
    assert not unknown, f"{table}: fields not in HSDS 3.0: {sorted(unknown)}"
    return [row.get(name, "") for name in names]


def descriptor() -> dict:
    """Return the data package descriptor: the standard's, with our name and the Danish profile's changes."""
    package = copy.deepcopy(hsds.standard())
    del package["license"]  # the standard's licence, not ours
    package.update(name="tilbudskataloget-hsds", title="Tilbudskataloget som Open Referral HSDS 3.0", description=(
        "Beskæftigelsestilbud til borgere med komplekse problemer, deres udbydere, målgrupper, metoder og pakketyper "
        "(Human Services Data Specification 3.0, dansk profil: se kataloget under Om kataloget › Åbne data)."),
        sources=[{"title": "Human Services Data Specification 3.0, Open Referral", "path": "https://docs.openreferral.org/en/v3.0/"}])
    for resource in package["resources"]:
        resource["encoding"] = "utf-8"
        required = hsds.profile().get(resource["name"], {}).get("required")
        for field in resource["schema"]["fields"] if required is not None else ():
            field["constraints"]["required"] = field["constraints"]["required"] and field["name"] in required
    return package


def json_page(items: Iterable[dict], count: int) -> Iterator[str]:
    """Yield, in pieces, count items wrapped as HSDS's API does (one page holding everything)."""
    head = to_json({"total_items": count, "total_pages": 1, "page_number": 1, "size": count, "first_page": True,
                    "last_page": True, "empty": not count, "contents": []})
    yield head.removesuffix("[]\n}\n")
    yield from json_items(items, 1)
    yield "\n}\n"


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_items(items: Iterable, depth: int) -> Iterator[str]:
    """Yield a JSON list of items an item at a time, as to_json writes it depth levels in (no string of JSON
    holds a line break, so indenting every line of an item's own JSON gives the same text)."""
    inner, start = "\n" + "  " * (depth + 1), "["
    for item in items:
        yield start + inner + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", inner)
        start = ","
    yield "[]" if start == "[" else "\n" + "  " * depth + "]"


def catalog_json(catalog: Catalog) -> Iterator[str]:
    """Yield to_json(catalog.model_dump(mode="json")) an entity at a time."""
    start = "{"
    for name in Catalog.model_fields:
        yield f"{start}\n  {json.dumps(name)}: "
        yield from json_items((entity.model_dump(mode="json") for entity in getattr(catalog, name)), 1)
        start = ","
    yield "\n}\n"


def catalog_schema() -> dict:
    schema = Catalog.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "title": "Tilbudskataloget", "description": "Hele det validerede katalog (data/tilbudskataloget.json)."}


OFFER_COLUMNS = ("ID", "Tilbud", "Udbyder", "Pakketype", "Formål", "Indhold", "Målgrupper", "Metoder", "Varighed",
                 "Intensitet", "Form", "Sted", "Det får deltageren at vide", "Fordele", "Ulemper", "Forslag",
                 "Forbehold", "Kilder", "Side")


def offers_csv(catalog: Catalog, ix: Indexes, site_url: str | None) -> Iterator[str]:
    """Yield, in pieces, every offer as one row of a spreadsheet that Danish Excel opens as it is."""
    yield BOM
    yield from csv_pieces(list(OFFER_COLUMNS), (offer_row(o, ix, site_url) for o in catalog.offers), Danish)


def offer_row(offer: Offer, ix: Indexes, site_url: str | None) -> list[str]:
    by_id = ix.by_id
    page_path = f"{SECTIONS['offers']}/{offer.id}/"
    return [
        offer.id, ix.offer_title(offer), by_id["providers"][offer.provider].name, by_id["package_types"][offer.package_type].name,
        offer.purpose, LIST.join(offer.content),
        LIST.join(hsds.target_label(ix, t) for t in offer.target_groups),
        LIST.join(by_id["methods"][m].name for m in offer.methods),
        offer.duration or "", offer.intensity or "", offer.setting.label if offer.setting else "", offer.location or "",
        offer.participant_info or "", LIST.join(offer.advantages), LIST.join(offer.drawbacks), LIST.join(offer.proposals),
        LIST.join(offer.caveats),
        LIST.join(f"{by_id['sources'][s.source].title}, linje {s.lines}" for s in offer.sources),
        (site_url.rstrip("/") + "/" if site_url else "") + page_path,
    ]

"""Open data: the catalogue as files of the built site under data/ (linked from the page data/index.md).

Input: a Catalog, its Indexes and the site's address (None: no absolute addresses). Output: {path: text}
(the largest text as an iterator of pieces):
data/hsds/ (Open Referral HSDS 3.0: datapackage.json, one CSV per table, services.json, organizations.json),
data/tilbud.csv (one row per offer, for Danish Excel) and data/tilbudskataloget.json with its JSON Schema.
Pure and deterministic. CSV cells that a spreadsheet would run as a formula are neutralised; JSON keeps the text.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Iterator

from . import hsds
from .index import Indexes
from .model import SECTIONS, Catalog, Offer

BOM = "\ufeff"  # tells Excel the file is UTF-8
LIST = " | "  # joins the items of a list in one spreadsheet cell
FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a cell starting with one of these may run as a formula


class Danish(csv.excel):
    """The CSV dialect of Danish Excel: ';' between fields, since ',' is the decimal separator."""

    delimiter = ";"


def export(catalog: Catalog, ix: Indexes, site_url: str | None = None) -> dict[str, str | Iterator[str]]:
    """Return every data file of the site as {path: text}; the HSDS objects, the largest, as an iterator of
    pieces of text, made only as they are written."""
    tables = hsds.Export(catalog, ix, site_url).tables()
    files: dict[str, str | Iterator[str]] = {
        f"data/hsds/{resource['path']}": table_csv(resource, tables.get(resource["name"], [])) for resource in descriptor()["resources"]}
    files["data/hsds/datapackage.json"] = to_json(descriptor())
    files.update({f"data/hsds/{name}.json": json_pieces(page(items)) for name, items in hsds.documents(tables).items()})
    files["data/tilbud.csv"] = offers_csv(catalog, ix, site_url)
    files["data/tilbudskataloget.json"] = to_json(catalog.model_dump(mode="json"))
    files["data/tilbudskataloget.schema.json"] = to_json(catalog_schema())
    return files


def neutralise(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula: an apostrophe before = + - @ at the start."""
    return "'" + value if value.startswith(FORMULA) else value


def csv_text(header: list[str], rows: list[list[str]], dialect=csv.excel) -> str:
    out = io.StringIO()
    writer = csv.writer(out, dialect=dialect, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([neutralise(str(cell)) for cell in row] for row in rows)
    return out.getvalue()


def table_csv(resource: dict, rows: list[dict]) -> str:
    """Return one HSDS table: the standard's columns in its order, comma-separated UTF-8."""
    names = [field["name"] for field in resource["schema"]["fields"]]
    unknown = {key for row in rows for key in row} - set(names)
    assert not unknown, f"{resource['name']}: fields not in HSDS 3.0: {sorted(unknown)}"
    return csv_text(names, [[row.get(name, "") for name in names] for row in rows])


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


def page(items: list[dict]) -> dict:
    """Wrap a list as HSDS's API does (one page holding everything)."""
    return {"total_items": len(items), "total_pages": 1, "page_number": 1, "size": len(items), "first_page": True,
            "last_page": True, "empty": not items, "contents": items}


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_pieces(data) -> Iterator[str]:
    """Yield to_json(data) a piece at a time: json.dumps with indent joins the very same pieces."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    yield "\n"


def catalog_schema() -> dict:
    schema = Catalog.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "title": "Tilbudskataloget", "description": "Hele det validerede katalog (data/tilbudskataloget.json)."}


OFFER_COLUMNS = ("ID", "Tilbud", "Udbyder", "Pakketype", "Formål", "Indhold", "Målgrupper", "Metoder", "Varighed",
                 "Intensitet", "Form", "Sted", "Det får deltageren at vide", "Fordele", "Ulemper", "Forslag",
                 "Forbehold", "Kilder", "Side")


def offers_csv(catalog: Catalog, ix: Indexes, site_url: str | None) -> str:
    """Return every offer as one row of a spreadsheet that Danish Excel opens as it is."""
    return BOM + csv_text(list(OFFER_COLUMNS), [offer_row(o, ix, site_url) for o in catalog.offers], Danish)


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

"""Open data (data/ of the built site): HSDS 3.0 passes `frictionless validate` and the standard's JSON Schemas,
counts match the catalogue, the spreadsheet round-trips with the Danish CSV dialect, the catalogue JSON meets
its schema, ids are stable, and no cell starts a spreadsheet formula."""

import csv
import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import jsonschema
import pytest
import referencing
from conftest import ROOT
from referencing.jsonschema import DRAFT202012

from generator.export import LIST, OFFER_COLUMNS, Danish, neutralise
from generator.hsds import NAMESPACE, hsds_id
from generator.options import Options
from generator.pipeline import generate, validate

SITE_URL = "https://intra.example/katalog/"
HSDS_SCHEMAS = ROOT / "schema" / "hsds-3.0" / "schema"
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def real_files() -> dict[str, str]:
    return generate(ROOT, Options(site_url=SITE_URL))


def write(files: dict[str, str], folder: Path) -> Path:
    for path, text in files.items():
        if path.startswith("data/"):
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    return folder / "data"


def frictionless(package: Path) -> dict:
    result = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(package)], capture_output=True, text=True)
    return json.loads(result.stdout)


def rows(text: str, dialect=csv.excel) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), dialect=dialect))


def test_frictionless_validates_the_hsds_data_package(real_files, tmp_path):
    report = frictionless(write(real_files, tmp_path) / "hsds" / "datapackage.json")
    assert report["valid"], [(t["name"], t["errors"][:3]) for t in report["tasks"] if not t["valid"]]
    standard = json.loads((ROOT / "schema" / "hsds-3.0" / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(t["name"] for t in report["tasks"]) == sorted(r["name"] for r in standard["resources"])


def test_frictionless_rejects_a_broken_package(real_files, tmp_path):
    files = dict(real_files)
    files["data/hsds/services.csv"] = files["data/hsds/services.csv"].replace(",active,", ",maybe,", 1)
    first = rows(files["data/hsds/attributes.csv"])[0]
    files["data/hsds/attributes.csv"] += ",".join([hsds_id("attribute", "x"), first["link_id"], hsds_id("taxonomy_term", "nowhere"), "", "service", ""]) + "\n"
    report = frictionless(write(files, tmp_path) / "hsds" / "datapackage.json")
    errors = {(t["name"], e["type"]) for t in report["tasks"] for e in t["errors"]}
    assert errors == {("service", "constraint-error"), ("attribute", "foreign-key")}


def test_one_service_per_offer_page_and_one_organization_per_provider_page(real_files):
    pages = lambda section: {p for p in real_files if p.startswith(f"{section}/") and p.endswith(".md") and not p.endswith("/index.md")}
    services, organizations = rows(real_files["data/hsds/services.csv"]), rows(real_files["data/hsds/organizations.csv"])
    assert len(services) == len(pages("tilbud")) and len(organizations) == len(pages("udbydere"))
    assert {s["url"] for s in services} == {SITE_URL + p.removesuffix(".md") + "/" for p in pages("tilbud")}
    for name, table in (("services", services), ("organizations", organizations)):
        document = json.loads(real_files[f"data/hsds/{name}.json"])
        assert document["total_items"] == document["size"] == len(document["contents"]) == len(table)
        assert [item["id"] for item in document["contents"]] == [row["id"] for row in table]


def test_every_link_between_tables_resolves(real_files):
    ids = {table: {row["id"] for row in rows(real_files[f"data/hsds/{table}.csv"])} for table in ("services", "taxonomy_terms", "taxonomies")}
    for attribute in rows(real_files["data/hsds/attributes.csv"]):
        assert attribute["link_id"] in ids["services"] and attribute["taxonomy_term_id"] in ids["taxonomy_terms"]
    for term in rows(real_files["data/hsds/taxonomy_terms.csv"]):
        assert term["taxonomy_id"] in ids["taxonomies"] and term["parent_id"] in ids["taxonomy_terms"] | {""}


def test_every_offer_is_linked_to_exactly_its_target_groups_methods_and_package_type(real_files):
    catalog = validate(ROOT)
    terms = {row["id"]: row["code"] for row in rows(real_files["data/hsds/taxonomy_terms.csv"])}
    linked: dict[str, set[str]] = {}
    for attribute in rows(real_files["data/hsds/attributes.csv"]):
        linked.setdefault(attribute["link_id"], set()).add(terms[attribute["taxonomy_term_id"]])
    for offer in catalog.offers:
        codes = {c for c in linked[hsds_id("service", offer.id)] if not c.startswith("egenskaber/")}
        expected = {f"maalgrupper/{t.id}" for t in offer.target_groups} | {f"metoder/{m}" for m in offer.methods}
        assert codes == expected | {f"pakketyper/{offer.package_type}"}, offer.id


def test_ids_are_uuid5_of_our_ids_and_never_change():
    assert hsds_id("service", "hki-mentorpakke") == "4f3d8dcb-69d9-5fa0-9351-7299f3a1b714"
    assert hsds_id("organization", "hki") != hsds_id("service", "hki")


def test_ids_are_what_the_uuid_module_makes():
    keys = [("service", "hki-mentorpakke"), ("attribute", "a/maalgrupper/x"), ("taxonomy_term", "metoder/ips"), ("x", ""),
            ("organization", "ærø-å"), ("attribute", "ü" * 300), *(("service", f"o{i}") for i in range(2000))]
    for table, key in keys:
        assert hsds_id(table, key) == str(uuid.uuid5(NAMESPACE, f"{table}/{key}")), (table, key)


def merge_patch(target, patch):
    """Apply a JSON Merge Patch (RFC 7386), as HSDS profiles are applied to the standard's schemas."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def hsds_validator(name: str) -> jsonschema.Draft202012Validator:
    """Validate against the standard's schema of an object, with the Danish profile applied."""
    def schema(path):
        patch = HSDS_SCHEMAS.parent / "profile" / path.name
        standard = json.loads(path.read_text(encoding="utf-8"))
        return merge_patch(standard, json.loads(patch.read_text(encoding="utf-8"))) if patch.is_file() else standard
    resources = [(p.name, DRAFT202012.create_resource(schema(p))) for p in sorted(HSDS_SCHEMAS.glob("*.json"))]
    registry = referencing.Registry().with_resources(resources)
    return jsonschema.Draft202012Validator({"$ref": name}, registry=registry, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name, schema", [("services", "service.json"), ("organizations", "organization.json")])
def test_hsds_json_meets_the_standards_schemas(real_files, name, schema):
    validator = hsds_validator(schema)
    contents = json.loads(real_files[f"data/hsds/{name}.json"])["contents"]
    for item in contents:
        assert not [e.message for e in validator.iter_errors(item)], item["id"]
    assert list(validator.iter_errors({**contents[0], "id": "x", "name": 5}))  # the check can fail


def test_the_spreadsheet_round_trips_with_the_danish_dialect(real_files):
    text = real_files["data/tilbud.csv"]
    assert text.startswith("\ufeffID;Tilbud;Udbyder;")
    table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), dialect=Danish))
    catalog = validate(ROOT)
    assert table[0] == list(OFFER_COLUMNS) and len(table) == 1 + len(catalog.offers)
    by_id = {row[0]: dict(zip(OFFER_COLUMNS, row)) for row in table[1:]}
    groups = {t.id: t.name for t in catalog.target_groups}
    for offer in catalog.offers:
        row = by_id[offer.id]
        assert row["Formål"] == neutralise(offer.purpose)
        assert row["Indhold"] == neutralise(LIST.join(offer.content))
        assert row["Målgrupper"] == LIST.join(groups[t.id] + (f" ({t.note})" if t.note else "") for t in offer.target_groups)
        assert row["Side"] == f"{SITE_URL}tilbud/{offer.id}/"


def test_no_csv_cell_starts_a_formula_but_json_keeps_the_text(catalog_copy):
    offers = catalog_copy / "content" / "offers" / "vaerkstedet.yaml"
    text = offers.read_text(encoding="utf-8")
    text = text.replace("    location: København", "    location: \"@SUM(1+1)*cmd|' /C calc'!A0\"", 1)
    offers.write_text(text.replace('purpose: "', 'purpose: "=HYPERLINK(\\"http://evil\\")&', 1), encoding="utf-8")
    files = generate(catalog_copy)
    cells = [cell for path, text in files.items() if path.endswith(".csv")
             for row in csv.reader(io.StringIO(text.removeprefix("\ufeff")), dialect=Danish if path == "data/tilbud.csv" else csv.excel) for cell in row]
    assert "'=HYPERLINK(\"http://evil\")&" in " ".join(cells) and not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    [offer] = [o for o in json.loads(files["data/tilbudskataloget.json"])["offers"] if o["id"] == "vaerkstedet-mentorpakke"]
    assert offer["purpose"].startswith('=HYPERLINK("http://evil")&') and offer["location"] == "@SUM(1+1)*cmd|' /C calc'!A0"


def test_the_catalogue_json_meets_its_schema(real_files):
    schema = json.loads(real_files["data/tilbudskataloget.schema.json"])
    document = json.loads(real_files["data/tilbudskataloget.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not [e.message for e in validator.iter_errors(document)]
    assert document == validate(ROOT).model_dump(mode="json")
    document["offers"][0]["setting"] = "alene"
    assert list(validator.iter_errors(document))  # the check can fail


def test_the_built_site_holds_the_data_files_unchanged(real_site):
    files = generate(ROOT)  # real_site is built without --site-url
    data = {p: t for p, t in files.items() if p.startswith("data/") and not p.endswith(".md")}
    assert len(data) == 21 + 3 + 3
    for path, text in data.items():
        assert (real_site / path).read_bytes() == text.encode("utf-8"), path
    assert "url" not in json.loads(data["data/hsds/services.json"])["contents"][0]

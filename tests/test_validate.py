"""Validation, stage 2, called directly: the fixture catalogue plus one file with mistakes gives exactly these
messages. What each test protects is in its name; the CLI goldens (test_errors.py) cover the same through files."""

import pytest
from conftest import FIXTURES

from generator import model
from generator.diagnostics import ContentError
from generator.load import load_catalog, seed_lines
from generator.parse import parse_yaml
from generator.validate import validate

CATALOG = FIXTURES / "catalog"
OFFER = """offers:
  - id: ny
    provider: vaerkstedet
    package_type: jobpakke
    purpose: Et nyt tilbud.
    sources: [{source: testkilde, lines: "1-2"}]
"""


def errors(text: str, name: str = "content/offers/ny.yaml", *, references: bool = True, seeds: bool = True) -> list[str]:
    """Return the messages of validating the fixture catalogue with one more file, text, named name."""
    files = [*load_catalog(CATALOG), parse_yaml(text, name)]
    with pytest.raises(ContentError) as error:
        validate(files, seed_lines(CATALOG) if seeds else None, references=references)
    return [str(d) for d in error.value.diagnostics]


def with_field(line: str, text: str = OFFER) -> str:
    """Return the offer with line added as its last field."""
    return text + f"    {line}\n"


def test_the_fixture_and_a_valid_offer_give_a_catalogue_sorted_by_id():
    catalog = validate([*load_catalog(CATALOG), parse_yaml(OFFER, "content/offers/ny.yaml")], seed_lines(CATALOG))
    assert [o.id for o in catalog.offers] == ["aarhus-indsats", "ny", "vaerkstedet-jobpakke", "vaerkstedet-mentorpakke"]
    assert catalog.offers[1].provider == "vaerkstedet"


def test_every_reference_the_model_marks_is_checked_with_a_suggestion():
    text = """offers:
  - id: ny
    provider: vaerkstedt
    package_type: jobpakken
    purpose: Et nyt tilbud.
    methods: [sft, mentorstote]
    target_groups: [autsime, {id: angts, note: kun let angst}]
    sources: [{source: testkilden, lines: "1-2"}]
cases:
  - id: ny-case
    person: {name: Per}
    provider: aarhus-kommune
    offer: aarhus-indsatz
    situation: Per var ledig.
    outcome: fleksjob
    sources: [{source: testkilde, lines: "1"}]
"""
    assert errors(text) == [
        "content/offers/ny.yaml:3: error: offers[0].provider: unknown provider 'vaerkstedt' (did you mean 'vaerkstedet'?)",
        "content/offers/ny.yaml:4: error: offers[0].package_type: unknown package type 'jobpakken' (did you mean 'jobpakke'?)",
        "content/offers/ny.yaml:6: error: offers[0].methods[1]: unknown method 'mentorstote' (did you mean 'mentorstoette'?)",
        "content/offers/ny.yaml:7: error: offers[0].target_groups[0]: unknown target group 'autsime' (did you mean 'autisme'?)",
        "content/offers/ny.yaml:7: error: offers[0].target_groups[1].id: unknown target group 'angts' (did you mean 'angst'?)",
        "content/offers/ny.yaml:8: error: offers[0].sources[0].source: unknown source 'testkilden' (did you mean 'testkilde'?)",
        "content/offers/ny.yaml:13: error: cases[0].offer: unknown offer 'aarhus-indsatz' (did you mean 'aarhus-indsats'?)",
    ]


def test_the_references_are_those_the_model_marks_with_ref():
    marked = {name: sorted({(parts[0], collection) for parts, collection, _ in model.references(cls, everything(cls))})
              for name, cls in model.COLLECTIONS.items()}
    assert marked == {
        "sources": [],
        "providers": [("sources", "sources")],
        "package_types": [("sources", "sources")],
        "target_groups": [("sources", "sources")],
        "methods": [("sources", "sources")],
        "offers": [("methods", "methods"), ("package_type", "package_types"), ("provider", "providers"),
                   ("sources", "sources"), ("target_groups", "target_groups")],
        "cases": [("methods", "methods"), ("offer", "offers"), ("provider", "providers"), ("sources", "sources"),
                  ("target_groups", "target_groups")],
    }


def everything(cls) -> dict:
    """Return data with every field of cls filled with an id, or a list holding one mapping of ids."""
    return {name: [{"id": "x", "source": "x"}] if name in ("sources", "target_groups") else "x" for name in cls.model_fields}


def test_without_references_only_the_references_are_left_unchecked():
    assert errors(with_field("methods: [ukendt]", OFFER.replace("Et nyt tilbud.", "")), references=False) == [
        "content/offers/ny.yaml:5: error: offers[0].purpose: expected text, got None",
    ]


def test_a_malformed_id_is_the_schemas_to_report_not_an_unknown_reference():
    assert errors(OFFER.replace("provider: vaerkstedet", "provider: Værkstedet")) == [
        "content/offers/ny.yaml:3: error: offers[0].provider: 'Værkstedet' is not a valid id: use lower-case a–z, digits and "
        "hyphens (æ→ae, ø→oe, å→aa), e.g. 'vaerkstedet'",
    ]


def test_an_unknown_field_lists_the_allowed_fields_of_the_model_it_is_in():
    assert errors(with_field("varighed: 3 uger"))[0].startswith(
        "content/offers/ny.yaml:7: error: offers[0].varighed: unknown field 'varighed'; allowed: advantages, caveats, content, "
    )
    provider = """providers:
  - id: ny
    name: Ny
    kind: privat
    description: En ny udbyder.
    contact: {telefon: 33 33 33 33}
    sources: [{source: testkilde, lines: "1", side: 2}]
"""
    assert errors(provider, "providers-ny.yaml") == [
        "providers-ny.yaml:6: error: providers[0].contact.telefon: unknown field 'telefon'; allowed: address, email, phone, website",
        "providers-ny.yaml:7: error: providers[0].sources[0].side: unknown field 'side'; allowed: lines, source",
    ]


def test_a_value_outside_a_vocabulary_names_the_allowed_values_and_the_closest():
    assert errors(with_field("setting: indviduelt")) == [
        "content/offers/ny.yaml:7: error: offers[0].setting: 'indviduelt' is not allowed (did you mean 'individuelt'?); "
        "allowed: individuelt, gruppe, begge",
    ]


def test_a_missing_field_and_a_misspelt_id_in_one_item_are_both_reported():
    assert errors(OFFER.replace("    purpose: Et nyt tilbud.\n", "").replace("jobpakke", "jobpakken")) == [
        "content/offers/ny.yaml:2: error: offers[0].purpose: missing required field 'purpose'",
        "content/offers/ny.yaml:4: error: offers[0].package_type: unknown package type 'jobpakken' (did you mean 'jobpakke'?)",
    ]


def test_an_id_used_twice_names_the_first_and_a_reserved_id_is_refused():
    assert errors(OFFER.replace("id: ny", "id: vaerkstedet-jobpakke")) == [
        "content/offers/ny.yaml:2: error: offers[0].id: duplicate id 'vaerkstedet-jobpakke' "
        "(also at content/offers/vaerkstedet.yaml:17)",
    ]
    assert errors(OFFER.replace("id: ny", "id: index")) == [
        "content/offers/ny.yaml:2: error: offers[0].id: 'index' cannot be an id: 'tilbud/index' is the section's list page; "
        "choose another id",
    ]


def test_a_case_whose_offer_another_provider_delivers_is_refused():
    case = """cases:
  - id: ny-case
    person: {name: Per}
    provider: vaerkstedet
    offer: aarhus-indsats
    situation: Per var ledig.
    outcome: fleksjob
    sources: [{source: testkilde, lines: "1"}]
"""
    assert errors(case, "cases/ny-case.yaml") == [
        "cases/ny-case.yaml:5: error: cases[0].offer: offer 'aarhus-indsats' is delivered by 'aarhus-kommune', "
        "not by the case's provider 'vaerkstedet'",
    ]


@pytest.mark.parametrize("lines, message", [
    ("0-3", "'0-3' starts at line 0: lines count from 1"),
    ("9-4", "'9-4' runs backwards: write the lower number first, e.g. '4-9'"),
    ("1, 38-41", "'38-41' runs past the end of the source text, which has 40 lines"),
    ("3 til 5", "'3 til 5' is not a line range: write e.g. '120-180' or '12, 40-44'"),
])
def test_line_ranges_must_lie_within_the_source_text(lines, message):
    assert errors(OFFER.replace('lines: "1-2"', f'lines: "{lines}"')) == [f"content/offers/ny.yaml:6: error: offers[0].sources[0].lines: {message}"]


def test_without_the_seeds_only_the_form_of_a_line_range_is_checked():
    assert errors(OFFER.replace('lines: "1-2"', 'lines: "2-1000"').replace("jobpakke", "x y"), seeds=False) == [
        "content/offers/ny.yaml:4: error: offers[0].package_type: 'x y' is not a valid id: use lower-case a–z, digits and "
        "hyphens (æ→ae, ø→oe, å→aa), e.g. 'x-y'",
    ]


def test_a_source_text_missing_from_the_seeds_is_reported():
    source = """sources:
  - id: anden
    title: Anden kilde
    publisher: Nogen
    date: {period: ukendt}
    file: findes-ikke.txt
    description: En kilde uden tekst.
"""
    assert errors(source, "content/sources-2.yaml") == [
        "content/sources-2.yaml:6: error: sources[0].file: 'findes-ikke.txt' is not among the source texts (in the seeds folder)",
    ]


def test_an_unknown_list_and_a_list_that_is_no_list():
    assert errors("tilbud:\n  - id: x\noffers: {id: x}\n", "content/x.yaml") == [
        "content/x.yaml:1: error: unknown list 'tilbud'; allowed: sources, providers, package_types, target_groups, methods, offers, cases",
        "content/x.yaml:3: error: offers: must be a list of items, each starting with '- '",
    ]

"""Index invariants, as properties over generated catalogues."""

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import model
from generator.index import Limits, build_indexes, sort_key
from generator.render import render
from page_links import targets

REF = [model.SourceRef(source="kilde", lines="1")]
GROUPS = [f"gruppe-{i}" for i in range(5)]
METHODS = [f"metode-{i}" for i in range(5)]
PROVIDERS = [f"udbyder-{i}" for i in range(3)]
TYPES = ["jobpakke", "mentorpakke"]


@st.composite
def catalogs(draw):
    offers = []
    for i in range(draw(st.integers(0, 12))):
        offers.append(model.Offer(
            id=f"tilbud-{i}", provider=draw(st.sampled_from(PROVIDERS)), package_type=draw(st.sampled_from(TYPES)),
            purpose="Formål.", sources=REF,
            methods=tuple(draw(st.lists(st.sampled_from(METHODS), unique=True, max_size=3))),
            target_groups=tuple(draw(st.lists(st.sampled_from(GROUPS), unique=True, max_size=3))),
        ))
    cases = [
        model.Case(id=f"case-{i}", person=model.Person(name=draw(st.sampled_from(["Åse", "Ole", "Æble"]))),
                   provider=draw(st.sampled_from(PROVIDERS)), situation="x", outcome=draw(st.sampled_from(list(model.Outcome))),
                   offer=draw(st.sampled_from([None, *[o.id for o in offers]])), sources=REF,
                   target_groups=tuple(draw(st.lists(st.sampled_from(GROUPS), unique=True, max_size=2))),
                   methods=tuple(draw(st.lists(st.sampled_from(METHODS), unique=True, max_size=2))))
        for i in range(draw(st.integers(0, 4)))
    ]
    return model.Catalog(
        sources=(model.Source(id="kilde", title="Kilde", publisher="P", date={"period": "ukendt"}, file="k.txt", description="d"),),
        providers=tuple(model.Provider(id=p, name=p.title(), kind="privat", description="d", sources=REF) for p in PROVIDERS),
        package_types=tuple(model.PackageType(id=t, name=t.title(), kind="standardpakke", description="d", sources=REF) for t in TYPES),
        target_groups=tuple(model.TargetGroup(id=g, name=g, category="psykisk", description="d", sources=REF) for g in GROUPS),
        methods=tuple(model.Method(id=m, name=m, kind="metode", description="d", sources=REF) for m in METHODS),
        offers=tuple(offers),
        cases=tuple(cases),
    )


@settings(max_examples=60, deadline=None)
@given(catalogs())
def test_offer_is_listed_under_exactly_its_groups_methods_type_and_provider(catalog):
    ix = build_indexes(catalog)
    for offer in catalog.offers:
        assert {g for g, offers in ix.offers_by_target_group.items() if offer in offers} == {t.id for t in offer.target_groups}
        assert {m for m, offers in ix.offers_by_method.items() if offer in offers} == set(offer.methods)
        assert [t for t, offers in ix.offers_by_package_type.items() if offer in offers] == [offer.package_type]
        assert [p for p, offers in ix.offers_by_provider.items() if offer in offers] == [offer.provider]
    for case in catalog.cases:
        assert [o for o, cases in ix.cases_by_outcome.items() if case in cases] == [case.outcome]
        assert {g for g, cases in ix.cases_by_target_group.items() if case in cases} == {t.id for t in case.target_groups}


def closest_cases(catalog, offer) -> list:
    """Return the cases related to offer by the definition, scored one by one: closest first, then in list order."""
    providers, offers = {p.id: p for p in catalog.providers}, {o.id: o for o in catalog.offers}
    cases = sorted(catalog.cases, key=lambda c: (sort_key(providers[c.provider].name), sort_key(c.person.name), c.id))
    groups, methods = {t.id for t in offer.target_groups}, set(offer.methods)
    scored = []
    for n, case in enumerate(cases):
        same = case.offer is not None and offers[case.offer].package_type == offer.package_type
        shared = len(groups & {t.id for t in case.target_groups}), len(methods & set(case.methods))
        if case.offer != offer.id and shared[0] and (shared[1] or same):
            scored.append((-(sum(shared) + same), n, case))
    return [case for *_, case in sorted(scored, key=lambda s: s[:2])]


@settings(max_examples=60, deadline=None)
@given(catalogs(), st.integers(1, 3))
def test_related_cases_are_the_closest_that_share_a_target_group_and_a_method_or_the_type(catalog, limit):
    ix = build_indexes(catalog, Limits(related=limit))
    offers = {o.id: o for o in catalog.offers}
    for offer in catalog.offers:
        expected = closest_cases(catalog, offer)
        assert ix.related_cases(offer) == (tuple(expected[:limit]), max(0, len(expected) - limit))
    for type_id in {o.package_type for o in catalog.offers}:
        related = {c for o in catalog.offers if o.package_type == type_id for c in closest_cases(catalog, o)}
        related = {c for c in related if not c.offer or offers[c.offer].package_type != type_id}
        listed = ix.related_cases_by_package_type.get(type_id, ())
        assert set(listed) == related and len(listed) == len(related)
    for case in catalog.cases:
        assert len(ix.case_lines[case.id]) == 3 and all(ix.case_lines[case.id])


def test_a_case_in_one_line_and_its_related_offers_and_types():
    from conftest import FIXTURES

    from generator.pipeline import validate

    catalog = validate(FIXTURES / "catalog")
    ix = build_indexes(catalog)
    maria = ix.by_id["cases"]["aarhus-maria"]
    assert ix.case_lines["aarhus-maria"] == ("34 år, kontanthjælp; angst, autisme", "Job i Aarhus (social færdighedstræning)", "Fleksjob: Maria fik et fleksjob.")
    assert ix.related_cases_by_offer == {"aarhus-indsats": ((), 0), "vaerkstedet-jobpakke": ((), 0), "vaerkstedet-mentorpakke": ((maria,), 0)}
    assert ix.cases_by_package_type == {"kommunal-indsats": (maria,)}
    assert ix.related_cases_by_package_type == {"mentorpakke": (maria,)}


def test_names_run_on_in_a_case_line_but_abbreviations_keep_their_capitals():
    from generator.index import lower_first

    assert [lower_first(n) for n in ("Psykiske vanskeligheder", "ADHD", "JobSpor", "Social færdighedstræning (SFT)")] == [
        "psykiske vanskeligheder", "ADHD", "JobSpor", "social færdighedstræning (SFT)"]


@settings(max_examples=30, deadline=None)
@given(catalogs())
def test_rendering_twice_gives_the_same_bytes(catalog):
    assert render(catalog, build_indexes(catalog)) == render(catalog, build_indexes(catalog))


@settings(max_examples=30, deadline=None)
@given(catalogs())
def test_every_entity_page_is_linked_from_another_page(catalog):
    pages = {p: t for p, t in render(catalog, build_indexes(catalog)).items() if p.endswith(".md")}
    links = {p: targets(p, text, pages) for p, text in pages.items()}
    for path in pages:
        if path.split("/")[0] in model.SECTIONS.values() and not path.endswith("index.md"):
            assert any(path in links[other] for other in pages if other != path), path


SMALL = Limits(terms=2, links=2, cases=2, rows=2)  # so that hypothesis' small catalogues have lists in parts


def reachable(links: dict[str, set[str]], page: str) -> set[str]:
    """Return what page's list links to, through every part of it (pages in the folder named like page)."""
    parts = {p for p in links[page] if p.startswith(page.removesuffix(".md") + "/")}
    return set().union(links[page], *(links[p] for p in parts))


@settings(max_examples=40, deadline=None)
@given(catalogs(), st.booleans())
def test_every_offer_and_case_is_reachable_through_the_parts_of_each_list_naming_it(catalog, offline):
    pages = {p: t for p, t in render(catalog, build_indexes(catalog, SMALL), offline).items() if p.endswith(".md")}
    links = {p: targets(p, text, pages, offline) for p, text in pages.items()}
    assert all(link in pages for page in pages for link in links[page] if link.endswith(".md") or link.startswith("?")), \
        {page: sorted(link for link in links[page] if link not in pages) for page in pages}
    for offer in catalog.offers:
        lists = ["tilbud/index.md", f"udbydere/{offer.provider}.md", f"pakketyper/{offer.package_type}.md",
                 *(f"maalgrupper/{t.id}.md" for t in offer.target_groups), *(f"metoder/{m}.md" for m in offer.methods)]
        assert [page for page in lists if f"tilbud/{offer.id}.md" not in reachable(links, page)] == []
    for case in catalog.cases:
        lists = ["cases/index.md", f"udbydere/{case.provider}.md", *(f"maalgrupper/{t.id}.md" for t in case.target_groups),
                 *(f"metoder/{m}.md" for m in case.methods)]
        assert [page for page in lists if f"cases/{case.id}.md" not in reachable(links, page)] == []


@settings(max_examples=40, deadline=None)
@given(catalogs())
def test_a_list_in_parts_names_every_part_with_its_count_and_loses_nothing(catalog):
    whole, small = build_indexes(catalog), build_indexes(catalog, SMALL)
    for key, listing in small.listings.items():
        items = [item for group in listing.groups for item in group.items]
        assert items == [item for group in whole.listings[key].groups for item in group.items]
        assert listing.split == (len(items) > 2) and all(0 < part.count <= 2 for part in listing.parts[1:])
        assert len({listing.path(part) for part in listing.parts}) == len(listing.parts)


def test_danish_sort_puts_aeoeaa_last():
    assert sorted(["Åse", "Ære", "Øje", "Zebra", "Anna"], key=sort_key) == ["Anna", "Zebra", "Ære", "Øje", "Åse"]


def test_a_z_order_is_total_so_builds_do_not_depend_on_hashing():
    from conftest import ROOT

    from generator.index import build_terms, term_order
    from generator.pipeline import validate

    terms = build_terms(validate(ROOT))
    assert len({term_order(t) for t in terms}) == len(terms)


@settings(max_examples=60, deadline=None)
@given(catalogs())
def test_target_group_counts_and_relations_are_what_the_offers_and_cases_say(catalog):
    ix = build_indexes(catalog)
    for group, offers in ix.offers_by_target_group.items():
        shown, others = ix.methods_by_target_group[group]
        counts = {m.id: n for m, n in shown}
        assert all(n == sum(m in o.methods for o in offers) for m, n in counts.items())
        assert len(counts) + others == len({m for o in offers for m in o.methods})
        assert sum(n for _, n in ix.package_types_by_target_group[group]) == len(offers)
    members = lambda g: {i.id for i in (*catalog.offers, *catalog.cases) if g in {t.id for t in i.target_groups}}
    for group, related in ix.related_target_groups.items():
        assert all(other.id != group and n == len(members(group) & members(other.id)) >= 2 for other, n in related)


def test_a_case_outcome_is_its_label_and_first_sentence():
    from generator.index import outcome_line

    case = model.Case(id="c", person=model.Person(name="Åse"), provider="p", situation="x", sources=REF, outcome="fleksjob",
                      outcome_note="Hun fik fleksjob i 2012, bl.a. på 10 timer. Hun har det stadig.")
    assert outcome_line(case) == "Fleksjob: Hun fik fleksjob i 2012, bl.a. på 10 timer."
    assert outcome_line(case.model_copy(update={"outcome_note": None})) == "Fleksjob"


def test_a_method_recurs_when_a_quarter_of_the_offers_name_it():
    from generator.index import recurring

    assert recurring((("a", 3), ("b", 2), ("c", 1)), offers=12) == ((("a", 3),), 2)
    assert recurring((("a", 1), ("b", 1)), offers=2) == ((("a", 1), ("b", 1)), 0)

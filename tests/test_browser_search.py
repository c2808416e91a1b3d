"""Finding things as a caseworker does, in Debian's Chromium, in both builds (served over http and opened
from a file share): the header's search while typing, the search page, and nothing confident for nonsense."""

import re

import pytest

from conftest import ROOT, pages_of

from generator.pipeline import validate

pytestmark = pytest.mark.browser

# (what a caseworker types, a page that must be among the first five results in the header while typing):
# typos, split and joined words, inflections, lay words, abbreviations, short phrases, situations. While typing,
# the dropdown shows the best five, at most three of one kind (assets/search-engine.js preview).
QUERIES = [
    ("autisme", "maalgrupper/autisme"),
    ("asberger", "maalgrupper/autisme"),
    ("aspergers", "maalgrupper/autisme"),
    ("ASF", "maalgrupper/autisme"),
    ("autist", "maalgrupper/autisme"),
    ("hjerne skade", "maalgrupper/hjerneskade"),
    ("hjerneskadede", "maalgrupper/hjerneskade"),
    ("apopleksi", "maalgrupper/hjerneskade"),
    ("blodprop i hjernen", "maalgrupper/hjerneskade"),
    ("hash", "maalgrupper/misbrug"),
    ("alkoholiker", "maalgrupper/misbrug"),
    ("stofmisbrug", "maalgrupper/misbrug"),
    ("sygemeldt", "maalgrupper/sygemeldte"),
    ("sygedagpenge", "maalgrupper/sygemeldte"),
    ("stresset", "maalgrupper/stress"),
    ("angst", "maalgrupper/angst"),
    ("social fobi", "maalgrupper/angst"),
    ("depresion", "maalgrupper/depression"),
    ("ADHD", "maalgrupper/adhd"),
    ("ordblind", "maalgrupper/ordblindhed"),
    ("hjemløs", "maalgrupper/hjemloeshed"),
    ("flygtning", "maalgrupper/flygtninge-og-indvandrere"),
    ("indvandrer", "maalgrupper/flygtninge-og-indvandrere"),
    ("unge under 30", "maalgrupper/unge-under-30"),
    ("ledig i mange år", "maalgrupper/langtidsledige"),
    ("kontanthjælp", "maalgrupper/kontanthjaelpsmodtagere"),
    ("fleks job", "maalgrupper/fleksjobvisiterede"),
    ("psykisk sårbar", "maalgrupper/psykiske-vanskeligheder"),
    ("blind", "maalgrupper/blinde-og-svagsynede"),
    ("svagsynet", "maalgrupper/blinde-og-svagsynede"),
    ("enlig mor", "maalgrupper/enlige-forsoergere"),
    ("kriminel", "maalgrupper/kriminalitet"),
    ("smerter", "maalgrupper/kroniske-smerter"),
    ("SFT", "metoder/sft"),
    ("social færdighedstræning", "metoder/sft"),
    ("socialfærdighedstræning", "metoder/sft"),
    ("mentor", "metoder/mentorstoette"),
    ("mentorstøtte", "metoder/mentorstoette"),
    ("arbejdsprøvning", "metoder/arbejdsproevning"),
    ("arbejdsprøvnig", "metoder/arbejdsproevning"),
    ("snuse praktik", "metoder/snusepraktik"),
    ("virksomhedspraktik", "metoder/virksomhedspraktik"),
    ("krap", "metoder/krap"),
    ("motiverende samtale", "metoder/motiverende-samtale"),
    ("MI", "metoder/motiverende-samtale"),
    ("sokratisk", "metoder/sokratisk-dialog"),
    ("problemkrukken", "metoder/problemkrukken"),
    ("smart model", "metoder/smart-modellen"),
    ("småjob", "metoder/smaajob"),
    ("løntilskud", "metoder/loentilskud"),
    ("mentorpakke", "pakketyper/mentorpakke"),
    ("jobmatch", "udbydere/jobmatch"),
    ("aof job", "udbydere/aof-job"),
    ("AOFJOB", "udbydere/aof-job"),
    ("væksthuset", "udbydere/vaeksthuset"),
    ("jobmatch sft", "tilbud/jobmatch-social-faerdighedstraening"),
    ("helene", "cases/vaeksthuset-helene"),
    ("sygemeldt hjernerystelse", "cases/vaeksthuset-helene"),
    ("arbejdsprøvning fleksjob", "cases/vaeksthuset-lotte"),
    # Lay words: the target groups' editorial lay_terms.
    ("deprimeret", "maalgrupper/depression"),
    ("krigstraume", "maalgrupper/ptsd-og-traumer"),
    ("traume", "maalgrupper/ptsd-og-traumer"),
    ("PTSD", "maalgrupper/ptsd-og-traumer"),
    ("narkoman", "maalgrupper/misbrug"),
    ("stroke", "maalgrupper/hjerneskade"),
    ("ufaglært", "maalgrupper/ufaglaerte"),
    ("ensom", "maalgrupper/sociale-problemer"),
    ("gået ned med stress", "maalgrupper/stress"),
    ("nervøs", "maalgrupper/angst"),
]
CANONICAL_FIRST = ["asberger", "ASF", "hash", "apopleksi", "SFT", "sygemeldt", "ADHD", "jobmatch", "AOFJOB"]

BUILDS = ["served", "offline"]


@pytest.fixture(scope="module", params=BUILDS)
def home(request, site_url, real_site_offline):
    """The home page of each build: over http, and from the file share."""
    return site_url if request.param == "served" else (real_site_offline / "index.html").as_uri()


@pytest.fixture(scope="module")
def typing_page(browser, home):
    """One page per build to type queries into, one after the other, as a caseworker does."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(home)
    yield page
    context.close()


def type_query(page, query: str) -> tuple[list[str], str]:
    """Type query into the header's box, key by key; return the pages offered in the dropdown and its status."""
    box = page.locator("header input[role=combobox]")
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_function("q => document.querySelector('form[data-tk-search]').dataset.for === q", arg=query)
    hrefs = page.eval_on_selector_all("#tk-search-list [role=option]", "els => els.map(e => e.getAttribute('href'))")
    return pages_of(hrefs), page.inner_text("#tk-search-status")


@pytest.mark.parametrize("query,expected", QUERIES)
def test_the_page_is_offered_while_typing(typing_page, query, expected):
    pages, _ = type_query(typing_page, query)
    assert expected in pages[:5], pages[:5]


def test_the_query_set_has_at_least_forty_queries():
    assert len(QUERIES) >= 40 and len({q for q, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("query", CANONICAL_FIRST)
def test_a_name_or_synonym_leads_to_its_page_first(typing_page, query):
    assert type_query(typing_page, query)[0][0] == dict(QUERIES)[query]


def test_a_typo_is_corrected_and_said(typing_page):
    _, status = type_query(typing_page, "asberger")
    assert "Mente du »asperger«?" in status


@pytest.mark.parametrize("query", ["xyzzyq", "afvænning", "qqq zzz"])
def test_nonsense_finds_nothing_but_offers_the_target_groups(typing_page, query):
    pages, status = type_query(typing_page, query)
    assert status.startswith("Ingen sider passer")
    assert [p for p in pages if p.startswith(("tilbud/", "cases/", "metoder/", "udbydere/"))] == []
    assert "maalgrupper" in pages  # the list of target groups


def test_more_words_narrow_the_result(typing_page):
    counts = []
    for query in ("autisme", "mentor", "autisme mentor"):
        counts.append(int(re.match(r"\d+", type_query(typing_page, query)[1])[0]))
    assert 0 < counts[2] < min(counts[:2])


# --- The combobox by keyboard, the search page, and the phone. ---

def test_arrow_keys_choose_and_enter_opens(page, home):
    page.goto(home)
    type_query(page, "autisme")
    box = page.locator("header input[role=combobox]")
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"  # focus stays in the box
    with page.expect_navigation():
        box.press("Enter")
    assert pages_of([page.url])[0] == "maalgrupper/autisme"


def test_enter_opens_the_search_page_with_the_query_in_its_address(page, home):
    page.goto(home)
    type_query(page, "asberger")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"soeg(/|\.html)\?q=asberger$", page.url)
    page.wait_for_function("() => document.getElementById('tk-page-search').dataset.for === 'asberger'")
    hrefs = page.eval_on_selector_all("#tk-page-results a", "els => els.map(e => e.getAttribute('href'))")
    assert pages_of(hrefs)[0] == "maalgrupper/autisme"
    assert "Mente du »asperger«?" in page.inner_text("#tk-page-status")
    kinds = page.eval_on_selector_all("#tk-page-results .tk-result__kind", "els => els.map(e => e.textContent)")
    assert kinds[0] == "Målgruppe" and set(kinds) <= {"Målgruppe", "Metode", "Pakketype", "Tilbud", "Case", "Udbyder", "Kilde"}


def test_the_search_page_offers_the_target_groups_when_nothing_matches(page, home):
    page.goto(home)
    type_query(page, "xyzzyq")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('tk-page-search').dataset.for === 'xyzzyq'")
    assert page.locator("#tk-page-results li").count() == 0
    help_links = page.locator("#tk-page-help a[href*=maalgrupper]")
    assert help_links.count() == len(validate(ROOT).target_groups) and help_links.first.is_visible()


def test_the_phone_search_button_puts_the_cursor_in_the_box(browser, home):
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="da-DK", has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(home)
    page.locator(".tk-search-button").tap()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"
    page.keyboard.type("hjerne skade")
    page.wait_for_function("() => document.querySelector('form[data-tk-search]').dataset.for === 'hjerne skade'")
    assert page.locator("#tk-search-list [role=option]").first.is_visible()
    context.close()


def test_a_query_loads_only_part_of_the_index(page, site_url, real_site):
    sizes = []
    page.on("response", lambda r: sizes.append(len(r.body())) if "/assets/search/" in r.url else None)
    page.goto(site_url)
    type_query(page, "autisme")
    index_total = sum(p.stat().st_size for p in (real_site / "assets" / "search").iterdir())
    assert 0 < sum(sizes) < index_total / 3

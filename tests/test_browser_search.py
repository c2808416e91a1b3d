"""Finding things as a caseworker does: the search box and Find tilbud, in Debian's Chromium."""

import re
from urllib.parse import urlencode

import pytest

from conftest import ROOT

from generator.pipeline import validate

pytestmark = pytest.mark.browser

# (query, a page that must be among the first five results). Synonyms, abbreviations, lay terms,
# inflected forms and the source's wording all lead to the canonical page.
QUERIES = [
    ("autisme", "maalgrupper/autisme"),
    ("Asperger", "maalgrupper/autisme"),
    ("aspergers", "maalgrupper/autisme"),
    ("ASF", "maalgrupper/autisme"),
    ("autismespektrumforstyrrelse", "maalgrupper/autisme"),
    ("hash", "maalgrupper/misbrug"),
    ("alkohol", "maalgrupper/misbrug"),
    ("apopleksi", "maalgrupper/hjerneskade"),
    ("senhjerneskade", "maalgrupper/hjerneskade"),
    ("hjerneskadede", "maalgrupper/hjerneskade"),
    ("sygemeldt", "maalgrupper/sygemeldte"),
    ("sygemeldte", "maalgrupper/sygemeldte"),
    ("angst", "maalgrupper/angst"),
    ("depression", "maalgrupper/depression"),
    ("ADHD", "maalgrupper/adhd"),
    ("flygtninge", "maalgrupper/flygtninge-og-indvandrere"),
    ("indvandrere", "maalgrupper/flygtninge-og-indvandrere"),
    ("ordblind", "maalgrupper/ordblindhed"),
    ("hjemløs", "maalgrupper/hjemloeshed"),
    ("SFT", "metoder/sft"),
    ("social færdighedstræning", "metoder/sft"),
    ("social færdighedstræning", "tilbud/jobmatch-social-faerdighedstraening"),
    ("mentor", "metoder/mentorstoette"),
    ("arbejdsprøvning", "metoder/arbejdsproevning"),
    ("snusepraktik", "metoder/snusepraktik"),
    ("KRAP", "metoder/krap"),
    ("sokratisk dialog", "metoder/sokratisk-dialog"),
    ("Problemkrukken", "metoder/problemkrukken"),
    ("Jobmatch", "udbydere/jobmatch"),
    ("AOFJOB", "udbydere/aof-job"),
]
CANONICAL_FIRST = ["Asperger", "ASF", "hash", "alkohol", "apopleksi", "SFT", "sygemeldt", "ADHD"]


def pages_of(hrefs: list[str]) -> list[str]:
    """Reduce result links to page paths, in order, without anchors or duplicates."""
    pages = []
    for href in hrefs:
        path = re.sub(r"(\.html)?([?#].*)?$", "", href.split("://")[-1]).strip("/")
        path = re.sub(r"^(127\.0\.0\.1:\d+/|.*/site/)", "", path).removesuffix("/index")
        if path not in pages:
            pages.append(path)
    return pages


def search_served(page, site_url: str, query: str) -> tuple[list[str], int]:
    """Search through the header's box as a user does; return result pages and the count."""
    page.goto(site_url)
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_function("() => /resultat/.test(document.querySelector('.pagefind-ui__message')?.textContent || '')")
    message = page.inner_text(".pagefind-ui__message")
    if message[0].isdigit():
        page.wait_for_selector(".pagefind-ui__result-link")
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
    return pages_of(hrefs), int(re.match(r"\d+", message)[0]) if message[0].isdigit() else 0


@pytest.mark.parametrize("query,expected", QUERIES)
def test_search_finds_the_page(page, site_url, query, expected):
    pages, _ = search_served(page, site_url, query)
    assert expected in pages[:5], pages[:5]


@pytest.mark.parametrize("query", CANONICAL_FIRST)
def test_synonym_ranks_its_canonical_page_first(page, site_url, query):
    expected = dict(QUERIES)[query]
    assert search_served(page, site_url, query)[0][0] == expected


def test_more_words_narrow_the_result(page, site_url):
    _, autisme = search_served(page, site_url, "autisme")
    _, mentor = search_served(page, site_url, "mentor")
    _, both = search_served(page, site_url, "autisme mentor")
    assert 0 < both < min(autisme, mentor)


def test_search_requests_only_part_of_the_index(page, site_url, real_site):
    sizes = []
    page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url else None)
    search_served(page, site_url, "autisme")
    index_total = sum(p.stat().st_size for p in (real_site / "pagefind").rglob("*") if p.is_file())
    assert 0 < sum(sizes) < index_total


# --- The offline build, opened from a file share (file://), keeps Material's own search. ---

def search_offline(page, site, query: str) -> list[str]:
    page.goto((site / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent.match(/resultat|Ingen/)", arg=query
    )
    page.wait_for_timeout(300)
    return pages_of(page.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                              "els => els.map(e => e.getAttribute('href'))"))


@pytest.mark.parametrize("query,expected", [q for q in QUERIES if q[0] in ("Asperger", "hash", "apopleksi", "sygemeldt", "SFT", "social færdighedstræning")][:6])
def test_offline_search_works_from_file(page, real_site_offline, query, expected):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    assert expected in search_offline(page, real_site_offline, query)[:5]
    assert [r for r in requests if not r.startswith("file://")] == []


def test_offline_search_ands_words(page, real_site_offline):
    def found(query: str) -> int:  # the number Material states: it shows only the first ten results at once
        search_offline(page, real_site_offline, query)
        number = re.search(r"\d+", page.inner_text(".md-search-result__meta"))
        return int(number[0]) if number else 0
    assert 0 < found("autisme angst") < found("angst")


# --- Find tilbud: facets combined with AND, the selection in the URL, from http and from file://. ---

def expected_count(**chosen) -> int:
    """Count offers matching the chosen facets, straight from the validated catalogue."""
    def matches(o):
        return all([
            not chosen.get("maalgruppe") or chosen["maalgruppe"] in {t.id for t in o.target_groups},
            not chosen.get("metode") or chosen["metode"] in o.methods,
            not chosen.get("pakketype") or chosen["pakketype"] == o.package_type,
            not chosen.get("udbyder") or chosen["udbyder"] == o.provider,
        ])
    return sum(matches(o) for o in validate(ROOT).offers)


FILTERS = [
    {},
    {"maalgruppe": "autisme"},
    {"maalgruppe": "autisme", "metode": "mentorstoette"},
    {"pakketype": "mentorpakke"},
    {"pakketype": "sygedagpengepakke", "maalgruppe": "stress"},
    {"udbyder": "vaeksthuset", "maalgruppe": "misbrug"},
    {"udbyder": "hki", "pakketype": "jobpakke", "metode": "virksomhedspraktik"},
]


def finder_count(page) -> int:
    page.wait_for_function("() => /tilbud passer/.test(document.getElementById('finder-count').textContent)")
    return int(re.match(r"\d+", page.inner_text("#finder-count"))[0])


@pytest.mark.parametrize("chosen", FILTERS, ids=lambda c: "+".join(c.values()) or "alle")
def test_finder_counts_match_the_catalogue(page, site_url, chosen):
    page.goto(f"{site_url}find-tilbud/?{urlencode(chosen)}")
    count = finder_count(page)
    assert count == expected_count(**chosen)
    assert page.locator("#finder-results li").count() == min(count, 25)
    assert page.locator("#finder-more").is_visible() == (count > 25)
    for facet, value in chosen.items():
        assert page.input_value(f"#finder-{facet}") == value


def test_finder_selection_lives_in_the_url(page, site_url):
    page.goto(f"{site_url}find-tilbud/")
    page.select_option("#finder-maalgruppe", "autisme")
    page.select_option("#finder-pakketype", "mentorpakke")
    assert finder_count(page) == expected_count(maalgruppe="autisme", pakketype="mentorpakke")
    assert "maalgruppe=autisme" in page.url and "pakketype=mentorpakke" in page.url
    page.reload()
    assert page.input_value("#finder-maalgruppe") == "autisme"


def test_finder_free_text_knows_synonyms(page, site_url):
    page.goto(f"{site_url}find-tilbud/?q=Asperger")
    finder_count(page)
    shown = set(page.locator("#finder-results a").all_inner_texts())
    page.goto(f"{site_url}find-tilbud/?maalgruppe=autisme")
    finder_count(page)
    autism = set(page.locator("#finder-results a").all_inner_texts())
    assert autism and autism <= shown


def test_finder_is_usable_by_keyboard(page, site_url):
    page.goto(f"{site_url}find-tilbud/")
    page.focus("#finder-q")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "finder-maalgruppe"
    label = page.evaluate("document.querySelector('label[for=finder-maalgruppe]').textContent")
    assert label == "Målgruppe"
    assert page.get_attribute("#finder-count", "aria-live") == "polite"


def test_finder_works_from_file(page, real_site_offline):
    page.goto((real_site_offline / "find-tilbud.html").as_uri() + "?maalgruppe=autisme")
    assert finder_count(page) == expected_count(maalgruppe="autisme")
    href = page.get_attribute("#finder-results a", "href")
    assert href.endswith(".html")
    page.click("#finder-results a")
    assert page.url.startswith("file://") and page.url.endswith(".html")

"""Paper, printed by Chromium (page.pdf) and read back with pypdf: an offer on at most two A4 pages that
opens with what the participant is told and whom to contact; the list for the citizen on one page; the
comparison for the caseworker. Each with the content's date and the page's address at the foot, and
never the navigation, the search box, buttons or the '(søgeord: …)' lists."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT

from generator.pipeline import validate

HKI, INCITA = "hki-mentorpakke", "incita-mentorpakke"
# Text only the navigation, the header or the buttons have: never on paper.
SCREEN_ONLY = ("Udgivelse på intranettet", "Tilgængelighedserklæring", "Alle tilbud", "Gå til indholdet", "søgeord",
               "Tilføj", "Udskriv", "Kopiér link", "Tilbage til min liste")


def printed(page) -> tuple[int, str, list]:
    """Print page as Chromium does; return its number of pages, its text (spaces normalised) and page sizes."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = " ".join(p.extract_text() for p in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text), [p.mediabox for p in reader.pages]


def start(text: str, words: int = 8) -> str:
    return " ".join(text.split()[:words])


@pytest.fixture(scope="module")
def offers():
    return {o.id: o for o in validate(ROOT).offers}


def footer_date(page) -> str:
    return re.search(r"Indholdet er senest ændret (\d+\. \w+ \d{4})", page.inner_text("footer"))[1]


@pytest.mark.browser
def test_an_offer_prints_participant_text_and_contact_first_on_two_pages(page, site_url, offers):
    page.goto(f"{site_url}tilbud/{HKI}/")
    day = footer_date(page)
    count, text, _ = printed(page)
    assert count <= 2
    participant = start(offers[HKI].participant_info)
    assert participant in text
    assert text.index("Mentorpakke – HKI") < text.index(participant) < text.index("Kontakt") < text.index("Formål")
    assert f"Indholdet er senest ændret {day}" in text and f"{site_url}tilbud/{HKI}/" in text
    assert [s for s in SCREEN_ONLY if s in text] == []
    assert "søgeord" in page.inner_text("article"), "the search words are on the screen, just not on paper"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.tk-foot')).color") == "rgb(0, 0, 0)", "ink, not white"


@pytest.mark.browser
def test_the_longest_offers_fit_on_two_pages(page, site_url, real_site):
    longest = sorted((p.stat().st_size, p.parent.name) for p in (real_site / "tilbud").glob("*/index.html"))[-3:]
    counts = {}
    for _, offer in longest:
        page.goto(f"{site_url}tilbud/{offer}/")
        counts[offer] = printed(page)[0]
    assert max(counts.values()) <= 2, counts


def print_list(page, url: str) -> tuple[str, int, str, list]:
    """Open a page of Min liste holding the two offers; return the footer's date and what printed() returns."""
    page.goto(url)
    page.locator("#tk-liste[data-ready]").wait_for()
    return footer_date(page), *printed(page)


@pytest.mark.browser
def test_the_list_prints_for_the_citizen_on_one_page(page, site_url, offers):
    day, count, text, sizes = print_list(page, f"{site_url}min-liste/borger/?tilbud={HKI},{INCITA}")
    assert count == 1 and sizes[0].width < sizes[0].height
    assert "Dine muligheder" in text
    for offer in (HKI, INCITA):
        assert start(offers[offer].participant_info) in text
    assert text.count("Kontakt") == 2 and "Din sagsbehandler" in text
    assert f"Indholdet er senest ændret {day}" in text
    assert [s for s in SCREEN_ONLY if s in text] == []


@pytest.mark.browser
def test_the_comparison_prints_for_the_caseworker_on_landscape_pages(page, site_url, offers):
    day, count, text, sizes = print_list(page, f"{site_url}min-liste/sammenlign/?tilbud={HKI},{INCITA}")
    assert count <= 2 and all(size.width > size.height for size in sizes)
    for offer in (HKI, INCITA):
        assert start(offers[offer].purpose) in text and start(offers[offer].participant_info) in text
    assert "Målgrupper" in text and "Kilder" in text
    assert f"Listen som link: {site_url}min-liste/?tilbud={HKI},{INCITA}" in text
    assert f"Indholdet er senest ændret {day}" in text
    assert [s for s in SCREEN_ONLY if s in text] == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "find-tilbud/", "pakketyper/mentorpakke/", "cases/", "maalgrupper/autisme/"])
def test_every_page_kind_prints_without_navigation_or_controls(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    _, text, _ = printed(page)
    assert [s for s in SCREEN_ONLY if s in text] == []
    assert "Indholdet er senest ændret" in text and site_url + path in text
    assert "Fritekst" not in text and "Nulstil" not in text, "no filter form on paper"


def test_print_stylesheet_is_loaded_on_every_page(real_site: Path):
    pages = sorted(real_site.rglob("*.html"))
    assert [p for p in pages if "assets/print.css" not in p.read_text(encoding="utf-8")] == []

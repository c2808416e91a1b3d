"""Min liste in Chromium, served and from file://: add offers and cases from their pages, the finder and the
search page, see the header's count, open the list, compare, share the list as a link into a fresh browser, remove an
entry; the list survives new pages and visits, and falls back visibly when storage is refused."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, finder_count, wait_for_finder_count

from generator.pipeline import validate

HKI, INCITA, CASE = "hki-mentorpakke", "incita-mentorpakke", "holstebro-morten"


def address(base: str, path: str, offline: bool) -> str:
    """Return the address of path ('tilbud/x/', 'min-liste/sammenlign/') in the served or the offline build."""
    if not offline or not path.endswith("/"):
        return base + path
    stem = path.rstrip("/")
    return base + (f"{stem}/index.html" if stem == "min-liste" else f"{stem}.html")


@pytest.fixture(params=["served", "file"])
def site(request, real_site_offline):
    """(base address, offline?) of the served build or of the offline build opened from disk."""
    if request.param == "served":
        return request.getfixturevalue("site_url"), False
    return real_site_offline.as_uri() + "/", True


@pytest.fixture(scope="module")
def titles():
    catalog = validate(ROOT)
    by_id = {o.id: o for o in catalog.offers}
    return {"hki": "Mentorpakke – HKI", "incita": "Mentorpakke – Incita", "incita_groups": len(by_id[INCITA].target_groups)}


def count(page) -> str:
    return page.inner_text(".tk-liste-count") if page.is_visible(".tk-liste-count") else ""


def entries(page) -> list[str]:
    page.locator("#tk-liste[data-ready]").wait_for()
    return page.eval_on_selector_all(".tk-liste__entry > a", "links => links.map(a => a.textContent)")


@pytest.mark.browser
def test_add_compare_share_and_remove(browser, page, site, titles):
    base, offline = site
    go = lambda path: page.goto(address(base, path, offline))
    go(f"tilbud/{HKI}/")
    page.get_by_role("button", name=f"Tilføj {titles['hki']} til min liste").click()
    assert count(page) == "(1)"
    assert page.get_by_role("button", name=f"Fjern {titles['hki']} fra min liste").is_visible()

    go("find-tilbud/")  # the second offer from the finder's results
    everything = finder_count(page)
    page.fill("#finder-q", "Incita mentor")
    wait_for_finder_count(page, "!==", everything)
    page.get_by_role("button", name=f"Tilføj {titles['incita']} til min liste").click()
    page.goto(address(base, "soeg/", offline) + "?q=holstebro")  # the case from the search page's results
    page.get_by_role("button", name="Tilføj Holstebro Kommune – Morten til min liste").click()
    assert count(page) == "(3)", "the count shows on every page"
    go(f"cases/{CASE}/")
    page.get_by_role("button", name="Fjern Holstebro Kommune – Morten fra min liste").wait_for()  # the page knows

    page.click("header .tk-liste-link")
    assert entries(page) == [titles["hki"], titles["incita"], "Holstebro Kommune – Morten"]
    assert "→" in page.inner_text(".tk-liste__entry >> nth=2"), "a case shows its one line"
    shared = page.input_value("#tk-del-link")
    assert shared.endswith(f"?tilbud={HKI},{INCITA}&cases={CASE}")

    page.click("text=Sammenlign tilbuddene")
    table = page.locator("table.tk-compare")
    table.wait_for()
    assert table.locator("thead th").all_inner_texts() == [titles["hki"], titles["incita"]]
    groups = table.locator("tr", has=page.locator("th", has_text="Målgrupper")).locator("td").nth(1)
    assert groups.locator("li").count() == titles["incita_groups"], "every target group, none cut off"
    fields = ["Udbyder", "Pakketype", "Formål", "Indhold", "Metoder", "Målgrupper", "Varighed", "Omfang", "Form", "Sted",
              "Det får deltageren at vide", "Kontakt", "Uklart eller uenigt i kilderne", "Kilder"]
    assert table.locator("tbody th").all_inner_texts() == fields

    fresh = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    try:
        other = fresh.new_page()
        other.goto(shared)
        assert entries(other) == [titles["hki"], titles["incita"], "Holstebro Kommune – Morten"]
        assert count(other) == "(3)", "a fresh browser takes the shared list as its own"
    finally:
        fresh.close()

    go("min-liste/")
    page.get_by_role("button", name=f"Fjern {titles['incita']}").click()
    page.wait_for_function("() => document.querySelectorAll('.tk-liste__entry').length === 2")
    assert entries(page) == [titles["hki"], "Holstebro Kommune – Morten"]
    assert count(page) == "(2)"
    again = page.context.new_page()  # a later visit in the same browser
    again.goto(address(base, f"tilbud/{INCITA}/", offline))
    assert count(again) == "(2)"
    assert again.get_by_role("button", name=f"Tilføj {titles['incita']} til min liste").is_visible()


REFUSE_STORAGE = """Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('The user denied storage', 'SecurityError'); } });"""


@pytest.mark.browser
def test_refused_storage_keeps_the_list_in_the_tab_and_says_so(browser, real_site_offline):
    context = browser.new_context(locale="da-DK")
    context.add_init_script(REFUSE_STORAGE)
    try:
        page = context.new_page()
        base = real_site_offline.as_uri() + "/"
        page.goto(base + f"tilbud/{HKI}.html")
        assert "huskes kun i denne fane" in page.inner_text(".tk-liste-notice")
        page.click(".tk-liste-slot button")
        page.goto(base + f"tilbud/{INCITA}.html")
        page.click(".tk-liste-slot button")
        page.goto(base + "min-liste/index.html")
        assert count(page) == "(2)" and len(entries(page)) == 2
        assert page.is_visible(".tk-liste-notice")
    finally:
        context.close()


@pytest.mark.browser
def test_the_comparison_is_stacked_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK", is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}min-liste/sammenlign/?tilbud={HKI},{INCITA}")
        page.locator("table.tk-compare").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing scrolls sideways"
        assert page.evaluate("getComputedStyle(document.querySelector('.tk-compare td')).display") == "block"
        page.goto(f"{site_url}pakketyper/mentorpakke/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.browser
def test_list_buttons_work_with_the_keyboard(page, site_url, titles):
    page.goto(f"{site_url}tilbud/{HKI}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('tk-liste-button')"):
            break
    else:
        pytest.fail("Tab never reached the 'Tilføj til min liste' button")
    page.keyboard.press("Enter")
    assert count(page) == "(1)"
    assert f"{titles['hki']} er tilføjet til din liste" in page.inner_text("#tk-liste-status")
    page.goto(f"{site_url}min-liste/")
    entries(page)
    page.focus(".tk-liste__remove")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('.tk-liste__entry')")
    assert count(page) == ""
    assert page.evaluate("document.activeElement.classList.contains('tk-liste__status')"), "focus is not lost"


@pytest.mark.browser
def test_a_shared_list_does_not_replace_your_own_without_asking(page, site_url, titles):
    page.goto(f"{site_url}min-liste/?tilbud={HKI}")
    assert entries(page) == [titles["hki"]]
    page.goto(f"{site_url}min-liste/?tilbud={INCITA}")
    assert entries(page) == [titles["incita"]]
    assert "Din egen liste er ikke ændret" in page.inner_text(".tk-liste__shared")
    assert count(page) == "(1)"
    page.click("text=Læg tilbuddene til min liste")
    page.wait_for_url(re.compile(r"min-liste/$"))
    assert entries(page) == [titles["hki"], titles["incita"]]

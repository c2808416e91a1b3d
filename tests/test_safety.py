"""Personal data and invisible characters: CPR numbers, phone numbers and e-mail addresses are found however
they are written, while line ranges, years, dates, times and amounts are not taken for them."""

import pytest

from generator.parse import parse_yaml
from generator.safety import CONTACT, CPR, content_problems, normalise, refused_character, text_problem

CPR_NUMBERS = [
    "010190-1234", "0101901234", "010190 1234", "010190–1234", "010190 — 1234", "01.01.90-1234", "010190/1234",
    "01 01 90 12 34", "0101 90-1234", "0 1 0 1 9 0 1 2 3 4", "010190\u200b1234", "0101\u200b90-1234", "010190\u00ad1234",
    "010190\u00a01234", "010190\u20601234", "010190-\n    1234", "maria-0101901234", "https://x.example/?cpr=010190-1234",
    "０１０１９０－１２３４", "CPR: 010190 - 1234",
]
CONTACTS = [
    "33 12 34 56", "33-12-34-56", "33.12.34.56", "3312 3456", "33123456", "+45 33 12 34 56", "ring 33\u200b12\u200b34\u200b56",
    "info@firma.dk", "info(at)firma.dk", "info (at) firma.dk", "info [at] firma [dot] dk", "info＠firma.dk", "ｉｎｆｏ＠ｆｉｒｍａ．ｄｋ",
]
ORDINARY = [
    "12-99", "120-180, 200-230", "2014-2016", "1990–2000", "1.000.000 kr.", "12.500.000 kr.", "8–13 uger", "15 timer om ugen",
    "31.12.2020", "01.08.2019-31.07.2020", "kl. 20.00-22.00", "kl. 10.00-14.00", "år 2014", "2–5 dage", "18-30 år", "@firma",
    "det er godt (at) vide", "uge 1 2 3 4 5 6 7 8 9 10", "001_48fdbe10ea92db06.txt", "10 deltagere á 12 uger",
]


@pytest.mark.parametrize("text", CPR_NUMBERS)
def test_cpr_numbers_are_found_however_written(text):
    assert text_problem(normalise(text)) == CPR


@pytest.mark.parametrize("text", CONTACTS)
def test_phone_numbers_and_addresses_are_found_outside_contacts(text):
    assert text_problem(normalise(text)) == CONTACT
    assert text_problem(normalise(text), may_contact=True) is None


@pytest.mark.parametrize("text", ORDINARY)
def test_ranges_years_dates_times_and_amounts_are_not_flagged(text):
    assert text_problem(normalise(text)) is None


def test_numbers_are_checked_and_line_ranges_are_not_phone_numbers():
    text = 'cases:\n  - sources: [{lines: "3312-3456"}]\n    contact: {phone: "33 12 34 56"}\n    person: {age: 1501901234}\n'
    file = parse_yaml(text, "cases/x.yaml")
    assert [str(d) for d in content_problems(file)] == [f"cases/x.yaml:4: error: cases[0].person.age: {CPR}"]


@pytest.mark.parametrize("text, found", [
    ("Almindelig tekst med æøå, – og “citat”.", None),
    ("Linje\nnæste linje\tog tabulator", None),
    ("Hård\u00a0mellemrum", None),
    ("a\u200bb", (1, "\u200b")), ("blød\u00adbindestreg", (4, "\u00ad")), ("\u202eevil", (0, "\u202e")),
    ("bel\x07", (3, "\x07")), ("nul\x00", (3, "\x00")), ("del\x7f", (3, "\x7f")), ("c1\x85", (2, "\x85")),
    ("ikke\uffff", (4, "\uffff")), ("privat\ue000", (6, "\ue000")), ("linje\u2028skift", (5, "\u2028")), ("\ufeffbom", (0, "\ufeff")),
])
def test_refused_characters(text, found):
    assert refused_character(text) == found

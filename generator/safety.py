"""Content rules no schema can state: no CPR numbers anywhere, phone numbers and e-mail only in contacts.

Input: a LoadedFile. Output: (line, where, message) for every string that breaks a rule. Pure.
"""

from __future__ import annotations

import datetime
import re

from .load import LoadedFile, format_loc

CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
DIGITS = re.compile(r"\d\d")
PHONE = re.compile(r"(?<![\d-])(?:\+45\s?)?\d{2}(?:\s?\d{2}){3}(?![\d-])")


def content_problems(file: LoadedFile) -> list[tuple[int, str, str]]:
    """Return (line, where, message) for each CPR number, and each phone or e-mail outside a contact."""
    problems = []
    for loc, text in strings(file.data, ()):
        # Most text has neither two digits in a row nor an '@': skip the slower patterns for it.
        digits = DIGITS.search(text) is not None
        if digits and any(looks_like_cpr(m) for m in CPR.finditer(text)):
            problems.append((file.line(loc), format_loc(loc), "looks like a CPR number: remove it, CPR numbers are never published"))
        elif "contact" not in loc and (("@" in text and EMAIL.search(text)) or (digits and PHONE.search(text))):
            problems.append((file.line(loc), format_loc(loc), "phone numbers and e-mail addresses belong only in an organisation's 'contact' fields"))
    return problems


def looks_like_cpr(match: re.Match) -> bool:
    day, month, year = (int(g) for g in match.groups()[:3])
    try:
        datetime.date(2000 + year, month, day)
    except ValueError:
        return False
    return True


def strings(data, loc: tuple):
    """Yield (path, text) for every string in data."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i))

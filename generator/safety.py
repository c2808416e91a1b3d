"""Content rules no schema can state: no CPR numbers anywhere, phone numbers and e-mail only in contacts,
and no invisible or control characters in text.

Input: a LoadedFile (or one text). Output: diagnostics for every value that breaks a rule. Pure.
Numbers are looked for in normalised text (Unicode NFKC, invisible characters removed, dashes and
spaces unified), so '01 01 90‐1234', '010190\u00ad1234' and '33.12.34.56' are found as plainly written ones.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from .diagnostics import Diagnostic
from .load import LoadedFile, format_loc

# Refused in text: controls (but tab and line break), invisible formatting characters (soft hyphen,
# zero-width spaces, direction marks, byte-order mark), surrogates, private-use and unassigned code
# points (the non-characters U+FFFE, U+FFFF … among them), and the line and paragraph separators.
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
SPACES = re.compile(r"\s+")
AT = re.compile(r" ?[(\[{] ?at ?[)\]}] ?", re.I)
DOT = re.compile(r" ?[(\[{] ?(?:dot|punktum) ?[)\]}] ?", re.I)
HINTS = re.compile(r"\d|[@\uff20\ufe6b]|[(\[{]\s*at\s*[)\]}]", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digit groups joined by separators: '010190-1234', '01 01 90 12 34', '33.12.34.56', '2014 - 2016'.
NUMBER = re.compile(r"\d+(?:(?: ?[-./] ?| )\d+)*")
GROUP = re.compile(r"\d+")
SEPARATOR = re.compile(r"\D+")
MAX_GROUPS = 10  # '0 1 0 1 9 0 1 2 3 4' is still a CPR number
PHONE_GROUPS = {(8,), (4, 4), (2, 2, 2, 2)}
CPR = "looks like a CPR number: remove it, CPR numbers are never published"
CONTACT = "phone numbers and e-mail addresses belong only in an organisation's 'contact' fields"


def refused_character(text: str) -> tuple[int, str] | None:
    """Return (position, character) of the first character text may not hold, or None."""
    if text.isprintable():  # fast: most text has none of Other or Separator but the plain space
        return None
    for i, c in enumerate(text):
        if c not in "\t\n" and unicodedata.category(c) in REFUSED_CATEGORIES:
            return i, c
    return None


KINDS = {"Cc": "a control character", "Cs": "a surrogate", "Co": "a private-use character", "Cn": "not a character"}


def describe(character: str) -> str:
    """Return e.g. 'U+200B ZERO WIDTH SPACE' or 'U+001B (a control character)'."""
    name = unicodedata.name(character, None) or f"({KINDS.get(unicodedata.category(character), 'no name')})"
    return f"U+{ord(character):04X} {name}"


def normalise(text: str) -> str:
    """Return text as the number and address rules read it: NFKC, no invisible characters, '-' and ' ' only."""
    if not text.isprintable():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text)
    text = SPACES.sub(" ", DASHES.sub("-", text))
    return DOT.sub(".", AT.sub("@", text))


def content_problems(file: LoadedFile) -> list[Diagnostic]:
    """Return a diagnostic for each CPR number, and each phone or e-mail outside a contact, in file."""
    problems = []
    for loc, text in values(file.data, ()):
        if not HINTS.search(text):
            continue
        message = text_problem(normalise(text), may_contact="contact" in loc, is_lines=loc[-1] == "lines")
        if message:
            problems.append(Diagnostic(file.path, file.line(loc), format_loc(loc), message))
    return problems


def text_problem(text: str, may_contact: bool = False, is_lines: bool = False) -> str | None:
    """Return what is wrong with normalised text, or None."""
    numbers = [(GROUP.findall(m[0]), SEPARATOR.findall(m[0])) for m in NUMBER.finditer(text)]
    if any(has_cpr(groups) for groups, _ in numbers):
        return CPR
    if may_contact:
        return None
    if "@" in text and EMAIL.search(text):
        return CONTACT
    if not is_lines and any(has_phone(groups, separators) for groups, separators in numbers):
        return CONTACT
    return None


def windows(groups: list[str]):
    """Yield (start, end) for every run of consecutive groups."""
    for start in range(len(groups)):
        for end in range(start + 1, min(len(groups), start + MAX_GROUPS) + 1):
            yield start, end


def has_cpr(groups: list[str]) -> bool:
    """True if some consecutive groups spell six digits of a real date followed by four digits."""
    for start, end in windows(groups):
        digits = "".join(groups[start:end])
        if len(digits) != 10:
            continue
        lengths = [len(g) for g in groups[start:end]]
        if 6 in (sum(lengths[:k]) for k in range(1, len(lengths))) or len(lengths) == 1:
            if is_date(digits[:6]):
                return True
    return False


def is_date(ddmmyy: str) -> bool:
    try:
        datetime.date(2000 + int(ddmmyy[4:]), int(ddmmyy[2:4]), int(ddmmyy[:2]))
    except ValueError:
        return False
    return True


def has_phone(groups: list[str], separators: list[str]) -> bool:
    """True if some consecutive groups are a Danish eight-digit number, grouped and separated as people write one."""
    for start, end in windows(groups):
        window = groups[start:end]
        if tuple(len(g) for g in window) not in PHONE_GROUPS or window[0][0] in "01":
            continue
        if len(set(separators[start : end - 1])) > 1:  # '20.00-22.00' is a time, not a number
            continue
        if len(window) == 2 and all(1900 <= int(g) <= 2099 for g in window):  # '2014-2016' are years
            continue
        return True
    return False


def values(data, loc: tuple):
    """Yield (path, text) for every string and number in data."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, int) and not isinstance(data, bool):
        yield loc, str(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from values(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from values(value, (*loc, i))

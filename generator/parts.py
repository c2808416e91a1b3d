"""Split a long list of a page into parts, each a page of its own, so that no page grows with the catalogue.

Input: a list's groups (heading, items) in order and the most items a page may show. Output: a Listing whose
first part stays on the list's own page and whose other parts are pages in a folder beside it. A list no
longer than the limit is one part, shown as before. Pure: no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import slugify

DANISH = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ü": "u"})


def sort_key(text: str) -> str:
    """Sort Danish text as a Dane expects: æ, ø, å after z."""
    return text.lower().translate(DANISH)


def slug(text: str) -> str:
    """Return text as a part's file name: an id made of it ('0–9' → '0-9'), 'x' if nothing is left."""
    return slugify(text) or "x"


def letter(text: str) -> str:
    """Return the letter a name is filed under in an A–Å list: its first letter, or '0–9'."""
    first = text[:1].upper()
    return first if first.isalpha() else "0–9"


@dataclass(frozen=True)
class Group:
    """A heading of a list and the items under it on one part ('' when the list has no headings)."""

    label: str
    items: tuple
    key: str = ""  # the heading's anchor, where other pages link to it


@dataclass(frozen=True)
class Part:
    """One page's share of a list: its groups, named in the list's table of contents by label."""

    slug: str  # '' for the part on the list's own page
    label: str
    groups: tuple[Group, ...]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class Listing:
    """A list of a page, whole or in parts; page is the Markdown path of the page that holds the first part."""

    page: str
    title: str  # the page's title, e.g. 'Autisme'
    noun: str  # what the list holds, e.g. 'tilbud'
    kind: str  # how its items are shown: templates/_items_{kind}.md.j2
    parts: tuple[Part, ...]
    prefix: str = ""  # the start of the parts' file names, for a page with more than one split list
    columns: tuple = ()  # what a table's columns are, for a list shown as a table

    @property
    def total(self) -> int:
        return sum(p.count for p in self.parts)

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    def path(self, part: Part) -> str:
        """Return the Markdown path of part: the page itself for the first, else a page in the folder named like it."""
        return self.page if not part.slug else f"{self.page.removesuffix('.md')}/{self.prefix}{part.slug}.md"

    def heading(self, part: Part) -> str:
        """Return the heading of a part's own page, e.g. 'Autisme: cases (201–400)' or 'Alle tilbud (Jobpakke)'."""
        name = self.title if self.noun.lower() in self.title.lower() else f"{self.title}: {self.noun}"
        return f"{name} ({part.label})"

    def where(self, key: str) -> str:
        """Return the Markdown path of the part that holds the group key (the list's page if none does)."""
        return next((self.path(p) for p in self.parts if any(g.key == key for g in p.groups)), self.page)

    @property
    def groups(self) -> tuple[Group, ...]:
        """Return every group of the whole list (a group split over parts appears once per part)."""
        return tuple(g for p in self.parts for g in p.groups)


def split(page: str, name: tuple[str, str, str], groups, limit: int, prefix: str = "", columns: tuple = ()) -> Listing:
    """Return groups [(label, items[, key])] as a Listing named (page title, noun, kind): whole when they hold at most
    limit items, else one part per group, a group over limit in numbered parts of at most limit items each;
    empty groups are left out."""
    groups = [Group(*group) for group in groups if group[1]]
    groups = [Group(g.label, tuple(g.items), g.key) for g in groups]
    if sum(len(g.items) for g in groups) <= limit:
        return Listing(page, *name, (Part("", "", tuple(groups)),), prefix, columns)
    parts = [part for g in groups for part in chunks(g, limit)]
    first = parts[0]
    return Listing(page, *name, (Part("", first.label, first.groups), *parts[1:]), prefix, columns)


def chunks(group: Group, limit: int) -> list[Part]:
    """Return group as parts of at most limit items, evenly sized; numbered '1–500', … when it needs more than one."""
    n = math.ceil(len(group.items) / limit)
    size = math.ceil(len(group.items) / n)
    if n == 1:
        return [Part(slug(group.label or "1"), group.label, (group,))]
    parts = []
    for i in range(n):
        items = group.items[i * size:(i + 1) * size]
        span = f"{i * size + 1}–{i * size + len(items)}"
        label = f"{group.label} {span}" if group.label else span
        parts.append(Part(slug(label), label, (Group(group.label, items, group.key),)))
    return parts


def by_letter(items, name_of, limit: int | None = None) -> list[tuple[str, list]]:
    """Group items (in their order) by the letter their name is filed under; all in one group without a heading
    when there are at most limit."""
    items = list(items)
    if limit is not None and len(items) <= limit:
        return [("", items)]
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(letter(name_of(item)), []).append(item)
    return list(groups.items())

"""Stage 4: render the catalogue and its indexes into Markdown pages.

Input: a Catalog and its Indexes. Output: {relative path: text} for every page and generated asset.
Pure: never touches disk. Every value from YAML is escaped, so it cannot become live HTML or Markdown.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from . import model
from .dates import danish_date, period_text
from .export import OFFER_COLUMNS
from .finder import finder_files
from .hsds import NAMESPACE, table_counts
from .index import Indexes, lower_first, sort_key
from .liste import bucket_count, liste_files
from .model import SECTIONS, Catalog
from .search import search_files
from .urls import Links

TEMPLATES = Path(__file__).parent / "templates"

# Every character that Markdown, its extensions or HTML give a meaning, as a numeric entity.
MARKDOWN_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]<>&|!~^=#$\"'"})
SPACES = re.compile(r"\s+")
LIST_MARKER = re.compile(r"^( ?\d+)([.)])|^( ?)([-+])")
PART = 200  # entity pages rendered as one part: small enough for processes to share the work evenly
NAMED_PAGES = ("index", "find-tilbud", "soeg", "oversigt/index", "oversigt/matrix", "oversigt/a-z", "om/index", "om/tilgaengelighed",
               "om/publicering", "data/index", "min-liste/index", "min-liste/sammenlign", "min-liste/borger")
Part = Callable[[], Iterable[tuple[str, str]]]


def escape_markdown(value) -> str:
    """Return text that Markdown shows literally: one line, no markup, no HTML."""
    if isinstance(value, Markup):
        return value
    return escape_text(str(value))


@functools.lru_cache(maxsize=65536)
def escape_text(text: str) -> str:
    # Cached: names and synonyms recur on thousands of pages of a large catalogue.
    text = SPACES.sub(" ", text).translate(MARKDOWN_SPECIAL)
    return LIST_MARKER.sub(lambda m: f"{m[1] or m[3]}&#{ord(m[2] or m[4])};", text, count=1)


def front_matter_title(text: str) -> Markup:
    """Return text as one double-quoted YAML scalar for a page's front matter, HTML-escaped like a heading.

    MkDocs takes a page's title from its first element only when that is the heading; our pages open
    with breadcrumbs, so the title is given here. Material prints page.title unescaped in the header.
    PyYAML writes it, escaping what YAML may not hold, so that every character reaches MkDocs' reader
    intact: text it could not read would make MkDocs render the front matter as Markdown. Validation
    lets no control character through; one that came anyway would become a space here.
    """
    if not text.isprintable():
        text = "".join(c if c.isprintable() else " " for c in text)
    scalar = yaml.safe_dump(html.escape(SPACES.sub(" ", text).strip()), default_style='"', allow_unicode=True, width=float("inf"))
    return Markup(scalar.rstrip("\n"))


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=escape_markdown,
        autoescape=False,
    )
    env.filters["front_title"] = front_matter_title
    env.filters["by_name"] = lambda items: sorted(items, key=lambda e: (sort_key(getattr(e, "name", "") or getattr(e, "title", "")), getattr(e, "id", "")))
    env.filters["lines"] = lambda text: text.replace("-", "–")
    env.filters["danish_date"] = danish_date
    env.filters["period"] = period_text
    env.filters["lower_first"] = lower_first
    env.filters["tal"] = lambda n: f"{n:,}".replace(",", ".")  # Danish thousands: 10.000 tilbud
    env.globals.update(
        RELATED_SHOWN=3,  # related cases listed before the rest are folded away under 'Vis N flere'
        SECTIONS=SECTIONS,
        PROVIDER_KIND_LABELS=model.labels(model.ProviderKind),  # the names templates use; member.label is the same
        CATEGORY_LABELS=model.labels(model.TargetGroupCategory),
        METHOD_KIND_LABELS=model.labels(model.MethodKind),
        SETTING_LABELS=model.labels(model.Setting),
        OUTCOME_LABELS=model.labels(model.Outcome),
        Outcome=model.Outcome,
        TargetGroupCategory=model.TargetGroupCategory,
        MethodKind=model.MethodKind,
        PackageTypeKind=model.PackageTypeKind,
        OFFER_COLUMNS=OFFER_COLUMNS,
        NAMESPACE=NAMESPACE,
        hsds_counts=table_counts,
    )
    return env


def render(catalog: Catalog, ix: Indexes, offline: bool = False) -> dict[str, str]:
    """Return every page of the site as {path: Markdown}, plus the data scripts of the finder, search and Min liste.

    offline: the file-share build, whose pages are page.html files; lists written as HTML link to them.
    """
    return dict(pages(catalog, ix, offline))


def pages(catalog: Catalog, ix: Indexes, offline: bool = False) -> Iterator[tuple[str, str]]:
    """Yield what render returns as (path, text), one page at a time, so a large site is never held whole."""
    return chained(parts(catalog, ix, offline))


def chained(found: Iterable[Part]) -> Iterator[tuple[str, str]]:
    """Yield the pages of every part, rendering one part at a time."""
    return itertools.chain.from_iterable(part() for part in found)


def parts(catalog: Catalog, ix: Indexes, offline: bool = False) -> list[Part]:
    """Return what pages yields as parts that render apart, in any order or process: each a function that
    returns its (path, text) pairs. The search index, the largest, comes first; entity pages come PART at a time."""
    common = shared_values(catalog, ix)

    def entities(collection: str, chunk: list) -> Part:
        return lambda: (entity_page(catalog, ix, collection, entity, offline, common) for entity in chunk)

    def one(path: str, template: str, **values) -> Part:
        return lambda: [page(path, template, common, offline, **values)]

    found = [lambda: search_files(catalog, ix).items(), lambda: liste_files(catalog, ix).items(),
             lambda: finder_files(catalog, ix).items()]
    for collection, section in SECTIONS.items():
        listed = getattr(catalog, collection)
        found += [entities(collection, listed[start : start + PART]) for start in range(0, len(listed), PART)]
        found.append(one(f"{section}/index.md", f"{collection[:-1]}_index.md.j2"))
    found += [one(f"{name}.md", f"{name.replace('/', '_')}.md.j2") for name in NAMED_PAGES]
    found += [one(listing.path(part), "part.md.j2", listing=listing, part=part) for listing in ix.listings.values() for part in listing.parts[1:]]
    return found


def entity_page(catalog: Catalog, ix: Indexes, collection: str, entity, offline: bool = False, common: dict | None = None) -> tuple[str, str]:
    """Return one entity's page as (path, Markdown)."""
    common = common or shared_values(catalog, ix)
    kind = collection[:-1]
    return page(f"{SECTIONS[collection]}/{entity.id}.md", f"{kind}.md.j2", common, offline, **{kind: entity})


def shared_values(catalog: Catalog, ix: Indexes) -> dict:
    """Return what every template sees: the catalogue, its indexes and Min liste's number of buckets."""
    return {"catalog": catalog, "ix": ix, "liste_buckets": bucket_count(catalog)}


def page(path: str, template: str, common: dict, offline: bool, **values) -> tuple[str, str]:
    """Render template as the page at path: every template knows its page, the way to the root and its links."""
    values.update(page=path, root="../" * path.count("/"), link=Links(path, offline))
    return path, environment().get_template(template).render(common, **values)

"""Stage 2: check loaded data against the model, resolve cross-references and check consistency.

Input: LoadedFile objects, and the line count of each source text when the seeds are at hand.
Output: a Catalog, or ContentError with every problem found, sorted. Every item is checked on every
count in one run: its schema, its id, its references (read from the raw data, so a missing field hides
no misspelt id), the line ranges it cites and whether its references agree with each other.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from pydantic import ValidationError

from . import model
from .diagnostics import ContentError, Diagnostic, did_you_mean
from .load import LoadedFile, format_loc
from .safety import content_problems


@dataclass(frozen=True)
class Item:
    """One item of a list as written, and where."""

    file: LoadedFile
    collection: str
    index: int
    data: object

    def problem(self, parts: tuple, message: str) -> Diagnostic:
        loc = (self.collection, self.index, *parts)
        return Diagnostic(self.file.path, self.file.line(loc), format_loc(loc), message)

    @property
    def id(self) -> str | None:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None


def validate(files: list[LoadedFile], seed_lines: dict[str, int] | None = None, references: bool = True) -> model.Catalog:
    """Return the catalogue built from files, or raise ContentError listing every problem.

    seed_lines maps a source text's file name to its number of lines; None when the seeds are not at hand.
    Without references, ids that name nothing are not reported (some files could not be read).
    """
    problems: list[Diagnostic] = []
    items: list[Item] = []
    for file in files:
        problems += [*file.problems, *content_problems(file), *list_problems(file, items)]
    declared = declared_ids(items)
    problems += check_ids(declared)
    found: dict[str, list[model.Entity]] = {name: [] for name in model.COLLECTIONS}
    for item in items:
        entity, schema_problems = check_schema(item)
        problems += schema_problems + (check_references(item, declared) if references else [])
        if entity is not None:
            found[item.collection].append(entity)
    problems += check_sources(items, seed_lines) + check_cases(items)
    if problems:
        raise ContentError(problems)
    return model.Catalog(**{name: tuple(sorted(entities, key=lambda e: e.id)) for name, entities in found.items()})


def list_problems(file: LoadedFile, items: list[Item]) -> list[Diagnostic]:
    """Check the file's top-level lists; add their items to items."""
    problems = []
    for key, values in file.data.items():
        if key not in model.COLLECTIONS:
            hint = did_you_mean(key, model.COLLECTIONS)
            problems.append(Diagnostic(file.path, file.line((key,)), "", f"unknown list '{key}'{hint}; allowed: {', '.join(model.COLLECTIONS)}"))
        elif not isinstance(values, list):
            problems.append(Diagnostic(file.path, file.line((key,)), key, "must be a list of items, each starting with '- '"))
        else:
            items += [Item(file, key, index, value) for index, value in enumerate(values)]
    return problems


def check_schema(item: Item) -> tuple[model.Entity | None, list[Diagnostic]]:
    cls = model.COLLECTIONS[item.collection]
    try:
        return cls.model_validate(item.data), []
    except ValidationError as error:
        errors = error.errors()
        # pydantic also reports a list as too short when its only item was invalid: say only the cause.
        errors = [e for e in errors if e["type"] != "too_short" or not any(o["loc"][: len(e["loc"])] == e["loc"] and o is not e for o in errors)]
        return None, [schema_problem(item, e, cls) for e in errors]


def schema_problem(item: Item, error: dict, cls) -> Diagnostic:
    parts = tuple(p for p in error["loc"] if isinstance(p, int) or not p[:1].isupper() and not p.startswith("function"))
    loc = (item.collection, item.index, *parts)
    return item.problem(parts, schema_message(error, loc, cls))


def schema_message(error: dict, loc: tuple, cls) -> str:
    kind, value, name = error["type"], error.get("input"), loc[-1]
    if kind == "extra_forbidden":
        allowed = allowed_fields(loc[:-1], cls)
        return f"unknown field '{name}'{did_you_mean(name, allowed)}; allowed: {', '.join(sorted(allowed))}"
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == model.ID_PATTERN:
        return f"{quote(value)} is not a valid id: use lower-case a–z, digits and hyphens (æ→ae, ø→oe, å→aa), e.g. '{model.slugify(str(value))}'"
    if kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == model.LINES_PATTERN:
        return f"{quote(value)} is not a line range: write e.g. '120-180' or '12, 40-44'"
    if kind == "string_pattern_mismatch":
        return f"{quote(value)} {LINK_RULES.get(error['ctx']['pattern'], 'has the wrong form')}"
    if kind == "enum":
        choices = [c.strip("'") for c in error["ctx"]["expected"].replace(" or ", ", ").split(", ")]
        return f"{quote(value)} is not allowed{did_you_mean(value, choices)}; allowed: {', '.join(choices)}"
    if kind.startswith("date") or kind == "value_error" and str(error["ctx"].get("error")) == "not a date":
        return f"{quote(value)} is not a date: write it as YYYY-MM-DD, e.g. '2025-03-01'"
    if kind == "string_too_long":
        return f"{quote(value)} is longer than {model.ID_MAX} characters: ids become file names and web addresses; shorten it"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "text_character":
        return error["msg"]
    if kind == "string_type" and isinstance(value, (bool, int, float, datetime.date)):
        return f"expected text, got {quote(value)}: put it in quotes to make it text"
    if kind == "too_short":
        return "must list at least one item"
    if kind in ("string_type", "int_type", "int_parsing", "list_type", "tuple_type", "model_type", "model_attributes_type", "dict_type"):
        return f"expected {EXPECTED.get(kind, kind)}, got {quote(value)}"
    return f"{error['msg']}: {quote(value)}"


LINK_RULES = {
    model.WEBSITE_PATTERN: "is not a web address: write it in full, starting with http:// or https://, "
                           "without spaces, quotes or brackets, e.g. 'https://www.example.dk'",
    model.EMAIL_PATTERN: "is not an e-mail address: write one address, e.g. 'info@example.dk'",
    model.PHONE_PATTERN: "is not a phone number: use digits and spaces only, e.g. '33 12 34 56' or '+45 33 12 34 56'",
}

EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "list_type": "a list",
    "tuple_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
}


def allowed_fields(loc: tuple, cls) -> list[str]:
    """Return the field names of the model at loc below an entity of class cls."""
    for part in loc[2:]:
        if isinstance(part, str):
            cls = next(iter(model.held_models(cls.model_fields[part].annotation)), cls)
    return list(cls.model_fields)


def quote(value) -> str:
    if isinstance(value, str):
        return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return repr(value)


def declared_ids(items: list[Item]) -> dict[str, dict[str, list[Item]]]:
    """Map each collection's ids, as written (valid or not), to the items that declare them."""
    declared: dict[str, dict[str, list[Item]]] = {name: {} for name in model.COLLECTIONS}
    for item in items:
        if item.id is not None:
            declared[item.collection].setdefault(item.id, []).append(item)
    return declared


def check_ids(declared: dict[str, dict[str, list[Item]]]) -> list[Diagnostic]:
    """Report ids used twice in one collection, and ids that would replace another page of the site."""
    problems = []
    for name, ids in declared.items():
        for id_, items in ids.items():
            first = items[0]
            if id_ in model.RESERVED_IDS:
                page = f"{model.SECTIONS[name]}/{id_}"
                problems.append(first.problem(("id",), f"'{id_}' cannot be an id: '{page}' is the section's list page; choose another id"))
            for other in items[1:]:
                problems.append(other.problem(("id",), f"duplicate id '{id_}' (also at {first.file.path}:{first.file.line((first.collection, first.index, 'id'))})"))
    return problems


def check_references(item: Item, declared: dict[str, dict[str, list[Item]]]) -> list[Diagnostic]:
    """Report the ids that name nothing, wherever the model marks a reference (model.Ref) in the item as written."""
    problems = []
    for parts, collection, ref in model.references(model.COLLECTIONS[item.collection], item.data):
        # A malformed id is the schema's to report; a well-formed one that names nothing is ours.
        if isinstance(ref, str) and re.fullmatch(model.ID_PATTERN, ref) and ref not in declared[collection]:
            hint = did_you_mean(ref, declared[collection])
            problems.append(item.problem(parts, f"unknown {model.NOUNS[collection]} '{ref}'{hint}"))
    return problems


def check_cases(items: list[Item]) -> list[Diagnostic]:
    """Report a case whose offer is delivered by another provider than the case's (as written, valid or not)."""
    providers = {item.id: item.data.get("provider") for item in items if item.collection == "offers" and item.id}
    problems = []
    for item in items:
        if item.collection != "cases" or not isinstance(item.data, dict):
            continue
        offer, provider = item.data.get("offer"), item.data.get("provider")
        delivered_by = providers.get(offer) if isinstance(offer, str) else None
        if isinstance(delivered_by, str) and isinstance(provider, str) and delivered_by != provider:
            problems.append(item.problem(("offer",), f"offer '{offer}' is delivered by '{delivered_by}', "
                                                     f"not by the case's provider '{provider}'"))
    return problems


RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def check_sources(items: list[Item], seed_lines: dict[str, int] | None) -> list[Diagnostic]:
    """Report source texts missing from the seeds, and line ranges that run backwards, start at 0, or end
    after the last line of their source's text (as written, valid or not)."""
    problems, lengths = [], {}
    for item in items:
        file = item.data.get("file") if item.collection == "sources" and isinstance(item.data, dict) else None
        if item.id and isinstance(file, str) and seed_lines is not None:
            lengths[item.id] = seed_lines.get(file.strip())
            if lengths[item.id] is None:
                problems.append(item.problem(("file",), f"'{file}' is not among the source texts (in the seeds folder)"))
    for item in items:
        for i, source, lines in cited_lines(item):
            message = range_problem(lines, lengths.get(source))
            if message:
                problems.append(item.problem(("sources", i, "lines"), message))
    return problems


def cited_lines(item: Item):
    """Yield (index, source id, lines) for each well-formed source reference of item."""
    sources = item.data.get("sources") if isinstance(item.data, dict) else None
    for i, ref in enumerate(sources if isinstance(sources, list) else ()):
        lines = ref.get("lines") if isinstance(ref, dict) else None
        if isinstance(lines, str) and re.fullmatch(model.LINES_PATTERN, lines):
            yield i, ref.get("source"), lines


def range_problem(lines: str, length: int | None) -> str | None:
    for match in RANGE.finditer(lines):
        start, end = int(match[1]), int(match[2] or match[1])
        if start == 0:
            return f"'{match[0]}' starts at line 0: lines count from 1"
        if start > end:
            return f"'{match[0]}' runs backwards: write the lower number first, e.g. '{end}-{start}'"
        if length is not None and end > length:
            return f"'{match[0]}' runs past the end of the source text, which has {length} lines"
    return None

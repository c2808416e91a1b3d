"""Stage 2: check loaded data against the model and resolve cross-references.

Input: LoadedFile objects. Output: a Catalog, or ContentError with every problem found, sorted.
Schema errors first (per item, so one bad item hides nothing else), then ids and references.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from . import model
from .diagnostics import ContentError, Diagnostic, did_you_mean
from .load import LoadedFile, format_loc
from .safety import content_problems


@dataclass(frozen=True)
class Located:
    """A validated entity and where it was written."""

    entity: model.Entity
    file: LoadedFile
    loc: tuple

    def at(self, *parts) -> tuple[str, int, str]:
        loc = (*self.loc, *parts)
        return self.file.path, self.file.line(loc), format_loc(loc)


def validate(files: list[LoadedFile]) -> model.Catalog:
    """Return the catalogue built from files, or raise ContentError listing every problem."""
    problems: list[Diagnostic] = []
    found: dict[str, list[Located]] = {name: [] for name in model.COLLECTIONS}
    for file in files:
        problems += validate_file(file, found)
    problems += check_ids(found)
    ids = {name: {item.entity.id for item in items} for name, items in found.items()}
    for items in found.values():
        for item in items:
            problems += check_references(item, ids)
    if problems:
        raise ContentError(problems)
    return model.Catalog(**{name: tuple(sorted((i.entity for i in items), key=lambda e: e.id)) for name, items in found.items()})


def validate_file(file: LoadedFile, found: dict[str, list[Located]]) -> list[Diagnostic]:
    problems = [Diagnostic(file.path, line, where, msg) for line, where, msg in content_problems(file)]
    for key, items in file.data.items():
        if key not in model.COLLECTIONS:
            hint = did_you_mean(key, model.COLLECTIONS)
            problems.append(Diagnostic(file.path, file.line((key,)), "", f"unknown list '{key}'{hint}; allowed: {', '.join(model.COLLECTIONS)}"))
            continue
        if not isinstance(items, list):
            problems.append(Diagnostic(file.path, file.line((key,)), key, "must be a list of items, each starting with '- '"))
            continue
        for index, item in enumerate(items):
            problems += validate_item(file, key, index, item, found)
    return problems


def validate_item(file: LoadedFile, key: str, index: int, item, found) -> list[Diagnostic]:
    try:
        entity = model.COLLECTIONS[key].model_validate(item)
    except ValidationError as error:
        errors = error.errors()
        # pydantic also reports a list as too short when its only item was invalid: say only the cause.
        errors = [e for e in errors if e["type"] != "too_short" or not any(o["loc"][: len(e["loc"])] == e["loc"] and o is not e for o in errors)]
        return [schema_problem(file, (key, index), e, model.COLLECTIONS[key]) for e in errors]
    found[key].append(Located(entity, file, (key, index)))
    return []


def schema_problem(file: LoadedFile, base: tuple, error: dict, cls) -> Diagnostic:
    loc = (*base, *(p for p in error["loc"] if isinstance(p, int) or not p[:1].isupper() and not p.startswith("function")))
    return Diagnostic(file.path, file.line(loc), format_loc(loc), schema_message(error, loc, file, cls))


def schema_message(error: dict, loc: tuple, file: LoadedFile, cls) -> str:
    kind, value, name = error["type"], error.get("input"), loc[-1]
    if kind == "extra_forbidden":
        allowed = allowed_fields(file, loc[:-1], cls)
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
    if kind == "string_too_short":
        return "must not be empty"
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


def allowed_fields(file: LoadedFile, loc: tuple, cls) -> list[str]:
    """Return the field names of the model at loc below an entity of class cls."""
    for part in loc[2:]:
        if isinstance(part, int):
            continue
        annotation = cls.model_fields[part].annotation
        cls = next((t for t in model.Entity.__subclasses__() if t.__name__ in str(annotation)), cls)
    return list(cls.model_fields)


def quote(value) -> str:
    if isinstance(value, str):
        return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def check_ids(found: dict[str, list[Located]]) -> list[Diagnostic]:
    problems = []
    for name, items in found.items():
        first: dict[str, Located] = {}
        for item in items:
            path, line, where = item.at("id")
            if item.entity.id in first:
                other = first[item.entity.id].at("id")
                problems.append(Diagnostic(path, line, where, f"duplicate id '{item.entity.id}' (also at {other[0]}:{other[1]})"))
            else:
                first[item.entity.id] = item
    return problems


REFERENCES = {
    "provider": "providers",
    "package_type": "package_types",
    "offer": "offers",
    "methods": "methods",
    "target_groups": "target_groups",
}
LABELS = {
    "providers": "provider",
    "package_types": "package type",
    "offers": "offer",
    "methods": "method",
    "target_groups": "target group",
    "sources": "source",
}


def check_references(item: Located, ids: dict[str, set[str]]) -> list[Diagnostic]:
    entity, problems = item.entity, []
    for field_name, collection in REFERENCES.items():
        value = getattr(entity, field_name, None)
        values = value if isinstance(value, tuple) else (value,)
        for i, ref in enumerate(values):
            ref_id = getattr(ref, "id", ref)
            if ref_id is None or ref_id in ids[collection]:
                continue
            parts = (field_name, i) if isinstance(value, tuple) else (field_name,)
            problems.append(unknown(item, parts, collection, ref_id, ids))
    for i, ref in enumerate(getattr(entity, "sources", ())):
        if isinstance(ref, model.SourceRef) and ref.source not in ids["sources"]:
            problems.append(unknown(item, ("sources", i, "source"), "sources", ref.source, ids))
    return problems


def unknown(item: Located, parts: tuple, collection: str, ref_id: str, ids) -> Diagnostic:
    path, line, where = item.at(*parts)
    hint = did_you_mean(ref_id, ids[collection])
    return Diagnostic(path, line, where, f"unknown {LABELS[collection]} '{ref_id}'{hint}")

"""Every field is documented for content editors, and the exported JSON Schema matches the model."""

import json

from generator import model
from generator.pipeline import SCHEMA


def all_models():
    seen, todo = [], [model.CatalogFile]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.append(cls)
        for field in cls.model_fields.values():
            todo += model.held_models(field.annotation)
    return seen


def test_every_field_has_a_description():
    undocumented = [f"{cls.__name__}.{name}" for cls in all_models() for name, f in cls.model_fields.items() if not f.description]
    assert undocumented == []


def test_every_model_has_a_docstring():
    assert [cls.__name__ for cls in all_models() if not (cls.__doc__ or "").strip()] == []


def test_schema_file_is_current():
    exported = json.loads(SCHEMA.read_text(encoding="utf-8"))
    expected = model.CatalogFile.model_json_schema()
    expected["title"] = exported["title"]
    assert exported == expected, "schema/catalog.schema.json is stale: run `python -m generator schema`"


def test_schema_forbids_unknown_fields():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in schema["$defs"].values() if d.get("type") == "object")

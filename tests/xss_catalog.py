"""A hostile copy of the fixture catalogue: every free-text field of every entity holds script payloads.

Free-text fields are found from the model's JSON Schema (a string with no pattern, enum or format), so a
field added to the model later is poisoned too. Ids, references and contact fields keep valid values.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator import model

# Every payload that runs sets window.__xss, logs 'xss-ran' and opens a dialog; the tests watch all three.
JS = "window.__xss=1;console.log('xss-ran');alert(document.domain)"
PAYLOADS = (
    f"<script>{JS}</script>",
    f'<img src=x onerror="{JS}">',
    f'<svg onload="{JS}"><script>{JS}</script></svg>',
    f'<a href="javascript:{JS}">html-link</a>',
    f'<iframe src="javascript:{JS}"></iframe>',
    f'<details open ontoggle="{JS}"><summary>x</summary></details>',
    f'"><script>{JS}</script>',
    f"'><img src=x onerror={JS}>",
    f"[md-link](javascript:{JS})",
    f"[md-link-title](javascript:{JS} \"titel\")",
    f"![md-image](javascript:{JS})",
    f'![md-image-attr](x.png" onerror="{JS})',
    f"<javascript:{JS}>",
    f"[ref-link][x]\n\n[x]: javascript:{JS}",
    f'{{: onclick="{JS}" }}',
    f'Tekst{{: onmouseover="{JS}" tabindex="0" }}',
    f"&lt;script&gt;{JS}&lt;/script&gt;",
    f"[entity-link](&#106;avascript:{JS})",
    f"&#60;img src=x onerror={JS}&#62;",
    f"\\<script\\>{JS}\\</script\\>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={JS}>",
    f'<a href="#" onclick="{JS}">',
    "<style>body{display:none}</style>",
    f"<!-- kommentar <script>{JS}</script>",
    f"Linje\n\n<script>{JS}</script>\n\n    indrykket kode",
    "{{ 7*7 }} {% raw %} | tabel | brud | `kode` **fed** _kursiv_",
    '!!! danger "Advarsel"',
    "https://evil.example/sti www.evil.example ftp://evil.example mailto:evil",
)
BENIGN = tuple(f"Almindelig tekst nummer {chr(ord('a') + i)}" for i in range(len(PAYLOADS)))
STRUCTURAL_LISTS = {"target_groups"}


def text_fields(definition: dict, defs: dict) -> dict[str, object]:
    """Return {field: 'one' | 'many' | nested definition} for the free-text fields of a schema object."""
    fields = {}
    for name, prop in definition.get("properties", {}).items():
        prop = next((p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"), prop)
        nested = object_with_text(prop, defs)
        listed = object_with_text(prop.get("items", {}), defs) if prop.get("type") == "array" else None
        if nested:
            fields[name] = nested
        elif listed:
            fields[name] = [listed]
        elif is_text(prop):
            fields[name] = "one"
        elif prop.get("type") == "array" and is_text(prop.get("items", {})):
            fields[name] = "many"
    return fields


def object_with_text(prop: dict, defs: dict) -> dict | None:
    """Return the object definition prop refers to, if that object has free-text fields."""
    definition = defs.get(prop.get("$ref", "").split("/")[-1], {})
    return definition if definition.get("type") == "object" and text_fields(definition, defs) else None


def is_text(prop: dict) -> bool:
    return prop.get("type") == "string" and not {"pattern", "enum", "$ref", "format"} & prop.keys()


def poison(item: dict, definition: dict, defs: dict, texts: tuple[str, ...], found: set[str], where: str) -> dict:
    """Fill every free-text field of item (and of the objects below it) with texts."""
    for name, kind in text_fields(definition, defs).items():
        key = f"{where}.{name}"
        if kind == "one":
            item[name] = " ~ ".join(texts)
        elif kind == "many":
            item[name] = list(texts)
        elif isinstance(kind, list):
            values = item.get(name) or ([] if name in STRUCTURAL_LISTS else [{}])
            item[name] = [poison({"id": v} if isinstance(v, str) else dict(v), kind[0], defs, texts, found, key) for v in values]
            if not item[name]:
                continue
        else:
            item[name] = poison(dict(item.get(name) or {}), kind, defs, texts, found, key)
        found.add(key)
    return item


def all_text_fields(defs: dict) -> set[str]:
    """Return every free-text field the model has, as 'Entity.field.subfield'."""
    out: set[str] = set()

    def walk(definition: dict, where: str):
        for name, kind in text_fields(definition, defs).items():
            out.add(f"{where}.{name}")
            if isinstance(kind, list):
                walk(kind[0], f"{where}.{name}")
            elif isinstance(kind, dict):
                walk(kind, f"{where}.{name}")

    for collection, cls in model.COLLECTIONS.items():
        walk(defs[cls.__name__], cls.__name__)
    return out


def make_xss_catalog(source: Path, target: Path, texts: tuple[str, ...] = PAYLOADS) -> set[str]:
    """Copy the catalogue at source to target with texts (the payloads) in every free-text field; return the fields filled.

    With BENIGN as texts, the copy has the same fields filled with harmless words: the same page structure.
    """
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("build", "site"))
    schema = model.CatalogFile.model_json_schema()
    defs, found = schema["$defs"], set()
    for path in sorted(target.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for collection, items in data.items():
            cls = model.COLLECTIONS[collection]
            data[collection] = [poison(dict(item), defs[cls.__name__], defs, texts, found, cls.__name__) for item in items]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return found

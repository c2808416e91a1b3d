from pathlib import Path

import pytest

from generator.diagnostics import ContentError
from generator.load import load_catalog, load_file


def load_text(tmp_path: Path, text: str | bytes, name: str = "content/x.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_file(path, name)


def messages(tmp_path, text, name="content/x.yaml") -> list[str]:
    with pytest.raises(ContentError) as error:
        load_text(tmp_path, text, name)
    return [str(d) for d in error.value.diagnostics]


def test_lines_are_recorded_for_every_node(tmp_path):
    loaded = load_text(tmp_path, "offers:\n  - id: a\n    methods:\n      - x\n      - y\n")
    assert loaded.data == {"offers": [{"id": "a", "methods": ["x", "y"]}]}
    assert loaded.line(("offers", 0, "methods", 1)) == 5
    assert loaded.line(("offers", 0, "missing")) == 2


def test_duplicate_keys_are_rejected(tmp_path):
    text = "offers:\n  - id: a\n    purpose: x\n    purpose: y\n"
    assert messages(tmp_path, text) == ["content/x.yaml:4: error: offers[0]: duplicate key 'purpose' (first at line 3)"]


def test_syntax_error_names_the_line(tmp_path):
    assert messages(tmp_path, "offers:\n  - id: a\n   purpose: [x\n") == [
        "content/x.yaml:3: error: YAML syntax error: did not find expected '-' indicator"
    ]


def test_empty_file(tmp_path):
    assert messages(tmp_path, "# only a comment\n") == ["content/x.yaml:1: error: file is empty: remove it or add content"]


def test_file_must_be_a_mapping(tmp_path):
    assert messages(tmp_path, "- a\n- b\n") == [
        "content/x.yaml:1: error: the file must be a mapping of lists, e.g. 'offers:' followed by items"
    ]


def test_non_utf8_names_the_line(tmp_path):
    assert messages(tmp_path, "offers:\n  - id: a\n    purpose: K\xf8benhavn\n".encode("latin-1")) == [
        "content/x.yaml:3: error: file is not UTF-8 (byte 0xf8): save it with UTF-8 encoding"
    ]


def test_oversized_file(tmp_path):
    assert messages(tmp_path, "offers: []\n" + "#" * (20 * 1024 * 1024)) == [
        "content/x.yaml:1: error: file is too large (21.0 MB; the limit is 5 MB): split it into several files"
    ]


def test_yml_extension_is_refused(tmp_path):
    assert messages(tmp_path, "offers: []\n", "content/x.yml") == [
        "content/x.yml:1: error: catalogue files must end in '.yaml', not '.yml'"
    ]


def test_load_catalog_reports_every_bad_file(tmp_path):
    for name, text in {"content/a.yaml": "", "cases/b.yaml": "a: 1\na: 2\n", "providers.yaml": "providers: []\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    with pytest.raises(ContentError) as error:
        load_catalog(tmp_path)
    assert [str(d) for d in error.value.diagnostics] == [
        "cases/b.yaml:2: error: duplicate key 'a' (first at line 1)",
        "content/a.yaml:1: error: file is empty: remove it or add content",
    ]

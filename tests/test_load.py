import datetime
import os
import subprocess
from pathlib import Path

import pytest

from generator.diagnostics import ContentError
from generator.load import content_date, load_catalog, load_file


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


# --- The content's date: the last change of a catalogue file, from git or else from the files. ---

def catalogue(tmp_path: Path, stamps: dict[str, int]) -> Path:
    for name, stamp in stamps.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("offers: []\n", encoding="utf-8")
        os.utime(path, (stamp, stamp))
    return tmp_path


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_content_date_outside_git_is_the_newest_file(tmp_path):
    root = catalogue(tmp_path, {"providers.yaml": 1_600_000_000, "content/offers/a.yaml": 1_700_000_000, "notes.yaml": 1_800_000_000})
    assert content_date(root) == datetime.date(2023, 11, 14)
    assert content_date(root, latest=1_650_000_000) == datetime.date(2022, 4, 15), "SOURCE_DATE_EPOCH caps the date"
    assert content_date(tmp_path / "empty") is None


def test_content_date_in_git_is_the_last_commit_or_a_newer_change(tmp_path):
    root = catalogue(tmp_path, {"providers.yaml": 1_800_000_000, "cases/a.yaml": 1_800_000_000})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first", date="2021-03-04T12:00:00+00:00")
    assert content_date(root) == datetime.date(2021, 3, 4), "a clean checkout has its commit's date, not the files'"
    (root / "README.md").write_text("not content", encoding="utf-8")
    assert content_date(root) == datetime.date(2021, 3, 4)
    catalogue(root, {"content/offers/new.yaml": 1_700_000_000})
    assert content_date(root) == datetime.date(2023, 11, 14), "an uncommitted catalogue file counts"


def test_yaml_dates_stay_text_so_the_model_can_explain_them(tmp_path):
    loaded = load_text(tmp_path, "offers:\n  - reviewed: 2025-02-30\n    other: 2025-03-01\n")
    assert loaded.data == {"offers": [{"reviewed": "2025-02-30", "other": "2025-03-01"}]}

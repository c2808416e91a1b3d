"""The loader: lines recorded, every way a file can fail to be found, read or parsed is one diagnostic,
and the content's date."""

import datetime
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from generator.diagnostics import ContentError, UsageError
from generator.load import MAX_DEPTH, content_date, load_catalog, load_file, seed_lines


def load_text(tmp_path: Path, text: str | bytes, name: str = "content/x.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_file(path, name)


def messages(tmp_path, text, name="content/x.yaml") -> list[str]:
    with pytest.raises(ContentError) as error:
        load_text(tmp_path, text, name)
    return [str(d) for d in error.value.diagnostics]


def catalog_messages(root: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        load_catalog(root)
    return [str(d) for d in error.value.diagnostics]


def test_lines_are_recorded_for_every_node(tmp_path):
    loaded = load_text(tmp_path, "offers:\n  - id: a\n    methods:\n      - x\n      - y\n")
    assert loaded.data == {"offers": [{"id": "a", "methods": ["x", "y"]}]}
    assert loaded.line(("offers", 0, "methods", 1)) == 5
    assert loaded.line(("offers", 0, "missing")) == 2


def test_duplicate_keys_are_reported_and_the_first_is_kept(tmp_path):
    loaded = load_text(tmp_path, "offers:\n  - id: a\n    purpose: x\n    purpose: y\n")
    assert [str(d) for d in loaded.problems] == ["content/x.yaml:4: error: offers[0]: duplicate key 'purpose' (first at line 3)"]
    assert loaded.data == {"offers": [{"id": "a", "purpose": "x"}]}
    assert loaded.line(("offers", 0, "purpose")) == 3


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


def test_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "content" / "x.yaml"
    path.parent.mkdir()
    with open(path, "wb") as file:
        file.truncate(3 * 1024**3)  # 3 GB, sparse: reading it whole would take minutes and all memory
    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: pytest.fail("the file was opened"))
    with pytest.raises(ContentError) as error:
        load_file(path, "content/x.yaml")
    assert [str(d) for d in error.value.diagnostics] == [
        "content/x.yaml:1: error: file is too large (3221.2 MB; the limit is 5 MB): split it into several files"
    ]


def test_yml_extension_is_refused(tmp_path):
    assert messages(tmp_path, "offers: []\n", "content/x.yml") == [
        "content/x.yml:1: error: catalogue files must end in '.yaml', not '.yml'"
    ]


def test_load_catalog_reports_every_bad_file(tmp_path):
    for name, text in {"content/a.yaml": "", "cases/b.yaml": "a: 1\nb: [\n", "providers.yaml": "providers: []\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert catalog_messages(tmp_path) == [
        "cases/b.yaml:3: error: YAML syntax error: did not find expected node content",
        "content/a.yaml:1: error: file is empty: remove it or add content",
    ]


# --- The content's date: the last change of a catalogue file, from git or else from the files. ---

def stamped_catalogue(tmp_path: Path, stamps: dict[str, int]) -> Path:
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
    root = stamped_catalogue(tmp_path, {"providers.yaml": 1_600_000_000, "content/offers/a.yaml": 1_700_000_000, "notes.yaml": 1_800_000_000})
    assert content_date(root) == datetime.date(2023, 11, 14)
    assert content_date(root, latest=1_650_000_000) == datetime.date(2022, 4, 15), "SOURCE_DATE_EPOCH caps the date"
    assert content_date(tmp_path / "empty") is None


def test_content_date_in_git_is_the_last_commit_or_a_newer_change(tmp_path):
    root = stamped_catalogue(tmp_path, {"providers.yaml": 1_800_000_000, "cases/a.yaml": 1_800_000_000})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first", date="2021-03-04T12:00:00+00:00")
    assert content_date(root) == datetime.date(2021, 3, 4), "a clean checkout has its commit's date, not the files'"
    (root / "README.md").write_text("not content", encoding="utf-8")
    assert content_date(root) == datetime.date(2021, 3, 4)
    stamped_catalogue(root, {"content/offers/new.yaml": 1_700_000_000})
    assert content_date(root) == datetime.date(2023, 11, 14), "an uncommitted catalogue file counts"


# --- Small files that would crash or hang a plain YAML loader: each is one diagnostic, at once. ---

HOSTILE = {
    "alias bomb": ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                   "1: error: anchors (&name) and aliases (*name) are not allowed: write the value out in full"),
    "self-reference": ("offers: &a [*a]\n",
                       "1: error: anchors (&name) and aliases (*name) are not allowed: write the value out in full"),
    "deep lists": ("offers: " + "[" * 1000 + "]" * 1000 + "\n",
                   f"1: error: nested more than {MAX_DEPTH} levels deep: no catalogue item needs that many"),
    "deep mappings": ("offers:\n" + "".join(" " * i + "a:\n" for i in range(1, 1000)) + " " * 1000 + "b\n",
                      f"{MAX_DEPTH + 1}: error: nested more than {MAX_DEPTH} levels deep: no catalogue item needs that many"),
    "tag": ("cases:\n  - person: {age: !!int abc}\n",
            "2: error: tags such as '!!int' are not allowed: write the value plainly, text in quotes"),
    "python tag": ("x: !!python/object/apply:os.system [ls]\n",
                   "1: error: tags such as '!!python/object/apply:os.system' are not allowed: write the value plainly, text in quotes"),
    "huge number": ("cases:\n  - person: {age: " + "9" * 5000 + "}\n",
                    "2: error: '999999999999999999999999999999…' is too long for a number (text goes in quotes)"),
    "merge key": ("offers:\n  - <<: {id: a}\n    id: b\n",
                  "2: error: merge keys ('<<') are not allowed: write the fields out in full"),
    "number as key": ("offers:\n  - 1: a\n", "2: error: a key must be a field name such as 'id', not '1'"),
    "list as key": ("? [a, b]\n: c\n", "1: error: a key must be a field name such as 'id', not a list or mapping"),
    "two documents": ("offers: []\n---\ncases: []\n",
                      "2: error: YAML syntax error: expected a single document in the stream, but found another document"),
    "control character": ("offers:\n  - name: a\x1bb\n",
                          "2: error: holds the character U+001B, which YAML files may not contain: delete it"),
    "non-character": ("offers:\n  - name: a\uffffb\n",
                      "2: error: holds the character U+FFFF, which YAML files may not contain: delete it"),
    "many values": ("offers: [" + "1," * 300_000 + "1]\n",
                    "1: error: holds more than 250,000 values: split it into several files"),
}


def test_dates_stay_text_so_the_model_can_explain_them(tmp_path):
    loaded = load_text(tmp_path, "offers:\n  - reviewed: 2024-13-45\n    other: 2025-03-01\n")
    assert loaded.data == {"offers": [{"reviewed": "2024-13-45", "other": "2025-03-01"}]}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_yaml_is_one_diagnostic_within_seconds(tmp_path, case):
    text, expected = HOSTILE[case]
    start = time.monotonic()
    assert messages(tmp_path, text) == [f"content/x.yaml:{expected}"]
    assert time.monotonic() - start < 10  # alone about 1 s for 'many values', milliseconds for the rest; the machine is shared


def test_escaped_control_characters_are_loaded_for_the_model_to_refuse(tmp_path):
    assert load_text(tmp_path, 'offers:\n  - name: "a\\0\\x1b\\a"\n').data == {"offers": [{"name": "a\x00\x1b\x07"}]}


# --- What is not an ordinary file inside the catalogue is refused by name, never skipped. ---

def catalogue(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "content").mkdir(parents=True)
    (root / "providers.yaml").write_text("providers: []\n")
    return root


def test_special_files_and_links_are_refused_by_name(tmp_path):
    root = catalogue(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text("offers: []\n")
    (root / "content" / "folder.yaml").mkdir()
    os.mkfifo(root / "content" / "fifo.yaml")
    (root / "content" / "loop.yaml").symlink_to("loop.yaml")
    (root / "content" / "dangling.yaml").symlink_to("missing.yaml")
    (root / "content" / "escape.yaml").symlink_to(outside)
    (root / "content" / "inside.yaml").symlink_to(root / "providers.yaml")
    (root / "content" / "linked-folder").symlink_to(tmp_path)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "content" / "socket.yaml"))
    try:
        assert catalog_messages(root) == [
            "content/dangling.yaml:1: error: is a link to 'missing.yaml', which does not exist",
            f"content/escape.yaml:1: error: is a link to '{outside}', outside the catalogue: copy the file in instead",
            "content/fifo.yaml:1: error: is not a regular file (a pipe, socket or device): catalogue files must be ordinary files",
            "content/folder.yaml:1: error: is a folder, not a file: folder names must not end in '.yaml'",
            "content/linked-folder:1: error: is a link to a folder: links to folders are not followed; move the folder into the catalogue",
            "content/loop.yaml:1: error: is a link to 'loop.yaml' that leads back to itself",
            "content/socket.yaml:1: error: is not a regular file (a pipe, socket or device): catalogue files must be ordinary files",
        ]
    finally:
        sock.close()


def test_unreadable_file_is_a_diagnostic(tmp_path, monkeypatch):
    root = catalogue(tmp_path)

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("builtins.open", refuse)  # as root, chmod 000 would not stop the read
    assert catalog_messages(root) == ["providers.yaml:1: error: cannot be read: Permission denied"]


def test_hidden_files_are_the_editors_own(tmp_path):
    root = catalogue(tmp_path)
    (root / "content" / ".#offers.yaml").symlink_to("user@host.1234")  # Emacs' lock file while editing
    (root / "content" / ".git").mkdir()
    (root / "content" / ".git" / "x.yaml").write_text(": not yaml [\n")
    assert [f.path for f in load_catalog(root)] == ["providers.yaml"]


def test_a_root_without_a_catalogue_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="holds no catalogue: none of providers.yaml, packages.yaml, content, cases is there"):
        load_catalog(tmp_path)


def test_seed_lines_counts_the_source_texts(tmp_path):
    root = catalogue(tmp_path)
    assert seed_lines(root) is None
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text("en\nto\ntre\n")
    (root / "seeds" / "b.txt").mkdir()
    assert seed_lines(root) == {"a.txt": 3}

"""Careless commands and faults: the output folder a build may replace, concurrent builds, a full disk,
a killed build, bad SOURCE_DATE_EPOCH, ports and roots, and the preview's errors. Never a traceback."""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, site_files

from generator import engine, serve, write
from generator.diagnostics import ContentError, Diagnostic
from generator.options import Options
from generator.write import MARKER, BuildError


def refused(root: Path, *args: str) -> str:
    result = run_cli("build", "--root", str(root), "-q", *args)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    return result.stderr


# --- The output folder: only one a build made, an empty one, or none. ---

def test_build_refuses_to_replace_the_catalogue_or_a_folder_holding_it(catalog_copy):
    before = site_files(catalog_copy.parent)
    for root, out, cwd in ((catalog_copy, catalog_copy, ROOT), (catalog_copy, catalog_copy.parent, ROOT), (".", ".", catalog_copy)):
        result = run_cli("build", "--root", str(root), "--out", str(out), cwd=cwd)
        assert result.returncode == 2 and result.stderr.startswith(f"Error: {out} holds the catalogue itself: a build replaces "
                                                                   "its output folder whole; choose a new folder, e.g. ")
    assert site_files(catalog_copy.parent) == before


def test_build_refuses_a_file_an_unrelated_folder_and_its_work_folder(catalog_copy, tmp_path):
    (tmp_path / "notes.txt").write_text("vigtigt")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / ".git").mkdir()
    (tmp_path / "project" / "README").write_text("mit projekt")
    before = site_files(tmp_path)
    assert refused(catalog_copy, "--out", str(tmp_path / "notes.txt")) == \
        f"Error: {tmp_path / 'notes.txt'} is a file, not a folder: choose a folder for the site\n"
    assert refused(catalog_copy, "--out", str(tmp_path / "project")) == (
        f"Error: {tmp_path / 'project'} holds files that no build made (it has no {MARKER}): a build replaces its "
        "output folder whole, so it refuses this one; choose an empty or new folder, or empty this one yourself\n")
    assert "is inside the build's work folder" in refused(catalog_copy, "--out", str(catalog_copy / "build" / "docs"))
    assert site_files(tmp_path) == before


def test_default_site_folder_holding_other_files_is_refused(catalog_copy):
    (catalog_copy / "site").mkdir()
    (catalog_copy / "site" / "index.html").write_text("en andens side")
    assert f"site holds files that no build made (it has no {MARKER})" in refused(catalog_copy)
    assert (catalog_copy / "site" / "index.html").read_text() == "en andens side"


def test_build_replaces_an_empty_folder_and_its_own_site(catalog_copy, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    for _ in range(2):
        result = run_cli("build", "--root", str(catalog_copy), "--out", str(out), "-q")
        assert result.returncode == 0, result.stderr
        assert (out / MARKER).is_file() and (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog", "empty"], "no staging folder is left"


def test_dist_refuses_a_file_as_its_folder(catalog_copy, tmp_path):
    (tmp_path / "file").write_text("x")
    result = run_cli("dist", "--root", str(catalog_copy), "--out", str(tmp_path / "file"))
    assert (result.returncode, result.stderr) == (2, f"Error: {tmp_path / 'file'} is a file, not a folder: choose a folder for the zip file\n")
    assert not (catalog_copy / "site").exists()


# --- The environment and the arguments. ---

@pytest.mark.parametrize("value", ["i går", "-5", "1e9", "99999999999999999999", "１２"])
def test_build_refuses_a_bad_source_date_epoch(catalog_copy, value):
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(catalog_copy)], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": value})
    assert (result.returncode, result.stderr) == (1, "Error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 "
                                                     f"(up to 253402300799), not '{value}'\n")
    assert not (catalog_copy / "site").exists() and not (catalog_copy / "build").exists()


@pytest.mark.parametrize("command", ["validate", "build", "dist", "serve"])
def test_a_root_without_a_catalogue_is_refused(tmp_path, command):
    result = run_cli(command, "--root", str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"Error: {tmp_path} holds no catalogue: none of providers.yaml, packages.yaml, content, cases is there "
                             "(name the catalogue's folder with --root)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("port", ["0", "70000", "-1", "otte"])
def test_serve_refuses_an_invalid_port(port):
    result = run_cli("serve", "--port", port)
    assert result.returncode == 2
    assert f"argument --port: '{port}' is not a port: use a number from 1 to 65535" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("offers", ["0", "-1", "fem"])
def test_synth_refuses_a_number_of_offers_below_one(tmp_path, offers):
    result = run_cli("synth", "--offers", offers, "--out", str(tmp_path / "synth"))
    assert result.returncode == 2 and f"'{offers}' is not a number of offers" in result.stderr
    assert not (tmp_path / "synth").exists()


def test_serve_refuses_a_busy_port_before_generating(catalog_copy):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--root", str(catalog_copy), "--port", str(port))
    assert (result.returncode, result.stderr) == (2, f"Error: cannot serve on 127.0.0.1:{port}: Address already in use "
                                                     "(is another preview running? choose another port with --port)\n")
    assert not (catalog_copy / "build").exists()


def test_serve_on_invalid_content_without_earlier_pages_stops(catalog_copy):
    (catalog_copy / "cases" / "aarhus-maria.yaml").write_text("cases:\n  - id: x\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("serve", "--root", str(catalog_copy), "--port", str(port))
    assert result.returncode == 1
    assert "last good version" not in result.stderr and result.stderr.endswith("nothing was written.\n")
    assert "cases/aarhus-maria.yaml:2: error: cases[0].person: missing required field 'person'" in result.stderr


# --- The preview's watcher prints errors as diagnostics, never a thread's traceback. ---

def regenerate_with(error: Exception, capsys) -> str:
    def generate(root):
        raise error

    serve.regenerate(Path("."), generate, lambda pages: 0, has_pages=True)
    return capsys.readouterr().err


def test_watcher_prints_content_and_template_errors_as_diagnostics(capsys):
    import jinja2

    diagnostic = Diagnostic("content/a.yaml", 3, "offers[0]", "bad")
    assert regenerate_with(ContentError([diagnostic]), capsys) == (
        "content/a.yaml:3: error: offers[0]: bad\n1 error(s) in 1 file(s); the preview shows the last good version.\n")
    syntax = jinja2.TemplateSyntaxError("unexpected '}'", 7, "offer.md.j2", "generator/templates/offer.md.j2")
    assert regenerate_with(syntax, capsys).startswith("generator/templates/offer.md.j2:7: error: template syntax error: unexpected '}'\n")
    assert regenerate_with(FileNotFoundError(2, "No such file or directory", "x.yaml"), capsys) == (
        "Error: [Errno 2] No such file or directory: 'x.yaml'\nThe preview shows the last good version.\n")


def test_watcher_thread_survives_a_bug_with_one_line(capsys):
    handler = serve.Regenerate(lambda: 1 / 0)
    handler.run()
    assert capsys.readouterr().err == ("Error: regenerating failed (ZeroDivisionError: division by zero); "
                                       "the preview shows the last good version\n")


# --- Faults: a full disk, concurrent builds, a killed build. ---

def full_disk_after(count: int, monkeypatch) -> None:
    """Make every write after the first count fail with ENOSPC, as a full disk does."""
    real, calls = Path.write_text, []

    def write_text(self, *args, **kwargs):
        calls.append(self)
        if len(calls) > count:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)


def test_full_disk_while_writing_pages_changes_nothing(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write.write_docs(docs, {"a.md": "gammel a\n", "b.md": "gammel b\n"})
    before = site_files(docs)
    full_disk_after(2, monkeypatch)
    with pytest.raises(BuildError, match="No space left on device; nothing was changed"):
        write.write_docs(docs, {"a.md": "ny a\n", "b.md": "ny b\n", "c/d.md": "ny d\n", "e.md": "ny e\n"})
    assert site_files(docs) == before


def test_full_disk_while_building_keeps_the_old_site(catalog_copy, tmp_path, monkeypatch):
    from generator import pipeline

    out = pipeline.build(catalog_copy, tmp_path / "site", Options())
    before = site_files(out)

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    builder = engine.load("mkdocs")
    monkeypatch.setattr(engine, "load", lambda name: dataclasses.replace(builder, build=no_space))
    with pytest.raises(BuildError, match="No space left on device; the previous site is unchanged"):
        pipeline.build(catalog_copy, out, Options())
    assert site_files(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["catalog", "site"]


def test_full_disk_while_packing_leaves_no_partial_zip(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("zipfile.ZipFile.writestr", no_space)
    with pytest.raises(BuildError, match="No space left on device"):
        write.pack_site(site, tmp_path / "dist" / "x.zip", "x", 0)
    assert list((tmp_path / "dist").iterdir()) == []


def test_concurrent_builds_of_one_catalogue_all_succeed(catalog_copy, tmp_path):
    # --review-age: the fixture has old review dates on purpose, and their warnings are not what this test reads
    command = [sys.executable, "-m", "generator", "build", "--root", str(catalog_copy), "-q", "--review-age", "100000", "--out"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    builds = [subprocess.Popen([*command, str(tmp_path / out)], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
              for out in ("a", "a", "b")]
    results = [(b.wait(timeout=120), b.stderr.read()) for b in builds]
    assert results == [(0, "")] * 3
    assert site_files(tmp_path / "a") == site_files(tmp_path / "b")


def test_next_build_removes_staging_folders_of_killed_builds(catalog_copy, tmp_path):
    stale, running = tmp_path / ".site.staging-dead", tmp_path / ".site.staging-alive"
    for folder in (stale, running):
        (folder / "site").mkdir(parents=True)
        (folder / "site" / "big.bin").write_bytes(b"x" * 1000)
        (folder / ".lock").write_text("")
    with open(running / ".lock") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build still running holds its lock
        result = run_cli("build", "--root", str(catalog_copy), "--out", str(tmp_path / "site"), "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.staging-alive", "catalog", "site"]

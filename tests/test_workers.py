"""The pages rendered and written on two processes (generator/workers.py): the same docs folder as on one, and
every fault of a worker (a full disk, a bug, a killed process) or of the main process beside it leaves the docs
folder as it was, with the message one process gives."""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest
from conftest import site_files

from generator import cli, workers
from generator.diagnostics import BuildError
from generator.write import write_docs

OLD = {name: f"gammel {name}\n" for name in ("a.md", "b/c.md", "d.md")}


def part(*names: str, text: str = "ny"):
    """Return a part of the pages: the files named, each holding text and its name."""
    return lambda: [(name, f"{text} {name}\n") for name in names]


def parts_with(fault) -> list:
    """Return three parts; the second, the worker's first task, calls fault (in the worker) between its files."""
    def faulty():
        yield "w1.md", "ny w1\n"
        if os.getpid() != main:
            fault()
        yield "w2.md", "ny w2\n"
    main = os.getpid()
    return [part("a.md", "e/f.md"), faulty, part("b/c.md", "g.md")]


def old_docs(tmp_path: Path) -> tuple[Path, dict]:
    docs = tmp_path / "docs"
    write_docs(docs, OLD)
    return docs, site_files(docs)


def test_two_processes_write_what_one_does_and_count_the_same_changes(tmp_path):
    for jobs in (1, 2):
        docs, _ = old_docs(tmp_path / str(jobs))
        parts = [part("a.md", "e/f.md"), part("w1.md"), part("b/c.md", "g.md", text="gammel")]
        assert write_docs(docs, parts, jobs) == 5  # a changed; e/f, w1 and g new; b/c the same; d removed
        assert write_docs(docs, parts, jobs) == 0
    assert site_files(tmp_path / "1" / "docs") == site_files(tmp_path / "2" / "docs")


def test_a_full_disk_in_the_worker_changes_nothing_and_says_so_as_one_process_would(tmp_path, monkeypatch):
    docs, before = old_docs(tmp_path)
    real = Path.write_text

    def write_text(self, *args, **kwargs):
        if self.name == ".w2.md.tmp":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    for jobs in (1, 2):
        with pytest.raises(BuildError) as error:
            write_docs(docs, parts_with(lambda: None), jobs)
        assert str(error.value) == f"could not write {docs / 'w2.md'}: No space left on device; nothing was changed"
        assert site_files(docs) == before


def test_a_bug_in_the_worker_is_raised_with_its_traceback_and_changes_nothing(tmp_path):
    docs, before = old_docs(tmp_path)
    with pytest.raises(ZeroDivisionError) as error:
        write_docs(docs, parts_with(lambda: 1 / 0), 2)
    assert "In a worker process:" in error.value.__notes__[0] and "faulty" in error.value.__notes__[0]
    assert site_files(docs) == before


def test_a_killed_worker_fails_the_build_with_a_message_and_changes_nothing(tmp_path):
    docs, before = old_docs(tmp_path)
    with pytest.raises(BuildError, match=r"^a process rendering and writing pages stopped without a word \(exit code -9\); "
                                         "nothing was changed$"):
        write_docs(docs, parts_with(lambda: os.kill(os.getpid(), signal.SIGKILL)), 2)
    assert {path: text for path, text in site_files(docs).items() if not path.startswith(".")} == before


def test_an_error_in_the_main_process_undoes_what_the_worker_wrote(tmp_path):
    docs, before = old_docs(tmp_path)

    def failing():
        yield "a.md", "ny a\n"
        raise BuildError("could not write a.md: No space left on device; nothing was changed")

    with pytest.raises(BuildError, match="^could not write a.md"):
        write_docs(docs, [failing, part("w1.md", "w2.md", "d.md"), part("x.md")], 2)
    assert site_files(docs) == before


def test_every_task_is_done_once_and_process_k_does_task_k_first():
    tasks = [lambda i=i: (i, os.getpid()) for i in range(30)]
    done = list(workers.share(tasks, 2))
    assert sorted(i for i, _ in done) == list(range(30))
    assert done[0] == (0, os.getpid()) and dict(done)[1] != os.getpid()


def test_without_fork_the_tasks_run_here_in_order(monkeypatch):
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    assert list(workers.share([lambda i=i: (i, os.getpid()) for i in range(5)], 2)) == [(i, os.getpid()) for i in range(5)]


def test_a_full_disk_in_a_worker_of_a_build_is_one_line_and_exit_1(catalog_copy, tmp_path, monkeypatch, capsys):
    docs = catalog_copy / "build" / "docs"
    real, main = Path.write_text, os.getpid()

    def write_text(self, *args, **kwargs):
        if os.getpid() != main:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    assert cli.main(["build", "--root", str(catalog_copy), "--out", str(tmp_path / "site"), "--jobs", "2", "-q", "--review-age", "100000"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"Error: could not write {docs}/") and error.endswith("No space left on device; nothing was changed\n")
    assert len(error.splitlines()) == 1 and not (tmp_path / "site").exists()
    assert [p for p in docs.rglob("*") if p.is_file()] == []

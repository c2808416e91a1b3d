"""The corpus of invalid content: each case's diagnostics, exit code and 'nothing written', as golden files."""

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, GOLDEN, check_golden, run_cli, site_files

CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir())


def overlay(catalog: Path, case: str) -> None:
    shutil.copytree(FIXTURES / "invalid" / case, catalog, dirs_exist_ok=True)


@pytest.mark.parametrize("case", CASES)
def test_invalid_content_gives_clear_errors(catalog_copy, case):
    overlay(catalog_copy, case)
    result = run_cli("validate", "--root", str(catalog_copy))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    check_golden(GOLDEN / "errors" / f"{case}.txt", result.stderr)


@pytest.mark.parametrize("case", CASES)
def test_build_with_invalid_content_writes_nothing(catalog_copy, case):
    overlay(catalog_copy, case)
    out = catalog_copy / "site"
    result = run_cli("build", "--root", str(catalog_copy), "--out", str(out))
    assert result.returncode == 1
    assert not (catalog_copy / "build").exists() and not out.exists()


def test_failed_build_leaves_the_previous_site(catalog_copy):
    out = catalog_copy / "site"
    assert run_cli("build", "--root", str(catalog_copy), "--out", str(out), "-q").returncode == 0
    before = site_files(out)
    overlay(catalog_copy, "unknown-reference")
    assert run_cli("build", "--root", str(catalog_copy), "--out", str(out)).returncode == 1
    assert site_files(out) == before


def test_large_file_is_refused(catalog_copy):
    (catalog_copy / "content" / "huge.yaml").write_text("offers: []\n" + "# fyld\n" * 3_000_000)
    result = run_cli("validate", "--root", str(catalog_copy))
    assert (result.returncode, result.stderr) == (1,
        "content/huge.yaml:1: error: file is too large (21.0 MB; the limit is 5 MB): split it into several files\n"
        "1 error(s) in 1 file(s); nothing was written.\n")


def test_usage_error_exits_2():
    result = run_cli("validat")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "Error: No such command 'validat'. Did you mean 'validate'?\n")
    result = run_cli("publish")
    assert (result.returncode, result.stderr) == (2, "Error: No such command 'publish'. Try 'python -m generator --help' for the commands.\n")
    result = run_cli("build", "--bogus")
    assert (result.returncode, result.stderr) == (2, "Error: unrecognized arguments: --bogus. Try 'python -m generator --help'.\n")
    result = run_cli("serve", "--port", "0")
    assert (result.returncode, result.stderr) == (
        2, "Error: argument --port: '0' is not a port: use a number from 1 to 65535, e.g. 8001. Try 'python -m generator serve --help'.\n")

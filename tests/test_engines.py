"""The site builds the same with ProperDocs (the maintained fork of MkDocs 1.x) as with MkDocs.

TILBUD_ENGINE=properdocs runs the whole pipeline on ProperDocs. The two sites must hold the same files with
the same bytes, except the <meta name="generator"> tag that names the builder.
"""

import ast
import importlib

import pytest
from conftest import ROOT, build_site, run_cli, site_files

GENERATOR_TAGS = {
    "mkdocs": b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">',
    "properdocs": b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">',
}


def differences(mkdocs_site, properdocs_site) -> dict[str, int]:
    """Compare two sites; return how many files differ only by the generator tag, by kind of file."""
    ours, theirs = site_files(mkdocs_site), site_files(properdocs_site)
    assert sorted(ours) == sorted(theirs)
    tagged: dict[str, int] = {}
    for path, data in ours.items():
        if data != theirs[path]:
            assert data.replace(GENERATOR_TAGS["mkdocs"], GENERATOR_TAGS["properdocs"]) == theirs[path], path
            suffix = path.rsplit(".", 1)[-1]
            tagged[suffix] = tagged.get(suffix, 0) + 1
    return tagged


@pytest.fixture
def properdocs(monkeypatch):
    monkeypatch.setenv("TILBUD_ENGINE", "properdocs")


@pytest.mark.parametrize("variant", ["served", "offline"])
def test_properdocs_builds_the_same_site_as_mkdocs(variant, properdocs, real_site, real_site_offline, tmp_path):
    mkdocs_site = real_site if variant == "served" else real_site_offline
    properdocs_site = build_site(tmp_path / "site", *(["--offline"] if variant == "offline" else []))
    pages = sum(1 for p in mkdocs_site.rglob("*.html"))
    assert differences(mkdocs_site, properdocs_site) == {"html": pages}


def test_an_unknown_engine_is_refused(monkeypatch, catalog_copy):
    monkeypatch.setenv("TILBUD_ENGINE", "sphinx")
    result = run_cli("build", "--root", str(catalog_copy))
    assert (result.returncode, result.stderr) == (1, "Error: TILBUD_ENGINE must be one of mkdocs, properdocs, not 'sphinx'\n")


def mkdocs_imports() -> set[tuple[str, str]]:
    """Return every (module, name) that the generator imports from mkdocs."""
    found = set()
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs":
                found |= {(node.module, alias.name) for alias in node.names}
            elif isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "mkdocs" for a in node.names), f"{path}: import from mkdocs by name"
    return found


def test_everything_we_import_from_mkdocs_exists_in_properdocs():
    imports = mkdocs_imports()
    assert {module for module, _ in imports} >= {"mkdocs.commands.build", "mkdocs.livereload", "mkdocs.config"}
    for module, name in sorted(imports):
        fork = importlib.import_module("properdocs" + module.removeprefix("mkdocs"))
        assert hasattr(fork, name), f"properdocs has no {module}.{name}"


def test_the_generator_names_mkdocs_loggers_only_through_the_engine():
    # ProperDocs logs to 'properdocs.*'; a hard-coded 'mkdocs' logger would hear nothing from it.
    for path in sorted((ROOT / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert 'getLogger("mkdocs' not in text and "getLogger('mkdocs" not in text or path.name == "engine.py", path


def test_properdocs_live_reload_server_is_driven_as_we_drive_mkdocs():
    # served.py makes the browsers reload by setting the server's epochs, which neither engine offers publicly.
    import inspect

    from mkdocs.livereload import LiveReloadServer as mkdocs_server
    from properdocs.livereload import LiveReloadServer as properdocs_server

    assert list(inspect.signature(properdocs_server).parameters) == list(inspect.signature(mkdocs_server).parameters)
    for server in (mkdocs_server, properdocs_server):
        source = inspect.getsource(server)
        assert all(f"self.{name} = " in source for name in ("_wanted_epoch", "_visible_epoch", "_epoch_cond")), server


def test_one_process_builds_with_one_engine():
    from generator import engine
    from generator.diagnostics import BuildError

    assert engine.load("mkdocs").name == engine.loaded() == "mkdocs"
    with pytest.raises(BuildError, match="^this process has loaded mkdocs already and cannot build with properdocs too$"):
        engine.load("properdocs")

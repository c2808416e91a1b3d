"""The lock file requirements.txt agrees with the declared dependencies in requirements.in (`make lock` regenerates it).

Checked without the network: every declared package is locked at a version it allows and marked as declared;
nothing is marked declared that is not; every locked package is pinned with hashes and needed by another
(its '# via' lines); and the installed packages' own metadata needs no package that the lock lacks.
"""

import importlib.metadata
import re
import tomllib

from conftest import ROOT
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)(?: ;[^\\]*)? \\$")


def declared() -> dict[str, Requirement]:
    lines = (line.split("#")[0].strip() for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines())
    requirements = [Requirement(line) for line in lines if line]
    return {canonicalize_name(r.name): r for r in requirements}


def locked() -> dict[str, dict]:
    """Return {name: {version, hashes, via}} from the lock file."""
    entries: dict[str, dict] = {}
    current = None
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if m := PIN.match(line):
            current = entries[canonicalize_name(m[1])] = {"version": m[2], "hashes": [], "via": []}
        elif current and text.startswith("--hash=sha256:"):
            current["hashes"].append(text)
        elif current and text.startswith("#"):
            via = text.removeprefix("#").strip().removeprefix("via").strip()
            current["via"] += [via] if via else []
        elif text and not text.startswith("#"):
            raise AssertionError(f"requirements.txt: not a locked pin with hashes: {line!r} (run `make lock`)")
    return entries


def test_every_declared_package_is_locked_at_a_version_it_allows():
    lock = locked()
    for name, requirement in declared().items():
        assert name in lock, f"{name} is declared in requirements.in but not locked: run `make lock`"
        assert requirement.specifier.contains(lock[name]["version"]), f"{name}: lock has {lock[name]['version']}, requirements.in wants {requirement.specifier}: run `make lock`"


def test_the_lock_marks_exactly_the_declared_packages_as_declared():
    marked = {name for name, entry in locked().items() if "-r requirements.in" in entry["via"]}
    assert marked == set(declared()), "requirements.txt is stale: run `make lock`"


def test_every_locked_package_is_hashed_and_needed():
    lock = locked()
    for name, entry in lock.items():
        assert entry["hashes"], f"{name} has no hash: run `make lock`"
        needed_by = {canonicalize_name(v) for v in entry["via"] if v != "-r requirements.in"}
        assert "-r requirements.in" in entry["via"] or needed_by & set(lock), f"{name} is locked but nothing needs it: run `make lock`"


def dependencies(name: str, extras: set[str]) -> set[tuple[str, frozenset[str]]]:
    """Return the (name, extras) this installed distribution needs in this environment."""
    needs = set()
    for text in importlib.metadata.requires(name) or ():
        requirement = Requirement(text)
        marker_env = [{**default_environment(), "extra": extra} for extra in extras | {""}]
        if requirement.marker is None or any(requirement.marker.evaluate(env) for env in marker_env):
            needs.add((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return needs


def test_the_lock_holds_everything_the_installed_packages_need():
    todo = [(name, frozenset(r.extras)) for name, r in declared().items()]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        item = todo.pop()
        if item not in seen:
            seen.add(item)
            todo.extend(dependencies(item[0], set(item[1])))
    missing = {name for name, _ in seen} - set(locked())
    assert not missing, f"needed but not locked: {sorted(missing)}: run `make lock`"


def test_pyproject_declares_what_requirements_in_declares():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = declared()
    for text in project["dependencies"]:
        requirement = Requirement(text)
        assert str(pins[canonicalize_name(requirement.name)].specifier) == str(requirement.specifier), text


def test_make_installs_only_the_locked_files():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    assert "npm ci " in makefile  # npm installs exactly package-lock.json

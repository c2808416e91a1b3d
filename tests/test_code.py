"""The shape of generator/ that style.md asks for: small modules and functions, and the environment read in
one place (the command line) and written nowhere."""

import ast

from conftest import ROOT

SOURCES = sorted((ROOT / "generator").rglob("*.py"))
MODULE_MAX, FUNCTION_MAX = 300, 40


def name(path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_module_passes_300_lines():
    long = {name(p): n for p in SOURCES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_MAX}
    assert long == {}, "split these modules by concept"


def test_no_function_passes_40_lines():
    long = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > FUNCTION_MAX:
                long[f"{name(path)}:{node.lineno} {node.name}"] = node.end_lineno - node.lineno + 1
    assert long == {}


def environment_uses(path) -> list[str]:
    """Return how the module at path touches os.environ, os.getenv or os.putenv: 'read' or 'write', with the line."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os":
            if node.attr in ("putenv", "unsetenv"):
                uses.append(f"write:{node.lineno}")
            elif node.attr in ("environ", "getenv"):
                uses.append(f"read:{node.lineno}")
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            uses += [f"write:{node.lineno}" for t in targets if isinstance(t, ast.Subscript) and "environ" in ast.unparse(t.value)]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and "environ" in ast.unparse(node.func.value) \
                and node.func.attr in ("setdefault", "update", "pop", "clear", "popitem", "__setitem__"):
            uses.append(f"write:{node.lineno}")
    return uses


def test_only_the_command_line_reads_the_environment_and_nothing_writes_it():
    uses = {name(p): found for p in SOURCES if (found := environment_uses(p))}
    assert not any(u.startswith("write") for found in uses.values() for u in found), uses
    assert sorted(uses) == ["generator/cli.py"], uses


def test_the_check_finds_a_write(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('import os\nos.environ.setdefault("X", "0")\nos.environ["Y"] = "1"\nos.putenv("Z", "2")\n')
    assert sorted(u for u in environment_uses(module) if u.startswith("write")) == ["write:2", "write:3", "write:4"]

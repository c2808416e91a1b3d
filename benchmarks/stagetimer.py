"""Run the generator's command line with its stages timed: the same build as `python -m generator ARGS`.

usage: python benchmarks/stagetimer.py OUT.json ARGS…   (run in the checkout whose generator is timed)

Before calling generator.cli.main(ARGS) it replaces each stage function it finds (see STAGES) with a timed
wrapper, wherever a module of the generator holds it, and writes OUT.json when the build ends. A stage's time is
its own: a stage called inside another (search inside render, Pagefind inside the site build) is taken out of the
outer one; a generator function's steps count as its stage wherever they are resumed. Stages missing in this checkout are skipped; a stage run in a worker process is not seen (its
caller's time includes it). Works with the baseline's generator too: it names only functions, never imports
the benchmark's own code.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import json
import os
import sys
import threading
import time

# label → the functions that are that stage, in this checkout or the baseline's ("module:function").
STAGES = [
    ("read", ["generator.load:read_catalog", "generator.load:load_catalog"]),
    ("validate", ["generator.validate:validate"]),
    ("index", ["generator.index:build_indexes"]),
    ("render", ["generator.render:render", "generator.render:pages"]),
    ("finder", ["generator.finder:finder_files"]),
    ("search", ["generator.search:search_files"]),
    ("export", ["generator.export:export"]),
    ("write", ["generator.write:write_docs"]),
    ("mkdocs", ["generator.write:build_site"]),
    ("pagefind", ["generator.write:index_for_pagefind"]),
]

times: dict[str, dict] = {}
DONE = object()
local = threading.local()


def peak_rss() -> int:
    """Return this process's peak resident memory so far, in bytes (VmHWM)."""
    with open("/proc/self/status") as status:
        return next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:")), 0)


def clock() -> tuple[float, float, float]:
    now = os.times()
    return time.perf_counter(), now.user + now.system, now.children_user + now.children_system


@contextlib.contextmanager
def stage(label: str):
    """Add the wall and CPU time of the block, less that of stages nested in it, to times[label]."""
    stack = local.__dict__.setdefault("stack", [])
    stack.append([0.0, 0.0, 0.0])  # time spent in stages nested in this one
    start = clock()
    try:
        yield
    finally:
        spent = [b - a for a, b in zip(start, clock())]
        nested = stack.pop()
        if stack:
            stack[-1] = [s + x for s, x in zip(stack[-1], spent)]
        entry = times.setdefault(label, {"seconds": 0.0, "cpu_seconds": 0.0, "children_cpu_seconds": 0.0, "calls": 0})
        for key, total, inner in zip(("seconds", "cpu_seconds", "children_cpu_seconds"), spent, nested):
            entry[key] += total - inner
        entry["calls"] += 1
        entry.setdefault("first_start", start[0] - begun)


def timed(label: str, function):
    """Return function wrapped so that its calls count as the stage label; a generator function's every step does,
    wherever it is resumed (pages rendered as they are written count as rendering, not writing)."""
    if inspect.isgeneratorfunction(function):
        @functools.wraps(function)
        def steps(*args, **kwargs):
            inner = function(*args, **kwargs)
            while True:
                with stage(label):
                    item = next(inner, DONE)
                if item is DONE:
                    return
                yield item
        return steps

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with stage(label):
            return function(*args, **kwargs)
    return wrapper


def install() -> list[str]:
    """Wrap every stage function found; return the stages found."""
    importlib.import_module("generator.cli")
    found = []
    for label, names in STAGES:
        for name in names:
            module_name, attribute = name.split(":")
            try:
                original = getattr(importlib.import_module(module_name), attribute)
            except (ImportError, AttributeError):
                continue
            wrapper = timed(label, original)
            for module in [m for n, m in sorted(sys.modules.items()) if n.split(".")[0] == "generator" and m]:
                for key, value in list(vars(module).items()):
                    if value is original:
                        setattr(module, key, wrapper)
            found.append(name)
    return found


begun = time.perf_counter()

if __name__ == "__main__":
    out, argv = sys.argv[1], sys.argv[2:]
    sys.path.insert(0, os.getcwd())  # the checkout being timed, not benchmarks/
    found = install()
    ready = time.perf_counter() - begun
    code = 1
    try:
        from generator.cli import main

        code = main(argv)
    finally:
        with open(out, "w", encoding="utf-8") as file:
            json.dump({"stages": times, "wrapped": found, "import_seconds": ready, "main_seconds": time.perf_counter() - begun - ready,
                       "exit": code, "peak_rss": peak_rss()}, file, indent=1)
    sys.exit(code)

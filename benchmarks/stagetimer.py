"""Run the generator's command line with its stages timed: the same build as `python -m generator ARGS`.

usage: python benchmarks/stagetimer.py OUT.json ARGS…   (run in the checkout whose generator is timed)

Before calling generator.cli.main(ARGS) it replaces each stage function it finds (see STAGES) with a timed
wrapper, wherever a module of the generator holds it, and writes OUT.json when the build ends. A stage's time is
its own: a stage called inside another (search inside render, Pagefind inside the site build) is taken out of the
outer one; a generator function's steps count as its stage wherever they are resumed. Stages missing in this
checkout are skipped. A process that the build forks with multiprocessing (generator/workers.py's, which render
and write beside the main process) times its stages too and writes them to OUT.json.worker-PID when it ends;
OUT.json's "stages" are the sums over all processes, so stages that ran side by side add up to more than the wall
time ("main_stages" and "workers" keep them apart). MkDocs' workers (generator/parallel.py) call no stage: they
are seen as their caller's time, in mkdocs. Works with the baseline's generator too: it names only functions,
never imports the benchmark's own code.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import glob
import json
import multiprocessing.util
import os
import sys
import threading
import time

# label → the functions that are that stage, in this checkout or the baseline's ("module:function").
STAGES = [
    ("read", ["generator.load:read_catalog", "generator.load:load_catalog"]),
    ("validate", ["generator.validate:validate"]),
    ("index", ["generator.index:build_indexes"]),
    ("render", ["generator.render:render", "generator.render:page", "generator.liste:liste_files"]),
    ("finder", ["generator.finder:finder_files"]),
    ("search", ["generator.search:search_files"]),
    ("export", ["generator.export:export"]),
    ("write", ["generator.write:write_docs", "generator.write:stage_part"]),
    ("wait", ["generator.workers:results"]),  # the main process waiting for its workers to finish
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


def in_worker(_) -> None:
    """In a process forked by multiprocessing: time only its own stages, and write them when it ends."""
    times.clear()
    local.stack = []
    multiprocessing.util.Finalize(None, write_worker, exitpriority=0)


def write_worker() -> None:
    if times:  # MkDocs' workers call no stage
        with open(f"{out}.worker-{os.getpid()}", "w", encoding="utf-8") as file:
            json.dump({"pid": os.getpid(), "stages": times, "peak_rss": peak_rss()}, file, indent=1)


def gather_workers() -> list[dict]:
    """Read (and remove) what the build's workers wrote."""
    found = []
    for path in sorted(glob.glob(f"{glob.escape(out)}.worker-*")):
        with open(path, encoding="utf-8") as file:
            found.append(json.load(file))
        os.remove(path)
    return found


def summed(processes: list[dict]) -> dict[str, dict]:
    """Return each stage's times added up over processes (each {label: times})."""
    total: dict[str, dict] = {}
    for stages in processes:
        for label, entry in stages.items():
            into = total.setdefault(label, {"seconds": 0.0, "cpu_seconds": 0.0, "children_cpu_seconds": 0.0, "calls": 0})
            for key in ("seconds", "cpu_seconds", "children_cpu_seconds", "calls"):
                into[key] += entry[key]
            into["first_start"] = min(into.get("first_start", entry["first_start"]), entry["first_start"])
    return total


begun = time.perf_counter()
out = ""

if __name__ == "__main__":
    out, argv = sys.argv[1], sys.argv[2:]
    sys.path.insert(0, os.getcwd())  # the checkout being timed, not benchmarks/
    found = install()
    multiprocessing.util.register_after_fork(local, in_worker)
    ready = time.perf_counter() - begun
    code = 1
    try:
        from generator.cli import main

        code = main(argv)
    finally:
        workers = gather_workers()
        with open(out, "w", encoding="utf-8") as file:
            json.dump({"stages": summed([times, *(w["stages"] for w in workers)]), "main_stages": times, "workers": workers,
                       "wrapped": found, "import_seconds": ready, "main_seconds": time.perf_counter() - begun - ready,
                       "exit": code, "peak_rss": peak_rss()}, file, indent=1)
    sys.exit(code)

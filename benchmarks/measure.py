"""Run one command and measure it whole: wall time, CPU time and peak memory of every process it starts.

CPU time and the overall peak come from the kernel (wait4's resource usage of the command and every
descendant it waited for, as `/usr/bin/time` reports them). The peak of each process comes from sampling
/proc every SAMPLE seconds for the command's process tree and keeping each process's VmHWM (its own peak
so far), so a process is seen unless it lives less than one sample.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

SAMPLE = 0.1


class StepFailed(Exception):
    """A step of the benchmark failed: its name, and the end of its error output."""


def children(pid: int) -> list[int]:
    """Return the pids of pid's children (every thread's), or [] if it is gone."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(p) for p in file.read().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def describe(pid: int, root: int, root_argv: list[bytes]) -> tuple[str, int, list[bytes]] | None:
    """Return (label, VmHWM in bytes, command line) of a process: 'main' for the command itself, 'python worker'
    for a fork of it or another Python process, 'python -m X' for such a command, else the program's name."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    if "VmHWM" not in fields:
        return None  # a zombie: its memory is gone already
    name = fields["Name"].strip()
    if pid == root:
        label = "main"
    elif name.startswith("python"):  # a fork keeps its parent's command line
        label = f"python -m {argv[argv.index(b'-m') + 1].decode()}" if b"-m" in argv[:-1] and argv != root_argv else "python worker"
    else:
        label = name
    return label, int(fields["VmHWM"].split()[0]) * 1024, argv


class Sampler(threading.Thread):
    """Keep the peak memory of every process in root's tree until stopped."""

    def __init__(self, root: int, command: list[str]):
        super().__init__(daemon=True)
        self.root, self.peaks, self.done = root, {}, threading.Event()
        self.root_argv = [a.encode() for a in command] + [b""]  # as /proc/PID/cmdline splits

    def run(self):
        while not self.done.is_set():
            pending = [self.root]
            while pending:
                pid = pending.pop()
                seen = describe(pid, self.root, self.root_argv)
                if seen and (pid != self.root or seen[2] == self.root_argv):  # not before exec: that is our memory
                    label, peak, _ = seen
                    old = self.peaks.get(pid, (label, 0))
                    self.peaks[pid] = (label, max(old[1], peak))
                pending += children(pid)
            self.done.wait(SAMPLE)

    def processes(self) -> list[dict]:
        """Return one row per label: its peak, how many processes had it."""
        rows: dict[str, dict] = {}
        for label, peak in self.peaks.values():
            row = rows.setdefault(label, {"label": label, "peak_bytes": 0, "count": 0})
            row["peak_bytes"], row["count"] = max(row["peak_bytes"], peak), row["count"] + 1
        return sorted(rows.values(), key=lambda r: (r["label"] != "main", -r["peak_bytes"]))


def run(step: str, command: list[str], cwd: Path, log: Path, env: dict | None = None) -> dict:
    """Run command in cwd, its output to log.out/log.err; return wall, CPU and memory; raise StepFailed if it fails."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log.with_suffix(".out"), "w") as out, open(log.with_suffix(".err"), "w") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL)
        sampler = Sampler(process.pid, command)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        sampler.done.set()
        sampler.join()
    if process.returncode != 0:
        tail = log.with_suffix(".err").read_text(errors="replace").strip().splitlines()[-40:]
        raise StepFailed(f"{step} failed (exit {process.returncode}): {' '.join(command)}\n  in {cwd}\n" + "\n".join(tail))
    processes = sampler.processes()
    return {"seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime, "user_seconds": usage.ru_utime,
            "system_seconds": usage.ru_stime, "kernel_peak_bytes": usage.ru_maxrss * 1024,
            "peak_bytes": max([usage.ru_maxrss * 1024] + [p["peak_bytes"] for p in processes]), "processes": processes,
            "load_average": os.getloadavg()}

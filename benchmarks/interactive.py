"""Editing in `serve`: change one offer's YAML and time until the served page shows the change.

serve_latency(root, work) serves a copy of the catalogue at root with `python -m generator serve`, then
edits the first offer's `purpose` in the first offers file (in place, as an editor saves) and polls the offer's
page until the new text is there, `trials` times.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from measure import StepFailed

REPO = Path(__file__).resolve().parent.parent
CATALOGUE = ("providers.yaml", "packages.yaml", "content", "cases")
PURPOSE = re.compile(r"^(\s*purpose: (?:>-?\s*\n\s+)?)", re.M)


def copy_catalogue(root: Path, copy: Path) -> None:
    """Copy the catalogue's YAML (not its work folder or site) from root to copy."""
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for name in CATALOGUE:
        if (root / name).is_dir():
            shutil.copytree(root / name, copy / name)
        elif (root / name).is_file():
            shutil.copy(root / name, copy / name)


def first_offer(root: Path) -> tuple[Path, str]:
    """Return the first offers file (sorted) and the id of its first offer."""
    path = sorted((root / "content" / "offers").glob("*.yaml"))[0]
    return path, re.search(r"^\s*- id: *(\S+)", path.read_text(encoding="utf-8"), re.M).group(1)


def serve_latency(root: Path, work: Path, label: str, trials: int = 3, startup: float = 3600) -> dict:
    """Serve a copy of the catalogue at root; time `trials` edits of one offer until its served page shows them."""
    copy = work / f"serve-{label}"
    copy_catalogue(root, copy)
    target, offer = first_offer(copy)
    port = free_port()
    url = f"http://127.0.0.1:{port}/tilbud/{offer}/"
    log = work / "logs" / f"serve-{label}.err"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open(log, "w") as err:
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(copy), "--port", str(port)],
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
    try:
        wait_for(url, "", startup, server, log)
        ready = time.perf_counter() - started
        seconds = [edit_once(target, url, trial, server, log) for trial in range(trials)]
        return {"catalogue": label, "file": target.relative_to(copy).as_posix(), "url_path": f"tilbud/{offer}/",
                "startup_seconds": ready, "seconds": seconds}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def edit_once(target: Path, url: str, trial: int, server, log: Path) -> float:
    """Put a new word into the offer's purpose; return the seconds until the page shows it."""
    time.sleep(2)  # let the previous rebuild settle, as an editor pauses between saves
    token = f"Maalepunkt{trial}x{time.time_ns() % 10**6}"
    text = PURPOSE.sub(lambda m: f"{m.group(1)}{token} ", target.read_text(encoding="utf-8"), count=1)
    if token not in text:
        raise StepFailed(f"serve: found no 'purpose:' to edit in {target}")
    start = time.perf_counter()
    target.write_text(text, encoding="utf-8")  # in place, as VS Code saves
    wait_for(url, token, 600, server, log)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, timeout: float, server, log: Path) -> None:
    """Poll url until it holds text; raise StepFailed if the server stops or the time runs out."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if server.poll() is not None:
            raise StepFailed(f"serve stopped (exit {server.returncode}) before {url} showed {text!r}; see {log}:\n"
                             + "\n".join(log.read_text(errors="replace").splitlines()[-30:]))
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise StepFailed(f"serve: {url} did not show {text!r} within {timeout:.0f} s; see {log}")

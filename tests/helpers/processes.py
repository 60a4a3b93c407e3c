"""How the tests start other processes: by spawning them, never by forking this one.

The test process has Qt loaded and threads running (pytest-qt, the workers' pools, embedded
servers). A fork copies one thread of it with every lock another thread held at that moment,
so the child can hang before it runs anything: CPython's docs say so of
the ``preexec_fn`` of ``subprocess.Popen``, and ``multiprocessing``'s ``fork`` start method has the
same flaw. Windows, where the shops are, can only spawn. So:

- ``multiprocessing`` uses the ``spawn`` start method (:func:`use_spawn`, from the root
  conftest), as the relay's own worker does;
- ``subprocess`` is used without ``preexec_fn``: what a child must set up before it runs
  (a resource limit) it does itself, in a small Python prelude that then ``exec``s the real
  command (:func:`with_file_limit`), keeping the pid the test holds.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Sets the soft and hard RLIMIT_NOFILE to argv[1], then becomes the command after it.
_LIMIT_THEN_EXEC = (
    "import os, resource, sys\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))\n"
    "os.execvp(sys.argv[2], sys.argv[2:])\n"
)


def use_spawn() -> None:
    """Make ``spawn`` the start method of every ``multiprocessing`` use in this process."""
    multiprocessing.set_start_method("spawn", force=True)


def with_file_limit(limit: int, command: Sequence[str]) -> list[str]:
    """``command`` run with at most ``limit`` open files (soft and hard), POSIX only."""
    return [sys.executable, "-c", _LIMIT_THEN_EXEC, str(limit), *command]


def run_python(code: str, *args: str, env: Mapping[str, str] | None = None) -> str:
    """What ``code`` prints, run in a fresh interpreter (what an import loads shows only in a
    new process); an AssertionError that shows its standard error if it fails."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, f"python -c exited {done.returncode}:\n{done.stderr}"
    return done.stdout


#: A statement printing what is loaded of Qt and of our Qt layer, in a ``run_python`` script.
PRINT_QT_LOADED = (
    "print(sorted(m for m in sys.modules"
    " if m.split('.')[0] in ('PySide6', 'shiboken6') or m.startswith('pos.ui')))\n"
)


def spawned_children(pid: int) -> list[int]:
    """The processes ``multiprocessing`` spawned for ``pid`` (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) != pid:
            continue
        with contextlib.suppress(OSError):
            if b"spawn_main" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
    return found


def wait_gone(pids: Sequence[int], timeout: float) -> None:
    """Wait until none of ``pids`` runs any more (orphans too, which no one can wait for)."""
    deadline = time.monotonic() + timeout
    while any(Path(f"/proc/{pid}").exists() for pid in pids):
        assert time.monotonic() < deadline, f"still running: {pids}"
        time.sleep(0.02)

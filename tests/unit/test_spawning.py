"""The suite starts processes as Windows does, by spawning them: never a fork of the test process.

See tests/helpers/processes.py for why a fork of a process with Qt and threads is unsafe.
"""

from __future__ import annotations

import multiprocessing
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.processes import with_file_limit

ROOT = Path(__file__).resolve().parents[2]

#: Ways to run Python code in a forked copy of the test process before (or instead of) exec.
_FORKING = {
    "preexec_fn": re.compile(r"preexec_fn\s*="),
    "os.fork": re.compile(r"\bos\.fork\("),
    "the fork start method": re.compile(r"""(get_context|set_start_method)\(\s*["']fork"""),
}


def test_multiprocessing_spawns_in_the_test_process() -> None:
    assert multiprocessing.get_start_method() == "spawn"


def test_no_test_or_benchmark_forks() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for folder in ("tests", "bench", "tools")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != Path(__file__).resolve()  # its samples below
        for name, pattern in _FORKING.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_forking_patterns_find_what_they_are_meant_to() -> None:
    # Guards the test above against passing because its patterns match nothing.
    samples = {
        "preexec_fn": "Popen(args, preexec_fn=set_limit)",
        "os.fork": "pid = os.fork()",
        "the fork start method": 'multiprocessing.get_context("fork")',
    }
    assert {name: bool(_FORKING[name].search(text)) for name, text in samples.items()} == {
        name: True for name in samples
    }


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_a_file_limit_is_set_in_the_child_itself() -> None:
    report = "import os, resource; print(os.getpid(), *resource.getrlimit(resource.RLIMIT_NOFILE))"
    child = subprocess.Popen(
        with_file_limit(321, [sys.executable, "-c", report]), stdout=subprocess.PIPE, text=True
    )
    output, _ = child.communicate(timeout=60)
    # The same process from the prelude to the command (exec): the test's pid stays valid.
    assert output.split() == [str(child.pid), "321", "321"]

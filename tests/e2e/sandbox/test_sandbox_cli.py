"""`pos sandbox` as a process: one line with the URL, serving, never the key."""

from __future__ import annotations

import subprocess
import sys

import httpx


def test_cli_prints_one_line_and_serves() -> None:
    key = "0123456789abcdef0123456789abcdef"
    code = (
        "from pos.commands import run_sandbox\n"
        f"run_sandbox('127.0.0.1', 0, 'wx01', '1230000109', {key!r})"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert key not in line and "1230000109" in line
        url = line.split(" on ")[1].split()[0]
        assert httpx.get(url + "/sandbox/health").json()["status"] == "ok"
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert key not in err

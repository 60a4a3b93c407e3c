"""The relay's connection limits: the cap's arithmetic, the file limit, accept errors."""

from __future__ import annotations

import asyncio
import errno
import logging

import pytest
from helpers.processes import run_python

from pos.relay.connections import RESERVED_FILES, AcceptErrorLog, ConnectionLimits


@pytest.mark.parametrize("file_limit", [256, 1024, 4096, 65536, 1 << 20])
def test_the_cap_and_two_backlogs_stay_below_the_file_limit(file_limit: int) -> None:
    limits = ConnectionLimits.for_file_limit(file_limit)
    assert limits.max_connections + 2 * limits.backlog + RESERVED_FILES <= file_limit
    assert limits.max_connections >= file_limit // 2


def test_the_soft_file_limit_is_raised_to_the_hard_one() -> None:
    script = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (200, 300))\n"
        "from pos.relay.connections import raise_file_limit\n"
        "print(raise_file_limit(), resource.getrlimit(resource.RLIMIT_NOFILE))\n"
    )
    output = run_python(script)
    assert output.split(maxsplit=1) == ["300", "(300, 300)\n"]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_flood_of_accept_errors_is_a_line_a_second_with_a_count(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = Clock()
    errors = AcceptErrorLog(clock=clock)
    with caplog.at_level(logging.ERROR, logger="pos.relay"):
        for _ in range(5000):
            errors.record("EMFILE")
        clock.now += 0.5
        errors.flush()  # not a second yet: nothing
        clock.now += 0.5
        errors.flush()
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "relay cannot accept connections error=EMFILE count=1 (out of descriptors or memory)",
        "relay cannot accept connections error=EMFILE count=4999 (out of descriptors or memory)",
    ]


def test_only_accept_errors_are_swallowed() -> None:
    seen: list[dict[str, object]] = []
    errors = AcceptErrorLog(previous=lambda loop, context: seen.append(context))
    loop = asyncio.new_event_loop()
    try:
        accept = {
            "message": "socket.accept() out of system resource",
            "exception": OSError(errno.EMFILE, "Too many open files"),
        }
        other = {"message": "Task exception was never retrieved", "exception": ValueError()}
        errors(loop, accept)
        errors(loop, other)
    finally:
        loop.close()
    assert seen == [other]

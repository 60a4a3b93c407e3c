"""The relay's connections under load: timeouts, a cap below the file limit, accept errors.

uvicorn has a keep-alive timeout but none for a request's header or body, and no cap on open
connections. A client that connects and sends nothing (or a header a byte at a time) holds a
file descriptor for ever; with ~1,000 of them ``accept()`` fails with EMFILE and WeChat Pay's
notifications time out. So the relay's uvicorn gets:

- a header deadline from the moment a connection is accepted (or a response is finished)
  until its next request's header is complete, and a body deadline until its body is;
- a cap on open connections below the file limit: past it, each new connection closes the
  one that has waited longest without a request in progress (never a request being served,
  never a till's event stream), the way nginx reuses idle keep-alive connections;
- an accept backlog small enough that one burst of accepts cannot overshoot the file limit;
- the soft file limit raised to the hard one at start;
- accept errors counted and logged at most once a second, instead of a line each.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("pos.relay")

#: File descriptors kept for everything but client connections: the database, the log files,
#: the worker's socket, the PostgreSQL listener, the interpreter's own.
RESERVED_FILES = 64


@dataclass(frozen=True)
class ConnectionLimits:
    """How long a client may take and how many connections the relay keeps open."""

    max_connections: int
    backlog: int
    header_seconds: float = 10.0
    body_seconds: float = 10.0
    keep_alive_seconds: int = 5

    @classmethod
    def for_file_limit(cls, file_limit: int, **timeouts: Any) -> ConnectionLimits:
        """Limits that keep the relay below ``file_limit`` open files.

        One turn of the event loop accepts up to ``backlog`` connections before any is seen,
        and those shed are closed a turn later, so two backlogs stay free on top of the reserve.
        """
        backlog = max(16, min(2048, file_limit // 8))
        max_connections = max(16, file_limit - 2 * backlog - RESERVED_FILES)
        return cls(max_connections=max_connections, backlog=backlog, **timeouts)

    def uvicorn_options(self) -> dict[str, Any]:
        """Keyword arguments for ``uvicorn.Config`` that apply these limits."""
        return {
            "http": guarded_protocol(self),
            "backlog": self.backlog,
            "timeout_keep_alive": self.keep_alive_seconds,
        }


def raise_file_limit() -> int:
    """Raise the soft limit on open files to the hard one; the soft limit now in force."""
    if sys.platform == "win32":
        return 512  # the C runtime's default; Windows has no RLIMIT_NOFILE
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # An unlimited hard limit cannot be the soft one (the kernel caps it at nr_open).
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if soft == resource.RLIM_INFINITY or soft >= target:
        return soft if soft != resource.RLIM_INFINITY else 1 << 20
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError) as exc:
        log.warning("relay cannot raise its file limit from %d error=%s", soft, exc)
        return soft
    return target


def guarded_protocol(limits: ConnectionLimits) -> type[H11Protocol]:
    """uvicorn's h11 protocol with header/body deadlines and the connection cap.

    One class per server: it holds that server's connections waiting for a request.
    """
    # Connections with no request in progress, oldest first (dicts keep insertion order).
    waiting: dict[GuardedProtocol, None] = {}
    shed: set[GuardedProtocol] = set()

    class GuardedProtocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None
        _phase: str | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._watch()
            if len(self.connections) - len(shed) > limits.max_connections:
                self._shed_oldest()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._watch()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._watch()

        def connection_lost(self, exc: Exception | None) -> None:
            waiting.pop(self, None)
            shed.discard(self)
            self._cancel()
            super().connection_lost(exc)

        def _watch(self) -> None:
            """Arm the deadline of the phase the request is in: its header, its body, or none
            (it is being served, or it is a stream)."""
            state = self.conn.their_state
            if self.transport.is_closing():
                phase = None
            elif state is h11.IDLE:
                phase = "header"
            elif state is h11.SEND_BODY:
                phase = "body"
            else:
                phase = None
            if phase == "header":
                waiting.setdefault(self)
            else:
                waiting.pop(self, None)
            if phase == self._phase:
                return  # a deadline runs from the start of its phase, not from the last byte
            self._cancel()
            self._phase = phase
            if phase is not None:
                seconds = limits.header_seconds if phase == "header" else limits.body_seconds
                self._deadline = self.loop.call_later(seconds, self._expire)

        def _cancel(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._deadline = None
            waiting.pop(self, None)
            if not self.transport.is_closing():
                self.transport.close()

        def _shed_oldest(self) -> None:
            for other in waiting:
                if other is not self:
                    break
            else:
                return  # every other connection is busy: this one waits like the rest
            waiting.pop(other)
            shed.add(other)
            other._cancel()
            other.transport.abort()

    return GuardedProtocol


#: What asyncio reports when accept() fails for lack of descriptors or memory.
_ACCEPT_ERRNOS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}


class AcceptErrorLog:
    """A loop exception handler that turns a flood of failed accepts into a line a second.

    Anything else goes to the handler that was there before (or the loop's default).
    """

    def __init__(
        self,
        previous: Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._previous = previous
        self._clock = clock
        self._last_line: float | None = None
        self._count = 0
        self._error = ""
        self._flush_scheduled = False

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if (
            "accept" in str(context.get("message", ""))
            and isinstance(exc, OSError)
            and exc.errno in _ACCEPT_ERRNOS
        ):
            self.record(errno.errorcode.get(exc.errno or 0, type(exc).__name__))
            if self._count and not self._flush_scheduled:
                # What is counted after this line is written a second later, not never.
                self._flush_scheduled = True
                loop.call_later(1.0, self.flush)
            return
        if self._previous is not None:
            self._previous(loop, context)
        else:
            loop.default_exception_handler(context)

    def record(self, error: str) -> None:
        """One failed accept: logged now if no line was written in the last second, else
        counted into the next line."""
        self._count += 1
        self._error = error
        now = self._clock()
        if self._last_line is None or now - self._last_line >= 1.0:
            self._write(now)

    def flush(self) -> None:
        """Log what was counted since the last line, if a second has passed."""
        self._flush_scheduled = False
        now = self._clock()
        if self._count and (self._last_line is None or now - self._last_line >= 1.0):
            self._write(now)

    def _write(self, now: float) -> None:
        log.error(
            "relay cannot accept connections error=%s count=%d (out of descriptors or memory)",
            self._error,
            self._count,
        )
        self._count = 0
        self._last_line = now

    @classmethod
    def install(cls, loop: asyncio.AbstractEventLoop) -> AcceptErrorLog:
        handler = cls(loop.get_exception_handler())
        loop.set_exception_handler(handler)
        return handler

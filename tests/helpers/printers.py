"""Fake ESC/POS network printers on loopback: one that records what it receives (and answers the
paper status request as told), one that hangs."""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import ClassVar


class FakeNetworkPrinter:
    """A TCP server on 127.0.0.1 that keeps every byte sent to it, like a printer on port 9100.

    :meth:`stop` closes it (the printer is off: connections are refused); :meth:`start` opens it
    again on the same port (switched back on).

    ``paper`` is what it answers to the real-time paper status request (``DLE EOT 4``) a
    connection opens with: ``ok``, ``low`` (near end), ``out``, or ``silent`` (no answer, as
    from a printer that ignores status requests). The request is counted in
    ``status_requests``, not kept in the job; a connection that sends no slip is no job.
    """

    #: The status byte of each state (ESC/POS: bits 1 and 4 always set; 2-3 near end; 5-6 out).
    PAPER_STATUS: ClassVar[dict[str, bytes]] = {"ok": b"\x12", "low": b"\x1e", "out": b"\x72"}
    STATUS_REQUEST = b"\x10\x04\x04"

    def __init__(self, port: int = 0, *, paper: str = "ok") -> None:
        self.port = port
        self.paper = paper
        self.status_requests = 0
        self.jobs: list[bytes] = []
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.received = threading.Condition(self._lock)

    def start(self) -> FakeNetworkPrinter:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(4)
        self.port = server.getsockname()[1]
        self._server = server
        self._thread = threading.Thread(target=self._serve, args=(server,), daemon=True)
        self._thread.start()
        return self

    def _serve(self, server: socket.socket) -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return  # closed by stop()
            with connection:
                data = self._answer_status(connection)
                chunks = [data]
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
            job = b"".join(chunks)
            with self.received:
                if job:
                    self.jobs.append(job)
                self.received.notify_all()

    def _answer_status(self, connection: socket.socket) -> bytes:
        """Read the connection's first bytes; answer a status request that opens it. The rest."""
        data = b""
        while len(data) < len(self.STATUS_REQUEST):
            chunk = connection.recv(65536)
            if not chunk:
                return data
            data += chunk
            if not self.STATUS_REQUEST.startswith(data[: len(self.STATUS_REQUEST)]):
                return data  # a slip without a status request first
        if not data.startswith(self.STATUS_REQUEST):
            return data
        with self.received:
            self.status_requests += 1
        if self.paper in self.PAPER_STATUS:
            connection.sendall(self.PAPER_STATUS[self.paper])
        return data[len(self.STATUS_REQUEST) :]

    def wait_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self.received:
            self.received.wait_for(lambda: len(self.jobs) >= count, timeout=timeout)
            return list(self.jobs)

    def stop(self) -> None:
        if self._server is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"


class HangingPrinter:
    """A printer that takes no connection and refuses none: connecting waits until the timeout.

    A listening socket whose tiny backlog is filled and never accepted: further SYNs get no
    answer, as from a printer that is half on or behind a dead link.
    """

    def __init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(0)
        self.port = self._server.getsockname()[1]
        self._fillers: list[socket.socket] = []
        for _ in range(4):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", self.port))
            self._fillers.append(filler)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def close(self) -> None:
        for filler in self._fillers:
            filler.close()
        self._server.close()

"""Loopback ports for the tests' servers (tests only ever use 127.0.0.1)."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A loopback port nothing listens on now: a server may take it, a client is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port

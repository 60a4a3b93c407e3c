"""The Sandbox: the simulator with its HTTP surface, to mount as an ASGI app or serve."""

from __future__ import annotations

from functools import cached_property

from starlette.applications import Starlette

from pos.asgi_server import BackgroundServer
from pos.sandbox.app import build_app
from pos.sandbox.simulator import Simulator


class Sandbox(Simulator):
    """A local WeChat Pay v2: ``app`` to mount or ``serve()`` on loopback, plus the simulator's
    test controls (:class:`~pos.sandbox.simulator.Simulator` says what the arguments mean)."""

    @cached_property
    def app(self) -> Starlette:
        """The ASGI app of this sandbox (one per sandbox)."""
        return build_app(self)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> BackgroundServer:
        """Start the sandbox on its own thread and loop; ``port=0`` picks a free port."""
        return BackgroundServer(self.app, host=host, port=port).start()

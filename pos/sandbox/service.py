"""The Sandbox: the simulator with its HTTP surface, to mount as an ASGI app or serve."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from pos.asgi_server import BackgroundServer
from pos.sandbox.app import build_app
from pos.sandbox.options import SandboxOptions
from pos.sandbox.simulator import DEFAULT_MERCHANT, Simulator
from pos.wechatpay.types import Merchant


class Sandbox(Simulator):
    """A local WeChat Pay v2: ``app`` to mount or ``serve()`` on loopback, plus the simulator's
    test controls (:class:`~pos.sandbox.simulator.Simulator` says what the arguments mean)."""

    def __init__(
        self,
        merchants: Iterable[Merchant] = (DEFAULT_MERCHANT,),
        *,
        clock: Callable[[], datetime] | None = None,
        time_scale: float = 1.0,
        options: SandboxOptions | None = None,
        state_path: Path | None = None,
    ) -> None:
        super().__init__(
            merchants, clock=clock, time_scale=time_scale, options=options, state_path=state_path
        )
        self.app = build_app(self)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> BackgroundServer:
        """Start the sandbox on its own thread and loop; ``port=0`` picks a free port."""
        return BackgroundServer(self.app, host=host, port=port).start()

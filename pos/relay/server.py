"""`pos relay`: the relay on uvicorn in the foreground, with a graceful stop on SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import socket
from collections.abc import Iterator
from types import FrameType
from typing import Any

import uvicorn

from pos.config import Settings
from pos.errors import ConfigError, PosError, StoreError
from pos.relay.app import RelaySettings, create_app
from pos.relay.connections import AcceptErrorLog, ConnectionLimits, raise_file_limit
from pos.relay.worker import why
from pos.wechatpay.types import Merchant

log = logging.getLogger("pos.relay")


def settings_from(settings: Settings, database_url: str) -> RelaySettings:
    """The relay of ``settings`` (``pos relay`` and ``python -m pos.relay`` alike): the merchant
    of ``[merchant]``/``WECHATPAY_*`` (the tills' default) and those of ``[[relay.merchants]]``,
    the tills of ``relay.till_tokens`` (``NAME=SECRET``) bound by ``relay.till_merchants``,
    and the webhooks of ``[[relay.webhooks]]``."""
    merchants: dict[str, Merchant] = {}
    for merchant in [*filter(None, [settings.merchant]), *settings.relay_merchants]:
        if merchant.mch_id in merchants:
            raise ConfigError(f"relay.merchants: merchant {merchant.mch_id} is given twice")
        merchants[merchant.mch_id] = merchant
    if not merchants:
        raise ConfigError(
            "pos relay needs a merchant: set WECHATPAY_APPID, WECHATPAY_MCH_ID "
            "and WECHATPAY_API_KEY, or configure one in the settings"
        )
    return RelaySettings(
        database_url=database_url,
        merchants=merchants,
        till_tokens=dict(settings.relay_till_tokens),
        till_merchants=dict(settings.relay_till_merchants),
        default_mch_id=settings.merchant.mch_id if settings.merchant else None,
        replay_events=settings.relay_replay_events,
        time_zone=settings.time_zone,
        webhooks=list(settings.relay_webhooks),
    )


class _RelayServer(uvicorn.Server):
    """uvicorn that first ends the open event streams, so that the requests in flight (the
    notifications being committed) are what the graceful shutdown waits for."""

    def __init__(self, config: uvicorn.Config, app: Any) -> None:
        super().__init__(config)
        self._app = app
        #: Why the relay could not start (None: it started, or is starting).
        self.startup_error: PosError | None = None

    async def serve(self, sockets: list[Any] | None = None) -> None:
        AcceptErrorLog.install(asyncio.get_running_loop())
        await super().serve(sockets)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        # The relay starts here rather than in the ASGI lifespan, whose failure uvicorn prints
        # as a traceback that hides the cause (a read-only database, PostgreSQL down).
        relay = self._app.state.relay
        try:
            await relay.start()
        except PosError as exc:
            self.startup_error = exc
        except OSError as exc:
            self.startup_error = StoreError(why(exc))
        if self.startup_error is not None:
            await relay.stop()
            self.should_exit = True
            return
        await super().startup(sockets)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets)
        await self._app.state.relay.stop()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._app.state.close_streams()
        super().handle_exit(sig, frame)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn re-raises the signal after a graceful shutdown (SIGINT would then end in a
        # KeyboardInterrupt traceback); `pos relay` returns 0 instead: the stop was asked for.
        with super().capture_signals():
            try:
                yield
            finally:
                captured = getattr(self, "_captured_signals", None)
                if isinstance(captured, list):
                    if captured:
                        log.info("relay stopping on signal %s", captured[-1])
                    captured.clear()


def serve(host: str, port: int, settings: RelaySettings) -> None:
    """Serve the relay until SIGTERM/SIGINT (``pos relay``, ``python -m pos.relay``). A relay
    that cannot start raises ConfigError or StoreError, whose one line says why (the port,
    the database)."""
    settings = dataclasses.replace(settings, isolated_worker=True)
    app = create_app(settings)
    file_limit = raise_file_limit()
    limits = ConnectionLimits.for_file_limit(file_limit)
    log.info(
        "relay connections file_limit=%d max=%d backlog=%d header=%gs body=%gs keep_alive=%ds",
        file_limit,
        limits.max_connections,
        limits.backlog,
        limits.header_seconds,
        limits.body_seconds,
        limits.keep_alive_seconds,
    )
    try:
        listener = _bind(host, port)
    except OSError as exc:
        raise ConfigError(
            f"the relay cannot listen on {host}:{port}: {exc.strerror or why(exc)}"
        ) from None
    config = uvicorn.Config(
        app,
        lifespan="off",  # the relay starts in _RelayServer.startup
        log_level="warning",
        timeout_graceful_shutdown=10,
        access_log=False,
        **limits.uvicorn_options(),
    )
    server = _RelayServer(config, app)
    server.run(sockets=[listener])
    error = server.startup_error
    if error is not None:
        raise type(error)(f"the relay cannot start: {error}") from None


def _bind(host: str, port: int) -> socket.socket:
    """The socket to listen on, bound here so that a port in use is one clear line.

    Not listening yet: until the relay has started, a connection is refused rather than kept
    waiting (a load balancer's probe or a bench must not take the port for a ready relay).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # h11 writes a reply's headers and body apart, and Nagle + delayed ACK would add 40 ms
        # to every answer. asyncio sets TCP_NODELAY on accepted sockets whose proto is TCP (hence
        # IPPROTO_TCP above); on Linux they also inherit it from the listener.
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listener.bind((host, port))  # uvicorn listens once the relay has started
    except OSError:
        listener.close()
        raise
    return listener

"""Fixtures of the sandbox's end-to-end tests: the sandbox on loopback, a notify sink, a clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from helpers.sandbox import FakeClock, NotifySink, RawClient, Running
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pos.asgi_server import BackgroundServer
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.wechatpay.notify import SUCCESS_REPLY
from pos.wechatpay.types import BEIJING


@pytest.fixture(scope="module")
def _module_sink() -> Iterator[NotifySink]:
    recorder = NotifySink()

    async def receive(request: Request) -> Response:
        reply = recorder.next_reply(await request.body())
        if recorder.delay:
            await asyncio.sleep(recorder.delay)
        return Response(reply, media_type="text/xml")

    app = Starlette(
        routes=[
            Route("/notify", receive, methods=["POST"]),
            Route("/refund-notify", receive, methods=["POST"]),
        ]
    )
    with BackgroundServer(app) as server:
        recorder.url = server.url + "/notify"
        yield recorder


@pytest.fixture
def sink(_module_sink: NotifySink) -> NotifySink:
    """A merchant's notify_url on loopback, emptied and answering SUCCESS for every test."""
    with _module_sink.lock:
        _module_sink.bodies.clear()
        _module_sink.times.clear()
        _module_sink.replies.clear()
        _module_sink.default = SUCCESS_REPLY
        _module_sink.delay = 0.0
    return _module_sink


START = datetime(2026, 6, 1, 12, 30, 0, tzinfo=BEIJING)


@pytest.fixture(scope="module")
def _module_clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def clock(_module_clock: FakeClock) -> FakeClock:
    """The module's hand-moved clock, back at 2026-06-01 12:30 Beijing for every test."""
    with _module_clock.lock:
        _module_clock.moment = START
    return _module_clock


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Running]]:
    """Build and serve a sandbox with any options; everything is stopped at the end."""
    started: list[Running] = []

    def make(**kwargs: object) -> Running:
        options = kwargs.pop("options", None)
        sandbox = Sandbox(
            options=options if isinstance(options, SandboxOptions) else None, **kwargs
        )  # type: ignore[arg-type]
        server = sandbox.serve()
        running = Running(sandbox, server, RawClient(server.url))
        started.append(running)
        return running

    yield make
    for running in started:
        running.client.close()
        running.server.stop()


@pytest.fixture(scope="module")
def _shared(_module_clock: FakeClock) -> Iterator[Running]:
    """One served sandbox per module, reset before each test (starting servers costs time)."""
    sandbox = Sandbox(clock=_module_clock)
    with BackgroundServer(sandbox.app) as server:
        client = RawClient(server.url)
        yield Running(sandbox, server, client)
        client.close()


@pytest.fixture
def box(_shared: Running, clock: FakeClock) -> Running:
    """A fresh sandbox on a hand-moved clock, refunds settling at once, today's bill open."""
    _shared.sandbox.reset(SandboxOptions(refund_delay=0, bill_allow_today=True))
    _shared.client.merchant = DEFAULT_MERCHANT
    return _shared

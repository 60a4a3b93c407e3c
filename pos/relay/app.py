"""The relay's routes: WeChat Pay notifications in, Server-Sent Events out to tills, health.

Order of work for a notification (§5.2): read the body with a cap; then, in the worker
(``worker.py``), parse it safely (§5.1), check merchant and appid, verify the signature (§2.5)
or decrypt ``req_info`` (§3.7) and commit the row; only then answer the exact SUCCESS XML
(§3.4). Anything refused gets FAIL with a reason and changes nothing; WeChat Pay retries, and
duplicates are answered SUCCESS again. The event loop itself only moves bytes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from pos.clock import DEFAULT_TIME_ZONE, BusinessDay
from pos.config.settings import RelayWebhook
from pos.errors import StoreError
from pos.relay import paths
from pos.relay.database import is_postgres_url, require_driver
from pos.relay.events import PAYMENT, REFUND, RelayEvent
from pos.relay.fanout import Hub
from pos.relay.intake import ShopIntake
from pos.relay.storage import NotificationStore
from pos.relay.tills import Till, till_with, tills_of
from pos.relay.webhooks import Dispatcher, WebhookPolicy, check_webhooks
from pos.relay.worker import Duplicate, Outcome, Refused, Stored, Worker
from pos.wechatpay.notify import SUCCESS_REPLY, reply
from pos.wechatpay.types import Merchant

log = logging.getLogger("pos.relay")

T = TypeVar("T")

#: §3.4: WeChat Pay waits 5 s for the reply; past 4 s we answer FAIL and let it retry (a row
#: committed after that is then a duplicate, answered SUCCESS).
STORE_DEADLINE_SECONDS = 4.0
_REPLAY_BATCH = 500
#: Last-Event-ID: an event id, at most 18 digits (ids are 64-bit; more would overflow).
_EVENT_ID = re.compile(r"[0-9]{1,18}")
#: Hand requests to the worker in groups of at most this many while it is busy (see submit).
_FLUSH_EVERY = 4


@dataclass
class RelaySettings:
    """What a relay needs: its database, the merchants it accepts, the tills it serves.

    ``till_tokens`` maps a till's name to its secret, the bearer token it sends (or to
    ``sha256:<hex>`` of that secret); the relay keeps only the hash. ``till_merchants`` binds
    a till to the mch_id whose events it gets; a till not in it gets ``default_mch_id``'s
    (None: the only merchant of ``merchants``).
    """

    database_url: str
    merchants: dict[str, Merchant]  # by mch_id
    till_tokens: dict[str, str] = field(default_factory=dict, repr=False)  # till name -> secret
    till_merchants: dict[str, str] = field(default_factory=dict)  # till name -> mch_id
    default_mch_id: str | None = None
    #: A till that reconnects gets back at most this many of the newest events (all merchants
    #: counted), whatever its Last-Event-ID: older ones it learns with orderquery.
    replay_events: int = 1000
    max_body_bytes: int = 64 * 1024
    heartbeat_seconds: float = 15.0
    #: The shop's time zone: where its business day begins (``GET /shop/v1/day``).
    time_zone: str = DEFAULT_TIME_ZONE
    #: A till's batch (``POST /till/v1/sync``) is at most this many bytes (413 above).
    max_sync_bytes: int = 4 * 1024 * 1024
    #: Verify and commit in a process of its own (``pos relay``: the loop keeps a core to
    #: itself) rather than on a thread (embedded in the till, where the load is one shop's).
    isolated_worker: bool = False
    #: Where each merchant's verified notifications are forwarded (``webhooks.py``), and how.
    webhooks: list[RelayWebhook] = field(default_factory=list, repr=False)
    webhook_policy: WebhookPolicy = field(default_factory=WebhookPolicy)


class _Relay:
    """The running parts of one relay: the worker, the reader thread, the hub."""

    def __init__(self, settings: RelaySettings) -> None:
        self.settings = settings
        self.loop: asyncio.AbstractEventLoop | None = None
        self.worker: Worker | None = None
        self.hub: Hub | None = None
        self.webhooks: Dispatcher | None = None
        # Reads (replay, fan-out, health) go through one thread with its own connection, so
        # they never wait behind the worker's commits and never block the event loop.
        self.reader_pool: concurrent.futures.ThreadPoolExecutor | None = None
        self.reader: NotificationStore | None = None
        # Requests not yet handed to the worker (and when the oldest arrived), and the batches
        # handed over but not answered yet (see submit).
        self._pending: _Batch = []
        self._pending_since = 0.0
        self._in_flight: set[object] = set()
        self._restarting = False
        self._stopping = False
        # Committed notifications not logged yet (see _log_stored).
        self._stored_lines: list[str] = []
        self._duplicate_lines: list[str] = []
        self._log_scheduled = False
        #: What starts after the notifications' parts and stops before them (the tills' data).
        self.services: list[ShopIntake] = []

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        url = self.settings.database_url
        require_driver(url)  # a clear word now, rather than a worker that cannot open it
        self.worker = await self._start_worker()
        self.reader_pool = concurrent.futures.ThreadPoolExecutor(1, "relay-reader")
        self.reader = NotificationStore(url)
        listen_url = url if is_postgres_url(url) else None
        self.hub = Hub(
            self.read_after,
            self.read_last_id,
            listen_url=listen_url,
            safety_poll_seconds=max(1.0, min(5.0, self.settings.heartbeat_seconds)),
        )
        await self.hub.start()
        for service in self.services:
            await service.start()
        if self.settings.webhooks:  # after the worker, which makes the outbox's table
            self.webhooks = Dispatcher(
                url,
                self.settings.webhooks,
                self.settings.webhook_policy,
                is_busy=self.is_taking_notifications,
            )
            await self.webhooks.start()
        log.info(
            "relay started database=%s merchants=%d tills=%d worker=%s",
            "postgresql" if listen_url else "sqlite",
            len(self.settings.merchants),
            len(self.settings.till_tokens),
            "process" if self.settings.isolated_worker else "thread",
        )

    async def stop(self) -> None:
        self._stopping = True
        for service in reversed(self.services):
            await service.stop()
        if self.hub is not None:
            await self.hub.stop()
        if self.webhooks is not None:
            await self.webhooks.stop()
        if self.worker is not None:
            await self.worker.stop()
        if self.reader_pool is not None and self.reader is not None:
            await self.read(self.reader.close)
            self.reader_pool.shutdown(wait=True)
        log.info("relay stopped")

    def is_taking_notifications(self) -> bool:
        """Notifications read and not answered yet (the webhooks' attempts wait for them)."""
        return bool(self._pending or self._in_flight)

    def close_streams(self) -> None:
        """Thread-safe: end the open event streams so a graceful shutdown need not wait on them."""
        if self.loop is not None and self.hub is not None and not self.loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(self.hub.close_streams)

    async def read(self, function: Callable[..., T], *args: Any) -> T:
        assert self.reader_pool is not None
        return await asyncio.get_running_loop().run_in_executor(self.reader_pool, function, *args)

    async def read_after(self, after_id: int, limit: int) -> list[RelayEvent]:
        assert self.reader is not None
        return await self.read(self.reader.events_after, after_id, limit)

    async def read_last_id(self) -> int:
        assert self.reader is not None
        return await self.read(self.reader.last_id)

    async def submit(self, kind: str, body: bytes) -> Stored | Duplicate | Refused:
        """Have the worker verify and commit one notification; its outcome, or StoreError.

        Stored and Duplicate were committed (answer SUCCESS); Refused says why not (answer
        FAIL with the reason).
        """
        assert self.loop is not None
        future: asyncio.Future[Stored | Duplicate | Refused] = self.loop.create_future()
        if not self._pending:
            self._pending_since = self.loop.time()
        self._pending.append(((kind, body), future))
        if not self._in_flight or len(self._pending) >= _FLUSH_EVERY:
            # The worker is idle, or a handful is ready: hand it over now, so that its work
            # overlaps with the reading of the requests behind (a burst does not wait for its
            # whole self to be read, and the commits do not run in lockstep with it).
            self._flush()
        elif len(self._pending) == 1:
            # The rest of this turn of the loop goes too; the worker merges the batches waiting
            # for it into one commit (group commit).
            self.loop.call_soon(self._flush)
        # Whichever way, the batch's deadline timer fails the future in time (§3.4).
        return await future

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        if not batch:
            return
        worker, loop = self.worker, self.loop
        if worker is None or loop is None or not worker.alive:
            for _, future in batch:
                if not future.done():
                    future.set_exception(StoreError("the relay worker is not running"))
            self._restart_worker()
            return
        token = object()
        self._in_flight.add(token)
        # One timer per batch, not one per request, counted from its oldest request: past the
        # deadline every future still waiting gets StoreError and its request answers FAIL.
        timer = loop.call_at(
            self._pending_since + STORE_DEADLINE_SECONDS, self._expire, batch, token
        )

        def done(outcomes: list[Outcome]) -> None:  # on the loop
            timer.cancel()
            self._in_flight.discard(token)
            self._resolve(batch, outcomes)

        worker.submit_many([request for request, _ in batch], done)

    def _resolve(self, batch: _Batch, outcomes: list[Outcome]) -> None:
        last_id = 0
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, StoreError):
                if not future.done():
                    future.set_exception(outcome)
                continue
            if isinstance(outcome, Stored):
                self._stored_lines.append(
                    f"{outcome.id}:{outcome.kind}:{outcome.mch_id}:{outcome.out_trade_no}"
                )
                last_id = max(last_id, outcome.id)
            elif isinstance(outcome, Duplicate):
                self._duplicate_lines.append(
                    f"{outcome.kind}:{outcome.mch_id}:{outcome.out_trade_no}"
                )
            if not future.done():
                future.set_result(outcome)
        if (self._stored_lines or self._duplicate_lines) and not self._log_scheduled:
            assert self.loop is not None
            self._log_scheduled = True
            self.loop.call_soon(self._log_stored)
        if last_id and self.hub is not None:
            self.hub.committed(last_id)  # the tills' streams get what was just committed
        if last_id and self.webhooks is not None:
            self.webhooks.wake()  # and the webhooks' deliveries committed with it

    def _log_stored(self) -> None:
        """One line for what was committed since the last, not one per notification.

        A line costs about as much as reading a request, and a burst comes back from the
        worker in batches. Each entry reads ``id:kind:mch_id:out_trade_no`` (a duplicate has
        no id). Refusals are logged one by one, as warnings.
        """
        self._log_scheduled = False
        stored, self._stored_lines = self._stored_lines, []
        duplicates, self._duplicate_lines = self._duplicate_lines, []
        if stored:
            log.info("relay notifications stored count=%d %s", len(stored), " ".join(stored))
        if duplicates:
            log.info(
                "relay notifications duplicate count=%d %s", len(duplicates), " ".join(duplicates)
            )

    def _expire(self, batch: _Batch, token: object) -> None:
        for _, future in batch:
            if not future.done():
                future.set_exception(StoreError("the relay database is too slow"))
        # No longer counted as in flight: the next request goes to the worker at once.
        self._in_flight.discard(token)

    async def _start_worker(self) -> Worker:
        settings = self.settings
        worker = Worker(
            settings.database_url,
            settings.merchants,
            isolated=settings.isolated_worker,
            webhooks=tuple((w.mch_id, w.url) for w in settings.webhooks),
        )
        await worker.start()
        return worker

    def _restart_worker(self) -> None:
        """Start a new worker after the last one stopped (at most one attempt a second)."""
        if self._restarting or self._stopping or self.loop is None:
            return
        self._restarting = True

        async def restart() -> None:
            try:
                await asyncio.sleep(1.0)
                if self._stopping:
                    return
                if self.worker is not None:
                    await self.worker.stop(timeout=1.0)
                self.worker = await self._start_worker()
                log.warning("relay worker restarted")
            except StoreError as exc:
                log.error("relay worker cannot restart error=%s", exc)
            finally:
                self._restarting = False

        self.loop.create_task(restart())


_Batch = list[tuple[tuple[str, bytes], "asyncio.Future[Stored | Duplicate | Refused]"]]


_XML_TYPE = (b"content-type", b"text/xml; charset=utf-8")
_SUCCESS_HEADERS = [_XML_TYPE, (b"content-length", str(len(SUCCESS_REPLY)).encode("ascii"))]


async def _send_xml(send: Send, body: bytes, *, close: bool = False) -> None:
    headers = (
        _SUCCESS_HEADERS
        if body is SUCCESS_REPLY
        else [_XML_TYPE, (b"content-length", str(len(body)).encode("ascii"))]
    )
    if close:
        headers = [*headers, (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _read_capped(scope: Scope, receive: Receive, cap: int) -> bytes | None:
    """The body, or None as soon as it is known to be over ``cap`` (never buffer more, §5.1).

    Raises ``_Disconnected`` if the client went away before the end of the body.
    """
    for name, value in scope["headers"]:
        if name == b"content-length" and (not value.isdigit() or int(value) > cap):
            return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise _Disconnected
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class _Disconnected(Exception):
    """The client closed the connection while sending its body."""


class _RelayApp(Starlette):
    """Starlette, but the two notify routes skip its router and Request/Response objects.

    They are the hot path (WeChat Pay's retries come in bursts); everything else, and a
    notify route called with another method (405), goes through Starlette as usual.
    """

    notify_handlers: dict[str, ASGIApp]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            handler = self.notify_handlers.get(scope["path"])
            if handler is not None:
                await handler(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def _notify_handler(relay: _Relay, kind: str, cap: int) -> ASGIApp:
    """The raw ASGI handler of one notify route: read, commit, then answer (§3.4)."""

    async def handle(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = await _read_capped(scope, receive, cap)
        except _Disconnected:
            return  # nobody to answer; WeChat Pay sends it again (§3.4)
        if body is None:
            log.warning("relay notification refused kind=%s reason=too-large", kind)
            await _send_xml(send, reply(False, "报文过大"), close=True)
            return
        try:
            outcome = await relay.submit(kind, body)
        except StoreError as exc:
            # Not committed, so never SUCCESS: WeChat Pay will send it again (§3.4).
            log.error("relay notification not stored kind=%s error=%s", kind, exc)
            await _send_xml(send, reply(False, "系统繁忙"))
            return
        if isinstance(outcome, Refused):
            log.warning("relay notification refused kind=%s reason=%s", kind, outcome.reason)
            await _send_xml(send, reply(False, outcome.reason))
            return
        await _send_xml(send, SUCCESS_REPLY)

    return handle


async def _event_stream(
    relay: _Relay, settings: RelaySettings, till: Till, last_id: int | None
) -> AsyncIterator[bytes]:
    """One till's Server-Sent Events: the replay after ``last_id``, then what is committed."""
    hub = relay.hub
    assert hub is not None
    # Subscribe before replaying: whatever is committed meanwhile is in the queue, and the id
    # check below drops what the replay already sent. (Inside the generator, so a client gone
    # before the first byte leaves no subscription behind.)
    subscription, cursor = hub.subscribe()
    log.info("relay till connected till=%s last_event_id=%s", till.name, last_id)
    # The replay is bounded: at most the newest ``replay_events`` events of the relay,
    # whatever the till asks for (0 would otherwise be the whole history).
    sent = cursor if last_id is None else max(last_id, cursor - settings.replay_events)
    try:
        yield b": connected\n\n"
        if last_id is not None:
            while True:
                batch = await relay.read_after(sent, _REPLAY_BATCH)
                for event in batch:
                    if event.mch_id == till.mch_id:  # a till sees its merchant only
                        yield event.to_sse()
                    sent = event.id
                if len(batch) < _REPLAY_BATCH:
                    break
        while True:
            item = await subscription.get(settings.heartbeat_seconds)
            if item is None:
                return
            if item is False:
                yield b": ping\n\n"
                continue
            assert isinstance(item, RelayEvent)
            if item.id <= sent:
                continue
            if item.mch_id == till.mch_id:
                yield item.to_sse()
            sent = item.id
    finally:
        hub.unsubscribe(subscription)
        log.info("relay till disconnected till=%s last_sent=%d", till.name, sent)


@dataclass
class _Endpoints:
    """The Starlette endpoints of one relay (the notify routes are :func:`_notify_handler`)."""

    relay: _Relay
    settings: RelaySettings
    tills: list[Till]

    def till_for(self, request: Request) -> Till | None:
        header = request.headers.get("authorization", "")
        scheme, _, credential = header.partition(" ")
        offered = credential.strip() if scheme.lower() == "bearer" else ""
        return till_with(self.tills, offered) if offered else None

    async def events(self, request: Request) -> Response:
        if "token" in request.query_params:
            # A URL ends up in proxies' access logs: a token there is a token given away.
            in_url = till_with(self.tills, request.query_params["token"])
            log.warning(
                "relay events refused till=%s reason=token-in-url",
                in_url.name if in_url else "unknown",
            )
            return JSONResponse(
                {"error": "send the token in the Authorization header, never in the URL"},
                status_code=400,
            )
        till = self.till_for(request)
        if till is None:
            log.warning("relay events refused till=unknown reason=bad-token")
            return JSONResponse(
                {"error": "unauthorized"}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        last_text = request.headers.get("last-event-id") or request.query_params.get(
            "last_event_id", ""
        )
        last_id: int | None = None
        if last_text:
            if not _EVENT_ID.fullmatch(last_text):
                return JSONResponse({"error": "bad Last-Event-ID"}, status_code=400)
            last_id = int(last_text)
        return StreamingResponse(
            _event_stream(self.relay, self.settings, till, last_id),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    async def health(self, request: Request) -> Response:
        relay = self.relay
        is_ok = False
        if relay.reader is not None:
            with contextlib.suppress(StoreError, TimeoutError):
                is_ok = await asyncio.wait_for(relay.read(relay.reader.ping), 5.0)
        worker_ok = relay.worker is not None and relay.worker.alive
        if not worker_ok:
            relay._restart_worker()
        body = {
            "status": "ok" if is_ok and worker_ok else "error",
            "database": "ok" if is_ok else "error",
            "worker": "ok" if worker_ok else "error",
        }
        return JSONResponse(body, status_code=200 if is_ok and worker_ok else 503)

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        await self.relay.start()
        try:
            yield
        finally:
            await self.relay.stop()


def create_app(settings: RelaySettings) -> Starlette:
    """The relay as an ASGI app. Embedded: serve it with ``pos.asgi_server.BackgroundServer``.

    ``app.state.close_streams()`` (thread-safe) ends the open event streams; call it before
    stopping the server so that the graceful shutdown does not wait for them.
    """
    tills = tills_of(settings)  # before anything starts: a bad binding is one line at start-up
    check_webhooks(settings.webhooks, settings.merchants)
    relay = _Relay(settings)
    endpoints = _Endpoints(relay, settings, tills)
    payment_notify = _notify_handler(relay, PAYMENT, settings.max_body_bytes)
    refund_notify = _notify_handler(relay, REFUND, settings.max_body_bytes)
    intake = ShopIntake(
        settings.database_url,
        endpoints.till_for,
        BusinessDay.named(settings.time_zone),
        settings.max_sync_bytes,
    )
    relay.services.append(intake)
    app = _RelayApp(
        routes=[
            Route(paths.PAYMENT_NOTIFY, payment_notify, methods=["POST"]),
            Route(paths.REFUND_NOTIFY, refund_notify, methods=["POST"]),
            Route(paths.EVENTS, endpoints.events, methods=["GET"]),
            Route(paths.HEALTH, endpoints.health, methods=["GET"]),
            *intake.routes(),
        ],
        lifespan=endpoints.lifespan,
    )
    app.notify_handlers = {
        paths.PAYMENT_NOTIFY: payment_notify,
        paths.REFUND_NOTIFY: refund_notify,
    }
    app.state.close_streams = relay.close_streams
    app.state.relay = relay
    return app

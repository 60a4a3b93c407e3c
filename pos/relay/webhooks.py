"""Webhooks: the relay forwards each verified, stored notification to the shop's other systems.

The worker adds a delivery row per endpoint in the commit that stores a notification
(``outbox.py``); the :class:`Dispatcher`, a task on the relay's event loop, claims due rows
and POSTs them. Its database work runs on a thread of its own with its own connection, so
the notify routes never wait for it. Each delivery is JSON (:func:`payload`) signed with the
endpoint's secret (:func:`signature`); a 2xx answer delivers it, anything else is tried again
with exponential back-off and jitter (:class:`WebhookPolicy`) until the give-up horizon, when
the row is marked dead, kept, and logged as an error. docs/webhooks.md is the receiver's side.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import hashlib
import hmac
import json
import logging
import math
import random
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from pos.config.settings import RelayWebhook
from pos.errors import ConfigError, StoreError
from pos.relay import outbox
from pos.relay.events import PAYMENT
from pos.wechatpay.types import Merchant

log = logging.getLogger("pos.relay")

T = TypeVar("T")

USER_AGENT = "wechatpay-pos-webhooks/1"
#: Bytes of an answer read at most (the status is what counts; the body is not kept).
_MAX_ANSWER_BYTES = 64 * 1024

#: The verified fields a delivery carries, per kind (§3.4, §3.7); never ``sign``,
#: ``nonce_str``, ``sign_type`` or ``req_info``: nothing of the signature's material.
PAYMENT_FIELDS = (
    "appid",
    "mch_id",
    "device_info",
    "out_trade_no",
    "transaction_id",
    "result_code",
    "trade_type",
    "bank_type",
    "openid",
    "is_subscribe",
    "fee_type",
    "total_fee",
    "settlement_total_fee",
    "cash_fee",
    "cash_fee_type",
    "coupon_fee",
    "coupon_count",
    "attach",
    "time_end",
)
REFUND_FIELDS = (
    "appid",
    "mch_id",
    "out_trade_no",
    "transaction_id",
    "refund_id",
    "out_refund_no",
    "refund_status",
    "total_fee",
    "settlement_total_fee",
    "refund_fee",
    "settlement_refund_fee",
    "success_time",
    "refund_recv_accout",
    "refund_account",
    "refund_request_source",
)
#: Amounts (integer fen) and counts: JSON numbers, not text.
INTEGER_FIELDS = frozenset(
    {
        "total_fee",
        "settlement_total_fee",
        "cash_fee",
        "coupon_fee",
        "coupon_count",
        "refund_fee",
        "settlement_refund_fee",
    }
)


@dataclass(frozen=True)
class WebhookPolicy:
    """When deliveries are tried again, for how long, and how many at once.

    After the n-th failed attempt the next waits ``min(max_delay, first_delay * 2**(n-1))``
    times a random factor in [0.5, 1] ("equal jitter": retries of many rows spread out rather
    than arriving together). A row still undelivered past ``give_up_after`` is dead.
    """

    first_delay: float = 5.0
    max_delay: float = 600.0
    give_up_after: float = 3 * 24 * 3600.0
    #: One attempt, all in: connecting, sending, the answer.
    attempt_seconds: float = 30.0
    connect_seconds: float = 5.0
    #: How long a claimed row is kept from other relays; well past ``attempt_seconds``.
    lease_seconds: float = 120.0
    #: How often the outbox is looked at when nothing wakes the dispatcher (rows coming due,
    #: rows another relay stored).
    poll_seconds: float = 1.0
    #: Attempts in flight per endpoint: a slow endpoint does not hold the others up. As many
    #: again wait claimed, so that an endpoint never idles while the outbox is read.
    per_endpoint: int = 8
    #: While notifications are coming in, no new attempt starts (the notify answers go
    #: first), but a round of them does at least this often.
    max_defer_seconds: float = 5.0
    #: Notifications are still coming in until none was stored for this long.
    quiet_seconds: float = 0.2

    def delay(self, failures: int, rng: random.Random) -> float:
        """Seconds to wait after ``failures`` failed attempts (1 for the first)."""
        ceiling = min(self.max_delay, self.first_delay * 2.0 ** min(failures - 1, 62))
        return ceiling * (0.5 + 0.5 * rng.random())


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """``X-POS-Signature``: ``sha256=`` and the hex HMAC-SHA256 of ``timestamp.body``."""
    message = timestamp.encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def payload(row: outbox.Claimed) -> bytes:
    """The JSON a delivery carries: its id, the relay's event id, the kind, when the relay
    received it, and the notification's verified fields (amounts as integer fen)."""
    names = PAYMENT_FIELDS if row.kind == PAYMENT else REFUND_FIELDS
    document: dict[str, Any] = {}
    for name in names:
        value = row.fields.get(name)
        if value is None or value == "":
            continue
        if name in INTEGER_FIELDS:
            if not (value.isascii() and value.isdigit()):
                continue  # a malformed optional amount is left out rather than guessed
            document[name] = int(value)
        else:
            document[name] = value
    document.update(
        id=row.uid,
        event_id=row.event_id,
        kind=row.kind,
        mch_id=row.mch_id,
        out_trade_no=row.out_trade_no,
        received_at=row.received_at.isoformat(timespec="milliseconds") + "Z",
    )
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def shown_url(url: str) -> str:
    """``url`` as logs show it: no user, password, query or fragment (they may hold a token)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def check_webhooks(webhooks: Sequence[RelayWebhook], merchants: Mapping[str, Merchant]) -> None:
    """ConfigError (one line) for a webhook of a merchant the relay does not serve."""
    for webhook in webhooks:
        if webhook.mch_id not in merchants:
            raise ConfigError(
                f"relay.webhooks: merchant {webhook.mch_id} is not served by this relay"
            )


class _QuietEndpoints(logging.Filter):
    """Drops httpx's own line for a request to a webhook (``HTTP Request: POST <url> ...``, at
    INFO): its URL may hold a token, and the dispatcher logs what happened without it."""

    def __init__(self, urls: Sequence[str]) -> None:
        super().__init__()
        self.urls = frozenset(str(httpx.URL(url)) for url in urls)

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(str(arg) in self.urls for arg in args)


@dataclass
class _Lane:
    """One endpoint and what the dispatcher knows of it."""

    webhook: RelayWebhook
    in_flight: int = 0
    #: Its last attempt failed; the next success makes its waiting rows due at once.
    is_failing: bool = False
    failures: int = 0  # attempts failed since it last succeeded
    must_hurry: bool = False
    #: Claimed rows waiting for a free attempt.
    waiting: collections.deque[outbox.Claimed] = field(default_factory=collections.deque)

    @property
    def key(self) -> outbox.Lane:
        return (self.webhook.mch_id, self.webhook.url)

    @property
    def shown(self) -> str:
        return f"{self.webhook.mch_id}:{shown_url(self.webhook.url)}"


class Dispatcher:
    """Delivers the outbox's rows: start it on the relay's loop, :meth:`wake` it after a commit."""

    def __init__(
        self,
        database_url: str,
        webhooks: Sequence[RelayWebhook],
        policy: WebhookPolicy | None = None,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        is_busy: Callable[[], bool] = lambda: False,
    ) -> None:
        """``is_busy`` says whether notifications are being taken in right now: new attempts
        then wait, and ``policy.quiet_seconds`` after the last :meth:`wake` (a commit) too,
        at most ``policy.max_defer_seconds`` in a row."""
        self.database_url = database_url
        self.policy = policy or WebhookPolicy()
        self._lanes = {(w.mch_id, w.url): _Lane(w) for w in webhooks}
        self._clock = clock
        self._rng = rng or random.Random()  # jitter, not a secret
        self._transport = transport  # tests: httpx.MockTransport
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._outbox: outbox.Outbox | None = None
        self._client: httpx.AsyncClient | None = None
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._attempts: set[asyncio.Task[None]] = set()
        self._results: list[outbox.Result] = []
        self._delivered: list[str] = []
        self._is_database_ok = True
        self._is_stopping = False
        self._is_busy = is_busy
        self._deferred_since: float | None = None
        self._last_commit = -math.inf  # time.monotonic() of the last wake
        self._quiet = _QuietEndpoints([w.url for w in webhooks])

    async def start(self) -> None:
        """Open the outbox (the worker has made its table) and start delivering."""
        self._pool = concurrent.futures.ThreadPoolExecutor(1, "relay-webhooks")
        self._outbox = await self._db(outbox.Outbox, self.database_url)
        policy = self.policy
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(policy.attempt_seconds, connect=policy.connect_seconds),
            limits=httpx.Limits(max_connections=policy.per_endpoint * max(1, len(self._lanes))),
            follow_redirects=False,  # a redirect is not a delivery: tried again, logged
            trust_env=False,  # straight to the endpoint, never through a proxy of the environment
            transport=self._transport,
        )
        self._wake = asyncio.Event()
        logging.getLogger("httpx").addFilter(self._quiet)
        await self._report_backlog()
        self._task = asyncio.get_running_loop().create_task(self._run(), name="relay-webhooks")

    def wake(self) -> None:
        """New deliveries were committed: look at the outbox now rather than at the next poll."""
        self._last_commit = time.monotonic()
        if self._wake is not None:
            self._wake.set()

    async def stop(self, grace: float = 2.0) -> None:
        """Stop claiming; give the attempts in flight ``grace`` seconds, release the others."""
        self._is_stopping = True
        if self._task is not None and self._wake is not None:
            self._wake.set()  # the loop ends after its step: rows it claims are released below
            await asyncio.gather(self._task, return_exceptions=True)
        if self._attempts:
            _, unfinished = await asyncio.wait(set(self._attempts), timeout=grace)
            for task in unfinished:
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)
        for lane in self._lanes.values():
            while lane.waiting:  # claimed, never attempted: due again at once
                row = lane.waiting.popleft()
                self._results.append(outbox.Released(row.id, row.claim, self._now_ms()))
        if self._results and self._outbox is not None:
            try:
                await self._step({})
            except StoreError as exc:
                # Claimed rows come due again when their lease ends: delivered late, not lost.
                log.warning("relay webhooks cannot record their last results error=%s", exc)
        if self._client is not None:
            await self._client.aclose()
        logging.getLogger("httpx").removeFilter(self._quiet)
        if self._outbox is not None:
            await self._db(self._outbox.close)
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    # --- the loop ---------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._is_stopping:
            try:
                await self._turn()
            except Exception:  # a bug: logged with its traceback; deliveries must go on
                log.exception("relay webhooks dispatcher broke; it goes on")
                await asyncio.sleep(self.policy.poll_seconds)

    async def _turn(self) -> None:
        """Claim what is due, start attempts, wait for the next reason to look again."""
        assert self._wake is not None
        if self._must_defer():
            # Notifications are coming in: their answers go first. Not woken by their
            # commits meanwhile, which would make a turn of this loop per commit.
            await asyncio.sleep(0.05)
            return
        self._wake.clear()
        # Claimed in rounds: a lane asks for more when half of what it holds is gone.
        per_endpoint = self.policy.per_endpoint
        wants = {
            lane.key: 2 * per_endpoint - held
            for lane in self._lanes.values()
            if (held := lane.in_flight + len(lane.waiting)) <= per_endpoint
        }
        try:
            claimed = await self._step(wants)
        except StoreError as exc:
            if self._is_database_ok:
                log.error("relay webhooks cannot use the database error=%s", exc)
                self._is_database_ok = False
            claimed = []
        else:
            if not self._is_database_ok:
                log.warning("relay webhooks reach the database again")
                self._is_database_ok = True
        for row in claimed:
            self._lanes[(row.mch_id, row.url)].waiting.append(row)
        for lane in self._lanes.values():
            self._start_attempts(lane)
        # A finished attempt, a commit or the poll: whichever comes first.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.policy.poll_seconds)

    def _must_defer(self) -> bool:
        """Whether new attempts wait for the notifications coming in (never for longer than
        ``max_defer_seconds`` in a row)."""
        if self._is_quiet():
            self._deferred_since = None
            return False
        now = time.monotonic()
        if self._deferred_since is None:
            self._deferred_since = now
        if now - self._deferred_since < self.policy.max_defer_seconds:
            return True
        self._deferred_since = now  # a round now, then deferred again
        return False

    def _is_quiet(self) -> bool:
        """No notification being taken in, none stored for ``policy.quiet_seconds``."""
        if self._is_busy():
            return False
        return time.monotonic() - self._last_commit >= self.policy.quiet_seconds

    def _start_attempts(self, lane: _Lane) -> None:
        while lane.waiting and lane.in_flight < self.policy.per_endpoint:
            row = lane.waiting.popleft()
            lane.in_flight += 1
            task = asyncio.get_running_loop().create_task(self._deliver(lane, row))
            self._attempts.add(task)
            task.add_done_callback(self._attempts.discard)

    async def _step(self, wants: Mapping[outbox.Lane, int]) -> list[outbox.Claimed]:
        """Record the results so far, hurry recovered endpoints, claim; results are kept for
        the next step if the database fails."""
        assert self._outbox is not None
        results, self._results = self._results, []
        hurry = [lane for lane in self._lanes.values() if lane.must_hurry]
        for lane in hurry:
            lane.must_hurry = False
        delivered, self._delivered = self._delivered, []
        now = self._now_ms()
        try:
            claimed = await self._db(
                self._outbox.step,
                results,
                wants,
                [lane.key for lane in hurry],
                now,
                int(self.policy.lease_seconds * 1000),
            )
        except StoreError:
            self._results = results + self._results
            self._delivered = delivered + self._delivered
            for lane in hurry:
                lane.must_hurry = True
            raise
        if delivered:
            # One line per step, not one per delivery (a burst is delivered in steps).
            log.info("relay webhooks delivered count=%d %s", len(delivered), " ".join(delivered))
        return claimed

    async def _deliver(self, lane: _Lane, row: outbox.Claimed) -> None:
        try:
            error = await self._attempt(lane.webhook, row)
        except asyncio.CancelledError:
            self._results.append(outbox.Released(row.id, row.claim, self._now_ms()))
            raise
        except Exception:  # a bug: logged with its traceback, the row tried again later
            log.exception("relay webhook attempt broke delivery=%s", row.uid)
            error = "bug"
        finally:
            lane.in_flight -= 1
            if not self._is_stopping and self._is_quiet():
                self._start_attempts(lane)  # the next waiting row, without a turn of the loop
            if self._wake is not None:
                self._wake.set()
        now = self._now_ms()
        if error is None:
            self._results.append(outbox.Delivered(row.id, row.claim, now))
            self._delivered.append(f"{row.uid}:{row.event_id}:{row.kind}:{row.out_trade_no}")
            if lane.is_failing:
                log.warning(
                    "relay webhook endpoint recovered endpoint=%s failed_attempts=%d",
                    lane.shown,
                    lane.failures,
                )
                lane.is_failing, lane.failures, lane.must_hurry = False, 0, True
            return
        lane.failures += 1
        if not lane.is_failing:
            lane.is_failing = True
            log.warning("relay webhook endpoint failing endpoint=%s error=%s", lane.shown, error)
        failures = row.attempts + 1
        due = now + int(self.policy.delay(failures, self._rng) * 1000)
        if due - row.created_at > self.policy.give_up_after * 1000:
            self._results.append(outbox.Dead(row.id, row.claim, error))
            log.error(
                "relay webhook GIVEN UP delivery=%s event=%d kind=%s mch_id=%s out_trade_no=%s "
                "endpoint=%s attempts=%d error=%s (kept as dead: docs/webhooks.md says how to "
                "replay it)",
                row.uid,
                row.event_id,
                row.kind,
                row.mch_id,
                row.out_trade_no,
                lane.shown,
                failures,
                error,
            )
            return
        self._results.append(outbox.Retry(row.id, row.claim, due, error))
        log.debug(
            "relay webhook attempt failed delivery=%s attempt=%d error=%s retry_in=%.1fs",
            row.uid,
            failures,
            error,
            (due - now) / 1000,
        )

    async def _attempt(self, webhook: RelayWebhook, row: outbox.Claimed) -> str | None:
        """POST one delivery; None when the endpoint answered 2xx, else why not (no secret)."""
        assert self._client is not None
        body = payload(row)
        timestamp = str(int(self._clock()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-POS-Delivery": row.uid,
            "X-POS-Timestamp": timestamp,
            "X-POS-Signature": signature(webhook.secret, timestamp, body),
        }
        try:
            async with asyncio.timeout(self.policy.attempt_seconds):
                request = self._client.stream("POST", webhook.url, content=body, headers=headers)
                async with request as response:
                    read = 0
                    async for chunk in response.aiter_bytes():
                        read += len(chunk)
                        if read > _MAX_ANSWER_BYTES:
                            break
                    status = response.status_code
        except (TimeoutError, httpx.TimeoutException):
            return "timeout"
        except httpx.ConnectError:
            return "cannot-connect"
        except httpx.HTTPError as exc:
            return type(exc).__name__
        return None if 200 <= status < 300 else f"HTTP-{status}"

    async def _report_backlog(self) -> None:
        """At start: what waits, what was given up, and rows no configured endpoint will take."""
        assert self._outbox is not None
        try:
            summary = await self._db(self._outbox.summary)
        except StoreError as exc:
            log.error("relay webhooks cannot read the outbox error=%s", exc)
            return
        pending = sum(n for (_, _, state), n in summary.items() if state == outbox.PENDING)
        dead = sum(n for (_, _, state), n in summary.items() if state == outbox.DEAD)
        log.info(
            "relay webhooks started endpoints=%d pending=%d dead=%d",
            len(self._lanes),
            pending,
            dead,
        )
        for (mch_id, url, state), count in sorted(summary.items()):
            if state == outbox.DEAD:
                log.error(
                    "relay webhooks given up count=%d endpoint=%s:%s (docs/webhooks.md: replay)",
                    count,
                    mch_id,
                    shown_url(url),
                )
            elif (mch_id, url) not in self._lanes:
                log.warning(
                    "relay webhooks pending for an endpoint not configured count=%d "
                    "endpoint=%s:%s (they wait until it is configured again)",
                    count,
                    mch_id,
                    shown_url(url),
                )

    async def _db(self, function: Callable[..., T], *args: Any) -> T:
        assert self._pool is not None
        return await asyncio.get_running_loop().run_in_executor(self._pool, function, *args)

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

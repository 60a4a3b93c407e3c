"""The relay's worker: verifies notifications and commits them, in a process of its own.

The event loop only reads bodies and writes answers. Everything that costs CPU per
notification (the XML parse, the signature, the row) happens here, in batches: a batch is
what the loop gathered in one turn, and the worker writes every batch waiting for it in one
transaction (group commit). In a process of its own (``pos relay``) it runs on another core
and never competes with the loop for the GIL; embedded in the till it runs on a thread, with
the same code and the same wire format.

Wire format, both ways over one socket pair: ``multiprocessing.connection`` frames (a 4-byte
length, then a pickle; both ends are this program). The loop sends a list of
``(kind, body)``; the worker answers with one list of :data:`Outcome` per batch, in order.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import socket
import struct
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pos.errors import NotificationError, StoreError
from pos.relay.events import PAYMENT, REFUND
from pos.relay.outbox import Lane
from pos.relay.storage import NewNotification, NotificationStore
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import parse_payment_notification, parse_refund_notification
from pos.wechatpay.types import Merchant

log = logging.getLogger("pos.relay")


@dataclass(frozen=True)
class Stored:
    """Committed as a new row with this ``id``: answer SUCCESS."""

    id: int
    kind: str
    mch_id: str
    out_trade_no: str


@dataclass(frozen=True)
class Duplicate:
    """Committed before (a repeat of a stored notification): answer SUCCESS."""

    kind: str
    mch_id: str
    out_trade_no: str


@dataclass(frozen=True)
class Refused:
    """Not a notification to keep (bad XML, signature, merchant): answer FAIL with ``reason``."""

    reason: str


#: What became of one notification; a StoreError is "not committed": answer FAIL, and WeChat
#: Pay sends it again.
Outcome = Stored | Duplicate | Refused | StoreError
Request = tuple[str, bytes]
BatchCallback = Callable[[list[Outcome]], None]

_HEADER = struct.Struct("!i")  # multiprocessing.connection's frame header
#: Batches waiting for the worker are merged into one commit up to this many notifications.
_MAX_COMMIT = 256


def verify(kind: str, body: bytes, merchants: dict[str, Merchant]) -> NewNotification:
    """Parse and check one notification; NotificationError says why to answer FAIL.

    The relay parses with ``xmlcodec.decode_fast`` (a third of its CPU went to xmltodict);
    the till, which decides whether a deal is paid, parses the same XML again with
    ``xmlcodec.decode`` and verifies the signature itself.
    """
    raw_xml = body.decode("utf-8", "replace")  # the codec has already refused non-UTF-8
    if kind == PAYMENT:
        # sign_type is implied by the notification itself (§2.5: field, else 64-char ⇒ HMAC).
        payment = parse_payment_notification(body, merchants, decode=xmlcodec.decode_fast)
        # The relay checks the amounts are sane; the till checks them against its deal (§5.2).
        if payment.cash_fee is not None and payment.cash_fee > payment.total_fee:
            raise NotificationError("cash_fee大于total_fee")
        fields = {k: v for k, v in payment.fields.items() if k != "sign"}
        return NewNotification(
            kind=PAYMENT,
            mch_id=payment.mch_id,
            out_trade_no=payment.out_trade_no,
            transaction_id=payment.transaction_id,
            out_refund_no=None,
            refund_status=None,
            raw_xml=raw_xml,
            fields=fields,
        )
    refund = parse_refund_notification(body, merchants, decode=xmlcodec.decode_fast)
    if refund.refund_fee > refund.total_fee:
        raise NotificationError("refund_fee大于total_fee")
    fields = {"appid": refund.appid, "mch_id": refund.mch_id, **refund.fields}
    return NewNotification(
        kind=REFUND,
        mch_id=refund.mch_id,
        out_trade_no=refund.out_trade_no,
        transaction_id=None,
        out_refund_no=refund.out_refund_no,
        refund_status=refund.fields["refund_status"],
        raw_xml=raw_xml,
        fields=fields,
    )


class _Work:
    """The worker's side: one NotificationStore, one connection to the loop."""

    def __init__(
        self,
        connection: multiprocessing.connection.Connection,
        url: str,
        merchants: dict[str, Merchant],
        webhooks: tuple[Lane, ...] = (),
    ) -> None:
        self.connection = connection
        self.url = url
        self.merchants = merchants
        self.webhooks = webhooks

    def run(self) -> None:
        try:
            # The webhooks' deliveries are added in the commit of their notification.
            store = NotificationStore(self.url, self.webhooks)
            store.create_schema()
        except Exception as exc:  # reported to start(), which says why in one line
            # Not logged here: start() raises with the cause, and `pos relay` prints one line.
            self._send(("failed", why(exc)))
            return
        self._send(("ready",))
        try:
            while True:
                try:
                    batches = [pickle.loads(self.connection.recv_bytes())]  # noqa: S301
                    size = len(batches[0])
                    while size < _MAX_COMMIT and self.connection.poll(0):
                        batches.append(pickle.loads(self.connection.recv_bytes()))  # noqa: S301
                        size += len(batches[-1])
                except (EOFError, OSError):
                    return  # the loop is gone or stopping: nothing is waiting for an answer
                for outcomes in self._handle(store, batches):
                    self._send(outcomes)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return
        finally:
            store.close()

    def _send(self, message: object) -> None:
        self.connection.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def _handle(
        self, store: NotificationStore, batches: list[list[Request]]
    ) -> list[list[Outcome]]:
        """Verify every request of ``batches``, commit the good ones together, answer each."""
        verdicts: list[list[NewNotification | Outcome]] = []
        for batch in batches:
            verdicts.append([self._verify(kind, body) for kind, body in batch])
        verified = [v for batch in verdicts for v in batch if isinstance(v, NewNotification)]
        ids = self._insert(store, verified)
        return [[self._outcome(v, ids) for v in batch] for batch in verdicts]

    def _verify(self, kind: str, body: bytes) -> NewNotification | Outcome:
        try:
            return verify(kind, body, self.merchants)
        except NotificationError as exc:
            return Refused(exc.reason)
        except Exception as exc:  # a bug must not take the others down with it
            log.exception("relay worker cannot verify a notification")
            return StoreError(f"cannot verify: {type(exc).__name__}")

    @staticmethod
    def _outcome(
        verdict: NewNotification | Outcome, ids: dict[int, int | StoreError | None]
    ) -> Outcome:
        if not isinstance(verdict, NewNotification):
            return verdict
        result = ids[id(verdict)]
        if isinstance(result, StoreError):
            return result
        if result is None:
            return Duplicate(verdict.kind, verdict.mch_id, verdict.out_trade_no)
        return Stored(result, verdict.kind, verdict.mch_id, verdict.out_trade_no)

    def _insert(
        self, store: NotificationStore, items: Sequence[NewNotification]
    ) -> dict[int, int | StoreError | None]:
        """Per item (by identity): its new id, None if known already, or the StoreError."""
        if not items:
            return {}
        try:
            return {
                id(item): result for item, result in zip(items, store.insert(items), strict=True)
            }
        except Exception:
            # One bad row must not fail its neighbours: write them one by one.
            return {id(item): self._insert_one(store, item) for item in items}

    def _insert_one(
        self, store: NotificationStore, item: NewNotification
    ) -> int | StoreError | None:
        try:
            return store.insert([item])[0]
        except Exception as exc:
            log.error(
                "relay store failed out_trade_no=%s error=%s", item.out_trade_no, type(exc).__name__
            )
            if isinstance(exc, StoreError):
                return exc
            error = StoreError(f"cannot store a notification: {type(exc).__name__}")
            error.__cause__ = exc
            return error


def why(exc: BaseException) -> str:
    """The root cause of ``exc`` in one line: the driver's own words ("file is not a database",
    "connection refused"), which name neither a password nor a key."""
    root = exc
    while root.__cause__ is not None:
        root = root.__cause__
    text = " ".join(str(root).split()) or type(root).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _worker_main(
    connection: multiprocessing.connection.Connection,
    url: str,
    merchants: dict[str, Merchant],
    webhooks: tuple[Lane, ...],
) -> None:
    """The worker process's entry point (spawned: a fresh interpreter, no Qt, no loop)."""
    # Ctrl-C in a terminal and systemd's stop signal reach the whole process group: the relay
    # stops gracefully, and the worker must live until it has answered what is in flight. It
    # ends when the relay closes its end of the socket (or dies: the kernel closes it).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _Work(connection, url, merchants, webhooks).run()


class _Frames(asyncio.Protocol):
    """The loop's end of the socket: answers in, each to the callback of its batch."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        start = 0
        while len(self.buffer) - start >= _HEADER.size:
            (length,) = _HEADER.unpack_from(self.buffer, start)
            end = start + _HEADER.size + length
            if end > len(self.buffer):
                break
            # Only our own worker is at the other end of this socket pair.
            message = pickle.loads(self.buffer[start + _HEADER.size : end])  # noqa: S301
            start = end
            self.worker._received(message)
        if start:
            del self.buffer[:start]

    def connection_lost(self, exc: Exception | None) -> None:
        self.worker._lost()


class Worker:
    """The loop's handle on the worker: ``submit_many`` batches, answers come back in order.

    ``isolated=True`` runs it in a process of its own (``pos relay``), else on a thread.
    ``webhooks`` (mch_id, url) are the endpoints whose deliveries it adds; no secret.
    """

    def __init__(
        self,
        url: str,
        merchants: dict[str, Merchant],
        *,
        isolated: bool,
        webhooks: tuple[Lane, ...] = (),
    ) -> None:
        self.url = url
        self.merchants = merchants
        self.isolated = isolated
        self.webhooks = webhooks
        # Per batch sent and not answered yet: its length and its callback.
        self._callbacks: collections.deque[tuple[int, BatchCallback]] = collections.deque()
        self._transport: asyncio.Transport | None = None
        self._ready: asyncio.Future[object] | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._thread: threading.Thread | None = None
        self.alive = False

    async def start(self, timeout: float = 60.0) -> None:
        """Start the worker and wait until its database is open; StoreError if it cannot."""
        loop = asyncio.get_running_loop()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        if self.isolated:
            self._process = context.Process(
                target=_worker_main,
                args=(theirs, self.url, self.merchants, self.webhooks),
                name="pos-relay-worker",
                daemon=True,
            )
            await asyncio.to_thread(self._process.start)
            theirs.close()
        else:
            work = _Work(theirs, self.url, self.merchants, self.webhooks)
            self._thread = threading.Thread(target=work.run, name="relay-worker", daemon=True)
            self._thread.start()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, fileno=os.dup(ours.fileno()))
        ours.close()
        self._ready = loop.create_future()
        transport, _ = await loop.create_unix_connection(lambda: _Frames(self), sock=sock)
        self._transport = transport
        try:
            answer = await asyncio.wait_for(asyncio.shield(self._ready), timeout)
        except TimeoutError:
            await self.stop()
            raise StoreError("the relay worker did not start in time") from None
        if not (isinstance(answer, tuple) and answer[0] == "ready"):
            await self.stop()
            cause = answer[1] if isinstance(answer, tuple) and len(answer) > 1 else "unknown"
            raise StoreError(f"the relay database cannot be opened: {cause}")
        self.alive = True

    def submit_many(self, requests: list[Request], done: BatchCallback) -> None:
        """Send one batch; ``done`` gets its outcomes on the loop, in order."""
        if not self.alive or self._transport is None or self._transport.is_closing():
            done([StoreError("the relay worker is not running") for _ in requests])
            return
        payload = pickle.dumps(requests, protocol=pickle.HIGHEST_PROTOCOL)
        self._callbacks.append((len(requests), done))
        self._transport.write(_HEADER.pack(len(payload)) + payload)

    async def stop(self, timeout: float = 10.0) -> None:
        """Let the worker finish what it was sent (its answers still arrive), then end it."""
        self.alive = False  # nothing new is sent, and its going away is no surprise
        if self._transport is not None and not self._transport.is_closing():
            if self._transport.can_write_eof():
                self._transport.write_eof()  # the worker sees EOF after the last batch
            deadline = asyncio.get_running_loop().time() + timeout
            while self._callbacks and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.01)
            self._transport.close()
        if self._process is not None:
            process = self._process
            await asyncio.to_thread(process.join, timeout)
            if process.is_alive():
                process.kill()
                await asyncio.to_thread(process.join, timeout)
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, timeout)
        self.alive = False

    def _received(self, message: object) -> None:
        if self._ready is not None and not self._ready.done():
            self._ready.set_result(message)
            return
        if not self._callbacks:
            log.error("relay worker answered a batch nobody sent")
            return
        _, done = self._callbacks.popleft()
        try:
            done(message)  # type: ignore[arg-type]
        except Exception:
            log.exception("relay worker callback failed")

    def _lost(self) -> None:
        was_alive = self.alive
        self.alive = False
        if self._ready is not None and not self._ready.done():
            self._ready.set_result(("failed", "connection lost"))
        while self._callbacks:
            count, done = self._callbacks.popleft()
            try:
                done([StoreError("the relay worker stopped") for _ in range(count)])
            except Exception:
                log.exception("relay worker callback failed")
        if was_alive:
            log.error("relay worker stopped")

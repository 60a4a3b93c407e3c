"""Fan-out of stored notifications to the tills' event streams, across relays via LISTEN/NOTIFY.

The database is the one source of events: the hub only ever publishes what it read back from
the table, in id order, from a cursor. A local commit wakes it directly; when several relay
processes share one PostgreSQL database, a commit in any of them sends ``NOTIFY`` and the
others, listening with psycopg 3's ``AsyncConnection.notifies()``, wake and read the same rows.
Inserts are serialised by an advisory lock (storage.py), so rows become visible in id order and
a cursor never skips a row committed late.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
from collections.abc import Awaitable, Callable

try:
    import psycopg
except ImportError:  # only a relay on PostgreSQL listens (see storage.require_driver)
    psycopg = None  # type: ignore[assignment]

from pos.errors import StoreError
from pos.relay.events import RelayEvent
from pos.relay.storage import NOTIFY_CHANNEL

log = logging.getLogger("pos.relay")

#: A till that falls this far behind is disconnected; it comes back with Last-Event-ID and
#: is replayed from the database, so a slow till costs the relay bounded memory.
MAX_PENDING = 1000
_READ_BATCH = 500


class Subscription:
    """One till's queue of live events. ``get`` gives an event, or None when the stream must end."""

    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._items: collections.deque[RelayEvent] = collections.deque()
        self._ready = asyncio.Event()
        self._max_pending = max_pending
        self.is_closed = False
        self.has_overflowed = False

    def put(self, event: RelayEvent) -> None:
        if self.is_closed:
            return
        if len(self._items) >= self._max_pending:
            self.has_overflowed = True
            self.close()
            return
        self._items.append(event)
        self._ready.set()

    def close(self) -> None:
        self.is_closed = True
        self._ready.set()

    async def get(self, timeout: float) -> RelayEvent | bool | None:
        """The next event; None if closed; False after ``timeout`` seconds without one."""
        if not self._items and not self.is_closed:
            self._ready.clear()
            try:
                await asyncio.wait_for(self._ready.wait(), timeout)
            except TimeoutError:
                return False
        if self.is_closed:
            return None
        return self._items.popleft()


class Hub:
    """Reads new rows after a cursor and hands them to every subscription, in id order."""

    def __init__(
        self,
        read_after: Callable[[int, int], Awaitable[list[RelayEvent]]],
        read_last_id: Callable[[], Awaitable[int]],
        *,
        listen_url: str | None = None,
        safety_poll_seconds: float = 5.0,
    ) -> None:
        self._read_after = read_after
        self._read_last_id = read_last_id
        self._listen_url = listen_url
        self._safety_poll = safety_poll_seconds
        self._subscriptions: set[Subscription] = set()
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.cursor = 0
        self.is_listening = False

    async def start(self) -> None:
        self.cursor = await self._read_last_id()
        self._tasks.append(asyncio.create_task(self._poll_loop(), name="relay-hub-poll"))
        if self._listen_url is not None:
            self._tasks.append(
                asyncio.create_task(self._listen_loop(self._listen_url), name="relay-hub-listen")
            )

    def committed(self, last_id: int) -> None:
        """Rows up to ``last_id`` are committed (here, or by a relay that sent NOTIFY).

        Call on the loop thread. With no till attached the cursor just moves past them:
        inserts are serialised (storage.py), so every row below ``last_id`` is committed
        already, and nothing is read for nobody. Otherwise the rows are read and published
        as for any wake-up.
        """
        if self._subscriptions:
            self._wake.set()
        else:
            self.cursor = max(self.cursor, last_id)

    def wake(self) -> None:
        """New rows may exist (a local commit, a NOTIFY): read them. Call on the loop thread."""
        self._wake.set()

    def subscribe(self) -> tuple[Subscription, int]:
        """A new subscription and the cursor it starts after (no await between: atomic)."""
        subscription = Subscription()
        self._subscriptions.add(subscription)
        return subscription, self.cursor

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)

    def close_streams(self) -> None:
        """End every open event stream (graceful shutdown: tills reconnect elsewhere or later)."""
        for subscription in list(self._subscriptions):
            subscription.close()
        self._subscriptions.clear()

    async def stop(self) -> None:
        self.close_streams()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    @property
    def subscriber_count(self) -> int:
        return len(self._subscriptions)

    async def _poll_loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                # The periodic read is a safety net for a NOTIFY missed while reconnecting.
                await asyncio.wait_for(self._wake.wait(), self._safety_poll)
            self._wake.clear()
            try:
                await self._catch_up()
            except StoreError as exc:
                log.warning("relay fan-out cannot read the database error=%s", exc)
                await asyncio.sleep(0.5)
                self._wake.set()

    async def _catch_up(self) -> None:
        if not self._subscriptions:
            # Nobody to hand rows to: move the cursor past them without reading them (a burst
            # of notifications with no till attached costs one MAX(id) per wake-up, not a
            # read of every row). A till that subscribed meanwhile has the old cursor, so then
            # the rows are read after all.
            last_id = await self._read_last_id()
            if not self._subscriptions:
                self.cursor = max(self.cursor, last_id)
                return
        while True:
            events = await self._read_after(self.cursor, _READ_BATCH)
            for event in events:
                self.cursor = event.id
                for subscription in list(self._subscriptions):
                    subscription.put(event)
                    if subscription.has_overflowed:
                        log.warning("relay till too slow, stream closed pending=%d", MAX_PENDING)
                        self._subscriptions.discard(subscription)
            if len(events) < _READ_BATCH:
                return

    async def _listen_loop(self, url: str) -> None:
        delay = 0.5
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    url, autocommit=True, connect_timeout=5
                )
                async with conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.is_listening = True
                    delay = 0.5
                    self.wake()  # rows committed while we were not listening
                    async for notify in conn.notifies():
                        # The payload is the highest id of the commit that sent it (any relay,
                        # this one too): with no till attached, nothing needs reading.
                        payload = notify.payload
                        if payload.isascii() and payload.isdigit():
                            self.committed(int(payload))
                        else:
                            self.wake()
            except (psycopg.Error, OSError) as exc:
                log.warning("relay LISTEN connection lost error=%s", type(exc).__name__)
            finally:
                self.is_listening = False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)

"""The till's side of the relay: follow ``GET /events`` (SSE), reconnect, resume with Last-Event-ID.

Qt-free: ``EventFollower.run()`` blocks its caller (the Qt layer runs it on a worker thread)
until the ``stop`` event is set. Inside, it drives an httpx AsyncClient on its own event loop,
which lets a stop request cancel a read that would otherwise wait for the next heartbeat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable

import httpx

from pos.relay.events import RelayEvent
from pos.relay.paths import EVENTS, relay_url

log = logging.getLogger("pos.relay.follower")

INITIAL_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 10.0
_STOP_POLL_SECONDS = 0.05

CONNECTED = "connected"
RECONNECTING = "reconnecting"


def next_backoff(delay: float) -> float:
    """The wait after ``delay``: doubling from 0.5 s, at most 10 s."""
    return min(delay * 2, MAX_BACKOFF_SECONDS)


class SseParser:
    """The Server-Sent Events line protocol (WHATWG): fields until a blank line ends an event."""

    def __init__(self) -> None:
        self._id: str | None = None
        self._event = ""
        self._data: list[str] = []

    def feed(self, line: str) -> tuple[str | None, str, str] | None:
        """Feed one line (without its end); return ``(id, event, data)`` when an event ends."""
        if line == "":
            if not self._data:
                self._event = ""
                return None
            result = (self._id, self._event or "message", "\n".join(self._data))
            self._event = ""
            self._data = []
            return result
        if line.startswith(":"):
            return None  # a comment: the relay's heartbeat
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "id" and "\0" not in value:
            self._id = value
        elif name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        return None


class _HttpStatusError(Exception):
    def __init__(self, status_code: int) -> None:
        super().__init__(f"HTTP {status_code}")
        self.status_code = status_code


class EventFollower:
    """Follows a relay's event stream and hands every :class:`RelayEvent` to ``on_event``.

    Events arrive in id order, each once per follower: after a reconnect the relay replays
    from ``last_event_id``. ``on_event`` runs on the thread that called :meth:`run`; an
    exception in it is logged and the event still counts as delivered (a poison event must
    not stall the stream). ``on_state`` hears "connected" and "reconnecting".
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        on_event: Callable[[RelayEvent], None],
        *,
        last_event_id: int | None = None,
        stop: threading.Event | None = None,
        on_state: Callable[[str], None] | None = None,
        read_timeout: float = 45.0,
    ) -> None:
        self._url = relay_url(base_url, EVENTS)
        self._token = token
        self._on_event = on_event
        self._last_event_id = last_event_id
        self._stop = stop if stop is not None else threading.Event()
        self._on_state = on_state
        self._read_timeout = read_timeout
        self._state: str | None = None

    def __repr__(self) -> str:
        return f"EventFollower({self._url!r}, last_event_id={self._last_event_id})"

    @property
    def last_event_id(self) -> int | None:
        return self._last_event_id

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    def run(self) -> None:
        """Follow the stream until ``stop`` is set."""
        asyncio.run(self._main())

    async def _main(self) -> None:
        task = asyncio.create_task(self._follow())
        while not self._stop.is_set() and not task.done():
            await asyncio.sleep(_STOP_POLL_SECONDS)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    def _set_state(self, state: str) -> None:
        if state == self._state:
            return
        self._state = state
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("relay follower on_state callback failed")

    async def _follow(self) -> None:
        timeout = httpx.Timeout(connect=5.0, read=self._read_timeout, write=5.0, pool=5.0)
        delay = INITIAL_BACKOFF_SECONDS
        async with httpx.AsyncClient(timeout=timeout) as client:
            while True:
                is_connected = False
                try:
                    is_connected = await self._stream_once(client)
                    log.info("relay stream ended by the server")
                except _HttpStatusError as exc:
                    log.warning("relay refused the event stream status=%d", exc.status_code)
                except (httpx.HTTPError, ValueError) as exc:
                    log.warning("relay stream lost error=%s", type(exc).__name__)
                if is_connected:
                    delay = INITIAL_BACKOFF_SECONDS
                self._set_state(RECONNECTING)
                await asyncio.sleep(delay)
                delay = next_backoff(delay)

    async def _stream_once(self, client: httpx.AsyncClient) -> bool:
        """Follow one connection until it ends; whether the relay sent anything at all."""
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "text/event-stream",
            "Cache-Control": "no-cache",
        }
        if self._last_event_id is not None:
            headers["Last-Event-ID"] = str(self._last_event_id)
        async with client.stream("GET", self._url, headers=headers) as response:
            if response.status_code != 200:
                raise _HttpStatusError(response.status_code)
            parser = SseParser()
            has_spoken = False
            try:
                async for line in response.aiter_lines():
                    if not has_spoken:
                        # Connected once the relay speaks: its first frame is sent after it has
                        # subscribed this stream, so nothing committed from here on is missed.
                        has_spoken = True
                        self._set_state(CONNECTED)
                    frame = parser.feed(line)
                    if frame is not None:
                        self._deliver(*frame)
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("relay stream lost error=%s", type(exc).__name__)
            return has_spoken

    def _deliver(self, event_id: str | None, kind: str, data: str) -> None:
        if event_id is None or not event_id.isascii() or not event_id.isdigit():
            log.warning("relay event without a numeric id ignored")
            return
        number = int(event_id)
        if self._last_event_id is not None and number <= self._last_event_id:
            return  # already handed over (cannot happen with a correct relay; cheap to check)
        try:
            event = RelayEvent.from_json(data, event_id=number, kind=kind)
        except ValueError as exc:
            log.warning("relay event unreadable id=%d error=%s", number, exc)
            self._last_event_id = number
            return
        try:
            self._on_event(event)
        except Exception:
            log.exception(
                "relay follower on_event failed id=%d out_trade_no=%s", number, event.out_trade_no
            )
        self._last_event_id = number

"""Delivery of notifications to ``notify_url`` with WeChat Pay's retry schedule (§3.4, §3.7).

The first attempt is immediate; after a failed attempt the next one waits the
next gap of ``15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h``; after the
sixteenth failed attempt the notification is given up (24 h 4 min). An attempt
succeeds only when the reply parses and says ``return_code=SUCCESS`` within the
reply timeout. Due times are on the sandbox's (possibly scaled) clock; the
attempts run on the sandbox's own event loop with ``httpx.AsyncClient``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from pos.errors import XmlError
from pos.sandbox.options import SandboxOptions
from pos.wechatpay import xmlcodec


@dataclass(frozen=True)
class DeliveryAttempt:
    """One attempt to deliver a notification, as a test sees it in ``sandbox.deliveries``.

    ``outcome`` is ``success``, ``fail`` (parsed, not SUCCESS), ``bad_reply`` (unparseable),
    ``timeout``, ``error`` (connection refused, reset...) or ``lost`` (a ``notify_lose``
    fault: nothing was sent). ``final`` marks the attempt that ended the notification
    (success, or the last failure before giving up).
    """

    kind: str  # "payment" or "refund"
    key: str  # out_trade_no (payment) or out_refund_no (refund)
    url: str
    body: bytes
    attempt: int  # 1 for the first attempt
    time: datetime  # on the sandbox clock
    outcome: str
    status: int | None = None
    reply: bytes = b""
    final: bool = False

    @property
    def succeeded(self) -> bool:
        return self.outcome == "success"

    @property
    def gave_up(self) -> bool:
        return self.final and not self.succeeded


@dataclass
class _Job:
    kind: str
    key: str
    url: str
    body: bytes
    due: datetime
    serial: int
    generation: int = 0
    attempts: int = 0
    duplicate: bool = False
    held: bool = False
    hold_until: datetime | None = None
    in_flight: bool = False
    done: bool = False
    extra: list[bytes] = field(default_factory=list)


class Notifier:
    """Queue of notifications; :meth:`pump` starts the due attempts on the running loop."""

    def __init__(self, clock: Callable[[], datetime], options: SandboxOptions) -> None:
        self._clock = clock
        self._options = options
        self._lock = threading.Lock()
        self._jobs: list[_Job] = []
        self._serial = itertools.count(1)
        self._attempts: list[DeliveryAttempt] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._client: httpx.AsyncClient | None = None
        self._wakeup: asyncio.Event | None = None
        self._generation = 0

    # --- called from any thread --------------------------------------------------------------

    def submit(
        self,
        kind: str,
        key: str,
        url: str,
        body: bytes,
        *,
        delay: float = 0.0,
        duplicate: bool = False,
        out_of_order: bool = False,
        hold_at_most: float = 0.0,
    ) -> None:
        """Queue a notification; its first attempt is due now (or after ``delay`` sim-seconds).

        ``out_of_order`` holds it back until the next notification has been attempted, or
        ``hold_at_most`` sim-seconds when that is positive and nothing else comes.
        """
        with self._lock:
            due = self._clock() + timedelta(seconds=delay)
            hold_until = (
                due + timedelta(seconds=hold_at_most) if out_of_order and hold_at_most > 0 else None
            )
            job = _Job(
                kind=kind,
                key=key,
                url=url,
                body=body,
                due=due,
                serial=next(self._serial),
                generation=self._generation,
                duplicate=duplicate,
                held=out_of_order,
                hold_until=hold_until,
            )
            self._jobs.append(job)

    def reset(self, options: SandboxOptions | None = None) -> None:
        """Forget every queued notification and recorded attempt (in-flight ones are dropped)."""
        with self._lock:
            self._generation += 1
            self._jobs = []
            self._attempts = []
            if options is not None:
                self._options = options

    def record_lost(self, kind: str, key: str, url: str, body: bytes) -> None:
        """A ``notify_lose`` fault: recorded so tests can see it, never sent."""
        with self._lock:
            self._attempts.append(
                DeliveryAttempt(kind, key, url, body, 0, self._clock(), "lost", final=True)
            )

    @property
    def attempts(self) -> list[DeliveryAttempt]:
        with self._lock:
            return list(self._attempts)

    @property
    def pending(self) -> int:
        """Notifications not finished yet (waiting, held or in flight)."""
        with self._lock:
            return sum(1 for job in self._jobs if not job.done)

    # --- on the sandbox's loop ------------------------------------------------------------

    async def start(self) -> None:
        self._wakeup = asyncio.Event()
        self._client = httpx.AsyncClient(
            timeout=self._options.notify_timeout, follow_redirects=False, trust_env=False
        )

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def pump(self) -> datetime | None:
        """Start every due attempt as its own task; never waits for one.

        Returns when the next waiting attempt is due (None when nothing waits), so the
        caller can sleep just that long on a scaled clock.
        """
        if self._client is None:
            return None
        now = self._clock()
        with self._lock:
            self._jobs = [job for job in self._jobs if not job.done]
            for job in self._jobs:
                if job.held and job.hold_until is not None and job.hold_until <= now:
                    job.held = False
            due = [
                job for job in self._jobs if not job.in_flight and not job.held and job.due <= now
            ]
            for job in due:
                job.in_flight = True
            waiting = [
                job.due
                for job in self._jobs
                if not job.in_flight and not job.held and job.due > now
            ]
        for job in due:
            task = asyncio.get_running_loop().create_task(self._attempt(job))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return min(waiting, default=None)

    async def _post(self, job: _Job) -> tuple[str, int | None, bytes]:
        assert self._client is not None
        try:
            response = await self._client.post(
                job.url, content=job.body, headers={"Content-Type": "text/xml; charset=utf-8"}
            )
        except httpx.TimeoutException:
            return "timeout", None, b""
        except httpx.HTTPError:
            return "error", None, b""
        reply = response.content[:4096]
        try:
            fields = xmlcodec.decode(response.content)
        except XmlError:
            return "bad_reply", response.status_code, reply
        if fields.get("return_code") == "SUCCESS":
            return "success", response.status_code, reply
        return "fail", response.status_code, reply

    async def wait(self, seconds: float) -> None:
        """Sleep up to ``seconds``; an attempt that ends wakes the sleeper at once."""
        if self._wakeup is None:
            await asyncio.sleep(seconds)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), seconds)
        self._wakeup.clear()

    async def _attempt(self, job: _Job) -> None:
        started = self._clock()
        outcome, status, reply = await self._post(job)
        schedule = self._options.notify_schedule
        with self._lock:
            if job.generation != self._generation:
                return  # the sandbox was reset meanwhile
            job.attempts += 1
            final = False
            if outcome == "success":
                if job.duplicate:
                    # notify_duplicate: WeChat may send again even after SUCCESS (§3.4).
                    job.duplicate = False
                    job.due = started
                else:
                    final = True
                    job.done = True
            elif job.attempts > len(schedule):
                final = True
                job.done = True
            else:
                job.due = started + timedelta(seconds=schedule[job.attempts - 1])
            job.in_flight = False
            self._attempts.append(
                DeliveryAttempt(
                    job.kind,
                    job.key,
                    job.url,
                    job.body,
                    job.attempts,
                    started,
                    outcome,
                    status,
                    reply,
                    final,
                )
            )
            if job.attempts == 1:
                # notify_out_of_order: a held notification goes after the next one's first try.
                for other in self._jobs:
                    if other.held and other.serial < job.serial:
                        other.held = False
                        other.due = self._clock()
        if self._wakeup is not None:
            self._wakeup.set()

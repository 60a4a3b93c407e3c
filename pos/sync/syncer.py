"""Syncer: empties the till's outbox into the shop server, batch by batch, with back-off.

It never sleeps and starts no thread: :meth:`Syncer.push_once` does one round trip, and
:meth:`Syncer.retry_delay` says when to call again; the till's workers (or a test, or a
bench) own the waiting. The cursor moves only after the server has committed a batch, so a
server that dies mid-request costs one batch sent twice, which the server ignores.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

from pos.errors import ShopServerRefused, ShopServerUnreachable
from pos.sync.client import ShopServerClient
from pos.sync.outbox import Outbox, Outgoing
from pos.sync.wire import Ack

log = logging.getLogger("pos.sync")

#: Seconds between tries while the server cannot be reached: doubling from the first, at
#: most the last, each with up to a fifth more at random (tills do not retry in step).
FIRST_DELAY = 1.0
MAX_DELAY = 60.0
#: When the outbox is empty, how often to look again.
IDLE_DELAY = 2.0


@dataclass(frozen=True)
class PushResult:
    """One round trip: rows sent, and whether more is waiting."""

    history: int = 0
    deals: int = 0
    refunds: int = 0
    records: int = 0
    has_more: bool = False
    conflicts: tuple[str, ...] = ()


class Syncer:
    """Sends one till's outbox to the shop server."""

    def __init__(
        self, outbox: Outbox, client: ShopServerClient, *, jitter: random.Random | None = None
    ) -> None:
        self.outbox = outbox
        self.client = client
        self._jitter = jitter or random.Random()
        self.failures = 0
        #: Why the server refused this till (a setting to fix); None while all is well.
        self.refused: ShopServerRefused | None = None

    def push_once(self) -> PushResult:
        """Send the next batch; ShopServerUnreachable or ShopServerRefused if it was not
        taken (nothing moved: it goes again next time)."""
        outgoing = self.outbox.next_batch()
        if outgoing.batch.is_empty:
            self.failures = 0
            return PushResult()
        return self.note(outgoing, self.send(outgoing))

    # push_once in its three steps, for a till whose store is written by one thread only:
    # ``outbox.next_batch()`` and :meth:`note` there, :meth:`send` on a network thread.

    def send(self, outgoing: Outgoing) -> Ack:
        """The network half of :meth:`push_once`: send a (non-empty) batch; errors as there."""
        try:
            return self.client.push(outgoing.batch)
        except ShopServerUnreachable:
            self.failures += 1
            raise
        except ShopServerRefused as exc:
            self.failures += 1
            if self.refused is None:  # said once, not at every try
                log.error("sync refused till=%s error=%s", self.outbox.till, exc)
            self.refused = exc
            raise

    def note(self, outgoing: Outgoing, ack: Ack) -> PushResult:
        """The store's half: move the outbox past what the server acknowledged."""
        batch = outgoing.batch
        self.outbox.acknowledged(outgoing, ack)
        self.failures = 0
        self.refused = None
        if ack.conflicts:
            log.warning(
                "sync conflicts till=%s numbers=%s (another till sent these order numbers)",
                self.outbox.till,
                ",".join(ack.conflicts),
            )
        size = self.outbox.batch_size
        return PushResult(
            history=len(batch.history),
            deals=len(batch.deals),
            refunds=len(batch.refunds),
            records=len(batch.records),
            has_more=max(len(batch.history), len(batch.refunds), len(batch.records)) >= size,
            conflicts=ack.conflicts,
        )

    def push_all(self, max_batches: int = 1_000_000) -> PushResult:
        """Send batches until the outbox is empty; the sum. Errors as :meth:`push_once`."""
        total = PushResult()
        for _ in range(max_batches):
            result = self.push_once()
            total = PushResult(
                history=total.history + result.history,
                deals=total.deals + result.deals,
                refunds=total.refunds + result.refunds,
                records=total.records + result.records,
                has_more=result.has_more,
                conflicts=total.conflicts + result.conflicts,
            )
            if not result.has_more:
                break
        return total

    def retry_delay(self) -> float | None:
        """Seconds until the next try: IDLE_DELAY when all is well, a growing back-off while
        the server cannot be reached, None while it refuses this till (fix the settings)."""
        if self.refused is not None:
            return None
        if self.failures == 0:
            return IDLE_DELAY
        delay: float = min(MAX_DELAY, FIRST_DELAY * 2.0 ** min(self.failures - 1, 16))
        return delay * (1 + self._jitter.random() / 5)

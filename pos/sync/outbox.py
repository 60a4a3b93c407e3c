"""The till's outbox: the next batch for the shop server, and its acknowledgement.

Offline first: the outbox is the till's own database (its deals' append-only history, the
refunds, the shop records), so a till that cannot reach the server sells on and loses
nothing; what the server has acknowledged is a cursor in the same database
(:mod:`pos.store.outbox`). Nothing is ever deleted to "send" it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from pos.clock import Clock, utc_now
from pos.store import Store
from pos.store.outbox import HISTORY, OutboxDeal, Pending
from pos.sync.wire import (
    KIND_FORM,
    MAX_PAYLOAD_CHARS,
    Ack,
    Batch,
    DealSnapshot,
    HistoryRow,
    RefundSnapshot,
    ShopRecord,
    dumps,
)

#: Rows of each kind in one batch (history rows, refunds, shop records).
BATCH_SIZE = 500
#: How long a hole in the history ids is waited for before it is passed over (PostgreSQL
#: hands out ids before commit: a transaction still running leaves a hole that fills when it
#: commits; one rolled back leaves it for ever). A SQLite till never has holes.
GAP_WAIT = timedelta(seconds=30)


def snapshot(item: OutboxDeal, mch_id: str, clerk: str | None = None) -> DealSnapshot:
    """The deal as the server keeps it; ``clerk``: who sold it, as the shop knows them (the
    till's account ids mean nothing on the server), None for a deal nobody was logged in for."""
    deal = item.deal
    method = deal.method
    return DealSnapshot(
        out_trade_no=deal.out_trade_no,
        mch_id=mch_id,
        amount_fen=deal.amount_fen,
        product=deal.product[:128],
        state=deal.state,
        created_at=deal.created_at,
        version=item.version,
        method=str(method),
        paid_at=deal.paid_at,
        transaction_id=deal.transaction_id,
        refunded_fen=min(item.refunded_fen, deal.amount_fen),
        clerk=None if clerk is None else str(clerk)[:64],
    )


@dataclass(frozen=True)
class Outgoing:
    """A batch on its way, and what the till must note once the server has it."""

    batch: Batch
    pending: Pending


class Outbox:
    """The outbox of one till's store, for one till name and merchant."""

    def __init__(
        self,
        store: Store,
        *,
        till: str,
        mch_id: str,
        clock: Clock = utc_now,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.store = store
        self.till = till
        self.mch_id = mch_id
        self.clock = clock
        self.batch_size = batch_size
        self._origin: str | None = None
        # The first hole in the history ids, and when it was first seen (GAP_WAIT).
        self._gap: tuple[int, datetime] | None = None

    def _clerk_name(self, clerk_id: int | None) -> str | None:
        """``"<number> <name>"`` of the deal's clerk (numbers are per till, names are what
        the manager reads); None when nobody was logged in."""
        if clerk_id is None:
            return None
        account = self.store.account(clerk_id)
        return None if account is None else f"{account.number} {account.name}"

    def add_record(self, kind: str, key: str, payload: Mapping[str, Any]) -> int:
        """Put a shop record (kind: shift, shift_close, clerk_action, day_close...) in the
        outbox; the server keeps the newest version of each ``(till, kind, key)``."""
        if not KIND_FORM.fullmatch(kind):
            raise ValueError(f"a record kind is {KIND_FORM.pattern}, not {kind!r}")
        if not key or len(key) > 128:
            raise ValueError("a record key is 1 to 128 characters")
        if len(dumps(dict(payload))) > MAX_PAYLOAD_CHARS:
            raise ValueError(f"a record's payload is at most {MAX_PAYLOAD_CHARS} bytes of JSON")
        return self.store.add_shop_record(kind, key, payload, now=self.clock())

    def backlog(self) -> int:
        """History rows and shop records the server has not acknowledged yet."""
        return self.store.outbox_backlog()

    def next_batch(self) -> Outgoing:
        """What to send next (an empty batch when the server has everything)."""
        if self._origin is None:
            self._origin = self.store.sync_origin()
        pending = self._without_holes(self.store.pending(self.batch_size))
        wanted = {event.out_trade_no for event in pending.history}
        batch = Batch(
            till=self.till,
            mch_id=self.mch_id,
            origin=self._origin,
            deals=tuple(
                snapshot(item, self.mch_id, self._clerk_name(item.deal.clerk_id))
                for item in pending.deals
                if item.deal.out_trade_no in wanted
            ),
            history=tuple(
                HistoryRow(
                    seq=event.id,
                    out_trade_no=event.out_trade_no,
                    at=event.at,
                    from_state=event.from_state,
                    to_state=event.to_state,
                    # The wire's limits, which SQLite does not enforce on a column: a text
                    # the server refuses would stop the outbox for good.
                    reason=event.reason[:64],
                    detail=event.detail[:4096],
                )
                for event in pending.history
            ),
            refunds=tuple(
                RefundSnapshot(
                    out_refund_no=refund.out_refund_no,
                    out_trade_no=refund.out_trade_no,
                    refund_fee=refund.refund_fee,
                    state=refund.state,
                    created_at=refund.created_at,
                    updated_at=refund.updated_at,
                    reason=refund.reason[:80],
                    success_time=refund.success_time,
                    refund_id=refund.refund_id,
                )
                for refund in pending.refunds
            ),
            records=tuple(
                ShopRecord(
                    seq=record.id,
                    kind=record.kind,
                    key=record.key,
                    at=record.at,
                    payload=json.loads(record.payload),
                )
                for record in pending.records
            ),
        )
        return Outgoing(batch, pending)

    def _without_holes(self, pending: Pending) -> Pending:
        """The history up to the first hole in its ids, unless that hole is old (GAP_WAIT)."""
        expected = self.store.sync_cursor(HISTORY) + 1
        for index, event in enumerate(pending.history):
            if event.id == expected:
                expected += 1
                continue
            now = self.clock()
            if self._gap is None or self._gap[0] != expected:
                self._gap = (expected, now)
            if now - self._gap[1] >= GAP_WAIT:
                return pending  # rolled back, not running: nothing will fill it
            return replace(pending, history=pending.history[:index])
        return pending

    def acknowledged(self, outgoing: Outgoing, ack: Ack) -> None:
        """The server committed ``outgoing``: move the cursors past what it acknowledged."""
        sent = outgoing.batch
        history_upto = min(ack.history_seq, max((row.seq for row in sent.history), default=0))
        records_upto = min(ack.record_seq, max((r.seq for r in sent.records), default=0))
        self.store.acknowledge(
            history_upto=history_upto,
            records_upto=records_upto,
            refunds=outgoing.pending.refunds,
        )

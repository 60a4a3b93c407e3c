"""The till's outbox to the shop server: what was sent, and what is still to send.

Deals need no copy: their history (``deal_event``) is append-only, and every change of a
deal writes a history row in the same transaction, so "what is after the cursor" is exactly
what changed since the server last acknowledged. Refunds have no history: the outbox keeps
the state of each refund the server acknowledged (``sync_refund_sent``) and sends those whose
state or time differs. Shop records (shifts, clerks' actions) are written to ``sync_record``
by whoever makes them (:meth:`OutboxBook.add_shop_record`). Mixed into
:class:`~pos.store.store.Store`; its tables come with the schema migration in ``db.py``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from pos.store.base import StoreBase, aware
from pos.store.db import wrapped_errors
from pos.store.models import OutboxTables, outbox_tables, time_to_db
from pos.store.records import Deal, DealEvent, DealState, Refund
from pos.store.rows import DEAL_COLUMNS, FROM_REFUNDS, deal_from_tuple, refund_from_tuple

#: The cursor over ``deal_event`` ids, and over ``sync_record`` ids.
HISTORY = "history"
RECORDS = "records"
_ORIGIN_KEY = "sync_origin"


@dataclass(frozen=True)
class OutboxDeal:
    """A deal as it is now, with its last history id (``version``) and the fen refunded."""

    deal: Deal
    version: int
    refunded_fen: int


@dataclass(frozen=True)
class OutboxRecord:
    """A shop record waiting in the outbox; ``payload`` is its JSON text."""

    id: int
    kind: str
    key: str
    at: datetime
    payload: str = field(repr=False)


@dataclass(frozen=True)
class Pending:
    """The next batch to send: history rows after the cursor and the deals they touch,
    refunds not acknowledged as they are, shop records after their cursor."""

    history: tuple[DealEvent, ...]
    deals: tuple[OutboxDeal, ...]
    refunds: tuple[Refund, ...]
    records: tuple[OutboxRecord, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.history or self.refunds or self.records)


_EVENTS = (
    'SELECT e."id", d."out_trade_no", e."at", e."from_state", e."to_state", e."reason", '
    'e."detail" FROM "deal_event" e JOIN "deal" d ON d."id" = e."deal_id" '
    'WHERE e."id" > ? ORDER BY e."id" LIMIT ?'
)
_DEALS = (
    "SELECT "  # noqa: S608 (fixed column names only)
    + ", ".join(f'd."{name}"' for name in DEAL_COLUMNS)
    + ', (SELECT MAX(e."id") FROM "deal_event" e WHERE e."deal_id" = d."id")'
    + ', (SELECT COALESCE(SUM(r."refund_fee"), 0) FROM "refund" r'
    + ' WHERE r."deal_id" = d."id" AND r."state" = \'SUCCESS\')'
    + ' FROM "deal" d WHERE d."out_trade_no" IN ({marks})'
)
_UNSENT_REFUNDS = (
    FROM_REFUNDS
    + ' LEFT JOIN "sync_refund_sent" s ON s."refund_id" = r."id"'
    + ' WHERE s."refund_id" IS NULL OR s."state" <> r."state" OR s."updated_at" <> r."updated_at"'
    + ' ORDER BY r."id" LIMIT ?'
)


class OutboxBook(StoreBase):
    """The store's outbox (mixed into :class:`~pos.store.store.Store`)."""

    @cached_property
    def _outbox(self) -> OutboxTables:
        return outbox_tables(self._db)

    def sync_origin(self) -> str:
        """This database's name to the shop server: 32 random hex digits, made once."""
        s = self._m.setting
        with self._write("naming the database for the shop server"):
            s.insert(key=_ORIGIN_KEY, value=secrets.token_hex(16)).on_conflict_ignore().execute()
            return str(s.get(s.key == _ORIGIN_KEY).value)

    def sync_cursor(self, stream: str) -> int:
        """How far ``stream`` (HISTORY or RECORDS) was acknowledged: an id, 0 for nothing."""
        table = self._outbox.cursor
        with wrapped_errors("reading the outbox's cursor"):
            row = table.get_or_none(table.stream == stream)
        return 0 if row is None else int(row.position)

    def add_shop_record(
        self, kind: str, key: str, payload: Mapping[str, Any], *, now: datetime
    ) -> int:
        """Put a shop record (a shift, a clerk's action...) in the outbox; its id.

        Of the records with one ``(kind, key)`` the shop server keeps the newest: to change
        a shift, add it again with the same key."""
        aware(now, "now")
        text = json.dumps(dict(payload), ensure_ascii=False, separators=(",", ":"))
        with self._write(f"storing a {kind} record"):
            row = self._outbox.record.create(kind=kind, key=key, payload=text, at=now)
        return int(row.id)

    def pending(self, limit: int) -> Pending:
        """Up to ``limit`` of each: history rows after the cursor and the deals they touch,
        refunds to send, shop records after theirs."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        events = [
            DealEvent(
                id=row[0],
                out_trade_no=row[1],
                at=datetime.fromisoformat(row[2]),
                from_state=None if row[3] is None else DealState(row[3]),
                to_state=DealState(row[4]),
                reason=row[5],
                detail=row[6],
            )
            for row in self._rows(
                "reading the outbox's history", _EVENTS, (self.sync_cursor(HISTORY), limit)
            )
        ]
        numbers = list(dict.fromkeys(event.out_trade_no for event in events))
        return Pending(
            history=tuple(events),
            deals=tuple(self._outbox_deals(numbers)),
            refunds=tuple(
                refund_from_tuple(row)
                for row in self._rows("reading the outbox's refunds", _UNSENT_REFUNDS, (limit,))
            ),
            records=tuple(self._outbox_records(limit)),
        )

    def _outbox_deals(self, numbers: Sequence[str]) -> list[OutboxDeal]:
        found: list[OutboxDeal] = []
        for first in range(0, len(numbers), 400):
            chunk = numbers[first : first + 400]
            # One statement: the snapshot and its version are read together, so a version
            # never belongs to an older snapshot than the one it is sent with.
            sql = _DEALS.format(marks=", ".join("?" * len(chunk)))
            for row in self._rows("reading the outbox's deals", sql, tuple(chunk)):
                found.append(OutboxDeal(deal_from_tuple(row[:-2]), int(row[-2]), int(row[-1] or 0)))
        return found

    def _outbox_records(self, limit: int) -> list[OutboxRecord]:
        table = self._outbox.record
        after = self.sync_cursor(RECORDS)
        with wrapped_errors("reading the outbox's records"):
            rows = list(table.select().where(table.id > after).order_by(table.id).limit(limit))
        return [OutboxRecord(int(r.id), r.kind, r.key, r.at, r.payload) for r in rows]

    def acknowledge(
        self, *, history_upto: int, records_upto: int, refunds: Sequence[Refund]
    ) -> None:
        """The server committed these: move the cursors (never back) and note the refunds."""
        table, sent = self._outbox.cursor, self._outbox.refund_sent
        with self._write("moving the outbox's cursors"):
            for stream, position in ((HISTORY, history_upto), (RECORDS, records_upto)):
                table.insert(stream=stream, position=0).on_conflict_ignore().execute()
                table.update(position=position).where(
                    (table.stream == stream) & (table.position < position)
                ).execute()
            for refund in refunds:
                values = {"state": refund.state.value, "updated_at": time_to_db(refund.updated_at)}
                sent.insert(refund_id=refund.id, **values).on_conflict(
                    conflict_target=[sent.refund_id], update=values
                ).execute()

    def outbox_backlog(self) -> int:
        """History rows and shop records not acknowledged yet (the till's status line)."""
        rows = self._rows(
            "counting the outbox",
            'SELECT (SELECT COUNT(*) FROM "deal_event" WHERE "id" > ?)'
            ' + (SELECT COUNT(*) FROM "sync_record" WHERE "id" > ?)',
            (self.sync_cursor(HISTORY), self.sync_cursor(RECORDS)),
        )
        return int(rows[0][0])

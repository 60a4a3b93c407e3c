"""The shop server's tables of the tills' data: deals, their history, refunds, shop records.

Each batch is one transaction: committed whole before the till is answered, or not at all
(the till sends it again). Re-sending changes nothing: history rows are kept by
``(mch_id, till, origin, seq)``, deals by ``(mch_id, out_trade_no)``, refunds by
``(mch_id, out_refund_no)``, shop records by ``(mch_id, till, kind, key)``. A deal's snapshot
replaces the stored one only if it is newer (a higher ``version`` from the same database of
the same till) and its state is the same or a move :data:`pos.store.DEAL_TRANSITIONS`
allows; a refund's only if its state moves forward (or stays, with a later ``updated_at``).
On PostgreSQL, relays sharing the database take their turns through an advisory lock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from pos.relay.database import open_database
from pos.store.db import wrapped_errors, write_transaction
from pos.store.models import UtcTimeField, time_to_db
from pos.store.records import DealState, RefundState, is_allowed
from pos.store.refund_book import is_refund_move_allowed
from pos.sync.wire import Ack, Batch, ShopDeal, ShopRecordRow, dumps

#: Serialises intake across relays sharing one PostgreSQL database (an arbitrary constant).
_INTAKE_LOCK = 0x706F7372_00000010
_SCHEMA_LOCK = 0x706F7372_00000011
#: Numbers per ``IN (...)`` list: under SQLite's oldest limit of 999 host parameters.
_CHUNK = 400


@dataclass(frozen=True)
class _Tables:
    deal: Any
    event: Any
    refund: Any
    record: Any

    def all(self) -> list[Any]:
        return [self.deal, self.event, self.refund, self.record]


def _tables(database: Any) -> _Tables:
    """The shop tables, bound to ``database`` (one set per database: several relays in one
    process, in tests and benches, never share a binding)."""

    class Base(peewee.Model):  # type: ignore[misc, unused-ignore]
        class Meta:
            pass

    Base._meta.set_database(database)

    class ShopDealRow(Base):
        mch_id = peewee.CharField(max_length=32)
        out_trade_no = peewee.CharField(max_length=32)
        till = peewee.CharField(max_length=32)
        origin = peewee.CharField(max_length=32)
        version = peewee.BigIntegerField()
        amount_fen = peewee.BigIntegerField()
        product = peewee.CharField(max_length=128)
        state = peewee.CharField(max_length=24)
        method = peewee.CharField(max_length=16)
        created_at = UtcTimeField()
        paid_at = UtcTimeField(null=True)
        transaction_id = peewee.CharField(max_length=32, null=True)
        refunded_fen = peewee.BigIntegerField()
        clerk = peewee.CharField(max_length=64, null=True)

        class Meta:
            table_name = "shop_deal"
            indexes = (
                (("mch_id", "out_trade_no"), True),
                (("mch_id", "created_at"), False),
            )

    class ShopDealEvent(Base):
        mch_id = peewee.CharField(max_length=32)
        till = peewee.CharField(max_length=32)
        origin = peewee.CharField(max_length=32)
        seq = peewee.BigIntegerField()
        out_trade_no = peewee.CharField(max_length=32)
        at = UtcTimeField()
        from_state = peewee.CharField(max_length=24, null=True)
        to_state = peewee.CharField(max_length=24)
        reason = peewee.CharField(max_length=64)
        detail = peewee.TextField()

        class Meta:
            table_name = "shop_deal_event"
            indexes = ((("mch_id", "till", "origin", "seq"), True),)

    class ShopRefund(Base):
        mch_id = peewee.CharField(max_length=32)
        out_refund_no = peewee.CharField(max_length=64)
        out_trade_no = peewee.CharField(max_length=32)
        till = peewee.CharField(max_length=32)
        refund_fee = peewee.BigIntegerField()
        state = peewee.CharField(max_length=16)
        reason = peewee.CharField(max_length=80)
        created_at = UtcTimeField()
        updated_at = UtcTimeField()
        success_time = UtcTimeField(null=True)
        refund_id = peewee.CharField(max_length=32, null=True)

        class Meta:
            table_name = "shop_refund"
            indexes = ((("mch_id", "out_refund_no"), True),)

    class ShopRecord(Base):
        mch_id = peewee.CharField(max_length=32)
        till = peewee.CharField(max_length=32)
        kind = peewee.CharField(max_length=32)
        key = peewee.CharField(max_length=128)
        origin = peewee.CharField(max_length=32)
        seq = peewee.BigIntegerField()
        at = UtcTimeField()
        payload = peewee.TextField()

        class Meta:
            table_name = "shop_record"
            indexes = (
                (("mch_id", "till", "kind", "key"), True),
                (("mch_id", "kind", "at"), False),
            )

    return _Tables(ShopDealRow, ShopDealEvent, ShopRefund, ShopRecord)


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for first in range(0, len(items), _CHUNK):
        yield items[first : first + _CHUNK]


class ShopData:
    """The shop tables of the relay's database. Peewee keeps one connection per thread."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.db = open_database(url)
        self.is_sqlite = isinstance(self.db, peewee.SqliteDatabase)
        self.t = _tables(self.db)

    def create_schema(self) -> None:
        with wrapped_errors("creating the shop tables"), self.db.atomic():
            if not self.is_sqlite:
                # Several relays may start at once on one database.
                self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            self.db.create_tables(self.t.all(), safe=True)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    # ------------------------------------------------------------ intake

    def take(self, till: str, batch: Batch) -> Ack:
        """Store what is new in ``batch`` (already checked to be ``till``'s), in one
        transaction; the Ack says what was taken. StoreError if nothing could be stored."""
        with wrapped_errors(f"storing till {till}'s batch"), write_transaction(self.db):
            if not self.is_sqlite:
                self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_INTAKE_LOCK,))
            self._take_history(till, batch)
            deals, stale, conflicts = self._take_deals(till, batch)
            refunds, stale_refunds = self._take_refunds(till, batch)
            self._take_records(till, batch)
        return Ack(
            history_seq=max((row.seq for row in batch.history), default=0),
            record_seq=max((record.seq for record in batch.records), default=0),
            deals=deals,
            refunds=refunds,
            stale=stale + stale_refunds,
            conflicts=tuple(conflicts),
        )

    def _take_history(self, till: str, batch: Batch) -> None:
        rows = [
            {
                "mch_id": batch.mch_id,
                "till": till,
                "origin": batch.origin,
                "seq": row.seq,
                "out_trade_no": row.out_trade_no,
                "at": time_to_db(row.at),
                "from_state": None if row.from_state is None else row.from_state.value,
                "to_state": row.to_state.value,
                "reason": row.reason,
                "detail": row.detail,
            }
            for row in batch.history
        ]
        self._insert(self.t.event, rows, ignore_conflicts=True)

    def _take_deals(self, till: str, batch: Batch) -> tuple[int, int, list[str]]:
        table = self.t.deal
        newest = {deal.out_trade_no: deal for deal in batch.deals}  # a repeat: the last wins
        stored = self._existing(table, table.out_trade_no, batch.mch_id, list(newest))
        taken = stale = 0
        conflicts: list[str] = []
        added: list[dict[str, Any]] = []
        for number, deal in newest.items():
            values = {
                "till": till,
                "origin": batch.origin,
                "version": deal.version,
                "amount_fen": deal.amount_fen,
                "product": deal.product,
                "state": deal.state.value,
                "method": deal.method,
                "created_at": time_to_db(deal.created_at),
                "paid_at": None if deal.paid_at is None else time_to_db(deal.paid_at),
                "transaction_id": deal.transaction_id,
                "refunded_fen": deal.refunded_fen,
                "clerk": deal.clerk,
            }
            old = stored.get(number)
            if old is None:
                added.append({"mch_id": batch.mch_id, "out_trade_no": number, **values})
                taken += 1
            elif old.till != till:
                conflicts.append(number)  # out_trade_no is one deal per merchant (§1.5)
            elif _is_newer_deal(old, batch.origin, deal.version, deal.state):
                # Set once: a number WeChat Pay gave stays, whatever a later snapshot says.
                values["transaction_id"] = old.transaction_id or deal.transaction_id
                values["paid_at"] = old.paid_at or values["paid_at"]
                table.update(**values).where(table.id == old.id).execute()
                taken += 1
            else:
                stale += 1
        self._insert(table, added)
        return taken, stale, conflicts

    def _take_refunds(self, till: str, batch: Batch) -> tuple[int, int]:
        table = self.t.refund
        newest = {refund.out_refund_no: refund for refund in batch.refunds}
        stored = self._existing(table, table.out_refund_no, batch.mch_id, list(newest))
        taken = stale = 0
        for number, refund in newest.items():
            values = {
                "out_trade_no": refund.out_trade_no,
                "till": till,
                "refund_fee": refund.refund_fee,
                "state": refund.state.value,
                "reason": refund.reason,
                "created_at": time_to_db(refund.created_at),
                "updated_at": time_to_db(refund.updated_at),
                "success_time": None
                if refund.success_time is None
                else time_to_db(refund.success_time),
                "refund_id": refund.refund_id,
            }
            old = stored.get(number)
            if old is None:
                table.insert(mch_id=batch.mch_id, out_refund_no=number, **values).execute()
                taken += 1
            elif old.till == till and _is_newer_refund(old, refund.state, refund.updated_at):
                table.update(**values).where(table.id == old.id).execute()
                taken += 1
            else:
                stale += 1
        return taken, stale

    def _take_records(self, till: str, batch: Batch) -> None:
        table = self.t.record
        for record in batch.records:
            old = table.get_or_none(
                (table.mch_id == batch.mch_id)
                & (table.till == till)
                & (table.kind == record.kind)
                & (table.key == record.key)
            )
            values = {
                "origin": batch.origin,
                "seq": record.seq,
                "at": time_to_db(record.at),
                "payload": dumps(dict(record.payload)).decode("utf-8"),
            }
            if old is None:
                table.insert(
                    mch_id=batch.mch_id, till=till, kind=record.kind, key=record.key, **values
                ).execute()
            elif old.origin != batch.origin or record.seq > old.seq:
                # Newest version wins; a till's database made anew starts its numbers again.
                table.update(**values).where(table.id == old.id).execute()

    def _insert(
        self, table: Any, rows: list[dict[str, Any]], *, ignore_conflicts: bool = False
    ) -> None:
        """Insert ``rows`` (each with the same keys) with one prepared statement run many times:
        Peewee's query builder cost more than the database did, 2,000 rows a batch."""
        if not rows:
            return
        names = list(rows[0])
        columns = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join([self.db.param] * len(names))
        # Only the model's own column names go into the text; every value is a parameter.
        sql = f'INSERT INTO "{table._meta.table_name}" ({columns}) VALUES ({marks})'  # noqa: S608
        if ignore_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        self.db.cursor().executemany(sql, [tuple(row[name] for name in names) for row in rows])

    @staticmethod
    def _existing(table: Any, column: Any, mch_id: str, numbers: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for chunk in _chunks(numbers):
            for row in table.select().where((table.mch_id == mch_id) & column.in_(chunk)):
                found[getattr(row, column.name)] = row
        return found

    # ------------------------------------------------------------ reads

    def day(self, mch_id: str, start: datetime, end: datetime) -> list[ShopDeal]:
        """The merchant's deals created in ``[start, end)``, every till, oldest first."""
        table = self.t.deal
        with wrapped_errors("reading the shop's day"):
            rows = list(
                table.select()
                .where(
                    (table.mch_id == mch_id)
                    & (table.created_at >= time_to_db(start))
                    & (table.created_at < time_to_db(end))
                )
                .order_by(table.created_at, table.out_trade_no)
            )
        return [_shop_deal(row) for row in rows]

    def records(
        self, mch_id: str, kind: str, start: datetime, end: datetime
    ) -> list[ShopRecordRow]:
        """The merchant's shop records of ``kind`` made in ``[start, end)``, oldest first."""
        table = self.t.record
        with wrapped_errors("reading the shop's records"):
            rows = list(
                table.select()
                .where(
                    (table.mch_id == mch_id)
                    & (table.kind == kind)
                    & (table.at >= time_to_db(start))
                    & (table.at < time_to_db(end))
                )
                .order_by(table.at, table.till, table.key)
            )
        return [
            ShopRecordRow(
                till=row.till,
                kind=row.kind,
                key=row.key,
                at=row.at,
                payload=json.loads(row.payload),
            )
            for row in rows
        ]

    def history(self, mch_id: str, out_trade_no: str) -> list[tuple[str, int, str]]:
        """(till, seq, to_state) of a deal's history rows, in the till's order (tests, audits)."""
        table = self.t.event
        with wrapped_errors("reading a deal's history"):
            rows = (
                table.select(table.till, table.seq, table.to_state)
                .where((table.mch_id == mch_id) & (table.out_trade_no == out_trade_no))
                .order_by(table.till, table.seq)
                .tuples()
            )
            return [(till, int(seq), state) for till, seq, state in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table (tests and benches)."""
        with wrapped_errors("counting the shop's rows"):
            return {
                name: int(table.select().count())
                for name, table in zip(
                    ("deals", "history", "refunds", "records"), self.t.all(), strict=True
                )
            }


def _is_newer_deal(old: Any, origin: str, version: int, state: DealState) -> bool:
    """Whether a snapshot replaces the stored deal: its state the same or a move forward,
    and (from the same database) a higher version."""
    old_state = DealState(old.state)
    if state is not old_state and not is_allowed(old_state, state):
        return False  # a state only moves forward, whatever the version says
    if old.origin != origin:
        return state is not old_state
    return bool(version > int(old.version))


def _is_newer_refund(old: Any, state: RefundState, updated_at: datetime) -> bool:
    old_state = RefundState(old.state)
    if state is old_state:
        return bool(time_to_db(updated_at) > time_to_db(old.updated_at))
    return is_refund_move_allowed(old_state, state)


def _shop_deal(row: Any) -> ShopDeal:
    return ShopDeal(
        till=row.till,
        out_trade_no=row.out_trade_no,
        mch_id=row.mch_id,
        amount_fen=int(row.amount_fen),
        product=row.product,
        state=DealState(row.state),
        created_at=row.created_at,
        version=int(row.version),
        method=row.method,
        paid_at=row.paid_at,
        transaction_id=row.transaction_id,
        refunded_fen=int(row.refunded_fen),
        clerk=row.clerk,
    )


def day_rows(deals: Iterable[ShopDeal]) -> list[dict[str, Any]]:
    """The JSON rows of ``GET /shop/v1/day``."""
    return [deal.to_dict() for deal in deals]

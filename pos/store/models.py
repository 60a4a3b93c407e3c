"""The Peewee tables: deals and their history, products, refunds, settings, and the shop's
accounts, shifts, day closes and clerks' actions; built per database.

The model classes are made by :func:`build_models` for one database, so two stores in one
process (the till and an embedded relay) never share a binding (STYLE rule 2: no
module-level singletons). Nothing here leaves the store package (STYLE rule 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee

#: Fixed width, so that text order is time order in SQLite and PostgreSQL alike.
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def time_to_db(moment: datetime) -> str:
    """An aware datetime as fixed-width UTC text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the store keeps timezone-aware times only")
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def time_from_db(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


class UtcTimeField(peewee.CharField):  # type: ignore[misc, unused-ignore]
    """An aware datetime stored as fixed-width UTC text (``2026-11-24T04:52:15.000000Z``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=27, **kwargs)

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        return time_to_db(value)

    def python_value(self, value: Any) -> Any:
        if value is None:
            return None
        return time_from_db(value)


@dataclass(frozen=True)
class Models:
    """The model classes bound to one database."""

    deal: Any
    deal_event: Any
    product: Any
    refund: Any
    setting: Any
    account: Any
    shift: Any
    day_close: Any
    clerk_action: Any

    def all(self) -> list[Any]:
        return [
            self.account,
            self.shift,
            self.deal,
            self.deal_event,
            self.product,
            self.refund,
            self.setting,
            self.day_close,
            self.clerk_action,
        ]

    def shop(self) -> list[Any]:
        """The tables of schema version 4: accounts, shifts, day closes, clerks' actions."""
        return [self.account, self.shift, self.day_close, self.clerk_action]


def build_models(database: Any) -> Models:
    """Define the tables, bound to ``database``. Money columns are integer fen."""

    class Base(peewee.Model):  # type: ignore[misc, unused-ignore]
        class Meta:
            pass

    Base._meta.set_database(database)
    account, shift = _people(Base)
    deal, deal_event, product, refund, setting = _sales(Base, account, shift)
    day_close, clerk_action = _closes(Base, account, shift)
    return Models(
        deal=deal,
        deal_event=deal_event,
        product=product,
        refund=refund,
        setting=setting,
        account=account,
        shift=shift,
        day_close=day_close,
        clerk_action=clerk_action,
    )


def _people(Base: Any) -> tuple[Any, Any]:
    """The shop's accounts and their shifts (schema version 4)."""

    class Account(Base):  # type: ignore[misc]
        number = peewee.IntegerField(unique=True)
        name = peewee.CharField(max_length=32)
        pin_hash = peewee.CharField(max_length=160)
        role = peewee.CharField(max_length=16)
        is_active = peewee.BooleanField(default=True)
        created_at = UtcTimeField()
        updated_at = UtcTimeField()

        class Meta:
            table_name = "account"

    class Shift(Base):  # type: ignore[misc]
        shift_no = peewee.CharField(max_length=64, unique=True)
        till_id = peewee.CharField(max_length=32, index=True)
        clerk = peewee.ForeignKeyField(Account, backref="+", on_delete="RESTRICT")
        opened_at = UtcTimeField(index=True)
        float_fen = peewee.BigIntegerField()
        closed_at = UtcTimeField(null=True)
        counted_fen = peewee.BigIntegerField(null=True)
        expected_fen = peewee.BigIntegerField(null=True)
        note = peewee.TextField(default="")
        summary = peewee.TextField(null=True)

        class Meta:
            table_name = "shift"

    return Account, Shift


def _sales(Base: Any, Account: Any, Shift: Any) -> tuple[Any, ...]:
    """Deals, their history, products, refunds and the till's settings."""

    class Deal(Base):  # type: ignore[misc]
        out_trade_no = peewee.CharField(max_length=32, unique=True)
        amount_fen = peewee.BigIntegerField()
        product = peewee.CharField(max_length=128)
        state = peewee.CharField(max_length=24, index=True)
        till_id = peewee.CharField(max_length=32)
        sign_type = peewee.CharField(max_length=16)
        created_at = UtcTimeField(index=True)
        updated_at = UtcTimeField()
        time_start = UtcTimeField()
        time_expire = UtcTimeField()
        deadline = UtcTimeField(null=True)
        code_url = peewee.CharField(max_length=256, null=True)
        prepay_id = peewee.CharField(max_length=64, null=True)
        # NULLs never collide in a unique index (SQLite and PostgreSQL), so "unique when set".
        transaction_id = peewee.CharField(max_length=32, null=True, unique=True)
        paid_at = UtcTimeField(null=True)
        bank_type = peewee.CharField(max_length=32, null=True)
        is_late = peewee.BooleanField(default=False)
        last_error = peewee.TextField(null=True)
        #: pos.store.PaymentMethod (schema version 2).
        method = peewee.CharField(max_length=16, default="native")
        #: A payment code as pos.checkout.paycode.mask shows it, and its salted HMAC
        #: (schema version 3); never the code itself.
        code_masked = peewee.CharField(max_length=32, null=True)
        code_fingerprint = peewee.CharField(max_length=64, null=True, unique=True)
        # Schema version 4: who sold it, in which shift, and a cash sale's money received.
        clerk = peewee.ForeignKeyField(Account, null=True, backref="+", on_delete="RESTRICT")
        shift = peewee.ForeignKeyField(Shift, null=True, backref="+", on_delete="RESTRICT")
        cash_received_fen = peewee.BigIntegerField(null=True)

        class Meta:
            table_name = "deal"

    class DealEvent(Base):  # type: ignore[misc]
        deal = peewee.ForeignKeyField(Deal, backref="events", on_delete="RESTRICT")
        at = UtcTimeField()
        from_state = peewee.CharField(max_length=24, null=True)
        to_state = peewee.CharField(max_length=24)
        reason = peewee.CharField(max_length=64)
        detail = peewee.TextField(default="")

        class Meta:
            table_name = "deal_event"

    class Product(Base):  # type: ignore[misc]
        name = peewee.CharField(max_length=64)
        price_fen = peewee.BigIntegerField(null=True)
        position = peewee.IntegerField(default=0)
        is_active = peewee.BooleanField(default=True)

        class Meta:
            table_name = "product"

    class Refund(Base):  # type: ignore[misc]
        deal = peewee.ForeignKeyField(Deal, backref="refunds", on_delete="RESTRICT")
        out_refund_no = peewee.CharField(max_length=64, unique=True)
        refund_fee = peewee.BigIntegerField()
        reason = peewee.CharField(max_length=80, default="")
        state = peewee.CharField(max_length=16)
        refund_id = peewee.CharField(max_length=32, null=True)
        created_at = UtcTimeField()
        updated_at = UtcTimeField()
        success_time = UtcTimeField(null=True)
        last_error = peewee.TextField(null=True)
        clerk = peewee.ForeignKeyField(Account, null=True, backref="+", on_delete="RESTRICT")
        shift = peewee.ForeignKeyField(Shift, null=True, backref="+", on_delete="RESTRICT")

        class Meta:
            table_name = "refund"

    class Setting(Base):  # type: ignore[misc]
        key = peewee.CharField(max_length=64, primary_key=True)
        value = peewee.TextField()

        class Meta:
            table_name = "setting"

    return Deal, DealEvent, Product, Refund, Setting


def _closes(Base: Any, Account: Any, Shift: Any) -> tuple[Any, Any]:
    """The day's closes and the clerks' actions (schema version 4)."""

    class DayClose(Base):  # type: ignore[misc]
        #: The business day, ``YYYY-MM-DD``: one close per day (日结 is kept once).
        day = peewee.CharField(max_length=10, unique=True)
        till_id = peewee.CharField(max_length=32)
        clerk = peewee.ForeignKeyField(Account, null=True, backref="+", on_delete="RESTRICT")
        closed_at = UtcTimeField()
        summary = peewee.TextField()

        class Meta:
            table_name = "day_close"

    class ClerkAction(Base):  # type: ignore[misc]
        action_no = peewee.CharField(max_length=64, unique=True)
        at = UtcTimeField(index=True)
        till_id = peewee.CharField(max_length=32)
        kind = peewee.CharField(max_length=32)
        clerk = peewee.ForeignKeyField(Account, null=True, backref="+", on_delete="RESTRICT")
        approver = peewee.ForeignKeyField(Account, null=True, backref="+", on_delete="RESTRICT")
        shift = peewee.ForeignKeyField(Shift, null=True, backref="+", on_delete="RESTRICT")
        detail = peewee.TextField(default="{}")

        class Meta:
            table_name = "clerk_action"

    return DayClose, ClerkAction


@dataclass(frozen=True)
class OutboxTables:
    cursor: Any
    record: Any
    refund_sent: Any

    def all(self) -> list[Any]:
        return [self.cursor, self.record, self.refund_sent]


def outbox_tables(database: Any) -> OutboxTables:
    """The outbox's tables, bound to ``database`` (the migration creates them)."""

    class Base(peewee.Model):  # type: ignore[misc, unused-ignore]
        class Meta:
            pass

    Base._meta.set_database(database)

    class SyncCursor(Base):
        stream = peewee.CharField(max_length=32, primary_key=True)
        position = peewee.BigIntegerField()

        class Meta:
            table_name = "sync_cursor"

    class SyncRecord(Base):
        kind = peewee.CharField(max_length=32)
        key = peewee.CharField(max_length=128)
        payload = peewee.TextField()
        at = UtcTimeField()

        class Meta:
            table_name = "sync_record"

    class SyncRefundSent(Base):
        refund_id = peewee.BigIntegerField(primary_key=True)  # refund.id
        state = peewee.CharField(max_length=16)
        updated_at = peewee.CharField(max_length=27)

        class Meta:
            table_name = "sync_refund_sent"

    return OutboxTables(SyncCursor, SyncRecord, SyncRefundSent)

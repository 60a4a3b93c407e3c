"""The Store: every read and write of deals, their history, products (refunds: refund_book;
cash sales and refunds: cash_book; accounts, shifts, day closes, clerks' actions: shop_book).

Each write is one transaction (nothing half-written); every deal state change writes a
DealEvent in the same transaction. Peewee and driver errors are wrapped into StoreError /
DiskFullError here, at the edge (STYLE rule 8).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import peewee

from pos.errors import StoreError
from pos.store import db as dbmod
from pos.store.base import aware, detail_json, fen
from pos.store.cash_book import CashBook
from pos.store.db import SCHEMA_VERSION, wrapped_errors
from pos.store.models import build_models, time_to_db
from pos.store.outbox import OutboxBook
from pos.store.records import (
    ALARM_PREFIX,
    NO_STAMP,
    UNFINISHED_STATES,
    Deal,
    DealEvent,
    DealLine,
    DealState,
    PaymentMethod,
    Product,
    Stamp,
    is_allowed,
)
from pos.store.rows import (
    DEAL_COLUMNS,
    FROM_DEALS,
    FROM_LINES,
    LINE_COLUMNS,
    deal_from_row,
    deal_from_tuple,
    line_from_tuple,
    product_from_row,
)
from pos.store.shop_book import ShopBook
from pos.wechatpay.types import BEIJING, WIRE_TIME

__all__ = ["SCHEMA_VERSION", "Store"]

_T = TypeVar("_T")

#: §1.5: letters, digits and _ - | * ; 6 to 32 characters (no '@').
OUT_TRADE_NO_RE = re.compile(r"[A-Za-z0-9_\-|*]{6,32}")
_TILL_ID_MAX = 10
_COUNTER_KEY = "out_trade_no_counter"

#: The columns transition() may change, and those that may not change once set.
_CHANGEABLE = frozenset(
    {
        "deadline",
        "code_url",
        "prepay_id",
        "transaction_id",
        "paid_at",
        "bank_type",
        "is_late",
        "last_error",
    }
)
_SET_ONCE = frozenset({"transaction_id", "paid_at"})
_TIME_COLUMNS = frozenset({"deadline", "paid_at"})


class Store(CashBook, ShopBook, OutboxBook):
    """The cashier's database. Build it with :meth:`open`; pass it in (no global instance).

    Thread-safe: Peewee keeps one connection per thread; writers are serialised by the
    database (SQLite's write lock with a busy timeout, PostgreSQL row locks).
    """

    @classmethod
    def open(cls, url_or_path: str | Path) -> Store:
        """Open (creating or migrating the schema) a SQLite file or a ``postgresql://`` URL."""
        with wrapped_errors("opening the database"):
            database = dbmod.connect(url_or_path)
            database.connect(reuse_if_open=True)
        models = build_models(database)
        description = (
            "PostgreSQL" if dbmod.is_postgres_url(url_or_path) else f"SQLite {url_or_path}"
        )
        try:
            dbmod.migrate(database, models)
        except BaseException:
            database.close()
            raise
        return cls(database, models, description=description)

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        with wrapped_errors("closing the database"):
            if not self._db.is_closed():
                self._db.close()

    def __repr__(self) -> str:
        # The description never holds a PostgreSQL URL: it may carry a password.
        return f"<Store {self.description}>"

    @property
    def is_sqlite(self) -> bool:
        return self._is_sqlite

    def schema_version(self) -> int:
        with wrapped_errors("reading the schema version"):
            return dbmod._read_version(self._db)

    # ------------------------------------------------------------ numbers

    def new_out_trade_no(self, till_id: str, now: datetime) -> str:
        """A number never used before in this database: till + Beijing time + counter.

        For example ``POS0120261124125215000042``. The counter is stored and only grows, so
        numbers stay unique even if the clock goes back (§1.5: unique per merchant forever;
        give every till of one merchant its own till_id).
        """
        aware(now, "now")
        till = re.sub(r"[^A-Za-z0-9_\-]", "", till_id)[:_TILL_ID_MAX] or "POS"
        with self._write("minting an order number"):
            setting = self._m.setting
            # Make sure the row exists, then lock it: two tills sharing a PostgreSQL database
            # (or two threads) can never read the same value (SQLite: BEGIN IMMEDIATE).
            setting.insert(key=_COUNTER_KEY, value="0").on_conflict_ignore().execute()
            query = setting.select().where(setting.key == _COUNTER_KEY)
            if not self._is_sqlite:
                query = query.for_update()
            counter = int(query.get().value) + 1
            setting.update(value=str(counter)).where(setting.key == _COUNTER_KEY).execute()
        number = f"{till}{now.astimezone(BEIJING).strftime(WIRE_TIME)}{counter:06d}"
        if not OUT_TRADE_NO_RE.fullmatch(number):
            raise StoreError(f"cannot make an order number of 6–32 characters from {till!r}")
        return number

    # ------------------------------------------------------------ deals

    def create_deal(
        self,
        *,
        out_trade_no: str,
        amount_fen: int,
        product: str,
        till_id: str,
        time_start: datetime,
        time_expire: datetime,
        sign_type: str,
        now: datetime,
        method: PaymentMethod = PaymentMethod.NATIVE,
        code_masked: str | None = None,
        code_fingerprint: str | None = None,
        stamp: Stamp = NO_STAMP,
    ) -> Deal:
        """Store a new deal CREATED (before any network call) with its first history event,
        stamped with the clerk and the shift at the till. A cash sale is not made here but by
        :meth:`record_cash_sale` (it is paid when it is stored).

        A payment-code deal carries the code masked and its fingerprint (never the code);
        a fingerprint already on another deal is refused (StoreError), the number too.
        """
        if not OUT_TRADE_NO_RE.fullmatch(out_trade_no):
            raise ValueError(f"out_trade_no {out_trade_no!r} is not 6–32 of [A-Za-z0-9_-|*]")
        if PaymentMethod(method) is PaymentMethod.CASH:
            raise ValueError("a cash sale is stored by record_cash_sale, paid at once")
        fen(amount_fen, "amount_fen")
        for name, moment in (
            ("time_start", time_start),
            ("time_expire", time_expire),
            ("now", now),
        ):
            aware(moment, name)
        if time_expire <= time_start:
            raise ValueError("time_expire must be after time_start")
        try:
            with self._write(f"storing deal {out_trade_no}"):
                row = self._m.deal.create(
                    out_trade_no=out_trade_no,
                    amount_fen=amount_fen,
                    product=product,
                    state=DealState.CREATED.value,
                    till_id=till_id,
                    sign_type=sign_type,
                    created_at=now,
                    updated_at=now,
                    time_start=time_start,
                    time_expire=time_expire,
                    method=PaymentMethod(method).value,
                    code_masked=code_masked,
                    code_fingerprint=code_fingerprint,
                    clerk=stamp.clerk_id,
                    shift=stamp.shift_id,
                )
                self._record(
                    row,
                    None,
                    DealState.CREATED,
                    reason="created",
                    now=now,
                    detail=detail_json({"amount_fen": amount_fen, "product": product}),
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, peewee.IntegrityError):
                if code_fingerprint is not None and self.deal_with_code(code_fingerprint):
                    raise StoreError("this payment code was already used for another deal") from exc
                raise StoreError(f"out_trade_no {out_trade_no} is already used") from exc
            raise
        return deal_from_row(row)

    def transition(
        self,
        out_trade_no: str,
        to_state: DealState,
        *,
        reason: str,
        now: datetime,
        **changes: object,
    ) -> Deal:
        """Move a deal to ``to_state`` and record the move, atomically.

        ``changes`` may set: deadline, code_url, prepay_id, transaction_id, paid_at,
        bank_type, is_late, last_error. Idempotent: asking for the state the deal is
        already in with the same data changes nothing and records nothing; the same state
        with new data updates it and records the update. Refused with StoreError: a move
        not in DEAL_TRANSITIONS (backward), a different transaction_id/paid_at once set,
        PAID without a transaction_id, an unknown deal, and any move of a cash sale (it is
        paid when stored, and refunded only from the drawer: WeChat Pay never knew it).
        """
        unknown = set(changes) - _CHANGEABLE
        if unknown:
            raise TypeError(f"transition() cannot change {sorted(unknown)}")
        aware(now, "now")
        for name in _TIME_COLUMNS & set(changes):
            if changes[name] is not None:
                aware(changes[name], name)  # type: ignore[arg-type]
        to_state = DealState(to_state)
        try:
            with self._write(f"updating deal {out_trade_no}"):
                row = self._locked_deal(out_trade_no)
                if row is None:
                    raise StoreError(f"no deal {out_trade_no}")
                from_state = DealState(row.state)
                current = deal_from_row(row)
                if current.method is PaymentMethod.CASH:
                    raise StoreError(f"deal {out_trade_no} is a cash sale: WeChat Pay never had it")
                diff = {k: v for k, v in changes.items() if getattr(current, k) != v}
                if from_state is to_state and not diff:
                    return current
                if from_state is not to_state and not is_allowed(from_state, to_state):
                    raise StoreError(
                        f"deal {out_trade_no}: {from_state} -> {to_state} is not allowed"
                    )
                for name in _SET_ONCE & set(diff):
                    if getattr(current, name) is not None:
                        raise StoreError(
                            f"deal {out_trade_no}: {name} is already set to another value"
                        )
                if to_state is DealState.PAID and not (
                    current.transaction_id or diff.get("transaction_id")
                ):
                    raise StoreError(f"deal {out_trade_no}: PAID needs a transaction_id")
                self._m.deal.update(state=to_state.value, updated_at=now, **diff).where(
                    self._m.deal.id == row.id
                ).execute()
                self._record(
                    row, from_state, to_state, reason=reason, now=now, detail=detail_json(diff)
                )
                updated = self._m.deal.get_by_id(row.id)
        except StoreError as exc:
            if isinstance(exc.__cause__, peewee.IntegrityError):
                raise StoreError(
                    f"deal {out_trade_no}: transaction_id belongs to another deal"
                ) from exc
            raise
        return deal_from_row(updated)

    def get_deal(self, out_trade_no: str) -> Deal | None:
        with wrapped_errors(f"reading deal {out_trade_no}"):
            row = self._m.deal.get_or_none(self._m.deal.out_trade_no == out_trade_no)
        return None if row is None else deal_from_row(row)

    def get_deal_by_transaction_id(self, transaction_id: str) -> Deal | None:
        with wrapped_errors("reading a deal by transaction_id"):
            row = self._m.deal.get_or_none(self._m.deal.transaction_id == transaction_id)
        return None if row is None else deal_from_row(row)

    def deal_with_code(self, code_fingerprint: str) -> Deal | None:
        """The deal a payment code (by its fingerprint) was scanned for, if any."""
        with wrapped_errors("reading a deal by payment code"):
            row = self._m.deal.get_or_none(self._m.deal.code_fingerprint == code_fingerprint)
        return None if row is None else deal_from_row(row)

    def unfinished_deals(self) -> list[Deal]:
        """Deals CREATED, ORDERED, CLOSING or REVERSING, oldest first (start-up recovery)."""
        with wrapped_errors("listing unfinished deals"):
            rows = list(
                self._m.deal.select()
                .where(self._m.deal.state.in_([s.value for s in UNFINISHED_STATES]))
                .order_by(self._m.deal.created_at, self._m.deal.id)
            )
        return [deal_from_row(r) for r in rows]

    def deals_between(self, start: datetime, end: datetime) -> list[Deal]:
        """Deals created in ``[start, end)``, oldest first."""
        aware(start, "start")
        aware(end, "end")
        with wrapped_errors("listing deals"):
            rows = list(
                self._m.deal.select()
                .where(
                    (self._m.deal.created_at >= time_to_db(start))
                    & (self._m.deal.created_at < time_to_db(end))
                )
                .order_by(self._m.deal.created_at, self._m.deal.id)
            )
        return [deal_from_row(r) for r in rows]

    def alarmed_deals(self, start: datetime, end: datetime) -> list[Deal]:
        """Deals created in ``[start, end)`` that carry an alarm (:attr:`Deal.alarm`)."""
        aware(start, "start")
        aware(end, "end")
        with wrapped_errors("listing alarms"):
            rows = list(
                self._m.deal.select()
                .where(
                    (self._m.deal.created_at >= time_to_db(start))
                    & (self._m.deal.created_at < time_to_db(end))
                    & self._m.deal.last_error.startswith(ALARM_PREFIX)
                )
                .order_by(self._m.deal.created_at, self._m.deal.id)
            )
        return [deal_from_row(r) for r in rows]

    def iter_deals_between(
        self, start: datetime, end: datetime, *, batch: int = 2000
    ) -> Iterator[Deal]:
        """The deals of :meth:`deals_between`, equal and in the same order, streamed.

        Plain driver tuples, not Peewee rows (it shows at 100,000 deals), read ``batch``
        deals at a time by keyset: each batch is one SELECT that starts after the last
        deal seen (created_at, id), so memory stays flat, no cursor or read transaction is
        held open between batches (SQLite writers and checkpoints go on), and psycopg never
        buffers the whole result. A deal created meanwhile in the range may be included.
        """
        aware(start, "start")
        aware(end, "end")
        if batch < 1:
            raise ValueError("batch must be at least 1")
        return self._keyset(
            FROM_DEALS, DEAL_COLUMNS, deal_from_tuple, time_to_db(start), time_to_db(end), batch
        )

    def iter_deal_lines(
        self, start: datetime, end: datetime, *, batch: int = 2000
    ) -> Iterator[DealLine]:
        """:meth:`iter_deals_between` as light :class:`DealLine` tuples (exports, lists)."""
        aware(start, "start")
        aware(end, "end")
        if batch < 1:
            raise ValueError("batch must be at least 1")
        return self._keyset(
            FROM_LINES, LINE_COLUMNS, line_from_tuple, time_to_db(start), time_to_db(end), batch
        )

    def _keyset(
        self,
        select: str,
        names: tuple[str, ...],
        build: Callable[[tuple[Any, ...]], _T],
        low: str,
        high: str,
        batch: int,
    ) -> Iterator[_T]:
        head = select + ' WHERE d."created_at" >= ? AND d."created_at" < ?'
        order = ' ORDER BY d."created_at", d."id" LIMIT ?'
        # created_at >= last's, and (a later time or a higher id): after the last, in order.
        after = head + ' AND (d."created_at" > ? OR d."id" > ?)' + order
        at_id, at_time = names.index("id"), names.index("created_at")
        rows = self._rows("listing deals", head + order, (low, high, batch))
        while True:
            for values in rows:
                yield build(values)
            if len(rows) < batch:
                return
            last_id, last_time = rows[-1][at_id], rows[-1][at_time]
            rows = self._rows("listing deals", after, (last_time, high, last_time, last_id, batch))

    def recent_deals(self, limit: int) -> list[Deal]:
        """The ``limit`` newest deals (by created_at, then id), newest first."""
        if limit < 0:
            raise ValueError("limit must not be negative")
        rows = self._rows(
            "listing recent deals",
            FROM_DEALS + ' ORDER BY d."created_at" DESC, d."id" DESC LIMIT ?',
            (limit,),
        )
        return [deal_from_tuple(values) for values in rows]

    def events(self, out_trade_no: str) -> list[DealEvent]:
        """The deal's history, in the order it happened."""
        ev, deal = self._m.deal_event, self._m.deal
        with wrapped_errors(f"reading the history of {out_trade_no}"):
            rows = list(
                ev.select(ev, deal.out_trade_no)
                .join(deal)
                .where(deal.out_trade_no == out_trade_no)
                .order_by(ev.id)
            )
        return [
            DealEvent(
                id=r.id,
                out_trade_no=out_trade_no,
                at=r.at,
                from_state=None if r.from_state is None else DealState(r.from_state),
                to_state=DealState(r.to_state),
                reason=r.reason,
                detail=r.detail,
            )
            for r in rows
        ]

    # ------------------------------------------------------------ products

    def products(self, *, include_inactive: bool = False) -> list[Product]:
        """Products by quick-key position (inactive ones only when asked)."""
        p = self._m.product
        with wrapped_errors("listing products"):
            query = p.select()
            if not include_inactive:
                query = query.where(p.is_active == True)  # noqa: E712 (Peewee expression)
            rows = list(query.order_by(p.position, p.id))
        return [product_from_row(r) for r in rows]

    def save_product(
        self,
        *,
        name: str,
        price_fen: int | None = None,
        position: int = 0,
        is_active: bool = True,
        product_id: int | None = None,
    ) -> Product:
        """Add a product, or replace product ``product_id``."""
        if not name.strip():
            raise ValueError("a product needs a name")
        if price_fen is not None:
            fen(price_fen, "price_fen")
        p = self._m.product
        with self._write("saving a product"):
            fields = {
                "name": name.strip(),
                "price_fen": price_fen,
                "position": position,
                "is_active": is_active,
            }
            if product_id is None:
                row = p.create(**fields)
            else:
                if p.update(**fields).where(p.id == product_id).execute() != 1:
                    raise StoreError(f"no product {product_id}")
                row = p.get_by_id(product_id)
        return product_from_row(row)

    def delete_product(self, product_id: int) -> None:
        """Remove a product (deals keep their own copy of the product's name)."""
        with self._write("deleting a product"):
            self._m.product.delete().where(self._m.product.id == product_id).execute()

    def replace_products(self, names: Sequence[str]) -> list[Product]:
        """Make ``names`` the active products in this order (the quick keys F1, F2, …), in one
        transaction: a till never shows half of an edit. Rows are reused by position, so a
        product keeps its id where only its name changed; the rest are removed."""
        with self._write("replacing the products"):
            existing = self.products()
            for position, name in enumerate(names):
                kept = existing[position].id if position < len(existing) else None
                self.save_product(name=name, position=position, product_id=kept)
            for product in existing[len(names) :]:
                self.delete_product(product.id)
            return self.products()

    # ------------------------------------------------------------ settings

    def get_setting(self, key: str) -> str | None:
        s = self._m.setting
        with wrapped_errors(f"reading setting {key}"):
            row = s.get_or_none(s.key == key)
        return None if row is None else str(row.value)

    def install_secret(self, key: str) -> bytes:
        """A random 32-byte secret of this installation under setting ``key``, made on first
        use and never changed: two tills racing to make it both get the one that was stored."""
        value = self.get_setting(key)
        if value is None:  # only the first time: a write (and its sync) per scan would show
            with self._write(f"making secret {key}"):
                s = self._m.setting
                s.insert(key=key, value=secrets.token_hex(32)).on_conflict_ignore().execute()
                value = str(s.get(s.key == key).value)
        return bytes.fromhex(value)

    def set_setting(self, key: str, value: str) -> None:
        s = self._m.setting
        with self._write(f"saving setting {key}"):
            s.insert(key=key, value=value).on_conflict(
                conflict_target=[s.key], update={s.value: value}
            ).execute()

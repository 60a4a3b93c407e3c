"""The day's deals as rows, totals (all, and by payment method), takings by hour and a search.

Days are the shop's business days. Cash sales count like the others: paid when stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING

from pos.clock import BEIJING_DAY, BusinessDay
from pos.errors import AmountError
from pos.money import parse_amount
from pos.store import DealLine, DealState, PaymentMethod, Refund, RefundState

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the till's workers import this before its paint

#: Deals are read from the store this many at a time, so a report or an export of any size
#: holds at most one batch of deals (and their refunds) in memory at a time.
READ_BATCH = 2000

#: States whose deals carry successful refunds; only their refunds are read.
_REFUNDED_STATES = frozenset({DealState.PARTIALLY_REFUNDED, DealState.REFUNDED})


def day_bounds(day: date, business_day: BusinessDay = BEIJING_DAY) -> tuple[datetime, datetime]:
    """``[00:00, next 00:00)`` of ``day`` in the business day's zone (Beijing by default:
    WeChat's bill day, §3.8)."""
    return business_day.bounds(day)


@dataclass(frozen=True)
class DealRow:
    """One deal as the manager sees it. Times are the shop's (Beijing by default); amounts
    are fen."""

    time: datetime
    product: str
    amount_fen: int
    state: DealState
    out_trade_no: str
    transaction_id: str
    refunded_fen: int
    paid_at: datetime | None = None
    #: how the customer paid: the shop's QR, their payment code, or cash
    method: PaymentMethod = PaymentMethod.NATIVE

    @property
    def is_paid(self) -> bool:
        return self.state.is_paid

    @property
    def net_fen(self) -> int:
        """What the shop keeps of this deal: paid minus refunded (0 when unpaid)."""
        return self.amount_fen - self.refunded_fen if self.is_paid else 0


@dataclass(frozen=True)
class Totals:
    """``count`` paid deals (``all_count`` deals in all); gross paid, refunded, net kept."""

    count: int = 0
    gross_fen: int = 0
    refunded_fen: int = 0
    all_count: int = 0

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.refunded_fen

    def add(self, row: DealRow) -> Totals:
        if not row.is_paid:
            return Totals(self.count, self.gross_fen, self.refunded_fen, self.all_count + 1)
        return Totals(
            self.count + 1,
            self.gross_fen + row.amount_fen,
            self.refunded_fen + row.refunded_fen,
            self.all_count + 1,
        )


def totals_of(rows: Iterable[DealRow]) -> Totals:
    totals = Totals()
    for row in rows:
        totals = totals.add(row)
    return totals


def totals_by_method(rows: Iterable[DealRow]) -> dict[PaymentMethod, Totals]:
    """The totals of each payment method (every method, in order; empty ones are zero)."""
    totals = {method: Totals() for method in PaymentMethod}
    for row in rows:
        totals[row.method] = totals[row.method].add(row)
    return totals


def _row(deal: DealLine, refunds: dict[str, list[Refund]], business_day: BusinessDay) -> DealRow:
    refunded = 0
    if deal.state in _REFUNDED_STATES:
        refunded = sum(
            r.refund_fee
            for r in refunds.get(deal.out_trade_no, ())
            if r.state is RefundState.SUCCESS
        )
    return DealRow(
        time=business_day.local(deal.created_at),
        product=deal.product,
        amount_fen=deal.amount_fen,
        state=deal.state,
        out_trade_no=deal.out_trade_no,
        transaction_id=deal.transaction_id or "",
        refunded_fen=refunded,
        paid_at=business_day.local(deal.paid_at) if deal.paid_at else None,
        method=deal.method,
    )


def iter_rows(
    store: Store,
    date_from: date,
    date_to: date,
    *,
    batch: int = READ_BATCH,
    business_day: BusinessDay = BEIJING_DAY,
) -> Iterator[DealRow]:
    """Every deal created from ``date_from`` to ``date_to`` (inclusive, business days),
    oldest first, read batch by batch so memory stays flat however many deals there are."""
    if date_to < date_from:
        raise ValueError("date_to is before date_from")
    start, _ = day_bounds(date_from, business_day)
    _, end = day_bounds(date_to, business_day)
    return _rows(store.iter_deal_lines(start, end, batch=batch), store, batch, business_day)


def _rows(
    deals: Iterator[DealLine], store: Store, batch: int, business_day: BusinessDay
) -> Iterator[DealRow]:
    while chunk := list(islice(deals, batch)):
        # One query for the refunds of the chunk's refunded deals, not one per deal.
        refunds = store.refunds_for_deals(
            d.out_trade_no for d in chunk if d.state in _REFUNDED_STATES
        )
        for deal in chunk:
            yield _row(deal, refunds, business_day)


@dataclass(frozen=True)
class DayReport:
    """One business day: every deal, the totals, and gross takings by hour of payment."""

    day: date
    rows: tuple[DealRow, ...]
    totals: Totals
    hourly_fen: tuple[int, ...]
    #: The totals split by how the customers paid (QR, payment code, cash).
    by_method: dict[PaymentMethod, Totals] = field(default_factory=dict)

    def search(self, text: str) -> list[DealRow]:
        return search_rows(self.rows, text)


def hourly_takings(
    rows: Iterable[DealRow], business_day: BusinessDay = BEIJING_DAY
) -> tuple[int, ...]:
    """Fen paid in each hour 0–23 of the shop's clock, by the time the payment succeeded."""
    hours = [0] * 24
    for row in rows:
        if row.is_paid:
            hours[business_day.local(row.paid_at or row.time).hour] += row.amount_fen
    return tuple(hours)


def day_report(store: Store, day: date, business_day: BusinessDay = BEIJING_DAY) -> DayReport:
    """The report of one business day (deals by the time they were created)."""
    rows = tuple(iter_rows(store, day, day, business_day=business_day))
    return DayReport(
        day=day,
        rows=rows,
        totals=totals_of(rows),
        hourly_fen=hourly_takings(rows, business_day),
        by_method=totals_by_method(rows),
    )


def search_rows(rows: Iterable[DealRow], text: str) -> list[DealRow]:
    """Rows whose amount is ``text`` read as yuan (``25.5``, ``¥25.50``), or whose
    out_trade_no or transaction_id contains ``text`` (case-insensitive). Empty: all rows."""
    needle = text.strip()
    if not needle:
        return list(rows)
    try:
        amount: int | None = parse_amount(needle, max_fen=10**15)
    except AmountError:
        amount = None
    lowered = needle.lower()
    return [
        row
        for row in rows
        if row.amount_fen == amount
        or lowered in row.out_trade_no.lower()
        or (row.transaction_id and lowered in row.transaction_id.lower())
    ]

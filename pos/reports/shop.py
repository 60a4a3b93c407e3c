"""The shop's day: every till's deals as the shop server has them, or this till's alone.

:func:`fetch_shop_day` asks the shop server (``GET /shop/v1/day``); when it cannot be reached
(or refuses this till) the day is this till's own deals, flagged :attr:`ShopDay.is_local_only`
with the reason, so the manager's view can say 仅本机数据 rather than show a part as the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pos.clock import BEIJING_DAY, BusinessDay
from pos.errors import ShopServerError
from pos.reports.day import DealRow, Totals, hourly_takings, iter_rows, totals_of
from pos.store.records import PaymentMethod
from pos.sync.wire import ShopDeal

if TYPE_CHECKING:
    from pos.store import Store
    from pos.sync.client import ShopServerClient


@dataclass(frozen=True)
class ShopRow(DealRow):
    """A deal of the shop's day: a :class:`DealRow` with its till, method and clerk."""

    till: str = ""
    clerk: str | None = None


@dataclass(frozen=True)
class ShopDay:
    """One business day of the shop. ``is_local_only``: the server could not be asked, and
    these are this till's deals only (``problem`` says why)."""

    day: date
    rows: tuple[ShopRow, ...]
    totals: Totals
    hourly_fen: tuple[int, ...]
    is_local_only: bool = False
    problem: str | None = None

    def totals_by(self, what: str) -> dict[str, Totals]:
        """Totals per ``till``, ``method`` or ``clerk`` (no clerk: the empty string)."""
        if what not in ("till", "method", "clerk"):
            raise ValueError(f"totals by till, method or clerk, not {what!r}")
        found: dict[str, Totals] = {}
        for row in self.rows:
            name = getattr(row, what) or ""
            found[name] = found.get(name, Totals()).add(row)
        return dict(sorted(found.items()))


def shop_row(deal: ShopDeal, business_day: BusinessDay = BEIJING_DAY) -> ShopRow:
    return ShopRow(
        time=business_day.local(deal.created_at),
        product=deal.product,
        amount_fen=deal.amount_fen,
        state=deal.state,
        out_trade_no=deal.out_trade_no,
        transaction_id=deal.transaction_id or "",
        refunded_fen=deal.refunded_fen if deal.state.is_paid else 0,
        paid_at=None if deal.paid_at is None else business_day.local(deal.paid_at),
        till=deal.till,
        method=PaymentMethod(deal.method),
        clerk=deal.clerk,
    )


def _day(
    day: date, rows: Iterable[ShopRow], business_day: BusinessDay, problem: str | None = None
) -> ShopDay:
    kept = tuple(rows)
    return ShopDay(
        day=day,
        rows=kept,
        totals=totals_of(kept),
        hourly_fen=hourly_takings(kept, business_day),
        is_local_only=problem is not None,
        problem=problem,
    )


def local_rows(
    store: Store, date_from: date, date_to: date, *, till: str, business_day: BusinessDay
) -> Iterator[ShopRow]:
    """This till's own deals as shop rows, with their clerks named as the server names
    them (``"<number> <name>"``, :meth:`pos.sync.Outbox` sends them so)."""
    start, _ = business_day.bounds(date_from)
    _, end = business_day.bounds(date_to)
    clerk_of = {line.out_trade_no: line.clerk_id for line in store.iter_deal_lines(start, end)}
    names = {
        account.id: f"{account.number} {account.name}"
        for account in store.accounts(include_inactive=True)
    }
    for row in iter_rows(store, date_from, date_to, business_day=business_day):
        clerk_id = clerk_of.get(row.out_trade_no)
        yield ShopRow(
            **row.__dict__, till=till, clerk=None if clerk_id is None else names.get(clerk_id)
        )


def fetch_shop_day(
    client: ShopServerClient | None,
    store: Store,
    day: date,
    *,
    till: str,
    business_day: BusinessDay = BEIJING_DAY,
) -> ShopDay:
    """The shop's ``day`` from the server; this till's own deals, flagged local only, when
    there is no server (``client`` None) or it cannot be reached or refuses this till."""
    if client is not None:
        try:
            deals = client.day(day)
        except ShopServerError as exc:
            problem = str(exc)
        else:
            return _day(day, (shop_row(deal, business_day) for deal in deals), business_day)
    else:
        problem = "no shop server is set up"
    rows = local_rows(store, day, day, till=till, business_day=business_day)
    return _day(day, rows, business_day, problem)


def iter_shop_rows(
    client: ShopServerClient,
    date_from: date,
    date_to: date,
    *,
    business_day: BusinessDay = BEIJING_DAY,
) -> Iterator[DealRow]:
    """The shop's deals of ``date_from``..``date_to`` from the server, a day at a time
    (``pos export --shop``); ShopServerError if it cannot give them: no half export."""
    if date_to < date_from:
        raise ValueError("date_to is before date_from")
    day = date_from
    while day <= date_to:
        for deal in client.day(day):
            yield shop_row(deal, business_day)
        day += timedelta(days=1)

"""Deals for the shop's tests: a QR deal paid through the fake WeChat Pay, stamped."""

from __future__ import annotations

from helpers.fakes import FakeClock, FakeWeChatPay
from pos.checkout import CheckoutConfig, CheckoutSession
from pos.store import NO_STAMP, Deal, DealState, Stamp, Store


def qr_deal(
    store: Store,
    clock: FakeClock,
    amount_fen: int,
    *,
    product: str = "拿铁",
    stamp: Stamp = NO_STAMP,
    is_paid: bool = True,
    till_id: str = "T1",
) -> Deal:
    """A QR deal run to its end by a real checkout session: paid by the customer at the first
    query, or given up (CLOSED) when ``is_paid`` is False."""
    wechat = FakeWeChatPay(clock)
    session = CheckoutSession.begin(
        store=store,
        client=wechat,
        amount_fen=amount_fen,
        product=product,
        till_id=till_id,
        sign_type="MD5",
        config=CheckoutConfig(timeout=10.0),
        clock=clock,
        stamp=stamp,
    )
    number = session.out_trade_no

    def pay_once() -> None:
        if wechat.orders[number].transaction_id is None:
            wechat.pay(number)

    if is_paid:
        wechat.hooks["order_query"] = pay_once
    deal = session.run(sleep=clock.sleep)
    wanted = DealState.PAID if is_paid else DealState.CLOSED
    assert deal.state is wanted, deal.state
    return deal

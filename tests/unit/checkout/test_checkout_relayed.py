"""Relayed payment notifications, verified with our own key and applied: each typed outcome."""

from __future__ import annotations

import pytest
from helpers.fakes import FakeClock, FakeWeChatPay

from pos.checkout import (
    Alarmed,
    AlreadyPaid,
    CancelRequested,
    CheckoutSession,
    CreateOrder,
    Handled,
    PaidLate,
    Refused,
    ShowPaid,
    UnknownDeal,
    apply_relayed_payment,
)
from pos.store import ALARM_PREFIX, DealState, Store
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import Merchant, SignType, to_wire_time

MERCHANT = Merchant(
    appid="wxd930ea5d5a258f4f", mch_id="10000100", api_key="192006250b4c09247ec02edce69f6a2d"
)


@pytest.fixture
def ordered(session: CheckoutSession) -> CheckoutSession:
    """A deal whose order WeChat Pay has; its checkout watches it."""
    session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))
    return session


def relayed(
    out_trade_no: str, transaction_id: str, clock: FakeClock, *, fee: int = 2550, key: str = ""
) -> str:
    """The notification's body as the relay passes it on, signed with ``key`` (ours if "")."""
    fields = {
        "appid": MERCHANT.appid,
        "mch_id": MERCHANT.mch_id,
        "return_code": "SUCCESS",
        "result_code": "SUCCESS",
        "nonce_str": "Vb6Nm1Qw8Er3Ty5U",
        "openid": "o1",
        "out_trade_no": out_trade_no,
        "transaction_id": transaction_id,
        "total_fee": str(fee),
        "cash_fee": str(fee),
        "bank_type": "OTHERS",
        "trade_type": "NATIVE",
        "time_end": to_wire_time(clock()),
    }
    sign = make_sign(fields, key or MERCHANT.api_key, SignType.MD5)
    return xmlcodec.encode(dict(fields, sign=sign)).decode("utf-8")


def test_the_watching_checkout_takes_a_verified_notification(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, ordered: CheckoutSession
) -> None:
    session = ordered
    body = relayed(session.out_trade_no, wechat.pay(session.out_trade_no), clock)
    outcome = apply_relayed_payment(
        body, session.out_trade_no, store=store, merchant=MERCHANT, session=session, now=clock()
    )
    assert isinstance(outcome, Handled)
    assert any(isinstance(c, ShowPaid) for c in outcome.commands)
    assert store.get_deal(session.out_trade_no).state is DealState.PAID  # type: ignore[union-attr]


def test_a_forged_or_misdirected_notification_changes_nothing(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, ordered: CheckoutSession
) -> None:
    session = ordered
    number = session.out_trade_no
    transaction_id = wechat.pay(number)
    forged = relayed(number, transaction_id, clock, key="0" * 32)
    outcome = apply_relayed_payment(
        forged, number, store=store, merchant=MERCHANT, session=session, now=clock()
    )
    assert isinstance(outcome, Refused)
    # Signed by us, but about another deal than the one the relay says.
    other = relayed("POS01OTHER", transaction_id, clock)
    outcome = apply_relayed_payment(
        other, number, store=store, merchant=MERCHANT, session=None, now=clock()
    )
    assert outcome == Refused("the notification is for another deal")
    assert store.get_deal(number).state is DealState.ORDERED  # type: ignore[union-attr]
    stranger = apply_relayed_payment(
        other, "POS01OTHER", store=store, merchant=MERCHANT, session=None, now=clock()
    )
    assert stranger == UnknownDeal("POS01OTHER")


def test_a_deal_written_off_is_paid_late_and_a_repeat_changes_nothing(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, ordered: CheckoutSession
) -> None:
    session = ordered
    number = session.out_trade_no
    session.handle(CancelRequested())  # the clerk gave up: CLOSING, and no longer watched
    body = relayed(number, wechat.pay(number), clock)

    late = apply_relayed_payment(
        body, number, store=store, merchant=MERCHANT, session=None, now=clock()
    )
    assert isinstance(late, PaidLate)
    assert late.deal.state is DealState.PAID and late.deal.is_late

    again = apply_relayed_payment(
        body, number, store=store, merchant=MERCHANT, session=None, now=clock()
    )
    assert again == AlreadyPaid(late.deal)


def test_another_amount_for_an_unwatched_deal_raises_the_alarm_and_is_not_counted(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, ordered: CheckoutSession
) -> None:
    session = ordered
    number = session.out_trade_no
    session.handle(CancelRequested())
    body = relayed(number, wechat.pay(number, fee=1), clock, fee=1)
    outcome = apply_relayed_payment(
        body, number, store=store, merchant=MERCHANT, session=None, now=clock()
    )
    assert isinstance(outcome, Alarmed)
    assert outcome.deal.state is DealState.CLOSING  # not marked paid
    assert outcome.deal.last_error is not None and outcome.deal.last_error.startswith(ALARM_PREFIX)
    assert store.get_deal(number).alarm is not None  # type: ignore[union-attr]

"""The checkout machine and its session: every path, with a fake clock and a fake WeChat Pay."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from helpers.fakes import START, FakeClock, FakeWeChatPay, Fault

from pos.checkout import (
    CancelRequested,
    CheckoutConfig,
    CheckoutSession,
    CloseOrder,
    Command,
    CreateOrder,
    Event,
    Finish,
    HideQr,
    Notice,
    PaymentNotified,
    QueryOrder,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    ShowQr,
    State,
    Tick,
    Transition,
    apply_payment_notification,
    notification_alarm,
    order_body,
    record_alarm,
    recover_unfinished,
)
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    DiskFullError,
    GarbledResponse,
    NotificationError,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
    WeChatPayError,
)
from pos.store import DEAL_TRANSITIONS, DealState, Store
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import parse_payment_notification
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import Merchant, PrepayResult, SignType, to_wire_time

CONFIG = CheckoutConfig()  # 120 s on screen, poll every 2 s, close at once (sandbox)
STRICT = CheckoutConfig(close_min_age=300.0)  # the v2 five-minute close rule (§3.3)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wechat(clock: FakeClock) -> FakeWeChatPay:
    return FakeWeChatPay(clock)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "pos.db")
    yield opened
    opened.close()


def begin(
    store: Store,
    wechat: FakeWeChatPay,
    clock: FakeClock,
    *,
    amount_fen: int = 2550,
    config: CheckoutConfig = CONFIG,
) -> CheckoutSession:
    return CheckoutSession.begin(
        store=store,
        client=wechat,
        amount_fen=amount_fen,
        product="示例超市-咖啡",
        till_id="POS01",
        sign_type="MD5",
        config=config,
        clock=clock,
    )


Action = Callable[[], list[Event]]


def script(clock: FakeClock, *steps: tuple[float, Action]) -> Callable[[], list[Event]]:
    """An inbox that fires each action once the fake clock has reached its second."""
    pending = sorted(steps, key=lambda step: step[0])

    def inbox() -> list[Event]:
        events: list[Event] = []
        while pending and clock.elapsed() >= pending[0][0]:
            events += pending.pop(0)[1]()
        return events

    return inbox


def pays(wechat: FakeWeChatPay, session: CheckoutSession, **kwargs: int) -> Action:
    def act() -> list[Event]:
        wechat.pay(session.out_trade_no, **kwargs)
        return []

    return act


def cancel() -> list[Event]:
    return [CancelRequested()]


def run(
    session: CheckoutSession, clock: FakeClock, inbox: Callable[[], list[Event]] | None = None
) -> list[Command]:
    shown: list[Command] = []
    session.run(sleep=clock.sleep, inbox=inbox, on_command=shown.append)
    return shown


def notices(commands: list[Command]) -> list[Notice]:
    return [c.notice for c in commands if isinstance(c, ShowMessage)]


def path(store: Store, number: str) -> list[tuple[DealState | None, DealState]]:
    """The state changes of the history (same-state updates left out)."""
    return [(e.from_state, e.to_state) for e in store.events(number) if e.from_state != e.to_state]


# ---------------------------------------------------------------- the happy paths


def test_the_deal_is_stored_before_any_network_call(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CREATED
    assert wechat.calls == []
    commands = session.start()
    assert [type(c) for c in commands] == [ShowMessage, CreateOrder]
    assert wechat.calls == []
    # §4.5: the order lives at least 5 minutes, and longer than the clerk's countdown.
    assert deal.time_expire - deal.time_start >= timedelta(minutes=5)
    assert deal.time_start.microsecond == 0


def test_paid_by_poll(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (9, pays(wechat, session))))

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None
    assert session.state is State.PAID
    assert deal.state is DealState.PAID and not deal.is_late
    order = wechat.orders[session.out_trade_no]
    assert deal.transaction_id == order.transaction_id
    assert deal.paid_at == order.time_end
    assert deal.bank_type == "OTHERS"
    qr = [c for c in shown if isinstance(c, ShowQr)]
    assert len(qr) == 1 and qr[0].code_url == order.code_url
    assert qr[0].deadline == START + timedelta(seconds=120)
    assert any(isinstance(c, ShowPaid) and c.deal == deal for c in shown)
    assert isinstance(shown[-1], Finish) and shown[-1].deal == deal
    assert path(store, deal.out_trade_no) == [
        (None, DealState.CREATED),
        (DealState.CREATED, DealState.ORDERED),
        (DealState.ORDERED, DealState.PAID),
    ]
    # Polled every 2 s from the QR to the payment, and then stopped.
    queries = wechat.calls_to("order_query")
    assert [round((c.at - START).total_seconds()) for c in queries] == [2, 4, 6, 8, 10]
    assert len(wechat.calls_to("unified_order")) == 1
    assert wechat.calls_to("close_order") == []


def test_paid_by_notification(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    session = begin(store, wechat, clock)
    (create,) = [c for c in session.start() if isinstance(c, CreateOrder)]
    commands = session.perform(create)
    (query,) = [c for c in commands if isinstance(c, QueryOrder)]
    assert query.delay == 2.0
    clock.advance(1)
    wechat.pay(session.out_trade_no)

    commands = session.handle(PaymentNotified(wechat.notification(session.out_trade_no)))

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and not deal.is_late
    assert [type(c) for c in commands] == [HideQr, ShowPaid, ShowMessage, Finish]
    assert store.events(deal.out_trade_no)[-1].reason == "paid (notification)"
    # The poll that was scheduled is no longer wanted; a duplicate notification is a no-op.
    assert session.perform(query) == []
    assert session.handle(PaymentNotified(wechat.notification(session.out_trade_no))) == []
    assert len(store.events(deal.out_trade_no)) == 3


def test_notification_with_wrong_amount_is_ignored(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    (create,) = [c for c in session.start() if isinstance(c, CreateOrder)]
    session.perform(create)
    wechat.pay(session.out_trade_no)

    commands = session.handle(
        PaymentNotified(wechat.notification(session.out_trade_no, total_fee=1))
    )

    assert session.state is State.WAITING
    alarms = [c for c in commands if isinstance(c, ShowMessage)]
    assert alarms and alarms[0].notice is Notice.AMOUNT_MISMATCH and alarms[0].is_alarm
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.ORDERED
    assert deal.transaction_id is None
    assert deal.last_error is not None and "1 fen" in deal.last_error


def test_notification_for_another_order_is_ignored(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    other = begin(store, wechat, clock)
    other.perform(next(c for c in other.start() if isinstance(c, CreateOrder)))
    wechat.pay(other.out_trade_no)
    session = begin(store, wechat, clock)
    session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))

    commands = session.handle(PaymentNotified(wechat.notification(other.out_trade_no)))

    assert notices(commands) == [Notice.NOTIFICATION_IGNORED]
    assert session.state is State.WAITING


def test_query_reporting_another_amount_is_not_paid(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (3, pays(wechat, session, fee=1))))

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None
    assert deal.state is not DealState.PAID and deal.transaction_id is None
    assert notices(shown).count(Notice.AMOUNT_MISMATCH) == 1
    assert not any(isinstance(c, ShowPaid | ShowLatePayment) for c in shown)
    # Watched at the slowest pace until the deadline; once the clerk has given up, the same
    # wrong amount from orderquery stops the session for a person to look at it.
    at = [(c.at - START).total_seconds() for c in wechat.calls_to("order_query")]
    assert at[:4] == [2, 4, 19, 34] and at[-1] == 120
    assert session.state is State.NEEDS_ATTENTION
    assert deal.state is DealState.CLOSING and deal.last_error is not None
    assert isinstance(shown[-1], Finish) and shown[-1].state is State.NEEDS_ATTENTION
    assert clock.elapsed() == 120


def test_a_real_notification_is_verified_before_the_machine_sees_it(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    merchant = Merchant(
        appid="wxd930ea5d5a258f4f", mch_id="10000100", api_key="192006250b4c09247ec02edce69f6a2d"
    )
    session = begin(store, wechat, clock)
    session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))
    transaction_id = wechat.pay(session.out_trade_no)
    fields = {
        "appid": merchant.appid,
        "mch_id": merchant.mch_id,
        "return_code": "SUCCESS",
        "result_code": "SUCCESS",
        "nonce_str": "Vb6Nm1Qw8Er3Ty5U",
        "openid": "o1",
        "out_trade_no": session.out_trade_no,
        "transaction_id": transaction_id,
        "total_fee": "2550",
        "cash_fee": "2550",
        "bank_type": "OTHERS",
        "trade_type": "NATIVE",
        "time_end": to_wire_time(clock()),
    }
    forged = dict(fields, sign=make_sign(fields, "not-the-key", SignType.MD5))
    with pytest.raises(NotificationError):
        parse_payment_notification(xmlcodec.encode(forged), merchant)
    body = xmlcodec.encode(dict(fields, sign=make_sign(fields, merchant.api_key, SignType.MD5)))

    commands = session.handle(PaymentNotified(parse_payment_notification(body, merchant)))

    assert any(isinstance(c, ShowPaid) for c in commands)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.transaction_id == transaction_id


# ---------------------------------------------------------------- giving up


def test_customer_cancels(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (10, cancel)))

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CLOSED
    assert session.state is State.CLOSED
    assert any(isinstance(c, HideQr) for c in shown)
    assert Notice.CANCELLED in notices(shown)
    assert wechat.orders[deal.out_trade_no].trade_state.value == "CLOSED"
    assert len(wechat.calls_to("close_order")) == 1
    assert path(store, deal.out_trade_no) == [
        (None, DealState.CREATED),
        (DealState.CREATED, DealState.ORDERED),
        (DealState.ORDERED, DealState.CLOSING),
        (DealState.CLOSING, DealState.CLOSED),
    ]
    assert [e.reason for e in store.events(deal.out_trade_no)][2] == "cancelled"


def test_timeout_takes_the_qr_away_and_closes(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    shown = run(session, clock)

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CLOSED and not deal.is_late
    hide_index = next(i for i, c in enumerate(shown) if isinstance(c, HideQr))
    assert Notice.TIMED_OUT in notices(shown[hide_index:])
    (close,) = wechat.calls_to("close_order")
    assert close.at == START + timedelta(seconds=120)
    # The last poll is exactly at the deadline; none beyond while the QR was up.
    before_close = wechat.calls[: wechat.calls.index(close)]
    polls = [c.at for c in before_close if c.method == "order_query"]
    assert polls[-1] == START + timedelta(seconds=120)
    assert len(polls) == 60
    # After the close, one orderquery confirms CLOSED (§3.2 is the authority).
    assert [c.method for c in wechat.calls[wechat.calls.index(close) :]] == [
        "close_order",
        "order_query",
    ]
    assert [e.reason for e in store.events(deal.out_trade_no)][2] == "timeout"


def test_a_tick_at_the_deadline_gives_up_while_a_poll_is_in_flight(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    commands = session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))
    (query,) = [c for c in commands if isinstance(c, QueryOrder)]
    clock.advance(119)
    assert session.handle(Tick()) == []
    clock.advance(1)

    commands = session.handle(Tick())

    assert [type(c) for c in commands] == [HideQr, ShowMessage, CloseOrder]
    assert session.state is State.CLOSING
    # The poll already scheduled keeps watching; no second loop is started.
    assert session.machine.is_current(query)


def test_close_waits_for_the_five_minute_rule_and_keeps_watching(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock, config=STRICT)
    run(session, clock)

    (close,) = wechat.calls_to("close_order")
    assert close.at == START + timedelta(seconds=300)  # §3.3, counted from time_start
    watching = [
        c.at
        for c in wechat.calls_to("order_query")
        if START + timedelta(seconds=120) < c.at < close.at
    ]
    assert watching and all(b - a == timedelta(seconds=5) for a, b in pairwise(watching))
    assert session.state is State.CLOSED


def test_close_refused_then_retried(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    wechat.faults["close_order"] = [
        Fault(RetryableBusinessError("SYSTEMERROR")),
        Fault(TransportError("timed out")),
        Fault(RequestRejected("签名错误")),
    ]
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (4, cancel)))

    closes = [c.at for c in wechat.calls_to("close_order")]
    assert len(closes) == 4
    gaps = [(b - a).total_seconds() for a, b in pairwise(closes)]
    assert gaps == [2.0, 4.0, 8.0]  # backing off, same request each time
    assert notices(shown).count(Notice.CLOSE_RETRY) == 3
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CLOSED
    errors = [e.detail for e in store.events(deal.out_trade_no) if e.reason == "closeorder failed"]
    assert len(errors) == 3 and "SYSTEMERROR" in errors[0]


def test_late_payment_after_timeout(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    session = begin(store, wechat, clock, config=STRICT)
    shown = run(session, clock, script(clock, (150, pays(wechat, session))))

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and deal.is_late
    late = [c for c in shown if isinstance(c, ShowLatePayment)]
    assert len(late) == 1 and late[0].deal == deal
    assert Notice.LATE_PAYMENT in notices(shown)
    assert not any(isinstance(c, ShowPaid) for c in shown)
    assert wechat.calls_to("close_order") == []  # paid before the close was allowed
    assert path(store, deal.out_trade_no)[-1] == (DealState.CLOSING, DealState.PAID)


def test_paid_just_before_the_close_is_a_late_payment(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    wechat.hooks["close_order"] = lambda: wechat.pay(session.out_trade_no)
    shown = run(session, clock)

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and deal.is_late
    assert any(isinstance(c, ShowLatePayment) for c in shown)
    (close,) = wechat.calls_to("close_order")
    # ORDERPAID on close -> an immediate orderquery records the payment.
    assert wechat.calls_to("order_query")[-1].at == close.at


def test_late_notification_after_the_deal_was_closed(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    run(session, clock, script(clock, (6, cancel)))
    assert session.state is State.CLOSED
    order = wechat.orders[session.out_trade_no]
    # WeChat Pay is the truth (§4.5: time_expire is enforced laxly): force a paid order.
    order.trade_state = order.trade_state.SUCCESS
    order.transaction_id, order.time_end, order.paid_fee = "4200009", clock(), 2550

    commands = session.handle(PaymentNotified(wechat.notification(session.out_trade_no)))

    assert any(isinstance(c, ShowLatePayment) for c in commands)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and deal.is_late


# ---------------------------------------------------------------- unknown outcomes


def test_timeout_before_the_order_reached_wechat(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.faults["unified_order"] = [Fault(TransportError("timed out"), "before")]
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (20, pays(wechat, session))))

    creates = wechat.calls_to("unified_order")
    assert len(creates) == 2
    assert creates[0].params == creates[1].params  # same number, same time_start/time_expire
    assert len(wechat.orders) == 1
    assert Notice.NO_ANSWER in notices(shown)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID
    reasons = [e.reason for e in store.events(deal.out_trade_no)]
    assert reasons[:2] == ["created", "unifiedorder outcome unknown"]


def test_connection_dropped_after_the_order_was_made(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.faults["unified_order"] = [Fault(TransportError("connection reset"), "after")]
    wechat.faults["order_query"] = [Fault(GarbledResponse("not xml"), "before")]
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (30, pays(wechat, session))))

    assert len(wechat.orders) == 1
    creates = wechat.calls_to("unified_order")
    assert len(creates) == 2 and creates[0].params == creates[1].params
    assert [type(c) for c in shown].count(ShowQr) == 1
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and not deal.is_late
    assert deal.code_url == wechat.orders[deal.out_trade_no].code_url


def test_no_answer_backs_off_and_recovers(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    wechat.faults["order_query"] = [Fault(TransportError("timed out"))] * 4 + [
        Fault(BadResponseSignature("bad sign"))
    ]
    shown = run(session, clock, script(clock, (70, pays(wechat, session))))

    at = [(c.at - START).total_seconds() for c in wechat.calls_to("order_query")]
    assert at[:7] == [2, 6, 14, 29, 44, 59, 61]  # 2 s, doubling to 15 s, then 2 s again
    assert Notice.NO_ANSWER in notices(shown)
    bad = [c for c in shown if isinstance(c, ShowMessage) and c.notice is Notice.BAD_SIGNATURE]
    assert bad and bad[0].is_alarm
    assert notices(shown).count(Notice.WAITING_FOR_SCAN) == 2  # shown again once answers return
    assert session.state is State.PAID


def test_unknown_outcome_then_nothing_answers_until_the_clerk_gives_up(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.faults["unified_order"] = [Fault(TransportError("timed out"), "after")]
    wechat.faults["order_query"] = [Fault(TransportError("timed out"))] * 12
    session = begin(store, wechat, clock)
    shown = run(session, clock)

    # Never a second number: one order at WeChat Pay, closed in the end.
    assert len(wechat.orders) == 1
    assert not any(isinstance(c, ShowQr) for c in shown)
    assert Notice.TIMED_OUT in notices(shown)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CLOSED


def test_create_definitely_failed(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    wechat.faults["unified_order"] = [Fault(BusinessError("NOAUTH", "商户无此接口权限"))]
    session = begin(store, wechat, clock)
    shown = run(session, clock)

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.FAILED
    assert deal.last_error is not None and "NOAUTH" in deal.last_error
    failed = [c for c in shown if isinstance(c, ShowMessage) and c.notice is Notice.FAILED]
    assert failed and failed[0].is_alarm and "NOAUTH" in failed[0].text
    assert wechat.calls_to("order_query") == [] and wechat.calls_to("close_order") == []
    assert isinstance(shown[-1], Finish) and shown[-1].state is State.FAILED


def test_create_answered_orderpaid_is_queried_and_paid(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    deal = session.deal
    # An earlier attempt made the order and the customer paid it; unifiedorder says ORDERPAID.
    wechat.unified_order(
        out_trade_no=deal.out_trade_no,
        total_fee=deal.amount_fen,
        body=deal.product,
        time_start=deal.time_start,
        time_expire=deal.time_expire,
        device_info=deal.till_id,
    )
    wechat.pay(deal.out_trade_no)

    shown = run(session, clock)

    stored = store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.PAID and not stored.is_late
    assert any(isinstance(c, ShowPaid) for c in shown)
    assert [c.method for c in wechat.calls] == ["unified_order", "unified_order", "order_query"]


def test_number_used_with_other_terms_is_closed_not_shown(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    deal = session.deal
    wechat.unified_order(
        out_trade_no=deal.out_trade_no,
        total_fee=1,
        body="other",
        time_start=deal.time_start,
        time_expire=deal.time_expire,
    )
    shown = run(session, clock)

    assert not any(isinstance(c, ShowQr) for c in shown)
    stored = store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.CLOSED
    assert len(wechat.calls_to("unified_order")) == 2  # the test's own call and ours


def test_cancel_while_the_order_is_being_created(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    (create,) = [c for c in session.start() if isinstance(c, CreateOrder)]

    commands = session.handle(CancelRequested())
    # No close may overtake the unifiedorder in flight.
    assert not any(isinstance(c, CloseOrder | QueryOrder) for c in commands)
    assert session.state is State.CLOSING

    commands = session.perform(create)
    assert not any(isinstance(c, ShowQr) for c in commands)
    assert any(isinstance(c, CloseOrder) for c in commands)
    session.run(sleep=clock.sleep, commands=commands)

    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CLOSED
    assert deal.code_url == wechat.orders[deal.out_trade_no].code_url
    assert wechat.calls[0].method == "unified_order" and wechat.calls[1].method == "close_order"


@pytest.mark.parametrize("event", [CancelRequested(), Tick()], ids=["cancel", "timeout"])
def test_giving_up_while_the_order_is_being_created_frees_the_till(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, event: Event
) -> None:
    session = begin(store, wechat, clock)
    session.start()
    clock.advance(0 if isinstance(event, CancelRequested) else CONFIG.timeout)

    commands = session.handle(event)
    # The unifiedorder is still in flight, yet the screen is let go at once (HideQr).
    assert any(isinstance(c, HideQr) for c in commands)
    assert session.state is State.CLOSING


def test_a_long_product_name_is_cut_for_body_and_kept_whole_in_the_deal(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    name = "手冲咖啡（埃塞俄比亚耶加雪菲）" * 5  # 80 characters, 240 UTF-8 bytes
    session = CheckoutSession.begin(
        store=store,
        client=wechat,
        amount_fen=100,
        product=name,
        till_id="POS01",
        sign_type="MD5",
        config=CONFIG,
        clock=clock,
    )
    run(session, clock, script(clock, (3, pays(wechat, session))))

    (create,) = wechat.calls_to("unified_order")
    sent = create.params["body"]
    assert isinstance(sent, str)
    assert sent.endswith("…") and name.startswith(sent[:-1])
    assert len(sent.encode("utf-8")) <= 127
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.product == name and deal.state is DealState.PAID


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("咖啡", "咖啡"),
        ("x" * 127, "x" * 127),
        ("x" * 128, "x" * 124 + "…"),
        ("x" + "咖" * 43, "x" + "咖" * 41 + "…"),  # never half a character
        ("咖" * 42 + "x", "咖" * 42 + "x"),  # exactly 127 bytes
    ],
)
def test_order_body_cuts_at_a_character_boundary(name: str, expected: str) -> None:
    assert order_body(name) == expected
    assert len(order_body(name).encode("utf-8")) <= 127


def test_a_client_bug_is_raised_not_taken_for_an_unknown_outcome(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    # A bug dressed as "outcome unknown" would be queried again and again for ever: it goes up
    # to the caller (the window logs it with its traceback, once), and the deal stays stored
    # unfinished for start-up recovery.
    class Broken(FakeWeChatPay):
        def unified_order(self, **kwargs: object) -> PrepayResult:
            raise KeyError("oops")

    broken = Broken(clock)
    session = begin(store, broken, clock)
    create = next(c for c in session.start() if isinstance(c, CreateOrder))
    with pytest.raises(KeyError):
        session.perform(create)
    stored = store.get_deal(session.out_trade_no)
    assert stored is not None and stored.state is DealState.CREATED


def test_the_deal_still_shows_paid_when_the_disk_is_full(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = begin(store, wechat, clock)
    session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))
    wechat.pay(session.out_trade_no)

    def full(*args: object, **kwargs: object) -> None:
        raise DiskFullError("updating deal: the disk or the database is full")

    monkeypatch.setattr(store, "transition", full)
    commands = session.handle(PaymentNotified(wechat.notification(session.out_trade_no)))

    assert any(isinstance(c, ShowPaid) for c in commands)
    alarms = [c for c in commands if isinstance(c, ShowMessage) and c.notice is Notice.STORE_ERROR]
    assert alarms and alarms[0].is_alarm
    monkeypatch.undo()
    stored = store.get_deal(session.out_trade_no)
    assert stored is not None and stored.state is DealState.ORDERED  # recovery will fix it
    (result,) = recover_unfinished(store=store, client=wechat, config=CONFIG, clock=clock)
    assert result.deal.state is DealState.PAID and result.session is None


def test_a_call_can_go_through_another_client(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    # The window sends the calls of a deal settled in the background through a client that
    # gives up sooner; the session's own client stays for the rest.
    other = FakeWeChatPay(clock)
    other.orders = wechat.orders  # the same WeChat Pay, another way to reach it
    session = begin(store, wechat, clock)
    created = session.perform(next(c for c in session.start() if isinstance(c, CreateOrder)))
    query = next(c for c in created if isinstance(c, QueryOrder))
    session.perform(query, client=other)
    assert [call.method for call in wechat.calls] == ["unified_order"]
    assert [call.method for call in other.calls] == ["order_query"]


def test_commands_are_small_values() -> None:
    assert Transition(DealState.PAID, "paid").changes == {}
    assert QueryOrder(2.0, 1) == QueryOrder(2.0, 1)
    assert State.PAID.is_final and not State.CLOSING.is_final


# ---------------------------------------------------------------- start-up recovery


def _deal_in(
    store: Store,
    wechat: FakeWeChatPay,
    clock: FakeClock,
    *,
    steps: int,
    pay: bool = False,
    cancel_it: bool = False,
) -> str:
    """A deal left behind by a run that stopped after ``steps`` performed network commands."""
    session = begin(store, wechat, clock, config=STRICT)
    commands = session.start()
    for _ in range(steps):
        network = [c for c in commands if isinstance(c, CreateOrder | QueryOrder | CloseOrder)]
        commands = session.perform(network[0])
    if pay:
        wechat.pay(session.out_trade_no)
    if cancel_it:
        session.handle(CancelRequested())
    return session.out_trade_no


def test_restart_recovery(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    never_sent = _deal_in(store, wechat, clock, steps=0)
    unpaid = _deal_in(store, wechat, clock, steps=1)
    paid = _deal_in(store, wechat, clock, steps=1, pay=True)
    closing = _deal_in(store, wechat, clock, steps=1, cancel_it=True)
    cancelled_early = _deal_in(store, wechat, clock, steps=0, cancel_it=True)
    finished = _deal_in(store, wechat, clock, steps=1, pay=True)
    store.transition(
        finished,
        DealState.PAID,
        reason="test",
        now=clock(),
        transaction_id=wechat.orders[finished].transaction_id,
        paid_at=wechat.orders[finished].time_end,
    )
    clock.advance(600)  # the program was down for ten minutes

    results = {
        r.deal.out_trade_no: r
        for r in recover_unfinished(store=store, client=wechat, config=STRICT, clock=clock)
    }

    assert set(results) == {never_sent, unpaid, paid, closing, cancelled_early}
    assert results[never_sent].deal.state is DealState.FAILED  # nothing was charged
    assert results[cancelled_early].deal.state is DealState.FAILED
    assert results[unpaid].deal.state is DealState.CLOSED
    assert results[closing].deal.state is DealState.CLOSED
    assert results[paid].deal.state is DealState.PAID and results[paid].deal.is_late
    assert any(isinstance(c, ShowLatePayment) for c in results[paid].commands)
    assert all(r.session is None for r in results.values())
    assert store.unfinished_deals() == []
    closed = [c.params["out_trade_no"] for c in wechat.calls_to("close_order")]
    assert closed == [unpaid, closing]  # ORDERNOTEXIST: nothing to close


def test_recovery_leaves_a_session_when_the_close_must_wait(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    number = _deal_in(store, wechat, clock, steps=1)
    clock.advance(60)  # restarted one minute after the order was made

    (result,) = recover_unfinished(store=store, client=wechat, config=STRICT, clock=clock)

    assert result.deal.state is DealState.CLOSING and result.session is not None
    (close,) = [c for c in result.commands if isinstance(c, CloseOrder)]
    assert close.delay == pytest.approx(240.0)  # §3.3: five minutes after time_start
    assert wechat.calls_to("close_order") == []
    final = result.session.run(sleep=clock.sleep, commands=result.commands)
    assert final.state is DealState.CLOSED
    assert wechat.calls_to("close_order")[0].at == START + timedelta(seconds=300)
    assert store.get_deal(number) == final


def test_recovery_without_network_changes_nothing(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    number = _deal_in(store, wechat, clock, steps=1)
    before = store.get_deal(number)
    wechat.faults["order_query"] = [Fault(TransportError("no route"))]

    (result,) = recover_unfinished(store=store, client=wechat, config=STRICT, clock=clock)

    assert result.session is not None and result.deal == before
    assert any(isinstance(c, QueryOrder) and c.delay > 0 for c in result.commands)


def test_recovery_of_an_order_paid_with_another_amount(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    number = _deal_in(store, wechat, clock, steps=1)
    wechat.pay(number, fee=1)

    (result,) = recover_unfinished(store=store, client=wechat, config=STRICT, clock=clock)

    assert result.session is None
    assert result.deal.state is DealState.ORDERED and result.deal.transaction_id is None
    assert result.deal.last_error is not None and "1 fen" in result.deal.last_error
    assert Notice.AMOUNT_MISMATCH in notices(list(result.commands))
    assert any(isinstance(c, Finish) and c.state is State.NEEDS_ATTENTION for c in result.commands)


def test_apply_payment_notification_for_a_deal_no_session_owns(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    number = _deal_in(store, wechat, clock, steps=1, cancel_it=True)
    wechat.pay(number)
    note = wechat.notification(number)

    assert (
        apply_payment_notification(store, wechat.notification(number, total_fee=1), now=clock())
        is None
    )
    deal = apply_payment_notification(store, note, now=clock())
    assert deal is not None and deal.state is DealState.PAID and deal.is_late
    assert apply_payment_notification(store, note, now=clock()) == deal  # duplicates are normal
    assert len(store.events(number)) == 4


def test_a_wrong_notification_for_a_final_deal_raises_the_alarm(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    session = begin(store, wechat, clock)
    run(session, clock, script(clock, (3, pays(wechat, session))))
    number = session.out_trade_no
    paid = store.get_deal(number)
    assert paid is not None and paid.state is DealState.PAID and paid.alarm is None
    right = wechat.notification(number)
    assert notification_alarm(paid, right) is None  # a duplicate of the right one
    wrong_fee = notification_alarm(paid, wechat.notification(number, total_fee=2551))
    other_payment = notification_alarm(paid, replace(right, transaction_id="4200000000000000001"))
    assert wrong_fee is not None and "2551" in wrong_fee
    assert other_payment is not None

    with caplog.at_level(logging.ERROR, logger="pos.checkout"):
        alarmed = record_alarm(store, paid, wrong_fee, now=clock())

    assert alarmed.state is DealState.PAID and alarmed.alarm == wrong_fee  # never moved
    assert store.events(number)[-1].reason == "alarm: notification refused"
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert getattr(record, "out_trade_no", None) == number
    day = (START - timedelta(days=1), START + timedelta(days=1))
    assert [deal.out_trade_no for deal in store.alarmed_deals(*day)] == [number]


# ---------------------------------------------------------------- random schedules


def _chaos(seed: int, store: Store) -> None:
    """One checkout under random faults, payments, cancels and notifications."""
    rng = random.Random(seed)
    clock = FakeClock()
    wechat = FakeWeChatPay(clock)
    config = CheckoutConfig(close_min_age=rng.choice([0.0, 300.0]))
    errors: list[Callable[[], WeChatPayError]] = [
        lambda: TransportError("timed out"),
        lambda: GarbledResponse("not xml"),
        lambda: BadResponseSignature("bad sign"),
        lambda: RetryableBusinessError("SYSTEMERROR"),
    ]
    for method in ("unified_order", "order_query", "close_order"):
        wechat.faults[method] = [
            Fault(rng.choice(errors)(), rng.choice(["before", "after"]))
            if rng.random() < 0.3
            else Fault(TransportError("unused"), "never")
            for _ in range(400)
        ]
    # Now and then WeChat Pay refuses an order outright (nothing is created).
    if rng.random() < 0.15:
        wechat.faults["unified_order"].insert(rng.randint(0, 2), Fault(RequestRejected("参数错误")))
    session = CheckoutSession.begin(
        store=store,
        client=wechat,
        amount_fen=rng.randint(1, 10**6),
        product="x",
        till_id="POS01",
        sign_type="MD5",
        config=config,
        clock=clock,
    )
    start = clock()
    pay_at = rng.uniform(0, 500) if rng.random() < 0.6 else None
    cancel_at = rng.uniform(0, 200) if rng.random() < 0.3 else None
    notify_delay = rng.uniform(0, 30) if rng.random() < 0.5 else None
    paid_when: list[float] = []

    def inbox() -> list[Event]:
        now = (clock() - start).total_seconds()
        events: list[Event] = []
        nonlocal pay_at, cancel_at
        order = wechat.orders.get(session.out_trade_no)
        if pay_at is not None and now >= pay_at and order is not None:
            if order.trade_state.value == "NOTPAY":
                wechat.pay(session.out_trade_no)
                paid_when.append(now)
            pay_at = None
        if cancel_at is not None and now >= cancel_at:
            events.append(CancelRequested())
            cancel_at = None
        if notify_delay is not None and paid_when and now >= paid_when[0] + notify_delay:
            events.append(PaymentNotified(wechat.notification(session.out_trade_no)))
            paid_when.clear()
        return events

    shown: list[Command] = []
    deal = session.run(sleep=clock.sleep, inbox=inbox, on_command=shown.append, max_steps=5000)
    order = wechat.orders.get(deal.out_trade_no)
    context = f"seed {seed}: {deal.state} order={order and order.trade_state}"
    assert session.is_finished, context
    assert Notice.STORE_ERROR not in notices(shown), context
    assert len(wechat.orders) <= 1
    creates = wechat.calls_to("unified_order")
    assert all(c.params == creates[0].params for c in creates), context
    # A payment is never lost, and nothing unpaid is ever marked paid.
    if order is not None and order.trade_state.is_paid:
        assert deal.state is DealState.PAID, context
        assert deal.transaction_id == order.transaction_id, context
    if deal.state is DealState.PAID:
        assert order is not None and order.trade_state.is_paid, context
    if deal.state is DealState.CLOSED:
        assert order is not None and order.trade_state.value == "CLOSED", context
    if deal.state is DealState.FAILED:
        assert order is None or order.trade_state.value == "CLOSED", context
    assert store.get_deal(deal.out_trade_no) == deal
    moves = [(e.from_state, e.to_state) for e in store.events(deal.out_trade_no)][1:]
    assert all(a is b or b in DEAL_TRANSITIONS[a] for a, b in moves if a is not None), context


def test_random_schedules_keep_every_promise(store: Store) -> None:
    for seed in range(150):
        _chaos(seed, store)

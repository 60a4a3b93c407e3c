"""The payment-code machine and its session: every path, with a fake clock and a fake WeChat Pay."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.fakes import START, FakeClock, FakeWeChatPay, Fault

from pos.checkout import (
    REFUSAL_NOTICES,
    CancelRequested,
    CheckoutConfig,
    CheckoutSession,
    Command,
    Event,
    Finish,
    Micropay,
    Notice,
    PaymentNotified,
    QueryOrder,
    ReverseOrder,
    SendReport,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    ShowPasswordWait,
    State,
    apply_payment_notification,
    recover_unfinished,
)
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    PaymentCodeRefused,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
)
from pos.store import DealState, PaymentMethod, Store
from pos.wechatpay.types import ReportState, TradeState

CONFIG = CheckoutConfig()  # poll 5 s, wait 30 s, reverse not before 15 s (§3.9, §3.10)
CODE = "134567890123456789"


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
    code: str = CODE,
    amount_fen: int = 1880,
    config: CheckoutConfig = CONFIG,
) -> CheckoutSession:
    return CheckoutSession.begin_code(
        store=store,
        client=wechat,
        amount_fen=amount_fen,
        product="示例超市-咖啡",
        till_id="POS01",
        sign_type="MD5",
        config=config,
        clock=clock,
        auth_code=code,
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


def run(
    session: CheckoutSession, clock: FakeClock, inbox: Callable[[], list[Event]] | None = None
) -> list[Command]:
    shown: list[Command] = []
    session.run(sleep=clock.sleep, inbox=inbox, on_command=shown.append)
    return shown


def notices(commands: list[Command]) -> list[Notice]:
    return [c.notice for c in commands if isinstance(c, ShowMessage)]


def path(store: Store, number: str) -> list[DealState]:
    """The states the deal went through (same-state updates left out)."""
    events = store.events(number)
    return [e.to_state for e in events if e.from_state != e.to_state]


def seconds(calls: list[object]) -> list[int]:
    return [round((c.at - START).total_seconds()) for c in calls]  # type: ignore[attr-defined]


def cancel() -> list[Event]:
    return [CancelRequested()]


# ---------------------------------------------------------------- before any call


def test_the_deal_is_stored_before_micropay_and_the_code_is_never_kept(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, tmp_path: Path
) -> None:
    session = begin(store, wechat, clock)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.CREATED
    assert deal.method is PaymentMethod.MICROPAY
    assert deal.code_masked == "13****************"
    assert deal.code_fingerprint is not None and CODE not in deal.code_fingerprint
    assert wechat.calls == []
    commands = session.start()
    assert [type(c) for c in commands] == [ShowMessage, Micropay]
    assert CODE not in repr(commands) and wechat.calls == []
    session.run(sleep=clock.sleep, commands=commands)
    (call,) = wechat.micropay_calls()
    assert call.params["auth_code"] == CODE and call.params["out_trade_no"] == deal.out_trade_no
    store.close()
    for file in tmp_path.glob("pos.db*"):
        assert CODE.encode() not in file.read_bytes(), file


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("287654321098765432", Notice.CODE_OTHER_WALLET),  # Alipay
        ("6212345678901234567", Notice.CODE_OTHER_WALLET),  # UnionPay
        ("25.50", Notice.CODE_NOT_A_CODE),
        ("164567890123456789", Notice.CODE_NOT_A_CODE),
    ],
)
def test_other_wallets_and_non_codes_are_refused_without_a_call(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, code: str, reason: Notice
) -> None:
    with pytest.raises(PaymentCodeRefused) as refused:
        begin(store, wechat, clock, code=code)
    assert refused.value.reason == reason.value
    assert code not in str(refused.value) or len(code) < 6
    assert wechat.calls == [] and store.unfinished_deals() == []


def test_a_code_used_before_is_refused_for_another_deal(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    first = begin(store, wechat, clock)
    run(first, clock)
    with pytest.raises(PaymentCodeRefused) as refused:
        begin(store, wechat, clock, code=CODE + "\n")
    assert refused.value.reason == Notice.CODE_REUSED.value
    assert first.out_trade_no in str(refused.value) and CODE not in str(refused.value)
    assert len(wechat.micropay_calls()) == 1
    begin(store, wechat, clock, code="134567890123456780")  # another code is fine


# ---------------------------------------------------------------- paid


def test_paid_at_once(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and not deal.is_late
    order = wechat.orders[deal.out_trade_no]
    assert deal.transaction_id == order.transaction_id and deal.paid_at == order.time_end
    assert path(store, deal.out_trade_no) == [DealState.CREATED, DealState.PAID]
    assert any(isinstance(c, ShowPaid) for c in shown) and isinstance(shown[-1], Finish)
    assert wechat.calls_to("order_query") == [] and wechat.calls_to("reverse") == []
    (report,) = wechat.reports
    assert (report.out_trade_no, report.state, report.err_msg) == (
        deal.out_trade_no,
        ReportState.OK,
        "",
    )
    assert report.begin_time == deal.time_start and report.end_time == START


def test_password_then_paid(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)

    def enter() -> list[Event]:
        wechat.enter_password(session.out_trade_no)
        return []

    shown = run(session, clock, script(clock, (12, enter)))
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and not deal.is_late
    assert path(store, deal.out_trade_no) == [DealState.CREATED, DealState.ORDERED, DealState.PAID]
    (wait,) = [c for c in shown if isinstance(c, ShowPasswordWait)]
    assert wait.deadline == START + timedelta(seconds=30) and wait.amount_fen == 1880
    assert Notice.WAITING_FOR_PASSWORD in notices(shown)
    # §3.9: orderquery every 5 s while the customer types; stopped once paid.
    assert seconds(wechat.calls_to("order_query")) == [5, 10, 15]
    assert wechat.calls_to("reverse") == []
    assert [r.state for r in wechat.reports] == [ReportState.OK]


def test_the_relay_push_ends_the_password_wait(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)

    def paid_and_pushed() -> list[Event]:
        wechat.enter_password(session.out_trade_no)
        return [
            PaymentNotified(wechat.notification(session.out_trade_no, total_fee=1)),
            PaymentNotified(wechat.notification(session.out_trade_no)),
        ]

    shown = run(session, clock, script(clock, (7, paid_and_pushed)))
    assert session.state is State.PAID
    assert Notice.AMOUNT_MISMATCH in notices(shown)
    assert seconds(wechat.calls_to("order_query")) == [5]  # the push came before the 10-s query


def test_password_then_failed_is_reversed(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)

    def fails() -> list[Event]:
        wechat.fail_password(session.out_trade_no)
        return []

    shown = run(session, clock, script(clock, (7, fails)))
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.REVERSED
    assert Notice.PAYMENT_FAILED in notices(shown) and Notice.REVERSED in notices(shown)
    # PAYERROR at the 10-s query; §3.10: reverse not sooner than 15 s after the payment call.
    assert seconds(wechat.calls_to("reverse")) == [15]
    assert wechat.orders[deal.out_trade_no].trade_state is TradeState.REVOKED
    assert path(store, deal.out_trade_no) == [
        DealState.CREATED,
        DealState.ORDERED,
        DealState.REVERSING,
        DealState.REVERSED,
    ]
    assert [(r.state, r.err_msg) for r in wechat.reports] == [(ReportState.FAIL, "REVERSED")]


def test_password_never_entered_is_reversed_at_the_end_of_the_wait(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.REVERSED
    assert seconds(wechat.calls_to("order_query")) == [5, 10, 15, 20, 25, 30]
    assert seconds(wechat.calls_to("reverse")) == [30]
    assert Notice.PASSWORD_TIMED_OUT in notices(shown)
    assert wechat.orders[session.out_trade_no].trade_state is TradeState.REVOKED


def test_recall_y_is_called_again_with_a_delay(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    wechat.recalls = [True, True]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.REVERSED
    assert seconds(wechat.calls_to("reverse")) == [30, 32, 36]
    assert notices(shown).count(Notice.REVERSE_RETRY) == 2


def test_cancel_during_the_wait_reverses(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)
    shown = run(session, clock, script(clock, (8, cancel)))
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.REVERSED
    assert Notice.REVERSE_CANCELLED in notices(shown)
    assert seconds(wechat.calls_to("order_query")) == [5]
    assert seconds(wechat.calls_to("reverse")) == [15]
    assert [(r.state, r.err_msg) for r in wechat.reports] == [(ReportState.CANCELLED, "")]


def test_cancel_while_micropay_is_out_reverses_after_its_answer(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock, config=CheckoutConfig(reverse_min_age=0))
    (micropay,) = [c for c in session.start() if isinstance(c, Micropay)]
    commands = session.handle(CancelRequested())
    assert notices(commands) == [Notice.REVERSE_CANCELLED]
    assert not any(isinstance(c, ReverseOrder) for c in commands)  # it would overtake micropay
    after = session.perform(micropay)
    (reverse,) = [c for c in after if isinstance(c, ReverseOrder)]
    session.perform(reverse)
    assert session.state is State.REVERSED
    order = wechat.orders[session.out_trade_no]
    assert order.trade_state is TradeState.REVOKED and order.is_money_returned


def test_the_micropay_command_sends_the_code_once(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    session = begin(store, wechat, clock)
    (micropay,) = [c for c in session.start() if isinstance(c, Micropay)]
    session.perform(micropay)
    assert session.perform(micropay) == []
    assert len(wechat.micropay_calls()) == 1


# ---------------------------------------------------------------- unknown outcomes


@pytest.mark.parametrize(
    ("error", "first_query"),
    [
        (TransportError("timed out"), 0),
        (BadResponseSignature("bad sign"), 0),
        (RetryableBusinessError("BANKERROR"), 0),
        (RetryableBusinessError("SYSTEMERROR"), 5),  # §3.9: wait 5 s, then query
    ],
)
def test_an_unknown_outcome_is_learned_with_orderquery_for_the_same_number(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, error: Exception, first_query: int
) -> None:
    wechat.faults["micropay"] = [Fault(error, "after")]  # type: ignore[arg-type]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.PAID
    assert len(wechat.micropay_calls()) == 1
    queries = wechat.calls_to("order_query")
    assert seconds(queries) == [first_query]
    assert {q.params["out_trade_no"] for q in queries} == {session.out_trade_no}
    assert Notice.PAID in notices(shown)


def test_unknown_and_nothing_made_charges_nothing(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.faults["micropay"] = [Fault(RetryableBusinessError("SYSTEMERROR"), "before")]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.FAILED
    assert Notice.NOTHING_CHARGED in notices(shown)
    assert wechat.calls_to("reverse") == [] and len(wechat.micropay_calls()) == 1


def test_unknown_until_the_end_of_the_wait_is_reversed(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    wechat.faults["micropay"] = [Fault(TransportError("timed out"), "after")]
    wechat.faults["order_query"] = [Fault(TransportError("timed out")) for _ in range(20)]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.REVERSED
    assert Notice.OUTCOME_UNCLEAR in notices(shown)
    assert seconds(wechat.calls_to("reverse")) == [30]
    assert len(wechat.micropay_calls()) == 1


def test_order_paid_on_micropay_is_queried_and_recorded(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.faults["micropay"] = [Fault(BusinessError("ORDERPAID"), "after")]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.PAID
    assert notices(shown)[:2] == [Notice.CHARGING_CODE, Notice.CODE_ORDER_PAID]


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(("err_code", "notice"), sorted(REFUSAL_NOTICES.items()))
def test_each_refusal_ends_the_deal_failed_with_its_notice(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, err_code: str, notice: Notice
) -> None:
    wechat.code_outcomes[CODE] = err_code
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.FAILED
    assert deal.last_error is not None and err_code in deal.last_error
    assert notices(shown)[-1] is notice
    assert wechat.calls_to("order_query") == [] and wechat.calls_to("reverse") == []
    assert [(r.state, r.err_msg) for r in wechat.reports] == [(ReportState.FAIL, err_code)]


def test_the_refusals_have_distinct_notices() -> None:
    by_code = {
        code: notice
        for code, notice in REFUSAL_NOTICES.items()
        if notice not in (Notice.CODE_MERCHANT_WRONG, Notice.CODE_REQUEST_WRONG)
    }
    assert len(set(by_code.values())) == len(by_code)
    for code in ("NOTENOUGH", "AUTHCODEEXPIRE", "AUTH_CODE_INVALID", "NOTSUPORTCARD"):
        assert code in REFUSAL_NOTICES
    assert "BUYER_MISMATCH" in REFUSAL_NOTICES


@pytest.mark.parametrize(
    ("error", "notice"),
    [
        (BusinessError("SOMETHING_NEW", "新的错误"), Notice.CODE_REFUSED),
        (RequestRejected("签名错误"), Notice.CODE_REQUEST_WRONG),
    ],
)
def test_unlisted_refusals_fail_too(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, error: Exception, notice: Notice
) -> None:
    wechat.faults["micropay"] = [Fault(error)]  # type: ignore[arg-type]
    session = begin(store, wechat, clock)
    shown = run(session, clock)
    assert session.state is State.FAILED and notices(shown)[-1] is notice


# ---------------------------------------------------------------- reverse troubles


def test_a_refused_reverse_of_a_paid_order_is_a_late_payment(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    wechat.faults["reverse"] = [Fault(BusinessError("REVERSE_EXPIRE"))]
    session = begin(store, wechat, clock)

    def paid_at_the_last_moment() -> list[Event]:
        wechat.enter_password(session.out_trade_no)
        return []

    hooks = script(clock, (8, cancel), (14, paid_at_the_last_moment))
    shown = run(session, clock, hooks)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.PAID and deal.is_late
    assert Notice.REVERSE_REFUSED in notices(shown)
    assert any(isinstance(c, ShowLatePayment) for c in shown)


def test_a_reverse_never_confirmed_is_left_to_a_person_and_done_at_the_next_start(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    wechat.recalls = [True] * 10
    config = CheckoutConfig(max_reverse_calls=4)
    session = begin(store, wechat, clock, config=config)
    shown = run(session, clock)
    assert session.state is State.NEEDS_ATTENTION
    assert Notice.REVERSE_UNCONFIRMED in notices(shown)
    deal = store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is DealState.REVERSING and deal.alarm is not None
    wechat.recalls = []
    (result,) = recover_unfinished(store=store, client=wechat, config=config, clock=clock)
    assert result.deal.state is DealState.REVERSED and result.session is None
    assert len(wechat.micropay_calls()) == 1


def test_a_query_in_flight_does_not_undo_a_decided_reverse(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)
    commands = session.start()
    commands = session.perform(next(c for c in commands if isinstance(c, Micropay)))
    query = next(c for c in commands if isinstance(c, QueryOrder))
    commands = session.handle(CancelRequested())
    reverse = next(c for c in commands if isinstance(c, ReverseOrder))
    wechat.enter_password(session.out_trade_no)
    assert session.perform(query) == []  # superseded: the reverse was decided
    clock.advance(15)
    session.perform(reverse)
    assert session.state is State.REVERSED
    assert wechat.orders[session.out_trade_no].is_money_returned


def test_a_report_that_fails_is_only_logged(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    wechat.faults["report"] = [Fault(TransportError("timed out"))]
    session = begin(store, wechat, clock)
    with caplog.at_level(logging.WARNING, logger="pos.checkout"):
        run(session, clock)
    assert session.state is State.PAID
    assert any("payitil/report" in r.getMessage() for r in caplog.records)


def test_the_code_is_in_no_log_line(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    wechat.code_outcomes[CODE] = "password"
    wechat.faults["micropay"] = [Fault(TransportError("timed out"), "after")]
    session = begin(store, wechat, clock)
    with caplog.at_level(logging.DEBUG):
        shown = run(session, clock, script(clock, (3, cancel)))
    assert caplog.records
    assert all(CODE not in r.getMessage() for r in caplog.records)
    assert CODE not in repr(shown) and CODE not in repr(session.deal)


# ---------------------------------------------------------------- start-up recovery


def crashed_after_micropay(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock, outcome: str
) -> str:
    """The till sent micropay and died before it wrote the answer down (SIGKILL)."""
    wechat.code_outcomes[CODE] = outcome
    session = begin(store, wechat, clock)
    (micropay,) = [c for c in session.start() if isinstance(c, Micropay)]
    with pytest.raises(RuntimeError):
        session.perform(micropay, client=_Dying(wechat))  # type: ignore[arg-type]
    return session.out_trade_no


class _Dying:
    """A client that carries micropay out, then the program dies before the answer is read."""

    def __init__(self, wechat: FakeWeChatPay) -> None:
        self.wechat = wechat

    def micropay(self, **params: object) -> object:
        # Answered (a refusal too), but nobody is left to read it.
        with contextlib.suppress(BusinessError):
            self.wechat.micropay(**params)  # type: ignore[arg-type]
        raise RuntimeError("SIGKILL")


@pytest.mark.parametrize(
    ("outcome", "final", "calls"),
    [
        ("paid", DealState.PAID, ["order_query"]),
        ("password", DealState.REVERSED, ["order_query", "reverse"]),
        ("NOTENOUGH", DealState.FAILED, ["order_query"]),
    ],
)
def test_a_deal_left_by_a_crash_is_settled_at_the_next_start(
    store: Store,
    wechat: FakeWeChatPay,
    clock: FakeClock,
    outcome: str,
    final: DealState,
    calls: list[str],
) -> None:
    number = crashed_after_micropay(store, wechat, clock, outcome)
    assert store.get_deal(number).state is DealState.CREATED  # type: ignore[union-attr]
    before = len(wechat.calls)
    clock.advance(60)
    (result,) = recover_unfinished(store=store, client=wechat, config=CONFIG, clock=clock)
    assert result.deal.state is final and result.session is None
    assert [c.method for c in wechat.calls[before:]] == calls
    assert len(wechat.micropay_calls()) == 1  # the code is gone: never sent again
    if final is DealState.PAID:
        assert result.deal.is_late and any(isinstance(c, ShowLatePayment) for c in result.commands)
    assert not any(isinstance(c, SendReport) for c in result.commands)


def test_a_deal_left_reversing_is_reversed_again_without_asking_first(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)
    commands = session.start()
    commands = session.perform(next(c for c in commands if isinstance(c, Micropay)))
    session.handle(CancelRequested())  # REVERSING stored; the till dies before the reverse
    wechat.enter_password(session.out_trade_no)  # and the customer pays meanwhile
    clock.advance(60)
    before = len(wechat.calls)
    (result,) = recover_unfinished(store=store, client=wechat, config=CONFIG, clock=clock)
    assert [c.method for c in wechat.calls[before:]] == ["reverse"]
    assert result.deal.state is DealState.REVERSED
    assert wechat.orders[session.out_trade_no].is_money_returned


def test_recovery_waits_for_the_reverse_rule_and_leaves_a_session(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    number = crashed_after_micropay(store, wechat, clock, "password")
    clock.advance(3)
    (result,) = recover_unfinished(store=store, client=wechat, config=CONFIG, clock=clock)
    assert result.deal.out_trade_no == number and result.deal.state is DealState.REVERSING
    assert result.session is not None
    (reverse,) = [c for c in result.commands if isinstance(c, ReverseOrder)]
    assert reverse.delay == 12  # §3.10: 15 s after the payment call
    result.session.run(sleep=clock.sleep, commands=result.commands)
    assert result.session.deal.state is DealState.REVERSED


def test_a_notification_never_marks_a_reversing_deal_paid(
    store: Store, wechat: FakeWeChatPay, clock: FakeClock
) -> None:
    wechat.code_outcomes[CODE] = "password"
    session = begin(store, wechat, clock)
    commands = session.start()
    session.perform(next(c for c in commands if isinstance(c, Micropay)))
    session.handle(CancelRequested())
    wechat.enter_password(session.out_trade_no)
    notification = wechat.notification(session.out_trade_no)
    assert apply_payment_notification(store, notification, now=clock()) is None
    assert store.get_deal(session.out_trade_no).state is DealState.REVERSING  # type: ignore[union-attr]

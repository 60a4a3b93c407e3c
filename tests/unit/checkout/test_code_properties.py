"""The payment-code machine driven by Hypothesis: random answers, delays, cancels and crashes.

Whatever happens, it always ends; a deal is never both paid and reversed, and agrees with
WeChat Pay about the money; one scan is never two micropay calls (under one number or two).
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.fakes import FakeClock, FakeWeChatPay, Fault
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pos.checkout import (
    CancelRequested,
    CheckoutConfig,
    CheckoutSession,
    Event,
    PaymentNotified,
    State,
)
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    GarbledResponse,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
    WeChatPayError,
)
from pos.store import DEAL_TRANSITIONS, DealState, Store
from pos.wechatpay.types import TradeState

_CODES = itertools.count(10**15)


class Crash(BaseException):
    """The till dies in the middle of a call (SIGKILL): the call reached WeChat Pay, nobody
    read its answer. A BaseException, so that nothing on the way catches it."""


def _unknown(name: str) -> WeChatPayError:
    return {
        "timeout": TransportError("timed out"),
        "garbled": GarbledResponse("not xml"),
        "bad_sign": BadResponseSignature("bad sign"),
        "SYSTEMERROR": RetryableBusinessError("SYSTEMERROR"),
        "BANKERROR": RetryableBusinessError("BANKERROR"),
    }[name]


UNKNOWN = st.sampled_from(["timeout", "garbled", "bad_sign", "SYSTEMERROR", "BANKERROR"])
OUTCOMES = st.sampled_from(["paid", "paid", "password", "password", "password", "NOTENOUGH"])


@dataclass
class World:
    outcome: str
    micropay_fault: tuple[str, str] | None  # (when, kind)
    password: tuple[str, float]  # ("enter" | "fail" | "never", when)
    cancel_at: float | None
    notify_delay: float | None
    query_faults: list[str | None]
    reverse_answers: list[str]  # "ok", "recall", an unknown kind, or a refusal code
    latencies: list[float]
    crashes: list[int]  # a crash after this many network calls of the run (at most two runs)
    config: CheckoutConfig


@st.composite
def worlds(draw: st.DrawFn) -> World:
    fault = draw(
        st.sampled_from(
            [None, None, None, ("after", "ORDERPAID"), ("after", "crash"), ("before", "rejected")]
        )
        | st.tuples(st.sampled_from(["before", "after", "after"]), UNKNOWN)
    )
    return World(
        outcome=draw(OUTCOMES),
        micropay_fault=fault,
        password=(
            draw(st.sampled_from(["enter", "fail", "never"])),
            draw(st.floats(min_value=0, max_value=60)),
        ),
        cancel_at=draw(st.one_of(st.none(), st.floats(min_value=0, max_value=40))),
        notify_delay=draw(st.one_of(st.none(), st.floats(min_value=0, max_value=10))),
        query_faults=draw(st.lists(st.one_of(st.none(), UNKNOWN, st.just("crash")), max_size=12)),
        reverse_answers=draw(
            st.lists(
                st.sampled_from(["ok", "recall", "timeout", "SYSTEMERROR", "REVERSE_EXPIRE"]),
                max_size=8,
            )
        ),
        latencies=draw(st.lists(st.floats(min_value=0, max_value=4), max_size=10)),
        crashes=draw(st.lists(st.integers(min_value=0, max_value=8), max_size=2)),
        # (0 is a crash before micropay went out: then nothing was ever sent)
        config=CheckoutConfig(
            password_poll=draw(st.sampled_from([2.0, 5.0, 10.0])),
            password_wait=draw(st.sampled_from([10.0, 30.0, 45.0])),
            reverse_min_age=draw(st.sampled_from([0.0, 15.0])),
            max_reverse_calls=draw(st.integers(min_value=1, max_value=6)),
        ),
    )


def _fault(kind: str) -> Fault:
    if kind == "crash":
        return Fault(Crash(), "after")  # type: ignore[arg-type]
    if kind == "ORDERPAID":
        return Fault(BusinessError("ORDERPAID"), "after")
    if kind == "rejected":
        return Fault(RequestRejected("签名错误"))
    return Fault(_unknown(kind))


def _arm(wechat: FakeWeChatPay, world: World, clock: FakeClock) -> None:
    if world.micropay_fault is not None:
        when, kind = world.micropay_fault
        wechat.faults["micropay"] = [Fault(_fault(kind).error, when)]
    wechat.faults["order_query"] = [
        _fault(kind) if kind else Fault(TransportError("unused"), "never")
        for kind in world.query_faults
    ]
    reverse_faults: list[Fault] = []
    for answer in world.reverse_answers:
        if answer in ("ok", "recall"):
            wechat.recalls.append(answer == "recall")
            reverse_faults.append(Fault(TransportError("unused"), "never"))
        elif answer == "REVERSE_EXPIRE":
            reverse_faults.append(Fault(BusinessError(answer)))
        else:
            reverse_faults.append(Fault(_unknown(answer), "before"))
    wechat.faults["reverse"] = reverse_faults
    latencies = iter(world.latencies)

    def slow() -> None:
        clock.advance(next(latencies, 0.0))

    for method in ("micropay", "order_query", "reverse"):
        wechat.hooks[method] = slow


class _Crashing:
    """The fake's calls, until the till dies after ``calls`` of them."""

    def __init__(self, wechat: FakeWeChatPay, calls: int) -> None:
        self.wechat, self.left = wechat, calls

    def __getattr__(self, name: str) -> object:
        call = getattr(self.wechat, name)
        if name not in ("micropay", "order_query", "reverse"):
            return call

        def counted(**params: object) -> object:
            if self.left <= 0:
                raise Crash
            self.left -= 1
            return call(**params)

        return counted


def _run(session: CheckoutSession, clock: FakeClock, inbox: object, client: object) -> bool:
    """Run until the end or a crash; True when the till died."""
    session.client = client  # type: ignore[assignment]
    try:
        session.run(sleep=clock.sleep, inbox=inbox, max_steps=2000)  # type: ignore[arg-type]
    except Crash:
        return True
    return False


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as folder:
        opened = Store.open(Path(folder) / "pos.db")
        yield opened
        opened.close()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds())
def test_a_scan_always_ends_once_and_agrees_with_wechat(store: Store, world: World) -> None:
    clock = FakeClock()
    wechat = FakeWeChatPay(clock)
    code = f"13{next(_CODES):016d}"
    wechat.code_outcomes[code] = world.outcome
    _arm(wechat, world, clock)
    session = CheckoutSession.begin_code(
        store=store,
        client=wechat,
        amount_fen=1880,
        product="x",
        till_id="POS01",
        sign_type="MD5",
        config=world.config,
        clock=clock,
        auth_code=code,
    )
    number = session.out_trade_no
    start = clock()
    what, password_at = world.password
    cancel_at, notify_delay = world.cancel_at, world.notify_delay
    paid_at: list[float] = []

    def inbox() -> list[Event]:
        nonlocal what, cancel_at
        now = (clock() - start).total_seconds()
        order = wechat.orders.get(number)
        events: list[Event] = []
        if order is not None and order.trade_state is TradeState.USERPAYING and now >= password_at:
            if what == "enter":
                wechat.enter_password(number)
                paid_at.append(now)
            elif what == "fail":
                wechat.fail_password(number)
            what = "done"
        if cancel_at is not None and now >= cancel_at:
            events.append(CancelRequested())
            cancel_at = None
        if notify_delay is not None and paid_at and now >= paid_at[0] + notify_delay:
            events.append(PaymentNotified(wechat.notification(number)))
            paid_at.clear()
        return events

    # The planned crashes, then the crashes the fake's faults cause (a finite list).
    for attempt in range(40):
        planned = world.crashes[attempt] if attempt < len(world.crashes) else None
        client = wechat if planned is None else _Crashing(wechat, planned)
        if not _run(session, clock, inbox, client) or session.is_finished:
            break
        # SIGKILL: the session is gone; the next start settles what the store holds.
        clock.advance(5)
        deal = store.get_deal(number)
        assert deal is not None
        if not deal.state.is_unfinished:
            break
        session = CheckoutSession.resume(
            deal, store=store, client=wechat, config=world.config, clock=clock
        )

    deal = store.get_deal(number)
    order = wechat.orders.get(number)
    context = f"{world}: deal {deal and deal.state}, order {order and order.trade_state}"
    assert deal is not None
    event(f"ends {session.state.value}, deal {deal.state.value}")
    # It always ends: the last run reached a final state (or the deal was already settled).
    assert session.is_finished or not deal.state.is_unfinished, context
    if session.state is State.NEEDS_ATTENTION:
        assert deal.alarm is not None, context
    # One scan, one micropay at most (none when the till died before sending it): never
    # again after a crash, never under another number.
    micropays = wechat.micropay_calls()
    assert len(micropays) <= 1, context
    assert all(call.params["out_trade_no"] == number for call in micropays)
    assert set(wechat.orders) <= {number}, context
    # Never both paid and reversed, and the same story as WeChat Pay's.
    history = {event.to_state for event in store.events(number)}
    assert not (DealState.PAID in history and DealState.REVERSED in history), context
    if deal.state is DealState.PAID:
        assert order is not None and order.trade_state.is_paid, context
        assert not order.is_money_returned and deal.transaction_id == order.transaction_id
    if deal.state is DealState.REVERSED:
        assert order is not None and order.trade_state is TradeState.REVOKED, context
    if deal.state in (DealState.FAILED, DealState.CLOSED):
        assert order is None or not order.trade_state.is_paid, context
    if order is not None and order.trade_state.is_paid:
        # Money kept at WeChat is a paid deal, or one a person must look at.
        assert deal.state is DealState.PAID or deal.alarm is not None, context
    moves = [(e.from_state, e.to_state) for e in store.events(number)][1:]
    assert all(a is b or b in DEAL_TRANSITIONS[a] for a, b in moves if a is not None), context

"""Payment codes end to end: the session and recovery against the real sandbox over loopback.

The sandbox and the session share one fake clock, so the password waits (10 s in the
sandbox, 30 s at the till) pass in no time while every call is real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from helpers.sandbox import FakeClock

from pos.asgi_server import BackgroundServer
from pos.checkout import (
    CancelRequested,
    CheckoutClient,
    CheckoutConfig,
    CheckoutSession,
    Command,
    Event,
    Micropay,
    Notice,
    ShowMessage,
    recover_unfinished,
)
from pos.errors import PaymentCodeRefused
from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, SandboxOptions, example_code
from pos.store import Deal, DealState, Store
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING, TradeState

START = datetime(2026, 6, 1, 12, 30, 0, tzinfo=BEIJING)
MCH = DEFAULT_MERCHANT.mch_id
CONFIG = CheckoutConfig()  # poll 5 s, wait 30 s, reverse not before 15 s


@dataclass
class Counter:
    """A till on the sandbox: store, client, and the clock both of them read."""

    sandbox: Sandbox
    server: BackgroundServer
    client: CheckoutClient
    store: Store
    clock: FakeClock

    def sleep(self, seconds: float) -> None:
        self.clock.advance(seconds=seconds)

    def begin(self, code: str, amount_fen: int = 1880) -> CheckoutSession:
        return CheckoutSession.begin_code(
            store=self.store,
            client=self.client,
            amount_fen=amount_fen,
            product="示例超市-咖啡",
            till_id="POS01",
            sign_type="MD5",
            config=CONFIG,
            clock=self.clock,
            auth_code=code,
        )

    def run(
        self, session: CheckoutSession, inbox: Callable[[], list[Event]] | None = None
    ) -> list[Command]:
        shown: list[Command] = []
        session.run(sleep=self.sleep, inbox=inbox, on_command=shown.append)
        return shown

    def order_state(self, deal: Deal) -> TradeState | None:
        order = self.sandbox.ledger.find_order(MCH, deal.out_trade_no)
        return None if order is None else order.state


@pytest.fixture(scope="module")
def _served() -> Iterator[tuple[Sandbox, BackgroundServer, FakeClock]]:
    clock = FakeClock(START)
    sandbox = Sandbox([DEFAULT_MERCHANT], clock=clock, options=SandboxOptions())
    server = sandbox.serve()
    try:
        yield sandbox, server, clock
    finally:
        server.stop()


@pytest.fixture
def counter(
    _served: tuple[Sandbox, BackgroundServer, FakeClock], tmp_path: Path
) -> Iterator[Counter]:
    sandbox, server, clock = _served
    sandbox.reset(SandboxOptions(bill_allow_today=True, refund_delay=0))
    wechat = WeChatPayClient(DEFAULT_MERCHANT, base_url=server.url, timeout=5.0)
    store = Store.open(tmp_path / "pos.sqlite3")
    try:
        yield Counter(
            sandbox, server, CheckoutClient(wechat, notify_url="http://127.0.0.1:9/n"), store, clock
        )
    finally:
        wechat.close()
        store.close()


def notices(commands: list[Command]) -> list[Notice]:
    return [c.notice for c in commands if isinstance(c, ShowMessage)]


#: Each ending of the sandbox's table: the deal's end, WeChat's order state, the last notice.
ENDINGS = {
    Ending.PAID: (DealState.PAID, TradeState.SUCCESS, Notice.PAID),
    Ending.PASSWORD_THEN_PAID: (DealState.PAID, TradeState.SUCCESS, Notice.PAID),
    Ending.PASSWORD_THEN_FAILED: (DealState.REVERSED, TradeState.REVOKED, Notice.REVERSED),
    Ending.PASSWORD_NEVER_ENTERED: (DealState.REVERSED, TradeState.REVOKED, Notice.REVERSED),
    Ending.NOT_ENOUGH_MONEY: (DealState.FAILED, None, Notice.CODE_NOT_ENOUGH),
    Ending.CODE_EXPIRED: (DealState.FAILED, None, Notice.CODE_EXPIRED),
    Ending.BANK_ERROR_BUT_PAID: (DealState.PAID, TradeState.SUCCESS, Notice.PAID),
    Ending.ERROR_BUT_PAID: (DealState.PAID, TradeState.SUCCESS, Notice.PAID),
    Ending.ERROR_AND_NOTHING: (DealState.FAILED, None, Notice.NOTHING_CHARGED),
    Ending.CARD_NOT_SUPPORTED: (DealState.FAILED, None, Notice.CODE_CARD_NOT_SUPPORTED),
}


def test_the_table_covers_every_ending() -> None:
    assert set(ENDINGS) == set(Ending)


@pytest.mark.parametrize("ending", list(Ending))
def test_each_scripted_ending_through_the_session(counter: Counter, ending: Ending) -> None:
    session = counter.begin(example_code(ending))
    shown = counter.run(session)
    deal_state, order_state, last = ENDINGS[ending]
    deal = counter.store.get_deal(session.out_trade_no)
    assert deal is not None and deal.state is deal_state, notices(shown)
    assert counter.order_state(deal) is order_state
    assert notices(shown)[-1] is last
    if deal_state is DealState.PAID:
        order = counter.sandbox.ledger.order(MCH, deal.out_trade_no)
        assert deal.transaction_id == order.transaction_id
    # One report per scan, in WeChat's words.
    (report,) = counter.sandbox.reports
    (trade,) = report.trades
    assert trade["out_trade_no"] == deal.out_trade_no
    assert trade["state"] == ("OK" if deal_state is DealState.PAID else "FAIL")
    assert report.device_info == "POS01"


def test_password_then_paid_is_seen_at_the_next_query(counter: Counter) -> None:
    session = counter.begin(example_code(Ending.PASSWORD_THEN_PAID))
    counter.run(session)
    deal = session.deal
    assert deal.state is DealState.PAID
    # The sandbox takes the password 10 s after the scan; the till asks every 5 s.
    assert deal.paid_at is not None and (deal.paid_at - deal.time_start).total_seconds() == 10


def test_cancel_during_the_password_wait_reverses(counter: Counter) -> None:
    session = counter.begin(example_code(Ending.PASSWORD_NEVER_ENTERED))
    asked: list[bool] = []

    def cancel_once() -> list[Event]:
        if asked or session.deal.state is not DealState.ORDERED:
            return []
        asked.append(True)
        return [CancelRequested()]

    shown = counter.run(session, cancel_once)
    assert session.deal.state is DealState.REVERSED
    assert Notice.REVERSE_CANCELLED in notices(shown)
    assert counter.order_state(session.deal) is TradeState.REVOKED
    (report,) = counter.sandbox.reports
    assert report.trades[0]["state"] == "CANCLE"


def test_recall_y_is_reversed_again(counter: Counter) -> None:
    counter.sandbox.reset(SandboxOptions(reverse_recall_once=True))
    session = counter.begin(example_code(Ending.PASSWORD_NEVER_ENTERED))
    shown = counter.run(session)
    assert session.deal.state is DealState.REVERSED
    assert Notice.REVERSE_RETRY in notices(shown)
    assert counter.order_state(session.deal) is TradeState.REVOKED


def test_a_reused_code_is_refused_without_a_call(counter: Counter) -> None:
    code = example_code(Ending.PAID)
    counter.run(counter.begin(code))
    with pytest.raises(PaymentCodeRefused) as refused:
        counter.begin(code)
    assert refused.value.reason == Notice.CODE_REUSED.value
    assert len(counter.sandbox.ledger.orders(MCH)) == 1


def test_an_alipay_code_is_refused_without_a_call(counter: Counter) -> None:
    with pytest.raises(PaymentCodeRefused) as refused:
        counter.begin("287654321098765432")
    assert refused.value.reason == Notice.CODE_OTHER_WALLET.value
    assert counter.sandbox.ledger.orders(MCH) == []


def crash_during_the_password_wait(counter: Counter, ending: Ending) -> str:
    """micropay answered USERPAYING, stored ORDERED; then the till is killed."""
    session = counter.begin(example_code(ending))
    commands = session.start()
    session.perform(next(c for c in commands if isinstance(c, Micropay)))
    assert session.deal.state is DealState.ORDERED
    return session.out_trade_no  # the session is dropped here, as by SIGKILL


def test_a_crash_during_the_wait_is_settled_at_the_next_start_reversed(
    counter: Counter,
) -> None:
    number = crash_during_the_password_wait(counter, Ending.PASSWORD_NEVER_ENTERED)
    counter.clock.advance(seconds=20)  # the till comes back
    (result,) = recover_unfinished(
        store=counter.store, client=counter.client, config=CONFIG, clock=counter.clock
    )
    assert result.deal.out_trade_no == number
    assert result.deal.state is DealState.REVERSED and result.session is None
    assert counter.order_state(result.deal) is TradeState.REVOKED
    assert len(counter.sandbox.ledger.orders(MCH)) == 1


def test_a_crash_during_the_wait_is_settled_at_the_next_start_paid(counter: Counter) -> None:
    crash_during_the_password_wait(counter, Ending.PASSWORD_THEN_PAID)
    counter.clock.advance(seconds=20)  # the customer typed the password meanwhile
    (result,) = recover_unfinished(
        store=counter.store, client=counter.client, config=CONFIG, clock=counter.clock
    )
    assert result.deal.state is DealState.PAID and result.deal.is_late
    assert counter.order_state(result.deal) is TradeState.SUCCESS


def test_a_crash_right_after_the_scan_waits_for_the_reverse_rule(counter: Counter) -> None:
    crash_during_the_password_wait(counter, Ending.PASSWORD_NEVER_ENTERED)
    counter.clock.advance(seconds=2)
    (result,) = recover_unfinished(
        store=counter.store, client=counter.client, config=CONFIG, clock=counter.clock
    )
    assert result.deal.state is DealState.REVERSING and result.session is not None
    result.session.run(sleep=counter.sleep, commands=result.commands)
    assert result.session.deal.state is DealState.REVERSED
    assert counter.order_state(result.deal) is TradeState.REVOKED


def test_the_code_is_in_no_log_line_over_real_http(
    counter: Counter, caplog: pytest.LogCaptureFixture
) -> None:
    code = example_code(Ending.ERROR_BUT_PAID)
    with caplog.at_level(logging.DEBUG):
        session = counter.begin(code)
        counter.run(session)
    assert session.deal.state is DealState.PAID
    assert any("pay/micropay" in record.getMessage() for record in caplog.records)
    assert all(code not in record.getMessage() for record in caplog.records)

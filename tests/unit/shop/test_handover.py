"""Shifts: opened with a float, handed over with a cash difference; totals match the deals."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.fakes import FakeClock
from helpers.shop import qr_deal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.checkout import refund_cash, sell_for_cash
from pos.errors import ShiftError
from pos.refunds import Refunder
from pos.shop import Accounts, Action, Desk, MethodTotals, ShiftSummary, method_totals
from pos.store import DealLine, DealState, PaymentMethod, RefundLine, RefundState, Store

from .conftest import CLERK_PIN, MANAGER_PIN, OTHER_CLERK_PIN, Shop

CASH, NATIVE, MICROPAY = PaymentMethod.CASH, PaymentMethod.NATIVE, PaymentMethod.MICROPAY


def _cash(desk: Desk, shop: Shop, amount: int, received: int | None = None) -> str:
    sale = sell_for_cash(
        shop.store,
        amount_fen=amount,
        received_fen=received or amount,
        till_id=desk.till_id,
        clock=shop.clock,
        stamp=desk.stamp(),
    )
    return sale.deal.out_trade_no


def test_a_handover_with_a_cash_difference(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    shift = desk.open_shift(20_000)  # ¥200.00 float
    latte = _cash(desk, shop, 2550, 3000)  # change 4.50 went back out of the drawer
    _cash(desk, shop, 1000)
    qr_deal(shop.store, shop.clock, 1800, stamp=desk.stamp())
    qr_deal(shop.store, shop.clock, 999, stamp=desk.stamp(), is_paid=False)  # never paid
    shop.clock.advance(60)
    refund_cash(shop.store, latte, 500, "少一杯奶", clock=shop.clock, stamp=desk.stamp())
    assert desk.expected_cash() == 20_000 + 2550 + 1000 - 500
    shop.clock.advance(3600)
    summary = desk.handover(23_000, note="少了一元，可能找错零钱")  # counted ¥230.00
    assert summary.of(CASH) == MethodTotals(CASH, 2, 3550, 1, 500)
    assert summary.of(NATIVE) == MethodTotals(NATIVE, 1, 1800, 0, 0)
    assert summary.of(MICROPAY) == MethodTotals(MICROPAY)
    assert (summary.expected_fen, summary.counted_fen, summary.difference_fen) == (
        23_050,
        23_000,
        -50,
    )
    assert summary.net_fen == 3550 - 500 + 1800
    assert (summary.clerk_number, summary.clerk_name) == (2, "小李")
    assert (summary.opened_at, summary.closed_at) == (shift.opened_at, shop.clock())
    # Kept as it was at the handover.
    closed = shop.store.get_shift(shift.id)
    assert closed is not None and not closed.is_open
    assert (closed.counted_fen, closed.expected_fen, closed.difference_fen) == (
        23_000,
        23_050,
        -50,
    )
    assert closed.note == "少了一元，可能找错零钱"
    assert closed.summary is not None
    assert ShiftSummary.from_payload(json.loads(closed.summary)) == summary
    assert desk.shift is None and desk.needs_shift()  # the next clerk opens a new one
    with pytest.raises(ShiftError, match="no shift"):
        desk.handover(0)


def test_a_refund_counts_in_the_shift_that_gave_it(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    desk.open_shift(10_000)
    sold_early = _cash(desk, shop, 4000)
    qr = qr_deal(shop.store, shop.clock, 2000, stamp=desk.stamp())
    first = desk.handover(14_000, next_clerk=shop.other)
    assert first.next_clerk_name == "小张" and first.difference_fen == 0
    desk.logout()
    desk.login(3, OTHER_CLERK_PIN)
    desk.open_shift(14_000)
    # The manager approves two refunds of the first shift's deals at the second's till.
    assert desk.authorize(Action.REFUND, MANAGER_PIN) == shop.manager
    refund_cash(shop.store, sold_early, 1500, "", clock=shop.clock, stamp=desk.stamp())
    assert desk.authorize(Action.REFUND, MANAGER_PIN) == shop.manager
    wechat_refund = Refunder(shop.store, _RefundingFake(), clock=shop.clock).prepare(
        qr.out_trade_no, 700, "", stamp=desk.stamp()
    )
    assert wechat_refund.shift_id == desk.stamp().shift_id
    shop.store.update_refund(
        wechat_refund.out_refund_no, state=RefundState.SUCCESS, now=shop.clock()
    )
    _cash(desk, shop, 300)
    second = desk.handover(12_800)
    assert second.of(CASH) == MethodTotals(CASH, 1, 300, 1, 1500)
    assert second.of(NATIVE) == MethodTotals(NATIVE, 0, 0, 1, 700)
    assert second.expected_fen == 14_000 + 300 - 1500 and second.difference_fen == 0
    # The first shift's handover is kept as it was.
    assert first.of(CASH) == MethodTotals(CASH, 1, 4000, 0, 0)


class _RefundingFake:
    """A refund client never called: the refund is only prepared (stored PENDING)."""

    def refund(self, **_: object) -> object:  # pragma: no cover
        raise AssertionError("no call expected")

    def refund_query(self, **_: object) -> object:  # pragma: no cover
        raise AssertionError("no call expected")


def test_only_a_manager_closes_another_clerks_shift(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    desk.open_shift(5000)
    _cash(desk, shop, 1200)
    desk.logout()
    with pytest.raises(ShiftError):
        desk.login(3, OTHER_CLERK_PIN)  # another clerk does not even log in over it
    manager = desk.login(1, MANAGER_PIN)
    assert manager.id == shop.manager.id
    # The manager's own sale goes into the open shift, under the manager's name.
    assert desk.stamp().clerk_id == shop.manager.id
    _cash(desk, shop, 800)
    summary = desk.handover(7000)
    assert summary.clerk_name == "小李" and summary.closed_by_name == "王店长"
    assert summary.difference_fen == 0


def test_two_tills_never_have_two_open_shifts_each(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    desk.open_shift(0)
    with pytest.raises(ShiftError, match="already has an open shift"):
        desk.open_shift(0)
    other = shop.desk("T2")
    other.login(3, OTHER_CLERK_PIN)
    assert other.open_shift(0).till_id == "T2"


def test_the_float_and_the_count_are_int_fen(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    for bad in (100.0, True, "100"):
        with pytest.raises(TypeError):
            desk.open_shift(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        desk.open_shift(-1)
    desk.open_shift(0)
    for bad in (100.0, -1):
        with pytest.raises((TypeError, ValueError)):
            desk.handover(bad)  # type: ignore[arg-type]
    assert desk.shift is not None  # still open


# --- hypothesis: the handover's totals are the sums of its deals --------------------------

_T0 = datetime(2026, 11, 24, 2, tzinfo=UTC)
_deal_lines = st.builds(
    lambda n, amount, state, method: DealLine(
        n, f"D{n:08d}", amount, "x", state, _T0, None, None, method
    ),
    st.integers(1, 10**6),
    st.integers(1, 5_000_000),
    st.sampled_from(DealState),
    st.sampled_from(PaymentMethod),
)
_refund_lines = st.builds(
    lambda n, fee, state, method: RefundLine(f"D{n:08d}", f"R{n:08d}", fee, state, _T0, method),
    st.integers(1, 10**6),
    st.integers(1, 5_000_000),
    st.sampled_from(RefundState),
    st.sampled_from(PaymentMethod),
)


@given(st.lists(_deal_lines, max_size=40), st.lists(_refund_lines, max_size=20))
def test_method_totals_are_the_sums_of_their_lines(
    deals: list[DealLine], refunds: list[RefundLine]
) -> None:
    totals = method_totals(deals, refunds)
    assert [t.method for t in totals] == list(PaymentMethod)
    for t in totals:
        paid = [d for d in deals if d.method is t.method and d.state.is_paid]
        given_back = [r for r in refunds if r.method is t.method and r.state is RefundState.SUCCESS]
        assert (t.count, t.takings_fen) == (len(paid), sum(d.amount_fen for d in paid))
        assert (t.refund_count, t.refunds_fen) == (
            len(given_back),
            sum(r.refund_fee for r in given_back),
        )
    assert sum(t.net_fen for t in totals) == sum(
        d.amount_fen for d in deals if d.state.is_paid
    ) - sum(r.refund_fee for r in refunds if r.state is RefundState.SUCCESS)


_sales = st.lists(
    st.tuples(
        st.sampled_from([CASH, NATIVE]),
        st.integers(1, 100_000),
        st.booleans(),  # QR: paid or given up; cash: refunded in part
        st.integers(0, 5_000),  # cash: change given
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sales, st.integers(0, 100_000), st.integers(-500, 500))
def test_a_stored_shifts_handover_matches_its_deals(
    sales: list[tuple[PaymentMethod, int, bool, int]], float_fen: int, off_by: int
) -> None:
    """Random sales through the real store and checkout; the handover adds up to them."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "till.sqlite3")
        try:
            clock = FakeClock()
            accounts = Accounts(store, clock=clock)
            accounts.add("店长", MANAGER_PIN)
            desk = Desk(store, till_id="T1", clock=clock, accounts=accounts)
            desk.login(1, MANAGER_PIN)
            desk.open_shift(float_fen)
            expected = {CASH: [0, 0, 0, 0], NATIVE: [0, 0, 0, 0]}
            for method, amount, flag, change in sales:
                clock.advance(30)
                if method is CASH:
                    sale = sell_for_cash(
                        store,
                        amount_fen=amount,
                        received_fen=amount + change,
                        till_id="T1",
                        clock=clock,
                        stamp=desk.stamp(),
                    )
                    expected[CASH][0:2] = [expected[CASH][0] + 1, expected[CASH][1] + amount]
                    if flag:
                        back = amount // 2 or 1
                        refund_cash(
                            store, sale.deal.out_trade_no, back, "", clock=clock, stamp=desk.stamp()
                        )
                        expected[CASH][2:4] = [expected[CASH][2] + 1, expected[CASH][3] + back]
                else:
                    qr_deal(store, clock, amount, stamp=desk.stamp(), is_paid=flag)
                    if flag:
                        expected[NATIVE][0:2] = [
                            expected[NATIVE][0] + 1,
                            expected[NATIVE][1] + amount,
                        ]
            cash_expected = float_fen + expected[CASH][1] - expected[CASH][3]
            summary = desk.handover(max(0, cash_expected + off_by))
            assert summary.of(CASH) == MethodTotals(CASH, *expected[CASH])
            assert summary.of(NATIVE) == MethodTotals(NATIVE, *expected[NATIVE])
            assert summary.expected_fen == cash_expected
            assert summary.difference_fen == max(0, cash_expected + off_by) - cash_expected
            # And the day's report of the same till says the same money.
            day_net = sum(
                (d.amount_fen if d.state.is_paid else 0)
                for d in store.deals_between(_T0 - timedelta(days=1), clock() + timedelta(1))
            )
            assert summary.net_fen == day_net - expected[CASH][3]
        finally:
            store.close()

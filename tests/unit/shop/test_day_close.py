"""The day's close over two tills' shifts: each shift once, the same from either till, kept once."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from helpers.fakes import FakeClock
from helpers.shop import qr_deal

from pos.checkout import sell_for_cash
from pos.clock import BEIJING_DAY
from pos.errors import NotAllowed, PinRefused, ShiftError
from pos.shop import DayClose, Desk, MethodTotals, ShiftSummary, close_day
from pos.store import PaymentMethod, Store

from .conftest import CLERK_PIN, MANAGER_PIN, OTHER_CLERK_PIN, Shop

CASH, NATIVE = PaymentMethod.CASH, PaymentMethod.NATIVE
DAY = date(2026, 11, 24)  # FakeClock starts at 12:00 Beijing that day


def _summary(
    shift_no: str, till: str, opened: datetime, cash: int, qr: int, counted_off: int = 0
) -> ShiftSummary:
    totals = (
        MethodTotals(NATIVE, 1, qr, 0, 0),
        MethodTotals(PaymentMethod.MICROPAY),
        MethodTotals(CASH, 1, cash, 0, 0),
    )
    return ShiftSummary(
        shift_no=shift_no,
        till_id=till,
        clerk_number=2,
        clerk_name="小李",
        opened_at=opened,
        closed_at=opened + timedelta(hours=4),
        float_fen=10_000,
        counted_fen=10_000 + cash + counted_off,
        totals=totals,
    )


_MORNING = datetime(2026, 11, 24, 1, tzinfo=UTC)  # 09:00 Beijing


def test_the_close_of_two_tills_counts_each_shift_once() -> None:
    t1_am = _summary("ST1-1", "T1", _MORNING, 3000, 1800)
    t1_pm = _summary("ST1-2", "T1", _MORNING + timedelta(hours=5), 500, 0, counted_off=-100)
    t2_am = _summary("ST2-1", "T2", _MORNING + timedelta(minutes=5), 1200, 4400)
    yesterday = _summary("ST2-0", "T2", _MORNING - timedelta(days=1), 999, 999)
    # Till 1 closes: its own shifts, then the server's list (which has till 1's too).
    server = [t2_am, t1_am, yesterday, t1_pm]
    at_t1 = close_day(
        DAY, [t1_am, t1_pm, *server], closed_at=_MORNING, till_id="T1", closed_by_name="王店长"
    )
    assert [s.shift_no for s in at_t1.shifts] == ["ST1-1", "ST1-2", "ST2-1"]
    assert at_t1.tills == ("T1", "T2")
    cash = next(t for t in at_t1.totals if t.method is CASH)
    qr = next(t for t in at_t1.totals if t.method is NATIVE)
    assert (cash.count, cash.takings_fen) == (3, 3000 + 500 + 1200)
    assert (qr.count, qr.takings_fen) == (3, 1800 + 4400)  # _summary: one QR line a shift
    assert at_t1.net_fen == 3000 + 500 + 1200 + 1800 + 4400
    assert at_t1.difference_fen == -100 and at_t1.float_fen == 30_000
    assert {till: sum(t.net_fen for t in totals) for till, totals in at_t1.by_till().items()} == {
        "T1": 3000 + 1800 + 500,
        "T2": 1200 + 4400,
    }
    # Till 2 closing the same day from its side sees the same shop.
    at_t2 = close_day(
        DAY, [t2_am, *server], closed_at=_MORNING, till_id="T2", closed_by_name="王店长"
    )
    assert at_t2.shifts == at_t1.shifts and at_t2.totals == at_t1.totals
    # Its payload is plain JSON, and comes back equal.
    payload = json.loads(json.dumps(at_t1.to_payload()))
    assert DayClose.from_payload(payload) == at_t1
    assert at_t1.key == "2026-11-24" and DayClose.KIND == "day_close"


def _sell(desk: Desk, store: Store, clock: FakeClock, cash: int, qr: int) -> None:
    sell_for_cash(
        store,
        amount_fen=cash,
        received_fen=cash,
        till_id=desk.till_id,
        clock=clock,
        stamp=desk.stamp(),
    )
    qr_deal(store, clock, qr, stamp=desk.stamp(), till_id=desk.till_id)


def test_a_tills_day_is_closed_once_with_the_servers_shifts(shop: Shop) -> None:
    desk = shop.desk("T1")
    desk.login(2, CLERK_PIN)
    desk.open_shift(10_000)
    _sell(desk, shop.store, shop.clock, 2500, 1800)
    morning = desk.handover(12_500)
    desk.logout()
    desk.login(3, OTHER_CLERK_PIN)
    desk.open_shift(12_500)
    _sell(desk, shop.store, shop.clock, 700, 300)
    afternoon = desk.handover(13_100)  # 1.00 short
    # Another till's shift, as the shop server has it (closing this till's twice over).
    t2 = _summary("ST2-1", "T2", shop.clock() - timedelta(hours=1), 1200, 4400)
    with pytest.raises(NotAllowed):
        desk.close_day(DAY, [t2, morning])  # a clerk needs a manager
    with pytest.raises(PinRefused):
        desk.close_day(DAY, [t2, morning], manager_pin=CLERK_PIN)
    closed = desk.close_day(DAY, [t2, morning, afternoon], manager_pin=MANAGER_PIN)
    assert [s.shift_no for s in closed.shifts] == [
        morning.shift_no,
        afternoon.shift_no,
        "ST2-1",
    ]
    assert closed.closed_by_name == "王店长" and closed.till_id == "T1"
    assert closed.difference_fen == -100
    assert closed.net_fen == 2500 + 1800 + 700 + 300 + 1200 + 4400
    # Kept once per business day.
    assert desk.day_close(DAY) == closed
    assert desk.day_close(DAY + timedelta(days=1)) is None
    with pytest.raises(ShiftError, match="closed already"):
        desk.close_day(DAY, manager_pin=MANAGER_PIN)


def test_an_open_shift_keeps_the_day_open(shop: Shop) -> None:
    desk = shop.desk("T1")
    desk.login(1, MANAGER_PIN)
    desk.open_shift(0)
    with pytest.raises(ShiftError, match="still open"):
        desk.close_day(DAY)
    assert desk.day_close(DAY) is None
    desk.handover(0)
    closed = desk.close_day(DAY)
    assert len(closed.shifts) == 1 and closed.net_fen == 0


def test_shifts_belong_to_the_business_day_they_opened() -> None:
    # A shift opened at 23:30 Beijing belongs to that day, though it closes the next.
    late = _summary("SL", "T1", datetime(2026, 11, 24, 15, 30, tzinfo=UTC), 100, 0)
    assert BEIJING_DAY.of(late.opened_at) == DAY
    assert close_day(
        DAY, [late], closed_at=late.closed_at, till_id="T1", closed_by_name=""
    ).shifts == (late,)
    assert (
        close_day(
            DAY + timedelta(days=1),
            [late],
            closed_at=late.closed_at,
            till_id="T1",
            closed_by_name="",
        ).shifts
        == ()
    )

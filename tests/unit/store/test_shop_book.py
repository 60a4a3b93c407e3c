"""The store's shop records, on SQLite and PostgreSQL: accounts, shifts, day closes, actions,
deals and refunds stamped with their clerk and shift, and cash."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import peewee
import pytest

from pos.errors import AccountError, RefundLimitError, ShiftError, StoreError
from pos.store import DealState, PaymentMethod, RefundState, Role, Stamp, Store

NOW = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
HASH = "scrypt$00$00"  # the store keeps whatever hash it is given


def _people(store: Store) -> tuple[int, int]:
    manager = store.add_account(name="王店长", pin_hash=HASH, role=Role.MANAGER, now=NOW)
    clerk = store.add_account(name="小李", pin_hash=HASH, role=Role.CLERK, now=NOW)
    return manager.id, clerk.id


def _deal(store: Store, number: str, amount: int, stamp: Stamp) -> None:
    store.create_deal(
        out_trade_no=number,
        amount_fen=amount,
        product="咖啡",
        till_id="T1",
        time_start=NOW,
        time_expire=NOW + timedelta(minutes=6),
        sign_type="MD5",
        now=NOW,
        stamp=stamp,
    )


def test_accounts_are_numbered_and_keep_a_manager(store: Store) -> None:
    assert not store.has_accounts()
    with pytest.raises(AccountError, match="first account"):
        store.add_account(name="小李", pin_hash=HASH, role=Role.CLERK, now=NOW)
    manager_id, clerk_id = _people(store)
    assert [(a.number, a.name, a.role) for a in store.accounts()] == [
        (1, "王店长", Role.MANAGER),
        (2, "小李", Role.CLERK),
    ]
    assert store.has_accounts()
    with pytest.raises(AccountError, match="active manager"):
        store.update_account(manager_id, is_active=False, now=NOW)
    with pytest.raises(AccountError, match="already called"):
        store.update_account(clerk_id, name="王店长", now=NOW)
    renamed = store.update_account(clerk_id, name="李四", pin_hash="scrypt$11$11", now=NOW)
    assert (renamed.name, renamed.pin_hash, renamed.number) == ("李四", "scrypt$11$11", 2)
    assert store.account_by_number(2) == renamed and store.account(manager_id) is not None
    with pytest.raises(AccountError, match="no account"):
        store.update_account(999, name="x", now=NOW)


def test_one_open_shift_per_till_closed_once(store: Store) -> None:
    manager_id, clerk_id = _people(store)
    shift = store.open_shift(
        shift_no="S1", till_id="T1", clerk_id=clerk_id, float_fen=10_000, now=NOW
    )
    assert store.open_shift_on("T1") == shift and store.open_shift_on("T2") is None
    with pytest.raises(ShiftError, match="already has an open shift"):
        store.open_shift(shift_no="S2", till_id="T1", clerk_id=manager_id, float_fen=0, now=NOW)
    # The database itself refuses a second open shift (two tills' connections at once).
    with pytest.raises(peewee.IntegrityError), store._db.atomic():
        store._m.shift.create(
            shift_no="S3", till_id="T1", clerk=manager_id, opened_at=NOW, float_fen=0
        )
    with pytest.raises(AccountError, match="no active account"):
        store.open_shift(shift_no="S4", till_id="T2", clerk_id=999, float_fen=0, now=NOW)
    closed = store.close_shift(
        shift.id, counted_fen=9_900, expected_fen=10_000, note="短一元", summary="{}", now=NOW
    )
    assert (closed.is_open, closed.difference_fen, closed.note) == (False, -100, "短一元")
    with pytest.raises(ShiftError, match="closed already"):
        store.close_shift(shift.id, counted_fen=0, expected_fen=0, note="", summary="{}", now=NOW)
    again = store.open_shift(shift_no="S5", till_id="T1", clerk_id=clerk_id, float_fen=0, now=NOW)
    assert [s.shift_no for s in store.shifts_between(NOW, NOW + timedelta(1))] == ["S1", "S5"]
    assert store.shifts_between(NOW, NOW + timedelta(1), till_id="T2") == []
    assert again.is_open


def test_deals_and_refunds_carry_their_stamp(store: Store) -> None:
    manager_id, clerk_id = _people(store)
    shift = store.open_shift(shift_no="S1", till_id="T1", clerk_id=clerk_id, float_fen=0, now=NOW)
    stamp = Stamp(clerk_id=clerk_id, shift_id=shift.id)
    _deal(store, "STAMP000001", 1800, stamp)
    _deal(store, "STAMP000002", 500, Stamp())  # a deal of a till without clerks
    store.transition(
        "STAMP000001", DealState.PAID, reason="paid", now=NOW, transaction_id="4200001", paid_at=NOW
    )
    refund = store.create_refund(
        "STAMP000001", "STAMP000001R01", 300, "", NOW, stamp=Stamp(manager_id, shift.id)
    )
    assert (refund.clerk_id, refund.shift_id) == (manager_id, shift.id)
    cash = store.record_cash_sale(
        out_trade_no="STAMP000003",
        amount_fen=1000,
        cash_received_fen=2000,
        product="现金收款",
        till_id="T1",
        now=NOW,
        stamp=stamp,
    )
    cash_back = store.record_cash_refund("STAMP000003", 1000, "", NOW, stamp=stamp)
    assert cash_back.state is RefundState.SUCCESS
    deal = store.get_deal("STAMP000001")
    assert deal is not None and (deal.clerk_id, deal.shift_id) == (clerk_id, shift.id)
    assert [(d.out_trade_no, d.method) for d in store.shift_deal_lines(shift.id)] == [
        ("STAMP000001", PaymentMethod.NATIVE),
        ("STAMP000003", PaymentMethod.CASH),
    ]
    lines = store.shift_refund_lines(shift.id)
    assert [(r.out_refund_no, r.method, r.state) for r in lines] == [
        ("STAMP000001R01", PaymentMethod.NATIVE, RefundState.PENDING),
        ("STAMP000003C01", PaymentMethod.CASH, RefundState.SUCCESS),
    ]
    assert store.get_deal(cash.out_trade_no).state is DealState.REFUNDED  # type: ignore[union-attr]
    # The records read the same through the plain-tuple paths.
    assert store.refunds_between(NOW, NOW + timedelta(1))[0] == refund
    streamed = list(store.iter_deals_between(NOW, NOW + timedelta(1)))
    assert streamed == store.deals_between(NOW, NOW + timedelta(1))
    assert streamed[2].cash_received_fen == 2000 and streamed[2].change_fen == 1000
    # A stamp must name a real shift.
    with pytest.raises(StoreError):
        _deal(store, "STAMP000004", 100, Stamp(clerk_id=clerk_id, shift_id=9999))


def test_a_cash_sale_needs_its_cash(store: Store) -> None:
    for received, error in ((999, ValueError), (1000.0, TypeError), (0, ValueError)):
        with pytest.raises(error):
            store.record_cash_sale(
                out_trade_no="CASHBAD0001",
                amount_fen=1000,
                cash_received_fen=received,  # type: ignore[arg-type]
                product="x",
                till_id="T1",
                now=NOW,
            )
    assert store.get_deal("CASHBAD0001") is None
    store.record_cash_sale(
        out_trade_no="CASHOK00001",
        amount_fen=1000,
        cash_received_fen=1000,
        product="x",
        till_id="T1",
        now=NOW,
    )
    with pytest.raises(StoreError, match="already used"):
        store.record_cash_sale(
            out_trade_no="CASHOK00001",
            amount_fen=1,
            cash_received_fen=1,
            product="x",
            till_id="T1",
            now=NOW,
        )
    with pytest.raises(RefundLimitError, match="no deal"):
        store.record_cash_refund("NOSUCHDEAL1", 1, "", NOW)


def test_a_day_is_closed_once(store: Store) -> None:
    manager_id, _ = _people(store)
    day = date(2026, 11, 24)
    kept = store.save_day_close(
        day=day, till_id="T1", clerk_id=manager_id, summary='{"day": "2026-11-24"}', now=NOW
    )
    assert store.day_close(day) == kept and kept.day == day
    with pytest.raises(ShiftError, match="closed already"):
        store.save_day_close(day=day, till_id="T2", clerk_id=None, summary="{}", now=NOW)
    assert store.day_close(date(2026, 11, 25)) is None


def test_actions_name_their_clerk_approver_and_shift(store: Store) -> None:
    manager_id, clerk_id = _people(store)
    shift = store.open_shift(shift_no="S1", till_id="T1", clerk_id=clerk_id, float_fen=0, now=NOW)
    store.record_action(action_no="A1", kind="login", till_id="T1", now=NOW, clerk_id=clerk_id)
    approval = store.record_action(
        action_no="A2",
        kind="approval",
        till_id="T1",
        now=NOW + timedelta(seconds=1),
        clerk_id=clerk_id,
        approver_id=manager_id,
        shift_id=shift.id,
        detail={"action": "refund"},
    )
    assert approval.to_payload() == {
        "action_no": "A2",
        "at": "2026-11-24T04:00:01+00:00",
        "till_id": "T1",
        "kind": "approval",
        "clerk_number": 2,
        "clerk_name": "小李",
        "approver_number": 1,
        "approver_name": "王店长",
        "shift_no": "S1",
        "detail": {"action": "refund"},
    }
    listed = store.actions_between(NOW, NOW + timedelta(minutes=1))
    assert [a.action_no for a in listed] == ["A1", "A2"] and listed[1] == approval
    assert listed[0].approver_number is None and listed[0].shift_no is None
    with pytest.raises(StoreError):
        store.record_action(action_no="A1", kind="again", till_id="T1", now=NOW)

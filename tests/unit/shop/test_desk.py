"""The desk: login, lock, idle lock, permissions, a manager's approval, the stamp on a sale."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from pos.errors import NotAllowed, PinRefused, ShiftError
from pos.shop import ALLOWED, Action, ActionKind, Desk, IdleLock, may
from pos.store import NO_STAMP, Role, Stamp, Store

from .conftest import CLERK_PIN, MANAGER_PIN, OTHER_CLERK_PIN, Monotonic, Shop


def _actions(shop: Shop) -> list[tuple[str, str, str]]:
    """(kind, clerk, approver) of every clerk's action kept so far."""
    start = shop.clock() - timedelta(days=1)
    return [
        (a.kind, a.clerk_name, a.approver_name)
        for a in shop.store.actions_between(start, shop.clock() + timedelta(days=1))
    ]


def test_a_till_without_accounts_opens_straight_to_the_till(store: Store) -> None:
    desk = Desk(store, till_id="T1")
    assert not desk.needs_login()
    assert desk.stamp() == NO_STAMP  # deals as before clerks: nobody named
    assert all(desk.may(action) for action in Action)
    assert desk.authorize(Action.REFUND) is None


def test_login_by_number_and_pin_then_the_float_opens_the_shift(shop: Shop) -> None:
    desk = shop.desk()
    assert desk.needs_login() and not desk.may(Action.SALE)
    with pytest.raises(ShiftError, match="nobody is logged in"):
        desk.stamp()
    with pytest.raises(PinRefused):
        desk.login(2, OTHER_CLERK_PIN)
    assert desk.needs_login()
    clerk = desk.login(2, CLERK_PIN)
    assert clerk.id == shop.clerk.id and desk.clerk == clerk and not desk.needs_login()
    assert desk.needs_shift()
    with pytest.raises(ShiftError, match="no shift"):
        desk.stamp()  # no sale goes unnamed on a till that has clerks
    shift = desk.open_shift(20_000)
    assert not desk.needs_shift() and shift.float_fen == 20_000 and shift.is_open
    assert desk.stamp() == Stamp(clerk_id=shop.clerk.id, shift_id=shift.id)
    assert _actions(shop) == [("login", "小李", ""), ("shift_open", "小李", "")]


def test_the_lock_keeps_the_clerk_and_opens_with_their_pin(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    desk.open_shift(0)
    desk.lock()
    assert desk.is_locked and desk.clerk is not None
    assert not desk.may(Action.SALE)
    with pytest.raises(ShiftError, match="locked"):
        desk.stamp()
    with pytest.raises(PinRefused):
        desk.unlock(MANAGER_PIN)  # the lock is the clerk's; switching is a logout and login
    desk.unlock(CLERK_PIN)
    assert not desk.is_locked and desk.may(Action.SALE)


def test_a_logout_keeps_the_shift_for_the_clerks_return(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    shift = desk.open_shift(5_000)
    desk.logout()
    assert desk.needs_login() and desk.clerk is None
    # A till that restarts (a new desk on the same store) finds the shift again.
    again = shop.desk()
    again.login(2, CLERK_PIN)
    assert not again.needs_shift() and again.stamp().shift_id == shift.id


def test_another_clerk_cannot_log_in_over_an_open_shift(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    desk.open_shift(0)
    desk.logout()
    with pytest.raises(ShiftError, match="2 小李"):
        desk.login(3, OTHER_CLERK_PIN)
    assert desk.clerk is None
    # A manager may: to count and close it.
    assert desk.login(1, MANAGER_PIN).role is Role.MANAGER
    # Another till has its own shifts.
    other_till = shop.desk("T2")
    other_till.login(3, OTHER_CLERK_PIN)
    assert other_till.needs_shift()


def test_the_idle_lock_comes_after_the_minutes_without_a_key() -> None:
    monotonic = Monotonic()
    idle = IdleLock(2, monotonic=monotonic)
    monotonic.now += 119
    assert not idle.is_due() and idle.seconds_left() == 1
    idle.touch()  # a key press
    monotonic.now += 119
    assert not idle.is_due()
    monotonic.now += 1
    assert idle.is_due() and idle.seconds_left() == 0
    never = IdleLock(0, monotonic=monotonic)
    monotonic.now += 10**6
    assert not never.is_due() and never.seconds_left() is None
    with pytest.raises(ValueError):
        IdleLock(-1)


def test_the_table_of_who_may_do_what(shop: Shop) -> None:
    clerk_may = {a for a in Action if may(shop.clerk, a)}
    assert clerk_may == {Action.SALE, Action.CASH_SALE, Action.HANDOVER}
    assert {a for a in Action if may(shop.manager, a)} == set(Action)
    for needs_manager in (
        Action.REFUND,
        Action.SETTINGS,
        Action.PRODUCTS,
        Action.EXPORT,
        Action.MANAGER_VIEW,
        Action.ACCOUNTS,
        Action.CLOSE_DAY,
    ):
        assert needs_manager not in ALLOWED[Role.CLERK]
    gone = shop.accounts.set_active(shop.other.id, False)
    assert not any(may(gone, a) for a in Action)


def test_a_refund_is_refused_to_a_clerk_without_a_manager(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    assert not desk.may(Action.REFUND)
    with pytest.raises(NotAllowed) as refused:
        desk.authorize(Action.REFUND)
    assert refused.value.action == Action.REFUND
    with pytest.raises(PinRefused):
        desk.authorize(Action.REFUND, CLERK_PIN)  # the clerk's own PIN approves nothing
    assert desk.authorize(Action.CASH_SALE) == desk.clerk


def test_a_managers_pin_approves_one_action_and_the_clerk_stays(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    shift = desk.open_shift(0)
    approver = desk.authorize(Action.REFUND, MANAGER_PIN)
    assert approver is not None and approver.id == shop.manager.id
    assert desk.clerk is not None and desk.clerk.id == shop.clerk.id  # not logged out
    assert not desk.may(Action.REFUND)  # one action: the next asks again
    start = shop.clock() - timedelta(minutes=1)
    approval = shop.store.actions_between(start, shop.clock() + timedelta(minutes=1))[-1]
    assert approval.kind == ActionKind.APPROVAL
    assert (approval.clerk_number, approval.clerk_name) == (2, "小李")
    assert (approval.approver_number, approval.approver_name) == (1, "王店长")
    assert approval.shift_no == shift.shift_no
    payload = approval.to_payload()
    assert payload["detail"] == {"action": "refund"}
    assert json.loads(json.dumps(payload)) == payload  # plain JSON values
    assert MANAGER_PIN not in json.dumps(payload) and approval.key == approval.action_no


def test_wrong_approvals_count_in_the_tills_gate(shop: Shop) -> None:
    desk = shop.desk()
    desk.login(2, CLERK_PIN)
    for _ in range(5):
        with pytest.raises(PinRefused):
            desk.approve(Action.REFUND, "0000")
    with pytest.raises(PinRefused, match="too many"):
        desk.approve(Action.REFUND, MANAGER_PIN)
    assert [k for k, _, _ in _actions(shop)] == ["login"]  # no approval was kept

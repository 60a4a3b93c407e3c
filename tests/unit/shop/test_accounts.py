"""Accounts: PINs hashed, roles, the first is a manager, the old manager PIN adopted, lock-out."""

from __future__ import annotations

import pytest
from helpers.fakes import FakeClock

from pos.errors import AccountError, PinRefused
from pos.pin import LOCKOUT_SECONDS, MAX_WRONG_PINS, PinGate, hash_pin, verify_pin
from pos.shop import FIRST_MANAGER_NAME, Accounts, is_valid_account_pin
from pos.store import Role, Store

from .conftest import CLERK_PIN, MANAGER_PIN, OTHER_CLERK_PIN, Monotonic, Shop


def test_a_pin_is_kept_only_as_a_salted_scrypt_hash(shop: Shop) -> None:
    stored = shop.store.account(shop.clerk.id)
    assert stored is not None
    assert stored.pin_hash.startswith("scrypt$") and CLERK_PIN not in stored.pin_hash
    assert verify_pin(CLERK_PIN, stored.pin_hash) and not verify_pin("2469", stored.pin_hash)
    # Two accounts with one PIN get two hashes (a fresh salt each).
    twin = shop.accounts.add("小赵", CLERK_PIN)
    assert twin.pin_hash != stored.pin_hash
    assert CLERK_PIN not in repr(stored) and stored.pin_hash not in repr(stored)


@pytest.mark.parametrize("pin", ["1234", "12345", "123456"])
def test_a_pin_of_four_to_six_digits_is_taken(pin: str) -> None:
    assert is_valid_account_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "1234567", "12a4", "１２３４", " 1234", "12.4"])
def test_other_pins_are_refused(shop: Shop, pin: str) -> None:
    assert not is_valid_account_pin(pin)
    with pytest.raises(AccountError, match="4 to 6 digits"):
        shop.accounts.add("小钱", pin)
    with pytest.raises(AccountError, match="4 to 6 digits"):
        shop.accounts.change_pin(shop.clerk.id, pin)


def test_the_first_account_is_a_manager_and_the_next_are_clerks(store: Store) -> None:
    accounts = Accounts(store, clock=FakeClock())
    assert not accounts.needs_login()  # a fresh till opens straight to the till
    with pytest.raises(AccountError, match="first account must be a manager"):
        accounts.add("小李", CLERK_PIN, Role.CLERK)
    assert not accounts.needs_login()
    first = accounts.add("王店长", MANAGER_PIN)
    second = accounts.add("小李", CLERK_PIN)
    third = accounts.add("老周", "5555", Role.MANAGER)
    assert (first.role, second.role, third.role) == (Role.MANAGER, Role.CLERK, Role.MANAGER)
    assert [a.number for a in accounts.listed()] == [1, 2, 3]
    assert accounts.needs_login()
    assert [a.label for a in accounts.listed()] == ["1 王店长", "2 小李", "3 老周"]


def test_the_old_manager_pin_becomes_the_first_manager(store: Store) -> None:
    old_hash = hash_pin("24680")  # the settings' manager_pin_hash of a till before accounts
    accounts = Accounts(store, clock=FakeClock())
    assert accounts.adopt_manager_pin(None) is None and accounts.adopt_manager_pin("") is None
    assert not accounts.needs_login()
    adopted = accounts.adopt_manager_pin(old_hash)
    assert adopted is not None
    assert (adopted.name, adopted.role, adopted.number) == (FIRST_MANAGER_NAME, Role.MANAGER, 1)
    assert adopted.pin_hash == old_hash
    # The manager's PIN stays theirs: it logs in.
    assert accounts.check(1, "24680").id == adopted.id
    # Once there are accounts, nothing more is adopted (the next start calls it again).
    assert accounts.adopt_manager_pin(hash_pin("1111")) is None
    assert len(accounts.listed()) == 1


def test_names_are_unique_among_active_accounts(shop: Shop) -> None:
    with pytest.raises(AccountError, match="already called 小李"):
        shop.accounts.add(" 小李 ", "4444")
    shop.accounts.set_active(shop.clerk.id, False)
    again = shop.accounts.add("小李", "4444")  # the old one is inactive
    assert again.number == 4
    with pytest.raises(AccountError, match="needs a name"):
        shop.accounts.add("   ", "4444")


def test_the_last_active_manager_stays(shop: Shop) -> None:
    with pytest.raises(AccountError, match="active manager"):
        shop.accounts.set_active(shop.manager.id, False)
    with pytest.raises(AccountError, match="active manager"):
        shop.accounts.set_role(shop.manager.id, Role.CLERK)
    # With a second manager the first may go.
    promoted = shop.accounts.set_role(shop.clerk.id, Role.MANAGER, pin="8080")
    assert promoted.role is Role.MANAGER
    gone = shop.accounts.set_active(shop.manager.id, False)
    assert not gone.is_active
    assert [a.name for a in shop.accounts.listed()] == ["小李", "小张"]


def test_no_two_active_managers_share_a_pin(shop: Shop) -> None:
    # An approval finds the manager by the PIN alone.
    with pytest.raises(AccountError, match="another manager"):
        shop.accounts.add("老周", MANAGER_PIN, Role.MANAGER)
    with pytest.raises(AccountError, match="new PIN"):
        shop.accounts.set_role(shop.clerk.id, Role.MANAGER)
    with pytest.raises(AccountError, match="another manager"):
        shop.accounts.set_role(shop.clerk.id, Role.MANAGER, pin=MANAGER_PIN)
    # Clerks may share PINs with anyone: they log in by number.
    assert shop.accounts.add("小钱", MANAGER_PIN).role is Role.CLERK


def test_a_login_needs_the_accounts_own_pin(shop: Shop) -> None:
    assert shop.accounts.check(2, CLERK_PIN).id == shop.clerk.id
    with pytest.raises(PinRefused):
        shop.accounts.check(2, OTHER_CLERK_PIN)  # another account's PIN
    with pytest.raises(PinRefused):
        shop.accounts.check(9, CLERK_PIN)  # no such number
    shop.accounts.set_active(shop.clerk.id, False)
    with pytest.raises(PinRefused):
        shop.accounts.check(2, CLERK_PIN)  # inactive


def test_wrong_pins_lock_every_account_of_the_till(shop: Shop) -> None:
    monotonic: Monotonic = shop.monotonic
    accounts = shop.accounts
    # Wrong tries of two accounts count together: guessing cannot move to the next account.
    for number, tries_left in ((2, 4), (2, 3), (3, 2), (3, 1)):
        with pytest.raises(PinRefused) as refused:
            accounts.check(number, "0000")
        assert refused.value.tries_left == tries_left
        assert "0000" not in str(refused.value)
    with pytest.raises(PinRefused) as refused:
        accounts.check(1, "0000")
    assert refused.value.tries_left == 0 and refused.value.seconds_locked == LOCKOUT_SECONDS
    # Locked: even the right PIN of any account is refused, manager approvals too.
    for number, pin in ((2, CLERK_PIN), (1, MANAGER_PIN)):
        with pytest.raises(PinRefused, match="too many"):
            accounts.check(number, pin)
    with pytest.raises(PinRefused, match="too many"):
        accounts.manager_by_pin(MANAGER_PIN)
    monotonic.now += LOCKOUT_SECONDS - 1
    with pytest.raises(PinRefused, match="too many"):
        accounts.check(2, CLERK_PIN)
    monotonic.now += 1
    assert accounts.check(2, CLERK_PIN).id == shop.clerk.id
    assert accounts.gate.tries_left == MAX_WRONG_PINS


def test_a_right_pin_starts_the_count_again(shop: Shop) -> None:
    for _ in range(MAX_WRONG_PINS - 1):
        with pytest.raises(PinRefused):
            shop.accounts.check(2, "0000")
    shop.accounts.check(2, CLERK_PIN)
    with pytest.raises(PinRefused) as refused:
        shop.accounts.check(2, "0000")
    assert refused.value.tries_left == MAX_WRONG_PINS - 1


def test_a_manager_is_found_by_their_pin_alone(shop: Shop) -> None:
    assert shop.accounts.manager_by_pin(MANAGER_PIN).id == shop.manager.id
    with pytest.raises(PinRefused):
        shop.accounts.manager_by_pin(CLERK_PIN)  # a clerk's PIN approves nothing
    assert shop.accounts.gate.tries_left == MAX_WRONG_PINS - 1


def test_the_manager_pin_gate_still_checks_one_hash() -> None:
    # The manager PIN of the settings keeps its gate (pos.ui uses it until accounts).
    now = [0.0]
    gate = PinGate(hash_pin("1357"), clock=lambda: now[0], max_wrong=2, lockout=10)
    assert not gate.check("0000") and gate.tries_left == 1
    assert not gate.check("0000") and gate.is_locked
    assert not gate.check("1357")
    now[0] = 10.0
    assert gate.check("1357")

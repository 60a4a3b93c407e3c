"""Clerks' and managers' accounts: 4–6 digit PINs hashed as the manager PIN is, one gate.

Every PIN try at a till (a login, an unlock, a manager's approval) goes through one
:class:`~pos.pin.PinGate`: five wrong tries in a row lock every account of the till for five
minutes, so guessing cannot move on to the next account's five tries. A PIN is never kept,
logged or put in an error; only its salted scrypt hash is stored (:func:`pos.pin.hash_pin`).

A manager's PIN alone finds the manager (an approval asks for nothing else), so no two
active managers share one.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.clock import Clock, utc_now
from pos.errors import AccountError, PinRefused
from pos.pin import PinGate, hash_pin, verify_pin
from pos.store import Account, Role, Store

ACCOUNT_PIN_MIN_DIGITS, ACCOUNT_PIN_MAX_DIGITS = 4, 6
#: The account the manager PIN of a till from before accounts becomes (the shop manager).
FIRST_MANAGER_NAME = "店长"


def is_valid_account_pin(pin: str) -> bool:
    """4 to 6 ASCII digits."""
    return (
        isinstance(pin, str)
        and pin.isascii()
        and pin.isdigit()
        and ACCOUNT_PIN_MIN_DIGITS <= len(pin) <= ACCOUNT_PIN_MAX_DIGITS
    )


def _checked_pin(pin: str) -> str:
    if not is_valid_account_pin(pin):
        raise AccountError(f"a PIN is {ACCOUNT_PIN_MIN_DIGITS} to {ACCOUNT_PIN_MAX_DIGITS} digits")
    return pin


class Accounts:
    """The till's accounts over the store, with the till's one PIN gate."""

    def __init__(self, store: Store, *, clock: Clock = utc_now, gate: PinGate | None = None):
        self._store = store
        self._clock = clock
        self.gate = gate if gate is not None else PinGate()

    # -- reading --------------------------------------------------------------------------------

    def needs_login(self) -> bool:
        """A till with active accounts opens to the login; one without opens to the till."""
        return self._store.has_accounts()

    def listed(self, *, include_inactive: bool = False) -> list[Account]:
        """The active accounts by number: the login's list (and the inactive ones too: the
        manager's list of accounts)."""
        return self._store.accounts(include_inactive=include_inactive)

    def get(self, account_id: int) -> Account | None:
        return self._store.account(account_id)

    # -- changing -------------------------------------------------------------------------------

    def add(self, name: str, pin: str, role: Role | None = None) -> Account:
        """A new account. ``role`` None: a manager when it is the first, else a clerk.

        AccountError: a bad PIN, a clerk as the first account, a name in use, or a
        manager's PIN another active manager has.
        """
        _checked_pin(pin)
        if role is None:
            role = Role.CLERK if self._store.has_accounts() else Role.MANAGER
        if role is Role.MANAGER:
            self._check_manager_pin_free(pin, None)
        return self._store.add_account(
            name=name, pin_hash=hash_pin(pin), role=role, now=self._clock()
        )

    def change_pin(self, account_id: int, pin: str) -> Account:
        _checked_pin(pin)
        account = self._existing(account_id)
        if account.is_manager:
            self._check_manager_pin_free(pin, account_id)
        return self._store.update_account(account_id, pin_hash=hash_pin(pin), now=self._clock())

    def set_role(self, account_id: int, role: Role, *, pin: str | None = None) -> Account:
        """Make a clerk a manager (with a new ``pin``, checked against the other managers')
        or a manager a clerk. AccountError when the last active manager would go."""
        account = self._existing(account_id)
        pin_hash = None
        if Role(role) is Role.MANAGER and not account.is_manager:
            pin_hash = self._new_manager_pin(pin, account_id)
        return self._store.update_account(
            account_id, role=role, pin_hash=pin_hash, now=self._clock()
        )

    def rename(self, account_id: int, name: str) -> Account:
        return self._store.update_account(account_id, name=name, now=self._clock())

    def set_active(self, account_id: int, is_active: bool, *, pin: str | None = None) -> Account:
        """Deactivate (never delete: deals name it) or reactivate an account; a manager
        comes back with a new ``pin``. AccountError when the last active manager would go."""
        account = self._existing(account_id)
        pin_hash = None
        if is_active and not account.is_active and account.is_manager:
            pin_hash = self._new_manager_pin(pin, account_id)
        return self._store.update_account(
            account_id, is_active=is_active, pin_hash=pin_hash, now=self._clock()
        )

    def adopt_manager_pin(self, manager_pin_hash: str | None) -> Account | None:
        """At start: a till from before accounts, with a manager PIN, gets its manager.

        When there are no accounts and ``manager_pin_hash`` (the settings' one) is set, the
        first account is made: "店长", a manager, with that very hash (the PIN the manager
        knows stays theirs). Otherwise nothing changes and None is returned.
        """
        if not manager_pin_hash or self._store.accounts(include_inactive=True):
            return None
        return self._store.add_account(
            name=FIRST_MANAGER_NAME,
            pin_hash=manager_pin_hash,
            role=Role.MANAGER,
            now=self._clock(),
        )

    # -- PINs -----------------------------------------------------------------------------------

    def check(self, number: int, pin: str) -> Account:
        """The active account ``number`` if ``pin`` is its PIN (a login, an unlock).

        PinRefused: wrong number or PIN (one try of the gate), or the gate is locked.
        """
        account = self._store.account_by_number(number)

        def is_right() -> bool:
            return account is not None and account.is_active and verify_pin(pin, account.pin_hash)

        self._through_gate(is_right)
        assert account is not None
        return account

    def manager_by_pin(self, pin: str) -> Account:
        """The active manager whose PIN this is (an approval). PinRefused otherwise."""
        found: list[Account] = []

        def is_right() -> bool:
            found.extend(m for m in self._managers() if verify_pin(pin, m.pin_hash))
            return bool(found)

        self._through_gate(is_right)
        return found[0]

    def _through_gate(self, is_right: Callable[[], bool]) -> None:
        gate = self.gate
        if gate.is_locked:
            raise PinRefused(
                "too many wrong PINs: wait", tries_left=0, seconds_locked=gate.seconds_locked()
            )
        if not gate.attempt(is_right):
            raise PinRefused(
                "wrong PIN", tries_left=gate.tries_left, seconds_locked=gate.seconds_locked()
            )

    # -- helpers --------------------------------------------------------------------------------

    def _existing(self, account_id: int) -> Account:
        account = self._store.account(account_id)
        if account is None:
            raise AccountError(f"no account {account_id}")
        return account

    def _managers(self) -> list[Account]:
        return [a for a in self._store.accounts() if a.is_manager]

    def _check_manager_pin_free(self, pin: str, account_id: int | None) -> None:
        for manager in self._managers():
            if manager.id != account_id and verify_pin(pin, manager.pin_hash):
                raise AccountError("another manager has this PIN: choose another")

    def _new_manager_pin(self, pin: str | None, account_id: int) -> str:
        """The hash of the PIN an account brings to the active managers. Its old PIN cannot
        be compared with theirs (only salted hashes are kept), so it chooses a new one."""
        if pin is None:
            raise AccountError("a manager chooses a new PIN")
        self._check_manager_pin_free(_checked_pin(pin), account_id)
        return hash_pin(pin)

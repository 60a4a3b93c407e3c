"""A shop, not a till: clerks' accounts and roles, shifts and their handover, the day's close.

Qt-free; the till's login, idle lock, approval, handover and day-close screens call it.

- :mod:`~pos.shop.accounts`: accounts with 4–6 digit PINs (hashed as the manager PIN is),
  one wrong-PIN lock-out per till, and the old manager PIN adopted as the first manager;
- :mod:`~pos.shop.permissions`: which role may do which :class:`Action`;
- :mod:`~pos.shop.desk`: who is at the till (:class:`Desk`: login, lock, approvals, the
  shift, the day's close) and when it locks itself (:class:`IdleLock`);
- :mod:`~pos.shop.handover`: a shift's figures per method and its drawer, pure;
- :mod:`~pos.shop.day_close`: the day's close over every till's shifts, pure;
- :mod:`~pos.shop.slip`: the handover and day-close slips as printer layouts and PDFs.

Records sent to the shop server have ``KIND``, ``key`` and ``to_payload()``
(:class:`ShiftSummary`, :class:`DayClose`, and the store's :class:`~pos.store.ClerkAction`).
"""

from pos.shop.accounts import FIRST_MANAGER_NAME, Accounts, is_valid_account_pin
from pos.shop.day_close import DayClose, close_day, shifts_of_day
from pos.shop.desk import IDLE_LOCK_MINUTES, ActionKind, Desk, IdleLock
from pos.shop.handover import (
    METHODS,
    MethodTotals,
    ShiftSummary,
    add_totals,
    expected_cash,
    method_totals,
    summarise_shift,
)
from pos.shop.permissions import ALLOWED, Action, may

__all__ = [
    "ALLOWED",
    "FIRST_MANAGER_NAME",
    "IDLE_LOCK_MINUTES",
    "METHODS",
    "Accounts",
    "Action",
    "ActionKind",
    "DayClose",
    "Desk",
    "IdleLock",
    "MethodTotals",
    "ShiftSummary",
    "add_totals",
    "close_day",
    "expected_cash",
    "is_valid_account_pin",
    "may",
    "method_totals",
    "shifts_of_day",
    "summarise_shift",
]

"""What each role may do at the till: a small table of actions and roles.

A clerk sells (QR, payment code, cash) and hands over their own shift; everything that
moves money back or changes the shop (refunds, settings, products, exports, the manager's
view, accounts, the day's close) needs a manager, who may approve it once at a clerk's till
with their own PIN (:meth:`pos.shop.desk.Desk.approve`).
"""

from __future__ import annotations

import enum

from pos.store import Account, Role


class Action(enum.StrEnum):
    """Something a role may or may not do."""

    SALE = "sale"
    CASH_SALE = "cash_sale"
    HANDOVER = "handover"
    REFUND = "refund"
    SETTINGS = "settings"
    PRODUCTS = "products"
    EXPORT = "export"
    RECONCILE = "reconcile"
    MANAGER_VIEW = "manager_view"
    ACCOUNTS = "accounts"
    #: Counting and closing another clerk's shift (a clerk hands over only their own).
    CLOSE_OTHER_SHIFT = "close_other_shift"
    CLOSE_DAY = "close_day"


#: Who may do what. A manager may do everything a clerk may.
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset({Action.SALE, Action.CASH_SALE, Action.HANDOVER}),
    Role.MANAGER: frozenset(Action),
}


def may(account: Account, action: Action) -> bool:
    """Whether ``account`` may do ``action`` by its role (an inactive account may nothing)."""
    return account.is_active and Action(action) in ALLOWED[account.role]

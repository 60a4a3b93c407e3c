"""The local database: deals, their history, products, refunds, and the shop's accounts,
shifts, day closes and clerks' actions (SQLite or PostgreSQL).

One public surface: :class:`Store` and the frozen records it returns. Peewee stays inside.
The records load at once; :class:`Store` and :data:`SCHEMA_VERSION` on first use, so that
a module that only needs a record (the till's window, before its first paint) does not
load Peewee and its database drivers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos.errors import DiskFullError, RefundLimitError, StoreError
from pos.store.records import (
    ALARM_PREFIX,
    DEAL_TRANSITIONS,
    MAX_REFUNDS_PER_DEAL,
    NO_STAMP,
    UNFINISHED_STATES,
    Account,
    ClerkAction,
    DayCloseRecord,
    Deal,
    DealEvent,
    DealLine,
    DealState,
    PaymentMethod,
    Product,
    Refund,
    RefundLine,
    RefundState,
    Role,
    Shift,
    Stamp,
    is_allowed,
    time_from_payload,
    time_to_payload,
)

if TYPE_CHECKING:
    from pos.store.store import SCHEMA_VERSION, Store

__all__ = [
    "ALARM_PREFIX",
    "DEAL_TRANSITIONS",
    "MAX_REFUNDS_PER_DEAL",
    "NO_STAMP",
    "SCHEMA_VERSION",
    "UNFINISHED_STATES",
    "Account",
    "ClerkAction",
    "DayCloseRecord",
    "Deal",
    "DealEvent",
    "DealLine",
    "DealState",
    "DiskFullError",
    "PaymentMethod",
    "Product",
    "Refund",
    "RefundLimitError",
    "RefundLine",
    "RefundState",
    "Role",
    "Shift",
    "Stamp",
    "Store",
    "StoreError",
    "is_allowed",
    "time_from_payload",
    "time_to_payload",
]


def __getattr__(name: str) -> Any:
    """``Store`` and ``SCHEMA_VERSION``, imported on first use (PEP 562)."""
    if name in ("Store", "SCHEMA_VERSION"):
        from pos.store import store

        value = getattr(store, name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

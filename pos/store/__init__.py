"""The local database: deals, their history, products and refunds (SQLite or PostgreSQL).

One public surface: :class:`Store` and the frozen records it returns. Peewee stays inside.
"""

from __future__ import annotations

from pos.errors import DiskFullError, RefundLimitError, StoreError
from pos.store.records import (
    ALARM_PREFIX,
    DEAL_TRANSITIONS,
    MAX_REFUNDS_PER_DEAL,
    UNFINISHED_STATES,
    Deal,
    DealEvent,
    DealLine,
    DealState,
    Product,
    Refund,
    RefundState,
    is_allowed,
)
from pos.store.store import SCHEMA_VERSION, Store

__all__ = [
    "ALARM_PREFIX",
    "DEAL_TRANSITIONS",
    "MAX_REFUNDS_PER_DEAL",
    "SCHEMA_VERSION",
    "UNFINISHED_STATES",
    "Deal",
    "DealEvent",
    "DealLine",
    "DealState",
    "DiskFullError",
    "Product",
    "Refund",
    "RefundLimitError",
    "RefundState",
    "Store",
    "StoreError",
    "is_allowed",
]

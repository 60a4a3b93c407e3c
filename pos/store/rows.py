"""Records from the database: Peewee rows and driver tuples into the store's own types.

The plain-tuple read paths skip Peewee (it shows at 100,000 deals); the column lists and the
SELECTs they read with are here, each built once from the record it fills.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pos.store.records import (
    Account,
    ClerkAction,
    DayCloseRecord,
    Deal,
    DealLine,
    DealState,
    PaymentMethod,
    Product,
    Refund,
    RefundLine,
    RefundState,
    Role,
    Shift,
)

#: Deal's columns: its fields, in their order (the model's columns bear the same names).
DEAL_COLUMNS = tuple(field.name for field in dataclasses.fields(Deal))


def deal_from_row(row: Any) -> Deal:
    values = [getattr(row, name) for name in DEAL_COLUMNS]
    for index, read in _FROM_ROW:
        values[index] = read(values[index])
    return Deal(*values)


_DEAL_SELECT = ", ".join(f'd."{name}"' for name in DEAL_COLUMNS)
_REFUND_COLUMNS = (
    "id",
    "out_refund_no",
    "refund_fee",
    "reason",
    "state",
    "created_at",
    "updated_at",
    "refund_id",
    "success_time",
    "last_error",
    "clerk_id",
    "shift_id",
)
_REFUND_SELECT = ", ".join(f'r."{name}"' for name in _REFUND_COLUMNS) + ', d."out_trade_no"'
LINE_COLUMNS = (
    "id",
    "out_trade_no",
    "amount_fen",
    "product",
    "state",
    "created_at",
    "transaction_id",
    "paid_at",
    "method",
    "clerk_id",
    "shift_id",
)
# Only fixed column names are joined in; every value goes as a parameter.
FROM_DEALS = f'SELECT {_DEAL_SELECT} FROM "deal" d'  # noqa: S608
_LINE_SELECT = ", ".join(f'd."{name}"' for name in LINE_COLUMNS)
FROM_LINES = f'SELECT {_LINE_SELECT} FROM "deal" d'  # noqa: S608
FROM_REFUNDS = f'SELECT {_REFUND_SELECT} FROM "refund" r JOIN "deal" d ON d."id" = r."deal_id"'  # noqa: S608
_REFUND_LINE_SELECT = (
    'd."out_trade_no", r."out_refund_no", r."refund_fee", r."state", r."created_at", '
    'd."method", r."clerk_id", r."shift_id"'
)
FROM_REFUND_LINES = (
    f'SELECT {_REFUND_LINE_SELECT} FROM "refund" r JOIN "deal" d ON d."id" = r."deal_id"'  # noqa: S608
)
#: Enum lookups by value without the Enum call's overhead (it shows at 100,000 rows).
_DEAL_STATES = {state.value: state for state in DealState}
_REFUND_STATES = {state.value: state for state in RefundState}
_METHODS = {method.value: method for method in PaymentMethod}
#: Numbers per ``IN (...)`` list: well under SQLite's oldest limit of 999 host parameters.
IN_CHUNK = 500


def _time(text: str | None) -> datetime | None:
    # The stored text is ISO 8601 with a "Z" (models.UtcTimeField); fromisoformat reads it
    # (Python 3.11+) as an aware UTC time, equal to time_from_db's and ~50x faster.
    return None if text is None else datetime.fromisoformat(text)


def _readers(readers: dict[str, Callable[[Any], Any]]) -> tuple[tuple[int, Any], ...]:
    """(index, reader) of the deal columns that need one; the others are taken as they are."""
    return tuple((DEAL_COLUMNS.index(name), read) for name, read in readers.items())


#: From a Peewee row (times already read by the model's fields).
_FROM_ROW = _readers(
    {"amount_fen": int, "state": DealState, "is_late": bool, "method": PaymentMethod}
)
#: From a driver tuple (times as stored text; enum lookup by value, without the Enum call).
_FROM_TEXT = _readers(
    {
        "amount_fen": int,
        "state": _DEAL_STATES.__getitem__,
        "created_at": datetime.fromisoformat,
        "updated_at": datetime.fromisoformat,
        "time_start": datetime.fromisoformat,
        "time_expire": datetime.fromisoformat,
        "deadline": _time,
        "paid_at": _time,
        "is_late": bool,
        "method": _METHODS.__getitem__,
    }
)


def deal_from_tuple(values: tuple[Any, ...]) -> Deal:
    fields = list(values)
    for index, read in _FROM_TEXT:
        fields[index] = read(fields[index])
    return Deal(*fields)


def line_from_tuple(values: tuple[Any, ...]) -> DealLine:
    (
        deal_id,
        out_trade_no,
        amount_fen,
        product,
        state,
        created_at,
        transaction_id,
        paid_at,
        method,
        clerk_id,
        shift_id,
    ) = values
    return DealLine(
        deal_id,
        out_trade_no,
        int(amount_fen),
        product,
        _DEAL_STATES[state],
        datetime.fromisoformat(created_at),
        transaction_id,
        None if paid_at is None else datetime.fromisoformat(paid_at),
        _METHODS[method],
        clerk_id,
        shift_id,
    )


def refund_line_from_tuple(values: tuple[Any, ...]) -> RefundLine:
    out_trade_no, out_refund_no, fee, state, created_at, method, clerk_id, shift_id = values
    return RefundLine(
        out_trade_no,
        out_refund_no,
        int(fee),
        _REFUND_STATES[state],
        datetime.fromisoformat(created_at),
        _METHODS[method],
        clerk_id,
        shift_id,
    )


def refund_from_tuple(values: tuple[Any, ...]) -> Refund:
    (
        refund_id_,
        out_refund_no,
        refund_fee,
        reason,
        state,
        created_at,
        updated_at,
        refund_id,
        success_time,
        last_error,
        clerk_id,
        shift_id,
        out_trade_no,
    ) = values
    return Refund(
        id=refund_id_,
        out_trade_no=out_trade_no,
        out_refund_no=out_refund_no,
        refund_fee=int(refund_fee),
        reason=reason,
        state=_REFUND_STATES[state],
        created_at=datetime.fromisoformat(created_at),
        updated_at=datetime.fromisoformat(updated_at),
        refund_id=refund_id,
        success_time=_time(success_time),
        last_error=last_error,
        clerk_id=clerk_id,
        shift_id=shift_id,
    )


def refund_from_row(row: Any, out_trade_no: str) -> Refund:
    return Refund(
        id=row.id,
        out_trade_no=out_trade_no,
        out_refund_no=row.out_refund_no,
        refund_fee=int(row.refund_fee),
        reason=row.reason,
        state=RefundState(row.state),
        created_at=row.created_at,
        updated_at=row.updated_at,
        refund_id=row.refund_id,
        success_time=row.success_time,
        last_error=row.last_error,
        clerk_id=row.clerk_id,
        shift_id=row.shift_id,
    )


def product_from_row(row: Any) -> Product:
    return Product(
        id=row.id,
        name=row.name,
        price_fen=None if row.price_fen is None else int(row.price_fen),
        position=int(row.position),
        is_active=bool(row.is_active),
    )


def account_from_row(row: Any) -> Account:
    return Account(
        id=row.id,
        number=int(row.number),
        name=row.name,
        role=Role(row.role),
        is_active=bool(row.is_active),
        created_at=row.created_at,
        pin_hash=row.pin_hash,
    )


def shift_from_row(row: Any) -> Shift:
    return Shift(
        id=row.id,
        shift_no=row.shift_no,
        till_id=row.till_id,
        clerk_id=row.clerk_id,
        opened_at=row.opened_at,
        float_fen=int(row.float_fen),
        closed_at=row.closed_at,
        counted_fen=None if row.counted_fen is None else int(row.counted_fen),
        expected_fen=None if row.expected_fen is None else int(row.expected_fen),
        note=row.note,
        summary=row.summary,
    )


def day_close_from_row(row: Any) -> DayCloseRecord:
    return DayCloseRecord(
        id=row.id,
        day=date.fromisoformat(row.day),
        till_id=row.till_id,
        clerk_id=row.clerk_id,
        closed_at=row.closed_at,
        summary=row.summary,
    )


def clerk_action_from_row(
    row: Any, accounts: dict[int, Account], shifts: dict[int, str]
) -> ClerkAction:
    """An action row, its clerk and approver named from ``accounts`` (by id) and its shift
    by its number from ``shifts`` (by id)."""
    clerk = accounts.get(row.clerk_id) if row.clerk_id is not None else None
    approver = accounts.get(row.approver_id) if row.approver_id is not None else None
    return ClerkAction(
        id=row.id,
        action_no=row.action_no,
        at=row.at,
        till_id=row.till_id,
        kind=row.kind,
        clerk_number=None if clerk is None else clerk.number,
        clerk_name="" if clerk is None else clerk.name,
        approver_number=None if approver is None else approver.number,
        approver_name="" if approver is None else approver.name,
        shift_no=None if row.shift_id is None else shifts.get(row.shift_id),
        detail=row.detail,
    )

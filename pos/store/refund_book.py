"""The refunds of paid deals: create, move forward, read (§3.5, §3.6)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pos.errors import RefundLimitError, StoreError
from pos.store.base import StoreBase, aware, detail_json, fen
from pos.store.db import wrapped_errors
from pos.store.models import time_to_db
from pos.store.records import (
    MAX_REFUNDS_PER_DEAL,
    NO_STAMP,
    DealState,
    PaymentMethod,
    Refund,
    RefundLine,
    RefundState,
    Stamp,
    is_allowed,
)
from pos.store.rows import (
    FROM_REFUND_LINES,
    FROM_REFUNDS,
    IN_CHUNK,
    refund_from_row,
    refund_from_tuple,
    refund_line_from_tuple,
)

#: §1.5: up to 64 characters of letters, digits and _ - | * @.
OUT_REFUND_NO_RE = re.compile(r"[A-Za-z0-9_\-|*@]{1,64}")

_REFUND_MOVES: dict[RefundState, frozenset[RefundState]] = {
    RefundState.PENDING: frozenset(
        {
            RefundState.PROCESSING,
            RefundState.SUCCESS,
            RefundState.CLOSED,
            RefundState.CHANGE,
            RefundState.FAILED,
        }
    ),
    RefundState.PROCESSING: frozenset(
        {RefundState.SUCCESS, RefundState.CLOSED, RefundState.CHANGE}
    ),
    # FAILED: the request definitely failed (e.g. NOTENOUGH); resent later with the same
    # out_refund_no it may still be accepted (§3.5).
    RefundState.FAILED: frozenset(
        {RefundState.PROCESSING, RefundState.SUCCESS, RefundState.CLOSED, RefundState.CHANGE}
    ),
    RefundState.SUCCESS: frozenset(),
    RefundState.CLOSED: frozenset(),
    RefundState.CHANGE: frozenset({RefundState.SUCCESS}),
}


def is_refund_move_allowed(from_state: RefundState, to_state: RefundState) -> bool:
    """Whether a refund may move from ``from_state`` to ``to_state`` (a different state)."""
    return to_state in _REFUND_MOVES[from_state]


class RefundBook(StoreBase):
    """The store's refunds (mixed into :class:`~pos.store.store.Store`)."""

    def create_refund(
        self,
        out_trade_no: str,
        out_refund_no: str,
        refund_fee: int,
        reason: str,
        now: datetime,
        *,
        stamp: Stamp = NO_STAMP,
    ) -> Refund:
        """Store a refund PENDING before any network call (§5.3), enforcing the limits,
        stamped with the clerk and the shift at the till.

        RefundLimitError: the deal is not paid, more than what is left would be refunded,
        the deal already has 50 refunds (§3.5), or it is a cash sale (refunded from the
        drawer: :meth:`record_cash_refund`). The same out_refund_no with the same deal and
        amount returns the stored refund (resending is the same refund, §1.5).
        """
        fen(refund_fee, "refund_fee")
        aware(now, "now")
        if not OUT_REFUND_NO_RE.fullmatch(out_refund_no):
            raise ValueError(f"out_refund_no {out_refund_no!r} is not 1–64 of [A-Za-z0-9_-|*@]")
        r = self._m.refund
        with self._write(f"storing refund {out_refund_no}"):
            deal = self._locked_deal(out_trade_no)
            if deal is None:
                raise RefundLimitError(f"no deal {out_trade_no}")
            existing = r.get_or_none(r.out_refund_no == out_refund_no)
            if existing is not None:
                if existing.deal_id == deal.id and existing.refund_fee == refund_fee:
                    return refund_from_row(existing, out_trade_no)
                raise RefundLimitError(
                    f"out_refund_no {out_refund_no} is already used for another refund"
                )
            if PaymentMethod(deal.method) is PaymentMethod.CASH:
                raise RefundLimitError(
                    f"deal {out_trade_no} is a cash sale: refund it from the drawer"
                )
            self._check_refund_limits(deal, refund_fee)
            row = r.create(
                deal=deal.id,
                out_refund_no=out_refund_no,
                refund_fee=refund_fee,
                reason=reason[:80],
                state=RefundState.PENDING.value,
                created_at=now,
                updated_at=now,
                clerk=stamp.clerk_id,
                shift=stamp.shift_id,
            )
        return refund_from_row(row, out_trade_no)

    def _check_refund_limits(self, deal: Any, refund_fee: int) -> None:
        """RefundLimitError unless the (locked) deal is paid and may refund ``refund_fee``
        more: what is left of its amount, and at most 50 refunds (§3.5)."""
        r = self._m.refund
        number = deal.out_trade_no
        if DealState(deal.state) not in (DealState.PAID, DealState.PARTIALLY_REFUNDED):
            raise RefundLimitError(f"deal {number} is {deal.state}, not paid")
        siblings = list(r.select().where(r.deal == deal.id))
        if len(siblings) >= MAX_REFUNDS_PER_DEAL:
            raise RefundLimitError(f"deal {number} already has {MAX_REFUNDS_PER_DEAL} refunds")
        left = int(deal.amount_fen) - sum(
            int(s.refund_fee) for s in siblings if RefundState(s.state).counts_against_limit
        )
        if refund_fee > left:
            raise RefundLimitError(
                f"deal {number}: {refund_fee} fen asked, {left} fen left to refund"
            )

    def update_refund(
        self,
        out_refund_no: str,
        *,
        state: RefundState,
        now: datetime,
        refund_id: str | None = None,
        success_time: datetime | None = None,
        last_error: str | None = None,
    ) -> Refund:
        """Move a refund forward; on SUCCESS the deal becomes PARTIALLY_REFUNDED or REFUNDED
        in the same transaction. Same state again is a no-op (notifications repeat)."""
        aware(now, "now")
        if success_time is not None:
            aware(success_time, "success_time")
        state = RefundState(state)
        r, d = self._m.refund, self._m.deal
        with self._write(f"updating refund {out_refund_no}"):
            row = r.get_or_none(r.out_refund_no == out_refund_no)
            if row is None:
                raise StoreError(f"no refund {out_refund_no}")
            deal = self._locked_deal(d.get_by_id(row.deal_id).out_trade_no)
            old = RefundState(row.state)
            if old is not state and state not in _REFUND_MOVES[old]:
                raise StoreError(f"refund {out_refund_no}: {old} -> {state} is not allowed")
            if old is RefundState.FAILED and state.counts_against_limit:
                others = sum(
                    int(s.refund_fee)
                    for s in r.select().where((r.deal == deal.id) & (r.id != row.id))
                    if RefundState(s.state).counts_against_limit
                )
                if others + int(row.refund_fee) > int(deal.amount_fen):
                    raise RefundLimitError(f"refund {out_refund_no} would exceed the amount paid")
            fields: dict[str, Any] = {"state": state.value, "updated_at": now}
            if refund_id is not None:
                fields["refund_id"] = refund_id
            if success_time is not None:
                fields["success_time"] = success_time
            if last_error is not None:
                fields["last_error"] = last_error
            if old is state and all(
                getattr(row, k) == v for k, v in fields.items() if k != "updated_at"
            ):
                return refund_from_row(row, deal.out_trade_no)
            r.update(**fields).where(r.id == row.id).execute()
            if state is RefundState.SUCCESS and old is not state:
                self._after_refund(deal, now=now, out_refund_no=out_refund_no)
            row = r.get_by_id(row.id)
        return refund_from_row(row, deal.out_trade_no)

    def _after_refund(self, deal: Any, *, now: datetime, out_refund_no: str) -> None:
        r = self._m.refund
        refunded = sum(
            int(s.refund_fee)
            for s in r.select().where((r.deal == deal.id) & (r.state == RefundState.SUCCESS.value))
        )
        to_state = (
            DealState.REFUNDED if refunded >= int(deal.amount_fen) else DealState.PARTIALLY_REFUNDED
        )
        from_state = DealState(deal.state)
        if from_state is not to_state and not is_allowed(from_state, to_state):
            raise StoreError(f"deal {deal.out_trade_no}: {from_state} -> {to_state} is not allowed")
        self._m.deal.update(state=to_state.value, updated_at=now).where(
            self._m.deal.id == deal.id
        ).execute()
        self._record(
            deal,
            from_state,
            to_state,
            reason="refund succeeded",
            now=now,
            detail=detail_json({"out_refund_no": out_refund_no, "refunded_fen": refunded}),
        )

    def get_refund(self, out_refund_no: str) -> Refund | None:
        r, d = self._m.refund, self._m.deal
        with wrapped_errors(f"reading refund {out_refund_no}"):
            row = r.get_or_none(r.out_refund_no == out_refund_no)
            if row is None:
                return None
            number = d.get_by_id(row.deal_id).out_trade_no
        return refund_from_row(row, number)

    def refunds_for(self, out_trade_no: str) -> list[Refund]:
        """The deal's refunds, oldest first."""
        r, d = self._m.refund, self._m.deal
        with wrapped_errors(f"listing refunds of {out_trade_no}"):
            rows = list(r.select().join(d).where(d.out_trade_no == out_trade_no).order_by(r.id))
        return [refund_from_row(row, out_trade_no) for row in rows]

    def refunds_between(self, start: datetime, end: datetime) -> list[Refund]:
        """Refunds created in ``[start, end)`` (of any deal), oldest first."""
        aware(start, "start")
        aware(end, "end")
        rows = self._rows(
            "listing refunds",
            FROM_REFUNDS
            + ' WHERE r."created_at" >= ? AND r."created_at" < ? ORDER BY r."created_at", r."id"',
            (time_to_db(start), time_to_db(end)),
        )
        return [refund_from_tuple(values) for values in rows]

    def refund_lines_between(self, start: datetime, end: datetime) -> list[RefundLine]:
        """Refunds created in ``[start, end)`` with their deal's method, oldest first."""
        aware(start, "start")
        aware(end, "end")
        rows = self._rows(
            "listing refunds",
            FROM_REFUND_LINES
            + ' WHERE r."created_at" >= ? AND r."created_at" < ? ORDER BY r."created_at", r."id"',
            (time_to_db(start), time_to_db(end)),
        )
        return [refund_line_from_tuple(values) for values in rows]

    def refunds_for_deals(self, out_trade_nos: Iterable[str]) -> dict[str, list[Refund]]:
        """:meth:`refunds_for` of many deals in a few queries: every number given maps to
        its refunds, oldest first (an empty list when it has none or is unknown)."""
        found: dict[str, list[Refund]] = {}
        numbers = list(dict.fromkeys(out_trade_nos))
        for first in range(0, len(numbers), IN_CHUNK):
            chunk = numbers[first : first + IN_CHUNK]
            for number in chunk:
                found[number] = []
            marks = ", ".join("?" * len(chunk))
            rows = self._rows(
                "listing refunds of deals",
                FROM_REFUNDS + f' WHERE d."out_trade_no" IN ({marks}) ORDER BY r."id"',
                tuple(chunk),
            )
            for values in rows:
                found[values[-1]].append(refund_from_tuple(values))
        return found

    def unfinished_refunds(self) -> list[Refund]:
        """Refunds PENDING or PROCESSING (to query at start-up), oldest first."""
        r, d = self._m.refund, self._m.deal
        with wrapped_errors("listing unfinished refunds"):
            rows = list(
                r.select(r, d.out_trade_no)
                .join(d)
                .where(r.state.in_([RefundState.PENDING.value, RefundState.PROCESSING.value]))
                .order_by(r.id)
            )
        return [refund_from_row(row, row.deal.out_trade_no) for row in rows]

"""A shift's handover (交班): per method count, takings, refunds and net; the cash drawer.

Pure functions over the deals and refunds stamped with the shift (no store, no clock):

* takings: the shift's deals that were paid (PAID, PARTIALLY_REFUNDED, REFUNDED), at their
  full amount, by the method that paid them;
* refunds: the refunds *given in the shift* (whatever shift sold the deal) that succeeded,
  by the method of their deal (a cash refund leaves the drawer);
* cash expected = float + cash takings − cash refunds, against the cash counted; the
  difference is counted − expected (negative: the drawer is short).

:class:`ShiftSummary` is the handover as kept and sent (``to_payload()``/``from_payload()``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from pos.store import (
    Account,
    DealLine,
    PaymentMethod,
    RefundLine,
    RefundState,
    Shift,
    time_from_payload,
    time_to_payload,
)

#: The order every handover lists its methods in: the QR, the payment code, cash.
METHODS: tuple[PaymentMethod, ...] = tuple(PaymentMethod)


@dataclass(frozen=True)
class MethodTotals:
    """One method's figures: ``count`` paid deals taking ``takings_fen``, ``refund_count``
    refunds giving back ``refunds_fen``."""

    method: PaymentMethod
    count: int = 0
    takings_fen: int = 0
    refund_count: int = 0
    refunds_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.takings_fen - self.refunds_fen

    @property
    def is_empty(self) -> bool:
        return self.count == 0 and self.refund_count == 0

    def __add__(self, other: MethodTotals) -> MethodTotals:
        if other.method is not self.method:
            raise ValueError(f"cannot add {other.method} figures to {self.method}")
        return MethodTotals(
            self.method,
            self.count + other.count,
            self.takings_fen + other.takings_fen,
            self.refund_count + other.refund_count,
            self.refunds_fen + other.refunds_fen,
        )

    def to_payload(self) -> dict[str, Any]:
        return {
            "method": self.method.value,
            "count": self.count,
            "takings_fen": self.takings_fen,
            "refund_count": self.refund_count,
            "refunds_fen": self.refunds_fen,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> MethodTotals:
        return cls(
            PaymentMethod(payload["method"]),
            _int(payload, "count"),
            _int(payload, "takings_fen"),
            _int(payload, "refund_count"),
            _int(payload, "refunds_fen"),
        )


def method_totals(
    deals: Iterable[DealLine], refunds: Iterable[RefundLine]
) -> tuple[MethodTotals, ...]:
    """The figures of each method (all of :data:`METHODS`, in order) for these deals and
    refunds: paid deals at their amount, refunds that succeeded at their fee."""
    sums = {method: [0, 0, 0, 0] for method in METHODS}
    for deal in deals:
        if deal.state.is_paid:
            figures = sums[deal.method]
            figures[0] += 1
            figures[1] += deal.amount_fen
    for refund in refunds:
        if refund.state is RefundState.SUCCESS:
            figures = sums[refund.method]
            figures[2] += 1
            figures[3] += refund.refund_fee
    return tuple(MethodTotals(method, *sums[method]) for method in METHODS)


def add_totals(groups: Iterable[Iterable[MethodTotals]]) -> tuple[MethodTotals, ...]:
    """Several handovers' figures added up, method by method (all of :data:`METHODS`)."""
    sums = {method: MethodTotals(method) for method in METHODS}
    for group in groups:
        for totals in group:
            sums[totals.method] = sums[totals.method] + totals
    return tuple(sums[method] for method in METHODS)


def expected_cash(float_fen: int, totals: Iterable[MethodTotals]) -> int:
    """What the drawer should hold: the float, plus cash taken, minus cash given back."""
    cash = next((t for t in totals if t.method is PaymentMethod.CASH), None)
    if cash is None:
        return float_fen
    return float_fen + cash.takings_fen - cash.refunds_fen


@dataclass(frozen=True)
class ShiftSummary:
    """A closed shift's handover, as kept and sent to the shop server (key: ``shift_no``)."""

    KIND: ClassVar[str] = "shift"

    shift_no: str
    till_id: str
    clerk_number: int
    clerk_name: str
    opened_at: datetime
    closed_at: datetime
    float_fen: int
    counted_fen: int
    totals: tuple[MethodTotals, ...]
    note: str = ""
    #: Who took the till over, when the handover named them.
    next_clerk_name: str = ""
    #: Who counted and closed it when not the shift's own clerk (a manager).
    closed_by_name: str = ""

    @property
    def key(self) -> str:
        return self.shift_no

    def of(self, method: PaymentMethod) -> MethodTotals:
        return next((t for t in self.totals if t.method is method), MethodTotals(method))

    @property
    def net_fen(self) -> int:
        """Every method's takings minus its refunds."""
        return sum(t.net_fen for t in self.totals)

    @property
    def expected_fen(self) -> int:
        return expected_cash(self.float_fen, self.totals)

    @property
    def difference_fen(self) -> int:
        """Counted minus expected: negative when the drawer is short, positive when over."""
        return self.counted_fen - self.expected_fen

    def to_payload(self) -> dict[str, Any]:
        return {
            "shift_no": self.shift_no,
            "till_id": self.till_id,
            "clerk_number": self.clerk_number,
            "clerk_name": self.clerk_name,
            "opened_at": time_to_payload(self.opened_at),
            "closed_at": time_to_payload(self.closed_at),
            "float_fen": self.float_fen,
            "counted_fen": self.counted_fen,
            # Derived, for a reader of the payload; from_payload computes them again.
            "expected_fen": self.expected_fen,
            "difference_fen": self.difference_fen,
            "totals": [t.to_payload() for t in self.totals],
            "note": self.note,
            "next_clerk_name": self.next_clerk_name,
            "closed_by_name": self.closed_by_name,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> ShiftSummary:
        """A summary from its payload (this till's, or another till's from the shop server).

        ValueError / KeyError / TypeError when it is not one.
        """
        given = [MethodTotals.from_payload(t) for t in payload["totals"]]
        return cls(
            shift_no=str(payload["shift_no"]),
            till_id=str(payload["till_id"]),
            clerk_number=_int(payload, "clerk_number"),
            clerk_name=str(payload["clerk_name"]),
            opened_at=time_from_payload(payload["opened_at"]),
            closed_at=time_from_payload(payload["closed_at"]),
            float_fen=_int(payload, "float_fen"),
            counted_fen=_int(payload, "counted_fen"),
            totals=add_totals([given]),
            note=str(payload.get("note", "")),
            next_clerk_name=str(payload.get("next_clerk_name", "")),
            closed_by_name=str(payload.get("closed_by_name", "")),
        )


def summarise_shift(
    shift: Shift,
    clerk: Account,
    deals: Iterable[DealLine],
    refunds: Iterable[RefundLine],
    *,
    counted_fen: int,
    closed_at: datetime,
    note: str = "",
    next_clerk: Account | None = None,
    closed_by: Account | None = None,
) -> ShiftSummary:
    """The handover of ``shift`` from its deals and refunds and the cash counted."""
    if isinstance(counted_fen, bool) or not isinstance(counted_fen, int):
        raise TypeError("counted_fen must be an int number of fen")
    if counted_fen < 0:
        raise ValueError("counted_fen must not be negative")
    return ShiftSummary(
        shift_no=shift.shift_no,
        till_id=shift.till_id,
        clerk_number=clerk.number,
        clerk_name=clerk.name,
        opened_at=shift.opened_at,
        closed_at=closed_at,
        float_fen=shift.float_fen,
        counted_fen=counted_fen,
        totals=method_totals(deals, refunds),
        note=note.strip(),
        next_clerk_name="" if next_clerk is None else next_clerk.name,
        closed_by_name="" if closed_by is None or closed_by.id == clerk.id else closed_by.name,
    )


def _int(payload: Mapping[str, Any], name: str) -> int:
    value = payload[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return value

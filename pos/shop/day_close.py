"""The day's close (日结): every shift of the business day, of this till and of the others.

Pure: the shifts come in as :class:`~pos.shop.handover.ShiftSummary` values, this till's own
and those the shop server has of the other tills; a shift known from both is counted once
(by its ``shift_no``), so the close is the same whichever till makes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from pos.clock import BEIJING_DAY, BusinessDay
from pos.shop.handover import MethodTotals, ShiftSummary, add_totals
from pos.store import time_from_payload, time_to_payload


@dataclass(frozen=True)
class DayClose:
    """One business day of the shop, closed: its shifts (every till's) and their sums."""

    KIND: ClassVar[str] = "day_close"

    day: date
    closed_at: datetime
    #: The till where it was closed, and who closed it.
    till_id: str
    closed_by_name: str
    shifts: tuple[ShiftSummary, ...]

    @property
    def key(self) -> str:
        """One close per shop and business day."""
        return self.day.isoformat()

    @property
    def totals(self) -> tuple[MethodTotals, ...]:
        return add_totals(s.totals for s in self.shifts)

    @property
    def net_fen(self) -> int:
        return sum(t.net_fen for t in self.totals)

    @property
    def tills(self) -> tuple[str, ...]:
        return tuple(sorted({s.till_id for s in self.shifts}))

    def by_till(self) -> dict[str, tuple[MethodTotals, ...]]:
        """Each till's figures, method by method."""
        return {
            till: add_totals(s.totals for s in self.shifts if s.till_id == till)
            for till in self.tills
        }

    @property
    def float_fen(self) -> int:
        return sum(s.float_fen for s in self.shifts)

    @property
    def expected_fen(self) -> int:
        return sum(s.expected_fen for s in self.shifts)

    @property
    def counted_fen(self) -> int:
        return sum(s.counted_fen for s in self.shifts)

    @property
    def difference_fen(self) -> int:
        return self.counted_fen - self.expected_fen

    def to_payload(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "closed_at": time_to_payload(self.closed_at),
            "till_id": self.till_id,
            "closed_by_name": self.closed_by_name,
            "shifts": [s.to_payload() for s in self.shifts],
            # Derived, for a reader of the payload; from_payload adds the shifts up again.
            "totals": [t.to_payload() for t in self.totals],
            "expected_fen": self.expected_fen,
            "counted_fen": self.counted_fen,
            "difference_fen": self.difference_fen,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> DayClose:
        return cls(
            day=date.fromisoformat(payload["day"]),
            closed_at=time_from_payload(payload["closed_at"]),
            till_id=str(payload["till_id"]),
            closed_by_name=str(payload["closed_by_name"]),
            shifts=tuple(ShiftSummary.from_payload(s) for s in payload["shifts"]),
        )


def shifts_of_day(
    shifts: Iterable[ShiftSummary], day: date, business_day: BusinessDay = BEIJING_DAY
) -> tuple[ShiftSummary, ...]:
    """The shifts opened on ``day`` (the shop's business day), each once by ``shift_no``
    (the first copy given wins), by till and then by the time they opened."""
    seen: dict[str, ShiftSummary] = {}
    for shift in shifts:
        if business_day.of(shift.opened_at) == day:
            seen.setdefault(shift.shift_no, shift)
    return tuple(sorted(seen.values(), key=lambda s: (s.till_id, s.opened_at, s.shift_no)))


def close_day(
    day: date,
    shifts: Iterable[ShiftSummary],
    *,
    closed_at: datetime,
    till_id: str,
    closed_by_name: str,
    business_day: BusinessDay = BEIJING_DAY,
) -> DayClose:
    """The close of ``day`` over ``shifts`` (this till's first, then the shop server's)."""
    return DayClose(
        day=day,
        closed_at=closed_at,
        till_id=till_id,
        closed_by_name=closed_by_name,
        shifts=shifts_of_day(shifts, day, business_day),
    )

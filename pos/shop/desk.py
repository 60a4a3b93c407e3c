"""Who is at this till: the clerk logged in, the lock, the open shift, approvals, the day's close.

:class:`Desk` is what the till's login, lock, approval, handover and day-close screens call.
It keeps who is logged in (in memory: a restart asks for the login again) and reads the open
shift from the store, so a till that died mid-shift finds its shift again. Every login,
logout, approval, shift opened and closed, and day closed is kept as a
:class:`~pos.store.ClerkAction` (``to_payload()`` for the shop server).

Synchronous and not thread-safe: call it from one thread (the till's database worker). A PIN
check costs an scrypt hash (~50 ms).
"""

from __future__ import annotations

import enum
import json
import re
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from pos.clock import BEIJING_DAY, BusinessDay, Clock, utc_now
from pos.errors import NotAllowed, ShiftError
from pos.shop.accounts import Accounts
from pos.shop.day_close import DayClose, close_day
from pos.shop.handover import (
    MethodTotals,
    ShiftSummary,
    expected_cash,
    method_totals,
    summarise_shift,
)
from pos.shop.permissions import Action, may
from pos.store import NO_STAMP, Account, Shift, Stamp, Store

#: Minutes without a key press before the till locks itself, unless the shop says otherwise.
IDLE_LOCK_MINUTES = 5.0


class ActionKind(enum.StrEnum):
    """What a :class:`~pos.store.ClerkAction` records."""

    LOGIN = "login"
    LOGOUT = "logout"
    APPROVAL = "approval"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    DAY_CLOSE = "day_close"


class IdleLock:
    """When the till locks itself: after ``minutes`` without a key press (0: never).

    Qt-free, on an injected monotonic clock: the window calls :meth:`touch` on every key and
    asks :meth:`is_due` on a timer.
    """

    def __init__(
        self, minutes: float = IDLE_LOCK_MINUTES, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        if minutes < 0:
            raise ValueError("minutes must not be negative")
        self.minutes = minutes
        self._monotonic = monotonic
        self._last = monotonic()

    def touch(self) -> None:
        self._last = self._monotonic()

    def seconds_left(self) -> float | None:
        """Seconds until the lock (0 when due); None when it never locks."""
        if self.minutes == 0:
            return None
        return max(0.0, self.minutes * 60 - (self._monotonic() - self._last))

    def is_due(self) -> bool:
        left = self.seconds_left()
        return left is not None and left <= 0


def new_number(prefix: str, till_id: str, now: datetime) -> str:
    """``S<till><Beijing time><6 hex>``: readable, and unique in the shop for ever (each till
    has its own till_id; the random part keeps two numbers of one second apart)."""
    till = re.sub(r"[^A-Za-z0-9_\-]", "", till_id)[:10] or "POS"
    return f"{prefix}{till}{BEIJING_DAY.local(now):%Y%m%d%H%M%S}{secrets.token_hex(3)}"


class Desk:
    """The till's clerk, lock and shift, over the store (one per till window)."""

    def __init__(
        self,
        store: Store,
        *,
        till_id: str,
        clock: Clock = utc_now,
        business_day: BusinessDay = BEIJING_DAY,
        accounts: Accounts | None = None,
    ) -> None:
        self._store = store
        self.till_id = till_id
        self._clock = clock
        self.business_day = business_day
        self.accounts = accounts if accounts is not None else Accounts(store, clock=clock)
        self.clerk: Account | None = None
        self.is_locked = False

    # -- who is at the till -------------------------------------------------------------------

    def needs_login(self) -> bool:
        """True while the till has accounts and nobody is logged in (a till without
        accounts opens straight to the till, as before clerks)."""
        return self.clerk is None and self.accounts.needs_login()

    def login(self, number: int, pin: str) -> Account:
        """Log in account ``number``; its own open shift here is taken up again.

        PinRefused: a wrong number or PIN, or the gate locked. ShiftError: another clerk's
        shift is open here (they hand over first, or a manager closes it); a manager may
        log in over it.
        """
        account = self.accounts.check(number, pin)
        shift = self.shift
        is_others = shift is not None and shift.clerk_id != account.id
        if shift is not None and is_others and not may(account, Action.CLOSE_OTHER_SHIFT):
            owner = self.accounts.get(shift.clerk_id)
            who = owner.label if owner is not None else str(shift.clerk_id)
            raise ShiftError(f"the shift of {who} is still open at this till")
        self.clerk, self.is_locked = account, False
        self._record(ActionKind.LOGIN, shift=shift)
        return account

    def logout(self) -> None:
        """The clerk leaves; their shift stays open until handed over."""
        if self.clerk is not None:
            self._record(ActionKind.LOGOUT, shift=self.shift)
        self.clerk, self.is_locked = None, False

    def lock(self) -> None:
        """Lock the till (idle, or on a key); the clerk stays logged in."""
        if self.clerk is not None:
            self.is_locked = True

    def unlock(self, pin: str) -> Account:
        """The logged-in clerk's PIN opens the till again. PinRefused otherwise."""
        if self.clerk is None:
            raise ShiftError("nobody is logged in at this till")
        self.clerk = self.accounts.check(self.clerk.number, pin)
        self.is_locked = False
        return self.clerk

    # -- what they may do ---------------------------------------------------------------------

    def may(self, action: Action) -> bool:
        """Whether the till may do ``action`` now without a manager's approval. A till
        without accounts may do everything (as before clerks: the manager PIN guards)."""
        if not self.accounts.needs_login():
            return True
        if self.clerk is None or self.is_locked:
            return False
        return may(self.clerk, action)

    def approve(self, action: Action, manager_pin: str) -> Account:
        """A manager's one-off approval of ``action`` at this till, with their own PIN; the
        clerk stays logged in. Returns the manager; kept as a clerk's action.

        PinRefused: no active manager has this PIN (a try of the till's gate).
        """
        manager = self.accounts.manager_by_pin(manager_pin)
        self._record(
            ActionKind.APPROVAL,
            approver=manager,
            shift=self.shift,
            detail={"action": Action(action).value},
        )
        return manager

    def authorize(self, action: Action, manager_pin: str | None = None) -> Account | None:
        """Who does ``action``: the clerk when their role may (None on a till without
        accounts), else the manager whose PIN approves it. NotAllowed without a PIN."""
        if self.may(action):
            return self.clerk
        if manager_pin is None:
            raise NotAllowed(f"{Action(action).value} needs a manager", action=action)
        return self.approve(action, manager_pin)

    # -- the shift ----------------------------------------------------------------------------

    @property
    def shift(self) -> Shift | None:
        """This till's open shift, as stored."""
        return self._store.open_shift_on(self.till_id)

    def needs_shift(self) -> bool:
        """A clerk is logged in and no shift is open: count the float in (:meth:`open_shift`)."""
        return self.clerk is not None and self.shift is None

    def open_shift(self, float_fen: int) -> Shift:
        """Open the logged-in clerk's shift with the float counted into the drawer."""
        clerk = self._logged_in()
        now = self._clock()
        shift = self._store.open_shift(
            shift_no=new_number("S", self.till_id, now),
            till_id=self.till_id,
            clerk_id=clerk.id,
            float_fen=float_fen,
            now=now,
        )
        self._record(ActionKind.SHIFT_OPEN, shift=shift, detail={"float_fen": float_fen})
        return shift

    def stamp(self) -> Stamp:
        """The clerk and shift to stamp on a deal or a refund made now.

        A till without accounts: nobody (:data:`~pos.store.NO_STAMP`). Otherwise ShiftError
        when nobody is logged in, the till is locked or no shift is open: no sale goes
        unnamed on a till that has clerks.
        """
        if not self.accounts.needs_login():
            return NO_STAMP
        clerk = self._logged_in()
        if self.is_locked:
            raise ShiftError("the till is locked")
        shift = self.shift
        if shift is None:
            raise ShiftError("no shift is open at this till")
        return Stamp(clerk_id=clerk.id, shift_id=shift.id)

    def shift_totals(self) -> tuple[MethodTotals, ...]:
        """The open shift's figures so far, method by method."""
        shift = self._open_shift()
        return method_totals(
            self._store.shift_deal_lines(shift.id), self._store.shift_refund_lines(shift.id)
        )

    def expected_cash(self) -> int:
        """What the drawer should hold now: float + cash taken − cash given back."""
        return expected_cash(self._open_shift().float_fen, self.shift_totals())

    def handover(
        self, counted_fen: int, *, note: str = "", next_clerk: Account | None = None
    ) -> ShiftSummary:
        """Close the open shift (交班) with the cash counted and a note; returns its handover.

        The shift's own clerk hands it over; another needs CLOSE_OTHER_SHIFT (a manager).
        The clerk stays logged in (to log out, or to open the next shift).
        """
        shift = self._open_shift()
        clerk = self._logged_in()
        if shift.clerk_id != clerk.id and not may(clerk, Action.CLOSE_OTHER_SHIFT):
            raise NotAllowed("only a manager closes another clerk's shift", action="handover")
        owner = self.accounts.get(shift.clerk_id)
        assert owner is not None  # a shift's clerk is never deleted (RESTRICT)
        now = self._clock()
        summary = summarise_shift(
            shift,
            owner,
            self._store.shift_deal_lines(shift.id),
            self._store.shift_refund_lines(shift.id),
            counted_fen=counted_fen,
            closed_at=now,
            note=note,
            next_clerk=next_clerk,
            closed_by=clerk,
        )
        self._store.close_shift(
            shift.id,
            counted_fen=counted_fen,
            expected_fen=summary.expected_fen,
            note=summary.note,
            summary=json.dumps(summary.to_payload(), ensure_ascii=False),
            now=now,
        )
        self._record(
            ActionKind.SHIFT_CLOSE,
            shift=shift,
            detail={
                "counted_fen": counted_fen,
                "expected_fen": summary.expected_fen,
                "difference_fen": summary.difference_fen,
            },
        )
        return summary

    # -- the day ------------------------------------------------------------------------------

    def shift_summaries(self, day: date) -> list[ShiftSummary]:
        """This database's closed shifts opened on ``day``, as handed over.

        ShiftError when one of them is still open (it has no handover yet).
        """
        start, end = self.business_day.bounds(day)
        summaries = []
        for shift in self._store.shifts_between(start, end):
            if shift.summary is None:
                raise ShiftError(f"shift {shift.shift_no} of till {shift.till_id} is still open")
            summaries.append(ShiftSummary.from_payload(json.loads(shift.summary)))
        return summaries

    def close_day(
        self,
        day: date,
        others: Iterable[ShiftSummary] = (),
        *,
        manager_pin: str | None = None,
    ) -> DayClose:
        """Close ``day`` (日结) over this till's shifts and ``others`` (the other tills', from
        the shop server); kept once. Needs a manager (or ``manager_pin``'s approval).

        ShiftError: a shift of the day is still open here, or the day is closed already.
        """
        approver = self.authorize(Action.CLOSE_DAY, manager_pin)
        mine = self.shift_summaries(day)
        now = self._clock()
        closed = close_day(
            day,
            [*mine, *others],
            closed_at=now,
            till_id=self.till_id,
            closed_by_name="" if approver is None else approver.name,
            business_day=self.business_day,
        )
        self._store.save_day_close(
            day=day,
            till_id=self.till_id,
            clerk_id=None if approver is None else approver.id,
            summary=json.dumps(closed.to_payload(), ensure_ascii=False),
            now=now,
        )
        self._record(
            ActionKind.DAY_CLOSE,
            detail={"day": day.isoformat(), "shifts": len(closed.shifts)},
        )
        return closed

    def day_close(self, day: date) -> DayClose | None:
        """The close of ``day`` as kept, or None when the day is not closed."""
        kept = self._store.day_close(day)
        return None if kept is None else DayClose.from_payload(json.loads(kept.summary))

    # -- helpers ------------------------------------------------------------------------------

    def _logged_in(self) -> Account:
        if self.clerk is None:
            raise ShiftError("nobody is logged in at this till")
        return self.clerk

    def _open_shift(self) -> Shift:
        shift = self.shift
        if shift is None:
            raise ShiftError("no shift is open at this till")
        return shift

    def _record(
        self,
        kind: ActionKind,
        *,
        approver: Account | None = None,
        shift: Shift | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        now = self._clock()
        self._store.record_action(
            action_no=new_number("A", self.till_id, now),
            kind=kind.value,
            till_id=self.till_id,
            now=now,
            clerk_id=None if self.clerk is None else self.clerk.id,
            approver_id=None if approver is None else approver.id,
            shift_id=None if shift is None else shift.id,
            detail=detail,
        )

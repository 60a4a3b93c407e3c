"""The shop's records: accounts, shifts, day closes (日结) and clerks' actions.

The rules that must hold with two tills on one database are kept here, inside the write
transaction: the first account is a manager and the last active manager stays one; a till
has at most one open shift (a partial unique index, too); a day is closed once.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import peewee

from pos.errors import AccountError, ShiftError, StoreError
from pos.store.base import StoreBase, aware
from pos.store.db import wrapped_errors
from pos.store.models import time_to_db
from pos.store.records import (
    Account,
    ClerkAction,
    DayCloseRecord,
    DealLine,
    RefundLine,
    Role,
    Shift,
)
from pos.store.rows import (
    FROM_LINES,
    FROM_REFUND_LINES,
    account_from_row,
    clerk_action_from_row,
    day_close_from_row,
    line_from_tuple,
    refund_line_from_tuple,
    shift_from_row,
)

NAME_MAX = 32


def _count(value: object, name: str) -> int:
    """Fen that may be zero (a float, a count of the drawer), never negative or a float."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int number of fen, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return value


class ShopBook(StoreBase):
    """The store's accounts, shifts, day closes and actions (mixed into the Store)."""

    # ------------------------------------------------------------ accounts

    def accounts(self, *, include_inactive: bool = False) -> list[Account]:
        """Accounts by number (inactive ones only when asked)."""
        a = self._m.account
        with wrapped_errors("listing accounts"):
            query = a.select()
            if not include_inactive:
                query = query.where(a.is_active == True)  # noqa: E712 (Peewee expression)
            rows = list(query.order_by(a.number))
        return [account_from_row(r) for r in rows]

    def has_accounts(self) -> bool:
        """Whether any account is active (a till without one opens straight to the till)."""
        a = self._m.account
        with wrapped_errors("counting accounts"):
            return bool(a.select().where(a.is_active == True).exists())  # noqa: E712

    def account(self, account_id: int) -> Account | None:
        with wrapped_errors("reading an account"):
            row = self._m.account.get_or_none(self._m.account.id == account_id)
        return None if row is None else account_from_row(row)

    def account_by_number(self, number: int) -> Account | None:
        with wrapped_errors("reading an account"):
            row = self._m.account.get_or_none(self._m.account.number == number)
        return None if row is None else account_from_row(row)

    def add_account(self, *, name: str, pin_hash: str, role: Role, now: datetime) -> Account:
        """A new account with the next free number (1, 2, ...).

        AccountError: the first account is not a manager, or an active account already has
        this name.
        """
        aware(now, "now")
        role = Role(role)
        name = _name(name)
        a = self._m.account
        with self._write("adding an account"):
            if not a.select().exists() and role is not Role.MANAGER:
                raise AccountError("the first account must be a manager")
            self._check_name_free(name, None)
            last = a.select(peewee.fn.MAX(a.number)).scalar()
            row = a.create(
                number=int(last or 0) + 1,
                name=name,
                pin_hash=pin_hash,
                role=role.value,
                is_active=True,
                created_at=now,
                updated_at=now,
            )
        return account_from_row(row)

    def update_account(
        self,
        account_id: int,
        *,
        now: datetime,
        name: str | None = None,
        pin_hash: str | None = None,
        role: Role | None = None,
        is_active: bool | None = None,
    ) -> Account:
        """Rename, change the PIN's hash, the role or the active flag.

        AccountError: no such account, the name is taken, or no active manager would be left.
        """
        aware(now, "now")
        a = self._m.account
        fields: dict[str, Any] = {"updated_at": now}
        if name is not None:
            fields["name"] = _name(name)
        if pin_hash is not None:
            fields["pin_hash"] = pin_hash
        if role is not None:
            fields["role"] = Role(role).value
        if is_active is not None:
            fields["is_active"] = bool(is_active)
        with self._write("updating an account"):
            query = a.select().where(a.id == account_id)
            row = (query if self._is_sqlite else query.for_update()).first()
            if row is None:
                raise AccountError(f"no account {account_id}")
            if "name" in fields:
                self._check_name_free(fields["name"], account_id)
            a.update(**fields).where(a.id == account_id).execute()
            managers = a.select().where(
                (a.role == Role.MANAGER.value) & (a.is_active == True)  # noqa: E712
            )
            if not managers.exists():
                raise AccountError("the shop must keep an active manager")
            row = a.get_by_id(account_id)
        return account_from_row(row)

    def _check_name_free(self, name: str, account_id: int | None) -> None:
        a = self._m.account
        query = a.select().where((a.name == name) & (a.is_active == True))  # noqa: E712
        if account_id is not None:
            query = query.where(a.id != account_id)
        if query.exists():
            raise AccountError(f"an active account is already called {name}")

    # ------------------------------------------------------------ shifts

    def open_shift(
        self, *, shift_no: str, till_id: str, clerk_id: int, float_fen: int, now: datetime
    ) -> Shift:
        """Open a shift with the float counted into the drawer.

        ShiftError: the till already has an open shift. AccountError: no such active account.
        """
        _count(float_fen, "float_fen")
        aware(now, "now")
        s, a = self._m.shift, self._m.account
        try:
            with self._write("opening a shift"):
                if not a.select().where((a.id == clerk_id) & (a.is_active == True)).exists():  # noqa: E712
                    raise AccountError(f"no active account {clerk_id}")
                if self._open_shift_row(till_id) is not None:
                    raise ShiftError(f"till {till_id} already has an open shift")
                row = s.create(
                    shift_no=shift_no,
                    till_id=till_id,
                    clerk=clerk_id,
                    opened_at=now,
                    float_fen=float_fen,
                )
        except StoreError as exc:
            # Another till's connection opened one in between: the partial unique index.
            if isinstance(exc.__cause__, peewee.IntegrityError):
                raise ShiftError(f"till {till_id} already has an open shift") from exc
            raise
        return shift_from_row(row)

    def _open_shift_row(self, till_id: str) -> Any:
        s = self._m.shift
        return s.select().where((s.till_id == till_id) & s.closed_at.is_null()).first()

    def open_shift_on(self, till_id: str) -> Shift | None:
        """The till's open shift, if any."""
        with wrapped_errors("reading the open shift"):
            row = self._open_shift_row(till_id)
        return None if row is None else shift_from_row(row)

    def get_shift(self, shift_id: int) -> Shift | None:
        with wrapped_errors("reading a shift"):
            row = self._m.shift.get_or_none(self._m.shift.id == shift_id)
        return None if row is None else shift_from_row(row)

    def close_shift(
        self,
        shift_id: int,
        *,
        counted_fen: int,
        expected_fen: int,
        note: str,
        summary: str,
        now: datetime,
    ) -> Shift:
        """Close an open shift with the cash counted and expected and its handover
        (``summary``, JSON). ShiftError: no such shift, or it is closed already."""
        _count(counted_fen, "counted_fen")
        if isinstance(expected_fen, bool) or not isinstance(expected_fen, int):
            raise TypeError("expected_fen must be an int number of fen")
        aware(now, "now")
        s = self._m.shift
        with self._write("closing a shift"):
            query = s.select().where(s.id == shift_id)
            row = (query if self._is_sqlite else query.for_update()).first()
            if row is None:
                raise ShiftError(f"no shift {shift_id}")
            if row.closed_at is not None:
                raise ShiftError(f"shift {row.shift_no} is closed already")
            s.update(
                closed_at=now,
                counted_fen=counted_fen,
                expected_fen=expected_fen,
                note=note,
                summary=summary,
            ).where(s.id == shift_id).execute()
            row = s.get_by_id(shift_id)
        return shift_from_row(row)

    def shifts_between(
        self, start: datetime, end: datetime, *, till_id: str | None = None
    ) -> list[Shift]:
        """Shifts opened in ``[start, end)`` (of one till when given), oldest first."""
        aware(start, "start")
        aware(end, "end")
        s = self._m.shift
        with wrapped_errors("listing shifts"):
            query = s.select().where(
                (s.opened_at >= time_to_db(start)) & (s.opened_at < time_to_db(end))
            )
            if till_id is not None:
                query = query.where(s.till_id == till_id)
            rows = list(query.order_by(s.opened_at, s.id))
        return [shift_from_row(r) for r in rows]

    def shift_deal_lines(self, shift_id: int) -> list[DealLine]:
        """The deals stamped with the shift, oldest first (whatever their state)."""
        rows = self._rows(
            "listing the deals of a shift",
            FROM_LINES + ' WHERE d."shift_id" = ? ORDER BY d."created_at", d."id"',
            (shift_id,),
        )
        return [line_from_tuple(values) for values in rows]

    def shift_refund_lines(self, shift_id: int) -> list[RefundLine]:
        """The refunds given in the shift (of deals of any shift), oldest first."""
        rows = self._rows(
            "listing the refunds of a shift",
            FROM_REFUND_LINES + ' WHERE r."shift_id" = ? ORDER BY r."created_at", r."id"',
            (shift_id,),
        )
        return [refund_line_from_tuple(values) for values in rows]

    # ------------------------------------------------------------ the day's close

    def save_day_close(
        self, *, day: date, till_id: str, clerk_id: int | None, summary: str, now: datetime
    ) -> DayCloseRecord:
        """Keep the day's close. ShiftError when the day is closed already (once a day)."""
        aware(now, "now")
        d = self._m.day_close
        try:
            with self._write(f"closing the day {day.isoformat()}"):
                if d.select().where(d.day == day.isoformat()).exists():
                    raise ShiftError(f"the day {day.isoformat()} is closed already")
                row = d.create(
                    day=day.isoformat(),
                    till_id=till_id,
                    clerk=clerk_id,
                    closed_at=now,
                    summary=summary,
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, peewee.IntegrityError):
                raise ShiftError(f"the day {day.isoformat()} is closed already") from exc
            raise
        return day_close_from_row(row)

    def day_close(self, day: date) -> DayCloseRecord | None:
        d = self._m.day_close
        with wrapped_errors("reading the day's close"):
            row = d.get_or_none(d.day == day.isoformat())
        return None if row is None else day_close_from_row(row)

    # ------------------------------------------------------------ clerks' actions

    def record_action(
        self,
        *,
        action_no: str,
        kind: str,
        till_id: str,
        now: datetime,
        clerk_id: int | None = None,
        approver_id: int | None = None,
        shift_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> ClerkAction:
        """Keep one clerk's action (``detail``: plain JSON values, never a PIN or a key)."""
        aware(now, "now")
        c = self._m.clerk_action
        with self._write(f"recording {kind}"):
            row = c.create(
                action_no=action_no,
                at=now,
                till_id=till_id,
                kind=kind,
                clerk=clerk_id,
                approver=approver_id,
                shift=shift_id,
                detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
            )
        return self._actions([row])[0]

    def actions_between(self, start: datetime, end: datetime) -> list[ClerkAction]:
        """Clerks' actions in ``[start, end)``, oldest first."""
        aware(start, "start")
        aware(end, "end")
        c = self._m.clerk_action
        with wrapped_errors("listing clerks' actions"):
            rows = list(
                c.select()
                .where((c.at >= time_to_db(start)) & (c.at < time_to_db(end)))
                .order_by(c.at, c.id)
            )
        return self._actions(rows)

    def _actions(self, rows: list[Any]) -> list[ClerkAction]:
        """Rows named: their clerks and approvers by number and name, shifts by number."""
        if not rows:
            return []
        s = self._m.shift
        with wrapped_errors("reading clerks' actions"):
            accounts = {a.id: a for a in self.accounts(include_inactive=True)}
            wanted = {r.shift_id for r in rows if r.shift_id is not None}
            shifts = (
                {r.id: r.shift_no for r in s.select(s.id, s.shift_no).where(s.id.in_(wanted))}
                if wanted
                else {}
            )
        return [clerk_action_from_row(r, accounts, shifts) for r in rows]


def _name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise AccountError("an account needs a name")
    if len(cleaned) > NAME_MAX:
        raise AccountError(f"a name has at most {NAME_MAX} characters")
    return cleaned

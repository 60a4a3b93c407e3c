"""What the till recorded against what WeChat Pay settled: a Beijing day's bill vs the store.

The bill of day D (§3.8) lists payments by their success time and refunds by the time WeChat
accepted them, both on D in Beijing time. Each row is looked up in the store by its
``out_trade_no`` / ``out_refund_no``; each local payment and refund of D is looked up in the
bill. What differs becomes a :class:`Difference` of one :class:`Kind`.

Payment-code (micropay) orders are rows of the bill like the QR's. One the till reversed
after it was paid is there as REVOKED (§3.10: the money went back): it agrees with a
REVERSED deal, counts in neither side's money, and is never "paid here, missing there".

``pos reconcile --date D`` exit status (:func:`pos.commands.run_reconcile`):

====  ==========================================================================
0     the store and the bill agree (also: no bill and nothing paid here that day)
3     differences were found (listed, or written to ``--output`` as CSV)
4     the bill could not be had: not generated yet ("Bill Creating": WeChat makes it
      from 09:00 the next day, ready after 10:00), older than 3 months, or an answer
      that could not be used
5     WeChat Pay could not be reached (no connection, timeout, HTTP 5xx): try again later
2     bad input or settings (no merchant, no database): one line on stderr
====  ==========================================================================
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from pos.errors import PosError, RequestRejected
from pos.money import format_fen
from pos.reports.day import day_bounds
from pos.reports.progress import WHOLE, Watch
from pos.store import Deal, PaymentMethod, Refund, RefundState, Store
from pos.wechatpay.types import BEIJING, Bill, BillRow

if TYPE_CHECKING:
    pass

__all__ = [
    "EXIT_DIFFERENCES",
    "EXIT_MATCH",
    "EXIT_NO_BILL",
    "EXIT_UNREACHABLE",
    "BillNotReady",
    "Difference",
    "Kind",
    "ReconcileReport",
    "bill_ready_at",
    "fetch_bill",
    "reconcile",
    "reconcile_day",
]

EXIT_MATCH = 0
EXIT_DIFFERENCES = 3
EXIT_NO_BILL = 4
EXIT_UNREACHABLE = 5

#: §3.8: "No Bill Exist" — WeChat has no row for that day.
NO_BILL_ERROR_CODE = "20002"
#: §3.8: the bill of day D is made from 09:00 (Beijing) on D+1; WeChat says to fetch it after
#: 10:00, and answers "Bill Creating" until it is there.
BILL_READY_HOUR = 10
#: How far back a deal paid on D may have been created (a QR lives 2 h, late payments are
#: watched longer; a day is a generous bound).
PAYMENT_LOOKBACK = timedelta(days=1)


class Kind(enum.StrEnum):
    """What differs. The value is the stable English label used in CSV and logs."""

    PAID_THERE_UNKNOWN_HERE = "paid at WeChat, unknown here"
    PAID_THERE_UNPAID_HERE = "paid at WeChat, not paid here"
    PAID_HERE_MISSING_THERE = "paid here, missing at WeChat"
    AMOUNT_MISMATCH = "amount differs"
    STATE_MISMATCH = "state differs"
    REFUND_UNKNOWN_HERE = "refund at WeChat, unknown here"
    REFUND_MISSING_THERE = "refund here, missing at WeChat"
    REFUND_MISMATCH = "refund differs"


@dataclass(frozen=True)
class Difference:
    kind: Kind
    out_trade_no: str
    detail: str
    out_refund_no: str = ""
    local_fen: int | None = None
    wechat_fen: int | None = None
    local_state: str = ""
    wechat_state: str = ""


@dataclass(frozen=True)
class ReconcileReport:
    """The outcome for one Beijing day; ``has_bill`` False when WeChat said "No Bill Exist"."""

    day: date
    has_bill: bool
    differences: tuple[Difference, ...]
    matched_payments: int
    matched_refunds: int
    wechat_paid_fen: int
    wechat_refunded_fen: int
    local_paid_fen: int
    local_refunded_fen: int
    wechat_rows: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_clean(self) -> bool:
        return not self.differences

    @property
    def exit_code(self) -> int:
        return EXIT_MATCH if self.is_clean else EXIT_DIFFERENCES

    def of_kind(self, kind: Kind) -> list[Difference]:
        return [d for d in self.differences if d.kind is kind]

    def summary(self) -> str:
        head = (
            f"{self.day.isoformat()}: WeChat paid {format_fen(self.wechat_paid_fen)}, "
            f"refunded {format_fen(self.wechat_refunded_fen)}; here paid "
            f"{format_fen(self.local_paid_fen)}, refunded "
            f"{format_fen(self.local_refunded_fen)}"
        )
        if self.is_clean:
            return (
                head + f"; all {self.matched_payments} payments and "
                f"{self.matched_refunds} refunds match"
            )
        return head + f"; {len(self.differences)} difference(s)"

    def lines(self) -> list[str]:
        """The report as text, one difference a line."""
        out = [self.summary()]
        if not self.has_bill:
            out.append("WeChat has no bill for this day (No Bill Exist).")
        out.extend(self.notes)
        for d in self.differences:
            number = d.out_trade_no + (f" / {d.out_refund_no}" if d.out_refund_no else "")
            out.append(f"{d.kind.value}: {number}: {d.detail}")
        return out

    def write_csv(self, output: Path | TextIO) -> None:
        """The differences as CSV (UTF-8 with BOM when written to a file, for Excel)."""
        header = (
            "kind",
            "out_trade_no",
            "out_refund_no",
            "here (CNY)",
            "WeChat (CNY)",
            "state here",
            "state at WeChat",
            "detail",
        )

        def money(fen: int | None) -> str:
            return "" if fen is None else format_fen(fen)

        def write(handle: TextIO) -> None:
            writer = csv.writer(handle)
            writer.writerow(header)
            for d in self.differences:
                writer.writerow(
                    (
                        d.kind.value,
                        d.out_trade_no,
                        d.out_refund_no,
                        money(d.local_fen),
                        money(d.wechat_fen),
                        d.local_state,
                        d.wechat_state,
                        d.detail,
                    )
                )

        if isinstance(output, Path):
            with output.open("w", encoding="utf-8-sig", newline="") as handle:
                write(handle)
        else:
            write(output)


def bill_ready_at(day: date) -> datetime:
    """When WeChat's bill of ``day`` can be downloaded: 10:00 Beijing time the next day."""
    return datetime.combine(day + timedelta(days=1), time(BILL_READY_HOUR), tzinfo=BEIJING)


class BillNotReady(PosError):
    """WeChat has not made the bill of ``day`` yet ("Bill Creating"): try after ``ready_at``."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.ready_at = bill_ready_at(day)
        super().__init__(
            f"WeChat makes the bill of {day.isoformat()} the next morning: reconcile after "
            f"{self.ready_at:%Y-%m-%d %H:%M} (Beijing time)"
        )


class BillClient(Protocol):
    def download_bill(
        self, bill_date: date, bill_type: str = "ALL", *, gzip: bool = False
    ) -> Bill: ...


def fetch_bill(client: BillClient, day: date) -> Bill | None:
    """The ALL bill of ``day``; None for "No Bill Exist" (error_code 20002, §3.8).

    "Bill Creating" raises :class:`BillNotReady`; anything else (network) the client's
    WeChatPayError.
    """
    try:
        return client.download_bill(day, "ALL")
    except RequestRejected as exc:
        if exc.error_code == NO_BILL_ERROR_CODE or "no bill exist" in exc.return_msg.lower():
            return None
        if "bill creating" in exc.return_msg.lower():
            raise BillNotReady(day) from exc
        raise


def _on_day(moment: datetime | None, day: date) -> bool:
    return moment is not None and moment.astimezone(BEIJING).date() == day


def _refund_state_agrees(wechat: str, local: RefundState) -> bool:
    """The bill's refund status is a snapshot taken when the bill was made and is never
    updated (§3.8): PROCESSING there may have ended in any way here since."""
    if wechat == "PROCESSING":
        return local in (
            RefundState.PROCESSING,
            RefundState.SUCCESS,
            RefundState.CLOSED,
            RefundState.CHANGE,
        )
    expected = {
        "SUCCESS": RefundState.SUCCESS,
        "REFUNDCLOSE": RefundState.CLOSED,
        "CHANGE": RefundState.CHANGE,
    }.get(wechat)
    return expected is local or (wechat == "CHANGE" and local is RefundState.SUCCESS)


def _is_accepted(refund: Refund) -> bool:
    """WeChat accepted it (so it must be in the bill of the day it was accepted)."""
    return refund.state in (
        RefundState.PROCESSING,
        RefundState.SUCCESS,
        RefundState.CLOSED,
        RefundState.CHANGE,
    )


#: The share of a reconciliation's progress the download takes (thousandths).
DOWNLOAD_SHARE = 300
#: How many bill rows go by between two progress reports (and checks for a cancel).
WATCH_EVERY = 100


def reconcile(
    store: Store, bill: Bill | None, day: date, *, watch: Watch | None = None
) -> ReconcileReport:
    """Compare ``bill`` (None: WeChat has none) with the store for Beijing ``day``.

    With ``watch`` it reports its progress and stops (Cancelled) when cancelled."""
    rows: tuple[BillRow, ...] = bill.rows if bill is not None else ()
    if watch is not None:
        watch.step(DOWNLOAD_SHARE)
    step = _row_counter(watch, len(rows))
    payments = [r for r in rows if r.trade_state != "REFUND"]
    refund_rows = [r for r in rows if r.trade_state == "REFUND"]
    paid = _check_payments(store, payments, day, step)
    refunded = _check_refunds(store, refund_rows, day, step)
    return ReconcileReport(
        day=day,
        has_bill=bill is not None,
        differences=tuple(paid.differences + refunded.differences),
        matched_payments=paid.matched,
        matched_refunds=refunded.matched,
        wechat_paid_fen=sum(r.total_fee for r in payments if r.trade_state == "SUCCESS"),
        wechat_refunded_fen=sum(r.applied_refund_fee for r in refund_rows),
        local_paid_fen=paid.local_fen,
        local_refunded_fen=refunded.local_fen,
        wechat_rows=len(rows),
        notes=tuple(refunded.notes),
    )


@dataclass
class _Checked:
    """What one side of the day (payments or refunds) came to."""

    differences: list[Difference] = field(default_factory=list)
    matched: int = 0
    local_fen: int = 0
    notes: list[str] = field(default_factory=list)


def _row_counter(watch: Watch | None, rows: int) -> Callable[[], None]:
    """Called once per bill row: reports the progress (and checks for a cancel) now and then."""
    total = max(1, rows)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if watch is not None and done % WATCH_EVERY == 0:
            watch.step(DOWNLOAD_SHARE + done * (WHOLE - DOWNLOAD_SHARE) // total)

    return step


def _check_payments(
    store: Store, payments: list[BillRow], day: date, step: Callable[[], None]
) -> _Checked:
    """The bill's payments against the deals paid here on the day, both ways."""
    checked = _Checked()
    start, end = day_bounds(day)
    # Local payments of the day: paid deals whose payment succeeded on D.
    local_paid = [
        d
        for d in store.iter_deals_between(start - PAYMENT_LOOKBACK, end)
        if d.state.is_paid and _on_day(d.paid_at, day) and d.method is not PaymentMethod.CASH
    ]
    checked.local_fen = sum(d.amount_fen for d in local_paid)
    local_by_number = {d.out_trade_no: d for d in local_paid}
    seen: set[str] = set()
    for row in payments:
        step()
        seen.add(row.out_trade_no)
        deal = local_by_number.get(row.out_trade_no) or store.get_deal(row.out_trade_no)
        found = _compare_payment(row, deal)
        if found:
            checked.differences.extend(found)
        else:
            checked.matched += 1
    for deal in local_paid:
        if deal.out_trade_no not in seen:
            checked.differences.append(
                Difference(
                    Kind.PAID_HERE_MISSING_THERE,
                    deal.out_trade_no,
                    f"paid here {format_fen(deal.amount_fen)} at "
                    f"{deal.paid_at.astimezone(BEIJING):%H:%M:%S}"
                    if deal.paid_at
                    else "paid here",
                    local_fen=deal.amount_fen,
                    local_state=deal.state.value,
                )
            )
    return checked


def _check_refunds(
    store: Store, refund_rows: list[BillRow], day: date, step: Callable[[], None]
) -> _Checked:
    """The bill's refunds against the refunds accepted here on the day, both ways."""
    checked = _Checked()
    start, end = day_bounds(day)
    # Cash refunds came from the drawer, never from WeChat Pay: they are not in its bill.
    cash_refunds = {
        r.out_refund_no
        for r in store.refund_lines_between(start, end)
        if r.method is PaymentMethod.CASH
    }
    local_refunds = {
        r.out_refund_no: r
        for r in store.refunds_between(start, end)
        if r.out_refund_no not in cash_refunds
    }
    checked.local_fen = sum(r.refund_fee for r in local_refunds.values() if _is_accepted(r))
    seen: set[str] = set()
    for row in refund_rows:
        step()
        seen.add(row.out_refund_no)
        refund = local_refunds.get(row.out_refund_no) or store.get_refund(row.out_refund_no)
        found = _compare_refund(row, refund)
        if found:
            checked.differences.extend(found)
        else:
            checked.matched += 1
    for refund in local_refunds.values():
        if refund.out_refund_no in seen:
            continue
        if _is_accepted(refund):
            checked.differences.append(
                Difference(
                    Kind.REFUND_MISSING_THERE,
                    refund.out_trade_no,
                    f"refund of {format_fen(refund.refund_fee)} is {refund.state.value} here",
                    out_refund_no=refund.out_refund_no,
                    local_fen=refund.refund_fee,
                    local_state=refund.state.value,
                )
            )
        elif refund.state is RefundState.PENDING:
            checked.notes.append(
                f"refund {refund.out_refund_no} of {refund.out_trade_no} is still "
                f"unconfirmed here (outcome unknown); not in the bill"
            )
    return checked


def _compare_payment(row: BillRow, deal: Deal | None) -> list[Difference]:
    number = row.out_trade_no
    there = row.trade_state
    if deal is None:
        return [
            Difference(
                Kind.PAID_THERE_UNKNOWN_HERE,
                number,
                f"WeChat {row.transaction_id} {format_fen(row.total_fee)} at "
                f"{row.trade_time:%H:%M:%S}; no such deal here",
                wechat_fen=row.total_fee,
                wechat_state=there,
            )
        ]
    if deal.method is PaymentMethod.CASH:
        # A number the till gave a cash sale, in WeChat's bill: nothing of ours sent it.
        return [
            Difference(
                Kind.STATE_MISMATCH,
                number,
                f"{there} at WeChat ({format_fen(row.total_fee)}); a cash sale here",
                local_fen=deal.amount_fen,
                wechat_fen=row.total_fee,
                local_state=deal.state.value,
                wechat_state=there,
            )
        ]
    if there == "SUCCESS" and not deal.state.is_paid:
        return [
            Difference(
                Kind.PAID_THERE_UNPAID_HERE,
                number,
                f"WeChat took {format_fen(row.total_fee)}; the deal is {deal.state.value} here",
                local_fen=deal.amount_fen,
                wechat_fen=row.total_fee,
                local_state=deal.state.value,
                wechat_state=there,
            )
        ]
    found: list[Difference] = []
    if row.total_fee != deal.amount_fen:
        found.append(
            Difference(
                Kind.AMOUNT_MISMATCH,
                number,
                f"here {format_fen(deal.amount_fen)}, WeChat {format_fen(row.total_fee)}",
                local_fen=deal.amount_fen,
                wechat_fen=row.total_fee,
                local_state=deal.state.value,
                wechat_state=there,
            )
        )
    if there != "SUCCESS" and deal.state.is_paid:
        # e.g. REVOKED at WeChat (the money went back) while the till counts it as paid.
        found.append(
            Difference(
                Kind.STATE_MISMATCH,
                number,
                f"{there} at WeChat, {deal.state.value} here",
                local_fen=deal.amount_fen,
                wechat_fen=row.total_fee,
                local_state=deal.state.value,
                wechat_state=there,
            )
        )
    elif deal.transaction_id and row.transaction_id and deal.transaction_id != row.transaction_id:
        found.append(
            Difference(
                Kind.STATE_MISMATCH,
                number,
                f"transaction {deal.transaction_id} here, {row.transaction_id} at WeChat",
                local_fen=deal.amount_fen,
                wechat_fen=row.total_fee,
                local_state=deal.state.value,
                wechat_state=there,
            )
        )
    return found


def _compare_refund(row: BillRow, refund: Refund | None) -> list[Difference]:
    number, refund_no = row.out_trade_no, row.out_refund_no
    if refund is None:
        return [
            Difference(
                Kind.REFUND_UNKNOWN_HERE,
                number,
                f"WeChat refunded {format_fen(row.applied_refund_fee)} "
                f"({row.refund_status}); no such refund here",
                out_refund_no=refund_no,
                wechat_fen=row.applied_refund_fee,
                wechat_state=row.refund_status,
            )
        ]
    problems = []
    if refund.out_trade_no != number:
        problems.append(f"for deal {refund.out_trade_no} here")
    if refund.refund_fee != row.applied_refund_fee:
        problems.append(
            f"here {format_fen(refund.refund_fee)}, WeChat {format_fen(row.applied_refund_fee)}"
        )
    if not _refund_state_agrees(row.refund_status, refund.state):
        problems.append(f"{refund.state.value} here, {row.refund_status} at WeChat")
    if not problems:
        return []
    return [
        Difference(
            Kind.REFUND_MISMATCH,
            number,
            "; ".join(problems),
            out_refund_no=refund_no,
            local_fen=refund.refund_fee,
            wechat_fen=row.applied_refund_fee,
            local_state=refund.state.value,
            wechat_state=row.refund_status,
        )
    ]


def reconcile_day(
    store: Store, client: BillClient, day: date, *, watch: Watch | None = None
) -> ReconcileReport:
    """Download the bill of ``day`` and reconcile it (network: run it on a worker).

    A cancel during the download is acted on when the download returns (an HTTP call in
    flight is not interrupted); the comparison stops within :data:`WATCH_EVERY` rows."""
    if watch is not None:
        watch.step(0)
    bill = fetch_bill(client, day)
    report = reconcile(store, bill, day, watch=watch)
    if watch is not None:
        watch.step(WHOLE)
    return report

"""Deals left unfinished and notifications for deals no checkout watches: recovery, alarms."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from pos.checkout.client import PayClient
from pos.checkout.messages import NETWORK_COMMANDS, CheckoutConfig, Command
from pos.checkout.session import CheckoutSession
from pos.clock import Clock
from pos.errors import (
    StoreError,
)
from pos.store import ALARM_PREFIX, Deal, DealState
from pos.wechatpay.types import (
    PaymentNotification,
)

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the window imports this package before its paint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryResult:
    """What start-up recovery did with one unfinished deal."""

    deal: Deal
    #: a session still watching the deal (CLOSING: close not yet allowed or not yet
    #: confirmed, or WeChat Pay unreachable), for the caller to keep running; None when the
    #: deal reached its end
    session: CheckoutSession | None
    #: the session's pending commands (network ones with their delays) and what to show
    commands: tuple[Command, ...]


def recover_unfinished(
    *,
    store: Store,
    client: PayClient,
    config: CheckoutConfig,
    clock: Clock,
    max_calls_per_deal: int = 8,
) -> list[RecoveryResult]:
    """Reconcile every unfinished deal with orderquery, synchronously, one after the other.

    The window does not wait for this: it runs the same checkouts (:meth:`CheckoutSession.resume`)
    on its workers and opens the till after a short budget (``pos.ui.session``).

    Performs, for each deal, the network commands due now (the query, a close already
    allowed, the query confirming it); a deal that still needs watching comes back with its
    session and its pending commands. A deal left CREATED that WeChat Pay does not know
    becomes FAILED; an unpaid one is closed (its clerk's session died with the program),
    or reversed for a payment code (§3.10, its reverse waiting until the micropay call is
    ``reverse_min_age`` old); a paid one becomes PAID with ``is_late`` so that the clerk
    sees it. A payment-code deal left REVERSING is reversed again.
    """
    results: list[RecoveryResult] = []
    for deal in store.unfinished_deals():
        session = CheckoutSession.resume(
            deal, store=store, client=client, config=config, clock=clock
        )
        commands = session.start()
        for _ in range(max_calls_per_deal):
            due = [c for c in commands if isinstance(c, NETWORK_COMMANDS) and c.delay <= 0]
            if not due or session.is_finished:
                break
            rest = [c for c in commands if c not in due]
            for command in due:
                rest += session.perform(command)
            commands = rest
        live = [
            c
            for c in commands
            if not (isinstance(c, NETWORK_COMMANDS) and not session.machine.is_current(c))
        ]
        results.append(
            RecoveryResult(session.deal, None if session.is_finished else session, tuple(live))
        )
    return results


def notification_alarm(deal: Deal, notification: PaymentNotification) -> str | None:
    """§5.2 step 6: why a verified notification for ``deal`` must not count, or None.

    Another ``total_fee`` than the deal's amount, or another ``transaction_id`` than the one
    already recorded: the deal is never marked paid by it, and a person must look.
    """
    if notification.total_fee != deal.amount_fen:
        return (
            f"{ALARM_PREFIX}WeChat Pay notified {notification.total_fee} fen paid, the deal is "
            f"{deal.amount_fen} fen; not marked paid"
        )
    if deal.transaction_id is not None and deal.transaction_id != notification.transaction_id:
        return (
            f"{ALARM_PREFIX}WeChat Pay notified transaction {notification.transaction_id}, the "
            f"deal was paid by {deal.transaction_id}; not counted"
        )
    return None


def record_alarm(store: Store, deal: Deal, text: str, *, now: datetime) -> Deal:
    """Raise the alarm of :func:`notification_alarm` (§5.2): logged at ERROR with the
    ``out_trade_no``, kept on the deal (:attr:`Deal.alarm`) and in its history. The deal's
    state does not move. A deal whose alarm could not be stored is returned as it was."""
    log.error("%s", text, extra={"out_trade_no": deal.out_trade_no})
    try:
        return store.transition(
            deal.out_trade_no,
            deal.state,
            reason="alarm: notification refused",
            now=now,
            last_error=text,
        )
    except StoreError as exc:
        log.error(
            "the alarm could not be stored: %s", exc, extra={"out_trade_no": deal.out_trade_no}
        )
        return replace(deal, last_error=text)


def apply_payment_notification(
    store: Store, notification: PaymentNotification, *, now: datetime
) -> Deal | None:
    """Record a verified notification for a deal no live session owns (§5.2 steps 5–7).

    Returns the stored deal when it was (or already is) marked paid by it; None when the
    deal is unknown, being or already reversed, or the amount or transaction_id does not
    match (do not mark paid; alert).
    A deal that was CLOSING, CLOSED or FAILED is marked ``is_late``.
    """
    deal = store.get_deal(notification.out_trade_no)
    if deal is None or notification.total_fee != deal.amount_fen:
        return None
    if deal.state in (DealState.REVERSING, DealState.REVERSED):
        # A reverse was decided (it gives a paid order's money back, §3.10): the deal is
        # settled by it, never marked paid on the side.
        return None
    if deal.transaction_id is not None and deal.transaction_id != notification.transaction_id:
        return None
    if deal.state.is_paid:
        return deal
    is_late = deal.state in (DealState.CLOSING, DealState.CLOSED, DealState.FAILED)
    return store.transition(
        deal.out_trade_no,
        DealState.PAID,
        reason="late payment (notification)" if is_late else "paid (notification)",
        now=now,
        transaction_id=notification.transaction_id,
        paid_at=notification.time_end,
        bank_type=notification.bank_type,
        is_late=is_late,
    )

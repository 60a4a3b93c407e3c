"""A payment notification passed on by the relay: verified with our own key, then applied.

The relay is a transport, not an authority (ARCHITECTURE "Truth", §5.2): what it passes on
counts only once its signature checks with the merchant key and its ``out_trade_no`` and
``total_fee`` match the stored deal. :func:`apply_relayed_payment` does that and says what
came of it as one of the typed outcomes below; the till shows each its own way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pos.checkout.messages import Command, PaymentNotified
from pos.checkout.recovery import apply_payment_notification, notification_alarm, record_alarm
from pos.checkout.session import CheckoutSession
from pos.errors import NotificationError
from pos.store import Deal
from pos.wechatpay.notify import parse_payment_notification
from pos.wechatpay.types import Merchant, SignType

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the window imports this package before its paint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnknownDeal:
    """No deal of this till has the notification's number (another till's, or a stranger's)."""

    out_trade_no: str


@dataclass(frozen=True)
class Refused:
    """The notification did not verify (signature, merchant, number): nothing changed."""

    reason: str


@dataclass(frozen=True)
class Handled:
    """The deal's own checkout took the notification; carry out its commands."""

    commands: tuple[Command, ...]


@dataclass(frozen=True)
class Alarmed:
    """Another amount or transaction paid for a deal no checkout watches (§5.2 step 6): not
    counted; the alarm is stored on the deal, and a person must look."""

    deal: Deal


@dataclass(frozen=True)
class AlreadyPaid:
    """A repeat for a deal already paid by this transaction: nothing changes."""

    deal: Deal


@dataclass(frozen=True)
class PaidLate:
    """A deal no checkout watched any more (closed, failed, or left at a restart) is paid
    after all: stored PAID (``is_late`` when the clerk had given up on it)."""

    deal: Deal


RelayedPayment = UnknownDeal | Refused | Handled | Alarmed | AlreadyPaid | PaidLate


def apply_relayed_payment(
    raw_xml: str,
    out_trade_no: str,
    *,
    store: Store,
    merchant: Merchant,
    session: CheckoutSession | None,
    now: datetime,
) -> RelayedPayment:
    """Verify a relayed payment notification for deal ``out_trade_no`` and apply it.

    ``session`` is the deal's checkout when one still watches it: the notification is then
    its event (the machine compares the amount). Otherwise it is recorded here: an alarm for
    another amount, nothing for a repeat, a late payment for a deal written off. Writes the
    store: run it where the store is written (the window's database worker).
    """
    deal = session.deal if session is not None else store.get_deal(out_trade_no)
    if deal is None:
        return UnknownDeal(out_trade_no)
    try:
        ordered_with: SignType | None = SignType(deal.sign_type)
    except ValueError:
        ordered_with = None
    try:
        notification = parse_payment_notification(
            raw_xml.encode("utf-8"), merchant, ordered_with=ordered_with
        )
    except NotificationError as exc:
        log.warning(
            "relayed notification refused: %s", exc.reason, extra={"out_trade_no": out_trade_no}
        )
        return Refused(exc.reason)
    if notification.out_trade_no != deal.out_trade_no:
        return Refused("the notification is for another deal")
    if session is not None:
        return Handled(tuple(session.handle(PaymentNotified(notification))))
    alarm = notification_alarm(deal, notification)
    if alarm is not None:
        return Alarmed(record_alarm(store, deal, alarm, now=now))
    if deal.state.is_paid:
        return AlreadyPaid(deal)  # the relay repeats itself; nothing changes
    stored = apply_payment_notification(store, notification, now=now)
    return UnknownDeal(out_trade_no) if stored is None else PaidLate(stored)

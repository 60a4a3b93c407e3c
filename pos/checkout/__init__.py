"""One payment from Charge to its end: a plain state machine, and the session that runs it.

The package's rooms: :mod:`~pos.checkout.messages` (timings, states, notices, events and
commands), :mod:`~pos.checkout.native` (the QR payment's machine),
:mod:`~pos.checkout.code` (the customer's payment code: micropay, password wait, reverse),
:mod:`~pos.checkout.paycode` (a code's wallet, mask, fingerprint; a scanner gun told apart),
:mod:`~pos.checkout.session` (runs a machine against the client and the store),
:mod:`~pos.checkout.client` (the calls a payment makes), :mod:`~pos.checkout.recovery`
(unfinished deals, notifications for deals no checkout watches) and
:mod:`~pos.checkout.relayed` (a relayed notification verified and applied, with typed
outcomes), :mod:`~pos.checkout.cash` (a cash sale and its refunds: no call to WeChat Pay).
Import from here.

Two layers (STYLE rule 3):

* :class:`Checkout` is the machine. Events in (:meth:`Checkout.handle`), commands out.
  It does no I/O, never sleeps, starts no thread; time comes from the injected ``clock``.
* :class:`CheckoutSession` carries the commands out, synchronously, with a
  :class:`PayClient` (``pos.wechatpay.client.WeChatPayClient`` or a fake) and the
  :class:`~pos.store.Store`. Store writes (:class:`Transition`) are applied inside the
  session before anything else is returned; the caller gets only the commands it must act
  on: show something (``Show*``/``HideQr``), call WeChat Pay after a delay
  (:class:`CreateOrder`, :class:`QueryOrder`, :class:`CloseOrder` -> hand back to
  :meth:`CheckoutSession.perform` once ``delay`` seconds have passed) and :class:`Finish`.

:meth:`CheckoutSession.perform` is :meth:`CheckoutSession.call` (the network call, its
answer as an event; no store) then :meth:`CheckoutSession.handle` (the store's writes). The
Qt layer schedules each network command with a QTimer, calls on a network worker and
handles the answer on its one database worker (never on the main thread); tests and
benchmarks use :meth:`CheckoutSession.run`, which loops with an injected ``sleep``.

A payment code runs the same way: :meth:`CheckoutSession.begin_code` (instead of
:meth:`CheckoutSession.begin`) stores the deal and holds the scanned code; its machine
(:class:`CodeCheckout`, states in :mod:`pos.checkout.code`) adds the network commands
:class:`Micropay` and :class:`ReverseOrder` (all of them are in :data:`NETWORK_COMMANDS`),
:class:`ShowPasswordWait`, and :class:`SendReport`, which the caller hands to
:meth:`CheckoutSession.send_report` in the background once the rest is shown.

States of the machine (the deal's stored :class:`~pos.store.DealState` in brackets)::

    NEW ──start──► CREATING [CREATED] ──order created──► WAITING [ORDERED] (QR shown, poll 2 s)
                     │  ▲                                  │  │
      outcome unknown│  │ORDERNOTEXIST / NOTPAY:            │  └─ paid (verified query or
                     ▼  │resend the identical order         │     notification) ──► PAID [PAID]
                   CONFIRMING [CREATED] ── paid ──► PAID     │
                     │                                     timeout / cancel
                     │ definite failure ──► FAILED [FAILED]   ▼
                     └── timeout / cancel ─────────────► CLOSING [CLOSING]: HideQr, closeorder
                                                          (after close_min_age, retried until done),
                                                          query every watch interval
                                                             │           │
                                          WeChat says CLOSED ▼           ▼ paid
                                                  CLOSED [CLOSED]    PAID [PAID, is_late]
                                                                     + ShowLatePayment

    RECOVERING (start-up, a deal left unfinished): one orderquery, then
      paid ─► PAID (is_late) · NOTPAY ─► CLOSING · CLOSED ─► CLOSED · ORDERNOTEXIST ─► FAILED

    CLOSING or RECOVERING, orderquery says paid with another total_fee ─► NEEDS_ATTENTION
      (never marked paid; the stored deal stays unfinished with last_error, alarm shown)

Commands (out): Transition (applied by the session, never returned), CreateOrder,
QueryOrder, CloseOrder (each with ``delay`` seconds and a ``seq``; a command superseded by
a newer one is dropped by :meth:`CheckoutSession.perform`), ShowQr, HideQr, ShowPaid,
ShowLatePayment, ShowMessage (a :class:`Notice` code + English text + ``is_alarm``), Finish.
Events (in): OrderCreated/OrderCreateFailed, OrderQueried/OrderQueryFailed,
OrderClosed/OrderCloseFailed (made by the session from the client's answers),
PaymentNotified, CancelRequested, Tick.

Rules encoded here (protocol reference sections in brackets):

* the deal is stored CREATED with its out_trade_no before any network call, and every
  retry of unifiedorder sends the same parameters, time_start and time_expire included (§4.6);
* an unknown outcome never mints a new number: query; ORDERNOTEXIST -> resend (§4.4);
* paid only on a verified result whose total_fee equals the deal's amount (§5.2);
* closeorder not before ``close_min_age`` (§3.3), retried until WeChat Pay agrees, and the
  order is watched until it is CLOSED or paid; ORDERPAID on close -> query -> late payment.
"""

from __future__ import annotations

from pos.checkout.cash import CashSale, change_due, refund_cash, sell_for_cash
from pos.checkout.client import (
    SPBILL_CREATE_IP,
    CheckoutClient,
    NativeOrderClient,
    PayClient,
    fits_body,
    order_body,
)
from pos.checkout.code import CodeCheckout
from pos.checkout.messages import (
    NETWORK_COMMANDS,
    REFUSAL_NOTICES,
    CancelRequested,
    CheckoutConfig,
    CloseOrder,
    Command,
    CreateOrder,
    Event,
    Finish,
    HideQr,
    Micropay,
    MicropayAnswered,
    MicropayFailed,
    NetworkCommand,
    Notice,
    OrderClosed,
    OrderCloseFailed,
    OrderCreated,
    OrderCreateFailed,
    OrderQueried,
    OrderQueryFailed,
    OrderReversed,
    OrderReverseFailed,
    PaymentNotified,
    QueryOrder,
    ReverseOrder,
    SendReport,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    ShowPasswordWait,
    ShowQr,
    State,
    Tick,
    Transition,
)
from pos.checkout.native import Checkout
from pos.checkout.recovery import (
    RecoveryResult,
    apply_payment_notification,
    notification_alarm,
    record_alarm,
    recover_unfinished,
)
from pos.checkout.relayed import (
    Alarmed,
    AlreadyPaid,
    Handled,
    PaidLate,
    Refused,
    RelayedPayment,
    UnknownDeal,
    apply_relayed_payment,
)
from pos.checkout.session import CheckoutSession

__all__ = [
    "NETWORK_COMMANDS",
    "REFUSAL_NOTICES",
    "SPBILL_CREATE_IP",
    "Alarmed",
    "AlreadyPaid",
    "CancelRequested",
    "CashSale",
    "Checkout",
    "CheckoutClient",
    "CheckoutConfig",
    "CheckoutSession",
    "CloseOrder",
    "CodeCheckout",
    "Command",
    "CreateOrder",
    "Event",
    "Finish",
    "Handled",
    "HideQr",
    "Micropay",
    "MicropayAnswered",
    "MicropayFailed",
    "NativeOrderClient",
    "NetworkCommand",
    "Notice",
    "OrderCloseFailed",
    "OrderClosed",
    "OrderCreateFailed",
    "OrderCreated",
    "OrderQueried",
    "OrderQueryFailed",
    "OrderReverseFailed",
    "OrderReversed",
    "PaidLate",
    "PayClient",
    "PaymentNotified",
    "QueryOrder",
    "RecoveryResult",
    "Refused",
    "RelayedPayment",
    "ReverseOrder",
    "SendReport",
    "ShowLatePayment",
    "ShowMessage",
    "ShowPaid",
    "ShowPasswordWait",
    "ShowQr",
    "State",
    "Tick",
    "Transition",
    "UnknownDeal",
    "apply_payment_notification",
    "apply_relayed_payment",
    "change_due",
    "fits_body",
    "notification_alarm",
    "order_body",
    "record_alarm",
    "recover_unfinished",
    "refund_cash",
    "sell_for_cash",
]

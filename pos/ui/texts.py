"""The clerk's words for the core's states, notices and errors: one table each, translated late.

Signals carry the core's enums (:class:`~pos.checkout.Notice`, :class:`~pos.checkout.State`,
:class:`~pos.store.DealState`, :class:`~pos.store.RefundState`), never their words nor their
values as strings; a widget asks here for the words when it shows them. The tables are marked
with ``QT_TRANSLATE_NOOP`` for lupdate, under the enum's name as context (``Notice``,
``DealState``, ``RefundState``); the till's own sentences keep the context of the window that
says them (``CashierWindow``). The Chinese is in ``resources/i18n/pos_zh_CN.ts``.

The checkout's tables are made at their first use: the checkout loads with the services,
after the window's first paint, and a notice or an ending only comes after that.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos.errors import AmountError, PosError
from pos.money import format_fen
from pos.ui.wechat_words import error_text as wechat_error_text

if TYPE_CHECKING:
    from pos.checkout import Notice, State
    from pos.store import Deal
    from pos.store.records import DealState, PaymentMethod, RefundState

# The store's records load with the services, after the window's first paint: the tables of
# their states are made at their first use, as the checkout's are.


@functools.cache
def deal_state_words() -> dict[DealState, str]:
    """A deal's state in a word (the till's list of today's deals)."""
    from pos.store.records import DealState

    return {
        state: str(text)
        for state, text in (
            (DealState.CREATED, QT_TRANSLATE_NOOP("DealState", "new")),
            (DealState.ORDERED, QT_TRANSLATE_NOOP("DealState", "waiting")),
            (DealState.CLOSING, QT_TRANSLATE_NOOP("DealState", "closing")),
            (DealState.PAID, QT_TRANSLATE_NOOP("DealState", "paid")),
            (DealState.CLOSED, QT_TRANSLATE_NOOP("DealState", "not paid")),
            (DealState.FAILED, QT_TRANSLATE_NOOP("DealState", "failed")),
            (DealState.PARTIALLY_REFUNDED, QT_TRANSLATE_NOOP("DealState", "part refunded")),
            (DealState.REFUNDED, QT_TRANSLATE_NOOP("DealState", "refunded")),
            (DealState.REVERSING, QT_TRANSLATE_NOOP("DealState", "reversing")),
            (DealState.REVERSED, QT_TRANSLATE_NOOP("DealState", "reversed")),
        )
    }


@functools.cache
def refund_state_words() -> dict[RefundState, str]:
    """A refund's state in a word."""
    from pos.store.records import RefundState

    return {
        state: str(text)
        for state, text in (
            (RefundState.PENDING, QT_TRANSLATE_NOOP("RefundState", "unconfirmed")),
            (RefundState.PROCESSING, QT_TRANSLATE_NOOP("RefundState", "processing")),
            (RefundState.SUCCESS, QT_TRANSLATE_NOOP("RefundState", "refunded")),
            (RefundState.CLOSED, QT_TRANSLATE_NOOP("RefundState", "refund closed")),
            (RefundState.CHANGE, QT_TRANSLATE_NOOP("RefundState", "refund abnormal")),
            (RefundState.FAILED, QT_TRANSLATE_NOOP("RefundState", "refund failed")),
        )
    }


@functools.cache
def method_words() -> dict[PaymentMethod, str]:
    """How the customer paid, in a word (the till's list, the manager's table; as the
    exports' 支付方式 column says it)."""
    from pos.store.records import PaymentMethod

    return {
        method: str(text)
        for method, text in (
            (PaymentMethod.NATIVE, QT_TRANSLATE_NOOP("PaymentMethod", "QR")),
            (PaymentMethod.MICROPAY, QT_TRANSLATE_NOOP("PaymentMethod", "payment code")),
            (PaymentMethod.CASH, QT_TRANSLATE_NOOP("PaymentMethod", "cash")),
        )
    }


#: The clerk's words for each rule of :func:`pos.money.parse_amount`, by the error's code
#: (%1 in over_limit: the limit).
AMOUNT_WORDS: dict[str, str] = {
    code: str(text)
    for code, text in (
        ("empty", QT_TRANSLATE_NOOP("CashierWindow", "Type an amount first.")),
        ("not_a_number", QT_TRANSLATE_NOOP("CashierWindow", "That is not an amount.")),
        ("negative", QT_TRANSLATE_NOOP("CashierWindow", "The amount cannot be negative.")),
        ("zero", QT_TRANSLATE_NOOP("CashierWindow", "The amount must be more than zero.")),
        ("too_many_decimals", QT_TRANSLATE_NOOP("CashierWindow", "At most two decimals (fen).")),
        ("over_limit", QT_TRANSLATE_NOOP("CashierWindow", "Over the limit of %1 per payment.")),
    )
}

#: A payment code refused (%1 the amount, %2 the refusal's words).
_NOT_CHARGED = str(QT_TRANSLATE_NOOP("CashierWindow", "Not charged (%1): %2"))
#: A payment code's reverse left to the next start (its deal stays REVERSING).
_REVERSE_UNCONFIRMED = str(
    QT_TRANSLATE_NOOP(
        "CashierWindow",
        "Payment of %1: the reverse is not confirmed yet; it is tried again at the next "
        "start. Tell the manager.",
    )
)

_BUG = str(
    QT_TRANSLATE_NOOP(
        "Errors", "Program error; it is in the log. The till goes on. Call for support."
    )
)

K = TypeVar("K")


def _strings(table: dict[K, object]) -> dict[K, str]:
    return {key: str(text) for key, text in table.items()}


@functools.cache
def notice_words() -> dict[Notice, str]:
    """What the till says while a deal is on screen, by the checkout's notice. A notice without
    words here (PAID, CLOSED...) is shown by its own signal (the paid screen, the ending)."""
    from pos.checkout import Notice

    return _strings(
        {
            Notice.CREATING_ORDER: QT_TRANSLATE_NOOP("Notice", "Creating the order…"),
            Notice.WAITING_FOR_SCAN: QT_TRANSLATE_NOOP(
                "Notice", "Waiting for the customer to scan and pay…"
            ),
            Notice.NO_ANSWER: QT_TRANSLATE_NOOP(
                "Notice", "No answer from WeChat Pay, still checking…"
            ),
            Notice.CHECKING_ORDER: QT_TRANSLATE_NOOP(
                "Notice", "Checking the order with WeChat Pay…"
            ),
            Notice.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
                "Notice", "A reply failed its signature check; still checking with WeChat Pay…"
            ),
            Notice.TIMED_OUT: QT_TRANSLATE_NOOP("Notice", "Time is up; closing the order…"),
            Notice.CANCELLED: QT_TRANSLATE_NOOP("Notice", "Cancelled; closing the order…"),
            Notice.CLOSE_RETRY: QT_TRANSLATE_NOOP("Notice", "Closing the order, trying again…"),
            Notice.AMOUNT_MISMATCH: QT_TRANSLATE_NOOP(
                "Notice", "A payment notice with a wrong amount was ignored. Tell the manager."
            ),
            Notice.STORE_ERROR: QT_TRANSLATE_NOOP(
                "Notice",
                "The local database could not be written! Hand nothing over until it is fixed.",
            ),
            **code_notice_words(),
        }
    )


@functools.cache
def code_notice_words() -> dict[Notice, object]:
    """The customer's payment code (pos.checkout.code): the wait, the reverse, and every
    refusal of §3.9 in the clerk's words (what to ask the customer to do)."""
    from pos.checkout import Notice

    return {
        Notice.CHARGING_CODE: QT_TRANSLATE_NOOP("Notice", "Charging the payment code…"),
        Notice.WAITING_FOR_PASSWORD: QT_TRANSLATE_NOOP(
            "Notice", "Ask the customer to enter the payment password on their phone"
        ),
        Notice.PASSWORD_TIMED_OUT: QT_TRANSLATE_NOOP(
            "Notice", "No password in time: the payment is being reversed…"
        ),
        Notice.OUTCOME_UNCLEAR: QT_TRANSLATE_NOOP(
            "Notice", "No clear answer from WeChat Pay in time: the payment is being reversed…"
        ),
        Notice.PAYMENT_FAILED: QT_TRANSLATE_NOOP(
            "Notice", "The payment failed: it is being reversed…"
        ),
        Notice.REVERSE_CANCELLED: QT_TRANSLATE_NOOP(
            "Notice", "Cancelled: the payment is being reversed…"
        ),
        Notice.REVERSING_AFTER_RESTART: QT_TRANSLATE_NOOP(
            "Notice", "A payment code from before the restart is being reversed…"
        ),
        Notice.REVERSE_RETRY: QT_TRANSLATE_NOOP("Notice", "Reversing the payment again…"),
        Notice.REVERSED: QT_TRANSLATE_NOOP("Notice", "Reversed: nothing was charged."),
        Notice.REVERSE_REFUSED: QT_TRANSLATE_NOOP(
            "Notice", "WeChat Pay refused the reverse; checking the order…"
        ),
        Notice.REVERSE_UNCONFIRMED: QT_TRANSLATE_NOOP(
            "Notice",
            "The reverse is not confirmed; it is tried again at the next start. Tell the manager.",
        ),
        Notice.NOTHING_CHARGED: QT_TRANSLATE_NOOP(
            "Notice", "No payment was made; nothing was charged."
        ),
        Notice.CODE_OTHER_WALLET: QT_TRANSLATE_NOOP(
            "Notice",
            "This till takes WeChat Pay only: ask the customer for the WeChat payment code.",
        ),
        Notice.CODE_NOT_A_CODE: QT_TRANSLATE_NOOP(
            "Notice", "That is not a payment code: scan the customer's WeChat payment code."
        ),
        Notice.CODE_REUSED: QT_TRANSLATE_NOOP(
            "Notice", "This payment code was used before: ask the customer to refresh it."
        ),
        Notice.CODE_NOT_ENOUGH: QT_TRANSLATE_NOOP(
            "Notice", "Not enough balance: ask the customer to switch cards or pay another way."
        ),
        Notice.CODE_EXPIRED: QT_TRANSLATE_NOOP(
            "Notice", "The payment code has expired: ask the customer to refresh it."
        ),
        Notice.CODE_ALREADY_USED: QT_TRANSLATE_NOOP(
            "Notice", "The payment code is wrong or used: ask the customer to refresh it."
        ),
        Notice.CODE_INVALID: QT_TRANSLATE_NOOP(
            "Notice", "Not a valid WeChat payment code: scan it again."
        ),
        Notice.CODE_CARD_NOT_SUPPORTED: QT_TRANSLATE_NOOP(
            "Notice",
            "This card is not accepted: ask the customer to switch cards or pay another way.",
        ),
        Notice.CODE_BUYER_MISMATCH: QT_TRANSLATE_NOOP(
            "Notice", "Another customer already tried to pay this order: charge again."
        ),
        Notice.CODE_ORDER_PAID: QT_TRANSLATE_NOOP(
            "Notice", "WeChat Pay says the order is already paid; checking…"
        ),
        Notice.CODE_ORDER_CLOSED: QT_TRANSLATE_NOOP("Notice", "The order is closed: charge again."),
        Notice.CODE_ORDER_REVERSED: QT_TRANSLATE_NOOP(
            "Notice", "The order was reversed: charge again."
        ),
        Notice.CODE_NUMBER_USED: QT_TRANSLATE_NOOP(
            "Notice", "The order number was used before; checking…"
        ),
        Notice.CODE_NO_PERMISSION: QT_TRANSLATE_NOOP(
            "Notice",
            "The merchant has no permission for payment codes: check the merchant platform.",
        ),
        Notice.CODE_TRADE_REFUSED: QT_TRANSLATE_NOOP(
            "Notice",
            "WeChat Pay refused the payment (its rules or risk control): ask the customer "
            "to pay another way.",
        ),
        Notice.CODE_MERCHANT_WRONG: QT_TRANSLATE_NOOP(
            "Notice", "The merchant settings are wrong (AppID, merchant number): check them."
        ),
        Notice.CODE_REQUEST_WRONG: QT_TRANSLATE_NOOP(
            "Notice", "WeChat Pay could not accept the request: call for support."
        ),
        Notice.CODE_REFUSED: QT_TRANSLATE_NOOP("Notice", "WeChat Pay refused the payment code."),
    }


@functools.cache
def refusal_notices() -> frozenset[Notice]:
    """The notices a payment-code deal ends FAILED with, told as its ending: refused by the
    till before any call, or by WeChat Pay (§3.9), or no order made."""
    from pos.checkout import Notice

    return frozenset(
        {
            Notice.CODE_OTHER_WALLET,
            Notice.CODE_NOT_A_CODE,
            Notice.CODE_REUSED,
            Notice.CODE_NOT_ENOUGH,
            Notice.CODE_EXPIRED,
            Notice.CODE_ALREADY_USED,
            Notice.CODE_INVALID,
            Notice.CODE_CARD_NOT_SUPPORTED,
            Notice.CODE_BUYER_MISMATCH,
            Notice.CODE_ORDER_CLOSED,
            Notice.CODE_ORDER_REVERSED,
            Notice.CODE_NO_PERMISSION,
            Notice.CODE_TRADE_REFUSED,
            Notice.CODE_MERCHANT_WRONG,
            Notice.CODE_REQUEST_WRONG,
            Notice.CODE_REFUSED,
            Notice.NOTHING_CHARGED,
        }
    )


@functools.cache
def trouble_notices() -> frozenset[Notice]:
    """Notices that mean trouble: said on the customer's screen too, and in red at the till."""
    from pos.checkout import Notice

    return frozenset({Notice.NO_ANSWER, Notice.BAD_SIGNATURE, Notice.STORE_ERROR})


@functools.cache
def ending_words() -> dict[Notice, str]:
    """Why the deal on screen ended unpaid, by the notice the session ended it with (%1: the
    amount)."""
    from pos.checkout import Notice

    return _strings(
        {
            Notice.CANCELLED: QT_TRANSLATE_NOOP(
                "CashierWindow", "Payment of %1 cancelled. The order is being closed."
            ),
            Notice.TIMED_OUT: QT_TRANSLATE_NOOP(
                "CashierWindow", "Time is up for %1. The order is being closed."
            ),
            Notice.FAILED: QT_TRANSLATE_NOOP(
                "CashierWindow", "WeChat Pay refused the payment of %1."
            ),
            Notice.CLOSED: QT_TRANSLATE_NOOP("CashierWindow", "Payment of %1 closed, not paid."),
            # A payment code: the till is free while the reverse goes on (§3.10).
            Notice.REVERSE_CANCELLED: QT_TRANSLATE_NOOP(
                "CashierWindow", "Payment of %1 cancelled. It is being reversed…"
            ),
            Notice.PASSWORD_TIMED_OUT: QT_TRANSLATE_NOOP(
                "CashierWindow", "No password for %1 in time. The payment is being reversed…"
            ),
            Notice.OUTCOME_UNCLEAR: QT_TRANSLATE_NOOP(
                "CashierWindow", "No clear answer for %1 in time. The payment is being reversed…"
            ),
            Notice.PAYMENT_FAILED: QT_TRANSLATE_NOOP(
                "CashierWindow", "The payment of %1 failed. It is being reversed…"
            ),
        }
    )


@functools.cache
def settled_words() -> dict[State, str]:
    """How a deal the clerk left (cancel, timeout) ended in the background (%1: the amount)."""
    from pos.checkout import State

    return _strings(
        {
            State.CLOSED: QT_TRANSLATE_NOOP("CashierWindow", "Payment of %1 closed, not paid."),
            State.FAILED: QT_TRANSLATE_NOOP(
                "CashierWindow", "Payment of %1: no order was made, nothing was paid."
            ),
            State.PAID: QT_TRANSLATE_NOOP(
                "CashierWindow", "Payment of %1 was paid after all (late payment)."
            ),
            State.NEEDS_ATTENTION: QT_TRANSLATE_NOOP(
                "CashierWindow",
                "Payment of %1: WeChat Pay reports another amount paid. Tell the manager.",
            ),
            State.REVERSED: QT_TRANSLATE_NOOP(
                "CashierWindow", "Payment of %1 reversed: nothing was kept."
            ),
        }
    )


def _shown(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _amount(fen: int) -> str:
    return format_fen(fen, symbol="¥ ")


def notice_text(notice: Notice) -> str:
    """The clerk's words for ``notice`` ("" when it has none of its own)."""
    words = notice_words().get(notice)
    return _shown("Notice", words) if words is not None else ""


def deal_state_text(state: DealState) -> str:
    """A deal's state in a word (a state without words yet: its name, rather than nothing)."""
    words = deal_state_words().get(state)
    return _shown("DealState", words) if words is not None else state.value


def method_text(method: PaymentMethod) -> str:
    """How the customer paid, in a word (扫码 / 付款码 / 现金)."""
    words = method_words().get(method)
    return _shown("PaymentMethod", words) if words is not None else method.value


def refund_state_text(state: RefundState) -> str:
    """A refund's state in a word (a state without words yet: its name)."""
    words = refund_state_words().get(state)
    return _shown("RefundState", words) if words is not None else state.value


def ending_text(ending: Notice, amount_fen: int) -> str:
    """Why the deal on screen ended unpaid (an ending without words of its own: refused); a
    payment code's refusal in its own words, after the amount."""
    from pos.checkout import Notice

    if ending in refusal_notices():
        template = _shown("CashierWindow", _NOT_CHARGED)
        return template.replace("%1", _amount(amount_fen)).replace("%2", notice_text(ending))
    words = ending_words()
    text = words.get(ending, words[Notice.FAILED])
    return _shown("CashierWindow", text).replace("%1", _amount(amount_fen))


def settled_text(state: State, amount_fen: int, deal_state: DealState | None = None) -> str | None:
    """How the deal the clerk left ended (None for a state the till need not tell); a
    payment code whose reverse is not confirmed stays REVERSING (``deal_state``)."""
    from pos.checkout import State
    from pos.store.records import DealState

    if state is State.NEEDS_ATTENTION and deal_state is DealState.REVERSING:
        return _shown("CashierWindow", _REVERSE_UNCONFIRMED).replace("%1", _amount(amount_fen))
    words = settled_words().get(state)
    if words is None:
        return None
    return _shown("CashierWindow", words).replace("%1", _amount(amount_fen))


def amount_error_text(error: AmountError, max_amount_fen: int) -> str:
    """Why what the clerk typed is not an amount."""
    words = AMOUNT_WORDS.get(error.code, AMOUNT_WORDS["not_a_number"])
    return _shown("CashierWindow", words).replace("%1", _amount(max_amount_fen))


def about_deal(text: str, deal: Deal) -> str:
    """``text`` with the deal's amount for %1 and its number for %2."""
    return text.replace("%1", _amount(deal.amount_fen)).replace("%2", deal.out_trade_no)


def error_text(exc: PosError) -> str:
    """A known error in words: WeChat Pay's refusal in ours; our own messages carry no secret
    (:mod:`pos.errors`) and are shown as they are."""
    return wechat_error_text(exc, str(exc))


def bug_text() -> str:
    """A bug stopped some work (what, and its traceback, are in the log); the till goes on."""
    return _shown("Errors", _BUG)

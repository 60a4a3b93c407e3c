"""The clerk's and the manager's words for WeChat Pay's refusals: one table from err_code to a
sentence, translated like every other text of the window.

The codes come from :mod:`pos.wechatpay.codes`. A code without words here is shown in WeChat
Pay's own words (its ``err_code_des``, usually Chinese), never as a bare code in an English
wrapper. Where the code alone says too little (``INVALID_REQUEST``, ``ERROR``,
``TRADE_ERROR``), WeChat's own words follow ours.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos.wechatpay.codes import WeChatReason, read_reason, reason_of

CONTEXT = "WeChatPayCodes"

# QT_TRANSLATE_NOOP marks the texts for lupdate; words_for() translates them when shown.
WORDS: dict[str, str] = {
    code: str(text)
    for code, text in (
        ("SYSTEMERROR", QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay is busy; try again.")),
        (
            "BANKERROR",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "The bank had an error; the payment is checked."),
        ),
        (
            "USERPAYING",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "The customer is entering the payment password."),
        ),
        (
            "BIZERR_NEED_RETRY",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay asks to send the refund again."),
        ),
        (
            "FREQUENCY_LIMITED",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "Too many requests; try again later."),
        ),
        (
            "INVALID_REQ_TOO_MUCH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "Too many invalid requests; try again in a minute."
            ),
        ),
        (
            "NOTENOUGH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes",
                "Not enough balance: the customer pays another way, or (for a refund) the "
                "shop's account needs funds.",
            ),
        ),
        ("ORDERPAID", QT_TRANSLATE_NOOP("WeChatPayCodes", "The order is already paid.")),
        ("ORDERCLOSED", QT_TRANSLATE_NOOP("WeChatPayCodes", "The order is closed.")),
        ("ORDERREVERSED", QT_TRANSLATE_NOOP("WeChatPayCodes", "The order was reversed.")),
        (
            "OUT_TRADE_NO_USED",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "This order number was already used."),
        ),
        (
            "INVALID_REQUEST",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "WeChat Pay refused the request (amounts or details differ)."
            ),
        ),
        ("ORDERNOTEXIST", QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay has no such order.")),
        (
            "REFUNDNOTEXIST",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay has no such refund."),
        ),
        (
            "TRADE_OVERDUE",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "The order is more than a year old and cannot be refunded."
            ),
        ),
        (
            "USER_ACCOUNT_ABNORMAL",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes",
                "The customer's WeChat account is closed or abnormal: refund outside WeChat Pay.",
            ),
        ),
        (
            "REVERSE_EXPIRE",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "Too late to reverse; refund instead."),
        ),
        (
            "AUTHCODEEXPIRE",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "The payment code has expired; ask for a fresh one."
            ),
        ),
        (
            "AUTH_CODE_ERROR",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "The payment code is wrong or used; ask for a fresh one."
            ),
        ),
        (
            "AUTH_CODE_INVALID",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "Not a WeChat payment code; scan again."),
        ),
        (
            "NOTSUPORTCARD",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "This card is not accepted; the customer pays another way."
            ),
        ),
        (
            "BUYER_MISMATCH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "Another customer already tried to pay this order."
            ),
        ),
        ("TRADE_ERROR", QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay refused the payment.")),
        (
            "TRADE_STATE_ERROR",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "The order's state does not allow this."),
        ),
        (
            "REFUND_FEE_MISMATCH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "The refund amount differs from the first request."
            ),
        ),
        ("ERROR", QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay refused the request.")),
        (
            "SIGNERROR",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "Wrong signature: check the API key in the settings."
            ),
        ),
        (
            "XML_FORMAT_ERROR",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay could not read the request."),
        ),
        ("PARAM_ERROR", QT_TRANSLATE_NOOP("WeChatPayCodes", "A field of the request is wrong.")),
        ("LACK_PARAMS", QT_TRANSLATE_NOOP("WeChatPayCodes", "A field of the request is missing.")),
        ("NOT_UTF8", QT_TRANSLATE_NOOP("WeChatPayCodes", "The request is not in UTF-8.")),
        (
            "REQUIRE_POST_METHOD",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "WeChat Pay needs a POST request."),
        ),
        ("POST_DATA_EMPTY", QT_TRANSLATE_NOOP("WeChatPayCodes", "The request was empty.")),
        (
            "INVALID_TRANSACTIONID",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "The WeChat transaction number is wrong."),
        ),
        (
            "APPID_NOT_EXIST",
            QT_TRANSLATE_NOOP("WeChatPayCodes", "The AppID does not exist: check the settings."),
        ),
        (
            "MCHID_NOT_EXIST",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes", "The merchant number does not exist: check the settings."
            ),
        ),
        (
            "APPID_MCHID_NOT_MATCH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes",
                "The AppID is not bound to the merchant number: check the settings.",
            ),
        ),
        (
            "NOAUTH",
            QT_TRANSLATE_NOOP(
                "WeChatPayCodes",
                "The merchant has no permission for this: check the merchant platform.",
            ),
        ),
    )
}

#: Codes whose meaning is in WeChat's own text (which amounts, which rule): shown after ours.
_SEE_ITS_TEXT = frozenset({"INVALID_REQUEST", "ERROR", "TRADE_ERROR"})


def words_for(reason: WeChatReason) -> str:
    """Our words for the refusal's code in the UI's language; WeChat's own words otherwise."""
    words = WORDS.get(reason.code or "")
    if words is None:
        return reason.text
    shown = QCoreApplication.translate(CONTEXT, words)
    if reason.code in _SEE_ITS_TEXT and reason.text:
        both = QCoreApplication.translate(
            CONTEXT, str(QT_TRANSLATE_NOOP("WeChatPayCodes", "%1 (%2)"))
        )
        return both.replace("%1", shown).replace("%2", reason.text)
    return shown


def refusal_text(stored: str) -> str:
    """The words for a stored reason (a deal's or a refund's ``last_error``)."""
    return words_for(read_reason(stored)) or stored


def error_text(error: BaseException, fallback: str) -> str:
    """The words for WeChat Pay's refusal carried by ``error``; ``fallback`` for any other."""
    reason = reason_of(error)
    if reason is None:
        return fallback
    return words_for(reason) or fallback

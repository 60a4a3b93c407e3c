"""The sandbox's payment codes: the endings scripted by a code's last two digits, a valid code
for each, and the transaction-assurance reports (``payitil/report``) it records.

A code the sandbox takes is 18 digits starting 10–15, like WeChat's (§3.9); its last two
digits pick what the customer's phone does:

==========  =========================  =====================================================
last two    ending                     what the till sees
==========  =========================  =====================================================
``00``      paid                       micropay answers SUCCESS at once (any ending not
                                       listed here does the same)
``01``      password, then paid        USERPAYING; orderquery says SUCCESS after
                                       ``micropay_password_seconds`` (10 s)
``02``      password, then failed      USERPAYING; orderquery says PAYERROR after
                                       ``micropay_password_seconds``; the till reverses it
``03``      password never entered     USERPAYING for ever; the till reverses it after its
                                       wait (WeChat itself revokes it after 45 s)
``04``      not enough money           NOTENOUGH; no order is made
``05``      code expired               AUTHCODEEXPIRE; no order is made
``06``      bank error, but paid       BANKERROR; orderquery says SUCCESS
``07``      error, but paid            SYSTEMERROR; orderquery says SUCCESS
``08``      error, and nothing         SYSTEMERROR; orderquery says ORDERNOTEXIST
``09``      card not supported         NOTSUPORTCARD; no order is made
==========  =========================  =====================================================

Each code pays once: the same code for another ``out_trade_no`` is ``AUTH_CODE_ERROR``.
:func:`example_code` makes a fresh valid code for an ending (the till's 模拟顾客付款码).
"""

from __future__ import annotations

import enum
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from pos.sandbox.records import bad, max_len, require

#: WeChat's payment codes start with 10–15 (§3.9); the sandbox's examples use 13.
_EXAMPLE_PREFIX = "13"


class Ending(enum.StrEnum):
    """A scripted ending; its value is the code's last two digits."""

    PAID = "00"
    PASSWORD_THEN_PAID = "01"  # noqa: S105 (an ending, not a password)
    PASSWORD_THEN_FAILED = "02"  # noqa: S105 (an ending, not a password)
    PASSWORD_NEVER_ENTERED = "03"  # noqa: S105 (an ending, not a password)
    NOT_ENOUGH_MONEY = "04"
    CODE_EXPIRED = "05"
    BANK_ERROR_BUT_PAID = "06"
    ERROR_BUT_PAID = "07"
    ERROR_AND_NOTHING = "08"
    CARD_NOT_SUPPORTED = "09"

    @classmethod
    def of(cls, auth_code: str) -> Ending:
        """The ending a code scripts: by its last two digits, PAID for any other."""
        try:
            return cls(auth_code[-2:])
        except ValueError:
            return cls.PAID

    @property
    def asks_password(self) -> bool:
        return self in _PASSWORD_ENDINGS

    @property
    def refusal(self) -> str | None:
        """The err_code of an ending that makes no order, None for the others."""
        return _REFUSALS.get(self)


_PASSWORD_ENDINGS = frozenset(
    {Ending.PASSWORD_THEN_PAID, Ending.PASSWORD_THEN_FAILED, Ending.PASSWORD_NEVER_ENTERED}
)
#: The endings that make no order, and the err_code they answer with.
_REFUSALS: dict[Ending, str] = {
    Ending.NOT_ENOUGH_MONEY: "NOTENOUGH",
    Ending.CODE_EXPIRED: "AUTHCODEEXPIRE",
    Ending.ERROR_AND_NOTHING: "SYSTEMERROR",
    Ending.CARD_NOT_SUPPORTED: "NOTSUPORTCARD",
}
#: err_code_des as WeChat words these refusals.
REFUSAL_TEXTS: dict[str, str] = {
    "NOTENOUGH": "余额不足",
    "AUTHCODEEXPIRE": "二维码已过期，请用户在微信上刷新后再试",
    "SYSTEMERROR": "系统超时",
    "NOTSUPORTCARD": "不支持卡类型",
}


def example_code(ending: Ending | str = Ending.PAID) -> str:
    """A fresh, valid 18-digit code (13…) whose last two digits script ``ending``.

    The 14 digits in between are random, so two calls never give a code the sandbox has
    seen before (each code pays once).
    """
    tail = Ending(ending).value
    middle = f"{secrets.randbelow(10**14):014d}"
    return _EXAMPLE_PREFIX + middle + tail


# --- payitil/report (交易保障) -------------------------------------------------------------

#: ``state`` of a reported trade: OK, FAIL, or WeChat's own spelling of "cancelled".
REPORT_STATES = ("OK", "FAIL", "CANCLE")
_TRADE_KEYS = ("out_trade_no", "begin_time", "end_time", "state")


@dataclass(frozen=True)
class Report:
    """One ``payitil/report`` request as the sandbox received it."""

    mch_id: str
    device_info: str
    interface_url: str
    user_ip: str
    trades: tuple[Mapping[str, str], ...]
    received_at: datetime


def read_report(mch_id: str, fields: Mapping[str, str], now: datetime) -> Report:
    """The request's fields as a :class:`Report`; ParamFail (``<field>参数格式错误``) when
    ``trades`` is not a JSON array of trades with the documented keys and states
    (``pos.sandbox.records.ParamFail``)."""
    require(fields, "interface_url", "user_ip", "trades")
    max_len(fields, "interface_url", 127)
    max_len(fields, "user_ip", 64)
    max_len(fields, "device_info", 32)
    try:
        trades = json.loads(fields["trades"])
    except ValueError as exc:
        raise bad("trades") from exc
    if not isinstance(trades, list) or not trades:
        raise bad("trades")
    for trade in trades:
        if not isinstance(trade, dict) or not all(
            isinstance(trade.get(key), str) and trade[key] for key in _TRADE_KEYS
        ):
            raise bad("trades")
        if trade["state"] not in REPORT_STATES or not isinstance(trade.get("err_msg", ""), str):
            raise bad("trades")
    return Report(
        mch_id=mch_id,
        device_info=fields.get("device_info", ""),
        interface_url=fields["interface_url"],
        user_ip=fields["user_ip"],
        trades=tuple({str(k): str(v) for k, v in trade.items()} for trade in trades),
        received_at=now,
    )

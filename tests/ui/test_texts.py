"""One table of words per state and notice: every state has words, in Chinese too."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from pos.checkout import Notice, State
from pos.errors import BusinessError, StoreError
from pos.store import DealState, PaymentMethod, RefundState
from pos.ui import texts

_CHINESE = re.compile("[\u4e00-\u9fff]")


def test_every_deal_and_refund_state_has_words() -> None:
    assert set(texts.deal_state_words()) == set(DealState)
    assert set(texts.refund_state_words()) == set(RefundState)
    # Each of the checkout's endings and settled states that the till tells has its words.
    assert set(texts.ending_words()) == {
        Notice.CANCELLED,
        Notice.TIMED_OUT,
        Notice.FAILED,
        Notice.CLOSED,
        # a payment code left to its reverse (§3.10)
        Notice.REVERSE_CANCELLED,
        Notice.PASSWORD_TIMED_OUT,
        Notice.OUTCOME_UNCLEAR,
        Notice.PAYMENT_FAILED,
    }
    # Every way a payment code can be refused or end has the clerk's words.
    code_notices = {notice for notice in Notice if notice.name.startswith("CODE_")}
    assert code_notices <= set(texts.notice_words())
    assert set(texts.method_words()) == set(PaymentMethod)
    assert set(texts.settled_words()) == {state for state in State if state.is_final}


def test_the_words_are_chinese_when_the_till_is(qapp: QApplication, chinese: QApplication) -> None:
    assert texts.deal_state_text(DealState.CLOSED) == "未支付"
    assert texts.refund_state_text(RefundState.PENDING) == "未确认"
    assert texts.notice_text(Notice.NO_ANSWER) == "微信支付暂无响应，仍在查询…"
    assert texts.notice_text(Notice.PAID) == ""  # said by the paid screen, not a notice
    for state in DealState:
        assert _CHINESE.search(texts.deal_state_text(state)), state
    for notice in texts.notice_words():
        assert _CHINESE.search(texts.notice_text(notice)), notice
    ended = texts.ending_text(Notice.CANCELLED, 880)
    assert "¥ 8.80" in ended and _CHINESE.search(ended)
    # The payment code's refusals, as the clerk says them to the customer.
    assert texts.ending_text(Notice.CODE_NOT_ENOUGH, 880) == (
        "未收款（¥ 8.80）：余额不足，请顾客换卡或改用其他方式"
    )
    assert texts.notice_text(Notice.CODE_EXPIRED) == "付款码已过期，请顾客刷新"
    assert texts.notice_text(Notice.WAITING_FOR_PASSWORD) == "请顾客在手机上输入支付密码"
    assert texts.method_text(PaymentMethod.NATIVE) == "扫码"
    assert texts.method_text(PaymentMethod.MICROPAY) == "付款码"
    assert _CHINESE.search(texts.bug_text())


def test_known_errors_are_said_in_their_own_words_or_wechats() -> None:
    assert texts.error_text(StoreError("writing a deal: disk I/O error")) == (
        "writing a deal: disk I/O error"
    )
    refused = texts.error_text(BusinessError("NOTENOUGH", "余额不足", endpoint="pay/micropay"))
    assert "NOTENOUGH" not in refused and refused

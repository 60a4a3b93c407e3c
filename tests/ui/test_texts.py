"""One table of words per state and notice: every state has words, in Chinese too."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from pos.checkout import Notice, State
from pos.errors import BusinessError, StoreError
from pos.store import DealState, RefundState
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
    }
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
    assert _CHINESE.search(texts.bug_text())


def test_known_errors_are_said_in_their_own_words_or_wechats() -> None:
    assert texts.error_text(StoreError("writing a deal: disk I/O error")) == (
        "writing a deal: disk I/O error"
    )
    refused = texts.error_text(BusinessError("NOTENOUGH", "余额不足", endpoint="pay/micropay"))
    assert "NOTENOUGH" not in refused and refused

"""The manager's view shows the day's alarms: WeChat Pay reported another amount paid (§5.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from helpers.manager_fixtures import WAIT_MS, Shop
from pytestqt.qtbot import QtBot

from pos.checkout import notification_alarm, record_alarm
from pos.ui.manager import ManagerWindow
from pos.wechatpay.types import PaymentNotification, SignType


def test_the_day_shows_a_wrong_amount_alarm(qtbot: QtBot, shop: Shop) -> None:
    quiet = shop.paid_deal(1800, "芝士蛋糕")
    deal = shop.paid_deal(2550, "拿铁咖啡")
    assert deal.paid_at is not None and deal.transaction_id is not None
    notification = PaymentNotification(
        appid="wxd930ea5d5a258f4f",
        mch_id="10000100",
        out_trade_no=deal.out_trade_no,
        transaction_id=deal.transaction_id,
        total_fee=2551,
        cash_fee=2551,
        time_end=deal.paid_at,
        bank_type="OTHERS",
        trade_type="NATIVE",
        openid="oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
        sign_type=SignType.MD5,
        fields={},
        raw=b"",
    )
    text = notification_alarm(deal, notification)
    assert text is not None
    assert notification_alarm(deal, replace(notification, total_fee=2550)) is None
    record_alarm(shop.store, deal, text, now=datetime.now(UTC))

    window = ManagerWindow(shop.services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.alarm_label.isVisible(), timeout=WAIT_MS)
    shown = window.alarm_label.text()
    assert deal.out_trade_no in shown and "2551" in shown
    assert quiet.out_trade_no not in shown

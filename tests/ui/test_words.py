"""What the clerk and the customer read: plain text, the product line, Chinese of Qt's own."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from helpers.manager_fixtures import Shop
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pos import refunds
from pos.checkout import Notice
from pos.checkout import native as checkout
from pos.config import MemorySecretStore, Settings
from pos.config.validation import CertificateKind
from pos.errors import BusinessError, RequestRejected
from pos.store import DealState
from pos.ui.app import name_application
from pos.ui.cashier import CashierWindow
from pos.ui.manager import ManagerWindow
from pos.ui.manager.common import error_words as manager_error_text
from pos.ui.ops import Ops
from pos.ui.resources import resources_dir
from pos.ui.session import PaymentSession
from pos.ui.settings import SettingsDialog, SettingsServices
from pos.ui.wechat_words import CONTEXT, WORDS, refusal_text, words_for
from pos.ui.workers import Workers
from pos.wechatpay.codes import ERR_CODES, WeChatReason

MARKUP = "<b>Tea</b>"


def _shows_literally(label: QLabel, text: str) -> bool:
    """The label holds ``text`` and is as wide as its tags typed out (markup would hide them)."""
    width = label.fontMetrics().horizontalAdvance(text)
    return (
        text in label.text()
        and label.textFormat() == Qt.TextFormat.PlainText
        and label.sizeHint().width() >= width
    )


def test_a_product_name_with_markup_is_shown_as_typed(till: Till) -> None:
    till.app.session.save_products([MARKUP, "Bagel"])
    till.qtbot.waitUntil(lambda: till.window.products.names == [MARKUP, "Bagel"], timeout=WAIT_MS)
    till.press(Qt.Key.Key_F1)
    assert _shows_literally(till.window.products.label, MARKUP)
    deal = till.charge("6")
    screen = till.window.customer_screen
    assert _shows_literally(screen._qr_product, MARKUP)
    # A late payment names the product in the till's banner.
    till.window.on_session_late_payment_arrived(deal)
    assert _shows_literally(till.window.late_banner.text, MARKUP)
    # WeChat's own words in the status line are plain text too.
    assert till.window.status_banner.textFormat() == Qt.TextFormat.PlainText


def test_the_product_line_says_how_to_choose_when_nothing_is_chosen(till: Till) -> None:
    names = ["Latte", "Bagel", "Tea", "Cake"]  # as many as a new till's (咖啡, 奶茶, ...)
    till.app.session.save_products(names)
    till.qtbot.waitUntil(lambda: till.window.products.names == names, timeout=WAIT_MS)
    line = till.window.products.label.text()
    assert line == "Product: none chosen (F1–F4, or type a name)"
    assert "Purchase" not in line
    till.press(Qt.Key.Key_F3)
    assert till.window.products.label.text() == "Product: Tea"
    till.press(Qt.Key.Key_F3)  # again: unpicked
    assert "none chosen" in till.window.products.label.text()
    till.app.session.save_products([])
    till.qtbot.waitUntil(lambda: not till.window.products.buttons, timeout=WAIT_MS)
    assert till.window.products.label.text() == "Product: none chosen (type a name)"


def test_qt_own_file_dialog_speaks_chinese(qtbot: QtBot, chinese: QApplication) -> None:
    dialog = QFileDialog(None, "导出到", str(Path.home()), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QPushButton)]
    assert "查找范围(&L)：" in texts
    assert "文件类型(&T)：" in texts
    english = [text for text in texts if re.search("[A-Za-z]{3,}", text)]
    assert english == []


def test_windows_are_named_in_the_ui_language(
    qtbot: QtBot, chinese: QApplication, tmp_path: Path
) -> None:
    # The platform appends the display name to every window title ("设置 — 微信支付收银台").
    name_application(chinese)
    assert chinese.applicationDisplayName() == "微信支付收银台"
    workers = Workers()
    session = PaymentSession(Ops(workers))
    window = CashierWindow(session, max_amount_fen=100_000, shop_name="小店")
    qtbot.addWidget(window)
    # Ends with the display name, so it is not added twice.
    assert window.windowTitle() == "小店 — 微信支付收银台"
    workers.shutdown()


def test_every_wechat_code_has_words_in_chinese_and_english(chinese: QApplication) -> None:
    assert set(WORDS) == ERR_CODES
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "pos_zh_CN.qm"))
    for code, english in WORDS.items():
        chinese_words = translator.translate(CONTEXT, english)
        assert chinese_words != english, code
        assert re.search("[\u4e00-\u9fff]", chinese_words), code
        assert code not in chinese_words
        assert words_for(WeChatReason(code, "")) == chinese_words


def test_a_refused_payment_is_told_in_chinese_on_the_till(
    till: Till, chinese: QApplication
) -> None:
    refused = BusinessError("NOTENOUGH", "余额不足", endpoint="pay/unifiedorder")
    deal = till.charge("3")
    till.window.on_session_deal_ended(
        replace(deal, state=DealState.FAILED, last_error=checkout._describe(refused)), Notice.FAILED
    )
    status = till.window.status_text()
    assert "余额不足：付款时请顾客更换付款方式" in status
    assert "NOTENOUGH" not in status and "BusinessError" not in status
    # A code no table knows: WeChat's own (Chinese) words, without the English wrapper.
    unknown = BusinessError("NEW_CODE_2027", "新的错误说明", endpoint="pay/unifiedorder")
    till.window.on_session_deal_ended(
        replace(deal, state=DealState.FAILED, last_error=checkout._describe(unknown)), Notice.FAILED
    )
    status = till.window.status_text()
    assert "新的错误说明" in status
    assert "NEW_CODE_2027" not in status and "failed" not in status


def test_refund_and_reconcile_errors_are_told_in_words(chinese: QApplication) -> None:
    overdue = BusinessError("TRADE_OVERDUE", "订单已经超过退款期限", endpoint="secapi/pay/refund")
    assert manager_error_text(overdue) == "订单已超过一年，无法退款。"
    # A refund's stored reason (pos.refunds keeps "CODE 描述").
    assert refusal_text(refunds._describe(overdue)) == "订单已超过一年，无法退款。"
    # INVALID_REQUEST says too little alone: WeChat's own words follow.
    mismatch = BusinessError("INVALID_REQUEST", "申请退款金额超过订单可退金额")
    assert manager_error_text(mismatch) == (
        "微信支付拒绝了请求（金额或订单信息不一致）。（申请退款金额超过订单可退金额）"
    )
    assert manager_error_text(RequestRejected("签名错误")) == "签名错误"


def test_the_settings_red_notes_speak_chinese(
    qtbot: QtBot, chinese: QApplication, tmp_path: Path
) -> None:
    services = SettingsServices(
        path=tmp_path / "settings.toml",
        environ={},
        secrets=MemorySecretStore(),
        confirm=lambda _parent, _title, _text: True,  # "switch to a real merchant?"
    )
    dialog = SettingsDialog(Settings(data_dir=tmp_path), services)
    qtbot.addWidget(dialog)
    dialog.merchant_radio.click()
    dialog.appid_edit.setText("12345")
    dialog.mch_id_edit.setText("19ab")
    dialog.api_key_edit.setText("short")
    dialog.relay_url_edit.setText("ftp://relay.example.com")
    dialog.notify_url_edit.setText("https://pos.example.com/n?x=1")
    dialog.sound_edit.setText(str(tmp_path / "missing.wav"))
    dialog.cert_kind_combo.setCurrentIndex(
        dialog.cert_kind_combo.findData(CertificateKind.PKCS12.value)
    )
    problems = dialog.validate()
    assert set(problems) >= {
        "appid",
        "mch_id",
        "api_key",
        "relay_url",
        "till_token",
        "notify_url",
        "sound",
        "p12_path",
    }
    notes = {name: dialog.error_text(name) for name in problems}
    assert notes["appid"] == "AppID 须为 “wx” 加 16 位字母或数字"
    assert notes["relay_url"] == "中继地址须以 http:// 或 https:// 开头"
    assert notes["sound"] == f"找不到提示音文件：{tmp_path / 'missing.wav'}"
    assert notes["p12_path"] == "请选择PKCS#12 文件"
    for name, note in notes.items():
        assert re.search("[\u4e00-\u9fff]", note), (name, note)
        assert note != problems[name], name  # not the English of the log


def test_the_settings_printer_notes_speak_chinese(
    qtbot: QtBot, chinese: QApplication, tmp_path: Path
) -> None:
    services = SettingsServices(
        path=tmp_path / "settings.toml", environ={}, secrets=MemorySecretStore()
    )
    dialog = SettingsDialog(Settings(data_dir=tmp_path), services)
    qtbot.addWidget(dialog)
    for typed, note in (
        ("127.0.0.1", "打印机地址须为 tcp://HOST:9100、usb://VENDOR:PRODUCT（十六进制编号）或 "),
        ("tcp://127.0.0.1:70000", "打印机端口须为 1 至 65535"),
    ):
        dialog.printer_edit.setText(typed)
        dialog.printer_edit.editingFinished.emit()
        assert dialog.error_text("printer").startswith(note), typed


def test_the_refund_dialog_shows_names_and_reasons_as_typed(
    qtbot: QtBot,
    shop: Shop,
) -> None:
    deal = shop.paid_deal(2550, MARKUP)
    window = ManagerWindow(shop.services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    assert window.select_deal(deal.out_trade_no)
    dialog = window.open_refund()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("5.50")
    dialog.reason_edit.setText("<i>broken</i>")
    assert dialog.ask_confirmation()
    assert _shows_literally(dialog.question, MARKUP)
    assert _shows_literally(dialog.confirm_details, "<i>broken</i>")

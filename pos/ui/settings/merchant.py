"""The merchant: AppID, merchant number, API key and sign type, and what "Test connection" said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from pos.config.validation import ConnectionResult, MerchantForm, Verdict
from pos.ui.settings.fields import FieldRows, password_edit, show_secret_mask, translate
from pos.wechatpay.types import ClientCertificate, Merchant, SignType

#: The rows of the merchant's fields, by field name.
MERCHANT_FIELDS = ("appid", "mch_id", "api_key", "sign_type")
RESULT_COLOURS = {"good": "#166534", "bad": "#991b1b", "busy": "#92400e"}
TEXT_COLOUR = "#1f2328"


class MerchantBox(QGroupBox):
    """The merchant's four fields; the stored key is used while the merchant number is its own."""

    def __init__(self, fields: FieldRows) -> None:
        super().__init__(translate("SettingsDialog", "Merchant"))
        form = QFormLayout(self)
        self.appid_edit = QLineEdit()
        self.appid_edit.setPlaceholderText("wx0123456789abcdef")
        self.mch_id_edit = QLineEdit()
        self.mch_id_edit.setPlaceholderText("1900000109")
        self.api_key_edit = password_edit()
        self.sign_type_combo = QComboBox()
        for sign_type in SignType:
            self.sign_type_combo.addItem(sign_type.value, sign_type.value)
        form.addRow(translate("SettingsDialog", "AppID"), fields.add("appid", self.appid_edit))
        form.addRow(
            translate("SettingsDialog", "Merchant number (mch_id)"),
            fields.add("mch_id", self.mch_id_edit),
        )
        form.addRow(
            translate("SettingsDialog", "API key"), fields.add("api_key", self.api_key_edit)
        )
        form.addRow(
            translate("SettingsDialog", "Sign type"),
            fields.add("sign_type", self.sign_type_combo),
        )
        self.test_button = QPushButton(translate("SettingsDialog", "Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_result_label = QLabel()
        self.test_result_label.setObjectName("connectionResult")
        self.test_result_label.setWordWrap(True)
        self.test_result_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes WeChat's text
        form.addRow(self.test_button, self.test_result_label)
        self._stored_key = ""
        self._stored_mch_id = ""

    def load(self, merchant: Merchant | None) -> None:
        if merchant is not None:
            self.appid_edit.setText(merchant.appid)
            self.mch_id_edit.setText(merchant.mch_id)
            self.sign_type_combo.setCurrentIndex(
                self.sign_type_combo.findData(merchant.sign_type.value)
            )
        self._stored_key = merchant.api_key if merchant else ""
        self._stored_mch_id = merchant.mch_id if merchant else ""
        show_secret_mask(self.api_key_edit, self._stored_key)

    def api_key(self) -> str:
        """The key in effect: the one typed, else the stored one if it is this merchant's."""
        typed = self.api_key_edit.text().strip()
        if typed:
            return typed
        # The stored key is kept only for the merchant it belongs to.
        if self._stored_key and self.mch_id_edit.text().strip() == self._stored_mch_id:
            return self._stored_key
        return ""

    def is_another_merchant_without_key(self) -> bool:
        """Another merchant number was typed while the key field was left empty: the stored
        key is the old merchant's and is not used."""
        return (
            not self.api_key_edit.text().strip()
            and bool(self._stored_key)
            and self.mch_id_edit.text().strip() != self._stored_mch_id
        )

    def form(self) -> MerchantForm:
        return MerchantForm(
            appid=self.appid_edit.text().strip(),
            mch_id=self.mch_id_edit.text().strip(),
            api_key=self.api_key(),
            sign_type=str(self.sign_type_combo.currentData()),
        )

    def merchant(self, certificate: ClientCertificate | None = None) -> Merchant:
        """The merchant the form describes (its fields checked first: see ``form``)."""
        form = self.form()
        return Merchant(
            appid=form.appid,
            mch_id=form.mch_id,
            api_key=form.api_key,
            sign_type=SignType(form.sign_type),
            certificate=certificate,
        )

    def show_result(self, text: str, tone: str) -> None:
        """The connection test's word, coloured by ``tone`` (good, bad, busy)."""
        self.test_result_label.setText(text)
        self.test_result_label.setProperty("tone", tone)
        colour = RESULT_COLOURS.get(tone, TEXT_COLOUR)
        self.test_result_label.setStyleSheet(f"color: {colour};")

    def clear_result(self) -> None:
        self.test_result_label.clear()
        self.test_result_label.setProperty("tone", "")


def verdict_text(result: ConnectionResult) -> str:
    """What the test's answer means for the shop owner, with WeChat's own words when it failed."""
    texts = {
        Verdict.OK: translate(
            "SettingsDialog", "Connected: the AppID, merchant number and API key are right."
        ),
        Verdict.WRONG_KEY: translate(
            "SettingsDialog",
            "Wrong API key: WeChat Pay rejected the signature. Copy the key again from "
            "the merchant platform (Account → API security).",
        ),
        Verdict.WRONG_MERCHANT: translate(
            "SettingsDialog",
            "Wrong merchant: the merchant number does not exist or the AppID is not bound "
            "to it. Check both.",
        ),
        Verdict.UNREACHABLE: translate(
            "SettingsDialog",
            "Cannot reach WeChat Pay: check the network connection (or the proxy).",
        ),
        Verdict.OTHER: translate("SettingsDialog", "Unexpected answer from WeChat Pay."),
    }
    text = texts[result.verdict]
    if result.verdict is not Verdict.OK:
        text = f"{text}\n({result.detail})"
    return text

"""Notifications: where WeChat's payment results arrive (the relay) and how the till hears them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit

from pos.config import Settings
from pos.ui.settings.fields import FieldRows, password_edit, show_secret_mask, translate


class NotificationsBox(QGroupBox):
    """The relay's URL, this till's token on it, and the notify URL given to WeChat."""

    def __init__(self, fields: FieldRows) -> None:
        super().__init__(translate("SettingsDialog", "Notifications"))
        form = QFormLayout(self)
        self.relay_url_edit = QLineEdit()
        self.relay_url_edit.setPlaceholderText("https://relay.example.com")
        self.till_token_edit = password_edit()
        self.notify_url_edit = QLineEdit()
        self.notify_url_edit.setPlaceholderText(
            translate("SettingsDialog", "default: relay URL + /wechatpay/notify")
        )
        form.addRow(
            translate("SettingsDialog", "Relay URL"), fields.add("relay_url", self.relay_url_edit)
        )
        form.addRow(
            translate("SettingsDialog", "Till token"),
            fields.add("till_token", self.till_token_edit),
        )
        form.addRow(
            translate("SettingsDialog", "Notify URL"),
            fields.add("notify_url", self.notify_url_edit),
        )
        self._stored_token = ""

    def load(self, settings: Settings) -> None:
        self._stored_token = settings.till_token or ""
        show_secret_mask(self.till_token_edit, self._stored_token)
        self.relay_url_edit.setText(settings.relay_url or "")
        self.notify_url_edit.setText(settings.notify_url or "")

    def relay_url(self) -> str:
        return self.relay_url_edit.text().strip()

    def till_token(self) -> str:
        """The token in effect: the one typed, else the stored one."""
        return self.till_token_edit.text().strip() or self._stored_token

    def values(self) -> dict[str, object]:
        """The group's ``Settings`` fields as the form says them."""
        return {
            "relay_url": self.relay_url().rstrip("/") or None,
            "till_token": self.till_token() or None,
            "notify_url": self.notify_url_edit.text().strip() or None,
        }

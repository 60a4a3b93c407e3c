"""The payment mode: sandbox or a real merchant, chosen explicitly and shown in a banner."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout

from pos.ui.settings.fields import translate

BANNER_STYLES = {
    "sandbox": "background: #f59e0b; color: #1f1300; font-weight: bold; padding: 6px;",
    "merchant": "background: #07c160; color: white; font-weight: bold; padding: 6px;",
}


class ModeBox(QGroupBox):
    """The "Payments" group: two radio buttons, and a note when the environment decides."""

    def __init__(self) -> None:
        super().__init__(translate("SettingsDialog", "Payments"))
        layout = QVBoxLayout(self)
        self.sandbox_radio = QRadioButton(
            translate("SettingsDialog", "Sandbox: practice payments, no real money")
        )
        self.merchant_radio = QRadioButton(
            translate("SettingsDialog", "Real merchant: real WeChat Pay payments")
        )
        self._group = QButtonGroup(self)
        self._group.addButton(self.sandbox_radio)
        self._group.addButton(self.merchant_radio)
        layout.addWidget(self.sandbox_radio)
        layout.addWidget(self.merchant_radio)
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.mode_note.setVisible(False)
        layout.addWidget(self.mode_note)

    def show_mode(self, *, is_sandbox: bool) -> None:
        """Check the mode's button without it counting as the clerk's click."""
        with QSignalBlocker(self.sandbox_radio), QSignalBlocker(self.merchant_radio):
            (self.sandbox_radio if is_sandbox else self.merchant_radio).setChecked(True)

    def lock(self, variables: list[str]) -> None:
        """The merchant comes from these environment variables: the mode is not the dialog's."""
        self.sandbox_radio.setEnabled(False)
        self.merchant_radio.setEnabled(False)
        self.mode_note.setText(
            translate(
                "SettingsDialog",
                "The merchant is set by environment variables ({names}), which win "
                "over this dialog.",
            ).format(names=", ".join(variables))
        )
        self.mode_note.setVisible(True)


class ModeBanner(QLabel):
    """The mode in a coloured bar above the form: no one mistakes practice for real money."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sandboxBanner")

    def show_mode(self, *, is_sandbox: bool) -> None:
        if is_sandbox:
            self.setText(translate("SettingsDialog", "SANDBOX: practice payments, no real money"))
        else:
            self.setText(translate("SettingsDialog", "REAL MERCHANT: payments are real money"))
        mode = "sandbox" if is_sandbox else "merchant"
        self.setProperty("mode", mode)
        self.setStyleSheet(BANNER_STYLES[mode])


def switch_question(*, to_sandbox: bool) -> str:
    """What the clerk confirms before the mode changes (an explicit choice, never a side
    effect of filling a field)."""
    if to_sandbox:
        return translate(
            "SettingsDialog",
            "Switch this till to the sandbox? No real payments will be taken. When you "
            "save, the merchant's details and its stored key are removed from this till.",
        )
    return translate(
        "SettingsDialog",
        "Switch this till to a real merchant? Payments will be real money, paid by "
        "customers through WeChat Pay.",
    )

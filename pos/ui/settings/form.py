"""The settings window as laid out: the mode banner, the groups in a scrolling form, the buttons.

It only builds; :class:`pos.ui.settings.dialog.SettingsDialog` fills it, checks it and saves
it. Each group is built by its own module; the window names their fields once more at its
top level (``dialog.appid_edit``), where the dialog, its tests and the screenshot tools use
them.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos.ui.settings.certificate import CertificateBox
from pos.ui.settings.counter import CounterBox
from pos.ui.settings.fields import FieldRows, error_label, translate
from pos.ui.settings.merchant import MerchantBox
from pos.ui.settings.mode import ModeBanner, ModeBox
from pos.ui.settings.notifications import NotificationsBox
from pos.ui.settings.services import SettingsServices
from pos.ui.settings.till import TillBox

#: The window's size, kept inside the screen (an 800-pixel till screen would otherwise hide
#: the title bar and the buttons: the form scrolls instead).
WIDTH, HEIGHT, MIN_HEIGHT, SCREEN_MARGIN = 720, 860, 480, 60


class SettingsForm(QDialog):
    """The dialog's widgets, grouped as the shop owner reads them."""

    def __init__(
        self, services: SettingsServices, *, is_first_run: bool, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(
            translate("SettingsDialog", "Welcome: set up this till")
            if is_first_run
            else translate("SettingsDialog", "Settings")
        )
        screen = QGuiApplication.primaryScreen()
        height = (
            HEIGHT
            if screen is None
            else min(HEIGHT, screen.availableGeometry().height() - SCREEN_MARGIN)
        )
        self.resize(WIDTH, max(MIN_HEIGHT, height))
        outer = QVBoxLayout(self)
        if is_first_run:
            outer.addWidget(_welcome())
        self.mode_banner = ModeBanner()
        outer.addWidget(self.mode_banner)

        fields = FieldRows(
            lambda title, name_filter: services.choose_file(self, title, name_filter)
        )
        self.rows = fields.rows
        self.mode_box = ModeBox()
        self.merchant_box = MerchantBox(fields)
        self.certificate_box = CertificateBox(fields)
        self.notifications_box = NotificationsBox(fields)
        self.till_box = TillBox(fields)
        self.counter_box = CounterBox(fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        for group in (
            self.mode_box,
            self.merchant_box,
            self.certificate_box,
            self.notifications_box,
            self.till_box,
            self.counter_box,
        ):
            layout.addWidget(group)
        layout.addStretch(1)
        outer.addWidget(scroll, 1)

        self._add_footer(outer, is_first_run=is_first_run)
        self._name_fields()

    def _add_footer(self, outer: QVBoxLayout, *, is_first_run: bool) -> None:
        """Under the form: where the secrets are kept, why Save refused, the buttons."""
        self.secret_note = QLabel()
        self.secret_note.setWordWrap(True)
        outer.addWidget(self.secret_note)
        self.save_error = error_label()
        self.save_error.setVisible(False)
        outer.addWidget(self.save_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if is_first_run:
            self.cancel_button.setText(translate("SettingsDialog", "Use the sandbox for now"))
        outer.addWidget(self.buttons)

    def show_secret_place(self, *, is_keyring: bool) -> None:
        """Say where the secrets are kept: the system keyring, or the private settings file."""
        if is_keyring:
            text = translate(
                "SettingsDialog",
                "The API key, certificate password and till token are kept in the "
                "system keyring, not in the settings file.",
            )
        else:
            text = translate(
                "SettingsDialog",
                "No system keyring is available: the API key, certificate password "
                "and till token will be kept in the settings file, readable only by "
                "this user account.",
            )
        self.secret_note.setText(text)

    def _name_fields(self) -> None:
        """The groups' fields by their names in the window, which the dialog uses."""
        self.sandbox_radio = self.mode_box.sandbox_radio
        self.merchant_radio = self.mode_box.merchant_radio
        self.mode_note = self.mode_box.mode_note
        self.appid_edit = self.merchant_box.appid_edit
        self.mch_id_edit = self.merchant_box.mch_id_edit
        self.api_key_edit = self.merchant_box.api_key_edit
        self.sign_type_combo = self.merchant_box.sign_type_combo
        self.test_button = self.merchant_box.test_button
        self.test_result_label = self.merchant_box.test_result_label
        self.cert_kind_combo = self.certificate_box.cert_kind_combo
        self.p12_edit = self.certificate_box.p12_edit
        self.cert_pem_edit = self.certificate_box.cert_pem_edit
        self.key_pem_edit = self.certificate_box.key_pem_edit
        self.cert_password_edit = self.certificate_box.cert_password_edit
        self.relay_url_edit = self.notifications_box.relay_url_edit
        self.till_token_edit = self.notifications_box.till_token_edit
        self.notify_url_edit = self.notifications_box.notify_url_edit
        self.timeout_spin = self.till_box.timeout_spin
        self.poll_spin = self.till_box.poll_spin
        self.language_combo = self.till_box.language_combo
        self.sound_edit = self.till_box.sound_edit
        self.play_button = self.till_box.play_button
        self.speak_check = self.counter_box.speak_check
        self.printer_edit = self.counter_box.printer_edit
        self.test_page_button = self.counter_box.test_page_button
        self.paper_combo = self.counter_box.paper_combo
        self.print_on_paid_check = self.counter_box.print_on_paid_check
        self.compact_view_check = self.counter_box.compact_view_check
        self.test_page_label = self.counter_box.test_page_label


def _welcome() -> QLabel:
    """The first run's greeting: the till works at once, on the sandbox."""
    intro = QLabel(
        translate(
            "SettingsDialog",
            "This till starts in the sandbox: practice payments, no real money. "
            "To take real WeChat Pay payments, choose “Real merchant” and enter the "
            "details from the WeChat Pay merchant platform (pay.weixin.qq.com).",
        )
    )
    intro.setWordWrap(True)
    return intro

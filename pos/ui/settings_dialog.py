"""The settings dialog (also the first-run dialog): merchant, certificate, relay, till, sound.

The shop owner configures the till here instead of editing ``settings.toml``. Each field is
checked as it is left, with the reason next to it; "Test connection" asks WeChat Pay for an
order that cannot exist (§3.2) on a worker and says plainly what the answer means. The
stored API key, certificate password and till token are never shown again: the field shows
a mask, and leaving it empty keeps the stored secret. Values set by environment variables
win over the file (:mod:`pos.config`), so their fields are shown read-only and never
written to the file. Saving goes through :func:`pos.config.save_settings` (secrets to the
keyring when there is one).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos import config, logs
from pos.config import (
    CHECKOUT_TIMEOUT_RANGE,
    PAPER_WIDTHS_MM,
    POLL_INTERVAL_RANGE,
    SecretStore,
    Settings,
)
from pos.config.validation import (
    CertificateForm,
    CertificateKind,
    ConnectionResult,
    MerchantForm,
    Problem,
    Verdict,
    check_connection,
    validate_certificate,
    validate_checkout_timeout,
    validate_merchant,
    validate_notify_url,
    validate_poll_interval,
    validate_printer,
    validate_sound,
    validate_token,
    validate_url,
)
from pos.errors import ConfigError
from pos.ui.resources import resources_dir
from pos.ui.workers import Workers
from pos.wechatpay.types import ClientCertificate, Merchant, SignType

log = logging.getLogger(__name__)

#: Environment variables that configure the merchant: any of them locks the merchant part.
MERCHANT_VARIABLES = tuple(
    name for name, target in config.ENVIRONMENT.items() if target.startswith("merchant.")
)
#: Settings field shown in the dialog -> the environment variable that overrides it.
FIELD_VARIABLES: dict[str, str] = {
    target: name
    for name, target in config.ENVIRONMENT.items()
    if target
    in {
        "relay_url",
        "till_token",
        "notify_url",
        "checkout_timeout_seconds",
        "poll_interval_seconds",
        "language",
        "sound",
        "speak_amount",
        "printer",
        "paper_mm",
        "print_on_paid",
        "compact_customer_view",
    }
}
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
CONNECTION_TIMEOUT_SECONDS = 5.0


# QT_TRANSLATE_NOOP marks the field problems of pos.config and pos.config.validation
# (English there: they are logged and read without Qt) for lupdate; problem_text() shows them.
PROBLEM_TEXTS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "AppID is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", 'AppID must be "wx" followed by 16 letters or digits'),
    QT_TRANSLATE_NOOP("SettingsDialog", "merchant number (mch_id) is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "merchant number (mch_id) must be 6 to 32 digits"),
    QT_TRANSLATE_NOOP("SettingsDialog", "API key is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "API key must be exactly 32 letters or digits"),
    QT_TRANSLATE_NOOP("SettingsDialog", "sign type must be MD5 or HMAC-SHA256"),
    QT_TRANSLATE_NOOP("SettingsDialog", "choose the {what}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} not found: {path}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} is not a file: {path}"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog", "the certificate could not be opened: check the file and its password"
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must be at most {most} characters"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must start with http:// or https://"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must not contain a query string (?...)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the relay needs this till's token"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the token must not contain spaces"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog", "the checkout timeout must be from {low} to {high} seconds"
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "the poll interval must be from {low} to {high} seconds"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the sound must be a .wav file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "PKCS#12 file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "certificate file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "key file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "sound file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "relay URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "notify URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "notify URL (or a relay URL)"),
)


def problem_text(problem: str) -> str:
    """A field's problem in the UI's language (the English one when there is no translation)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SettingsDialog", text)

    if isinstance(problem, Problem):
        values = dict(problem.values)
        if "what" in values:
            values["what"] = tr(values["what"])
        return tr(problem.template).format(**values)
    return tr(problem)


Confirm = Callable[[QWidget, str, str], bool]
ChooseFile = Callable[[QWidget, str, str], str]
PlaySound = Callable[[Path], None]


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _open_file(parent: QWidget, title: str, name_filter: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return str(path)


@dataclass
class SettingsServices:
    """What the dialog needs from its caller; every part has a default for the real till."""

    #: The window's workers (the test connection runs there); None = the dialog owns its own.
    workers: Workers | None = None
    #: The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``).
    path: Path | None = None
    #: Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`).
    secrets: SecretStore | None = None
    #: The environment whose variables win over the file; None = ``os.environ``.
    environ: Mapping[str, str] | None = None
    confirm: Confirm = _ask
    choose_file: ChooseFile = _open_file
    #: Plays a sound file for the "play" button; None = QtMultimedia's QSoundEffect.
    play_sound: PlaySound | None = None
    connection_timeout: float = CONNECTION_TIMEOUT_SECONDS


def _default_sound() -> Path:
    return resources_dir() / "sounds" / "paid.wav"


class _FieldRow(QWidget):
    """A field with its message underneath (red when something is wrong, grey for notes)."""

    def __init__(self, editor: QWidget, *extra: QWidget) -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(editor, 1)
        for widget in extra:
            line.addWidget(widget)
        layout.addLayout(line)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        # Notes quote file names and typed values: shown as typed, never as markup.
        for label in (self.note, self.error):
            label.setTextFormat(Qt.TextFormat.PlainText)

    def set_error(self, text: str | None) -> None:
        self.error.setText(problem_text(text) if text else "")
        self.error.setVisible(bool(text))

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class SettingsDialog(QDialog):
    """Edit and save the till's settings. ``saved_settings`` holds the result after Save."""

    #: "Test connection" finished: the :class:`ConnectionResult`.
    connection_tested = Signal(object)
    #: The settings were written; the effective settings (file + environment) as loaded back.
    settings_saved = Signal(object)
    #: "Print test page" finished: True when the printer took it.
    test_page_printed = Signal(bool)

    def __init__(
        self,
        settings: Settings,
        services: SettingsServices | None = None,
        *,
        is_first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._services = services if services is not None else SettingsServices()
        self._environ: Mapping[str, str] = (
            self._services.environ if self._services.environ is not None else os.environ
        )
        self._path = (
            self._services.path
            if self._services.path is not None
            else config.config_path(self._environ)
        )
        self._own_workers: Workers | None = None
        self._is_first_run = is_first_run
        self._is_sandbox = settings.is_sandbox
        self._testing = False
        self.saved_settings: Settings | None = None
        self.last_connection_result: ConnectionResult | None = None
        merchant = settings.merchant
        self._stored_key = merchant.api_key if merchant else ""
        self._stored_mch_id = merchant.mch_id if merchant else ""
        certificate = merchant.certificate if merchant else None
        self._stored_cert_password = (certificate.password or "") if certificate else ""
        self._stored_token = settings.till_token or ""
        self._merchant_locked_by = [name for name in MERCHANT_VARIABLES if self._environ.get(name)]
        self._overridden = {
            name: variable
            for name, variable in FIELD_VARIABLES.items()
            if self._environ.get(variable)
        }
        self.rows: dict[str, _FieldRow] = {}
        self._build()
        self._load(settings)
        self._apply_mode()
        self._apply_overrides()

    # -- building ---------------------------------------------------------------------------

    def _row(self, name: str, editor: QWidget, *extra: QWidget) -> _FieldRow:
        row = _FieldRow(editor, *extra)
        self.rows[name] = row
        return row

    def _browse_button(self, target: QLineEdit, title: str, name_filter: str) -> QPushButton:
        button = QPushButton(self.tr("Choose…"))
        button.clicked.connect(lambda: self._choose_into(target, title, name_filter))
        return button

    def _build(self) -> None:
        self.setWindowTitle(
            self.tr("Welcome: set up this till") if self._is_first_run else self.tr("Settings")
        )
        # The form scrolls: keep the window inside the screen (an 800-pixel till screen
        # would otherwise hide the title bar and the buttons).
        screen = QGuiApplication.primaryScreen()
        height = 860 if screen is None else min(860, screen.availableGeometry().height() - 60)
        self.resize(720, max(480, height))
        outer = QVBoxLayout(self)
        if self._is_first_run:
            intro = QLabel(
                self.tr(
                    "This till starts in the sandbox: practice payments, no real money. "
                    "To take real WeChat Pay payments, choose “Real merchant” and enter the "
                    "details from the WeChat Pay merchant platform (pay.weixin.qq.com)."
                )
            )
            intro.setWordWrap(True)
            outer.addWidget(intro)
        self.mode_banner = QLabel()
        self.mode_banner.setObjectName("sandboxBanner")
        outer.addWidget(self.mode_banner)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        outer.addWidget(scroll, 1)

        # Mode: an explicit choice, confirmed, never a side effect of filling a field.
        mode_box = QGroupBox(self.tr("Payments"))
        mode_layout = QVBoxLayout(mode_box)
        self.sandbox_radio = QRadioButton(self.tr("Sandbox: practice payments, no real money"))
        self.merchant_radio = QRadioButton(self.tr("Real merchant: real WeChat Pay payments"))
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.sandbox_radio)
        self._mode_group.addButton(self.merchant_radio)
        self.sandbox_radio.clicked.connect(lambda: self.on_mode_clicked(is_sandbox=True))
        self.merchant_radio.clicked.connect(lambda: self.on_mode_clicked(is_sandbox=False))
        mode_layout.addWidget(self.sandbox_radio)
        mode_layout.addWidget(self.merchant_radio)
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.mode_note.setVisible(False)
        mode_layout.addWidget(self.mode_note)
        layout.addWidget(mode_box)

        # Merchant.
        self.merchant_box = QGroupBox(self.tr("Merchant"))
        form = QFormLayout(self.merchant_box)
        self.appid_edit = QLineEdit()
        self.appid_edit.setPlaceholderText("wx0123456789abcdef")
        self.mch_id_edit = QLineEdit()
        self.mch_id_edit.setPlaceholderText("1900000109")
        self.api_key_edit = QLineEdit()
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_type_combo = QComboBox()
        for sign_type in SignType:
            self.sign_type_combo.addItem(sign_type.value, sign_type.value)
        form.addRow(self.tr("AppID"), self._row("appid", self.appid_edit))
        form.addRow(self.tr("Merchant number (mch_id)"), self._row("mch_id", self.mch_id_edit))
        form.addRow(self.tr("API key"), self._row("api_key", self.api_key_edit))
        form.addRow(self.tr("Sign type"), self._row("sign_type", self.sign_type_combo))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result_label = QLabel()
        self.test_result_label.setObjectName("connectionResult")
        self.test_result_label.setWordWrap(True)
        self.test_result_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes WeChat's text
        form.addRow(self.test_button, self.test_result_label)
        layout.addWidget(self.merchant_box)

        # Certificate (secapi/*: refunds and reversals, §3.5).
        self.certificate_box = QGroupBox(self.tr("API certificate (for refunds)"))
        form = QFormLayout(self.certificate_box)
        self.cert_kind_combo = QComboBox()
        self.cert_kind_combo.addItem(self.tr("None"), CertificateKind.NONE.value)
        self.cert_kind_combo.addItem(
            self.tr("PKCS#12 file (apiclient_cert.p12)"), CertificateKind.PKCS12.value
        )
        self.cert_kind_combo.addItem(
            self.tr("PEM pair (apiclient_cert.pem + apiclient_key.pem)"), CertificateKind.PEM.value
        )
        self.cert_kind_combo.currentIndexChanged.connect(lambda _i: self._apply_certificate_kind())
        self.p12_edit = QLineEdit()
        self.cert_pem_edit = QLineEdit()
        self.key_pem_edit = QLineEdit()
        self.cert_password_edit = QLineEdit()
        self.cert_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        pkcs12_filter = self.tr("PKCS#12 (*.p12 *.pfx);;All files (*)")
        pem_filter = self.tr("PEM (*.pem *.crt *.key);;All files (*)")
        form.addRow(self.tr("Kind"), self.cert_kind_combo)
        self.p12_label = QLabel(self.tr("PKCS#12 file"))
        form.addRow(
            self.p12_label,
            self._row(
                "p12_path",
                self.p12_edit,
                self._browse_button(self.p12_edit, self.tr("PKCS#12 file"), pkcs12_filter),
            ),
        )
        self.cert_pem_label = QLabel(self.tr("Certificate (PEM)"))
        form.addRow(
            self.cert_pem_label,
            self._row(
                "cert_pem_path",
                self.cert_pem_edit,
                self._browse_button(self.cert_pem_edit, self.tr("Certificate"), pem_filter),
            ),
        )
        self.key_pem_label = QLabel(self.tr("Private key (PEM)"))
        form.addRow(
            self.key_pem_label,
            self._row(
                "key_pem_path",
                self.key_pem_edit,
                self._browse_button(self.key_pem_edit, self.tr("Private key"), pem_filter),
            ),
        )
        self.cert_password_label = QLabel(self.tr("Password"))
        form.addRow(self.cert_password_label, self._row("password", self.cert_password_edit))
        layout.addWidget(self.certificate_box)

        # Relay: where WeChat's notifications arrive and the till hears about them.
        relay_box = QGroupBox(self.tr("Notifications"))
        form = QFormLayout(relay_box)
        self.relay_url_edit = QLineEdit()
        self.relay_url_edit.setPlaceholderText("https://relay.example.com")
        self.till_token_edit = QLineEdit()
        self.till_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.notify_url_edit = QLineEdit()
        self.notify_url_edit.setPlaceholderText(self.tr("default: relay URL + /wechatpay/notify"))
        form.addRow(self.tr("Relay URL"), self._row("relay_url", self.relay_url_edit))
        form.addRow(self.tr("Till token"), self._row("till_token", self.till_token_edit))
        form.addRow(self.tr("Notify URL"), self._row("notify_url", self.notify_url_edit))
        layout.addWidget(relay_box)

        # The till.
        till_box = QGroupBox(self.tr("Till"))
        form = QFormLayout(till_box)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(*CHECKOUT_TIMEOUT_RANGE)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.poll_spin = QDoubleSpinBox()
        self.poll_spin.setRange(*POLL_INTERVAL_RANGE)
        self.poll_spin.setDecimals(1)
        self.poll_spin.setSingleStep(0.5)
        self.poll_spin.setSuffix(self.tr(" s"))
        self.language_combo = QComboBox()
        for code in config.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.sound_edit = QLineEdit()
        self.sound_edit.setPlaceholderText(self.tr("default chime"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.play_sound)
        sound_browse = self._browse_button(
            self.sound_edit, self.tr("Payment sound"), self.tr("WAV sound (*.wav)")
        )
        form.addRow(
            self.tr("Checkout timeout"), self._row("checkout_timeout_seconds", self.timeout_spin)
        )
        form.addRow(self.tr("Poll interval"), self._row("poll_interval_seconds", self.poll_spin))
        form.addRow(self.tr("Language"), self._row("language", self.language_combo))
        form.addRow(
            self.tr("Payment sound"),
            self._row("sound", self.sound_edit, sound_browse, self.play_button),
        )
        layout.addWidget(till_box)
        layout.addWidget(self._build_counter_box())
        layout.addStretch(1)

        self.secret_note = QLabel()
        self.secret_note.setWordWrap(True)
        outer.addWidget(self.secret_note)
        self.save_error = QLabel()
        self.save_error.setObjectName("fieldError")
        self.save_error.setStyleSheet("color: #b91c1c;")
        self.save_error.setWordWrap(True)
        self.save_error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_error.setVisible(False)
        outer.addWidget(self.save_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self._is_first_run:
            self.cancel_button.setText(self.tr("Use the sandbox for now"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        # Check each field when it is left, so the message is next to it at once.
        for name, edit in (
            ("appid", self.appid_edit),
            ("mch_id", self.mch_id_edit),
            ("api_key", self.api_key_edit),
            ("p12_path", self.p12_edit),
            ("cert_pem_path", self.cert_pem_edit),
            ("key_pem_path", self.key_pem_edit),
            ("relay_url", self.relay_url_edit),
            ("till_token", self.till_token_edit),
            ("notify_url", self.notify_url_edit),
            ("sound", self.sound_edit),
        ):
            edit.editingFinished.connect(lambda name=name: self.check_field(name))
        for edit in (self.appid_edit, self.mch_id_edit, self.api_key_edit):
            # Another merchant or key: an earlier test result no longer applies.
            edit.textEdited.connect(lambda _text: self._clear_test_result())
        self.sign_type_combo.currentIndexChanged.connect(lambda _i: self._clear_test_result())

    def _build_counter_box(self) -> QGroupBox:
        """Receipts and voice: the spoken amount, the printer, its paper, print on paid."""
        box = QGroupBox(self.tr("Receipts and voice"))
        box.setObjectName("counterBox")
        form = QFormLayout(box)
        self.speak_check = QCheckBox(
            self.tr("Say the amount when a payment arrives (微信收款 25.50 元)")
        )
        self.printer_edit = QLineEdit()
        self.printer_edit.setPlaceholderText(
            self.tr("none, or tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0")
        )
        self.printer_edit.editingFinished.connect(lambda: self.check_field("printer"))
        self.test_page_button = QPushButton(self.tr("Print test page"))
        self.test_page_button.clicked.connect(self.print_test_page)
        self.paper_combo = QComboBox()
        for paper_mm in PAPER_WIDTHS_MM:
            self.paper_combo.addItem(f"{paper_mm} mm", paper_mm)
        self.print_on_paid_check = QCheckBox(self.tr("Print the slip when paid"))
        self.compact_view_check = QCheckBox(
            self.tr("One screen: a small customer window in a corner (amount, QR, paid)")
        )
        self.test_page_label = QLabel()
        self.test_page_label.setObjectName("testPageResult")
        self.test_page_label.setWordWrap(True)
        self.test_page_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Spoken amount"), self._row("speak_amount", self.speak_check))
        form.addRow(
            self.tr("Receipt printer"),
            self._row("printer", self.printer_edit, self.test_page_button),
        )
        form.addRow(self.tr("Paper"), self._row("paper_mm", self.paper_combo))
        form.addRow("", self._row("print_on_paid", self.print_on_paid_check))
        form.addRow("", self.test_page_label)
        form.addRow(
            self.tr("Customer view"),
            self._row("compact_customer_view", self.compact_view_check),
        )
        return box

    def print_test_page(self) -> bool:
        """Print the test page on the printer typed here (saved or not), on the device worker;
        the outcome is shown under the printer's field."""
        from datetime import UTC, datetime

        from pos.counter.printing import parse_printer, print_layout
        from pos.counter.receipt import printer_test_page

        if self.check_field("printer"):
            return False
        address = parse_printer(self.printer_edit.text())
        if address is None:
            self.test_page_label.setText(self.tr("Set a printer first."))
            return False
        layout = printer_test_page(
            self._settings.shop_name,
            str(address),
            int(self.paper_combo.currentData()),
            datetime.now(UTC),
        )
        self.test_page_label.setText(self.tr("Printing the test page…"))
        self.test_page_button.setEnabled(False)
        self._workers().device(
            lambda: print_layout(address, layout),
            on_done=lambda _sent: self._on_test_page_done(None),
            on_error=self._on_test_page_done,
        )
        return True

    def _on_test_page_done(self, exc: BaseException | None) -> None:
        self.test_page_button.setEnabled(True)
        if exc is None:
            self.test_page_label.setText(self.tr("Test page sent to the printer."))
        else:
            self.test_page_label.setText(self.tr("Not printed: {reason}").format(reason=str(exc)))
        self.test_page_printed.emit(exc is None)

    # -- filling ------------------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        merchant = settings.merchant
        (self.sandbox_radio if self._is_sandbox else self.merchant_radio).setChecked(True)
        if merchant is not None:
            self.appid_edit.setText(merchant.appid)
            self.mch_id_edit.setText(merchant.mch_id)
            self.sign_type_combo.setCurrentIndex(
                self.sign_type_combo.findData(merchant.sign_type.value)
            )
            certificate = merchant.certificate
            if certificate is not None:
                if certificate.p12_path:
                    kind = CertificateKind.PKCS12
                    self.p12_edit.setText(certificate.p12_path)
                else:
                    kind = CertificateKind.PEM
                    self.cert_pem_edit.setText(certificate.cert_pem_path or "")
                    self.key_pem_edit.setText(certificate.key_pem_path or "")
                self.cert_kind_combo.setCurrentIndex(self.cert_kind_combo.findData(kind.value))
        # Secrets are never put back into a field (§5.3): a mask says one is stored.
        self._show_secret_mask(self.api_key_edit, self._stored_key)
        self._show_secret_mask(self.cert_password_edit, self._stored_cert_password)
        self._show_secret_mask(self.till_token_edit, self._stored_token)
        self.relay_url_edit.setText(settings.relay_url or "")
        self.notify_url_edit.setText(settings.notify_url or "")
        self.timeout_spin.setValue(settings.checkout_timeout_seconds)
        self.poll_spin.setValue(settings.poll_interval_seconds)
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.sound_edit.setText(settings.sound or "")
        self.speak_check.setChecked(settings.speak_amount)
        self.printer_edit.setText(settings.printer)
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(settings.paper_mm), 0))
        self.print_on_paid_check.setChecked(settings.print_on_paid)
        self.compact_view_check.setChecked(settings.compact_customer_view)
        self._apply_certificate_kind()
        if config.keyring_is_usable(self._services.secrets):
            self.secret_note.setText(
                self.tr(
                    "The API key, certificate password and till token are kept in the "
                    "system keyring, not in the settings file."
                )
            )
        else:
            self.secret_note.setText(
                self.tr(
                    "No system keyring is available: the API key, certificate password "
                    "and till token will be kept in the settings file, readable only by "
                    "this user account."
                )
            )

    def _show_secret_mask(self, edit: QLineEdit, stored: str) -> None:
        edit.clear()
        if stored:
            edit.setPlaceholderText(
                self.tr("stored {mask}: leave empty to keep it").format(mask=config.masked(stored))
            )
        else:
            edit.setPlaceholderText("")

    def _apply_certificate_kind(self) -> None:
        kind = self.certificate_kind()
        for widget, shown in (
            (self.p12_label, kind is CertificateKind.PKCS12),
            (self.rows["p12_path"], kind is CertificateKind.PKCS12),
            (self.cert_pem_label, kind is CertificateKind.PEM),
            (self.rows["cert_pem_path"], kind is CertificateKind.PEM),
            (self.key_pem_label, kind is CertificateKind.PEM),
            (self.rows["key_pem_path"], kind is CertificateKind.PEM),
            (self.cert_password_label, kind is not CertificateKind.NONE),
            (self.rows["password"], kind is not CertificateKind.NONE),
        ):
            widget.setVisible(shown)
        for name in ("p12_path", "cert_pem_path", "key_pem_path", "password"):
            self.rows[name].set_error(None)

    def _apply_mode(self) -> None:
        is_merchant_editable = not self._is_sandbox and not self._merchant_locked_by
        self.merchant_box.setEnabled(is_merchant_editable)
        self.certificate_box.setEnabled(is_merchant_editable)
        if self._is_sandbox:
            self.mode_banner.setText(self.tr("SANDBOX: practice payments, no real money"))
            self.mode_banner.setProperty("mode", "sandbox")
            self.mode_banner.setStyleSheet(
                "background: #f59e0b; color: #1f1300; font-weight: bold; padding: 6px;"
            )
        else:
            self.mode_banner.setText(self.tr("REAL MERCHANT: payments are real money"))
            self.mode_banner.setProperty("mode", "merchant")
            self.mode_banner.setStyleSheet(
                "background: #07c160; color: white; font-weight: bold; padding: 6px;"
            )
        if self._is_sandbox:
            for name in ("appid", "mch_id", "api_key", "sign_type"):
                self.rows[name].set_error(None)
            self._clear_test_result()

    def _apply_overrides(self) -> None:
        editors: dict[str, QWidget] = {
            "relay_url": self.relay_url_edit,
            "till_token": self.till_token_edit,
            "notify_url": self.notify_url_edit,
            "checkout_timeout_seconds": self.timeout_spin,
            "poll_interval_seconds": self.poll_spin,
            "language": self.language_combo,
            "sound": self.sound_edit,
            "speak_amount": self.speak_check,
            "printer": self.printer_edit,
            "paper_mm": self.paper_combo,
            "print_on_paid": self.print_on_paid_check,
            "compact_customer_view": self.compact_view_check,
        }
        for name, variable in self._overridden.items():
            editors[name].setEnabled(False)
            self.rows[name].set_note(
                self.tr(
                    "Set by the environment variable {name}, which wins over this dialog."
                ).format(name=variable)
            )
        if self._merchant_locked_by:
            self.sandbox_radio.setEnabled(False)
            self.merchant_radio.setEnabled(False)
            self.merchant_box.setEnabled(False)
            self.certificate_box.setEnabled(False)
            self.mode_note.setText(
                self.tr(
                    "The merchant is set by environment variables ({names}), which win "
                    "over this dialog."
                ).format(names=", ".join(self._merchant_locked_by))
            )
            self.mode_note.setVisible(True)

    # -- reading the form ---------------------------------------------------------------------

    @property
    def is_sandbox(self) -> bool:
        """The mode chosen in the dialog (not yet saved)."""
        return self._is_sandbox

    def certificate_kind(self) -> CertificateKind:
        return CertificateKind(str(self.cert_kind_combo.currentData()))

    def _api_key(self) -> str:
        typed = self.api_key_edit.text().strip()
        if typed:
            return typed
        # The stored key is kept only for the merchant it belongs to.
        if self._stored_key and self.mch_id_edit.text().strip() == self._stored_mch_id:
            return self._stored_key
        return ""

    def _cert_password(self) -> str:
        return self.cert_password_edit.text() or self._stored_cert_password

    def _till_token(self) -> str:
        return self.till_token_edit.text().strip() or self._stored_token

    def merchant_form(self) -> MerchantForm:
        return MerchantForm(
            appid=self.appid_edit.text().strip(),
            mch_id=self.mch_id_edit.text().strip(),
            api_key=self._api_key(),
            sign_type=str(self.sign_type_combo.currentData()),
        )

    def certificate_form(self) -> CertificateForm:
        return CertificateForm(
            kind=self.certificate_kind(),
            p12_path=self.p12_edit.text().strip(),
            cert_pem_path=self.cert_pem_edit.text().strip(),
            key_pem_path=self.key_pem_edit.text().strip(),
            password=self._cert_password(),
        )

    def error_text(self, name: str) -> str:
        """The message shown next to a field ('' when it is right)."""
        row = self.rows[name]
        return row.error.text() if not row.error.isHidden() else ""

    def note_text(self, name: str) -> str:
        row = self.rows[name]
        return row.note.text() if not row.note.isHidden() else ""

    # -- checking -----------------------------------------------------------------------------

    def _merchant_problems(self) -> dict[str, str]:
        if self._is_sandbox or self._merchant_locked_by:
            return {}
        problems = validate_merchant(self.merchant_form())
        if (
            "api_key" in problems
            and not self.api_key_edit.text().strip()
            and self._stored_key
            and self.mch_id_edit.text().strip() != self._stored_mch_id
        ):
            problems["api_key"] = self.tr("another merchant number: enter its API key")
        return problems

    def _certificate_problems(self, *, open_files: bool) -> dict[str, str]:
        if self._is_sandbox or self._merchant_locked_by:
            return {}
        form = self.certificate_form()
        if not open_files:
            # Only the paths: opening the certificate waits for Save (it reads the files).
            partial = CertificateForm(
                kind=form.kind,
                p12_path=form.p12_path,
                cert_pem_path=form.cert_pem_path,
                key_pem_path=form.key_pem_path,
                password="",
            )
            problems = (
                validate_certificate(partial) if form.kind is not CertificateKind.NONE else {}
            )
            problems.pop("password", None)
            return problems
        return validate_certificate(form)

    def _other_problems(self) -> dict[str, str]:
        relay_url = self.relay_url_edit.text().strip()
        candidates = {
            "relay_url": validate_url(relay_url, what="relay URL"),
            "till_token": validate_token(self._till_token(), relay_url=relay_url),
            "notify_url": validate_notify_url(self.notify_url_edit.text(), relay_url=relay_url)
            if not self._is_sandbox
            else validate_url(self.notify_url_edit.text(), what="notify URL", no_query=True),
            "checkout_timeout_seconds": validate_checkout_timeout(self.timeout_spin.value()),
            "poll_interval_seconds": validate_poll_interval(self.poll_spin.value()),
            "sound": validate_sound(self.sound_edit.text()),
            "printer": validate_printer(self.printer_edit.text()),
        }
        return {
            name: problem
            for name, problem in candidates.items()
            if problem and name not in self._overridden
        }

    def check_field(self, name: str) -> str | None:
        """Check one field (as it is left) and show its message; returns the problem."""
        if name in ("appid", "mch_id", "api_key", "sign_type"):
            problems = self._merchant_problems()
        elif name in ("p12_path", "cert_pem_path", "key_pem_path", "password"):
            problems = self._certificate_problems(open_files=False)
        else:
            problems = self._other_problems()
        problem = problems.get(name)
        self.rows[name].set_error(problem)
        return problem

    def validate(self) -> dict[str, str]:
        """Check every field, show every message; field name -> problem."""
        problems = {
            **self._merchant_problems(),
            **self._certificate_problems(open_files=True),
            **self._other_problems(),
        }
        for name, row in self.rows.items():
            row.set_error(problems.get(name))
        return problems

    # -- mode -----------------------------------------------------------------------------------

    def on_mode_clicked(self, *, is_sandbox: bool) -> None:
        if is_sandbox == self._is_sandbox:
            return
        if is_sandbox:
            question = self.tr(
                "Switch this till to the sandbox? No real payments will be taken. When you "
                "save, the merchant's details and its stored key are removed from this till."
            )
        else:
            question = self.tr(
                "Switch this till to a real merchant? Payments will be real money, paid by "
                "customers through WeChat Pay."
            )
        if self._services.confirm(self, self.tr("Change payment mode"), question):
            self._is_sandbox = is_sandbox
        with QSignalBlocker(self.sandbox_radio), QSignalBlocker(self.merchant_radio):
            (self.sandbox_radio if self._is_sandbox else self.merchant_radio).setChecked(True)
        self._apply_mode()

    # -- test connection ----------------------------------------------------------------------

    def _workers(self) -> Workers:
        if self._services.workers is not None:
            return self._services.workers
        if self._own_workers is None:
            self._own_workers = Workers(network_threads=1, parent=self)
        return self._own_workers

    def _clear_test_result(self) -> None:
        if not self._testing:
            self.test_result_label.clear()
            self.test_result_label.setProperty("tone", "")

    @property
    def is_testing(self) -> bool:
        return self._testing

    def test_connection(self) -> bool:
        """Check the merchant fields, then query an impossible order on a worker (§3.2).

        Returns False (with the messages shown) when the fields are not valid; the answer
        comes back as :attr:`connection_tested`.
        """
        if self._testing or self._is_sandbox:
            return False
        problems = validate_merchant(self.merchant_form())
        if self._merchant_locked_by:
            problems = {}
        for name in ("appid", "mch_id", "api_key", "sign_type"):
            self.rows[name].set_error(problems.get(name))
        if problems:
            self._show_result(self.tr("Fix the merchant details first."), "bad")
            return False
        form = self.merchant_form()
        if self._merchant_locked_by and self._settings.merchant is not None:
            merchant = self._settings.merchant
        else:
            merchant = Merchant(
                appid=form.appid,
                mch_id=form.mch_id,
                api_key=form.api_key,
                sign_type=SignType(form.sign_type),
            )
        # A key typed here is a secret from now on, even before it is saved.
        logs.add_secrets(merchant.api_key)
        base_url = self._settings.api_base_url
        timeout = self._services.connection_timeout
        self._testing = True
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Asking WeChat Pay…"), "busy")
        self._workers().network(
            lambda: check_connection(merchant, base_url, timeout=timeout),
            on_done=self._on_test_done,
            on_error=self._on_test_failed,
        )
        return True

    def _on_test_done(self, result: object) -> None:
        assert isinstance(result, ConnectionResult)
        self._testing = False
        self.test_button.setEnabled(True)
        self.last_connection_result = result
        self.test_result_label.setProperty("verdict", result.verdict.value)
        texts = {
            Verdict.OK: self.tr("Connected: the AppID, merchant number and API key are right."),
            Verdict.WRONG_KEY: self.tr(
                "Wrong API key: WeChat Pay rejected the signature. Copy the key again from "
                "the merchant platform (Account → API security)."
            ),
            Verdict.WRONG_MERCHANT: self.tr(
                "Wrong merchant: the merchant number does not exist or the AppID is not bound "
                "to it. Check both."
            ),
            Verdict.UNREACHABLE: self.tr(
                "Cannot reach WeChat Pay: check the network connection (or the proxy)."
            ),
            Verdict.OTHER: self.tr("Unexpected answer from WeChat Pay."),
        }
        text = texts[result.verdict]
        if result.verdict is not Verdict.OK:
            text = f"{text}\n({result.detail})"
        self._show_result(text, "good" if result.is_ok else "bad")
        log.info("settings: test connection: %s (%s)", result.verdict.value, result.detail)
        self.connection_tested.emit(result)

    def _on_test_failed(self, exc: BaseException) -> None:
        # check_connection turns every expected failure into a verdict: this is a bug.
        log.error("settings: test connection failed unexpectedly", exc_info=exc)
        self._on_test_done(ConnectionResult(Verdict.OTHER, f"unexpected {type(exc).__name__}"))

    def _show_result(self, text: str, tone: str) -> None:
        self.test_result_label.setText(text)
        self.test_result_label.setProperty("tone", tone)
        colours = {"good": "#166534", "bad": "#991b1b", "busy": "#92400e"}
        self.test_result_label.setStyleSheet(f"color: {colours.get(tone, '#1f2328')};")

    def test_result_text(self) -> str:
        return self.test_result_label.text()

    # -- files and sound ----------------------------------------------------------------------

    def _choose_into(self, target: QLineEdit, title: str, name_filter: str) -> None:
        chosen = self._services.choose_file(self, title, name_filter)
        if chosen:
            target.setText(chosen)
            target.editingFinished.emit()

    def sound_path(self) -> Path:
        text = self.sound_edit.text().strip()
        return Path(text).expanduser() if text else _default_sound()

    def play_sound(self) -> bool:
        """Play the chosen sound (the default chime when empty); False if it is not playable."""
        problem = self.check_field("sound")
        if problem:
            return False
        path = self.sound_path()
        if self._services.play_sound is not None:
            self._services.play_sound(path)
            return True
        try:
            from PySide6.QtMultimedia import QSoundEffect

            effect = getattr(self, "_effect", None)
            if effect is None:
                effect = QSoundEffect(self)
                self._effect = effect
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            effect.play()
        except Exception as exc:  # no audio device or backend: say nothing more than the log
            log.info("settings: cannot play %s: %s", path, exc)
            return False
        return True

    # -- saving -------------------------------------------------------------------------------

    def _file_settings(self) -> Settings:
        """The settings of the file alone (no environment), the base the form is written on."""
        try:
            return config.load_settings(self._path, environ={}, secrets=self._services.secrets)
        except ConfigError as exc:
            # The file is broken (that may be why the dialog is open): start from defaults.
            log.warning("settings: %s; writing a new file", exc)
            return Settings()

    def _form_merchant(self, base: Settings) -> Merchant | None:
        if self._merchant_locked_by:
            return base.merchant
        if self._is_sandbox:
            return None
        form = self.merchant_form()
        certificate: ClientCertificate | None = self.certificate_form().certificate()
        return Merchant(
            appid=form.appid,
            mch_id=form.mch_id,
            api_key=form.api_key,
            sign_type=SignType(form.sign_type),
            certificate=certificate,
        )

    def build_settings(self) -> Settings:
        """What Save writes: the file's settings with the form's fields over them.

        Fields set by environment variables keep the file's value: the environment is not
        written into the file.
        """
        base = self._file_settings()
        base.merchant = self._form_merchant(base)
        values: dict[str, object] = {
            "relay_url": self.relay_url_edit.text().strip().rstrip("/") or None,
            "till_token": self._till_token() or None,
            "notify_url": self.notify_url_edit.text().strip() or None,
            "checkout_timeout_seconds": self.timeout_spin.value(),
            "poll_interval_seconds": round(self.poll_spin.value(), 1),
            "language": str(self.language_combo.currentData()),
            "sound": self.sound_edit.text().strip() or None,
            "speak_amount": self.speak_check.isChecked(),
            "printer": self.printer_edit.text().strip(),
            "paper_mm": int(self.paper_combo.currentData()),
            "print_on_paid": self.print_on_paid_check.isChecked(),
            "compact_customer_view": self.compact_view_check.isChecked(),
        }
        for name, value in values.items():
            if name not in self._overridden:
                setattr(base, name, value)
        return base

    def save(self) -> bool:
        """Check everything, write the file (secrets to the keyring), load it back, close."""
        self.save_error.setVisible(False)
        problems = self.validate()
        if problems:
            first = next(iter(problems))
            self.save_error.setText(self.tr("Some fields need fixing (see the red notes)."))
            self.save_error.setVisible(True)
            self.rows[first].editor.setFocus()
            return False
        new = self.build_settings()
        logs.add_secrets(*new.secrets())
        try:
            config.save_settings(new, self._path, secrets=self._services.secrets)
            effective = config.load_settings(
                self._path, environ=self._environ, secrets=self._services.secrets
            )
        except ConfigError as exc:
            self.save_error.setText(self.tr("Could not save: {reason}").format(reason=str(exc)))
            self.save_error.setVisible(True)
            return False
        mode = "merchant " + effective.merchant.mch_id if effective.merchant else "sandbox"
        log.info("settings saved to %s (%s)", self._path, mode)
        self.saved_settings = effective
        self.settings_saved.emit(effective)
        self.accept()
        return True

    def done(self, result: int) -> None:
        if self._own_workers is not None:
            self._own_workers.shutdown()
        super().done(result)


def open_settings(
    parent: QWidget | None, settings: Settings, services: SettingsServices | None = None
) -> Settings | None:
    """Show the settings dialog (modal); the saved settings, or None when cancelled.

    The caller applies the result (a new merchant needs the client rebuilt: restart the
    services, or ask the clerk to restart the till).
    """
    dialog = SettingsDialog(settings, services, parent=parent)
    try:
        dialog.exec()
        return dialog.saved_settings
    finally:
        dialog.deleteLater()


def needs_first_run(path: Path | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """True on a till that was never set up: no settings file and no merchant in the environment."""
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in MERCHANT_VARIABLES):
        return False
    return not (path if path is not None else config.config_path(env)).exists()


def first_run(
    parent: QWidget | None, settings: Settings, services: SettingsServices | None = None
) -> Settings:
    """On a till never set up, show the dialog in its welcome form; the settings to run with.

    Closing it keeps the sandbox and writes the settings file, so the welcome is shown once.
    """
    services = services if services is not None else SettingsServices()
    if not needs_first_run(services.path, services.environ):
        return settings
    dialog = SettingsDialog(settings, services, is_first_run=True, parent=parent)
    try:
        dialog.exec()
        if dialog.saved_settings is not None:
            return dialog.saved_settings
        path = (
            services.path
            if services.path is not None
            else config.config_path(
                services.environ if services.environ is not None else os.environ
            )
        )
        try:
            config.save_settings(Settings(), path, secrets=services.secrets)
        except ConfigError as exc:
            log.warning("first run: %s", exc)
        return settings
    finally:
        dialog.deleteLater()

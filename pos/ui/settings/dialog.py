"""The settings dialog (also the first-run dialog): fills the form, checks it, tests, saves.

The shop owner configures the till here instead of editing ``settings.toml``. Each field is
checked as it is left, with the reason next to it (:mod:`pos.config.validation`); "Test
connection" asks WeChat Pay for an order that cannot exist (§3.2) on a worker and says
plainly what the answer means. The stored API key, certificate password and till token are
never shown again: the field shows a mask, and leaving it empty keeps the stored secret.
Values set by environment variables win over the file (:mod:`pos.config`), so their fields
are shown read-only and never written to the file. Saving goes through
:func:`pos.config.save_settings` (secrets to the keyring when there is one).
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from pos import config, logs
from pos.config import Settings
from pos.config.validation import (
    CertificateKind,
    ConnectionResult,
    Verdict,
    certificate_problem,
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
from pos.ui.settings.certificate import CERTIFICATE_FIELDS
from pos.ui.settings.form import SettingsForm
from pos.ui.settings.merchant import MERCHANT_FIELDS, verdict_text
from pos.ui.settings.mode import switch_question
from pos.ui.settings.services import FIELD_VARIABLES, MERCHANT_VARIABLES, SettingsServices
from pos.ui.sound import SoundPlayer
from pos.ui.workers import Workers
from pos.wechatpay.types import Merchant

log = logging.getLogger(__name__)

#: The typed field checked only by Save, which opens the certificate with it: every other
#: one is checked as soon as it is left.
CHECKED_ON_SAVE_ONLY = ("password",)


class SettingsDialog(SettingsForm):
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
        services = services if services is not None else SettingsServices()
        super().__init__(services, is_first_run=is_first_run, parent=parent)
        self._settings = settings
        self._services = services
        self._environ = services.environment()
        self._path = services.settings_path()
        self._own_workers: Workers | None = None
        self._player: SoundPlayer | None = None
        self._is_sandbox = settings.is_sandbox
        self._testing = False
        self.saved_settings: Settings | None = None
        self.last_connection_result: ConnectionResult | None = None
        self._merchant_locked_by = [name for name in MERCHANT_VARIABLES if self._environ.get(name)]
        self._overridden = {
            name: variable
            for name, variable in FIELD_VARIABLES.items()
            if self._environ.get(variable)
        }
        self._connect()
        self._load(settings)
        self._apply_mode()
        self._apply_overrides()

    def _connect(self) -> None:
        self.sandbox_radio.clicked.connect(lambda: self.on_mode_clicked(is_sandbox=True))
        self.merchant_radio.clicked.connect(lambda: self.on_mode_clicked(is_sandbox=False))
        self.test_button.clicked.connect(self.test_connection)
        self.play_button.clicked.connect(self.play_sound)
        self.test_page_button.clicked.connect(self.print_test_page)
        self.counter_box.test_page_printed.connect(self.test_page_printed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Check each typed field when it is left, so the message is next to it at once.
        for name, row in self.rows.items():
            if isinstance(row.editor, QLineEdit) and name not in CHECKED_ON_SAVE_ONLY:
                row.editor.editingFinished.connect(lambda name=name: self.check_field(name))
        for edit in (self.appid_edit, self.mch_id_edit, self.api_key_edit):
            # Another merchant or key: an earlier test result no longer applies.
            edit.textEdited.connect(lambda _text: self._clear_test_result())
        self.sign_type_combo.currentIndexChanged.connect(lambda _i: self._clear_test_result())

    # -- filling ------------------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        merchant = settings.merchant
        self.mode_box.show_mode(is_sandbox=self._is_sandbox)
        self.merchant_box.load(merchant)
        self.certificate_box.load(merchant.certificate if merchant else None)
        self.notifications_box.load(settings)
        self.till_box.load(settings)
        self.counter_box.load(settings)
        self.certificate_box.apply_kind()
        self.show_secret_place(is_keyring=config.keyring_is_usable(self._services.secrets))

    def _apply_mode(self) -> None:
        is_merchant_editable = not self._is_sandbox and not self._merchant_locked_by
        self.merchant_box.setEnabled(is_merchant_editable)
        self.certificate_box.setEnabled(is_merchant_editable)
        self.mode_banner.show_mode(is_sandbox=self._is_sandbox)
        if self._is_sandbox:
            for name in MERCHANT_FIELDS:
                self.rows[name].set_error(None)
            self._clear_test_result()

    def _apply_overrides(self) -> None:
        for name, variable in self._overridden.items():
            self.rows[name].editor.setEnabled(False)
            self.rows[name].set_note(
                self.tr(
                    "Set by the environment variable {name}, which wins over this dialog."
                ).format(name=variable)
            )
        if self._merchant_locked_by:
            self.mode_box.lock(self._merchant_locked_by)
            self.merchant_box.setEnabled(False)
            self.certificate_box.setEnabled(False)

    # -- reading the form ---------------------------------------------------------------------

    @property
    def is_sandbox(self) -> bool:
        """The mode chosen in the dialog (not yet saved)."""
        return self._is_sandbox

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
        problems = validate_merchant(self.merchant_box.form())
        if "api_key" in problems and self.merchant_box.is_another_merchant_without_key():
            problems["api_key"] = self.tr("another merchant number: enter its API key")
        return problems

    def _certificate_problems(self, *, open_files: bool) -> dict[str, str]:
        if self._is_sandbox or self._merchant_locked_by:
            return {}
        form = self.certificate_box.form()
        if open_files:
            return validate_certificate(form)
        if form.kind is CertificateKind.NONE:
            return {}
        # Only the paths: opening the certificate waits for Save (it reads the files).
        problems = validate_certificate(dataclasses.replace(form, password=""))
        problems.pop("password", None)
        return problems

    def _other_problems(self) -> dict[str, str]:
        relay_url = self.notifications_box.relay_url()
        notify_url = self.notify_url_edit.text()
        candidates = {
            "relay_url": validate_url(relay_url, what="relay URL"),
            "till_token": validate_token(self.notifications_box.till_token(), relay_url=relay_url),
            "notify_url": validate_url(notify_url, what="notify URL", no_query=True)
            if self._is_sandbox
            else validate_notify_url(notify_url, relay_url=relay_url),
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
        if name in MERCHANT_FIELDS:
            problems = self._merchant_problems()
        elif name in CERTIFICATE_FIELDS:
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
        question = switch_question(to_sandbox=is_sandbox)
        if self._services.confirm(self, self.tr("Change payment mode"), question):
            self._is_sandbox = is_sandbox
        self.mode_box.show_mode(is_sandbox=self._is_sandbox)
        self._apply_mode()

    # -- test connection, test page, sound ----------------------------------------------------

    def _workers(self) -> Workers:
        if self._services.workers is not None:
            return self._services.workers
        if self._own_workers is None:
            self._own_workers = Workers(network_threads=1, parent=self)
        return self._own_workers

    def _clear_test_result(self) -> None:
        if not self._testing:
            self.merchant_box.clear_result()

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
        problems = {} if self._merchant_locked_by else validate_merchant(self.merchant_box.form())
        for name in MERCHANT_FIELDS:
            self.rows[name].set_error(problems.get(name))
        if problems:
            self.merchant_box.show_result(self.tr("Fix the merchant details first."), "bad")
            return False
        if self._merchant_locked_by and self._settings.merchant is not None:
            merchant = self._settings.merchant
        else:
            # With the certificate as the form has it: Test connection opens it too.
            merchant = self.merchant_box.merchant(self.certificate_box.form().certificate())
        # A key typed here is a secret from now on, even before it is saved.
        logs.add_secrets(merchant.api_key)
        base_url = self._settings.api_base_url
        timeout = self._services.connection_timeout
        self._testing = True
        self.test_button.setEnabled(False)
        self.merchant_box.show_result(self.tr("Asking WeChat Pay…"), "busy")
        self.certificate_box.result_label.clear()
        self._workers().network(
            # The certificate is opened too (§3.10: payment codes are reversed with it).
            lambda: (
                check_connection(merchant, base_url, timeout=timeout),
                certificate_problem(merchant),
            ),
            on_done=self._on_test_done,
            on_error=self._on_test_failed,
        )
        return True

    def _on_test_done(self, checked: object) -> None:
        assert isinstance(checked, tuple)
        result, problem = checked
        self.certificate_box.show_problem(problem)
        self._show_test_result(result)

    def _show_test_result(self, result: object) -> None:
        assert isinstance(result, ConnectionResult)
        self._testing = False
        self.test_button.setEnabled(True)
        self.last_connection_result = result
        self.test_result_label.setProperty("verdict", result.verdict.value)
        self.merchant_box.show_result(verdict_text(result), "good" if result.is_ok else "bad")
        log.info("settings: test connection: %s (%s)", result.verdict.value, result.detail)
        self.connection_tested.emit(result)

    def _on_test_failed(self, exc: BaseException) -> None:
        # check_connection turns every expected failure into a verdict: this is a bug.
        log.error("settings: test connection failed unexpectedly", exc_info=exc)
        self._show_test_result(ConnectionResult(Verdict.OTHER, f"unexpected {type(exc).__name__}"))

    def test_result_text(self) -> str:
        return self.test_result_label.text()

    def print_test_page(self) -> bool:
        """Print the test page on the printer typed here (saved or not), on the device worker;
        the outcome is shown under the printer's field and told by :attr:`test_page_printed`."""
        if self.check_field("printer"):
            return False
        return self.counter_box.print_test_page(self._workers(), self._settings.shop_name)

    def play_sound(self) -> bool:
        """Play the chosen sound (the default chime when empty); False if it is not playable."""
        if self.check_field("sound"):
            return False
        path = self.till_box.sound_path()
        if self._services.play_sound is not None:
            self._services.play_sound(path)
            return True
        if self._player is None:
            self._player = SoundPlayer(path, self)
        else:
            self._player.set_path(path)
        self._player.play()
        return not self._player.is_silent

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
        return self.merchant_box.merchant(self.certificate_box.form().certificate())

    def build_settings(self) -> Settings:
        """What Save writes: the file's settings with the form's fields over them.

        Fields set by environment variables keep the file's value: the environment is not
        written into the file.
        """
        base = self._file_settings()
        base.merchant = self._form_merchant(base)
        values = {
            **self.notifications_box.values(),
            **self.till_box.values(),
            **self.counter_box.values(),
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

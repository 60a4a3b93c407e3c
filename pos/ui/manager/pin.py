"""The manager PIN: set at first use, then asked for, with a lock-out after 5 wrong ones."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import PosError
from pos.pin import PIN_MAX_DIGITS, PinGate, hash_pin, is_valid_new_pin
from pos.ui.manager.common import alive
from pos.ui.manager.services import ManagerServices
from pos.ui.manager.window import ManagerWindow

if TYPE_CHECKING:
    from pos.config import Settings


def open_manager(parent: QWidget | None, services: ManagerServices) -> PinDialog:
    """Ask for the PIN (set it the first time), then open the manager window.

    Returns the PIN dialog (shown, window-modal); ``dialog.window_opened`` carries the
    manager window once the right PIN was entered.
    """
    dialog = PinDialog(services, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


class PinDialog(QDialog):
    """Set the PIN the first time; then ask for it, with a lock-out after 5 wrong ones."""

    #: The right PIN was entered (or a new one saved) and the manager window is open.
    window_opened = Signal(object)

    #: The right PIN was entered when the dialog only guards something else (the settings).
    unlocked = Signal()

    def __init__(
        self,
        services: ManagerServices,
        parent: QWidget | None = None,
        *,
        opens_manager: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._services = services
        self._opens_manager = opens_manager
        stored = services.settings.manager_pin_hash or ""
        self._is_setting = not stored
        shared = services.pin_gate
        self._gate = (
            None
            if self._is_setting
            else shared
            if shared is not None and shared.stored_hash == stored
            else PinGate(stored, clock=services.pin_clock)
        )
        self.manager_window: ManagerWindow | None = None
        self.setWindowTitle(self.tr("Manager"))
        layout = QVBoxLayout(self)
        self.prompt = QLabel(
            self.tr("Set a manager PIN (4 to 12 digits). It guards refunds and the day's figures.")
            if self._is_setting
            else self.tr("Enter the manager PIN.")
        )
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.pin_edit.setMaxLength(PIN_MAX_DIGITS)
        self.pin_edit.returnPressed.connect(self.submit)
        layout.addWidget(self.pin_edit)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit.setPlaceholderText(self.tr("PIN again"))
        self.again_edit.setMaxLength(PIN_MAX_DIGITS)
        self.again_edit.returnPressed.connect(self.submit)
        self.again_edit.setVisible(self._is_setting)
        layout.addWidget(self.again_edit)
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        # Re-enables the input when the lock-out is over (checked once a second).
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh_lock)
        self.setMinimumWidth(360)
        self.refresh_lock()

    @property
    def is_setting(self) -> bool:
        return self._is_setting

    @property
    def gate(self) -> PinGate | None:
        return self._gate

    def submit(self) -> None:
        if self._is_setting:
            self._set_pin()
        else:
            self._check_pin()

    def _set_pin(self) -> None:
        pin, again = self.pin_edit.text(), self.again_edit.text()
        if not is_valid_new_pin(pin):
            self.message.setText(self.tr("The PIN must be 4 to 12 digits."))
            return
        if pin != again:
            self.message.setText(self.tr("The two PINs differ."))
            return
        self.message.setText(self.tr("Saving the PIN…"))
        self.ok_button.setEnabled(False)
        save = self._services.save_settings
        current = self._services.settings

        def hash_and_save() -> Settings:
            # scrypt takes ~50 ms: on the worker, with the save, not on the main thread.
            settings = replace(current, manager_pin_hash=hash_pin(pin))
            save(settings)
            return settings

        self._services.workers.db(
            hash_and_save,
            on_done=alive(self, self._on_pin_saved),
            on_error=alive(self, self._on_pin_save_failed),
        )

    def _on_pin_saved(self, settings: Settings) -> None:
        self._services.settings.manager_pin_hash = settings.manager_pin_hash
        self._open_window()

    def _on_pin_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(
            self.tr("The PIN could not be saved: %1").replace(
                "%1", str(exc) if isinstance(exc, PosError) else type(exc).__name__
            )
        )

    def _check_pin(self) -> None:
        gate = self._gate
        assert gate is not None
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if gate.check(pin):
            self._open_window()
            return
        if not self.refresh_lock():
            self.message.setText(
                self.tr("Wrong PIN. %1 tries left.").replace("%1", str(gate.tries_left))
            )

    def refresh_lock(self) -> bool:
        """Show the lock-out (and disable input) while it lasts; True when locked."""
        gate = self._gate
        seconds = gate.seconds_locked() if gate is not None else 0.0
        locked = seconds > 0
        self.pin_edit.setEnabled(not locked)
        self.ok_button.setEnabled(not locked)
        if locked:
            whole = int(seconds + 0.999)
            self.message.setText(
                self.tr("Too many wrong PINs. Locked for %1 min %2 s.")
                .replace("%1", str(whole // 60))
                .replace("%2", str(whole % 60))
            )
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        else:
            if self._lock_timer.isActive():
                self._lock_timer.stop()
                self.message.clear()
                self.pin_edit.setFocus()
        return locked

    def _open_window(self) -> None:
        if not self._opens_manager:
            self.unlocked.emit()
            self.accept()
            return
        window = ManagerWindow(self._services, self.parentWidget())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowFlag(Qt.WindowType.Window)
        window.resize(1200, 760)
        window.show()
        self.manager_window = window
        self.window_opened.emit(window)
        self.accept()

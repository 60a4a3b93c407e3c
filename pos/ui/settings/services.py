"""What the settings dialog needs from its caller, and which fields the environment decides."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pos import config
from pos.config import SecretStore
from pos.ui.workers import Workers

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
        "idle_lock_minutes",
        "language",
        "sound",
        "speak_amount",
        "printer",
        "paper_mm",
        "print_on_paid",
        "compact_customer_view",
    }
}
CONNECTION_TIMEOUT_SECONDS = 5.0

Confirm = Callable[[QWidget, str, str], bool]
ChooseFile = Callable[[QWidget, str, str], str]
PlaySound = Callable[[Path], None]


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; No is the default answer."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_file(parent: QWidget, title: str, name_filter: str) -> str:
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
    confirm: Confirm = ask
    choose_file: ChooseFile = open_file
    #: Plays a sound file for the "play" button; None = :class:`pos.ui.sound.SoundPlayer`.
    play_sound: PlaySound | None = None
    connection_timeout: float = CONNECTION_TIMEOUT_SECONDS

    def environment(self) -> Mapping[str, str]:
        """The environment in effect: the one given, else the process's."""
        return self.environ if self.environ is not None else os.environ

    def settings_path(self) -> Path:
        """The settings file in effect: the one given, else the platform's (or ``POS_CONFIG``)."""
        return self.path if self.path is not None else config.config_path(self.environment())

"""The ways in: the settings from the till's menu, and the welcome on a till never set up."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pos import config
from pos.config import Settings
from pos.errors import ConfigError
from pos.ui.settings.dialog import SettingsDialog
from pos.ui.settings.services import MERCHANT_VARIABLES, SettingsServices

log = logging.getLogger(__name__)


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
    services = SettingsServices(path=path, environ=environ)
    env = services.environment()
    if any(env.get(name) for name in MERCHANT_VARIABLES):
        return False
    return not services.settings_path().exists()


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
        try:
            config.save_settings(Settings(), services.settings_path(), secrets=services.secrets)
        except ConfigError as exc:
            log.warning("first run: %s", exc)
        return settings
    finally:
        dialog.deleteLater()

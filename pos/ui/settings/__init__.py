"""The settings dialog, one module per group of settings, and the ways to open it.

- :mod:`~pos.ui.settings.entry`: ``open_settings`` (the till's menu), ``first_run`` and
  ``needs_first_run`` (the welcome on a till never set up);
- :mod:`~pos.ui.settings.dialog`: :class:`SettingsDialog` fills, checks
  (:mod:`pos.config.validation`), tests the connection and saves;
- :mod:`~pos.ui.settings.form`: the window as laid out, from the groups' builders;
- the groups: :mod:`~pos.ui.settings.mode` (sandbox or merchant), :mod:`~pos.ui.settings.merchant`,
  :mod:`~pos.ui.settings.certificate`, :mod:`~pos.ui.settings.notifications` (the relay),
  :mod:`~pos.ui.settings.till` (times, language, sound), :mod:`~pos.ui.settings.counter`
  (receipts and voice);
- :mod:`~pos.ui.settings.fields`: a field with its message, the texts' one context;
  :mod:`~pos.ui.settings.services`: what the caller gives the dialog.
"""

from pos.ui.settings.dialog import SettingsDialog
from pos.ui.settings.entry import first_run, needs_first_run, open_settings
from pos.ui.settings.fields import problem_text
from pos.ui.settings.services import (
    CONNECTION_TIMEOUT_SECONDS,
    FIELD_VARIABLES,
    MERCHANT_VARIABLES,
    SettingsServices,
)

__all__ = [
    "CONNECTION_TIMEOUT_SECONDS",
    "FIELD_VARIABLES",
    "MERCHANT_VARIABLES",
    "SettingsDialog",
    "SettingsServices",
    "first_run",
    "needs_first_run",
    "open_settings",
    "problem_text",
]

"""The manager PIN of a running till: one lock-out for the whole run, and it guards settings."""

from __future__ import annotations

import pytest
from helpers.till import WAIT_MS, Till
from pytestqt.qtbot import QtBot

from pos.pin import MAX_WRONG_PINS, hash_pin
from pos.ui.manager import PinDialog, manager_services, open_manager


@pytest.fixture
def locked_till(till: Till) -> Till:
    till.app.settings.manager_pin_hash = hash_pin("8642")
    return till


def _wrong(dialog: PinDialog, times: int) -> None:
    for _ in range(times):
        dialog.pin_edit.setText("0000")
        dialog.submit()


def test_reopening_the_pin_dialog_does_not_reset_the_lock_out(
    qtbot: QtBot, locked_till: Till
) -> None:
    first = open_manager(locked_till.window, manager_services(locked_till.app))
    qtbot.addWidget(first)
    _wrong(first, MAX_WRONG_PINS - 1)
    first.reject()
    second = open_manager(locked_till.window, manager_services(locked_till.app))
    qtbot.addWidget(second)
    _wrong(second, 1)  # the fifth wrong PIN of this run, whichever dialog took it
    assert second.gate is not None and second.gate.is_locked
    second.pin_edit.setText("8642")
    second.submit()
    assert second.manager_window is None  # even the right PIN waits for the lock-out
    assert not second.pin_edit.isEnabled()


def test_settings_ask_for_the_pin_once_one_is_set(
    qtbot: QtBot, locked_till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(locked_till.app, "_show_settings", lambda: shown.append(True))
    locked_till.app.open_settings()
    dialog = locked_till.app._settings_pin_dialog
    assert isinstance(dialog, PinDialog)
    qtbot.addWidget(dialog)
    dialog.pin_edit.setText("1111")
    dialog.submit()
    assert shown == []
    dialog.pin_edit.setText("8642")
    with qtbot.waitSignal(dialog.unlocked, timeout=WAIT_MS):
        dialog.submit()
    assert shown == [True]
    assert dialog.manager_window is None  # the PIN opened the settings, not the manager


def test_settings_open_directly_while_no_pin_is_set(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(till.app, "_show_settings", lambda: shown.append(True))
    till.app.open_settings()
    assert shown == [True]

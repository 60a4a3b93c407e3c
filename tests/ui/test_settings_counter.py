"""The settings' receipts and voice: speech on/off, the printer, paper, print on paid, and a
test page printed on a fake network printer on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.printers import FakeNetworkPrinter
from pytestqt.qtbot import QtBot

from pos.config import MemorySecretStore, Settings, load_settings
from pos.ui.settings import SettingsDialog, SettingsServices

WAIT_MS = 10_000


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    fake = FakeNetworkPrinter().start()
    yield fake
    fake.stop()


def _dialog(qtbot: QtBot, tmp_path: Path, environ: dict[str, str] | None = None) -> SettingsDialog:
    services = SettingsServices(
        path=tmp_path / "settings.toml", environ=environ or {}, secrets=MemorySecretStore()
    )
    dialog = SettingsDialog(Settings(data_dir=tmp_path), services)
    qtbot.addWidget(dialog)
    return dialog


def test_the_counter_settings_are_saved(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.speak_check.isChecked()  # on by default
    assert not dialog.print_on_paid_check.isChecked()
    dialog.speak_check.setChecked(False)
    dialog.printer_edit.setText("tcp://127.0.0.1")
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(58))
    dialog.print_on_paid_check.setChecked(True)
    assert dialog.save()
    saved = load_settings(tmp_path / "settings.toml", {}, secrets=MemorySecretStore())
    assert saved.speak_amount is False
    assert saved.printer == "tcp://127.0.0.1:9100"
    assert saved.paper_mm == 58
    assert saved.print_on_paid is True


def test_a_wrong_printer_is_refused_next_to_its_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.printer_edit.setText("127.0.0.1")
    assert not dialog.save()
    assert "tcp://HOST:9100" in dialog.error_text("printer")
    assert not dialog.print_test_page()
    assert not (tmp_path / "settings.toml").exists()


def test_the_test_page_prints_on_the_printer_typed_in(
    qtbot: QtBot, tmp_path: Path, printer: FakeNetworkPrinter
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.printer_edit.setText(printer.address)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(58))
    with qtbot.waitSignal(dialog.test_page_printed, timeout=WAIT_MS) as printed:
        assert dialog.print_test_page()
    assert printed.args == [True]
    # The printer keeps a slip once the till has closed the connection: wait for it to see it.
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    (job,) = printer.jobs
    assert "打印测试页".encode("gb18030") in job
    assert "58 mm / 32 字符".encode("gb18030") in job
    assert dialog.test_page_label.text() == dialog.tr("Test page sent to the printer.")


def test_a_test_page_on_a_printer_that_is_off_says_why(
    qtbot: QtBot, tmp_path: Path, printer: FakeNetworkPrinter
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.printer_edit.setText(printer.address)
    printer.stop()
    with qtbot.waitSignal(dialog.test_page_printed, timeout=WAIT_MS) as printed:
        dialog.print_test_page()
    assert printed.args == [False]
    assert printer.address.removeprefix("tcp://") in dialog.test_page_label.text()
    assert dialog.test_page_button.isEnabled()


def test_the_environment_wins_over_the_counter_fields(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, {"POS_PRINTER": "usb://0416:5011"})
    assert not dialog.printer_edit.isEnabled()
    assert "POS_PRINTER" in dialog.note_text("printer")


def test_the_compact_customer_view_is_a_checkbox_saved_with_the_rest(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert not dialog.compact_view_check.isChecked()  # off by default
    dialog.compact_view_check.setChecked(True)
    assert dialog.save()
    saved = load_settings(tmp_path / "settings.toml", {}, secrets=MemorySecretStore())
    assert saved.compact_customer_view is True

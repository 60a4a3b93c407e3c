"""The Chinese translation (the default language) is complete, current and what the windows show."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from helpers.language import zh
from PySide6.QtCore import QTranslator
from pytestqt.qtbot import QtBot

from pos.config import MemorySecretStore, Settings
from pos.ui.resources import resources_dir
from pos.ui.settings import SettingsDialog, SettingsServices

I18N = resources_dir() / "i18n"
UI_SOURCES = sorted((Path(__file__).resolve().parents[2] / "pos" / "ui").rglob("*.py"))


def _messages(ts: Path) -> Iterator[tuple[str, str, str | None, bool]]:
    """(context, source, translation or None when unfinished, is numerus) of a .ts file."""
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            is_numerus = message.get("numerus") == "yes"
            text = translation.findtext("numerusform") if is_numerus else translation.text
            done = translation.get("type") != "unfinished" and bool(text)
            yield name, message.findtext("source") or "", text if done else None, is_numerus


def test_the_translation_files_hold_every_text_of_the_current_sources(tmp_path: Path) -> None:
    # lupdate on today's sources must find exactly the texts the committed .ts holds: a text
    # added to a window without running update_translations.py would show in English.
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *map(str, UI_SOURCES), "-no-obsolete", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = {(context, source) for context, source, _, _ in _messages(fresh)}
    committed = {(context, source) for context, source, _, _ in _messages(I18N / "pos_zh_CN.ts")}
    assert extracted == committed
    assert {context for context, _ in extracted} >= {"SettingsDialog", "ManagerWindow"}


def test_every_text_has_chinese_in_the_compiled_translation() -> None:
    translator = QTranslator()
    assert translator.load(str(I18N / "pos_zh_CN.qm"))
    count = 0
    for context, source, chinese, is_numerus in _messages(I18N / "pos_zh_CN.ts"):
        assert chinese, f"no Chinese for {context}: {source!r}"
        shown = translator.translate(context, source, None, 2 if is_numerus else -1)
        assert shown == chinese, f"{context}: {source!r}"
        count += 1
    assert count > 200
    assert translator.translate("SettingsDialog", "Test connection") == "测试连接"
    assert translator.translate("ManagerWindow", "Takings") == "收款"
    # The same word may read differently in two windows (a deal whose order failed).
    assert translator.translate("DealState", "failed") == "失败"
    assert translator.translate("DealTableModel", "failed") == "下单失败"


def test_the_settings_dialog_speaks_chinese(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    services = SettingsServices(
        path=tmp_path / "settings.toml", environ={}, secrets=MemorySecretStore()
    )
    dialog = SettingsDialog(Settings(data_dir=tmp_path), services)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "设置"
    assert dialog.test_button.text() == "测试连接"
    assert dialog.mode_banner.text() == zh(
        "SettingsDialog", "SANDBOX: practice payments, no real money"
    )
    assert dialog.save_button.text() != "Save"  # Qt's own buttons (qtbase_zh_CN) too


def _update_script() -> Any:
    import importlib.util

    path = I18N / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_update_script_lists_a_text_without_chinese_and_takes_one_given(
    tmp_path: Path,
) -> None:
    script = _update_script()
    ts = tmp_path / "pos_zh_CN.ts"
    text = (I18N / "pos_zh_CN.ts").read_text(encoding="utf-8")
    ts.write_text(
        text.replace("<translation>测试连接</translation>", '<translation type="unfinished" />'),
        encoding="utf-8",
    )
    assert script.check_chinese(ts, {}) == ["SettingsDialog\tTest connection"]
    given = tmp_path / "zh.tsv"
    given.write_text("SettingsDialog\tTest connection\t测试连接\n", encoding="utf-8")
    assert script.check_chinese(ts, script.read_tsv(given)) == []
    assert (
        dict(((context, source), chinese) for context, source, chinese, _ in _messages(ts))[
            ("SettingsDialog", "Test connection")
        ]
        == "测试连接"
    )

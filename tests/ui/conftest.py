"""Fixtures of the window tests: the real window on the real sandbox and relay, over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.language import language
from helpers.manager_fixtures import shop  # noqa: F401  (the manager tests' fixture)
from helpers.till import WAIT_MS, Till
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import pos.ui  # noqa: F401  (applies the PySide6 6.12 reference-count fix before any Qt call)
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.ui.app import CashierApp


@pytest.fixture
def chinese() -> Iterator[QApplication]:
    """The application in Chinese, as `pos` starts it by default; English again afterwards."""
    with language("zh_CN") as app:
        yield app


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    return SandboxOptions()


@pytest.fixture
def sandbox(sandbox_options: SandboxOptions) -> Sandbox:
    return Sandbox([DEFAULT_MERCHANT], options=sandbox_options)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Sandbox mode (no merchant), a quick poll, a countdown long enough not to interfere."""
    return Settings(
        data_dir=tmp_path,
        till_id="T1",
        checkout_timeout_seconds=60,
        poll_interval_seconds=0.3,
        max_amount_fen=5_000_000,
    )


@pytest.fixture
def client_timeout() -> float:
    return 2.0


@pytest.fixture
def till(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, client_timeout: float
) -> Iterator[Till]:
    """The cashier started as `pos` starts it, on the given sandbox, recovered and ready."""
    app = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=client_timeout)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        yield Till(app, sandbox, qtbot)
    finally:
        app.shutdown()

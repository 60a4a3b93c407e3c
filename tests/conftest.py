"""Settings shared by every test: Qt offscreen, no real user folders touched."""

from __future__ import annotations

import os

import pytest
from helpers.processes import use_spawn

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Processes are spawned, never forked from this one (Qt, threads): see tests/helpers/processes.
use_spawn()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep settings, data and logs of every test in a temporary folder, never the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # Never the developer's real keyring: tests that need one install a fake themselves.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in ("WECHATPAY_APPID", "WECHATPAY_MCH_ID", "WECHATPAY_API_KEY", "POS_CONFIG"):
        monkeypatch.delenv(name, raising=False)

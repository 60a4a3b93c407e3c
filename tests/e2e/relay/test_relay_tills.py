"""Tills and their tokens on a real `pos relay` process: the README's line, names, secrets."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

README = Path(__file__).resolve().parents[3] / "README.md"
APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": API_KEY}


def readme_token_line() -> str:
    lines = [
        line.split("#")[0].strip()
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("export POS_RELAY_TILL_TOKENS=")
    ]
    assert len(lines) == 1, lines
    return lines[0]


def run_readme_line() -> str:
    """POS_RELAY_TILL_TOKENS as the README's own line sets it (bash, openssl)."""
    script = f'{readme_token_line()}\nprintf %s "$POS_RELAY_TILL_TOKENS"'
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, check=True, timeout=30
    ).stdout


def status_of(url: str, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.stream("GET", url + "/events", headers=headers, timeout=10) as response:
        return response.status_code


def test_the_readmes_token_line_lets_in_the_secret_and_not_the_name(
    pos_relay: Callable[..., Any],
) -> None:
    tokens = run_readme_line()
    secrets = dict(pair.split("=", 1) for pair in tokens.split(","))
    assert set(secrets) == {"POS-01", "POS-02"}
    relay = pos_relay({**MERCHANT_ENV, "POS_RELAY_TILL_TOKENS": tokens})
    assert status_of(relay.url, secrets["POS-01"]) == 200
    assert status_of(relay.url, secrets["POS-02"]) == 200
    # The till's name is not a password.
    assert status_of(relay.url, "POS-01") == 401
    assert status_of(relay.url, "POS-02") == 401
    relay.stop()
    logs = relay.logs()
    assert "relay till connected till=POS-01" in logs
    assert "relay till connected till=POS-02" in logs
    assert "relay events refused till=unknown reason=bad-token" in logs
    for secret in secrets.values():
        assert secret not in logs

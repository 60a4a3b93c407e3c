"""Tills and their tokens on a real `pos relay` process: the README's line, names, secrets."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from pos.wechatpay.notify import SUCCESS_REPLY

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


SECOND_APPID = "wx0123456789abcdef"
SECOND_MCH_ID = "1900000110"
SECOND_KEY = "b2c3d4e5f60718293a4b5c6d7e8f9012"
TILL_ONE = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
TILL_NINE = "0f9e8d7c6b5a49382716f5e4d3c2b1a0"


def events_until(url: str, token: str, last: str) -> list[str]:
    """The out_trade_no of every event a till is sent from the start, up to ``last``."""
    headers = {"Authorization": f"Bearer {token}", "Last-Event-ID": "0"}
    seen: list[str] = []
    with httpx.stream("GET", url + "/events", headers=headers, timeout=10) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data: "):
                seen.append(json.loads(line.removeprefix("data: "))["out_trade_no"])
                if seen[-1] == last:
                    return seen
    raise AssertionError(f"stream ended after {seen}")


def test_two_merchants_on_one_relay_each_till_sees_its_own(
    pos_relay: Callable[..., Any], notes: Any
) -> None:
    settings = (
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{API_KEY}"\n'
        "[[relay.merchants]]\n"
        f'appid = "{SECOND_APPID}"\nmch_id = "{SECOND_MCH_ID}"\napi_key = "{SECOND_KEY}"\n'
    )
    env = {
        "POS_RELAY_TILL_TOKENS": f"POS-01={TILL_ONE},POS-09={TILL_NINE}",
        "POS_RELAY_TILL_MERCHANTS": f"POS-09={SECOND_MCH_ID}",
    }
    relay = pos_relay(env, settings_toml=settings)

    def pay(appid: str, mch_id: str, key: str) -> tuple[str, bytes]:
        fields = notes.payment_fields(appid=appid, mch_id=mch_id)
        answer = httpx.post(
            relay.url + "/wechatpay/notify", content=notes.sign_payment(fields, key), timeout=10
        )
        return fields["out_trade_no"], answer.content

    first, second = (APPID, MCH_ID, API_KEY), (SECOND_APPID, SECOND_MCH_ID, SECOND_KEY)
    sent = [pay(*merchant) for merchant in (first, second, first, second)]
    assert all(answer == SUCCESS_REPLY for _, answer in sent)
    # A merchant the relay does not serve is refused, whatever key signed it.
    _, refused = pay("wx00000000000000ff", "1900000999", SECOND_KEY)
    assert b"<return_code><![CDATA[FAIL]]></return_code>" in refused
    mine, theirs, mine_too, theirs_too = (number for number, _ in sent)
    assert events_until(relay.url, TILL_ONE, mine_too) == [mine, mine_too]
    assert events_until(relay.url, TILL_NINE, theirs_too) == [theirs, theirs_too]

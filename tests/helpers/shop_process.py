"""The shop server (``python -m pos.relay``) in a process of its own, for the end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

from helpers.ports import free_port
from pos.sandbox import DEFAULT_MERCHANT


class ShopServer:
    """``python -m pos.relay`` serving DEFAULT_MERCHANT to the tills of ``tokens``, on a port
    it keeps across restarts (kill, then start again)."""

    def __init__(self, database_url: str, folder: Path, tokens: Mapping[str, str]) -> None:
        self.database_url = database_url
        self.tokens = dict(tokens)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "relay.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "WECHATPAY_APPID": DEFAULT_MERCHANT.appid,
            "WECHATPAY_MCH_ID": DEFAULT_MERCHANT.mch_id,
            "WECHATPAY_API_KEY": DEFAULT_MERCHANT.api_key,
            "POS_RELAY_TILL_TOKENS": ",".join(f"{k}={v}" for k, v in self.tokens.items()),
        }
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "pos.relay"),
                    *("--port", str(self.port), "--database", self.database_url),
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while True:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the shop server did not start"
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

"""``pos reconcile`` as a real process when WeChat Pay cannot be reached."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.ports import free_port

from pos import config
from pos.store import Store

API_KEY = "192006250b4c09247ec02edce69f6a2d"
#: The documented statuses (docs/manager.md): 4 no bill, 5 WeChat Pay unreachable.
EXIT_NO_BILL, EXIT_UNREACHABLE = 4, 5


def test_unreachable_wechat_pay_is_said_with_its_own_exit_status(tmp_path: Path) -> None:
    database = tmp_path / "pos.sqlite3"
    Store.open(database).close()
    env = {key: value for key, value in os.environ.items() if key not in config.ENVIRONMENT}
    env.update(
        {
            "POS_CONFIG": str(tmp_path / "absent.toml"),
            "POS_DATABASE": str(database),
            "WECHATPAY_APPID": "wxd930ea5d5a258f4f",
            "WECHATPAY_MCH_ID": "10000100",
            "WECHATPAY_API_KEY": API_KEY,
            "WECHATPAY_API_BASE_URL": f"http://127.0.0.1:{free_port()}",
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "pos", "reconcile", "--date", "2026-11-24"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_UNREACHABLE != EXIT_NO_BILL
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "WeChat Pay could not be reached for the bill of 2026-11-24" in line
    assert "no bill" not in line.lower()
    assert API_KEY not in line

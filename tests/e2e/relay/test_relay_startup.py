"""`pos relay` that cannot start says why in one line and exits non-zero."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.ports import free_port

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": API_KEY}


def corrupt(folder: Path) -> str:
    path = folder / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database, it is a text file " * 100)
    return str(path)


CASES: list[tuple[str, Callable[[Path], str], str]] = [
    ("corrupt", corrupt, "file is not a database"),
    ("bad-path", lambda folder: str(folder / "no-such-folder" / "r.db"), "unable to open"),
    (
        "postgres-down",
        lambda folder: f"postgresql://pos:pg-password-1234@127.0.0.1:{free_port()}/pos",
        "Connection refused",
    ),
]


@pytest.mark.parametrize(("_name", "database", "cause"), CASES, ids=[c[0] for c in CASES])
def test_a_database_that_cannot_be_used_is_one_line_and_a_failure(
    pos_relay: Callable[..., Any], tmp_path: Path, _name: str, database: Any, cause: str
) -> None:
    relay = pos_relay(MERCHANT_ENV, database_url=database(tmp_path), wait=False)
    status = relay.process.wait(60)
    output = relay.output.read_text(encoding="utf-8")
    assert status != 0
    lines = output.splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("pos: error: the relay cannot start: ")
    assert cause in lines[0]
    assert "pg-password-1234" not in output and API_KEY not in output


def read_only(folder: Path) -> str:
    """A good relay database in a folder, both made read-only."""
    from pos.relay.storage import NotificationStore

    database = folder / "read-only"
    database.mkdir()
    store = NotificationStore(str(database / "relay.sqlite3"))
    store.create_schema()
    store.close()
    (database / "relay.sqlite3").chmod(0o444)
    database.chmod(0o555)
    return str(database / "relay.sqlite3")


# root ignores file modes unless it gives up the capabilities that let it (util-linux setpriv).
AS_A_USER = (
    (
        "setpriv",
        "--bounding-set=-dac_override,-dac_read_search",
        "--inh-caps=-dac_override,-dac_read_search",
    )
    if os.geteuid() == 0
    else ()
)


def test_a_read_only_database_is_one_line_and_a_failure(
    pos_relay: Callable[..., Any], tmp_path: Path
) -> None:
    database = read_only(tmp_path)
    try:
        relay = pos_relay(MERCHANT_ENV, database_url=database, wait=False, prefix=AS_A_USER)
        status = relay.process.wait(60)
    finally:
        Path(database).parent.chmod(0o755)
    lines = relay.output.read_text(encoding="utf-8").splitlines()
    assert status != 0
    assert lines == [
        "pos: error: the relay cannot start: the relay database cannot be opened: "
        "attempt to write a readonly database"
    ]


def test_a_port_in_use_is_one_line_and_a_failure(pos_relay: Callable[..., Any]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        other = pos_relay(MERCHANT_ENV, wait=False, port=port)
        status = other.process.wait(60)
    output = other.output.read_text(encoding="utf-8")
    assert status != 0
    assert output.splitlines() == [
        f"pos: error: the relay cannot listen on 127.0.0.1:{port}: Address already in use"
    ]

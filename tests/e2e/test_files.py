"""The files the app writes, as real processes make them: private modes, export outputs.

Every process here runs under the usual umask 022, which alone would make files 0644 and
folders 0755.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers.ports import free_port

from pos import config

DAY = "2026-11-24"
APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"

# Makes a till database with one deal of DAY, then keeps it open (WAL and shared memory
# present) until its standard input closes.
_MAKE_DATABASE = f"""
import sys
from datetime import datetime, timedelta
from pos.store import Store
from pos.wechatpay.types import BEIJING
store = Store.open(sys.argv[1])
at = datetime.fromisoformat("{DAY}T12:30:00").replace(tzinfo=BEIJING)
if store.get_deal("POS0000000001") is None:
    store.create_deal(out_trade_no="POS0000000001", amount_fen=2550, product="咖啡",
                      till_id="T1", time_start=at, time_expire=at + timedelta(minutes=5),
                      sign_type="MD5", now=at)
print("open", flush=True)
sys.stdin.read()
store.close()
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(autouse=True)
def _umask_022() -> Iterator[None]:
    """The processes started by these tests inherit it."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def pos_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in config.ENVIRONMENT and key != "POS_SANDBOX_KEY"
    }
    env.update(
        {
            "POS_CONFIG": str(tmp_path / "absent-settings.toml"),
            "POS_DATABASE": str(tmp_path / "till" / "pos.sqlite3"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
    )
    env.update(extra)
    return env


def run_pos(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "pos", *args],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def make_database(path: Path) -> None:
    """A till database with one deal of DAY, made by its own process and closed again."""
    done = subprocess.run(
        [sys.executable, "-c", _MAKE_DATABASE, str(path)],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# --- modes ------------------------------------------------------------------------------------


def test_the_till_database_its_wal_and_shm_and_their_folder_are_private(tmp_path: Path) -> None:
    database = tmp_path / "data" / "wechatpay-pos" / "pos.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-c", _MAKE_DATABASE, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "open\n"
        files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
        assert [mode(path) for path in files] == [0o600, 0o600, 0o600]
        assert mode(database.parent) == mode(database.parent.parent) == 0o700
    finally:
        process.communicate(input="", timeout=60)
    assert process.returncode == 0


def test_an_old_databases_files_are_narrowed_when_it_is_opened(tmp_path: Path) -> None:
    database = tmp_path / "pos.sqlite3"
    make_database(database)
    database.chmod(0o644)
    make_database(database)
    assert mode(database) == 0o600


@pytest.mark.parametrize("is_default", [False, True], ids=["--database", "default"])
def test_the_relays_sqlite_database_is_private(tmp_path: Path, is_default: bool) -> None:
    # Without --database the relay makes its database in the data folder, folders and all.
    data_home = tmp_path / "data"
    database = (
        data_home / "wechatpay-pos" / "relay.sqlite3" if is_default else tmp_path / "relay.sqlite3"
    )
    port = free_port()
    env = pos_env(
        tmp_path,
        WECHATPAY_APPID=APPID,
        WECHATPAY_MCH_ID=MCH_ID,
        WECHATPAY_API_KEY=API_KEY,
        XDG_DATA_HOME=str(data_home),
    )
    where = [] if is_default else ["--database", str(database)]
    process = subprocess.Popen(
        [sys.executable, "-m", "pos", "relay", "--port", str(port), *where],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the relay did not start"
            time.sleep(0.1)
        files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
        assert [mode(path) for path in files] == [0o600, 0o600, 0o600]
        if is_default:
            assert mode(database.parent) == mode(data_home) == 0o700
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_export_its_log_and_the_log_folders_are_private(tmp_path: Path) -> None:
    make_database(tmp_path / "till" / "pos.sqlite3")
    state = tmp_path / "state"
    env = pos_env(tmp_path, XDG_STATE_HOME=str(state))
    output = tmp_path / "deals.csv"
    done = run_pos(["export", "--date", DAY, "--output", str(output)], env)
    assert done.returncode == 0, done.stderr
    assert "1 deals" in done.stdout.decode()
    log_dir = state / "wechatpay-pos" / "log"
    assert (mode(output), mode(log_dir / "pos.log")) == (0o600, 0o600)
    assert mode(log_dir) == mode(log_dir.parent) == 0o700
    xlsx = tmp_path / "deals.xlsx"
    assert run_pos(["export", "--date", DAY, "--output", str(xlsx)], env).returncode == 0
    assert mode(xlsx) == 0o600


def test_saved_settings_and_their_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "config" / "wechatpay-pos" / "settings.toml"
    code = (
        "import sys; from pathlib import Path; from pos import config; "
        "config.save_settings(config.Settings(data_dir=Path(sys.argv[2]), shop_name='Shop'), "
        "Path(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(tmp_path / "data")],
        env=pos_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Shop" in path.read_text(encoding="utf-8")
    assert mode(path) == 0o600
    assert mode(path.parent) == mode(path.parent.parent) == 0o700


# --- pos export --output ----------------------------------------------------------------------


@pytest.fixture
def till(tmp_path: Path) -> dict[str, str]:
    make_database(tmp_path / "till" / "pos.sqlite3")
    return pos_env(tmp_path)


def test_export_writes_through_a_symlink_and_keeps_it(till: dict[str, str], tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "deals.csv"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    done = run_pos(["export", "--date", DAY, "--output", str(link)], till)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    text = real.read_text(encoding="utf-8-sig")
    assert "POS0000000001" in text and "咖啡" in text
    assert mode(real) == 0o600


def test_export_into_a_fifo_leaves_the_fifo(till: dict[str, str], tmp_path: Path) -> None:
    fifo = tmp_path / "deals.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = run_pos(["export", "--date", DAY, "--format", "csv", "--output", str(fifo)], till)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(received) == 1
    assert "POS0000000001" in received[0].decode("utf-8-sig")


def full_device(tmp_path: Path) -> Path:
    """A /dev/full. As root, a node of our own (char 1,7): a bug that replaced it would not
    replace the machine's; an ordinary user gets /dev/full itself, which it cannot replace."""
    if os.geteuid() == 0:
        node = tmp_path / "full"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        return node
    return Path("/dev/full")


def test_export_to_a_full_device_fails_with_the_cause(till: dict[str, str], tmp_path: Path) -> None:
    device = full_device(tmp_path)
    done = run_pos(["export", "--date", DAY, "--format", "csv", "--output", str(device)], till)
    assert done.returncode != 0
    err = done.stderr.decode()
    assert err.startswith("pos: error: cannot write") and "No space left on device" in err
    assert len(err.splitlines()) == 1
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert os.lstat(device).st_rdev == os.makedev(1, 7)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_dash_is_standard_output(till: dict[str, str], tmp_path: Path, fmt: str) -> None:
    done = run_pos(["export", "--date", DAY, "--format", fmt, "--output", "-"], till, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "-").exists()
    if fmt == "csv":
        text = done.stdout.decode("utf-8-sig")
        assert text.splitlines()[0].startswith("时间,")
        assert "POS0000000001" in text
    else:
        assert done.stdout.startswith(b"PK")  # a zip: the whole workbook, nothing else
    assert "1 deals" in done.stderr.decode()  # the summary stays out of the data


def test_the_cashiers_folders_databases_and_log_are_private(tmp_path: Path) -> None:
    """The real cashier (offscreen) on a fresh home: its store, its embedded relay's store,
    their WAL files, its folders and its log."""
    home = tmp_path / "home"
    settings = home / "config" / "wechatpay-pos" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("")  # an installed till: no first-run dialog
    env = pos_env(
        tmp_path,
        POS_CONFIG=str(settings),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
    )
    del env["POS_DATABASE"]
    data = home / "data" / "wechatpay-pos"
    files = [
        data / name
        for base in ("pos.sqlite3", "relay.sqlite3")
        for name in (base, f"{base}-wal", f"{base}-shm")
    ]
    process = subprocess.Popen(
        [sys.executable, "-m", "pos"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not all(path.exists() for path in files):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, f"missing: {[p for p in files if not p.exists()]}"
            time.sleep(0.1)
        assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
        assert mode(data) == mode(data.parent) == 0o700
        log_dir = home / "state" / "wechatpay-pos" / "log"
        assert mode(log_dir / "pos.log") == 0o600
        assert mode(log_dir) == mode(log_dir.parent) == mode(log_dir.parent.parent) == 0o700
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_export_to_a_link_to_its_own_standard_output(till: dict[str, str], tmp_path: Path) -> None:
    """What /dev/stdout is on Linux (a link to /proc/self/fd/1), made in tmp_path so that a
    bug replacing it could not replace the machine's /dev/stdout."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    done = run_pos(["export", "--date", DAY, "--format", "csv", "--output", str(link)], till)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8-sig")
    assert text.startswith("时间,") and "POS0000000001" in text
    assert link.is_symlink()

"""The ``pos`` command: parsing, dispatch to each command's module, one-line errors."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

import pos
from pos import cli, config
from pos.config import Settings
from pos.errors import ConfigError, PosError
from pos.logs import shutdown_logging
from pos.relay.app import RelaySettings
from pos.wechatpay.types import Merchant

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
KEY = "192006250b4c09247ec02edce69f6a2d"
SANDBOX_KEY = "6a2d5c7e0b914f38a1c2e3d4f5061728"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": KEY}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No real keyring, no inherited settings, and logging undone after each test."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    for name in (*config.ENVIRONMENT, "POS_SANDBOX_KEY", "POS_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    root_level = logging.getLogger().level
    yield
    shutdown_logging()
    logging.getLogger().setLevel(root_level)
    keyring.set_keyring(previous)


class Calls:
    """What a fake command module was called with."""

    def __init__(self) -> None:
        self.args: list[tuple[Any, ...]] = []
        self.kwargs: list[dict[str, Any]] = []

    @property
    def one(self) -> tuple[Any, ...]:
        assert len(self.args) == 1
        return self.args[0]


@pytest.fixture
def fake_module(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Calls]:
    """Put a module with a recording ``run_*`` (or ``run``) in place of a real one; functions
    installed into one module name in one test go into the same module."""
    installed: dict[str, types.ModuleType] = {}

    def install(
        name: str,
        function: str,
        result: int = 0,
        raises: BaseException | None = None,
        **attributes: Any,
    ) -> Calls:
        calls = Calls()

        def record(*args: Any, **kwargs: Any) -> int:
            calls.args.append(args)
            calls.kwargs.append(kwargs)
            if raises is not None:
                raise raises
            return result

        module = installed.setdefault(name, types.ModuleType(name))
        setattr(module, function, record)
        for key, value in attributes.items():
            setattr(module, key, value)
        monkeypatch.setitem(sys.modules, name, module)
        return calls

    return install


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, fragment: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("pos: error: ")
    assert fragment in lines[0]
    assert "Traceback" not in err


# --- the cashier ------------------------------------------------------------------------------


def test_no_command_opens_the_cashier_with_the_settings(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_module("pos.ui.app", "run", result=0)
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    assert run_main(["--lang", "en"], capsys)[0] == 0
    (settings,) = calls.one
    assert isinstance(settings, Settings) and not settings.is_sandbox
    assert settings.merchant == Merchant(appid=APPID, mch_id=MCH_ID, api_key=KEY)
    assert calls.kwargs == [{"lang": "en"}]


def test_sandbox_flag_drops_the_merchant_and_no_lang_means_the_settings(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_module("pos.ui.app", "run", result=3)
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    assert run_main(["--sandbox"], capsys)[0] == 3  # the window's status is the command's
    (settings,) = calls.one
    assert settings.is_sandbox
    assert calls.kwargs == [{"lang": None}]


def test_config_option_reads_that_file(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = fake_module("pos.ui.app", "run")
    settings_file = tmp_path / "my.toml"
    settings_file.write_text('till_id = "POS-42"\n', encoding="utf-8")
    assert run_main(["--config", str(settings_file)], capsys)[0] == 0
    assert calls.one[0].till_id == "POS-42"


# --- pos sandbox ------------------------------------------------------------------------------


def test_sandbox_defaults(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str]
) -> None:
    calls = fake_module("pos.commands", "run_sandbox")
    assert run_main(["sandbox"], capsys)[0] == 0
    assert calls.one == ("127.0.0.1", 8900, None, None, None)


def test_sandbox_with_a_merchant_takes_the_key_from_the_environment(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_module("pos.commands", "run_sandbox")
    monkeypatch.setenv("POS_SANDBOX_KEY", SANDBOX_KEY)
    argv = ["sandbox", "--host", "0.0.0.0", "--port", "9000", "--appid", APPID, "--mch-id", MCH_ID]
    assert run_main(argv, capsys)[0] == 0
    assert calls.one == ("0.0.0.0", 9000, APPID, MCH_ID, SANDBOX_KEY)


def test_sandbox_key_option_and_a_broken_settings_file_do_not_matter(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("not toml [", encoding="utf-8")
    monkeypatch.setenv("POS_CONFIG", str(broken))
    calls = fake_module("pos.commands", "run_sandbox")
    argv = ["sandbox", "--appid", APPID, "--mch-id", MCH_ID, "--key", SANDBOX_KEY]
    assert run_main(argv, capsys)[0] == 0
    assert calls.one == ("127.0.0.1", 8900, APPID, MCH_ID, SANDBOX_KEY)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["sandbox", "--appid", APPID], "--appid, --mch-id and --key"),
        (["sandbox", "--appid", "wx1", "--mch-id", MCH_ID, "--key", KEY], "--appid: AppID"),
        (["sandbox", "--appid", APPID, "--mch-id", "x", "--key", KEY], "--mch-id: merchant"),
        (["sandbox", "--appid", APPID, "--mch-id", MCH_ID, "--key", "short"], "--key: API key"),
        (["sandbox", "--port", "0"], "argument --port: not a port number from 1 to 65535: '0'"),
        (["sandbox", "--port", "65536"], "not a port number"),
        (["sandbox", "--port", "http"], "not a port number"),
        (["sandbox", "--host", "a b"], "argument --host: not a host name or address"),
        (["sandbox", "--appid", ""], "argument --appid: must not be empty"),
    ],
)
def test_sandbox_bad_input(
    argv: list[str],
    fragment: str,
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = fake_module("pos.commands", "run_sandbox")
    status, _, err = run_main(argv, capsys)
    assert status == 2
    assert_one_line_error(err, fragment)
    assert calls.args == []


# --- pos relay --------------------------------------------------------------------------------


def test_relay_builds_its_settings_from_the_environment(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_module("pos.commands", "run_relay")
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    url = "postgresql://relay@127.0.0.1/relay"
    argv = ["relay", "--host", "0.0.0.0", "--port", "8443", "--database", url]
    assert run_main(argv, capsys)[0] == 0
    host, port, database_url, settings = calls.one
    assert (host, port, database_url) == ("0.0.0.0", 8443, url)
    assert settings == RelaySettings(
        database_url=url,
        merchants={MCH_ID: Merchant(appid=APPID, mch_id=MCH_ID, api_key=KEY)},
        till_tokens={},
        default_mch_id=MCH_ID,
    )


def test_relay_takes_its_database_and_tokens_from_the_settings_file(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    calls = fake_module("pos.commands", "run_relay")
    settings_file = tmp_path / "relay.toml"
    settings_file.write_text(
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{KEY}"\n'
        '[relay]\ndatabase_url = "sqlite:////srv/relay.db"\n'
        'till_tokens = { "POS-01" = "token-one-aaaa-0001" }\n',
        encoding="utf-8",
    )
    settings_file.chmod(0o600)
    # --config after the command name works too.
    assert run_main(["relay", "--config", str(settings_file)], capsys)[0] == 0
    host, port, database_url, settings = calls.one
    assert (host, port, database_url) == ("127.0.0.1", 8901, "sqlite:////srv/relay.db")
    assert settings.till_tokens == {"POS-01": "token-one-aaaa-0001"}


def test_relay_default_database_is_in_the_data_folder(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_module("pos.commands", "run_relay")
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    assert run_main(["relay"], capsys)[0] == 0
    assert calls.one[2] == f"sqlite:///{config.data_dir() / 'relay.sqlite3'}"
    assert config.data_dir().is_dir()  # made for it: SQLite does not create folders


def test_relay_without_a_merchant_is_one_clear_line(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str]
) -> None:
    calls = fake_module("pos.commands", "run_relay")
    status, _, err = run_main(["relay"], capsys)
    assert status == 2
    assert_one_line_error(err, "pos relay needs a merchant: set WECHATPAY_APPID")
    assert calls.args == []


# --- pos export and pos reconcile ---------------------------------------------------------------


def test_export_one_day_format_from_the_extension(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = fake_module("pos.commands", "run_export")
    output = tmp_path / "day.XLSX"
    assert run_main(["export", "--date", "2026-11-24", "--output", str(output)], capsys)[0] == 0
    settings, date_from, date_to, fmt, path = calls.one
    assert isinstance(settings, Settings)
    assert (date_from, date_to, fmt, path) == (
        date(2026, 11, 24),
        date(2026, 11, 24),
        "xlsx",
        output,
    )


def test_export_shop_asks_for_the_shops_deals(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = fake_module("pos.commands", "run_export")
    argv = ["export", "--date", "2026-11-24", "--shop", "--output", str(tmp_path / "d.csv")]
    assert run_main(argv, capsys)[0] == 0
    assert calls.kwargs == [{"shop": True}]


def test_export_a_range_with_an_explicit_format(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = fake_module("pos.commands", "run_export", result=0)
    argv = [
        "export",
        "--date",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--format",
        "CSV",
        "--output",
        str(tmp_path / "november.txt"),
    ]
    assert run_main(argv, capsys)[0] == 0
    assert calls.one[1:4] == (date(2026, 11, 1), date(2026, 11, 30), "csv")


def test_reconcile(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = fake_module("pos.commands", "run_reconcile", result=1)
    assert run_main(["reconcile", "--date", "2026-02-28"], capsys)[0] == 1
    assert calls.one[1:] == (date(2026, 2, 28), None)
    report = tmp_path / "report.csv"
    assert run_main(["reconcile", "--date", "2026-02-28", "--output", str(report)], capsys)[0] == 1
    assert calls.args[1][1:] == (date(2026, 2, 28), report)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            ["export", "--date", "24/11/2026", "--output", "x.csv"],
            "argument --date: not a date in YYYY-MM-DD form: '24/11/2026'",
        ),
        (["export", "--date", "20261124", "--output", "x.csv"], "not a date in YYYY-MM-DD form"),
        (["export", "--date", "2026-02-30", "--output", "x.csv"], "no such date: '2026-02-30'"),
        (
            ["export", "--date", "2026-11-24", "--to", "2026-11-01", "--output", "x.csv"],
            "--to 2026-11-01 is before --date 2026-11-24",
        ),
        (
            ["export", "--date", "2026-11-24", "--format", "pdf", "--output", "x.csv"],
            "argument --format: invalid choice: 'pdf'",
        ),
        (["export", "--date", "2026-11-24", "--output", "x.pdf"], "cannot tell the format"),
        (
            ["export", "--date", "2026-11-24", "--output", "no/such/folder/x.csv"],
            "the folder of no/such/folder/x.csv does not exist",
        ),
        (["export", "--date", "2026-11-24", "--output", "."], "is a folder, not a file"),
        (["export", "--output", "x.csv"], "the following arguments are required: --date"),
        (["export", "--date", "2026-11-24"], "required: --output"),
        (["reconcile"], "the following arguments are required: --date"),
        (["reconcile", "--date", "yesterday"], "not a date in YYYY-MM-DD form"),
        (["reconcile", "--date", "2026-11-24", "--output", "missing/r.csv"], "does not exist"),
        (["refund"], "argument COMMAND: invalid choice: 'refund'"),
        (["--colour"], "unrecognized arguments: --colour"),
        (
            ["export", "--date", "2026-11-24", "--output", "x.csv", "--extra"],
            "unrecognized arguments: --extra",
        ),
        (["--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        (["--log-level", "loud"], "argument --log-level: invalid choice: 'LOUD'"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    argv: list[str],
    fragment: str,
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    modules = [fake_module("pos.commands", name) for name in ("run_export", "run_reconcile")]
    ui = fake_module("pos.ui.app", "run")
    status, out, err = run_main(argv, capsys)
    assert status == 2
    assert out == ""
    assert_one_line_error(err, fragment)
    assert all(module.args == [] for module in (*modules, ui))


def test_an_explicit_config_that_does_not_exist_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run_main(["--config", str(tmp_path / "typo.toml")], capsys)
    assert status == 2
    assert_one_line_error(err, f"config file not found: {tmp_path / 'typo.toml'}")


def test_an_invalid_config_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    settings_file = tmp_path / "bad.toml"
    settings_file.write_text(
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{KEY}x"\n',
        encoding="utf-8",
    )
    settings_file.chmod(0o600)
    argv = ["--config", str(settings_file), "reconcile", "--date", "2026-11-24"]
    status, _, err = run_main(argv, capsys)
    assert status == 2
    assert_one_line_error(err, "API key must be exactly 32 letters or digits")
    assert KEY not in err


def test_a_bad_log_level_variable_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_LOG_LEVEL", "chatty")
    status, _, err = run_main(["reconcile", "--date", "2026-11-24"], capsys)
    assert status == 2
    assert_one_line_error(err, "POS_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR")


# --- errors from the commands themselves --------------------------------------------------------


def test_a_pos_error_from_a_command_is_one_line_without_the_key(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    fake_module(
        "pos.commands",
        "run_reconcile",
        raises=ConfigError(f"bill download refused\nfor key {KEY} (sign=ABCDEF123)"),
    )
    status, _, err = run_main(["reconcile", "--date", "2026-11-24"], capsys)
    assert status == 2
    assert_one_line_error(err, "bill download refused for key [redacted] (sign=[redacted])")
    assert KEY not in err


def test_a_bug_is_one_line_on_the_terminal_and_a_traceback_in_the_log(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in MERCHANT_ENV.items():
        monkeypatch.setenv(name, value)
    fake_module("pos.commands", "run_reconcile", raises=ZeroDivisionError(f"oops {KEY}"))
    status, _, err = run_main(["reconcile", "--date", "2026-11-24"], capsys)
    assert status == 1
    assert_one_line_error(err, "unexpected ZeroDivisionError: oops [redacted] (details in ")
    shutdown_logging()  # flush and close the file
    text = (config.log_dir() / "pos.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text
    assert KEY not in text


def test_secret_variables_are_blanked_even_in_early_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_TILL_TOKEN", "till-token-0001")
    # argparse repeats what it did not understand; the token is known before parsing.
    status, _, err = run_main(["reconcile", "--date", "2026-11-24", "till-token-0001"], capsys)
    assert status == 2
    assert_one_line_error(err, "unrecognized arguments: [redacted]")


def test_a_log_folder_that_cannot_be_made_is_one_line(
    fake_module: Callable[..., Calls],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    calls = fake_module("pos.commands", "run_sandbox")
    status, _, err = run_main(["sandbox"], capsys)
    assert status == 2
    assert_one_line_error(err, f"cannot write the log in {blocker}")
    assert calls.args == []


def test_interrupt_is_status_130(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str]
) -> None:
    fake_module("pos.commands", "run_sandbox", raises=KeyboardInterrupt())
    assert run_main(["sandbox"], capsys) == (130, "", "")


def test_a_pos_error_subclass_is_still_caught(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str]
) -> None:
    fake_module("pos.commands", "run_sandbox", raises=PosError("port 8900 is taken"))
    status, _, err = run_main(["sandbox"], capsys)
    assert status == 2
    assert_one_line_error(err, "port 8900 is taken")


def test_commands_log_to_the_platform_log_folder(
    fake_module: Callable[..., Calls], capsys: pytest.CaptureFixture[str]
) -> None:
    fake_module("pos.commands", "run_reconcile")
    assert run_main(["reconcile", "--date", "2026-11-24"], capsys)[0] == 0
    shutdown_logging()
    text = (config.log_dir() / "pos.log").read_text(encoding="utf-8")
    assert f"pos {pos.__version__}: reconcile" in text


def test_version_and_help_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"pos {pos.__version__}"
    for argv in (
        ["--help"],
        ["sandbox", "--help"],
        ["relay", "--help"],
        ["export", "--help"],
        ["reconcile", "--help"],
    ):
        with pytest.raises(SystemExit) as exited:
            cli.main(argv)
        assert exited.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: pos {argv[0] if argv[0] != '--help' else ''}".rstrip())


# --- as a real process --------------------------------------------------------------------------


def run_pos(
    *args: str,
    cwd: Path,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in config.ENVIRONMENT and key != "POS_SANDBOX_KEY"
    }
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "pos", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_process_version_and_help(tmp_path: Path) -> None:
    version = run_pos("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, f"pos {pos.__version__}")
    helped = run_pos("--help", cwd=tmp_path)
    assert helped.returncode == 0 and helped.stderr == ""
    for command in ("sandbox", "relay", "export", "reconcile"):
        assert command in helped.stdout


@pytest.mark.parametrize(
    ("args", "extra_env", "fragment"),
    [
        (
            ("export", "--date", "2026-13-01", "--output", "x.csv"),
            {},
            "argument --date: no such date: '2026-13-01'",
        ),
        (("sandbox", "--port", "99999"), {}, "not a port number from 1 to 65535"),
        (("relay",), {"WECHATPAY_API_KEY": KEY}, "a merchant setting is given but no merchant"),
        (("relay",), {}, "pos relay needs a merchant"),
        (("reconcile", "--date", "2026-11-24"), {"POS_CONFIG": "."}, "it is a folder"),
    ],
)
def test_process_bad_input_is_one_line_status_2_no_traceback_no_secret(
    tmp_path: Path, args: tuple[str, ...], extra_env: dict[str, str], fragment: str
) -> None:
    done = run_pos(*args, cwd=tmp_path, extra_env=extra_env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert_one_line_error(done.stderr, fragment)
    assert KEY not in done.stderr


def test_the_command_line_does_not_load_qt_or_the_servers(tmp_path: Path) -> None:
    code = (
        "import sys, pos.cli; pos.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'starlette', 'uvicorn', 'httpx', 'peewee', 'keyring')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "[]"

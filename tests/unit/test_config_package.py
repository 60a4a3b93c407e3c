"""pos.config as a package: below the counter, its limits stated once, the PIN hash saved here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers.processes import run_python

import pos.config
from pos.checkout import CheckoutConfig
from pos.config import (
    PAPER_WIDTHS_MM,
    PASSWORD_POLL_RANGE,
    PASSWORD_WAIT_RANGE,
    Settings,
    load_settings,
    payment_codes,
    save_pin_hash,
)
from pos.config.validation import (
    CERTIFICATE_UNREADABLE,
    certificate_problem,
    validate_checkout_timeout,
    validate_password_poll,
    validate_password_wait,
    validate_poll_interval,
    validate_printer,
)
from pos.counter.printing import PrinterError, parse_printer
from pos.counter.receipt import COLUMNS
from pos.errors import ConfigError
from pos.wechatpay.types import ClientCertificate, Merchant

KEY = "192006250b4c09247ec02edce69f6a2d"  # §2.3's documented test key


def test_loading_a_printer_and_its_paper_imports_nothing_of_the_counter() -> None:
    # The counter sits above the settings: reading them must not need it (no import cycle).
    script = (
        "import sys\n"
        "from pos.config import load_settings\n"
        "s = load_settings(environ={'POS_PRINTER': 'usb://0416:5011', 'POS_PAPER_MM': '58'})\n"
        "assert (s.printer, s.paper_mm) == ('usb://0416:5011', 58), s\n"
        "print(sorted(m for m in sys.modules if m.startswith('pos.counter')))\n"
    )
    assert run_python(script).strip() == "[]"


def _loads(variable: str, value: object) -> bool:
    """Whether the settings load with ``variable`` set to ``value``."""
    try:
        load_settings(Path("/nonexistent/settings.toml"), {variable: str(value)})
    except ConfigError:
        return False
    return True


@pytest.mark.parametrize("seconds", [9, 10, 11, 7199, 7200, 7201])
def test_the_dialog_and_the_file_agree_on_the_checkout_timeout(seconds: int) -> None:
    loads = _loads("POS_CHECKOUT_TIMEOUT", seconds)
    assert (validate_checkout_timeout(seconds) is None) is loads
    assert loads is (10 <= seconds <= 7200)


@pytest.mark.parametrize("seconds", [0.1, 0.2, 0.3, 59.9, 60.0, 60.5])
def test_the_dialog_and_the_file_agree_on_the_poll_interval(seconds: float) -> None:
    loads = _loads("POS_POLL_INTERVAL", seconds)
    assert (validate_poll_interval(seconds) is None) is loads
    assert loads is (0.2 <= seconds <= 60.0)


@pytest.mark.parametrize("seconds", [9, 10, 11, 44, 45, 46])
def test_the_dialog_and_the_file_agree_on_the_password_wait(seconds: int) -> None:
    loads = _loads("POS_PASSWORD_WAIT", seconds)
    assert (validate_password_wait(seconds) is None) is loads
    assert loads is (10 <= seconds <= 45)


@pytest.mark.parametrize("seconds", [1.9, 2.0, 2.5, 9.9, 10.0, 10.5])
def test_the_dialog_and_the_file_agree_on_the_password_poll(seconds: float) -> None:
    loads = _loads("POS_PASSWORD_POLL", seconds)
    assert (validate_password_poll(seconds) is None) is loads
    assert loads is (2.0 <= seconds <= 10.0)


def test_the_password_poll_never_outlasts_the_wait() -> None:
    assert PASSWORD_POLL_RANGE[1] <= PASSWORD_WAIT_RANGE[0]
    settings = load_settings(
        Path("/nonexistent/settings.toml"),
        {"POS_PASSWORD_WAIT": "20", "POS_PASSWORD_POLL": "2.5", "POS_POLL_INTERVAL": "1"},
    )
    config = CheckoutConfig.from_settings(settings)
    assert (config.password_wait, config.password_poll, config.poll_interval) == (20.0, 2.5, 1.0)
    assert config.timeout == 120.0 and config.reverse_min_age == 15.0


def test_payment_codes_are_off_for_a_real_merchant_without_a_certificate(tmp_path: Path) -> None:
    assert payment_codes(Settings()).is_available  # the sandbox
    bare = Merchant("wxd930ea5d5a258f4f", "10000100", KEY)
    off = payment_codes(Settings(merchant=bare))
    assert not off.is_available and "certificate" in off.reason and "reverse" in off.reason
    assert certificate_problem(bare) == off.reason
    p12 = ClientCertificate(p12_path=str(tmp_path / "apiclient_cert.p12"), password="pw")
    with_cert = Merchant("wxd930ea5d5a258f4f", "10000100", KEY, certificate=p12)
    assert payment_codes(Settings(merchant=with_cert)) == payment_codes(Settings())
    # Test connection opens the certificate: a missing or wrong file is said plainly.
    assert certificate_problem(with_cert) == CERTIFICATE_UNREADABLE


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tcp://10.0.0.9",
        "tcp://10.0.0.9:70000",
        "usb://0416:5011",
        "serial:///dev/ttyS0",
        "lpt1",
    ],
)
def test_the_dialog_the_file_and_the_printer_read_an_address_alike(text: str) -> None:
    problem = validate_printer(text)
    try:
        loaded = load_settings(Path("/nonexistent/settings.toml"), {"POS_PRINTER": text})
    except ConfigError as exc:
        assert problem is not None and str(exc) == f"POS_PRINTER: {problem}"
    else:
        assert problem is None
        address = parse_printer(text)
        assert loaded.printer == ("" if address is None else str(address))
    if problem is not None:
        with pytest.raises(PrinterError) as raised:
            parse_printer(text)
        assert raised.value.code == "bad_address" and str(raised.value) == problem


def test_every_paper_width_of_the_settings_has_a_receipt_layout() -> None:
    assert set(PAPER_WIDTHS_MM) == set(COLUMNS)


def test_save_pin_hash_writes_the_hash_and_nothing_the_environment_gave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('shop_name = "小店"\n', encoding="utf-8")
    monkeypatch.setenv("WECHATPAY_API_KEY", KEY)
    monkeypatch.setenv("POS_TILL_ID", "FROM-ENV")
    given = Settings(data_dir=tmp_path, till_id="FROM-ENV", manager_pin_hash="pbkdf2$1$aa$bb")
    save_pin_hash(given, path)
    text = path.read_text(encoding="utf-8")
    assert "pbkdf2$1$aa$bb" in text and "小店" in text
    assert "FROM-ENV" not in text and KEY not in text
    assert load_settings(path, environ={}).manager_pin_hash == "pbkdf2$1$aa$bb"


def test_no_module_of_the_settings_is_over_600_lines_nor_a_function_over_80() -> None:
    folder = Path(pos.config.__file__).parent
    modules = sorted(folder.glob("*.py"))
    assert {module.name for module in modules} >= {"settings.py", "files.py", "validation.py"}
    for module in modules:
        source = module.read_text(encoding="utf-8")
        assert source.count("\n") <= 600, module.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno + 1 <= 80, f"{module.name}: {node.name}"


def test_the_toml_libraries_load_only_with_a_file_to_read_or_to_save(tmp_path: Path) -> None:
    # A new till has no settings file, and its window comes before them (issue 11, cold start).
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pos.config import Settings, load_settings, save_settings\n"
        "path = Path(sys.argv[1])\n"
        "def toml():\n"
        "    return [m for m in ('tomllib', 'tomli_w') if m in sys.modules]\n"
        "load_settings(path, {})\n"
        "print(toml())\n"
        "save_settings(Settings(data_dir=path.parent), path)\n"
        "load_settings(path, {})\n"
        "print(toml())\n"
    )
    assert run_python(script, str(tmp_path / "settings.toml")).split("\n")[:2] == [
        "[]",
        "['tomllib', 'tomli_w']",
    ]

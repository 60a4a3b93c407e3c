"""Logging: one line per event in rotating files, and no secret in any of them."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.logs import (
    FILE_ONLY,
    REDACTED,
    add_secrets,
    is_configured,
    log_file,
    redact,
    setup_logging,
    shutdown_logging,
)
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import Merchant
from pos.wechatpay.xmlcodec import encode

KEY = "192006250b4c09247ec02edce69f6a2d"  # §2.3's documented test key
CERT_PASSWORD = "p12-Pa55word"
SANDBOX_KEY = "6a2d5c7e0b914f38a1c2e3d4f5061728"  # §3.11's illustrative sandbox key
SECRETS = (KEY, CERT_PASSWORD, SANDBOX_KEY)

log = logging.getLogger("pos.test")


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    shutdown_logging()
    root.setLevel(level)


def read(log_dir: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file(log_dir).read_text(encoding="utf-8")


def test_events_are_one_line_each_with_level_logger_and_deal(tmp_path: Path) -> None:
    setup_logging(tmp_path, secrets=SECRETS)
    log.info("order created", extra={"out_trade_no": "POS01-20261124-0001"})
    log.warning("first line\nsecond line")
    log.debug("not at INFO")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        log.exception("query failed", extra={"out_trade_no": "POS01-20261124-0002"})
    lines = read(tmp_path).splitlines()
    assert len(lines) == 3
    first, second, third = lines
    assert " INFO    pos.test: [out_trade_no=POS01-20261124-0001] order created" in first
    assert first[:4].isdigit() and first[10] == "T"  # ISO time first
    assert "WARNING pos.test: first line\\nsecond line" in second
    assert "ERROR   pos.test: [out_trade_no=POS01-20261124-0002] query failed | Traceback" in third
    assert "RuntimeError: boom" in third


def test_the_level_is_honoured(tmp_path: Path) -> None:
    setup_logging(tmp_path, level="DEBUG")
    log.debug("visible at DEBUG")
    assert "visible at DEBUG" in read(tmp_path)
    with pytest.raises(ValueError, match="unknown log level"):
        setup_logging(tmp_path, level="LOUD")


def test_the_key_logged_in_every_way_never_reaches_the_file_or_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(tmp_path, secrets=SECRETS, stderr_level="DEBUG")
    merchant = Merchant(appid="wxd930ea5d5a258f4f", mch_id="10000100", api_key=KEY)
    params = {"appid": merchant.appid, "mch_id": merchant.mch_id, "nonce_str": "ibuaiVcKdpRxkhJA"}
    sign = make_sign(params, KEY)
    string_to_sign = "appid=wxd930ea5d5a258f4f&mch_id=10000100&nonce_str=x&key=" + KEY

    log.info(f"the key is {KEY}")
    log.info("the key is %s", KEY)
    log.info("upper case %s", KEY.upper())
    log.info("settings %r", {"api_key": KEY, "password": CERT_PASSWORD})
    log.info("string to sign: %s", string_to_sign)
    log.info("request %s", encode({**params, "sign": sign}))
    log.info("fields %s", {**params, "sign": sign})
    log.info("sandbox key %s, cert password %s", SANDBOX_KEY, CERT_PASSWORD)
    log.info("merchant %r", merchant)
    log.info("%s", "bad format %d", "x")  # an unformattable record still must not leak
    log.warning("dict arg %(key)s", {"key": KEY})
    try:
        raise ValueError(f"wrong key {KEY}")
    except ValueError:
        log.exception("failure with the key in the exception")
    log.info("stack", stack_info=True, extra={"out_trade_no": f"n-{KEY}"})

    text = read(tmp_path)
    err = capsys.readouterr().err
    for output in (text, err):
        for secret in (KEY, KEY.upper(), CERT_PASSWORD, SANDBOX_KEY, sign):
            assert secret not in output
        assert REDACTED in output
    assert "appid=wxd930ea5d5a258f4f&mch_id=10000100" in text  # the rest stays readable
    assert len(text.splitlines()) == 13


def test_sign_and_key_values_are_redacted_even_when_unknown() -> None:
    unknown = "ABCDEF0123456789ABCDEF0123456789"
    assert redact(f"a=1&sign={unknown}&b=2") == f"a=1&sign={REDACTED}&b=2"
    assert redact(f"...&key={unknown}") == f"...&key={REDACTED}"
    assert redact(f"<sign><![CDATA[{unknown}]]></sign>") == f"<sign>{REDACTED}</sign>"
    assert redact(f"<sandbox_signkey>{unknown}</sandbox_signkey>") == (
        f"<sandbox_signkey>{REDACTED}</sandbox_signkey>"
    )
    assert redact(f"{{'sign': '{unknown}', 'sign_type': 'MD5'}}") == (
        f"{{'sign': '{REDACTED}', 'sign_type': 'MD5'}}"
    )
    assert redact(f'{{"api_key": "{unknown}"}}') == f'{{"api_key": "{REDACTED}"}}'
    assert redact(f"Authorization: Bearer {unknown}") == f"Authorization: Bearer {REDACTED}"
    # Neighbours of secrets are left alone.
    assert redact("sign_type=MD5&out_trade_no=1217752501201407033233368018") == (
        "sign_type=MD5&out_trade_no=1217752501201407033233368018"
    )
    # Redacting twice changes nothing more.
    once = redact(f"key={unknown}")
    assert redact(once) == once


def test_known_secrets_are_replaced_anywhere() -> None:
    assert redact(f"x{KEY}y", [KEY]) == f"x{REDACTED}y"
    assert redact("short 12 stays", ["12"]) == "short 12 stays"


def test_secrets_added_later_are_redacted_too(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    late = "late-secret-0042"
    add_secrets(late)
    log.info("fetched %s", late)
    assert late not in read(tmp_path)


def test_setting_up_twice_does_not_double_lines(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    setup_logging(tmp_path)
    log.info("once")
    assert read(tmp_path).count("once") == 1
    assert is_configured()
    shutdown_logging()
    assert not is_configured()


def test_stderr_gets_warnings_without_tracebacks_and_file_only_records_stay_off_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(tmp_path)
    log.info("quiet")
    log.warning("loud")
    log.error("file only", extra=FILE_ONLY)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        log.exception("failed")
    err = capsys.readouterr().err
    assert "loud" in err and "failed" in err
    assert "quiet" not in err and "file only" not in err and "Traceback" not in err
    text = read(tmp_path)
    assert "quiet" in text and "file only" in text and "Traceback" in text


def test_no_stderr_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(tmp_path, stderr_level=None)
    log.error("to the file only")
    assert capsys.readouterr().err == ""
    assert "to the file only" in read(tmp_path)


def test_the_file_rotates_at_2_mib_keeping_5(tmp_path: Path) -> None:
    setup_logging(tmp_path / "logs")
    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert [(h.maxBytes, h.backupCount) for h in handlers] == [(2 * 1024 * 1024, 5)]
    chunk = "x" * 64 * 1024
    for _ in range(7 * 33):  # a little over 7 files of 2 MiB
        log.info(chunk)
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert names == ["pos.log", *(f"pos.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= 2 * 1024 * 1024 for p in (tmp_path / "logs").iterdir())

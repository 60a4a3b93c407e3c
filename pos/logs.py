"""Logging: rotating one-line-per-event files plus stderr, with every known secret redacted."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from pos.platform import open_private, private_dir

LOG_FILE_NAME = "pos.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
REDACTED = "[redacted]"

#: Shorter strings are not treated as secrets: replacing every "12" in a log would hide
#: more than it protects, and no real key, password or token is that short.
MIN_SECRET_LENGTH = 4

# Names whose value is a secret wherever it appears. ``sign`` is included: a signature is not
# the key, but it lets a reader replay or tamper with evidence, so it has no place in a log
# (§5.3: keep the API key and everything derived from it out of logs).
_HIDDEN_FIELDS = (
    r"sign|key|api_?key|apikey|sandbox_signkey|signkey|password|passwd|pin|"
    r"till_?token|token|secret|paysign|authorization"
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # <sign>...</sign>, <sign><![CDATA[...]]></sign> (§1.2: values may be CDATA or plain text)
    (
        re.compile(rf"<({_HIDDEN_FIELDS})>(.*?)</\1>", re.IGNORECASE | re.DOTALL),
        rf"<\1>{REDACTED}</\1>",
    ),
    # 'sign': 'ABC'  /  "key": "..." (dict reprs and JSON)
    (
        re.compile(rf"""(['"])({_HIDDEN_FIELDS})\1(\s*:\s*)(['"])(.*?)\4""", re.IGNORECASE),
        rf"\1\2\1\3\4{REDACTED}\4",
    ),
    # sign=ABC, key=..., api_key = ... (the string-to-sign ends in "&key=API_KEY", §2.1)
    (
        re.compile(
            rf"(?<![A-Za-z0-9_])({_HIDDEN_FIELDS})(\s*=\s*)(?!{re.escape(REDACTED)})"
            r"""[^\s&,;'"<>)\]}]+""",
            re.IGNORECASE,
        ),
        rf"\1\2{REDACTED}",
    ),
    # Authorization: Bearer <token>
    (re.compile(r"(bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE), rf"\1{REDACTED}"),
)


# Every pattern above needs one of these words (each alternative of _HIDDEN_FIELDS contains
# one, "bearer" is the last pattern's), so an ASCII line without any, which is most lines,
# skips them: four case-insensitive regexes cost more than the rest of a log call. Non-ASCII
# text always goes through them (IGNORECASE also folds the Kelvin sign and the long s).
_HIDDEN_WORDS = ("sign", "key", "pass", "pin", "token", "secret", "authorization", "bearer")


class Redactor:
    """Replaces known secrets and ``sign``/``key=``-like values in text. Thread-safe."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: tuple[str, ...] = ()
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        """Remember more secrets (a key typed in the settings, a sandbox key fetched later)."""
        with self._lock:
            known = set(self._secrets)
            for secret in secrets:
                if secret and len(secret) >= MIN_SECRET_LENGTH:
                    known.update({secret, secret.upper(), secret.lower()})
            # Longest first, so a secret that contains another is replaced whole.
            self._secrets = tuple(sorted(known, key=len, reverse=True))

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        if text.isascii():
            lowered = text.lower()
            if not any(word in lowered for word in _HIDDEN_WORDS):
                return text
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


_REDACTED_MSG = "_pos_redacted_msg"


class RedactingFilter(logging.Filter):
    """Rewrites each record's message, arguments, traceback and stack with secrets removed.

    It sits on the handlers (a logger's filter would miss records propagated from child
    loggers) and fixes the text once, so ``record.args`` can no longer leak afterwards.
    """

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        # The record factory already redacted the message (and nothing changed it since):
        # the handlers' pass only has ``extra`` left to do.
        is_done = record.args is None and record.__dict__.get(_REDACTED_MSG) is record.msg
        if not is_done:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string must not lose the event, nor leak its args
                message = f"{record.msg!s} (unformattable arguments)"
            record.msg = self.redactor.redact(message)
            record.args = None
            record.__dict__[_REDACTED_MSG] = record.msg
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redactor.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.redact(record.stack_info)
        deal = getattr(record, "out_trade_no", None)
        if deal is not None:
            record.out_trade_no = self.redactor.redact(str(deal))
        return True


class OneLineFormatter(logging.Formatter):
    """``time LEVEL logger: [out_trade_no=...] message``, newlines escaped: one line per event.

    ``with_details=False`` leaves out tracebacks and stacks (for the terminal: the file has them).
    """

    def __init__(self, *, with_details: bool = True) -> None:
        super().__init__()
        self.with_details = with_details

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created).astimezone()
        return moment.isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        parts = [self.formatTime(record), f"{record.levelname:<7}", f"{record.name}:"]
        deal = getattr(record, "out_trade_no", None)
        if deal:
            parts.append(f"[out_trade_no={deal}]")
        parts.append(record.message)
        line = " ".join(parts)
        if self.with_details:
            if record.exc_info and not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
            if record.exc_text:
                line = f"{line} | {record.exc_text}"
            if record.stack_info:
                line = f"{line} | {record.stack_info}"
        return line.replace("\r", "\\r").replace("\n", "\\n")


#: ``extra=FILE_ONLY`` keeps a record off the terminal (the command prints its own line).
FILE_ONLY = {"file_only": True}


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (tests and the UI may swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.addFilter(lambda record: not getattr(record, "file_only", False))

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating files made 0600 whatever the umask (the log names deals and clerks)."""

    def _open(self) -> Any:
        return open_private(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors
        )


# The handlers this module installed on the root logger, so a second setup replaces them
# instead of doubling every line, and the redactor that new secrets are added to.
_installed: list[logging.Handler] = []
_redactor: Redactor | None = None
_original_record_factory: Callable[..., logging.LogRecord] | None = None


def _install_record_factory(redacting: RedactingFilter) -> None:
    """Redact every record as it is made, so handlers we do not own (uvicorn's, a test
    runner's) never see a secret either; the handlers' own filter then covers ``extra``."""
    global _original_record_factory
    if _original_record_factory is None:
        _original_record_factory = logging.getLogRecordFactory()
    make = _original_record_factory

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        redacting.filter(record)
        return record

    logging.setLogRecordFactory(factory)


def _level_number(level: str | int) -> int:
    if isinstance(level, int):
        return level
    number = logging.getLevelName(level.upper())
    if not isinstance(number, int):
        raise ValueError(f"unknown log level: {level!r}")
    return number


def setup_logging(
    log_dir: Path,
    *,
    level: str | int = "INFO",
    secrets: Iterable[str] = (),
    stderr_level: str | int | None = "WARNING",
) -> None:
    """Log to ``log_dir/pos.log`` (5 × 2 MiB rotation) and to stderr, secrets redacted.

    ``stderr_level=None`` leaves stderr out. Calling it again replaces the earlier setup.
    """
    global _redactor
    shutdown_logging()
    private_dir(log_dir)
    redactor = Redactor(secrets)
    redacting = RedactingFilter(redactor)
    formatter = OneLineFormatter()
    terminal_formatter = OneLineFormatter(with_details=False)

    file_level = _level_number(level)
    file_handler = _PrivateRotatingFileHandler(
        log_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setLevel(file_level)
    handlers: list[logging.Handler] = [file_handler]
    lowest = file_level
    if stderr_level is not None:
        stderr_handler = _StderrHandler()
        stderr_handler.setLevel(_level_number(stderr_level))
        handlers.append(stderr_handler)
        lowest = min(lowest, stderr_handler.level)

    root = logging.getLogger()
    for handler in handlers:
        handler.addFilter(redacting)
        handler.setFormatter(formatter if handler is file_handler else terminal_formatter)
        root.addHandler(handler)
    root.setLevel(lowest)
    _installed.extend(handlers)
    _redactor = redactor
    _install_record_factory(redacting)


def is_configured() -> bool:
    """Whether :func:`setup_logging` is in effect."""
    return bool(_installed)


def add_secrets(*secrets: str) -> None:
    """Redact these too from now on (a key entered or fetched after start-up)."""
    if _redactor is not None:
        _redactor.add(secrets)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with the given secrets, the configured ones and sign/key values replaced."""
    redactor = Redactor(secrets)
    if _redactor is not None:
        text = _redactor.redact(text)
    return redactor.redact(text)


def shutdown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed."""
    global _redactor, _original_record_factory
    if _original_record_factory is not None:
        logging.setLogRecordFactory(_original_record_factory)
        _original_record_factory = None
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    _redactor = None


def log_file(log_dir: Path) -> Path:
    """Where :func:`setup_logging` writes the current log."""
    return log_dir / LOG_FILE_NAME

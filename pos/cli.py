"""The ``pos`` command: no subcommand opens the cashier; sandbox, relay, export, reconcile.

This is the composition root of the commands: it parses the command line, reads the settings,
sets up logging and hands them to :mod:`pos.commands`, imported only when a command runs (so
``pos --help`` stays fast and never loads Qt), and prints a failure as one line.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import pos
from pos import config
from pos.config import Settings
from pos.errors import ConfigError, PosError
from pos.logs import FILE_ONLY, is_configured, redact, setup_logging
from pos.platform import private_dir

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_SANDBOX_PORT = 8900
DEFAULT_RELAY_PORT = 8901
#: Exit status for bad input and refused commands (the argparse convention).
EXIT_USAGE = 2
EXIT_BUG = 1
EXIT_INTERRUPTED = 130

_SECRET_VARIABLES = (
    "WECHATPAY_API_KEY",
    "WECHATPAY_CERT_PASSWORD",
    "POS_TILL_TOKEN",
    "POS_SANDBOX_KEY",
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HOST = re.compile(r"[0-9A-Za-z.:_\[\]-]{1,253}")


class UsageError(PosError):
    """The command line itself is wrong (unknown option, bad value)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one line, not usage text and a traceback."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# --- argument types: each raises ArgumentTypeError with a message fit for one line ----------


def _date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such date: {text!r}") from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number from 1 to 65535: {text!r}")
    return int(text)


def _host(text: str) -> str:
    if not _HOST.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a host name or address: {text!r}")
    return text


def _non_empty(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text.strip()


def _add_listen(parser: argparse.ArgumentParser, default_port: int) -> None:
    """--host and --port of a server command."""
    parser.add_argument(
        "--host",
        type=_host,
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST})",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=default_port,
        help=f"port to listen on (default {default_port})",
    )


def _add_common(parser: argparse.ArgumentParser, default: Any) -> None:
    """--config and --log-level, before the command (``default``) or after it (SUPPRESS)."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=default,
        help="settings file (default: settings.toml in the config folder, or $POS_CONFIG)",
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        type=str.upper,
        default=default,
        help="how much goes to the log file (default: INFO, or $POS_LOG_LEVEL)",
    )


def _add_sandbox(commands: Any, common: argparse.ArgumentParser) -> None:
    sandbox = commands.add_parser(
        "sandbox",
        parents=[common],
        help="run the WeChat Pay simulator alone",
        description="Run the local WeChat Pay v2 simulator. Give the key in $POS_SANDBOX_KEY "
        "rather than --key, to keep it off the process list.",
    )
    _add_listen(sandbox, DEFAULT_SANDBOX_PORT)
    sandbox.add_argument("--appid", type=_non_empty, help="the simulated merchant's AppID")
    sandbox.add_argument("--mch-id", type=_non_empty, help="the simulated merchant number")
    sandbox.add_argument(
        "--key", type=_non_empty, help="the simulated API key (prefer $POS_SANDBOX_KEY)"
    )
    sandbox.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="keep orders and refunds in FILE across restarts (created private, mode 0600)",
    )


def _add_relay(commands: Any, common: argparse.ArgumentParser) -> None:
    relay = commands.add_parser(
        "relay",
        parents=[common],
        help="run the notify relay",
        description="Run the notify relay. The merchant comes from the settings or from "
        "$WECHATPAY_APPID, $WECHATPAY_MCH_ID and $WECHATPAY_API_KEY.",
    )
    _add_listen(relay, DEFAULT_RELAY_PORT)
    relay.add_argument(
        "--database",
        type=_non_empty,
        metavar="URL",
        help="database URL, sqlite:///PATH or postgresql://... (default: the "
        "settings' relay.database_url, or relay.sqlite3 in the data folder)",
    )


def _add_export(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export",
        parents=[common],
        help="export transactions to CSV or Excel",
        description="Export the transactions of a day (or of --date to --to) to a file.",
    )
    export.add_argument(
        "--date", type=_date, required=True, metavar="YYYY-MM-DD", help="first (or only) day"
    )
    export.add_argument("--to", type=_date, metavar="YYYY-MM-DD", help="last day (inclusive)")
    export.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        type=str.lower,
        help="file format (default: from the output file's extension)",
    )
    export.add_argument("--output", type=Path, required=True, metavar="FILE", help="file to write")
    export.add_argument(
        "--shop",
        action="store_true",
        help="every till's deals, from the shop server (relay_url and till_token in the "
        "settings), instead of this till's",
    )


def _add_reconcile(commands: Any, common: argparse.ArgumentParser) -> None:
    reconcile = commands.add_parser(
        "reconcile",
        parents=[common],
        help="compare a day's deals with WeChat's bill",
        description="Compare the local deals of a day with WeChat Pay's bill for that day.",
    )
    reconcile.add_argument(
        "--date", type=_date, required=True, metavar="YYYY-MM-DD", help="the day to reconcile"
    )
    reconcile.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of printing it",
    )
    reconcile.add_argument(
        "--shop",
        action="store_true",
        help="the bill against every till's deals on the shop server (relay_url and "
        "till_token in the settings), instead of this till's",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, subcommands included."""
    parser = _Parser(
        prog="pos",
        description="WeChat Pay cashier. Without a command, opens the cashier window "
        "(the built-in sandbox unless a merchant is configured).",
    )
    parser.add_argument("--version", action="version", version=f"pos {pos.__version__}")
    common = _Parser(add_help=False)
    # SUPPRESS on the subcommands' copy, so "pos --config X export" is not reset to None.
    _add_common(common, argparse.SUPPRESS)
    _add_common(parser, None)
    parser.add_argument(
        "--lang",
        choices=config.LANGUAGES,
        default=None,
        help="language of the cashier (default: from the settings, zh_CN)",
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="use the built-in sandbox even if a merchant is configured",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in (_add_sandbox, _add_relay, _add_export, _add_reconcile):
        add(commands, common)
    return parser


# --- what each command does ------------------------------------------------------------------


def _load_settings(args: argparse.Namespace) -> Settings:
    path: Path | None = args.config
    if path is not None and not path.exists():
        # A typo in an explicit --config must not quietly fall back to the sandbox.
        raise ConfigError(f"config file not found: {path}")
    return config.load_settings(path)


def _log_level(args: argparse.Namespace) -> str:
    level: str = args.log_level or os.environ.get("POS_LOG_LEVEL", "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"POS_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    return level


def _run_cashier(args: argparse.Namespace, settings: Settings) -> int:
    if args.sandbox:
        settings = dataclasses.replace(settings, merchant=None)
    from pos.ui.app import run

    status: int = run(settings, lang=args.lang)
    return status


def _run_sandbox(args: argparse.Namespace, secrets: list[str]) -> int:
    key: str | None = args.key or os.environ.get("POS_SANDBOX_KEY") or None
    given = [value is not None for value in (args.appid, args.mch_id, key)]
    if any(given) and not all(given):
        raise UsageError("sandbox: --appid, --mch-id and --key (or $POS_SANDBOX_KEY) go together")
    problems = config.validate_merchant_fields(
        args.appid or "wx0000000000000000", args.mch_id or "100000", key or "0" * 32, "MD5"
    )
    for field, option in (("appid", "--appid"), ("mch_id", "--mch-id"), ("api_key", "--key")):
        if field in problems:
            raise UsageError(f"sandbox: {option}: {problems[field]}")
    from pos.commands import run_sandbox

    status: int = run_sandbox(args.host, args.port, args.appid, args.mch_id, key, state=args.state)
    return status


def _run_relay(args: argparse.Namespace, settings: Settings) -> int:
    if settings.merchant is None and not settings.relay_merchants:
        raise ConfigError(
            "pos relay needs a merchant: set WECHATPAY_APPID, WECHATPAY_MCH_ID "
            "and WECHATPAY_API_KEY, or configure one in the settings"
        )
    database_url: str | None = args.database or settings.relay_database_url
    if database_url is None:
        # The default database lives in the data folder, which a fresh machine lacks.
        try:
            private_dir(settings.data_dir)
        except OSError as exc:
            raise ConfigError(
                f"cannot create {settings.data_dir}: {exc.strerror or type(exc).__name__}"
            ) from None
        database_url = f"sqlite:///{settings.data_dir / 'relay.sqlite3'}"
    from pos.commands import run_relay
    from pos.relay import settings_from

    relay_settings = settings_from(settings, database_url)
    status: int = run_relay(args.host, args.port, database_url, relay_settings)
    return status


def _export_format(args: argparse.Namespace) -> str:
    if args.format:
        fmt: str = args.format
        return fmt
    output: Path = args.output
    suffix = output.suffix.lower().lstrip(".")
    if suffix in ("csv", "xlsx"):
        return suffix
    raise UsageError(f"export: cannot tell the format of {args.output}: give --format csv or xlsx")


def _check_output(output: Path) -> None:
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(f"the folder of {output} does not exist")
    if output.is_dir():
        raise UsageError(f"{output} is a folder, not a file")


def _run_export(args: argparse.Namespace, settings: Settings) -> int:
    date_from: date = args.date
    date_to: date = args.to or date_from
    if date_to < date_from:
        raise UsageError(f"export: --to {date_to} is before --date {date_from}")
    _check_output(args.output)
    fmt = _export_format(args)
    from pos.commands import run_export

    status: int = run_export(settings, date_from, date_to, fmt, args.output, shop=args.shop)
    return status


def _run_reconcile(args: argparse.Namespace, settings: Settings) -> int:
    if args.output is not None:
        _check_output(args.output)
    from pos.commands import run_reconcile

    status: int = run_reconcile(settings, args.date, args.output, shop=args.shop)
    return status


def _setup_logging(level: str, secrets: Sequence[str]) -> None:
    folder = config.log_dir()
    try:
        setup_logging(folder, level=level, secrets=secrets)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the log in {folder}: {exc.strerror or type(exc).__name__}"
        ) from None


def _dispatch(args: argparse.Namespace, secrets: list[str]) -> int:
    level = _log_level(args)
    if args.command == "sandbox":
        # The simulator needs no settings: a broken settings file must not stop it.
        _setup_logging(level, secrets)
        log.info("pos %s: sandbox", pos.__version__)
        return _run_sandbox(args, secrets)
    settings = _load_settings(args)
    secrets.extend(settings.secrets())
    _setup_logging(level, secrets)
    log.info("pos %s: %s", pos.__version__, args.command or "cashier")
    if args.command == "relay":
        return _run_relay(args, settings)
    if args.command == "export":
        return _run_export(args, settings)
    if args.command == "reconcile":
        return _run_reconcile(args, settings)
    return _run_cashier(args, settings)


def _fail(message: str, secrets: Sequence[str]) -> None:
    # Messages are one line, and a secret that slipped into one is blanked out here.
    line = " ".join(redact(message, secrets).split())
    print(f"pos: error: {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pos`` command; the exit status is returned (0 = success)."""
    # Known before anything can fail, so that no error line can carry them.
    secrets = [os.environ[name] for name in _SECRET_VARIABLES if os.environ.get(name)]
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "key", None):
            secrets.append(args.key)
        return _dispatch(args, secrets)
    except PosError as exc:
        _fail(str(exc), secrets)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        # A bug, not bad input: the details go to the log file; the terminal gets one line.
        if is_configured():
            log.exception("unexpected error", extra=FILE_ONLY)
        _fail(f"unexpected {type(exc).__name__}: {exc} (details in {config.log_dir()})", secrets)
        return EXIT_BUG

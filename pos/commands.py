"""What each ``pos`` subcommand does (sandbox, relay, export, reconcile), built from services.

:mod:`pos.cli` parses the command line and hands each command here. Each function loads its
services when it runs, so that ``pos export`` does not load the relay's server and ``pos
--help`` loads none of them. The exit status is the return value; bad input raises
:class:`~pos.errors.PosError`, which the command line prints as one line.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pos.errors import ConfigError, PosError, RequestRejected, TransportError, WeChatPayError
from pos.money import format_fen
from pos.platform import STDOUT_NAME, output_file

if TYPE_CHECKING:
    from pos.config import Settings
    from pos.relay.app import RelaySettings
    from pos.reports.day import Totals
    from pos.reports.reconcile import ReconcileReport


def run_sandbox(
    host: str,
    port: int,
    appid: str | None,
    mch_id: str | None,
    key: str | None,
    *,
    state: Path | None = None,
) -> int:
    """``pos sandbox``: serve until interrupted; one line with the URL; never prints the key.

    With ``state`` the orders and refunds are kept in that file across restarts."""
    from pos.sandbox import DEFAULT_MERCHANT, Sandbox
    from pos.wechatpay.types import Merchant

    if any(value is not None for value in (appid, mch_id, key)) and not all(
        value is not None for value in (appid, mch_id, key)
    ):
        print("pos sandbox: --appid, --mch-id and --key go together", file=sys.stderr)
        return 2
    if key is not None and len(key) != 32:
        print("pos sandbox: the API key must be 32 characters", file=sys.stderr)
        return 2
    merchant = (
        Merchant(appid=appid, mch_id=mch_id, api_key=key)
        if appid is not None and mch_id is not None and key is not None
        else DEFAULT_MERCHANT
    )
    sandbox = Sandbox([merchant], state_path=state)
    try:
        server = sandbox.serve(host=host, port=port)
    except (OSError, RuntimeError) as exc:
        print(
            f"pos sandbox: cannot listen on {host}:{port}: {exc.__class__.__name__}",
            file=sys.stderr,
        )
        return 1
    print(
        f"WeChat Pay v2 sandbox on {server.url} (mch_id {merchant.mch_id}, appid {merchant.appid})",
        flush=True,
    )
    stop = threading.Event()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def run_relay(host: str, port: int, database_url: str, settings: RelaySettings) -> int:
    """``pos relay``: serve until SIGTERM/SIGINT; 0 then. A relay that cannot start raises
    ConfigError or StoreError, whose one line says why (the port, the database)."""
    from pos.relay.server import serve

    serve(host, port, dataclasses.replace(settings, database_url=database_url))
    return 0


def run_export(
    settings: Settings,
    date_from: date,
    date_to: date,
    fmt: str,
    output: Path,
    *,
    shop: bool = False,
) -> int:
    """``pos export``: write the file, print one summary line; 0 on success. With ``shop``,
    every till's deals from the shop server.

    Errors (no database, unwritable file, the shop server unreachable) raise PosError, which
    the command prints as one line with exit status 2.
    """
    if shop:
        totals = _export_shop(settings, date_from, date_to, fmt, output)
        _print_summary(totals, date_from, date_to, output)
        return 0
    from pos.reports.export import export
    from pos.services import open_existing_store

    store = open_existing_store(settings, purpose="export")
    try:
        totals = export(
            store,
            date_from,
            date_to,
            fmt,
            output,
            language=settings.language,
            business_day=settings.business_day,
        )
    except OSError as exc:
        raise PosError(f"cannot write {output}: {exc.strerror or type(exc).__name__}") from None
    finally:
        store.close()
    _print_summary(totals, date_from, date_to, output)
    return 0


def _export_shop(
    settings: Settings, date_from: date, date_to: date, fmt: str, output: Path
) -> Totals:
    """The shop's deals from its server into ``output``; no file if it cannot give them all."""
    from pos.reports.export import write_csv, write_xlsx
    from pos.reports.shop import iter_shop_rows
    from pos.sync import ShopServerClient

    if not settings.relay_url or not settings.till_token:
        raise ConfigError("--shop needs the shop server: set relay_url and till_token")
    client = ShopServerClient(settings.relay_url, settings.till_token)
    rows = iter_shop_rows(client, date_from, date_to, business_day=settings.business_day)
    try:
        if fmt == "xlsx":
            title = date_from.isoformat() + (
                "" if date_to == date_from else f"~{date_to.isoformat()}"
            )
            return write_xlsx(rows, output, language=settings.language, title=title)
        return write_csv(rows, output, language=settings.language)
    except OSError as exc:
        raise PosError(f"cannot write {output}: {exc.strerror or type(exc).__name__}") from None
    finally:
        client.close()


def _print_summary(totals: Totals, date_from: date, date_to: date, output: Path) -> None:
    span = date_from.isoformat() + ("" if date_to == date_from else f" to {date_to.isoformat()}")
    # With the file on standard output, the summary goes to stderr, out of the data's way.
    print(
        f"{output}: {totals.all_count} deals of {span}, {totals.count} paid, "
        f"gross {format_fen(totals.gross_fen)}, refunded {format_fen(totals.refunded_fen)}, "
        f"net {format_fen(totals.net_fen)} CNY",
        file=sys.stderr if str(output) == STDOUT_NAME else sys.stdout,
    )


def _print(lines: Iterable[str]) -> None:
    for line in lines:
        print(line, file=sys.stdout)


def run_reconcile(settings: Settings, day: date, output: Path | None, *, shop: bool = False) -> int:
    """``pos reconcile --date D [--output FILE] [--shop]``; the exit status is in the
    docstring of :mod:`pos.reports.reconcile`. With ``shop``, the bill against every till's
    deals on the shop server (:mod:`pos.reports.shop_reconcile`); PosError (status 2) when
    the server cannot give them."""
    from pos.reports.reconcile import EXIT_NO_BILL, EXIT_UNREACHABLE, BillNotReady

    try:
        report = _shop_report(settings, day) if shop else _till_report(settings, day)
    except BillNotReady as exc:
        print(f"pos reconcile: {exc}", file=sys.stderr)
        return EXIT_NO_BILL
    except TransportError as exc:
        # Not "no bill": nothing is known about the bill until WeChat Pay answers.
        print(
            f"pos reconcile: WeChat Pay could not be reached for the bill of "
            f"{day.isoformat()}: {exc} (check the network and try again)",
            file=sys.stderr,
        )
        return EXIT_UNREACHABLE
    except WeChatPayError as exc:
        reason = exc.return_msg if isinstance(exc, RequestRejected) else type(exc).__name__
        print(
            f"pos reconcile: no bill for {day.isoformat()}: {reason} (WeChat makes the "
            f"bill of a day from 09:00 the next day, for the last 3 months)",
            file=sys.stderr,
        )
        return EXIT_NO_BILL
    if output is not None:
        try:
            with output_file(output) as temporary:  # 0600; a FIFO, a device or - as export
                report.write_csv(temporary)
        except OSError as exc:
            raise PosError(f"cannot write {output}: {exc.strerror or type(exc).__name__}") from None
        lines = [report.summary(), f"differences written to {output}"]
        if str(output) == STDOUT_NAME:  # out of the data's way
            print("\n".join(lines), file=sys.stderr)
        else:
            _print(lines)
    else:
        _print(report.lines())
    return report.exit_code


def _till_report(settings: Settings, day: date) -> ReconcileReport:
    """This till's store against the bill."""
    from pos.reports.reconcile import reconcile_day
    from pos.services import merchant_client, open_existing_store

    store = open_existing_store(settings, purpose="reconcile")
    try:
        client = merchant_client(settings)
    except BaseException:
        store.close()
        raise
    try:
        return reconcile_day(store, client, day)
    finally:
        store.close()
        client.close()


def _shop_report(settings: Settings, day: date) -> ReconcileReport:
    """Every till's deals on the shop server against the bill."""
    from pos.reports.shop_reconcile import reconcile_shop_day
    from pos.services import merchant_client
    from pos.sync import ShopServerClient

    if not settings.relay_url or not settings.till_token:
        raise ConfigError("--shop needs the shop server: set relay_url and till_token")
    client = merchant_client(settings)
    try:
        with ShopServerClient(settings.relay_url, settings.till_token) as shop:
            return reconcile_shop_day(client, shop, day)
    finally:
        client.close()

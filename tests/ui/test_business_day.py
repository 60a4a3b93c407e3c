"""The till's "today" is the shop's business day, not the computer's: on a PC set to another
zone, the till's list and the manager's day agree (issue: three "today"s)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from helpers.till import WAIT_MS
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.reports.day import day_report
from pos.sandbox import Sandbox
from pos.store import Store
from pos.ui.app import CashierApp

#: 01:00 on 7 December in Shanghai, 09:00 on 6 December in Los Angeles.
NOW = datetime(2026, 12, 6, 17, 0, tzinfo=UTC)


@pytest.fixture
def los_angeles_pc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's own zone is not the shop's."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _deal(store: Store, number: str, at: datetime) -> None:
    store.create_deal(
        out_trade_no=number,
        amount_fen=100,
        product="咖啡",
        till_id="T1",
        time_start=at,
        time_expire=at + timedelta(minutes=2),
        sign_type="MD5",
        now=at,
    )


@pytest.mark.usefixtures("los_angeles_pc")
def test_the_tills_list_and_the_managers_day_agree_on_today(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox
) -> None:
    assert settings.time_zone == "Asia/Shanghai"  # the default
    store = Store.open(settings.database_path)
    _deal(store, "T1SHOPTODAY", datetime(2026, 12, 6, 16, 30, tzinfo=UTC))  # 00:30 in the shop
    _deal(store, "T1YESTERDAY", datetime(2026, 12, 6, 15, 30, tzinfo=UTC))  # 23:30 the day before
    store.close()

    app = CashierApp(settings, sandbox=sandbox, with_sound=False, clock=lambda: NOW)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        listing = app.window.recent_list
        qtbot.waitUntil(lambda: listing.count() > 0, timeout=WAIT_MS)
        listed = {
            listing.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listing.count())
        }
        assert listed == {"T1SHOPTODAY"}
        # The line shows the shop's wall clock, not the computer's (which says 08:30).
        assert listing.item(0).text().startswith("00:30:00")
        report = day_report(
            app.session._require_backend().store, date(2026, 12, 7), settings.business_day
        )
        assert {row.out_trade_no for row in report.rows} == listed
    finally:
        app.shutdown()


@pytest.mark.usefixtures("los_angeles_pc")
def test_a_slip_shows_the_shops_time(settings: Settings) -> None:
    from dataclasses import replace

    from pos.counter.receipt import payment_receipt
    from pos.store import Deal, DealState
    from pos.ui.counter import payment_slip

    store = Store.open(settings.database_path)
    _deal(store, "T1SLIP", datetime(2026, 12, 6, 16, 30, tzinfo=UTC))
    deal = store.get_deal("T1SLIP")
    store.close()
    assert isinstance(deal, Deal)
    paid = replace(deal, state=DealState.PAID, paid_at=datetime(2026, 12, 6, 16, 31, tzinfo=UTC))
    layout = payment_receipt(payment_slip(paid, settings))
    assert "2026-12-07 00:31:00" in repr(layout)  # Shanghai, not the PC's 2026-12-06 08:31

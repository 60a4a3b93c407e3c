"""The manager's whole-shop day: the server's figures per till, clerk and method, or this
till's own under the 仅本机数据 banner when there is no server to ask."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
from helpers.language import zh
from helpers.manager_fixtures import WAIT_MS, Shop
from pytestqt.qtbot import QtBot

from pos.store import DealState
from pos.sync import ShopServerClient
from pos.sync.wire import ShopDeal, dumps
from pos.ui.manager import ManagerWindow
from pos.ui.manager.shop_day import ShopDayView

TOKEN = "till-secret-0123456789abcdef"


def open_view(qtbot: QtBot, shop: Shop) -> ShopDayView:
    window = ManagerWindow(shop.services)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.day_loaded, timeout=WAIT_MS):
        pass
    view = window.open_shop_day()
    with qtbot.waitSignal(view.day_loaded, timeout=WAIT_MS):
        pass
    return view


def cells(view: ShopDayView, what: str) -> list[list[str]]:
    table = view.tables[what]
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_without_a_server_the_till_alone_under_the_banner(
    qtbot: QtBot, shop: Shop, chinese: object
) -> None:
    shop.paid_deal(2550)
    view = open_view(qtbot, shop)
    assert view.shop_day is not None and view.shop_day.is_local_only
    assert not view.banner.isHidden()
    assert view.banner.text().startswith("仅本机数据")
    assert view.banner.text() == zh(
        "ShopDayView",
        "This till's data only: the shop server cannot be reached, so these are not the "
        "whole shop's figures.",
    )
    assert view.banner.toolTip() == "no shop server is set up"
    till = shop.services.settings.till_id
    assert cells(view, "till") == [[till, "1", "¥25.50", "¥25.50"]]


def test_with_a_server_every_till_per_till_clerk_and_method(qtbot: QtBot, shop: Shop) -> None:
    noon = datetime.combine(shop.today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=4)
    base = ShopDeal(
        out_trade_no="A1",
        mch_id="10000100",
        amount_fen=1000,
        product="咖啡",
        state=DealState.PAID,
        created_at=noon,
        version=3,
        paid_at=noon,
        transaction_id="4200000001",
        clerk="2 王芳",
        till="POS-01",
    )
    deals = [
        base,
        replace(base, out_trade_no="B1", till="POS-02", method="cash", clerk="3 李雷"),
        replace(
            base,
            out_trade_no="B2",
            till="POS-02",
            amount_fen=500,
            state=DealState.PARTIALLY_REFUNDED,
            refunded_fen=200,
            clerk="3 李雷",
        ),
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        return httpx.Response(200, content=dumps({"deals": [d.to_dict() for d in deals]}))

    client = ShopServerClient("http://shop.test", TOKEN, transport=httpx.MockTransport(answer))
    shop.services.shop_client = client
    shop.paid_deal(9900)  # this till's own: not the shop's day while the server answers
    try:
        view = open_view(qtbot, shop)
    finally:
        client.close()
    assert view.banner.isHidden()
    assert view.totals.labels["gross"].text() == "¥25.00"
    assert view.totals.labels["refunded"].text() == "¥2.00"
    assert cells(view, "till") == [
        ["POS-01", "1", "¥10.00", "¥10.00"],
        ["POS-02", "2", "¥15.00", "¥13.00"],
    ]
    assert cells(view, "clerk") == [
        ["2 王芳", "1", "¥10.00", "¥10.00"],
        ["3 李雷", "2", "¥15.00", "¥13.00"],
    ]
    assert [row[0] for row in cells(view, "method")] == ["Cash", "QR code"]

"""The shop's day from the server, or this till's alone, flagged, when it cannot be reached."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from helpers.shop_server import NOON, TOKEN, refund, sell

from pos.clock import BEIJING_DAY
from pos.errors import ShopServerUnreachable
from pos.reports.shop import fetch_shop_day, iter_shop_rows
from pos.store import DealState, Store
from pos.sync import ShopServerClient
from pos.sync.wire import ShopDeal, dumps

DAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "till.sqlite3")
    yield opened
    opened.close()


def server_deal(number: str, till: str, amount: int, **changes: object) -> ShopDeal:
    values: dict[str, object] = {
        "out_trade_no": number,
        "mch_id": "10000100",
        "amount_fen": amount,
        "product": "茶",
        "state": DealState.PAID,
        "created_at": NOON,
        "version": 3,
        "till": till,
        "paid_at": NOON,
        "transaction_id": f"42{number}",
    }
    values.update(changes)
    return ShopDeal(**values)  # type: ignore[arg-type]


def client_of(handler: object) -> ShopServerClient:
    return ShopServerClient("http://shop.test", TOKEN, transport=httpx.MockTransport(handler))  # type: ignore[arg-type]


def test_the_shop_day_is_every_tills_deals_from_the_server(store: Store) -> None:
    deals = [
        server_deal("A1", "POS-01", 1000, clerk="王芳"),
        server_deal("B1", "POS-02", 2000, method="cash", clerk="李雷"),
        server_deal(
            "B2", "POS-02", 500, state=DealState.PARTIALLY_REFUNDED, refunded_fen=200, clerk="李雷"
        ),
        server_deal("B3", "POS-02", 700, state=DealState.CLOSED, paid_at=None),
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.params["date"] == "2026-11-24"
        return httpx.Response(200, content=dumps({"deals": [d.to_dict() for d in deals]}))

    with client_of(answer) as client:
        day = fetch_shop_day(client, store, DAY, till="POS-01", business_day=BEIJING_DAY)
    assert not day.is_local_only and day.problem is None
    assert [(r.till, r.out_trade_no, r.method) for r in day.rows] == [
        ("POS-01", "A1", "native"),
        ("POS-02", "B1", "cash"),
        ("POS-02", "B2", "native"),
        ("POS-02", "B3", "native"),
    ]
    assert (day.totals.count, day.totals.gross_fen, day.totals.refunded_fen) == (3, 3500, 200)
    by_till = day.totals_by("till")
    assert (by_till["POS-01"].net_fen, by_till["POS-02"].net_fen) == (1000, 2300)
    assert {name: t.gross_fen for name, t in day.totals_by("clerk").items()} == {
        "": 0,
        "李雷": 2500,
        "王芳": 1000,
    }
    assert day.totals_by("method")["cash"].gross_fen == 2000
    assert day.hourly_fen[12] == 3500


def test_the_till_alone_flagged_local_only_when_the_server_cannot_be_reached(
    store: Store,
) -> None:
    mine = sell(store, "POS-01", 1200)
    refund(store, mine, 200)
    sell(store, "POS-01", 300, state=DealState.CLOSED)

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    with client_of(down) as client:
        day = fetch_shop_day(client, store, DAY, till="POS-01")
    assert day.is_local_only and day.problem is not None and "cannot be reached" in day.problem
    assert [(r.till, r.out_trade_no) for r in day.rows] == [
        ("POS-01", d.out_trade_no) for d in store.deals_between(*BEIJING_DAY.bounds(DAY))
    ]
    assert (day.totals.count, day.totals.net_fen) == (1, 1000)
    no_server = fetch_shop_day(None, store, DAY, till="POS-01")
    assert no_server.is_local_only and no_server.rows == day.rows


def test_an_export_of_the_shop_never_falls_back_to_part_of_it() -> None:
    def failing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    with client_of(failing) as client, pytest.raises(ShopServerUnreachable):
        list(iter_shop_rows(client, DAY, DAY))

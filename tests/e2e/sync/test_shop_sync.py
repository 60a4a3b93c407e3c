"""Two tills and the shop server over real HTTP: the server killed and restarted mid-day, one
till offline for 100 deals then back; the server's day is the union of the tills' deals,
exactly, and the shop's export is the same from either till."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.shop_process import ShopServer
from helpers.shop_server import BACKENDS, MCH_ID, fresh_database, refund, sell

from pos.clock import BEIJING_DAY
from pos.commands import run_export
from pos.config import Settings
from pos.errors import ShopServerUnreachable
from pos.store import DealState, Store
from pos.sync import Outbox, ShopServerClient, Syncer

APPID = "wxd930ea5d5a258f4f"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
TOKENS = {"POS-01": "till-one-secret-0123456789", "POS-02": "till-two-secret-0123456789"}
DAY = date(2026, 11, 24)

pytestmark = pytest.mark.slow


@dataclass
class Till:
    name: str
    store: Store
    syncer: Syncer

    def expected(self) -> dict[str, tuple[object, ...]]:
        """This till's deals of the day as the server must have them."""
        found = {}
        for deal in self.store.deals_between(*BEIJING_DAY.bounds(DAY)):
            refunded = sum(
                r.refund_fee
                for r in self.store.refunds_for(deal.out_trade_no)
                if r.state.value == "SUCCESS"
            )
            found[deal.out_trade_no] = (
                self.name,
                deal.amount_fen,
                deal.state,
                deal.transaction_id,
                refunded,
            )
        return found


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ShopServer]:
    with fresh_database(request.param, tmp_path) as url:
        shop = ShopServer(url, tmp_path, TOKENS)
        shop.start()
        yield shop
        shop.kill()


@pytest.fixture
def open_till(server: ShopServer, tmp_path: Path) -> Iterator[Callable[[str], Till]]:
    opened: list[Till] = []

    def open_one(name: str) -> Till:
        store = Store.open(tmp_path / f"{name}.sqlite3")
        client = ShopServerClient(server.url, TOKENS[name])
        till = Till(name, store, Syncer(Outbox(store, till=name, mch_id=MCH_ID), client))
        opened.append(till)
        return till

    yield open_one
    for till in opened:
        till.syncer.client.close()
        till.store.close()


def sell_some(till: Till, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        state = DealState.CLOSED if n % 7 == 3 else DealState.PAID
        deal = sell(till.store, till.name, 100 + n, state=state)
        if state is DealState.PAID and n % 10 == 5:
            refund(till.store, deal, 50)


def test_two_tills_a_server_restart_and_a_till_offline_end_in_one_exact_day(
    server: ShopServer, open_till: Callable[[str], Till], tmp_path: Path
) -> None:
    one, two = open_till("POS-01"), open_till("POS-02")
    sell_some(one, 20)
    sell_some(two, 20)
    for till in (one, two):
        till.syncer.push_all()

    # The server dies mid-day; both tills sell on and keep what they could not send.
    server.kill()
    sell_some(one, 15, 20)
    sell_some(two, 15, 20)
    for till in (one, two):
        with pytest.raises(ShopServerUnreachable):
            till.syncer.push_once()
        assert till.store.outbox_backlog() > 0
        assert till.syncer.retry_delay() is not None
    server.start()
    for till in (one, two):
        till.syncer.push_all()
        assert till.store.outbox_backlog() == 0

    # Till two is offline for 100 deals while till one goes on; then it catches up.
    sell_some(two, 100, 35)
    sell_some(one, 10, 35)
    one.syncer.push_all()
    day = one.syncer.client.day(DAY)
    assert len(day) == 20 + 15 + 10 + 20 + 15  # till two's 100 are not there yet
    result = two.syncer.push_all()
    assert result.history >= 100 * 3 and two.store.outbox_backlog() == 0

    expected = {**one.expected(), **two.expected()}
    for till in (one, two):
        shop_day = till.syncer.client.day(DAY)
        got = {
            d.out_trade_no: (d.till, d.amount_fen, d.state, d.transaction_id, d.refunded_fen)
            for d in shop_day
        }
        assert len(shop_day) == len(got) == 20 + 15 + 10 + 20 + 15 + 100
        assert got == expected

    # The shop's export is the same file from either till.
    files = []
    for till in (one, two):
        settings = Settings(
            relay_url=server.url,
            till_token=TOKENS[till.name],
            till_id=till.name,
            data_dir=tmp_path / till.name,
        )
        output = tmp_path / f"shop-{till.name}.csv"
        assert run_export(settings, DAY, DAY, "csv", output, shop=True) == 0
        files.append(output.read_bytes())
    assert files[0] == files[1]
    assert files[0].count(b"\n") == len(expected) + 3  # header, blank row, totals

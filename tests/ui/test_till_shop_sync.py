"""The till's window sends its deals to the shop server in the background (pos.ui.shop_sync):
a paid deal reaches the server's day; a server that cannot be reached leaves the deals in
the outbox and the till selling, and gets them once it is back."""

from __future__ import annotations

from helpers.ports import free_port
from helpers.till import WAIT_MS, Till

from pos.store import DealState
from pos.sync import Outbox, ShopServerClient, Syncer
from pos.ui.shop_sync import IDLE, OFFLINE, ShopSync


def test_a_paid_deal_reaches_the_shop_servers_day(till: Till) -> None:
    sync = till.app.shop_sync
    assert sync is not None  # sandbox mode: the embedded relay is the shop's server
    deal = till.charge("25.50")
    till.pay(deal)
    till.wait_state(deal.out_trade_no, DealState.PAID)
    store = till.store
    till.qtbot.waitUntil(lambda: store.outbox_backlog() == 0, timeout=WAIT_MS)
    day = till.app.settings.business_day.today()
    shop_day = {d.out_trade_no: d for d in sync.client.day(day)}
    assert shop_day[deal.out_trade_no].state is DealState.PAID
    assert shop_day[deal.out_trade_no].till == till.app.settings.till_id
    assert sync.state == IDLE


def test_an_unreachable_server_leaves_the_deals_waiting_and_the_till_selling(till: Till) -> None:
    main = till.app.shop_sync
    assert main is not None
    main.stop()  # this test's own Syncer, to a port where nothing listens
    syncer = Syncer(
        Outbox(till.store, till=till.app.settings.till_id, mch_id="10000100"),
        ShopServerClient(f"http://127.0.0.1:{free_port()}", "till-secret-0123456789abcdef"),
    )
    offline = ShopSync(till.app.ops, syncer, parent=till.app)
    offline.start()
    deal = till.charge("3.00")
    till.pay(deal)
    till.wait_state(deal.out_trade_no, DealState.PAID)
    till.qtbot.waitUntil(lambda: offline.state == OFFLINE, timeout=WAIT_MS)
    assert syncer.failures >= 1 and till.store.outbox_backlog() > 0
    assert (syncer.retry_delay() or 0) >= 1.0  # backing off, not hammering
    offline.close()
    # The server is back (the app's own Syncer again): everything goes.
    main.start()
    main.poke()
    store = till.store
    till.qtbot.waitUntil(lambda: store.outbox_backlog() == 0, timeout=WAIT_MS)


def test_a_handover_record_goes_to_the_shop_server(till: Till) -> None:
    sync = till.app.shop_sync
    assert sync is not None
    payload = {"shift_no": "S-T1-1", "counted_fen": 12_300}
    day = till.app.settings.business_day.today()
    assert sync.client.records("shift", day) == []
    sync.send_record("shift", "S-T1-1", payload)
    till.qtbot.waitUntil(lambda: bool(sync.client.records("shift", day)), timeout=WAIT_MS)
    kept = sync.client.records("shift", day)
    assert [(r.key, dict(r.payload)) for r in kept] == [("S-T1-1", payload)]

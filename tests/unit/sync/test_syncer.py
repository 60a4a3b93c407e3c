"""The syncer: the cursor moves only after the server committed; a server down keeps it all;
a refusal is a setting to fix, reported once and not retried in a loop."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import httpx
import pytest
from helpers.shop_server import NOON, TOKEN, Clock, FakeServer, refund, sell

from pos.errors import ShopServerRefused, ShopServerUnreachable
from pos.store import DealState, Store
from pos.store.outbox import HISTORY
from pos.sync import Syncer
from pos.sync.outbox import GAP_WAIT
from pos.sync.syncer import FIRST_DELAY, IDLE_DELAY, MAX_DELAY


def test_a_push_sends_the_deals_history_and_moves_the_cursor_once_acknowledged(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer]
) -> None:
    first = sell(store, "POS-01")
    second = sell(store, "POS-01", 100, state=DealState.CLOSED)
    refund(store, first, 550)
    syncer = make_syncer()
    result = syncer.push_once()
    assert (result.history, result.deals, result.refunds, result.has_more) == (7, 2, 1, False)
    [batch] = fake.batches
    assert (batch.till, batch.mch_id) == ("POS-01", "10000100")
    snapshots = {d.out_trade_no: d for d in batch.deals}
    assert snapshots[first.out_trade_no].state is DealState.PARTIALLY_REFUNDED
    assert snapshots[first.out_trade_no].refunded_fen == 550
    assert snapshots[first.out_trade_no].method == "native"
    assert snapshots[first.out_trade_no].clerk is None
    assert snapshots[second.out_trade_no].state is DealState.CLOSED
    assert store.sync_cursor(HISTORY) == batch.history[-1].seq
    assert syncer.push_once().history == 0  # nothing left, nothing sent
    assert len(fake.batches) == 1
    assert syncer.retry_delay() == IDLE_DELAY


def test_a_backlog_goes_in_batches(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer]
) -> None:
    for _ in range(7):
        sell(store, "POS-01")  # 21 history rows
    total = make_syncer(batch_size=5).push_all()
    assert total.history == 21 and not total.has_more
    assert [len(b.history) for b in fake.batches] == [5, 5, 5, 5, 1]
    sent = [row.seq for b in fake.batches for row in b.history]
    assert sent == sorted(sent) and len(set(sent)) == 21
    assert store.outbox_backlog() == 0


@pytest.mark.parametrize(
    "failure",
    [
        {"status": 503},
        {"status": 500},
        {"error": httpx.ConnectError("connection refused")},
        {"error": httpx.ReadTimeout("timed out")},
        {"body": b"<html>proxy error</html>"},
    ],
)
def test_a_server_down_leaves_everything_for_the_next_try_with_a_growing_back_off(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer], failure: dict[str, object]
) -> None:
    sell(store, "POS-01")
    syncer = make_syncer()
    syncer._jitter = random.Random(7)
    for name, value in failure.items():
        setattr(fake, name, value)
    delays = []
    for _ in range(9):
        with pytest.raises(ShopServerUnreachable) as caught:
            syncer.push_once()
        assert TOKEN not in str(caught.value)
        delay = syncer.retry_delay()
        assert delay is not None
        delays.append(delay)
    assert store.sync_cursor(HISTORY) == 0 and store.outbox_backlog() == 3
    assert FIRST_DELAY <= delays[0] <= FIRST_DELAY * 1.2
    assert all(b > a for a, b in itertools.pairwise(delays[:7]))
    assert all(MAX_DELAY <= d <= MAX_DELAY * 1.2 for d in delays[6:])
    # Back again: the same deal goes, once, and the back-off is over.
    fake.status, fake.error, fake.body = 200, None, None
    fake.batches.clear()
    assert syncer.push_once().history == 3
    assert syncer.failures == 0 and syncer.retry_delay() == IDLE_DELAY
    assert store.outbox_backlog() == 0


@pytest.mark.parametrize("status", [401, 403, 400, 413])
def test_a_refusal_is_a_setting_to_fix_reported_once_and_not_retried(
    store: Store,
    fake: FakeServer,
    make_syncer: Callable[..., Syncer],
    status: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sell(store, "POS-01")
    fake.status = status
    syncer = make_syncer()
    for _ in range(3):
        with pytest.raises(ShopServerRefused) as caught:
            syncer.push_once()
        assert caught.value.status_code == status
        assert "refused for a reason" in str(caught.value)
        assert syncer.retry_delay() is None
    assert len([r for r in caplog.records if "sync refused" in r.getMessage()]) == 1
    assert TOKEN not in caplog.text
    assert store.outbox_backlog() == 3
    fake.status = 200
    syncer.push_once()
    assert syncer.refused is None and store.outbox_backlog() == 0


def test_a_hole_in_the_history_is_waited_for_then_passed(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer], clock: Clock
) -> None:
    for _ in range(3):
        sell(store, "POS-01")
    # PostgreSQL hands out ids before commit: row 5 may still be on its way (here: gone).
    store._db.execute_sql('DELETE FROM "deal_event" WHERE "id" = 5')
    syncer = make_syncer()
    assert syncer.push_once().history == 4
    assert store.sync_cursor(HISTORY) == 4
    assert syncer.push_once().history == 0  # waits for row 5
    clock.advance(GAP_WAIT.total_seconds())
    assert syncer.push_once().history == 4  # rolled back after all: passed over
    assert [r.seq for r in fake.batches[-1].history] == [6, 7, 8, 9]


def test_shop_records_go_with_the_next_batch(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer]
) -> None:
    syncer = make_syncer()
    syncer.outbox.add_record("shift", "POS-01/1", {"float_fen": 20000, "clerk": "王芳"})
    syncer.outbox.add_record("shift", "POS-01/1", {"float_fen": 20000, "counted_fen": 51000})
    assert syncer.push_once().records == 2
    [batch] = fake.batches
    assert [(r.kind, r.key, dict(r.payload)) for r in batch.records] == [
        ("shift", "POS-01/1", {"float_fen": 20000, "clerk": "王芳"}),
        ("shift", "POS-01/1", {"float_fen": 20000, "counted_fen": 51000}),
    ]
    assert syncer.push_once().records == 0
    for kind, key in (("Shift", "k"), ("shift", ""), ("shift", "k" * 129)):
        with pytest.raises(ValueError, match="record"):
            syncer.outbox.add_record(kind, key, {})
    with pytest.raises(ValueError, match="payload"):
        syncer.outbox.add_record("shift", "k", {"note": "x" * 70_000})


def test_a_long_text_in_the_history_is_cut_to_the_wires_limits_not_refused(
    store: Store, fake: FakeServer, make_syncer: Callable[..., Syncer]
) -> None:
    deal = sell(store, "POS-01", state=DealState.ORDERED)
    store.transition(
        deal.out_trade_no, DealState.ORDERED, reason="error", now=NOON, last_error="x" * 9000
    )
    assert make_syncer().push_once().history == 3
    assert len(fake.batches[0].history[-1].detail) == 4096

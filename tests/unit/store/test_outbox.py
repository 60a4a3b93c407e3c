"""The till's outbox in its store: history after the cursor, refunds not sent, shop records,
and the migration that brings a database of the release before it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from helpers.shop_server import NOON, refund, sell

from pos.store import SCHEMA_VERSION, DealState, RefundState, Store
from pos.store.outbox import HISTORY, RECORDS


def test_pending_is_the_history_after_the_cursor_with_the_deals_it_touches(store: Store) -> None:
    first = sell(store, "POS-01")
    second = sell(store, "POS-01", 100, state=DealState.CLOSED)
    pending = store.pending(500)
    assert [e.to_state for e in pending.history] == [
        DealState.CREATED,
        DealState.ORDERED,
        DealState.PAID,
        DealState.CREATED,
        DealState.ORDERED,
        DealState.CLOSED,
    ]
    versions = {item.deal.out_trade_no: item.version for item in pending.deals}
    assert versions == {
        first.out_trade_no: pending.history[2].id,
        second.out_trade_no: pending.history[5].id,
    }
    assert store.outbox_backlog() == 6
    store.acknowledge(history_upto=pending.history[2].id, records_upto=0, refunds=())
    after = store.pending(500)
    assert [e.out_trade_no for e in after.history] == [second.out_trade_no] * 3
    assert [item.deal.out_trade_no for item in after.deals] == [second.out_trade_no]
    # A cursor never moves back.
    store.acknowledge(history_upto=1, records_upto=0, refunds=())
    assert store.sync_cursor(HISTORY) == pending.history[2].id
    assert store.outbox_backlog() == 3


def test_limit_cuts_the_history_and_the_deals_follow(store: Store) -> None:
    for _ in range(4):
        sell(store, "POS-01")
    pending = store.pending(5)
    assert len(pending.history) == 5
    assert len(pending.deals) == 2  # rows 1-3 are the first deal's, 4-5 the second's


def test_a_refund_is_pending_until_acknowledged_as_it_is_and_again_when_it_changes(
    store: Store,
) -> None:
    deal = sell(store, "POS-01")
    store.create_refund(deal.out_trade_no, "RF1", 550, "退货", NOON)
    [pending] = store.pending(500).refunds
    assert (pending.out_refund_no, pending.state) == ("RF1", RefundState.PENDING)
    store.acknowledge(history_upto=0, records_upto=0, refunds=[pending])
    assert store.pending(500).refunds == ()
    store.update_refund("RF1", state=RefundState.SUCCESS, now=NOON + timedelta(seconds=1))
    outbox = store.pending(500)
    [changed] = outbox.refunds
    assert changed.state is RefundState.SUCCESS
    # The deal moved too (a history row): its snapshot carries the fen refunded.
    [item] = [d for d in outbox.deals if d.deal.out_trade_no == deal.out_trade_no]
    assert (item.deal.state, item.refunded_fen) == (DealState.PARTIALLY_REFUNDED, 550)


def test_refunded_fen_counts_successful_refunds_only(store: Store) -> None:
    deal = sell(store, "POS-01", 1000)
    refund(store, deal, 300)
    store.create_refund(deal.out_trade_no, "RF-PENDING", 200, "", NOON)
    [item] = store.pending(500).deals
    assert item.refunded_fen == 300


def test_shop_records_wait_after_their_own_cursor(store: Store) -> None:
    first = store.add_shop_record("shift", "POS-01/1", {"float_fen": 20000}, now=NOON)
    second = store.add_shop_record("clerk_action", "a1", {"did": "login"}, now=NOON)
    records = store.pending(500).records
    assert [(r.id, r.kind, r.payload) for r in records] == [
        (first, "shift", '{"float_fen":20000}'),
        (second, "clerk_action", '{"did":"login"}'),
    ]
    store.acknowledge(history_upto=0, records_upto=first, refunds=())
    assert [r.id for r in store.pending(500).records] == [second]
    assert store.sync_cursor(RECORDS) == first


def test_the_origin_is_made_once(store: Store) -> None:
    origin = store.sync_origin()
    assert len(origin) == 32 and int(origin, 16) >= 0
    assert store.sync_origin() == origin


def test_a_database_of_the_release_before_is_migrated_and_its_deals_are_pending(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    store = Store.open(path)
    deal = sell(store, "POS-01")
    store.close()
    # The release before: schema version 1, without the outbox's tables.
    with sqlite3.connect(path) as conn:
        for table in ("sync_cursor", "sync_record", "sync_refund_sent"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version = 1")
    reopened = Store.open(path)
    try:
        assert reopened.schema_version() == SCHEMA_VERSION
        assert [e.out_trade_no for e in reopened.pending(500).history] == [deal.out_trade_no] * 3
        assert reopened.get_deal(deal.out_trade_no) == deal
    finally:
        reopened.close()

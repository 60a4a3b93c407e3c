"""The relay's table: deduplication keys, id order, durability settings, the group-commit writer."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pos.errors import ConfigError, StoreError
from pos.relay.storage import NewNotification, NotificationStore, open_database
from pos.store import db as store_db


def test_payments_are_unique_by_transaction_id(
    store: NotificationStore, payment: Callable[..., NewNotification]
) -> None:
    a, b = payment(), payment()
    ids = store.insert([a, b, a])
    assert ids[0] is not None and ids[1] is not None and ids[2] is None
    assert store.insert([b]) == [None]
    assert store.count() == 2


def test_refunds_are_unique_by_merchant_refund_number_and_status(
    store: NotificationStore, refund: Callable[..., NewNotification]
) -> None:
    first = store.insert([refund(), refund()])
    assert first[0] is not None and first[1] is None
    assert store.insert([refund(status="REFUNDCLOSE")])[0] is not None
    assert store.insert([refund(mch_id="10000200")])[0] is not None  # another shop's number
    assert store.insert([refund()]) == [None]
    assert store.count() == 3


def test_a_refund_and_a_payment_of_the_same_order_do_not_collide(
    store: NotificationStore,
    payment: Callable[..., NewNotification],
    refund: Callable[..., NewNotification],
) -> None:
    ids = store.insert([payment(transaction_id="TX1"), refund()])
    assert None not in ids


def test_events_come_back_in_id_order_after_a_cursor(
    store: NotificationStore, payment: Callable[..., NewNotification]
) -> None:
    ids = [i for i in store.insert([payment() for _ in range(5)]) if i is not None]
    assert len(ids) == 5 and ids == sorted(ids)
    events = store.events_after(0)
    assert [e.id for e in events] == ids
    assert [e.id for e in store.events_after(ids[1], limit=2)] == ids[2:4]
    assert events[0].fields == {"out_trade_no": events[0].out_trade_no, "total_fee": "2550"}
    assert store.last_id() == ids[-1]


def test_ids_only_grow_even_after_the_last_row_is_deleted(
    store: NotificationStore, payment: Callable[..., NewNotification]
) -> None:
    (first,) = store.insert([payment()])
    store.model.delete().execute()
    (second,) = store.insert([payment()])
    assert first is not None and second is not None and second > first


def test_sqlite_runs_in_wal_with_full_sync(store: NotificationStore) -> None:
    store.ping()
    db: Any = store.db
    assert db.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute_sql("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_the_relay_opens_sqlite_as_the_till_s_store_does(tmp_path: Path) -> None:
    # One opener (pos.store.db.connect): the same pragmas and the same private file.
    relay_db: Any = open_database(str(tmp_path / "relay.sqlite3"))
    till_db: Any = store_db.connect(tmp_path / "till.sqlite3")
    pragmas = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    for database in (relay_db, till_db):
        database.connect()
    assert [relay_db.execute_sql(f"PRAGMA {name}").fetchone() for name in pragmas] == [
        till_db.execute_sql(f"PRAGMA {name}").fetchone() for name in pragmas
    ]
    for database in (relay_db, till_db):
        database.close()
    assert stat.S_IMODE((tmp_path / "relay.sqlite3").stat().st_mode) == 0o600


def test_a_second_connection_sees_a_committed_insert(
    database_url: str, store: NotificationStore, payment: Callable[..., NewNotification]
) -> None:
    store.insert([payment()])
    other = NotificationStore(database_url)
    try:
        assert other.count() == 1
    finally:
        other.close()


@pytest.mark.parametrize("url", ["", ":memory:", "file::memory:?cache=shared"])
def test_memory_databases_are_refused(url: str) -> None:
    with pytest.raises(ConfigError):
        open_database(url)


def test_sqlite_url_forms(tmp_path: object) -> None:
    assert open_database("sqlite:////tmp/x.db").database == "/tmp/x.db"
    assert open_database("/tmp/y.db").database == "/tmp/y.db"


def test_health_ping_fails_for_an_unreadable_database(tmp_path: object) -> None:
    store = NotificationStore("/nonexistent-dir/relay.db")
    assert store.ping() is False
    with pytest.raises(StoreError):
        store.count()

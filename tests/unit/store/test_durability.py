"""SQLite durability: pragmas, a full database, a killed process, errors wrapped at the edge."""

from __future__ import annotations

import errno
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.store import SCHEMA_VERSION, DealState, DiskFullError, Store, StoreError
from pos.store.db import wrapped_errors

NOW = datetime(2026, 11, 24, 4, 0, 0, tzinfo=UTC)


def create(store: Store, n: int) -> str:
    number = store.new_out_trade_no("POS01", NOW)
    store.create_deal(
        out_trade_no=number,
        amount_fen=100 + n,
        product="商品" * 20,
        till_id="POS01",
        time_start=NOW,
        time_expire=NOW + timedelta(minutes=6),
        sign_type="MD5",
        now=NOW,
    )
    return number


def pragma(store: Store, name: str) -> object:
    # The pragmas are per connection: ask the store's own connection (a private door, for tests).
    return store._db.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_sqlite_is_opened_for_durability(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "pos.db")
    try:
        assert pragma(store, "journal_mode") == "wal"
        assert pragma(store, "synchronous") == 2  # FULL: a returned commit survives power loss
        assert pragma(store, "foreign_keys") == 1
        assert pragma(store, "busy_timeout") == 10_000
        assert pragma(store, "user_version") == SCHEMA_VERSION
    finally:
        store.close()


def test_a_full_database_raises_disk_full_and_writes_nothing_by_halves(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "pos.db")
    try:
        created = [create(store, 0)]
        # SQLITE_FULL for real: the database may not grow past its current size.
        pages = pragma(store, "page_count")
        store._db.execute_sql(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFullError) as caught:
            for n in range(1, 2000):
                created.append(create(store, n))
        assert "full" in str(caught.value)
        assert isinstance(caught.value, StoreError)
        # Every deal that was stored is whole: its row and its first history event.
        deals = store.deals_between(NOW, NOW + timedelta(seconds=1))
        assert [d.out_trade_no for d in deals] == created
        assert all(len(store.events(n)) == 1 for n in created)
        # A state change that does not fit is refused whole as well.
        with pytest.raises(DiskFullError):
            for number in created:
                store.transition(
                    number, DealState.FAILED, reason="x" * 60, now=NOW, last_error="y" * 3000
                )
        for deal in store.deals_between(NOW, NOW + timedelta(seconds=1)):
            moves = [e.to_state for e in store.events(deal.out_trade_no)]
            assert moves == (
                [DealState.CREATED]
                if deal.state is DealState.CREATED
                else [DealState.CREATED, DealState.FAILED]
            )
        # Room again: the store works again, nothing to repair.
        store._db.execute_sql("PRAGMA max_page_count = 1073741823")
        create(store, 9999)
    finally:
        store.close()


CHILD = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime, timedelta
    from pos.store import DealState, Store

    now = datetime(2026, 11, 24, 4, 0, 0, tzinfo=UTC)
    store = Store.open(sys.argv[1])
    while True:
        number = store.new_out_trade_no("POS01", now)
        store.create_deal(out_trade_no=number, amount_fen=2550, product="x", till_id="POS01",
                          time_start=now, time_expire=now + timedelta(minutes=6),
                          sign_type="MD5", now=now)
        store.transition(number, DealState.ORDERED, reason="order created", now=now,
                         prepay_id="wx1", code_url="weixin://x")
        print(number, flush=True)  # both commits have returned
""")


def test_a_killed_process_loses_nothing_it_committed(tmp_path: Path) -> None:
    path = tmp_path / "pos.db"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    with child.stdout:
        committed = [child.stdout.readline().strip() for _ in range(30)]
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # The commits are in the write-ahead log, not yet in the main file: reopening replays it.
    assert (tmp_path / "pos.db-wal").stat().st_size > 0

    store = Store.open(path)
    try:
        for number in committed:
            deal = store.get_deal(number)
            assert deal is not None and deal.state is DealState.ORDERED, number
        # Whatever the kill interrupted is absent or whole, never half-written.
        for deal in store.deals_between(NOW, NOW + timedelta(seconds=1)):
            moves = [e.to_state for e in store.events(deal.out_trade_no)]
            assert moves == [DealState.CREATED] + (
                [DealState.ORDERED] if deal.state is DealState.ORDERED else []
            )
    finally:
        store.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pos.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_errors_are_wrapped_at_the_edge() -> None:
    with pytest.raises(DiskFullError) as full, wrapped_errors("writing"):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert isinstance(full.value.__cause__, OSError)
    with pytest.raises(StoreError) as other, wrapped_errors("reading"):
        raise sqlite3.OperationalError("database is locked")
    assert type(other.value) is StoreError
    assert str(other.value) == "reading: database is locked"


def test_an_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        Store.open(blocker / "pos.db")
    (tmp_path / "garbage.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store.open(tmp_path / "garbage.db")

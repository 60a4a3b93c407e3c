"""The webhooks' outbox: rows added with their notification, claims with a lease, results."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pos.errors import StoreError
from pos.relay import outbox
from pos.relay.outbox import Dead, Delivered, Outbox, Released, Retry
from pos.relay.storage import NewNotification, NotificationStore

MCH_ID = "10000100"
HOOK_A = (MCH_ID, "https://erp.example.com/a")
HOOK_B = (MCH_ID, "https://crm.example.com/b")
LEASE = 60_000


@pytest.fixture
def hooked(database_url: str) -> Iterator[NotificationStore]:
    """A worker's store with two endpoints for MCH_ID and one for another merchant."""
    store = NotificationStore(database_url, [HOOK_A, HOOK_B, ("10000200", "https://x.example/c")])
    store.create_schema()
    yield store
    store.close()


@pytest.fixture
def outboxes(database_url: str) -> Iterator[Callable[[], Outbox]]:
    opened: list[Outbox] = []

    def make() -> Outbox:
        box = Outbox(database_url)
        opened.append(box)
        return box

    yield make
    for box in opened:
        box.close()


def rows(database_url: str) -> list[dict[str, Any]]:
    with sqlite3.connect(database_url) as connection:
        connection.row_factory = sqlite3.Row
        return [
            dict(row) for row in connection.execute(f"SELECT * FROM {outbox.TABLE} ORDER BY id")
        ]


def test_each_new_notification_gets_a_row_per_endpoint_of_its_merchant(
    hooked: NotificationStore, payment: Callable[..., NewNotification], database_url: str
) -> None:
    first, second = payment(), payment()
    ids = hooked.insert([first, second])
    found = rows(database_url)
    assert sorted((r["notification_id"], r["url"]) for r in found) == sorted(
        (notification_id, url) for notification_id in ids for _, url in (HOOK_A, HOOK_B)
    )
    assert {r["state"] for r in found} == {"pending"} and {r["attempts"] for r in found} == {0}
    uids = [r["uid"] for r in found]
    assert len(set(uids)) == 4 and all(uuid.UUID(uid).version == 4 for uid in uids)


def test_a_duplicate_notification_adds_no_delivery(
    hooked: NotificationStore, payment: Callable[..., NewNotification], database_url: str
) -> None:
    note = payment()
    hooked.insert([note, note])  # a repeat in the same batch
    hooked.insert([note])  # and WeChat Pay's retry later
    assert len(rows(database_url)) == 2


def test_merchants_without_endpoints_and_stores_without_webhooks_add_none(
    store: NotificationStore,
    hooked: NotificationStore,
    refund: Callable[..., NewNotification],
    payment: Callable[..., NewNotification],
    database_url: str,
) -> None:
    hooked.insert([refund(mch_id="10000300")])  # a merchant with no endpoint
    store.insert([payment()])  # a store given no webhooks (the default)
    assert rows(database_url) == []


def test_the_deliveries_are_in_the_notifications_transaction(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(outbox, "insert_rows", broken)
    with pytest.raises(StoreError):
        hooked.insert([payment()])
    # Neither the notification nor a delivery: WeChat Pay is answered FAIL and sends it again.
    assert hooked.count() == 0 and rows(database_url) == []
    monkeypatch.undo()
    hooked.insert([payment()])
    assert hooked.count() == 1 and len(rows(database_url)) == 2


def test_a_claim_is_taken_by_one_outbox_at_a_time_until_its_lease_ends(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
) -> None:
    hooked.insert([payment() for _ in range(5)])
    first, second = outboxes(), outboxes()
    now = _now(hooked)
    mine = first.step([], {HOOK_A: 3}, [], now, LEASE)
    theirs = second.step([], {HOOK_A: 10}, [], now, LEASE)
    assert len(mine) == 3 and len(theirs) == 2
    assert not {r.id for r in mine} & {r.id for r in theirs}
    assert first.step([], {HOOK_A: 10}, [], now, LEASE) == []
    second.step([Delivered(r.id, r.claim, now) for r in theirs], {}, [], now, LEASE)
    # The first relay died holding its three: when the lease ends, another relay takes them.
    later = now + LEASE + 1
    taken = second.step([], {HOOK_A: 10}, [], later, LEASE)
    assert {r.id for r in taken} == {r.id for r in mine}
    # The first's late word on them changes nothing: its claim is no longer theirs.
    first.step([Delivered(mine[0].id, mine[0].claim, later)], {}, [], later, LEASE)
    second.step([Retry(taken[0].id, taken[0].claim, later + 5000, "HTTP-503")], {}, [], later, 0)
    assert _row(hooked, mine[0].id)["state"] == "pending"
    assert _row(hooked, mine[0].id)["last_error"] == "HTTP-503"


def test_a_claimed_row_carries_its_notifications_verified_fields(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
) -> None:
    note = payment()
    (event_id,) = hooked.insert([note])
    (row,) = outboxes().step([], {HOOK_B: 1}, [], _now(hooked), LEASE)
    assert (row.event_id, row.kind, row.mch_id, row.url) == (event_id, "payment", MCH_ID, HOOK_B[1])
    assert row.out_trade_no == note.out_trade_no and row.fields == note.fields
    assert row.attempts == 0 and row.received_at.year >= 2024


def test_results_move_rows_on(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
) -> None:
    hooked.insert([payment() for _ in range(4)])
    box = outboxes()
    now = _now(hooked)
    delivered, retried, dead, released = box.step([], {HOOK_A: 4}, [], now, LEASE)
    box.step(
        [
            Delivered(delivered.id, delivered.claim, now + 1),
            Retry(retried.id, retried.claim, now + 5000, "cannot-connect"),
            Dead(dead.id, dead.claim, "HTTP-500"),
            Released(released.id, released.claim, now),
        ],
        {},
        [],
        now,
        LEASE,
    )
    assert _row(hooked, delivered.id)["state"] == "delivered"
    assert _row(hooked, delivered.id)["delivered_at"] == now + 1
    assert _row(hooked, retried.id)["attempts"] == 1
    assert _row(hooked, dead.id)["state"] == "dead"
    assert _row(hooked, released.id)["attempts"] == 0  # never attempted
    # Due now: the released one; the retried one waits for its time.
    assert [r.id for r in box.step([], {HOOK_A: 4}, [], now, LEASE)] == [released.id]
    assert [r.id for r in box.step([], {HOOK_A: 4}, [], now + 5000, LEASE)] == [retried.id]
    assert box.summary() == {
        (MCH_ID, HOOK_A[1], "pending"): 2,
        (MCH_ID, HOOK_A[1], "dead"): 1,
        (MCH_ID, HOOK_B[1], "pending"): 4,
    }


def test_hurrying_an_endpoint_makes_its_waiting_rows_due_now(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
) -> None:
    hooked.insert([payment() for _ in range(3)])
    box = outboxes()
    now = _now(hooked)
    claimed = box.step([], {HOOK_A: 3}, [], now, LEASE)
    box.step([Retry(r.id, r.claim, now + 600_000, "HTTP-503") for r in claimed], {}, [], now, 0)
    assert box.step([], {HOOK_A: 3}, [], now + 1, LEASE) == []
    hurried = box.step([], {HOOK_A: 3}, [HOOK_A], now + 1, LEASE)
    assert sorted(r.id for r in hurried) == sorted(r.id for r in claimed)


def test_a_step_with_nothing_to_do_takes_no_write_lock(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
    database_url: str,
) -> None:
    hooked.insert([payment()])
    box = outboxes()
    now = _now(hooked)
    box.step([], {HOOK_A: 1}, [], now, LEASE)  # claimed: nothing else is due
    writer = sqlite3.connect(database_url, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the worker in the middle of a commit
    try:
        # Were the step to write, it would wait for the lock and fail after busy_timeout.
        assert box.step([], {HOOK_A: 1}, [], now, LEASE) == []
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def _now(store: NotificationStore) -> int:
    """A time after every row of ``store`` was added (rows carry the wall clock)."""
    with sqlite3.connect(store.url) as connection:
        (latest,) = connection.execute(f"SELECT max(created_at) FROM {outbox.TABLE}").fetchone()
    return int(latest)


def _row(store: NotificationStore, row_id: int) -> dict[str, Any]:
    with sqlite3.connect(store.url) as connection:
        connection.row_factory = sqlite3.Row
        found = connection.execute(f"SELECT * FROM {outbox.TABLE} WHERE id = ?", (row_id,))
        return dict(found.fetchone())


def test_the_documented_replay_brings_dead_deliveries_back(
    hooked: NotificationStore,
    payment: Callable[..., NewNotification],
    outboxes: Callable[[], Outbox],
    database_url: str,
) -> None:
    hooked.insert([payment()])
    box = outboxes()
    now = _now(hooked)
    dead = box.step([], {HOOK_A: 1}, [], now, LEASE)
    box.step([Dead(dead[0].id, dead[0].claim, "HTTP-503")], {}, [], now, LEASE)
    docs = (Path(__file__).parents[3] / "docs" / "webhooks.md").read_text("utf-8")
    replay = docs.split("-- SQLite\n")[1].split("-- PostgreSQL")[0]
    with sqlite3.connect(database_url) as connection:
        connection.execute(replay.replace("https://erp.example.com/hooks/wechatpay", HOOK_A[1]))
    again = box.step([], {HOOK_A: 1}, [], now, LEASE)
    assert [r.id for r in again] == [dead[0].id] and again[0].attempts == 0
    assert _row(hooked, dead[0].id)["created_at"] >= now - 1000

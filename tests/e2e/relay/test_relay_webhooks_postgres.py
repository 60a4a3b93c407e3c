"""Two relays on one PostgreSQL database: each notification is delivered once, by one of them.

Collected only where POS_TEST_PG_URL names a server (see conftest.collect_ignore).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.webhooks import Receiver, delivery_rows, wait_until

from pos.relay.outbox import Claimed, Dead, Outbox
from pos.relay.storage import NewNotification, NotificationStore
from pos.wechatpay.notify import SUCCESS_REPLY

MCH_ID = "10000100"
SECRET = "whsec-0123456789abcdef0123456789abcdef"
HOOK = (MCH_ID, "http://127.0.0.1:9/hooks")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_relays_deliver_each_notification_once(
    database_url: str,
    relay_process: Callable[[str], Any],
    notes: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receiver = Receiver(SECRET, tmp_path).start()
    try:
        config = tmp_path / "settings.toml"
        config.write_text(
            f'[[relay.webhooks]]\nmch_id = "{MCH_ID}"\nurl = "{receiver.url}"\n'
            f'secret = "{SECRET}"\n',
            encoding="utf-8",
        )
        config.chmod(0o600)
        monkeypatch.setenv("POS_CONFIG", str(config))
        relays = [relay_process(database_url), relay_process(database_url)]
        bodies = [notes.make_payment() for _ in range(150)]

        async def send() -> list[bytes]:
            async with httpx.AsyncClient(timeout=20) as client:
                semaphore = asyncio.Semaphore(16)

                async def post(index: int, body: bytes) -> bytes:
                    async with semaphore:
                        # Each notification goes to both relays at once (WeChat Pay's retry
                        # landing on the other): stored once, so one delivery.
                        one, two = await asyncio.gather(
                            client.post(relays[index % 2].url + "/wechatpay/notify", content=body),
                            client.post(
                                relays[(index + 1) % 2].url + "/wechatpay/notify", content=body
                            ),
                        )
                        return one.content if one.content == two.content else b"differ"

                return await asyncio.gather(*(post(i, b) for i, (b, _) in enumerate(bodies)))

        assert asyncio.run(send()) == [SUCCESS_REPLY] * len(bodies)
        wait_until(
            lambda: {r["state"] for r in delivery_rows(database_url)} == {"delivered"},
            timeout=60,
            what="every delivery",
        )
        rows = delivery_rows(database_url)
        assert len(rows) == len(bodies)
        # Once each: one request per delivery (no relay sent a row another had claimed), and
        # one delivery per notification.
        assert set(receiver.hits) == {r["uid"] for r in rows}
        assert set(receiver.hits.values()) == {1}
        assert sorted(out_trade_no for _, out_trade_no in receiver.handled_keys()) == sorted(
            fields["out_trade_no"] for _, fields in bodies
        )
    finally:
        receiver.stop()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_concurrent_claims_on_postgresql_never_take_a_row_twice(database_url: str) -> None:
    store = NotificationStore(database_url, [HOOK])
    store.create_schema()
    store.insert(
        [
            NewNotification(
                "payment", MCH_ID, f"POS{n}", f"TX{n}", None, None, "<xml/>", {"n": str(n)}
            )
            for n in range(400)
        ]
    )
    store.close()
    now = int(time.time() * 1000) + 1000
    taken: list[list[Claimed]] = [[], [], [], []]
    start = threading.Barrier(len(taken))

    def claimer(index: int) -> None:
        # Each takes at most a quarter, in claims of 7 held (not finished) side by side with
        # the others' claims: all four must take part, and none may take a row twice.
        box = Outbox(database_url)
        try:
            start.wait()
            while len(taken[index]) < 100:
                wanted = min(7, 100 - len(taken[index]))
                claimed = box.step([], {HOOK: wanted}, [], now, 60_000)
                assert claimed, "rows ran out: another claimer took more than its share"
                taken[index].extend(claimed)
        finally:
            box.close()

    threads = [threading.Thread(target=claimer, args=(i,)) for i in range(len(taken))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    ids = [row.id for rows in taken for row in rows]
    assert [len(rows) for rows in taken] == [100, 100, 100, 100]
    assert len(set(ids)) == 400


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_documented_replay_brings_dead_deliveries_back_on_postgresql(
    database_url: str,
) -> None:
    store = NotificationStore(database_url, [HOOK])
    store.create_schema()
    store.insert([NewNotification("payment", MCH_ID, "POS1", "TX1", None, None, "<x/>", {})])
    now = int(time.time() * 1000) + 1000
    box = Outbox(database_url)
    try:
        (row,) = box.step([], {HOOK: 1}, [], now, 60_000)
        box.step([Dead(row.id, row.claim, "HTTP-503")], {}, [], now, 0)
        assert box.step([], {HOOK: 1}, [], now, 60_000) == []
        docs = (Path(__file__).parents[3] / "docs" / "webhooks.md").read_text("utf-8")
        replay = docs.split("-- PostgreSQL\n")[1].split("```")[0]
        store.db.execute_sql(replay.replace("https://erp.example.com/hooks/wechatpay", HOOK[1]))
        (again,) = box.step([], {HOOK: 1}, [], now, 60_000)
        assert again.id == row.id and again.attempts == 0
    finally:
        box.close()
        store.close()

"""Two relay processes on one PostgreSQL database behave as one relay (LISTEN/NOTIFY fan-out).

Collected only where POS_TEST_PG_URL names a server (see conftest.collect_ignore).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any

import httpx
import psycopg
import pytest

from pos.relay.storage import NotificationStore
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_notification_posted_to_one_relay_reaches_a_till_of_the_other(
    database_url: str, relay_process: Callable[[str], Any], notes: Any, follow: Callable[..., Any]
) -> None:
    assert database_url.startswith("postgresql://")
    first = relay_process(database_url)
    second = relay_process(database_url)
    till_a = follow(first.url)
    till_b = follow(second.url)
    body, fields = notes.make_payment()
    assert (
        httpx.post(first.url + "/wechatpay/notify", content=body, timeout=10).content
        == SUCCESS_REPLY
    )
    till_b.wait_for(lambda c: c.has(fields["out_trade_no"]))
    till_a.wait_for(lambda c: c.has(fields["out_trade_no"]))
    # WeChat Pay's retry lands on the other relay: a duplicate, answered SUCCESS, not pushed.
    assert (
        httpx.post(second.url + "/wechatpay/notify", content=body, timeout=10).content
        == SUCCESS_REPLY
    )
    refund, inner = notes.make_refund()
    assert (
        httpx.post(second.url + "/wechatpay/refund-notify", content=refund, timeout=10).content
        == SUCCESS_REPLY
    )
    for till in (till_a, till_b):
        till.wait_for(lambda c: c.has(inner["out_trade_no"]))
        assert [e.out_trade_no for e in till.events] == [
            fields["out_trade_no"],
            inner["out_trade_no"],
        ]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_concurrent_load_on_two_relays_reaches_each_till_once_in_id_order(
    database_url: str, relay_process: Callable[[str], Any], notes: Any, follow: Callable[..., Any]
) -> None:
    relays = [relay_process(database_url), relay_process(database_url)]
    tills = [follow(relay.url) for relay in relays]
    bodies = [notes.make_payment() for _ in range(200)]

    async def send() -> list[bytes]:
        async with httpx.AsyncClient(timeout=20) as client:
            semaphore = asyncio.Semaphore(20)

            async def post(index: int, body: bytes) -> bytes:
                async with semaphore:
                    # Each notification goes to both relays at once: the duplicate race.
                    url = relays[index % 2].url + "/wechatpay/notify"
                    other = relays[(index + 1) % 2].url + "/wechatpay/notify"
                    one, two = await asyncio.gather(
                        client.post(url, content=body), client.post(other, content=body)
                    )
                    assert one.content == two.content
                    return one.content

            return await asyncio.gather(*(post(i, b) for i, (b, _) in enumerate(bodies)))

    assert asyncio.run(send()) == [SUCCESS_REPLY] * len(bodies)
    expected = {fields["out_trade_no"] for _, fields in bodies}
    store = NotificationStore(database_url)
    try:
        rows = store.events_after(0, 10_000)
    finally:
        store.close()
    assert {row.out_trade_no for row in rows} == expected
    assert len(rows) == len(expected)
    for till in tills:
        till.wait_for(lambda c: len(c.events) >= len(expected), timeout=20)
        assert [e.id for e in till.events] == [row.id for row in rows]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_lost_database_gives_fail_and_an_unhealthy_relay(
    database_url: str, start_relay: Callable[..., Any], notes: Any
) -> None:
    relay = start_relay()
    body, _ = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY
    admin_url = os.environ["POS_TEST_PG_URL"]
    name = database_url.rpartition("/")[2]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    other, _ = notes.make_payment()
    answer = xmlcodec.decode(relay.post(other).content)
    assert answer["return_code"] == "FAIL"  # not committed, so never SUCCESS
    health = httpx.get(relay.url + "/health", timeout=10)
    assert health.status_code == 503
    assert health.json() == {"status": "error", "database": "error", "worker": "ok"}
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # for the fixture's DROP

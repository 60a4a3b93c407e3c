"""Webhooks: the back-off schedule, the signature, the payload, and the dispatcher's decisions."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
import pytest

from pos.config.settings import RelayWebhook
from pos.errors import StoreError
from pos.relay import outbox
from pos.relay.storage import NewNotification, NotificationStore
from pos.relay.webhooks import Dispatcher, WebhookPolicy, payload, shown_url, signature

MCH_ID = "10000100"
URL = "https://erp.example.com/hooks/pos?token=in-the-url"
SECRET = "whsec-0123456789abcdef0123456789abcdef"


class FixedRandom(random.Random):
    """A random source that always draws ``value``: the jitter's bounds, exactly."""

    def __init__(self, value: float) -> None:
        super().__init__()
        self.value = value

    def random(self) -> float:
        return self.value


# --- the back-off ---------------------------------------------------------------------------


def test_the_back_off_doubles_from_five_seconds_and_stops_at_ten_minutes() -> None:
    policy = WebhookPolicy()
    ceilings = [policy.delay(n, FixedRandom(1.0)) for n in range(1, 11)]
    assert ceilings == [5, 10, 20, 40, 80, 160, 320, 600, 600, 600]
    floors = [policy.delay(n, FixedRandom(0.0)) for n in range(1, 11)]
    assert floors == [c / 2 for c in ceilings]
    assert policy.delay(100_000, FixedRandom(1.0)) == 600  # no overflow after days of failures


def test_the_jitter_spreads_retries_over_the_upper_half_of_each_step() -> None:
    rng = random.Random(7)
    delays = [WebhookPolicy().delay(3, rng) for _ in range(2000)]
    assert all(10.0 <= d <= 20.0 for d in delays)
    assert min(delays) < 10.5 and max(delays) > 19.5  # the whole band, not one value
    assert len({round(d, 3) for d in delays}) > 1000


def test_a_delivery_is_tried_for_days_then_given_up() -> None:
    policy = WebhookPolicy()
    rng = random.Random(11)
    elapsed, attempts = 0.0, 1
    while True:
        wait = policy.delay(attempts, rng)
        if elapsed + wait > policy.give_up_after:
            break
        elapsed += wait
        attempts += 1
    assert policy.give_up_after == 3 * 24 * 3600
    assert elapsed > 2.9 * 24 * 3600  # tried until close to the horizon
    assert 400 < attempts < 900  # every 5 to 10 minutes once the ceiling is reached


# --- the signature and the payload ---------------------------------------------------------


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    body = b'{"id":"7f1c","kind":"payment","total_fee":2550}'
    # openssl dgst -sha256 -hmac 'whsec-0123456789abcdef0123456789abcdef' of '1717216265.' + body
    assert signature(SECRET, "1717216265", body) == (
        "sha256=ff382b04599f24d6f191f3ad8d7d85879a75ab3b83fb8927a2d98a03aa91bde6"
    )
    assert signature(SECRET, "1717216266", body) != signature(SECRET, "1717216265", body)
    assert signature(SECRET + "x", "1717216265", body) != signature(SECRET, "1717216265", body)


def claimed(kind: str, fields: dict[str, str], **changes: Any) -> outbox.Claimed:
    values: dict[str, Any] = {
        "id": 7,
        "uid": "5a0e8a43-3b7e-4d59-9a57-6f7d1c0b2d11",
        "claim": "c",
        "mch_id": MCH_ID,
        "url": URL,
        "attempts": 0,
        "created_at": 0,
        "event_id": 41,
        "kind": kind,
        "out_trade_no": fields.get("out_trade_no", "POS1"),
        "fields": fields,
        "received_at": datetime(2024, 6, 1, 4, 31, 6, 250000),
    }
    values.update(changes)
    return outbox.Claimed(**values)


def test_a_payment_carries_its_verified_fields_and_nothing_of_the_signature() -> None:
    fields = {
        "appid": "wxd930ea5d5a258f4f",
        "mch_id": MCH_ID,
        "nonce_str": "Vb6Nm1Qw8Er3Ty5U",
        "sign_type": "MD5",
        "return_code": "SUCCESS",
        "result_code": "SUCCESS",
        "out_trade_no": "POS20240601123000001",
        "transaction_id": "4200001234202406011234567890",
        "total_fee": "2550",
        "cash_fee": "2550",
        "coupon_fee": "",
        "settlement_total_fee": "25.50",  # malformed: left out, never guessed
        "fee_type": "CNY",
        "time_end": "20240601123105",
        "attach": "till=01",
    }
    document = json.loads(payload(claimed("payment", fields)))
    assert document == {
        "id": "5a0e8a43-3b7e-4d59-9a57-6f7d1c0b2d11",
        "event_id": 41,
        "kind": "payment",
        "received_at": "2024-06-01T04:31:06.250Z",
        "appid": "wxd930ea5d5a258f4f",
        "mch_id": MCH_ID,
        "result_code": "SUCCESS",
        "out_trade_no": "POS20240601123000001",
        "transaction_id": "4200001234202406011234567890",
        "total_fee": 2550,
        "cash_fee": 2550,
        "fee_type": "CNY",
        "time_end": "20240601123105",
        "attach": "till=01",
    }


def test_a_refund_carries_its_decrypted_fields_with_amounts_in_fen() -> None:
    fields = {
        "appid": "wxd930ea5d5a258f4f",
        "mch_id": MCH_ID,
        "out_trade_no": "POS1",
        "out_refund_no": "RF1",
        "refund_id": "503",
        "refund_status": "SUCCESS",
        "refund_fee": "550",
        "total_fee": "2550",
        "settlement_refund_fee": "550",
        "success_time": "2024-06-01 13:00:12",
    }
    document = json.loads(payload(claimed("refund", fields)))
    assert document["kind"] == "refund"
    assert (document["refund_fee"], document["total_fee"], document["settlement_refund_fee"]) == (
        550,
        2550,
        550,
    )
    assert document["out_refund_no"] == "RF1" and document["refund_status"] == "SUCCESS"


def test_logs_show_an_endpoint_without_its_credentials_or_query() -> None:
    assert shown_url(URL) == "https://erp.example.com/hooks/pos"
    assert shown_url("http://user:pw@10.0.0.7:8080/in#frag") == "http://10.0.0.7:8080/in"
    assert shown_url("http://[::1]:9000/h") == "http://[::1]:9000/h"


# --- the dispatcher ---------------------------------------------------------------------------


def payment_note(n: int) -> NewNotification:
    fields = {"out_trade_no": f"POS{n}", "total_fee": "2550", "mch_id": MCH_ID}
    return NewNotification(
        "payment", MCH_ID, f"POS{n}", f"TX{n}", None, None, "<xml/>", dict(fields)
    )


def outbox_rows(database_url: str) -> list[dict[str, Any]]:
    with sqlite3.connect(database_url) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(r) for r in connection.execute(f"SELECT * FROM {outbox.TABLE} ORDER BY id")]


def run_dispatcher(
    database_url: str,
    handler: Callable[[httpx.Request], httpx.Response],
    until: Callable[[list[dict[str, Any]]], bool],
    *,
    clock: Callable[[], float] = time.time,
    meanwhile: Callable[[list[dict[str, Any]]], None] = lambda rows: None,
) -> None:
    """Run a dispatcher on ``database_url`` until ``until(outbox rows)`` holds (10 s at most),
    calling ``meanwhile(rows)`` at each look."""

    async def scenario() -> None:
        dispatcher = Dispatcher(
            database_url,
            [RelayWebhook(MCH_ID, URL, SECRET)],
            WebhookPolicy(poll_seconds=0.02),
            clock=clock,
            transport=httpx.MockTransport(handler),
        )
        await dispatcher.start()
        try:
            deadline = time.monotonic() + 10
            while not until(rows := outbox_rows(database_url)):
                assert time.monotonic() < deadline, rows
                meanwhile(rows)
                await asyncio.sleep(0.01)
        finally:
            await dispatcher.stop()

    asyncio.run(scenario())


@pytest.fixture
def stored(database_url: str) -> NotificationStore:
    store = NotificationStore(database_url, [(MCH_ID, URL)])
    store.create_schema()
    store.insert([payment_note(1), payment_note(2)])
    store.close()
    return store


def test_a_2xx_delivers_with_headers_a_receiver_can_check(
    stored: NotificationStore, database_url: str
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    run_dispatcher(database_url, handler, lambda rows: all(r["state"] == "delivered" for r in rows))
    assert len(seen) == 2
    for request in seen:
        body = request.content
        timestamp = request.headers["x-pos-timestamp"]
        expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
        assert request.headers["x-pos-signature"] == "sha256=" + expected.hexdigest()
        assert abs(int(timestamp) - time.time()) < 60
        assert request.headers["x-pos-delivery"] == json.loads(body)["id"]
        assert request.headers["content-type"] == "application/json"
    assert {json.loads(r.content)["out_trade_no"] for r in seen} == {"POS1", "POS2"}


def test_a_failure_is_tried_again_later_with_its_reason_kept(
    stored: NotificationStore, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    # httpx's own lines too (INFO, `pos relay`'s level): they would show the URL's token.
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="pos.relay")
    now = time.time() + 1  # after the rows were added: they are due
    run_dispatcher(
        database_url,
        lambda request: httpx.Response(503),
        lambda rows: all(r["attempts"] == 1 for r in rows),
        clock=lambda: now,
    )
    for row in outbox_rows(database_url):
        assert row["state"] == "pending" and row["last_error"] == "HTTP-503"
        # The first retry waits 2.5 to 5 s (the first step of the back-off, with its jitter).
        assert int(now * 1000) + 2500 <= row["next_attempt_at"] <= int(now * 1000) + 5000
        assert row["claim"] is None
    assert (
        "relay webhook endpoint failing endpoint=10000100:https://erp.example.com/hooks/pos"
        in caplog.text
    )
    assert SECRET not in caplog.text and "in-the-url" not in caplog.text


def test_past_the_horizon_a_delivery_is_given_up_loudly_and_kept(
    stored: NotificationStore, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    four_days_later = time.time() + 4 * 24 * 3600

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    run_dispatcher(
        database_url,
        refuse,
        lambda rows: all(r["state"] == "dead" for r in rows),
        clock=lambda: four_days_later,
    )
    rows = outbox_rows(database_url)
    assert len(rows) == 2 and {r["last_error"] for r in rows} == {"cannot-connect"}
    given_up = [r for r in caplog.records if "GIVEN UP" in r.getMessage()]
    assert len(given_up) == 2 and {r.levelno for r in given_up} == {logging.ERROR}
    assert {row["uid"] for row in rows} == {
        r.getMessage().split("delivery=")[1].split()[0] for r in given_up
    }
    assert SECRET not in caplog.text and "in-the-url" not in caplog.text


def test_a_recovered_endpoint_gets_its_waiting_rows_at_once(
    stored: NotificationStore, database_url: str
) -> None:
    # The dispatcher's clock stands still: the two rows that fail first can only become due
    # again because the endpoint recovered, never because their back-off ran out.
    now = time.time() + 1
    answers = iter([httpx.Response(500), httpx.Response(500)])
    added: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return next(answers, httpx.Response(200))

    def add_a_third_once_both_failed(rows: list[dict[str, Any]]) -> None:
        if not added and all(r["attempts"] == 1 and r["claim"] is None for r in rows):
            store = NotificationStore(database_url, [(MCH_ID, URL)])
            added.extend(i for i in store.insert([payment_note(3)]) if i is not None)
            store.close()

    run_dispatcher(
        database_url,
        handler,
        lambda rows: len(rows) == 3 and all(r["state"] == "delivered" for r in rows),
        clock=lambda: now,
        meanwhile=add_a_third_once_both_failed,
    )
    rows = outbox_rows(database_url)
    assert [r["attempts"] for r in rows] == [2, 2, 1]
    assert {r["delivered_at"] for r in rows} == {int(now * 1000)}


def test_no_attempt_starts_while_notifications_are_coming_in(
    stored: NotificationStore, database_url: str
) -> None:
    seen: list[httpx.Request] = []
    busy = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    async def scenario() -> None:
        dispatcher = Dispatcher(
            database_url,
            [RelayWebhook(MCH_ID, URL, SECRET)],
            WebhookPolicy(poll_seconds=0.02, max_defer_seconds=60),
            transport=httpx.MockTransport(handler),
            is_busy=lambda: busy[0],
        )
        await dispatcher.start()
        try:
            dispatcher.wake()
            await asyncio.sleep(0.5)  # a burst of notifications: the deliveries wait
            assert seen == []
            busy[0] = False  # the burst is over
            deadline = time.monotonic() + 10
            while not all(r["state"] == "delivered" for r in outbox_rows(database_url)):
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)
        finally:
            await dispatcher.stop()

    asyncio.run(scenario())
    assert len(seen) == 2


def test_a_long_burst_still_lets_a_round_of_deliveries_through(
    stored: NotificationStore, database_url: str
) -> None:
    async def scenario() -> None:
        dispatcher = Dispatcher(
            database_url,
            [RelayWebhook(MCH_ID, URL, SECRET)],
            WebhookPolicy(poll_seconds=0.02, max_defer_seconds=0.2),
            transport=httpx.MockTransport(lambda request: httpx.Response(200)),
            is_busy=lambda: True,  # notifications never stop coming
        )
        await dispatcher.start()
        try:
            deadline = time.monotonic() + 10
            while not all(r["state"] == "delivered" for r in outbox_rows(database_url)):
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)
        finally:
            await dispatcher.stop()

    asyncio.run(scenario())


def test_results_the_database_could_not_take_are_written_at_the_next_step(
    stored: NotificationStore, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[httpx.Request] = []
    failures: list[int] = []
    real_step = outbox.Outbox.step

    def flaky_step(self: outbox.Outbox, results: Any, *args: Any) -> Any:
        if results and not failures:  # the first step with results to record: the database is away
            failures.append(len(results))
            raise StoreError("cannot use the webhooks' outbox: OperationalError")
        return real_step(self, results, *args)

    monkeypatch.setattr(outbox.Outbox, "step", flaky_step)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    run_dispatcher(database_url, handler, lambda rows: all(r["state"] == "delivered" for r in rows))
    assert failures and len(seen) == 2  # recorded later, never sent again

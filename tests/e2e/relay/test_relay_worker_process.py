"""`pos relay` verifies and commits in a worker process: refusals cross it; it survives a crash."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

import httpx
from helpers.processes import spawned_children

from pos.relay.storage import NotificationStore
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY


def stored_transactions(database_url: str) -> set[str]:
    store = NotificationStore(database_url)
    try:
        return {e.fields["transaction_id"] for e in store.events_after(0, 100_000)}
    finally:
        store.close()


def test_the_worker_process_answers_every_kind_of_outcome(
    database_url: str, relay_process: Callable[[str], Any], notes: Any
) -> None:
    process = relay_process(database_url)
    (worker,) = spawned_children(process.process.pid)  # verifying happens over there
    body, fields = notes.make_payment()
    forged = xmlcodec.encode({**xmlcodec.decode(body), "total_fee": "1"})
    with httpx.Client(base_url=process.url, timeout=10) as client:
        answers = [client.post("/wechatpay/notify", content=b).content for b in (body, body)]
        refused = client.post("/wechatpay/notify", content=forged)
        junk = client.post("/wechatpay/notify", content=b"<xml><a>1</a")
    assert answers == [SUCCESS_REPLY, SUCCESS_REPLY]  # new, then a duplicate
    assert xmlcodec.decode(refused.content) == {"return_code": "FAIL", "return_msg": "签名错误"}
    assert xmlcodec.decode(junk.content)["return_code"] == "FAIL"
    assert stored_transactions(database_url) == {fields["transaction_id"]}
    assert spawned_children(process.process.pid) == [worker]


def test_a_killed_worker_is_replaced_and_nothing_acknowledged_is_lost(
    database_url: str, relay_process: Callable[[str], Any], notes: Any
) -> None:
    process = relay_process(database_url)
    (worker,) = spawned_children(process.process.pid)
    acknowledged: list[str] = []
    fails = 0
    with httpx.Client(base_url=process.url, timeout=10) as client:

        def post_one() -> bool:
            nonlocal fails
            body, fields = notes.make_payment()
            response = client.post("/wechatpay/notify", content=body)
            if response.content == SUCCESS_REPLY:
                acknowledged.append(fields["transaction_id"])
                return True
            assert xmlcodec.decode(response.content) == {
                "return_code": "FAIL",
                "return_msg": "系统繁忙",
            }
            fails += 1
            return False

        for _ in range(20):
            assert post_one()
        os.kill(worker, signal.SIGKILL)
        # Until the new worker is up, notifications are answered FAIL (WeChat Pay retries),
        # never SUCCESS without a commit; then they are taken again.
        deadline = time.monotonic() + 20
        while not post_one():
            assert time.monotonic() < deadline, "no new worker"
            time.sleep(0.05)
        for _ in range(20):
            assert post_one()
        health = client.get("/health")
    assert health.status_code == 200
    assert health.json()["worker"] == "ok"
    (replacement,) = spawned_children(process.process.pid)
    assert replacement != worker
    assert len(acknowledged) == 41
    assert set(acknowledged) <= stored_transactions(database_url)
    assert "relay worker restarted" in process.log_path.read_text()

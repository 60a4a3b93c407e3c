"""The relay worker: group commit of the batches waiting for it, one answer per request."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest

from pos.errors import StoreError
from pos.relay.storage import NewNotification, NotificationStore
from pos.relay.worker import Duplicate, Outcome, Refused, Stored, Worker, _Work
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_nonce, make_sign
from pos.wechatpay.types import Merchant

MERCHANT = Merchant("wxd930ea5d5a258f4f", "10000100", "192006250b4c09247ec02edce69f6a2d")


def signed_payment(n: int) -> bytes:
    fields: dict[str, Any] = {
        "appid": MERCHANT.appid,
        "mch_id": MERCHANT.mch_id,
        "nonce_str": make_nonce(16),
        "out_trade_no": f"POS{n:08d}",
        "result_code": "SUCCESS",
        "return_code": "SUCCESS",
        "time_end": "20240601123105",
        "total_fee": 2550,
        "trade_type": "NATIVE",
        "openid": "o1",
        "bank_type": "OTHERS",
        "is_subscribe": "N",
        "cash_fee": 2550,
        "fee_type": "CNY",
        "transaction_id": f"4200{n:024d}",
    }
    fields["sign"] = make_sign(fields, MERCHANT.api_key)
    return xmlcodec.encode(fields)


@pytest.mark.parametrize("isolated", [False, True], ids=["thread", "process"])
def test_a_database_that_cannot_be_opened_fails_the_start(isolated: bool) -> None:
    async def scenario() -> None:
        worker = Worker("/nonexistent-dir/relay.db", {}, isolated=isolated)
        with pytest.raises(StoreError, match="cannot be opened"):
            await worker.start()
        assert not worker.alive
        answers: list[list[Outcome]] = []
        worker.submit_many([("payment", b"<xml/>")], answers.append)
        assert len(answers) == 1 and isinstance(answers[0][0], StoreError)

    asyncio.run(scenario())


def test_batches_waiting_for_the_worker_are_committed_together(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    inserts: list[int] = []
    first_commit_started, release = threading.Event(), threading.Event()
    real_insert = NotificationStore.insert

    def insert(self: NotificationStore, items: Any) -> list[int | None]:
        inserts.append(len(items))
        if len(inserts) == 1:
            first_commit_started.set()
            release.wait(10)  # a slow disk: the next batches queue up meanwhile
        return real_insert(self, items)

    monkeypatch.setattr(NotificationStore, "insert", insert)

    async def scenario() -> list[list[Outcome]]:
        worker = Worker(database_url, {MERCHANT.mch_id: MERCHANT}, isolated=False)
        await worker.start()
        answers: list[list[Outcome]] = []
        done = asyncio.Event()

        def collect(outcomes: list[Outcome]) -> None:
            answers.append(outcomes)
            if len(answers) == 6:
                done.set()

        worker.submit_many([("payment", signed_payment(0))], collect)
        await asyncio.to_thread(first_commit_started.wait, 10)
        for n in range(1, 6):
            requests = [("payment", signed_payment(n * 10 + k)) for k in range(3)]
            if n == 5:
                requests += [("payment", signed_payment(0)), ("payment", b"<xml>junk</xml>")]
            worker.submit_many(requests, collect)
        await asyncio.sleep(0.2)  # all five batches are in the worker's socket
        release.set()
        await asyncio.wait_for(done.wait(), 10)
        await worker.stop()
        return answers

    answers = asyncio.run(scenario())
    # The first batch alone, then the five that waited in one transaction.
    assert inserts == [1, 16]
    assert [len(batch) for batch in answers] == [1, 3, 3, 3, 3, 5]
    flat = [outcome for batch in answers for outcome in batch]
    assert [type(o) for o in flat] == [Stored] * 16 + [Duplicate, Refused]
    ids = [o.id for o in flat[:16] if isinstance(o, Stored)]
    assert ids == list(range(1, 17))  # each request got its own row's id, in order
    assert flat[16] == Duplicate("payment", "10000100", "POS00000000")
    assert flat[17] == Refused("XML格式错误")


def test_a_row_that_cannot_be_written_fails_alone(
    store: NotificationStore, payment: Callable[..., NewNotification]
) -> None:
    good = payment()
    bad = NewNotification(
        "payment", "10000100", "POSX", "TXBAD", None, None, "<xml/>", {"x": "\ud800"}
    )  # not encodable: the insert fails
    work = _Work(None, store.url, {})  # type: ignore[arg-type]  # no connection needed here
    results = work._insert(store, [good, bad])
    assert isinstance(results[id(good)], int)
    assert isinstance(results[id(bad)], StoreError)
    assert store.count() == 1


def test_a_worker_that_goes_away_fails_what_it_had_not_answered(database_url: str) -> None:
    async def scenario() -> list[Outcome]:
        worker = Worker(database_url, {MERCHANT.mch_id: MERCHANT}, isolated=True)
        await worker.start()
        assert worker._process is not None
        worker._process.kill()
        answers: list[Outcome] = []
        worker.submit_many([("payment", signed_payment(1))] * 3, answers.extend)
        for _ in range(200):
            if answers:
                break
            await asyncio.sleep(0.01)
        await worker.stop()
        return answers

    answers = asyncio.run(scenario())
    assert len(answers) == 3
    assert all(isinstance(a, StoreError) for a in answers)

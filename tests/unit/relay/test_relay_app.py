"""The notify path's hand-over to the worker: batching, deadline, and the hub told of commits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from pos.errors import StoreError
from pos.relay import app as relay_app
from pos.relay.app import RelaySettings, _Relay
from pos.relay.worker import Duplicate, Outcome, Refused, Request, Stored


class FakeWorker:
    """Keeps what it is handed; the test answers (or never answers) each batch."""

    def __init__(self) -> None:
        self.alive = True
        self.batches: list[tuple[list[Request], Callable[[list[Outcome]], None]]] = []

    def submit_many(self, requests: list[Request], done: Callable[[list[Outcome]], None]) -> None:
        self.batches.append((list(requests), done))


class FakeHub:
    def __init__(self) -> None:
        self.committed_ids: list[int] = []

    def committed(self, last_id: int) -> None:
        self.committed_ids.append(last_id)


def relay_with_fakes() -> tuple[_Relay, FakeWorker, FakeHub]:
    relay = _Relay(RelaySettings("unused.db", {}, {}))
    writer, hub = FakeWorker(), FakeHub()
    relay.loop = asyncio.get_running_loop()
    relay.worker = writer  # type: ignore[assignment]
    relay.hub = hub  # type: ignore[assignment]
    return relay, writer, hub


def stored(new_id: int, trade: str = "POS1") -> Stored:
    return Stored(new_id, "payment", "10000100", trade)


def test_requests_arriving_together_are_answered_from_few_batches(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="pos.relay")

    async def scenario() -> None:
        relay, writer, hub = relay_with_fakes()
        bodies = [f"<xml><n>{n}</n></xml>".encode() for n in range(10)]
        tasks = [asyncio.create_task(relay.submit("payment", body)) for body in bodies]
        await asyncio.sleep(0)  # the ten requests run up to their wait
        await asyncio.sleep(0)  # the end of the turn hands over what is left
        # The first goes at once (the worker was idle), the rest in small groups.
        assert [len(batch) for batch, _ in writer.batches] == [1, 4, 4, 1]
        assert [body for batch, _ in writer.batches for _, body in batch] == bodies
        next_id = 1
        for batch, done in writer.batches:
            outcomes: list[Outcome] = [
                stored(n, f"POS{n}") for n in range(next_id, next_id + len(batch))
            ]
            if next_id == 1:
                outcomes = [Duplicate("payment", "10000100", "POS1")]
            next_id += len(batch)
            done(outcomes)
        answers = await asyncio.gather(*tasks)
        assert answers[0] == Duplicate("payment", "10000100", "POS1")
        assert [answer.id for answer in answers[1:] if isinstance(answer, Stored)] == list(
            range(2, 11)
        )
        assert hub.committed_ids == [5, 9, 10]
        await asyncio.sleep(0)  # the log line goes at the end of the turn

    asyncio.run(scenario())
    lines = [r.getMessage() for r in caplog.records if "relay notifications" in r.getMessage()]
    # One line for everything committed in that turn, every notification named in it.
    assert lines == [
        "relay notifications stored count=9 "
        + " ".join(f"{n}:payment:10000100:POS{n}" for n in range(2, 11)),
        "relay notifications duplicate count=1 payment:10000100:POS1",
    ]


def test_a_refusal_is_an_answer_not_an_error() -> None:
    async def scenario() -> None:
        relay, writer, hub = relay_with_fakes()
        task = asyncio.create_task(relay.submit("payment", b"<xml/>"))
        await asyncio.sleep(0)
        writer.batches[0][1]([Refused("签名错误")])
        assert await task == Refused("签名错误")
        assert hub.committed_ids == []

    asyncio.run(scenario())


def test_a_batch_the_worker_does_not_answer_in_time_fails_with_store_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(relay_app, "STORE_DEADLINE_SECONDS", 0.05)

    async def scenario() -> None:
        relay, writer, hub = relay_with_fakes()
        with pytest.raises(StoreError, match="too slow"):
            await relay.submit("payment", b"<xml/>")
        # The late answer changes nothing, and the next request is handed over at once.
        writer.batches[0][1]([stored(7)])
        await asyncio.sleep(0)
        later = asyncio.create_task(relay.submit("payment", b"<xml/>"))
        await asyncio.sleep(0)
        assert len(writer.batches) == 2
        writer.batches[1][1]([stored(8)])
        assert await later == stored(8)
        assert hub.committed_ids == [7, 8]

    asyncio.run(scenario())


def test_a_store_error_reaches_only_its_own_request() -> None:
    async def scenario() -> None:
        relay, writer, _ = relay_with_fakes()
        relay._in_flight.add(object())  # the worker is busy: these two go in one batch
        first = asyncio.create_task(relay.submit("payment", b"<xml>1</xml>"))
        second = asyncio.create_task(relay.submit("payment", b"<xml>2</xml>"))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        ((batch, done),) = writer.batches
        assert len(batch) == 2
        done([StoreError("disk full"), stored(3)])
        with pytest.raises(StoreError, match="disk full"):
            await first
        assert await second == stored(3)

    asyncio.run(scenario())


def test_while_the_worker_is_down_requests_fail_at_once() -> None:
    async def scenario() -> None:
        relay, writer, _ = relay_with_fakes()
        writer.alive = False
        relay._stopping = True  # no restart in this test: that is the e2e tests' business
        with pytest.raises(StoreError, match="not running"):
            await relay.submit("payment", b"<xml/>")
        assert writer.batches == []

    asyncio.run(scenario())

"""The notify path's hand-over to the writer: batching, deadline, and the hub told of commits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from pos.errors import StoreError
from pos.relay import app as relay_app
from pos.relay.app import RelaySettings, _Relay
from pos.relay.storage import ItemResult, NewNotification


class FakeWriter:
    """Keeps what it is handed; the test answers (or never answers) each batch."""

    def __init__(self) -> None:
        self.batches: list[tuple[list[NewNotification], Callable[[list[ItemResult]], None]]] = []

    def submit_many(
        self, items: list[NewNotification], done: Callable[[list[ItemResult]], None]
    ) -> None:
        self.batches.append((list(items), done))


class FakeHub:
    def __init__(self) -> None:
        self.committed_ids: list[int] = []

    def committed(self, last_id: int) -> None:
        self.committed_ids.append(last_id)


def relay_with_fakes() -> tuple[_Relay, FakeWriter, FakeHub]:
    relay = _Relay(RelaySettings("unused.db", {}, {}))
    writer, hub = FakeWriter(), FakeHub()
    relay.loop = asyncio.get_running_loop()
    relay.writer = writer  # type: ignore[assignment]
    relay.hub = hub  # type: ignore[assignment]
    return relay, writer, hub


def test_requests_arriving_together_are_answered_from_few_commits(
    payment: Callable[..., NewNotification],
) -> None:
    async def scenario() -> None:
        relay, writer, hub = relay_with_fakes()
        items = [payment() for _ in range(10)]
        tasks = [asyncio.create_task(relay.store(item)) for item in items]
        await asyncio.sleep(0)  # the ten requests run up to their wait
        await asyncio.sleep(0)  # the end of the turn hands over what is left
        # The first goes at once (the writer was idle), the rest in small groups.
        assert [len(batch) for batch, _ in writer.batches] == [1, 4, 4, 1]
        assert [item for batch, _ in writer.batches for item in batch] == items
        next_id = 1
        for batch, done in writer.batches:
            results: list[Any] = list(range(next_id, next_id + len(batch)))
            if next_id == 1:
                results = [None]  # a duplicate: known already
            next_id += len(batch)
            done(results)
        answers = await asyncio.gather(*tasks)
        assert answers == [None, *range(2, 11)]
        assert hub.committed_ids == [5, 9, 10]

    asyncio.run(scenario())


def test_a_batch_the_writer_does_not_answer_in_time_fails_with_store_error(
    payment: Callable[..., NewNotification], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay_app, "STORE_DEADLINE_SECONDS", 0.05)

    async def scenario() -> None:
        relay, writer, hub = relay_with_fakes()
        with pytest.raises(StoreError, match="too slow"):
            await relay.store(payment())
        # The late answer changes nothing, and the next request is handed over at once.
        writer.batches[0][1]([7])
        await asyncio.sleep(0)
        later = asyncio.create_task(relay.store(payment()))
        await asyncio.sleep(0)
        assert len(writer.batches) == 2
        writer.batches[1][1]([8])
        assert await later == 8
        assert hub.committed_ids == [7, 8]

    asyncio.run(scenario())


def test_a_store_error_reaches_only_its_own_request(
    payment: Callable[..., NewNotification],
) -> None:
    async def scenario() -> None:
        relay, writer, _ = relay_with_fakes()
        relay._in_flight.add(object())  # the writer is busy: these two go in one batch
        first = asyncio.create_task(relay.store(payment()))
        second = asyncio.create_task(relay.store(payment()))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        ((batch, done),) = writer.batches
        assert len(batch) == 2
        done([StoreError("disk full"), 3])
        with pytest.raises(StoreError, match="disk full"):
            await first
        assert await second == 3

    asyncio.run(scenario())

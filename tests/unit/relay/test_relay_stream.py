"""The SSE wire form, the follower's parser, and the hub's fan-out (no sockets)."""

from __future__ import annotations

import asyncio

import pytest

from pos.relay.events import RelayEvent
from pos.relay.fanout import Hub, Subscription
from pos.relay.follower import (
    INITIAL_BACKOFF_SECONDS,
    EventFollower,
    SseParser,
    next_backoff,
)


def event(n: int, kind: str = "payment") -> RelayEvent:
    return RelayEvent(
        id=n,
        kind=kind,
        mch_id="10000100",
        out_trade_no=f"POS{n}",
        raw_xml="<xml><a><![CDATA[x\ny]]></a></xml>",
        fields={"a": "x\ny", "中": "文"},
    )


def parse(text: str) -> list[tuple[str | None, str, str]]:
    parser = SseParser()
    frames = []
    for line in text.split("\n"):
        frame = parser.feed(line)
        if frame is not None:
            frames.append(frame)
    return frames


def test_an_event_survives_the_sse_round_trip() -> None:
    original = event(7, "refund")
    frames = parse(original.to_sse().decode())
    assert len(frames) == 1
    event_id, kind, data = frames[0]
    assert (event_id, kind) == ("7", "refund")
    assert RelayEvent.from_json(data, event_id=7, kind=kind) == original


def test_parser_skips_comments_and_joins_data_lines() -> None:
    text = ": ping\n\nid: 3\nevent: payment\ndata: a\ndata:b\n\n: ping\n\n"
    assert parse(text) == [("3", "payment", "a\nb")]


def test_parser_ignores_a_frame_without_data() -> None:
    assert parse("event: payment\n\nid: 4\ndata: x\n\n") == [("4", "message", "x")]


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        "[]",
        '{"id": 1, "kind": "payment"}',
        '{"id": 1, "kind": "bogus", "mch_id": "1", "out_trade_no": "o", "raw_xml": "",'
        ' "fields": {}}',
        '{"id": "1", "kind": "payment", "mch_id": "1", "out_trade_no": "o", "raw_xml": "",'
        ' "fields": {}}',
        '{"id": 1, "kind": "payment", "mch_id": "1", "out_trade_no": "o", "raw_xml": "",'
        ' "fields": {"a": 1}}',
    ],
)
def test_malformed_event_data_is_a_value_error(data: str) -> None:
    with pytest.raises(ValueError):
        RelayEvent.from_json(data)


def test_event_repr_does_not_carry_the_raw_document() -> None:
    assert "CDATA" not in repr(event(1))


def test_a_slow_subscription_is_closed_not_grown_without_bound() -> None:
    async def scenario() -> None:
        subscription = Subscription(max_pending=3)
        for n in range(3):
            subscription.put(event(n))
        assert not subscription.has_overflowed
        subscription.put(event(3))
        assert subscription.has_overflowed and subscription.is_closed
        assert await subscription.get(1) is None

    asyncio.run(scenario())


def test_subscription_times_out_with_false_for_a_heartbeat() -> None:
    async def scenario() -> None:
        subscription = Subscription()
        assert await subscription.get(0.01) is False
        subscription.put(event(1))
        assert await subscription.get(0.01) == event(1)

    asyncio.run(scenario())


def test_hub_publishes_rows_after_its_cursor_in_order_to_every_subscription() -> None:
    rows = [event(n) for n in (1, 2, 5, 9)]
    visible: list[RelayEvent] = []

    async def read_after(after: int, limit: int) -> list[RelayEvent]:
        return [e for e in visible if e.id > after][:limit]

    async def read_last_id() -> int:
        return max((e.id for e in visible), default=0)

    async def scenario() -> None:
        visible.append(rows[0])
        hub = Hub(read_after, read_last_id, safety_poll_seconds=60)
        await hub.start()
        assert hub.cursor == 1
        first, start_first = hub.subscribe()
        second, start_second = hub.subscribe()
        assert start_first == start_second == 1
        visible.extend(rows[1:3])
        hub.wake()
        got = [await first.get(1), await first.get(1)]
        assert got == rows[1:3]
        visible.append(rows[3])
        hub.wake()
        assert [await second.get(1) for _ in range(3)] == rows[1:4]
        assert await first.get(1) == rows[3]
        hub.unsubscribe(first)
        hub.close_streams()
        assert await second.get(1) is None
        await hub.stop()
        assert hub.subscriber_count == 0

    asyncio.run(scenario())


def test_backoff_doubles_from_half_a_second_to_ten() -> None:
    delays = [INITIAL_BACKOFF_SECONDS]
    for _ in range(7):
        delays.append(next_backoff(delays[-1]))
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]


def test_follower_stops_promptly_while_it_cannot_connect() -> None:
    import socket
    import threading
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    states: list[str] = []
    stop = threading.Event()
    follower = EventFollower(
        f"http://127.0.0.1:{port}", "token", lambda e: None, stop=stop, on_state=states.append
    )
    thread = threading.Thread(target=follower.run)
    thread.start()
    deadline = time.monotonic() + 5
    while "reconnecting" not in states and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    started = time.monotonic()
    thread.join(5)
    assert not thread.is_alive()
    assert time.monotonic() - started < 1
    assert states == ["reconnecting"]
    assert follower.last_event_id is None


def test_hub_skips_reading_rows_while_no_till_is_attached() -> None:
    rows = [event(n) for n in (1, 2, 3)]
    visible: list[RelayEvent] = []
    reads: list[int] = []

    async def read_after(after: int, limit: int) -> list[RelayEvent]:
        reads.append(after)
        return [e for e in visible if e.id > after][:limit]

    async def read_last_id() -> int:
        return max((e.id for e in visible), default=0)

    async def scenario() -> None:
        hub = Hub(read_after, read_last_id, safety_poll_seconds=60)
        await hub.start()
        visible.extend(rows[:2])
        hub.committed(2)  # a local commit with nobody listening: the cursor just moves
        assert hub.cursor == 2
        hub.wake()  # a wake-up (NOTIFY, safety poll) with nobody listening reads MAX(id)
        await asyncio.sleep(0.05)
        assert reads == []
        subscription, start = hub.subscribe()
        assert start == 2
        visible.append(rows[2])
        hub.committed(3)  # now someone listens: the row is read and published
        assert await subscription.get(1) == rows[2]
        assert reads == [2]
        assert hub.cursor == 3
        await hub.stop()

    asyncio.run(scenario())


def test_hub_reads_after_all_when_a_till_attaches_during_the_skip() -> None:
    rows = [event(n) for n in (1, 2)]
    visible: list[RelayEvent] = list(rows)
    gate = asyncio.Event()

    async def read_after(after: int, limit: int) -> list[RelayEvent]:
        return [e for e in visible if e.id > after][:limit]

    hub_ref: list[Hub] = []
    attached: list[tuple[Subscription, int]] = []

    async def read_last_id() -> int:
        if hub_ref:
            # A till subscribes while the hub waits for MAX(id): it got the old cursor, so
            # the hub must read and publish the rows rather than jump over them.
            attached.append(hub_ref[0].subscribe())
            gate.set()
        return max(e.id for e in visible)

    async def scenario() -> None:
        hub = Hub(read_after, read_last_id, safety_poll_seconds=60)
        hub.cursor = 0
        hub_ref.append(hub)
        await hub._catch_up()
        subscription, start = attached[0]
        assert start == 0
        assert [await subscription.get(1), await subscription.get(1)] == rows
        assert hub.cursor == 2

    asyncio.run(scenario())

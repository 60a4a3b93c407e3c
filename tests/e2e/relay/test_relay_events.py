"""The relay's event stream over real HTTP: auth, the SSE format, heartbeats, replay, reconnects."""

from __future__ import annotations

import json
import logging
import signal
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pos.relay.storage import NewNotification, NotificationStore
from pos.wechatpay.notify import SUCCESS_REPLY


def read_frames(
    url: str, headers: dict[str, str], count: int, timeout: float = 10, query: str = ""
) -> list[str]:
    """The first ``count`` SSE frames (blank-line separated blocks) of a stream, as text."""
    frames: list[str] = []
    current: list[str] = []
    deadline = time.monotonic() + timeout
    with httpx.stream("GET", url + "/events" + query, headers=headers, timeout=timeout) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            assert time.monotonic() < deadline
            if line:
                current.append(line)
                continue
            if current:
                frames.append("\n".join(current))
                current = []
            if len(frames) >= count:
                return frames
    raise AssertionError(f"stream ended after {frames}")


def test_events_need_a_till_token(relay: Any, notes: Any) -> None:
    assert httpx.get(relay.url + "/events", timeout=5).status_code == 401
    bad = {"Authorization": "Bearer not-a-till"}
    response = httpx.get(relay.url + "/events", headers=bad, timeout=5)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    frames = read_frames(relay.url, {"Authorization": f"Bearer {notes.token}"}, 1)
    assert frames == [": connected"]


def test_a_token_in_the_url_is_refused_even_a_good_one(
    relay: Any, notes: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # A URL ends up in proxies' access logs: the relay takes a token only from the header.
    good = {"Authorization": f"Bearer {notes.token}"}
    for query in (f"?token={notes.token}", "?token=nope"):
        with caplog.at_level(logging.INFO, logger="pos.relay"):
            response = httpx.get(relay.url + "/events" + query, headers=good, timeout=5)
        assert response.status_code == 400
        assert "Authorization header" in response.json()["error"]
    assert notes.token not in caplog.text
    # The refusal names the till whose token was put in the URL, never the token.
    assert "relay events refused till=till-01 reason=token-in-url" in caplog.text
    assert "relay events refused till=unknown reason=token-in-url" in caplog.text


def test_sse_frames_carry_id_kind_and_the_raw_xml(relay: Any, notes: Any) -> None:
    body, fields = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY
    frames = read_frames(
        relay.url, {"Authorization": f"Bearer {notes.token}", "Last-Event-ID": "0"}, 2
    )
    assert frames[0] == ": connected"
    lines = frames[1].split("\n")
    assert lines[0].startswith("id: ")
    assert lines[1] == "event: payment"
    data = json.loads(lines[2].removeprefix("data: "))
    assert data["id"] == int(lines[0].removeprefix("id: "))
    assert data["out_trade_no"] == fields["out_trade_no"]
    assert data["raw_xml"].encode() == body
    assert data["fields"]["total_fee"] == "2550"
    assert "sign" not in data["fields"]


def test_heartbeat_comments_keep_an_idle_stream_alive(
    start_relay: Callable[..., Any], notes: Any
) -> None:
    relay = start_relay(heartbeat_seconds=0.2)
    started = time.monotonic()
    frames = read_frames(relay.url, {"Authorization": f"Bearer {notes.token}"}, 3)
    assert frames == [": connected", ": ping", ": ping"]
    assert time.monotonic() - started >= 0.35


def test_a_till_that_comes_back_gets_exactly_what_it_missed(
    relay: Any, notes: Any, follow: Callable[..., Any]
) -> None:
    till = follow(relay.url)
    seen = []
    for _ in range(2):
        body, fields = notes.make_payment()
        assert relay.post(body).content == SUCCESS_REPLY
        seen.append(fields["out_trade_no"])
    till.wait_for(lambda c: len(c.events) == 2)
    till.stop()
    resume_from = till.follower.last_event_id
    assert resume_from == till.events[-1].id
    missed = []
    for _ in range(3):
        body, fields = notes.make_payment()
        assert relay.post(body).content == SUCCESS_REPLY
        missed.append(fields["out_trade_no"])
    back = follow(relay.url, last_event_id=resume_from)
    back.wait_for(lambda c: len(c.events) == 3)
    later, later_fields = notes.make_payment()
    assert relay.post(later).content == SUCCESS_REPLY
    back.wait_for(lambda c: c.has(later_fields["out_trade_no"]))
    assert [e.out_trade_no for e in back.events] == [*missed, later_fields["out_trade_no"]]
    ids = [e.id for e in back.events]
    assert ids == sorted(ids) and ids[0] > resume_from
    # A till without a Last-Event-ID starts from now: no history.
    fresh = follow(relay.url)
    last, last_fields = notes.make_payment()
    assert relay.post(last).content == SUCCESS_REPLY
    fresh.wait_for(lambda c: c.has(last_fields["out_trade_no"]))
    assert [e.out_trade_no for e in fresh.events] == [last_fields["out_trade_no"]]


def test_follower_reconnects_after_a_relay_restart_and_replays_the_gap(
    start_relay: Callable[..., Any], notes: Any, follow: Callable[..., Any]
) -> None:
    relay = start_relay()
    port = relay.server.port
    till = follow(relay.url)
    body, first = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(first["out_trade_no"]))
    relay.stop()
    till.wait_for(lambda c: "reconnecting" in c.states)
    # Rows committed while this till could not listen (e.g. by another relay process).
    store = NotificationStore(relay.settings.database_url)
    gap = [f"GAP{i}" for i in range(3)]
    store.insert(
        [
            NewNotification(
                "payment",
                "10000100",
                name,
                f"TX{name}",
                None,
                None,
                "<xml/>",
                {"out_trade_no": name},
            )
            for name in gap
        ]
    )
    store.close()
    again = start_relay(port=port)
    till.wait_for(lambda c: all(c.has(name) for name in gap), timeout=15)
    body, after = notes.make_payment()
    assert again.post(body).content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(after["out_trade_no"]))
    assert [e.out_trade_no for e in till.events] == [
        first["out_trade_no"],
        *gap,
        after["out_trade_no"],
    ]
    assert till.states[:3] == ["connected", "reconnecting", "connected"]


def test_sigterm_stops_the_relay_gracefully_with_a_till_attached(
    database_url: str, relay_process: Callable[[str], Any], notes: Any, follow: Callable[..., Any]
) -> None:
    process = relay_process(database_url)
    till = follow(process.url)
    body, fields = notes.make_payment()
    assert (
        httpx.post(process.url + "/wechatpay/notify", content=body, timeout=10).content
        == SUCCESS_REPLY
    )
    till.wait_for(lambda c: c.has(fields["out_trade_no"]))
    started = time.monotonic()
    process.process.send_signal(signal.SIGTERM)
    assert process.process.wait(10) == 0
    assert time.monotonic() - started < 5
    till.wait_for(lambda c: "reconnecting" in c.states)


def test_a_follower_with_a_wrong_token_never_connects(relay: Any) -> None:
    import threading

    from pos.relay import EventFollower

    states: list[str] = []
    stop = threading.Event()
    follower = EventFollower(
        relay.url, "wrong-token", lambda e: None, stop=stop, on_state=states.append
    )
    thread = threading.Thread(target=follower.run)
    thread.start()
    deadline = time.monotonic() + 5
    while not states and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert states == ["reconnecting"]


def test_last_event_id_is_parsed_strictly(relay: Any, notes: Any) -> None:
    headers = {"Authorization": f"Bearer {notes.token}"}
    for bad in ("1" * 400, "1" * 19, "-1", "+1", "1e3", "0x10", "1.0"):
        response = httpx.get(
            relay.url + "/events", headers={**headers, "Last-Event-ID": bad}, timeout=5
        )
        assert response.status_code == 400, bad
        assert response.json() == {"error": "bad Last-Event-ID"}
    arabic = httpx.get(relay.url + "/events?last_event_id=١٢", headers=headers, timeout=5)
    assert arabic.status_code == 400
    too_long = httpx.get(
        relay.url + "/events?last_event_id=" + "9" * 40, headers=headers, timeout=5
    )
    assert too_long.status_code == 400
    frames = read_frames(relay.url, {**headers, "Last-Event-ID": "9" * 18}, 1)
    assert frames == [": connected"]


def test_the_replay_is_bounded_to_the_newest_events(
    start_relay: Callable[..., Any], notes: Any
) -> None:
    relay = start_relay(replay_events=3, heartbeat_seconds=0.2)
    numbers = []
    for _ in range(5):
        body, fields = notes.make_payment()
        assert relay.post(body).content == SUCCESS_REPLY
        numbers.append(fields["out_trade_no"])
    # Last-Event-ID 0 asks for everything: the relay sends the newest three, then pings.
    frames = read_frames(
        relay.url, {"Authorization": f"Bearer {notes.token}", "Last-Event-ID": "0"}, 5
    )
    assert frames[0] == ": connected"
    replayed = [json.loads(frame.split("\n")[2].removeprefix("data: ")) for frame in frames[1:4]]
    assert [event["out_trade_no"] for event in replayed] == numbers[2:]
    assert frames[4] == ": ping"

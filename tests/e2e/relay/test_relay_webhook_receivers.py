"""Webhooks over real HTTP on loopback: a receiver down for a while, wrong signatures, a kill.

The receiver is the docs' example (``docs/examples/webhook_receiver.py``), imported and served.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.webhooks import Receiver, delivery_rows, wait_until

from pos.config.settings import RelayWebhook
from pos.relay.webhooks import WebhookPolicy, signature
from pos.wechatpay.notify import SUCCESS_REPLY

MCH_ID = "10000100"
SECRET = "whsec-0123456789abcdef0123456789abcdef"
#: Retries in tenths of a second, so that "down for a while" fits in a test.
FAST = WebhookPolicy(first_delay=0.05, max_delay=0.4, poll_seconds=0.05, lease_seconds=5)


@pytest.fixture
def receivers(tmp_path: Path) -> Iterator[Callable[..., Receiver]]:
    made: list[Receiver] = []

    def make(secret: str = SECRET, mode: str = "ok") -> Receiver:
        receiver = Receiver(secret, tmp_path, mode=mode)
        made.append(receiver)
        return receiver

    yield make
    for receiver in made:
        receiver.stop()


def post_some(url: str, notes: Any, payments: int, refunds: int) -> list[tuple[str, str]]:
    """Post notifications to a relay; (kind, out_trade_no) of each, all answered SUCCESS."""
    sent: list[tuple[str, str]] = []
    with httpx.Client(timeout=10) as client:
        for _ in range(payments):
            body, fields = notes.make_payment()
            answer = client.post(url + "/wechatpay/notify", content=body)
            assert answer.content == SUCCESS_REPLY
            sent.append(("payment", fields["out_trade_no"]))
        for _ in range(refunds):
            body, inner = notes.make_refund()
            answer = client.post(url + "/wechatpay/refund-notify", content=body)
            assert answer.content == SUCCESS_REPLY
            sent.append(("refund", inner["out_trade_no"]))
    return sent


def test_a_receiver_down_then_failing_then_up_gets_every_notification_and_dedupes(
    start_relay: Callable[..., Any],
    receivers: Callable[..., Receiver],
    notes: Any,
    database_url: str,
) -> None:
    receiver = receivers(mode="lose")  # not started yet: its port refuses connections
    relay = start_relay(webhooks=[RelayWebhook(MCH_ID, receiver.url, SECRET)], webhook_policy=FAST)
    sent = post_some(relay.url, notes, payments=10, refunds=5)

    # Down: every delivery has been tried and refused at the door.
    wait_until(
        lambda: (
            all(
                r["attempts"] >= 1 and r["last_error"] == "cannot-connect"
                for r in delivery_rows(database_url)
            )
            and len(delivery_rows(database_url)) == len(sent)
        ),
        timeout=20,
        what="every delivery to be refused",
    )
    # Up but failing: every delivery gets a 503 and is tried again.
    receiver.mode = "5xx"
    receiver.start()
    wait_until(lambda: len(receiver.hits) == len(sent), 20, "every delivery to meet the 503")
    assert receiver.handled == []
    # Up, and each first answer lost: the example handles, the relay sends again, the
    # example answers the repeat without handling it twice.
    receiver.mode = "lose"
    wait_until(
        lambda: all(r["state"] == "delivered" for r in delivery_rows(database_url)),
        timeout=30,
        what="every delivery to be delivered",
    )
    assert sorted(receiver.handled_keys()) == sorted(sent)  # every notification, once each
    assert all(count >= 3 for count in receiver.hits.values())  # 503, lost answer, repeat
    assert Counter(receiver.statuses)[500] == len(sent)
    for event in receiver.handled:
        assert event["mch_id"] == MCH_ID and isinstance(event["total_fee"], int)
        assert not {"sign", "nonce_str", "req_info", "sign_type"} & set(event)


def test_a_wrong_secret_is_refused_by_the_example_and_nothing_is_handled(
    start_relay: Callable[..., Any], receivers: Callable[..., Receiver], notes: Any
) -> None:
    receiver = receivers(secret="whsec-not-the-relays-secret-at-all").start()
    relay = start_relay(webhooks=[RelayWebhook(MCH_ID, receiver.url, SECRET)], webhook_policy=FAST)
    sent = post_some(relay.url, notes, payments=3, refunds=0)
    wait_until(
        lambda: len(receiver.hits) == len(sent) and min(receiver.hits.values()) >= 2,
        timeout=20,
        what="each delivery to be refused twice",
    )
    assert receiver.handled == []
    assert set(receiver.statuses) == {401}
    assert {r["last_error"] for r in delivery_rows(relay.settings.database_url)} == {"HTTP-401"}


def test_the_example_refuses_forgeries_and_replays_and_handles_a_delivery_once(
    receivers: Callable[..., Receiver],
) -> None:
    receiver = receivers().start()
    body = b'{"id":"d-1","event_id":1,"kind":"payment","mch_id":"10000100","out_trade_no":"POS1"}'

    def post(content: bytes, timestamp: int, sign_with: str = SECRET, **extra: str | bytes) -> int:
        stamp = str(timestamp)
        headers: dict[str, str | bytes] = {
            "X-POS-Delivery": "d-1",
            "X-POS-Timestamp": stamp,
            "X-POS-Signature": signature(sign_with, stamp, content),
            "Content-Type": "application/json",
            **extra,
        }
        return httpx.post(receiver.url, content=content, headers=headers, timeout=10).status_code

    now = int(time.time())
    assert post(body, now, sign_with="whsec-someone-else-0123456789") == 401
    assert post(body.replace(b"POS1", b"POS2"), now, **{"X-POS-Signature": "sha256=00"}) == 401
    assert post(body, now - 3600) == 401  # a captured delivery sent again an hour later
    assert post(body, now, **{"X-POS-Signature": ("sha256=" + "é" * 64).encode("latin-1")}) == 401
    assert post(body, now, **{"X-POS-Delivery": "d-2"}) == 400
    assert receiver.handled == []
    assert post(body, now) == 200
    assert post(body, now + 1) == 200  # the relay's repeat: answered, not handled again
    assert receiver.handled_keys() == [("payment", "POS1")]


def test_the_outbox_survives_a_relay_killed_before_delivering(
    database_url: str,
    relay_process: Callable[[str], Any],
    receivers: Callable[..., Receiver],
    notes: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receiver = receivers(mode="5xx").start()
    config = tmp_path / "settings.toml"
    config.write_text(
        f'[[relay.webhooks]]\nmch_id = "{MCH_ID}"\nurl = "{receiver.url}"\nsecret = "{SECRET}"\n',
        encoding="utf-8",
    )
    config.chmod(0o600)
    monkeypatch.setenv("POS_CONFIG", str(config))  # `python -m pos.relay` reads its settings
    first = relay_process(database_url)
    sent = post_some(first.url, notes, payments=4, refunds=1)
    # Each delivery tried, refused, and its next attempt written down; a row still claimed
    # when the relay dies waits for its claim's two minutes to end (docs/webhooks.md).
    wait_until(
        lambda: (
            all(r["attempts"] >= 1 and r["claim"] is None for r in delivery_rows(database_url))
            and len(receiver.hits) == len(sent)
        ),
        timeout=20,
        what="each delivery to be tried and its retry written down",
    )
    first.process.kill()  # SIGKILL: nothing of the relay's memory survives
    first.process.wait(10)
    assert receiver.handled == []
    assert {r["state"] for r in delivery_rows(database_url)} == {"pending"}
    receiver.mode = "ok"
    relay_process(database_url)  # the same database, a new process
    wait_until(
        lambda: {r["state"] for r in delivery_rows(database_url)} == {"delivered"},
        timeout=40,
        what="the deliveries after the restart",
    )
    assert sorted(receiver.handled_keys()) == sorted(sent)

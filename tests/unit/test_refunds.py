"""Refunds against the sandbox over real HTTP: full, partial, limits, unknown outcomes, notices."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.manager_world import World, open_world

from pos.errors import NotificationError, RefundLimitError
from pos.refunds import Refunder, new_out_refund_no, refundable_fen
from pos.sandbox import DEFAULT_MERCHANT, Fault, SandboxOptions
from pos.sandbox.records import Event
from pos.store import DealState, RefundState
from pos.wechatpay.types import RefundStatus


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with open_world(tmp_path) as made:
        yield made


def refunder(world: World) -> Refunder:
    return Refunder(world.store, world.client, sleep=lambda _: None, resend_pause=0.0)


def follow(world: World, out_refund_no: str) -> RefundState:
    import time

    return (
        Refunder(world.store, world.client, sleep=time.sleep)
        .follow(out_refund_no, timeout=10, interval=0.05)
        .refund.state
    )


def test_full_refund_reaches_refunded_over_http(world: World) -> None:
    deal = world.paid_deal(2550, "拿铁咖啡")
    progress = refunder(world).refund(deal.out_trade_no, 2550, "顾客退货")
    assert progress.refund.state is RefundState.PROCESSING
    assert progress.refund.refund_id  # WeChat's refund number, recorded
    assert follow(world, progress.refund.out_refund_no) is RefundState.SUCCESS
    stored = world.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.REFUNDED
    at_wechat = world.sandbox.ledger.refund(DEFAULT_MERCHANT.mch_id, progress.refund.out_refund_no)
    assert (at_wechat.refund_fee, at_wechat.status) == (2550, RefundStatus.SUCCESS)
    assert at_wechat.refund_desc == "顾客退货"
    sent = world.bodies_to("secapi/pay/refund")
    assert [(b["total_fee"], b["refund_fee"], b["out_trade_no"]) for b in sent] == [
        ("2550", "2550", deal.out_trade_no)
    ]


def test_partial_refunds_go_partially_refunded_then_refunded(world: World) -> None:
    deal = world.paid_deal(2550)
    first = refunder(world).refund(deal.out_trade_no, 550, "部分退货")
    assert follow(world, first.refund.out_refund_no) is RefundState.SUCCESS
    stored = world.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.PARTIALLY_REFUNDED
    assert refunder(world).refundable(deal.out_trade_no) == 2000
    second = refunder(world).refund(deal.out_trade_no, 2000, "其余退货")
    assert second.refund.out_refund_no != first.refund.out_refund_no
    assert follow(world, second.refund.out_refund_no) is RefundState.SUCCESS
    stored = world.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.REFUNDED
    assert refunder(world).refundable(deal.out_trade_no) == 0


def test_over_refund_is_refused_before_the_network(world: World) -> None:
    deal = world.paid_deal(1000)
    refunder(world).refund(deal.out_trade_no, 600, "一部分")
    sent_before = world.requests_to("secapi/pay/refund")
    assert sent_before == 1
    with pytest.raises(RefundLimitError, match="400 fen left"):
        refunder(world).refund(deal.out_trade_no, 401, "太多了")
    assert world.requests_to("secapi/pay/refund") == sent_before  # nothing more was sent
    assert len(world.store.refunds_for(deal.out_trade_no)) == 1
    assert len(list(world.sandbox.ledger.iter_all_refunds())) == 1


def test_refund_of_an_unpaid_deal_never_reaches_wechat(world: World) -> None:
    deal = world.unpaid_deal(1000)
    with pytest.raises(RefundLimitError, match="not paid"):
        refunder(world).refund(deal.out_trade_no, 100, "x")
    assert world.requests_to("secapi/pay/refund") == 0
    assert list(world.sandbox.ledger.iter_all_refunds()) == []


def test_the_fifty_first_refund_is_refused_before_the_network(world: World) -> None:
    deal = world.paid_deal(10_000)
    now = datetime.now(UTC)
    for n in range(50):
        world.store.create_refund(
            deal.out_trade_no, new_out_refund_no(deal.out_trade_no, n), 1, "一分", now
        )
    with pytest.raises(RefundLimitError, match="50 refunds"):
        refunder(world).refund(deal.out_trade_no, 1, "第51笔")
    assert world.requests_to("secapi/pay/refund") == 0


def test_an_unknown_outcome_is_resent_with_the_same_out_refund_no(world: World) -> None:
    deal = world.paid_deal(3000)
    # Every one of the client's 3 attempts is processed and then cut off: the outcome stays
    # unknown; the refunder resends, identically, and the 4th request gets its answer.
    world.sandbox.add_fault(Fault(endpoint="refund", kind="drop_after", times=3))
    progress = refunder(world).refund(deal.out_trade_no, 1200, "断网重试")
    assert progress.refund.state is RefundState.PROCESSING
    sent = world.bodies_to("secapi/pay/refund")
    assert len(sent) == 4
    assert {b["out_refund_no"] for b in sent} == {progress.refund.out_refund_no}
    assert {(b["refund_fee"], b["total_fee"]) for b in sent} == {("1200", "3000")}
    assert len(list(world.sandbox.ledger.iter_all_refunds())) == 1  # one refund, not four
    assert follow(world, progress.refund.out_refund_no) is RefundState.SUCCESS


def test_a_refund_that_stays_unknown_stays_pending_and_is_resent_later(world: World) -> None:
    deal = world.paid_deal(3000)
    world.sandbox.add_fault(Fault(endpoint="refund", kind="http_500"))
    progress = refunder(world).refund(deal.out_trade_no, 3000, "服务器错误")
    assert progress.refund.state is RefundState.PENDING
    assert progress.error is not None and "outcome unknown" in progress.error
    assert list(world.sandbox.ledger.iter_all_refunds()) == []
    # While it is unknown it still counts: no second refund of the same money.
    with pytest.raises(RefundLimitError):
        refunder(world).refund(deal.out_trade_no, 1, "再退")
    world.sandbox.faults.clear()
    # refundquery says REFUNDNOTEXIST: the identical request is sent again (§4.4).
    again = refunder(world).refresh(progress.refund.out_refund_no)
    assert again.refund.state is RefundState.PROCESSING
    assert {b["out_refund_no"] for b in world.bodies_to("secapi/pay/refund")} == {
        progress.refund.out_refund_no
    }
    assert follow(world, progress.refund.out_refund_no) is RefundState.SUCCESS


def test_a_definite_refusal_is_recorded_failed(world: World) -> None:
    deal = world.paid_deal(2000)
    # Planted: WeChat's total no longer equals ours, so WeChat answers INVALID_REQUEST (§3.5).
    order = world.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    order.total_fee = 1999
    progress = refunder(world).refund(deal.out_trade_no, 1000, "x")
    assert progress.refund.state is RefundState.FAILED
    assert progress.error is not None and progress.error.startswith("INVALID_REQUEST")
    # A failed refund does not hold back the money it asked for.
    assert refunder(world).refundable(deal.out_trade_no) == 2000


def test_refund_and_follow_waits_for_the_final_state(world: World) -> None:
    # The manager's button in one call: stored, sent, then followed until WeChat says SUCCESS.
    deal = world.paid_deal(2550)
    progress = Refunder(world.store, world.client).refund_and_follow(
        deal.out_trade_no, 2550, "顾客退货", timeout=10, interval=0.05
    )
    assert progress.is_final and progress.refund.state is RefundState.SUCCESS
    assert progress.deal.state is DealState.REFUNDED
    assert world.requests_to("secapi/pay/refund") == 1
    assert world.requests_to("refundquery") >= 1


def test_refund_and_follow_gives_up_waiting_at_its_timeout(tmp_path: Path) -> None:
    # WeChat keeps it PROCESSING for an hour; the follow stops after 5 s of its own clock.
    with open_world(tmp_path, SandboxOptions(refund_delay=3600)) as world:
        deal = world.paid_deal(1000)
        now = [0.0]

        def sleep(seconds: float) -> None:
            now[0] += seconds

        refunder = Refunder(world.store, world.client, sleep=sleep)
        progress = refunder.refund_and_follow(
            deal.out_trade_no, 1000, "慢", timeout=5, interval=1, monotonic=lambda: now[0]
        )
        assert not progress.is_final and progress.refund.state is RefundState.PROCESSING
        assert world.requests_to("refundquery") == 6  # at 0, 1, 2, 3, 4 and 5 s
        assert now[0] == 5.0


def test_refund_and_follow_does_not_follow_a_refusal(world: World) -> None:
    deal = world.paid_deal(2000)
    world.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no).total_fee = 1999
    progress = refunder(world).refund_and_follow(deal.out_trade_no, 1000, "x", timeout=10)
    assert progress.refund.state is RefundState.FAILED
    assert world.requests_to("refundquery") == 0
    with pytest.raises(RefundLimitError):  # refused by the store: nothing sent at all
        refunder(world).refund_and_follow(deal.out_trade_no, 2001, "太多", timeout=10)
    assert world.requests_to("secapi/pay/refund") == 1


def test_the_refund_notification_settles_a_refund(world: World) -> None:
    deal = world.paid_deal(2550)
    progress = refunder(world).refund(deal.out_trade_no, 550, "部分退货")
    number = progress.refund.out_refund_no
    at_wechat = world.sandbox.ledger.refund(DEFAULT_MERCHANT.mch_id, number)
    order = world.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    at_wechat.status = RefundStatus.SUCCESS
    at_wechat.success_time = datetime.now(UTC)
    event = Event("refund", order, at_wechat)
    # A forged one (refund_fee one fen more, correctly encrypted) is refused, nothing changes.
    forged = world.sandbox.refund_notification(event, wrong_fee=True)
    with pytest.raises(NotificationError):
        refunder(world).apply_notification(forged, DEFAULT_MERCHANT)
    # One encrypted with another key does not decrypt.
    with pytest.raises(NotificationError):
        refunder(world).apply_notification(
            world.sandbox.refund_notification(event, bad_sign=True), DEFAULT_MERCHANT
        )
    assert world.store.get_refund(number).state is RefundState.PROCESSING  # type: ignore[union-attr]
    real = world.sandbox.refund_notification(event)
    settled = refunder(world).apply_notification(real, DEFAULT_MERCHANT)
    assert settled.refund.state is RefundState.SUCCESS
    assert settled.deal.state is DealState.PARTIALLY_REFUNDED
    # Notifications repeat (§3.7): the same one again changes nothing.
    history = world.store.events(deal.out_trade_no)
    assert refunder(world).apply_notification(real, DEFAULT_MERCHANT).refund.state is (
        RefundState.SUCCESS
    )
    assert world.store.events(deal.out_trade_no) == history


def test_refundable_counts_only_refunds_that_may_leave(world: World) -> None:
    deal = world.paid_deal(900)
    assert refundable_fen(deal, []) == 900
    unpaid = world.unpaid_deal(900)
    assert refundable_fen(unpaid, []) == 0


def test_out_refund_no_names_the_deal_and_is_unique() -> None:
    numbers = {new_out_refund_no("T120261124130728000001", 1) for _ in range(50)}
    assert len(numbers) > 40  # a random suffix keeps concurrent refunds apart
    assert all(n.startswith("T120261124130728000001R01") and len(n) <= 64 for n in numbers)


def test_the_refund_notification_passed_on_by_the_relay_settles_the_refund(
    tmp_path: Path,
) -> None:
    """Sandbox -> relay (POST /wechatpay/refund-notify) -> event stream -> the till decrypts
    it again with its own key and records it; no refundquery needed."""
    import json

    import httpx

    from pos.asgi_server import BackgroundServer
    from pos.relay import RelayEvent, RelaySettings, create_app
    from pos.sandbox import SandboxOptions

    token = "manager-till-token-0001"
    relay_app = create_app(
        RelaySettings(
            database_url=f"sqlite:///{tmp_path / 'relay.sqlite3'}",
            merchants={DEFAULT_MERCHANT.mch_id: DEFAULT_MERCHANT},
            till_tokens={"T1": token},
        )
    )
    relay = BackgroundServer(relay_app).start()
    try:
        with open_world(tmp_path, SandboxOptions(refund_delay=0.2)) as world:
            deal = world.paid_deal(2550)
            notify_url = f"{relay.url}/wechatpay/refund-notify"
            refunder = Refunder(world.store, world.client, notify_url=notify_url)
            progress = refunder.refund(deal.out_trade_no, 2550, "整单退款")
            assert progress.refund.state is RefundState.PROCESSING
            event: RelayEvent | None = None
            with httpx.stream(
                "GET",
                f"{relay.url}/events?last_event_id=0",
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            ) as stream:
                kind = ""
                for line in stream.iter_lines():
                    if line.startswith("event: "):
                        kind = line.removeprefix("event: ")
                    elif line.startswith("data: ") and kind == "refund":
                        event = RelayEvent.from_json(line.removeprefix("data: "))
                        break
            assert event is not None and event.out_trade_no == deal.out_trade_no
            assert json.loads(event.to_json())["kind"] == "refund"
            settled = refunder.apply_notification(event.raw_xml.encode("utf-8"), DEFAULT_MERCHANT)
            assert settled.refund.state is RefundState.SUCCESS
            assert settled.deal.state is DealState.REFUNDED
            assert world.requests_to("pay/refundquery") == 0
    finally:
        relay_app.state.close_streams()
        relay.stop()


def test_the_calls_write_nothing_and_their_answers_are_recorded_apart(world: World) -> None:
    # The window calls on a network thread and records on its database thread: the two halves
    # of each step must hold apart.
    deal = world.paid_deal(1500)
    steps = refunder(world)
    refund = steps.prepare(deal.out_trade_no, 500, "分开的两步")
    asked = steps.ask(refund.out_refund_no)  # REFUNDNOTEXIST: it never left
    assert steps.record_asked(asked) is None  # so: send it, identically
    sent = steps.send(refund.out_refund_no)
    assert sent.result is not None and sent.error is None
    assert world.store.get_refund(refund.out_refund_no).state is RefundState.PENDING  # type: ignore[union-attr]
    progress = steps.record_sent(sent)
    assert progress.refund.state is RefundState.PROCESSING
    assert progress.refund.refund_id == sent.result.refund_id
    # Sent again, a refund that moved on is not: nothing leaves, nothing is written.
    before = world.requests_to("secapi/pay/refund")
    assert steps.send(refund.out_refund_no).result is None
    assert world.requests_to("secapi/pay/refund") == before


def test_a_payment_code_deal_is_refunded_like_any_other(world: World) -> None:
    deal = world.code_deal(1880)
    assert deal.method.value == "micropay" and deal.state is DealState.PAID
    first = refunder(world).refund(deal.out_trade_no, 880, "部分退货")
    assert follow(world, first.refund.out_refund_no) is RefundState.SUCCESS
    rest = refunder(world).refund(deal.out_trade_no, 1000, "其余退货")
    assert follow(world, rest.refund.out_refund_no) is RefundState.SUCCESS
    stored = world.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.REFUNDED
    order = world.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    assert order.trade_type == "MICROPAY" and order.refunded_fee == 1880


def test_a_reversed_payment_code_deal_cannot_be_refunded(world: World) -> None:
    deal = world.code_deal(1880, cancel=True)
    assert deal.state is DealState.REVERSED
    with pytest.raises(RefundLimitError, match="not paid"):
        refunder(world).refund(deal.out_trade_no, 100, "x")
    assert world.requests_to("secapi/pay/refund") == 0

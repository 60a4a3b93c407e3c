"""A checkout's network call apart from the store's write of its answer (call, then handle)."""

from __future__ import annotations

from helpers.fakes import FakeWeChatPay

from pos.checkout import CheckoutSession, CreateOrder, OrderCreated, ShowQr
from pos.store import DealState, Store


def test_the_call_writes_nothing_and_its_answer_is_handled_apart(
    store: Store, wechat: FakeWeChatPay, session: CheckoutSession
) -> None:
    create = next(c for c in session.start() if isinstance(c, CreateOrder))

    answer = session.call(create)

    assert isinstance(answer, OrderCreated)
    assert len(wechat.calls_to("unified_order")) == 1
    assert store.get_deal(session.out_trade_no).state is DealState.CREATED  # type: ignore[union-attr]
    commands = session.handle(answer)
    assert store.get_deal(session.out_trade_no).state is DealState.ORDERED  # type: ignore[union-attr]
    assert any(isinstance(c, ShowQr) for c in commands)
    # A command the machine no longer waits for (answered already) is not sent again.
    assert session.call(create) is None
    assert len(wechat.calls_to("unified_order")) == 1

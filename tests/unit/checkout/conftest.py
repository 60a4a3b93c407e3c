"""Fixtures of the checkout's unit tests: a clock moved by hand, a fake WeChat Pay, a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeClock, FakeWeChatPay

from pos.checkout import CheckoutConfig, CheckoutSession
from pos.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wechat(clock: FakeClock) -> FakeWeChatPay:
    return FakeWeChatPay(clock)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "pos.db")
    yield opened
    opened.close()


@pytest.fixture
def session(store: Store, wechat: FakeWeChatPay, clock: FakeClock) -> CheckoutSession:
    """A deal of 25.50 stored CREATED, its checkout not started yet."""
    return CheckoutSession.begin(
        store=store,
        client=wechat,
        amount_fen=2550,
        product="咖啡",
        till_id="POS01",
        sign_type="MD5",
        config=CheckoutConfig(),
        clock=clock,
    )

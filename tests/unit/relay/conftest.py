"""Fixtures for the relay's unit tests: a fresh SQLite store, notifications to insert."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos.relay.storage import NewNotification, NotificationStore

_numbers = itertools.count(1)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return str(tmp_path / "relay.db")


@pytest.fixture
def store(database_url: str) -> Iterator[NotificationStore]:
    store = NotificationStore(database_url)
    store.create_schema()
    yield store
    store.close()


@pytest.fixture
def payment() -> Callable[..., NewNotification]:
    def make(transaction_id: str | None = None, out_trade_no: str | None = None) -> NewNotification:
        n = next(_numbers)
        trade = out_trade_no or f"POS{n:06d}"
        return NewNotification(
            "payment",
            "10000100",
            trade,
            transaction_id or f"TX{n:06d}",
            None,
            None,
            f"<xml><n>{n}</n></xml>",
            {"out_trade_no": trade, "total_fee": "2550"},
        )

    return make


@pytest.fixture
def refund() -> Callable[..., NewNotification]:
    def make(
        out_refund_no: str = "RF1", status: str = "SUCCESS", mch_id: str = "10000100"
    ) -> NewNotification:
        return NewNotification(
            "refund",
            mch_id,
            "POS1",
            None,
            out_refund_no,
            status,
            "<xml/>",
            {"refund_status": status},
        )

    return make

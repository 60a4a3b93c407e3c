"""Fixtures for the till's outbox and syncer: a store, and a fake shop server on httpx's
MockTransport that takes batches as the real one does (no socket)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from helpers.shop_server import MCH_ID, TOKEN, Clock, FakeServer

from pos.store import Store
from pos.sync import Outbox, ShopServerClient, Syncer


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "till.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def fake() -> FakeServer:
    return FakeServer()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_syncer(store: Store, fake: FakeServer, clock: Clock) -> Iterator[Callable[..., Syncer]]:
    clients: list[ShopServerClient] = []

    def make(batch_size: int = 500) -> Syncer:
        client = ShopServerClient(
            "http://shop.test", TOKEN, transport=httpx.MockTransport(fake.handle)
        )
        clients.append(client)
        outbox = Outbox(store, till="POS-01", mch_id=MCH_ID, clock=clock, batch_size=batch_size)
        return Syncer(outbox, client)

    yield make
    for client in clients:
        client.close()

"""Fixtures of the manager view's tests: the manager's test world with its window services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import pos.ui  # noqa: F401  (the PySide6 reference-count fix before any Qt call)
from helpers.manager_world import NOWHERE, CountingTransport, World, open_world
from pos.asgi_server import BackgroundServer
from pos.config import Settings
from pos.sandbox import Sandbox
from pos.store import Deal, Store
from pos.ui.manager import ManagerServices
from pos.ui.workers import Workers
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING

WAIT_MS = 10_000

__all__ = ["NOWHERE", "WAIT_MS", "FakeClock", "Shop", "shop"]


class FakeClock:
    """A monotonic clock the test moves by hand (the PIN lock-out)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Shop:
    """The manager's :class:`World` with the window's services around it."""

    world: World
    services: ManagerServices
    clock: FakeClock
    saved: list[Settings] = field(default_factory=list)

    @property
    def sandbox(self) -> Sandbox:
        return self.world.sandbox

    @property
    def server(self) -> BackgroundServer:
        return self.world.server

    @property
    def client(self) -> WeChatPayClient:
        return self.world.client

    @property
    def store(self) -> Store:
        return self.world.store

    @property
    def transport(self) -> CountingTransport:
        return self.world.transport

    @property
    def today(self) -> date:
        return datetime.now(BEIJING).date()

    def paid_deal(self, amount_fen: int, product: str = "拿铁咖啡") -> Deal:
        return self.world.paid_deal(amount_fen, product)


@pytest.fixture
def shop(qtbot: QtBot, tmp_path: Path) -> Iterator[Shop]:
    with open_world(tmp_path) as world:
        world.till = "M1"
        workers = Workers()
        clock = FakeClock()
        saved: list[Settings] = []
        services = ManagerServices(
            store=world.store,
            client=world.client,
            workers=workers,
            settings=Settings(data_dir=tmp_path, language="zh_CN"),
            save_settings=saved.append,
            follow_seconds=10,
            follow_interval=0.05,
            pin_clock=clock,
        )
        try:
            yield Shop(world, services, clock, saved)
        finally:
            workers.shutdown()

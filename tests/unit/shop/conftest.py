"""Shop fixtures: a till's store on SQLite, a fake clock, and a shop with three accounts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.fakes import FakeClock

from pos.pin import PinGate
from pos.shop import Accounts, Desk
from pos.store import Account, Role, Store

MANAGER_PIN, CLERK_PIN, OTHER_CLERK_PIN = "9135", "2468", "1357"


class Monotonic:
    """Seconds that only move when told (for the PIN gate and the idle lock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Shop:
    store: Store
    clock: FakeClock
    monotonic: Monotonic
    accounts: Accounts
    manager: Account
    clerk: Account
    other: Account

    def desk(self, till_id: str = "T1") -> Desk:
        """A till of this shop: its own gate, the shop's store and clock."""
        accounts = Accounts(self.store, clock=self.clock, gate=PinGate(clock=self.monotonic))
        return Desk(self.store, till_id=till_id, clock=self.clock, accounts=accounts)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "till.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shop(store: Store, clock: FakeClock) -> Shop:
    monotonic = Monotonic()
    accounts = Accounts(store, clock=clock, gate=PinGate(clock=monotonic))
    manager = accounts.add("王店长", MANAGER_PIN)
    clerk = accounts.add("小李", CLERK_PIN)
    other = accounts.add("小张", OTHER_CLERK_PIN, Role.CLERK)
    return Shop(store, clock, monotonic, accounts, manager, clerk, other)

"""The window tests' clerk and customer: type, press, pay, and read the store and the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.sandbox import DEFAULT_MERCHANT, Sandbox
from pos.sandbox.records import Order
from pos.store import Deal, Store
from pos.ui.app import CashierApp
from pos.ui.cashier import CashierWindow

#: Generous for a loaded CI machine; each wait ends as soon as its condition holds.
WAIT_MS = 10_000


def ever() -> tuple[datetime, datetime]:
    """A range holding every deal of a test."""
    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


@dataclass
class Till:
    """The window under test and what it works with, plus the clerk's and customer's moves."""

    app: CashierApp
    sandbox: Sandbox
    qtbot: QtBot

    @property
    def window(self) -> CashierWindow:
        return self.app.window

    @property
    def store(self) -> Store:
        assert self.app.services is not None
        return self.app.services.backend.store

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.window, text)

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.window, key)

    def charge(self, amount: str) -> Deal:
        """Type the amount, press Enter, wait for the QR; the deal as stored then."""
        self.type(amount)
        self.press(Qt.Key.Key_Return)
        screen = self.window.customer_screen
        self.qtbot.waitUntil(lambda: screen.page == "qr" and screen.isVisible(), timeout=WAIT_MS)
        deal = self.app.session.current_deal
        assert deal is not None and deal.code_url
        return deal

    def deal(self, out_trade_no: str) -> Deal:
        stored = self.store.get_deal(out_trade_no)
        assert stored is not None
        return stored

    def wait_state(self, out_trade_no: str, state: str) -> Deal:
        self.qtbot.waitUntil(lambda: self.deal(out_trade_no).state == state, timeout=WAIT_MS)
        return self.deal(out_trade_no)

    def pay(self, deal: Deal) -> dict[str, str]:
        assert deal.code_url
        return self.sandbox.customer_scan(deal.code_url, "pay")

    def orders(self) -> list[Order]:
        return self.sandbox.ledger.orders(DEFAULT_MERCHANT.mch_id)

    def assert_one_order_per_deal(self) -> None:
        """Every stored deal has exactly one order at WeChat Pay, and no order is a stranger."""
        deals = self.store.deals_between(*ever())
        numbers = sorted(order.out_trade_no for order in self.orders())
        assert numbers == sorted({deal.out_trade_no for deal in deals if deal.prepay_id})
        assert len(numbers) == len(set(numbers))

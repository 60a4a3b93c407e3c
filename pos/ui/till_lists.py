"""What the till lists: today's newest deals and the quick keys' products, read on the DB worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos.clock import Clock, utc_now

if TYPE_CHECKING:
    from pos.clock import BusinessDay
    from pos.store import Deal, Product, Store
    from pos.ui.ops import Ops

#: How many of today's deals the till lists, newest first.
RECENT_DEALS = 50


class TillLists(QObject):
    """Reads the lists when asked and says when they changed; saves the product list."""

    #: Today's deals, newest first (after every change).
    deals_changed = Signal(list)
    #: The product names of the quick keys, in order.
    products_changed = Signal(list)

    def __init__(self, ops: Ops, *, clock: Clock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._clock = clock
        self._store: Store | None = None
        self._business_day: BusinessDay | None = None
        self._is_closed = False
        self._is_refreshing = False
        self._is_refresh_due = False

    def attach(self, store: Store, business_day: BusinessDay) -> None:
        self._store, self._business_day = store, business_day

    def refresh_deals(self) -> None:
        """Reload today's newest deals (DB worker). Requests that come while one is running
        are folded into one more run after it: a payment asks several times, and the list only
        needs its latest state."""
        store, business_day = self._store, self._business_day
        if store is None or business_day is None or self._is_closed:
            return
        if self._is_refreshing:
            self._is_refresh_due = True
            return

        def load() -> list[Deal]:
            # The newest deals only (one indexed query), then today's among them: loading
            # the whole day after every payment grew with the day, in time and in memory.
            # Today is the shop's business day, as in the manager's view and the exports.
            midnight, tomorrow = business_day.bounds(business_day.today(self._clock))
            return [
                deal
                for deal in store.recent_deals(RECENT_DEALS)
                if midnight <= deal.created_at < tomorrow
            ]

        def loaded() -> None:
            self._is_refreshing = False
            if self._is_refresh_due:
                self._is_refresh_due = False
                self.refresh_deals()

        self._is_refreshing = True
        work = self._ops.db(self, load, what="reading today's deals")
        work.success(self.deals_changed.emit).finished(loaded).run()

    def refresh_products(self) -> None:
        store = self._store
        if store is not None:
            work = self._ops.db(self, lambda: _names(store.products()), what="reading products")
            work.success(self.products_changed.emit).run()

    def save_products(self, names: list[str]) -> None:
        """Replace the quick-key products with ``names`` in this order (DB worker)."""
        store = self._store
        if store is None:
            raise RuntimeError("the till's store is not open yet")
        work = self._ops.db(
            self, lambda: _names(store.replace_products(names)), what="saving the products"
        )
        work.success(self.products_changed.emit).run()

    def close(self) -> None:
        self._is_closed = True


def _names(products: list[Product]) -> list[str]:
    return [product.name for product in products]

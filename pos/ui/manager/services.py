"""What the manager's view works with: the store, the till's one WeChat Pay client, the workers."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pos.config import save_pin_hash
from pos.errors import PosError
from pos.pin import PinGate
from pos.refunds import RefundClient
from pos.reports.reconcile import BillClient
from pos.store import NO_STAMP, Stamp, Store

if TYPE_CHECKING:
    from pos.config import Settings
    from pos.services import Services
    from pos.shop import Accounts
    from pos.sync import ShopServerClient
    from pos.ui.counter import Counter
    from pos.ui.shop_sync import ShopSync
    from pos.ui.till_desk import TillDesk
    from pos.ui.workers import Workers


class TillApp(Protocol):
    """What the view takes from the running till (:class:`pos.ui.app.CashierApp`): named
    here, so the manager's package does not import the window's module that opens it."""

    services: Services | None
    workers: Workers
    settings: Settings
    counter: Counter
    shop_sync: ShopSync | None
    desk: TillDesk

    def pin_gate(self) -> PinGate | None: ...


@runtime_checkable
class ManagerClient(RefundClient, BillClient, Protocol):
    """What the view needs of :class:`pos.wechatpay.client.WeChatPayClient`: refunds and
    their queries (§3.5, §3.6), and the day's bill (§3.8)."""


@dataclass
class ManagerServices:
    """The store, the merchant's client, the app's workers and settings.

    ``save_settings`` persists the new PIN hash (it runs on a worker); ``follow_seconds`` is
    how long a refund is followed with refundquery before the view stops waiting for it.
    """

    store: Store
    client: ManagerClient
    workers: Workers
    settings: Settings
    save_settings: Callable[[Settings], None] = save_pin_hash
    refund_notify_url: str | None = None
    follow_seconds: float = 30.0
    follow_interval: float = 2.0
    pin_clock: Callable[[], float] = time.monotonic
    #: The app's one gate for the PIN: shared by every PIN dialog, so closing and reopening
    #: the dialog does not reset the count of wrong PINs or end a lock-out.
    pin_gate: PinGate | None = None
    #: An export or a reconciliation still running after this long shows its progress and a
    #: Cancel button (QProgressDialog's minimum duration).
    progress_after_ms: int = 1000
    #: Prints the slip of a refund that succeeded (when a printer is set).
    counter: Counter | None = None
    #: The till's client of the shop server, for the whole shop's day; None: no server.
    shop_client: ShopServerClient | None = None
    #: A till with clerks: ``guard(action, then)`` calls ``then`` when the clerk may do the
    #: action (pos.shop.Action's value), else after a manager's approval. None: no clerks.
    guard: Callable[[str, Callable[[], object]], None] | None = None
    #: The clerk and shift a refund made here is stamped with.
    stamp: Callable[[], Stamp] = lambda: NO_STAMP
    #: The till's clerks' accounts (pos.shop.Accounts), for the manager to add and
    #: deactivate; used on the database worker. None: the view shows no accounts.
    accounts: Accounts | None = None

    def guarded(self, action: str, then: Callable[[], object]) -> None:
        """``then`` at once on a till without clerks; else through :attr:`guard`."""
        if self.guard is None:
            then()
        else:
            self.guard(action, then)

    def today(self) -> date:
        """Today, the shop's business day (the settings' time zone)."""
        return self.settings.business_day.today()


def manager_services(app: TillApp) -> ManagerServices:
    """Build the manager's services from a started cashier (its store, workers, settings).

    The client is the till's own: the one :class:`~pos.wechatpay.client.WeChatPayClient`
    the app opened (``Services.backend.refunds``), which already carries the merchant
    certificate ``secapi`` refunds need and is closed with the till: no second client.
    PosError while the till's services are not open yet.
    """
    services = app.services
    if services is None:
        raise PosError("the till is not ready yet")
    backend = services.backend
    client = backend.refunds
    if not isinstance(client, ManagerClient):
        raise PosError("this till has no client for refunds and bills")
    return ManagerServices(
        store=backend.store,
        client=client,
        workers=app.workers,
        settings=app.settings,
        refund_notify_url=backend.refund_notify_url,
        pin_gate=app.pin_gate(),
        counter=app.counter,
        shop_client=app.shop_sync.client if app.shop_sync is not None else None,
        guard=app.desk.guard if app.desk.has_accounts else None,
        stamp=app.desk.current_stamp,
        accounts=app.desk.desk.accounts if app.desk.desk is not None else None,
    )

"""The one place that builds a till: the store, one WeChat Pay client, the embedded servers.

The window (:mod:`pos.ui.app`), the command line (:mod:`pos.commands`) and the benchmarks
build what they work with here, from the settings, and nowhere else: one
:class:`~pos.wechatpay.client.WeChatPayClient` per till process, one database opener.

In sandbox mode (no merchant) :func:`open_services` starts the simulator and the notify relay
on loopback in this process; the client talks to the simulator, the simulator notifies the
relay, and the till follows the relay's event stream, exactly as with a remote relay
(ARCHITECTURE "Embedded default"). With a merchant it talks to WeChat Pay and to the relay in
the settings. No Qt here: every function blocks, and the window calls them on a worker.

Everything heavy (Peewee, httpx, Starlette, uvicorn) is imported inside the functions, so
that the window can import this module before its first paint.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos.clock import BEIJING_DAY, BusinessDay
from pos.errors import ConfigError
from pos.relay.paths import PAYMENT_NOTIFY, REFUND_NOTIFY, relay_url

if TYPE_CHECKING:
    from pos.asgi_server import BackgroundServer
    from pos.checkout import CheckoutClient, CheckoutConfig, PayClient
    from pos.config import Settings
    from pos.refunds import RefundClient
    from pos.sandbox import Sandbox
    from pos.store import Store
    from pos.wechatpay.client import WeChatPayClient
    from pos.wechatpay.types import Merchant

log = logging.getLogger(__name__)

#: Products offered on a fresh till, so the quick keys are not empty the first time.
STARTER_PRODUCTS = ("咖啡", "奶茶", "蛋糕", "三明治")
#: Network timeout of one WeChat Pay call attempt (connect, and each read). The sale on screen
#: retries what is safe to retry (3 attempts: a call never answered gives up after 31.5 s, the
#: clerk's countdown and Esc free the till long before); deals settled in the background make
#: one attempt (10 s) and their checkout asks again later (see WeChatPayClient).
CLIENT_TIMEOUT_SECONDS = 10.0
#: The embedded sandbox's orders and refunds, in the data folder (a restart forgets nothing).
SANDBOX_STATE_FILE = "sandbox-state.json"
#: The embedded relay's notifications, in the data folder.
RELAY_DATABASE_FILE = "relay.sqlite3"


@dataclass
class Backend:
    """What the till's payment session works with: the store, the clients, the merchant."""

    store: Store
    client: PayClient
    merchant: Merchant
    config: CheckoutConfig
    till_id: str
    sign_type: str
    #: The merchant's client for ``secapi/pay/refund`` and ``refundquery`` (§3.5, §3.6);
    #: None: refunds are neither resumed nor followed by this till.
    refunds: RefundClient | None = None
    #: Where WeChat Pay sends refund results (§3.7): the relay's ``/wechatpay/refund-notify``.
    refund_notify_url: str | None = None
    #: ``client`` with one attempt per call, for the deals settled in the background: their
    #: checkout asks again later (with back-off), so an unanswered call frees its thread after
    #: one timeout instead of holding it for every retry. None: ``client`` for everything.
    background_client: PayClient | None = None
    #: The shop's day: which deals are "today's" in the till's list.
    business_day: BusinessDay = BEIJING_DAY


@dataclass
class Services:
    """What :func:`open_services` opened: the store, the one client, the embedded servers."""

    backend: Backend
    client: CheckoutClient
    relay_url: str | None
    till_token: str | None
    #: The till's one WeChat Pay client (``backend.client`` and ``backend.refunds`` use it).
    wechat: WeChatPayClient
    sandbox: Sandbox | None = None
    #: The embedded sandbox, then the embedded relay (empty with a merchant).
    servers: list[BackgroundServer] = field(default_factory=list)

    def stop(self, server_timeout: float = 10.0) -> None:
        self.wechat.close()
        for server in reversed(self.servers):
            server.stop(server_timeout)
        self.servers.clear()
        self.backend.store.close()


@dataclass(frozen=True)
class _Reach:
    """Where this till's calls and notifications go."""

    merchant: Merchant
    base_url: str
    notify_url: str
    relay_url: str | None
    till_token: str | None


def embedded_sandbox(settings: Settings) -> Sandbox:
    """The sandbox a till without a merchant runs on: its state kept in the data folder, and
    today's bill served up to now, so a newcomer can reconcile the day they try the app (a
    real merchant's bill of a day comes the next morning, §3.8)."""
    from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions

    return Sandbox(
        [DEFAULT_MERCHANT],
        options=SandboxOptions(bill_allow_today=True),
        state_path=settings.data_dir / SANDBOX_STATE_FILE,
    )


def open_services(
    settings: Settings,
    *,
    sandbox: Sandbox | None = None,
    client_timeout: float = CLIENT_TIMEOUT_SECONDS,
) -> Services:
    """Open the store, start the embedded sandbox and relay when there is no merchant, and
    build the one client. Blocking: the window calls it on its database worker."""
    store = open_till_store(settings)
    servers: list[BackgroundServer] = []
    try:
        if settings.is_sandbox:
            sandbox = sandbox if sandbox is not None else embedded_sandbox(settings)
            reach = _embedded(settings, sandbox, servers)
        else:
            sandbox = None
            reach = _configured(settings)
        wechat = merchant_client(
            settings, merchant=reach.merchant, base_url=reach.base_url, timeout=client_timeout
        )
        return _assemble(settings, store, wechat, reach, sandbox, servers)
    except BaseException:
        for server in reversed(servers):
            server.stop()
        store.close()
        raise


def _embedded(settings: Settings, sandbox: Sandbox, servers: list[BackgroundServer]) -> _Reach:
    """Start the sandbox and the relay on loopback (appended to ``servers`` as they start)."""
    import secrets

    from pos.asgi_server import BackgroundServer
    from pos.relay import RelaySettings, create_app
    from pos.sandbox import DEFAULT_MERCHANT

    servers.append(sandbox.serve())
    till_token = secrets.token_urlsafe(24)
    relay_settings = RelaySettings(
        database_url=f"sqlite:///{settings.data_dir / RELAY_DATABASE_FILE}",
        merchants={DEFAULT_MERCHANT.mch_id: DEFAULT_MERCHANT},
        till_tokens={settings.till_id: till_token},
    )
    servers.append(BackgroundServer(create_app(relay_settings)).start())
    relay = servers[1].url
    return _Reach(
        merchant=DEFAULT_MERCHANT,
        base_url=servers[0].url,
        notify_url=relay_url(relay, PAYMENT_NOTIFY),
        relay_url=relay,
        till_token=till_token,
    )


def _configured(settings: Settings) -> _Reach:
    """A real merchant's WeChat Pay and relay, as the settings say."""
    assert settings.merchant is not None
    relay = settings.relay_url
    notify_url = settings.notify_url or (relay_url(relay, PAYMENT_NOTIFY) if relay else "")
    if not notify_url:
        raise ConfigError(
            "set notify_url (or relay_url): WeChat Pay needs somewhere to send payment results"
        )
    return _Reach(
        merchant=settings.merchant,
        base_url=settings.api_base_url,
        notify_url=notify_url,
        relay_url=relay,
        till_token=settings.till_token,
    )


def _assemble(
    settings: Settings,
    store: Store,
    wechat: WeChatPayClient,
    reach: _Reach,
    sandbox: Sandbox | None,
    servers: list[BackgroundServer],
) -> Services:
    from pos.checkout import CheckoutClient, CheckoutConfig

    client = CheckoutClient(wechat, notify_url=reach.notify_url)
    backend = Backend(
        store=store,
        client=client,
        merchant=reach.merchant,
        # The QR's timings and the payment code's password wait, as the settings say.
        config=CheckoutConfig.from_settings(settings),
        till_id=settings.till_id,
        sign_type=wechat.sign_type.value,
        refunds=wechat,
        # §3.7: refund results come back through the relay, like payment results.
        refund_notify_url=relay_url(reach.relay_url, REFUND_NOTIFY) if reach.relay_url else None,
        background_client=CheckoutClient(wechat.with_attempts(1), notify_url=reach.notify_url),
        business_day=settings.business_day,
    )
    return Services(
        backend=backend,
        client=client,
        relay_url=reach.relay_url,
        till_token=reach.till_token,
        wechat=wechat,
        sandbox=sandbox,
        servers=servers,
    )


def open_till_store(settings: Settings) -> Store:
    """The till's database, created (in a private folder) on the first start, with the
    starter products on a till that has none."""
    from pos.platform import private_dir
    from pos.store import Store

    private_dir(settings.database_path.parent)  # 0700: the deals are the shop's business
    store = Store.open(settings.database_path)
    try:
        if not store.products():
            store.replace_products(STARTER_PRODUCTS)
    except BaseException:
        store.close()
        raise
    return store


def open_existing_store(settings: Settings, *, purpose: str) -> Store:
    """The till's database for a command (``purpose``: "export", "reconcile"); ConfigError
    when the till never ran here, rather than an empty database made on the way."""
    from pos.store import Store

    path = settings.database_path
    if not path.exists():
        raise ConfigError(f"no database at {path}: nothing to {purpose}")
    return Store.open(path)


def merchant_client(
    settings: Settings,
    *,
    merchant: Merchant | None = None,
    base_url: str | None = None,
    timeout: float = CLIENT_TIMEOUT_SECONDS,
) -> WeChatPayClient:
    """The merchant's client (with its TLS client certificate for ``secapi/*``, §3.5).

    ``merchant``/``base_url`` default to the settings'. ConfigError when there is no merchant
    at all: the embedded sandbox lives only while the window is open, so from the command line
    there is nothing to refund or reconcile against.
    """
    from pos.wechatpay.client import WeChatPayClient

    merchant = merchant if merchant is not None else settings.merchant
    if merchant is None:
        raise ConfigError(
            "no merchant is configured (sandbox mode): configure one, or use "
            "the manager view of the running cashier"
        )
    return WeChatPayClient(
        merchant,
        base_url=base_url if base_url is not None else settings.api_base_url,
        timeout=timeout,
    )

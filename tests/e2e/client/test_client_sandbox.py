"""Our client against the sandbox over real HTTP on 127.0.0.1: every endpoint and every fault.

For each fault the test says how the client ends (succeeded, DefinitelyFailed or
OutcomeUnknown) and checks in the sandbox's ledger that one deal never became a
second order: a retry re-enters the same ``out_trade_no`` (§4.6), a refund retry
the same ``out_refund_no`` (§3.5).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from pos.asgi_server import BackgroundServer
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    GarbledResponse,
    OutcomeUnknown,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
)
from pos.sandbox import DEFAULT_MERCHANT, Fault, Sandbox, SandboxOptions
from pos.sandbox.records import Order
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import (
    Merchant,
    MicropayOutcome,
    PrepayResult,
    RefundStatus,
    SignType,
    TradeState,
)

MCH_ID = DEFAULT_MERCHANT.mch_id
#: The client's timeout in the fault tests is shorter than the injected latency.
FAST_TIMEOUT = 0.5
LATENCY = 1.2
ATTEMPTS = 3

# -- fixtures --------------------------------------------------------------------------------------


@dataclass
class Deal:
    """One deal of the till: its number is born once, before any network call."""

    out_trade_no: str
    tag: str
    total_fee: int
    time_start: datetime
    time_expire: datetime

    def order(self, client: WeChatPayClient) -> PrepayResult:
        return client.unified_order(
            out_trade_no=self.out_trade_no,
            total_fee=self.total_fee,
            body="示例超市-收银台01-商品消费",
            notify_url="http://127.0.0.1:9/wxpay/notify",
            spbill_create_ip="127.0.0.1",
            time_start=self.time_start,
            time_expire=self.time_expire,
            device_info="POS-01",
            attach=self.tag,
        )


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    options = SandboxOptions(bill_allow_today=True, refund_delay=0.2, micropay_password_seconds=0.3)
    return Sandbox([DEFAULT_MERCHANT], options=options)


@pytest.fixture(scope="module")
def server(sandbox: Sandbox) -> Iterator[BackgroundServer]:
    server = sandbox.serve(host="127.0.0.1", port=0)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_faults_left(sandbox: Sandbox) -> Iterator[None]:
    sandbox.faults.clear()
    yield
    sandbox.faults.clear()


@pytest.fixture
def make_client(server: BackgroundServer) -> Iterator[Callable[..., WeChatPayClient]]:
    made: list[WeChatPayClient] = []

    def factory(merchant: Merchant = DEFAULT_MERCHANT, **options: object) -> WeChatPayClient:
        settings: dict[str, object] = {
            "timeout": 5.0,
            "max_attempts": ATTEMPTS,
            "retry_backoff": 0.01,
            "base_url": server.url,
        }
        settings.update(options)
        made.append(WeChatPayClient(merchant, **settings))  # type: ignore[arg-type]
        return made[-1]

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., WeChatPayClient]) -> WeChatPayClient:
    return make_client()


@pytest.fixture
def fast_client(make_client: Callable[..., WeChatPayClient]) -> WeChatPayClient:
    return make_client(timeout=FAST_TIMEOUT)


def _deal(sandbox: Sandbox, total_fee: int = 2550) -> Deal:
    tag = secrets.token_hex(6)
    now = sandbox.now()
    return Deal(
        out_trade_no=f"E2E{tag}{secrets.token_hex(4)}",
        tag=tag,
        total_fee=total_fee,
        time_start=now,
        time_expire=now + timedelta(minutes=10),
    )


@pytest.fixture
def deal(sandbox: Sandbox) -> Deal:
    return _deal(sandbox)


def orders_of(sandbox: Sandbox, deal: Deal) -> list[Order]:
    """Every order the sandbox holds for a deal, found by its attach tag, whatever its number."""
    return [order for order in sandbox.ledger.orders(MCH_ID) if order.attach == deal.tag]


def paid_deal(sandbox: Sandbox, client: WeChatPayClient) -> tuple[Deal, str]:
    deal = _deal(sandbox)
    prepay = deal.order(client)
    paid = sandbox.customer_scan(prepay.code_url, "pay")
    assert paid["result"] == "paid"
    return deal, paid["transaction_id"]


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def auth_code(last_two: str) -> str:
    # §3.9: 18 digits starting with 10–15; the sandbox scripts outcomes by the last two.
    return "13" + "".join(secrets.choice("0123456789") for _ in range(14)) + last_two


# -- every endpoint, the happy paths ---------------------------------------------------------------


def test_native_payment_from_order_to_refund(
    sandbox: Sandbox, client: WeChatPayClient, deal: Deal
) -> None:
    prepay = deal.order(client)
    assert prepay.code_url.startswith("weixin://wxpay/bizpayurl?pr=")
    (order,) = orders_of(sandbox, deal)
    assert order.out_trade_no == deal.out_trade_no and order.code_url == prepay.code_url
    assert order.total_fee == 2550
    assert client.order_query(out_trade_no=deal.out_trade_no).trade_state is TradeState.NOTPAY

    paid = sandbox.customer_scan(prepay.code_url, "pay")
    status = client.order_query(out_trade_no=deal.out_trade_no)
    assert status.trade_state is TradeState.SUCCESS
    assert status.transaction_id == paid["transaction_id"] and status.total_fee == 2550
    assert status.time_end is not None and status.attach == deal.tag
    by_id = client.order_query(transaction_id=paid["transaction_id"])
    assert by_id.out_trade_no == deal.out_trade_no

    refund = client.refund(
        out_refund_no="RF" + deal.out_trade_no,
        total_fee=2550,
        refund_fee=550,
        out_trade_no=deal.out_trade_no,
        refund_desc="部分退货",
    )
    assert refund.refund_fee == 550 and refund.total_fee == 2550 and refund.refund_id
    assert refund.transaction_id == paid["transaction_id"]
    wait_until(
        lambda: (
            client.refund_query(out_refund_no="RF" + deal.out_trade_no).refunds[0].status
            is RefundStatus.SUCCESS
        )
    )
    listed = client.refund_query(out_trade_no=deal.out_trade_no)
    assert [r.refund_id for r in listed.refunds] == [refund.refund_id]
    assert listed.refunds[0].success_time is not None
    assert client.order_query(out_trade_no=deal.out_trade_no).trade_state is TradeState.REFUND
    assert len(orders_of(sandbox, deal)) == 1


def test_same_deal_reentered_gets_the_same_code_url(
    sandbox: Sandbox, client: WeChatPayClient, deal: Deal
) -> None:
    first = deal.order(client)
    second = deal.order(client)
    assert second.code_url == first.code_url and second.prepay_id == first.prepay_id
    assert len(orders_of(sandbox, deal)) == 1


def test_close_order_then_again_then_a_paid_one(
    sandbox: Sandbox, client: WeChatPayClient, deal: Deal
) -> None:
    deal.order(client)
    client.close_order(deal.out_trade_no)
    assert client.order_query(out_trade_no=deal.out_trade_no).trade_state is TradeState.CLOSED
    client.close_order(deal.out_trade_no)  # ORDERCLOSED counts as done
    paid, _ = paid_deal(sandbox, client)
    with pytest.raises(BusinessError) as caught:
        client.close_order(paid.out_trade_no)
    assert caught.value.err_code == "ORDERPAID"


def test_order_query_of_an_unknown_order(client: WeChatPayClient) -> None:
    with pytest.raises(BusinessError) as caught:
        client.order_query(out_trade_no="E2Enever" + secrets.token_hex(6))
    assert caught.value.err_code == "ORDERNOTEXIST"


def test_refund_twice_with_one_number_is_one_refund(
    sandbox: Sandbox, client: WeChatPayClient
) -> None:
    deal, _ = paid_deal(sandbox, client)
    number = "RF" + deal.out_trade_no
    first = client.refund(
        out_refund_no=number, total_fee=2550, refund_fee=100, out_trade_no=deal.out_trade_no
    )
    again = client.refund(
        out_refund_no=number, total_fee=2550, refund_fee=100, out_trade_no=deal.out_trade_no
    )
    assert again.refund_id == first.refund_id
    assert len(sandbox.ledger.order(MCH_ID, deal.out_trade_no).refunds) == 1
    with pytest.raises(BusinessError) as caught:
        client.refund(
            out_refund_no=number, total_fee=2550, refund_fee=200, out_trade_no=deal.out_trade_no
        )
    assert caught.value.err_code == "INVALID_REQUEST"


def test_download_bill_today_text_and_gzip_and_a_day_without_bill(
    sandbox: Sandbox, client: WeChatPayClient
) -> None:
    deal, transaction_id = paid_deal(sandbox, client)
    today = sandbox.now().date()
    bill = client.download_bill(today)
    rows = [row for row in bill.rows if row.out_trade_no == deal.out_trade_no]
    assert len(rows) == 1
    assert rows[0].transaction_id == transaction_id and rows[0].total_fee == 2550
    assert rows[0].attach == deal.tag and rows[0].trade_state == "SUCCESS"
    assert bill.summary.count == len(bill.rows)
    assert bill.summary.total_fee == sum(row.total_fee for row in bill.rows)
    # The same bill, gzipped. Earlier tests' refunds (this module's sandbox) may move on
    # between two downloads (refund_delay): compare a gzipped bill with the text ones taken
    # just before and after it, when those two agree.
    for _ in range(20):
        before = client.download_bill(today)
        zipped = client.download_bill(today, gzip=True)
        if client.download_bill(today).rows == before.rows:
            break
        time.sleep(0.1)
    assert zipped.rows == before.rows
    assert [row for row in zipped.rows if row.out_trade_no == deal.out_trade_no] == rows
    only_paid = client.download_bill(today, "SUCCESS")
    assert all(row.trade_state == "SUCCESS" for row in only_paid.rows)
    with pytest.raises(RequestRejected) as caught:
        client.download_bill(today - timedelta(days=20))
    assert caught.value.error_code == "20002"


def test_micropay_paid_userpaying_and_reverse(sandbox: Sandbox, client: WeChatPayClient) -> None:
    paid_no = "E2EMP" + secrets.token_hex(8)
    paid = client.micropay(
        out_trade_no=paid_no,
        total_fee=1880,
        body="b",
        auth_code=auth_code("00"),
        spbill_create_ip="127.0.0.1",
    )
    assert paid.outcome is MicropayOutcome.PAID and paid.total_fee == 1880
    assert paid.transaction_id

    pending_no = "E2EMP" + secrets.token_hex(8)
    pending = client.micropay(
        out_trade_no=pending_no,
        total_fee=1880,
        body="b",
        auth_code=auth_code("01"),
        spbill_create_ip="127.0.0.1",
    )
    assert pending.outcome is MicropayOutcome.USERPAYING
    wait_until(
        lambda: client.order_query(out_trade_no=pending_no).trade_state is TradeState.SUCCESS
    )

    stuck_no = "E2EMP" + secrets.token_hex(8)
    stuck = client.micropay(
        out_trade_no=stuck_no,
        total_fee=1880,
        body="b",
        auth_code=auth_code("03"),
        spbill_create_ip="127.0.0.1",
    )
    assert stuck.outcome is MicropayOutcome.USERPAYING
    assert client.reverse(out_trade_no=stuck_no).recall is False
    assert client.order_query(out_trade_no=stuck_no).trade_state is TradeState.REVOKED
    assert client.reverse(out_trade_no=paid_no).recall is False
    assert client.order_query(out_trade_no=paid_no).trade_state is TradeState.REVOKED

    with pytest.raises(BusinessError) as caught:
        client.micropay(
            out_trade_no="E2EMP" + secrets.token_hex(8),
            total_fee=1880,
            body="b",
            auth_code=auth_code("04"),
            spbill_create_ip="127.0.0.1",
        )
    assert caught.value.err_code == "NOTENOUGH"


@pytest.mark.parametrize(("last_two", "expected_state"), [("07", TradeState.SUCCESS), ("08", None)])
def test_micropay_systemerror_is_resolved_by_query_not_by_resending(
    sandbox: Sandbox, client: WeChatPayClient, last_two: str, expected_state: TradeState | None
) -> None:
    number = "E2EMP" + secrets.token_hex(8)
    with pytest.raises(RetryableBusinessError) as caught:
        client.micropay(
            out_trade_no=number,
            total_fee=1880,
            body="b",
            auth_code=auth_code(last_two),
            spbill_create_ip="127.0.0.1",
        )
    assert caught.value.err_code == "SYSTEMERROR"
    if expected_state is None:
        with pytest.raises(BusinessError, match="ORDERNOTEXIST"):
            client.order_query(out_trade_no=number)
    else:
        assert client.order_query(out_trade_no=number).trade_state is expected_state


def test_sandbox_sign_key_and_the_sandbox_paths(
    sandbox: Sandbox, make_client: Callable[..., WeChatPayClient], client: WeChatPayClient
) -> None:
    key = client.sandbox_sign_key()
    assert key == sandbox.sandbox_key(MCH_ID) and len(key) == 32
    assert make_client(path_prefix="/xdc/apiv2sandbox").sandbox_sign_key() == key
    sandbox_merchant = Merchant(
        appid=DEFAULT_MERCHANT.appid, mch_id=MCH_ID, api_key=key, sign_type=SignType.HMAC_SHA256
    )
    for prefix in ("/sandboxnew", "/xdc/apiv2sandbox"):
        # The merchant asks HMAC, but the sandbox paths are MD5-only: the client sends MD5.
        on_sandbox = make_client(sandbox_merchant, path_prefix=prefix)
        deal = _deal(sandbox)
        assert deal.order(on_sandbox).code_url
        assert on_sandbox.order_query(out_trade_no=deal.out_trade_no).trade_state is (
            TradeState.NOTPAY
        )
    with pytest.raises(RequestRejected, match="签名错误"):
        make_client(path_prefix="/sandboxnew").order_query(out_trade_no="E2Exxxxxx")


def test_hmac_sha256_merchant_on_production_paths(
    sandbox: Sandbox, make_client: Callable[..., WeChatPayClient], deal: Deal
) -> None:
    hmac_merchant = Merchant(
        appid=DEFAULT_MERCHANT.appid,
        mch_id=MCH_ID,
        api_key=DEFAULT_MERCHANT.api_key,
        sign_type=SignType.HMAC_SHA256,
    )
    client = make_client(hmac_merchant)
    prepay = deal.order(client)
    assert orders_of(sandbox, deal)[0].sign_type is SignType.HMAC_SHA256
    sandbox.customer_scan(prepay.code_url, "pay")
    assert client.order_query(out_trade_no=deal.out_trade_no).trade_state is TradeState.SUCCESS


def test_wrong_key_is_rejected_and_never_retried(
    sandbox: Sandbox, make_client: Callable[..., WeChatPayClient], deal: Deal
) -> None:
    stranger = Merchant(appid=DEFAULT_MERCHANT.appid, mch_id=MCH_ID, api_key="0" * 32)
    spy = sandbox.faults.add(Fault(endpoint="pay/unifiedorder", kind="latency", seconds=0.0))
    with pytest.raises(RequestRejected, match="签名错误"):
        deal.order(make_client(stranger))
    assert spy.used == 1
    assert orders_of(sandbox, deal) == []


def test_connection_refused_is_transport_error(
    make_client: Callable[..., WeChatPayClient], deal: Deal
) -> None:
    client = make_client(base_url="http://127.0.0.1:9", max_attempts=2)
    with pytest.raises(TransportError):
        deal.order(client)


# -- every fault on every endpoint -----------------------------------------------------------------

KINDS = [
    "latency",
    "drop_after",
    "http_500",
    "system_error",
    "garbled",
    "bad_sign",
    "frequency_limited",
]
#: How a call ends when the fault never goes away (all OutcomeUnknown: retried, then raised).
PERSISTENT_ENDS: dict[str, type[OutcomeUnknown]] = {
    "latency": TransportError,
    "drop_after": TransportError,
    "http_500": TransportError,
    "system_error": RetryableBusinessError,
    "garbled": GarbledResponse,
    "bad_sign": BadResponseSignature,
    "frequency_limited": RetryableBusinessError,
}
#: Faults after which the sandbox has done the work (the reply was lost or spoiled).
#: (The sandbox processes first and delays the reply, as a slow WeChat Pay would: after a
#: client timeout the order exists, the hardest unknown outcome for a till.)
PROCESSED = {"latency", "drop_after", "garbled", "bad_sign"}


def _fault(sandbox: Sandbox, endpoint: str, kind: str, times: int | None) -> Fault:
    return sandbox.faults.add(
        Fault(
            endpoint=endpoint, kind=kind, seconds=LATENCY if kind == "latency" else 0.0, times=times
        )
    )


@pytest.mark.parametrize("kind", KINDS)
def test_unifiedorder_transient_fault_retries_into_the_same_order(
    sandbox: Sandbox, fast_client: WeChatPayClient, deal: Deal, kind: str
) -> None:
    fault = _fault(sandbox, "pay/unifiedorder", kind, times=1)
    prepay = deal.order(fast_client)  # succeeded
    assert fault.used == 1
    (order,) = orders_of(sandbox, deal)
    assert order.out_trade_no == deal.out_trade_no
    assert prepay.code_url == order.code_url


@pytest.mark.parametrize("kind", KINDS)
def test_unifiedorder_persistent_fault_is_outcome_unknown_then_resolves(
    sandbox: Sandbox, fast_client: WeChatPayClient, client: WeChatPayClient, deal: Deal, kind: str
) -> None:
    fault = _fault(sandbox, "pay/unifiedorder", kind, times=None)
    with pytest.raises(PERSISTENT_ENDS[kind]) as caught:
        deal.order(fast_client)
    assert isinstance(caught.value, OutcomeUnknown)
    assert caught.value.out_trade_no == deal.out_trade_no
    assert fault.used == ATTEMPTS
    orders = orders_of(sandbox, deal)
    assert len(orders) == (1 if kind in PROCESSED else 0)
    sandbox.faults.clear()
    # The unknown outcome is resolved with the same deal: the same number, the same order.
    prepay = deal.order(client)
    (order,) = orders_of(sandbox, deal)
    assert order.out_trade_no == deal.out_trade_no and prepay.code_url == order.code_url
    if orders:
        assert orders[0] is order


def _prepare(
    sandbox: Sandbox, client: WeChatPayClient, endpoint: str
) -> Callable[[WeChatPayClient], object]:
    """An action on ``endpoint`` that is valid to call, prepared without faults."""
    if endpoint == "pay/orderquery":
        deal = _deal(sandbox)
        deal.order(client)
        return lambda c: c.order_query(out_trade_no=deal.out_trade_no)
    if endpoint == "pay/closeorder":
        deal = _deal(sandbox)
        deal.order(client)
        return lambda c: c.close_order(deal.out_trade_no)
    if endpoint == "secapi/pay/refund":
        deal, _ = paid_deal(sandbox, client)
        return lambda c: c.refund(
            out_refund_no="RF" + deal.out_trade_no,
            total_fee=2550,
            refund_fee=300,
            out_trade_no=deal.out_trade_no,
        )
    if endpoint == "pay/refundquery":
        deal, _ = paid_deal(sandbox, client)
        client.refund(
            out_refund_no="RF" + deal.out_trade_no,
            total_fee=2550,
            refund_fee=300,
            out_trade_no=deal.out_trade_no,
        )
        return lambda c: c.refund_query(out_refund_no="RF" + deal.out_trade_no)
    if endpoint == "pay/downloadbill":
        paid_deal(sandbox, client)
        today = sandbox.now().date()
        return lambda c: c.download_bill(today)
    if endpoint == "secapi/pay/reverse":
        number = "E2EMP" + secrets.token_hex(8)
        client.micropay(
            out_trade_no=number,
            total_fee=1880,
            body="b",
            auth_code=auth_code("00"),
            spbill_create_ip="127.0.0.1",
        )
        return lambda c: c.reverse(out_trade_no=number)
    raise AssertionError(endpoint)


IDEMPOTENT = [
    "pay/orderquery",
    "pay/closeorder",
    "secapi/pay/refund",
    "pay/refundquery",
    "pay/downloadbill",
    "secapi/pay/reverse",
]


def _ledger_effect(sandbox: Sandbox, endpoint: str, before: dict[str, int]) -> None:
    """No call made a second order or a second refund."""
    mine = [o for o in sandbox.ledger.orders(MCH_ID) if o.out_trade_no.startswith("E2E")]
    numbers = [o.out_trade_no for o in mine]
    assert len(numbers) == len(set(numbers))
    assert len(mine) == before["orders"]
    refunds = sum(len(o.refunds) for o in mine)
    assert refunds - before["refunds"] == (1 if endpoint == "secapi/pay/refund" else 0)


def _counts(sandbox: Sandbox) -> dict[str, int]:
    mine = [o for o in sandbox.ledger.orders(MCH_ID) if o.out_trade_no.startswith("E2E")]
    return {"orders": len(mine), "refunds": sum(len(o.refunds) for o in mine)}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("endpoint", IDEMPOTENT)
def test_transient_fault_on_idempotent_call_is_retried_to_success(
    sandbox: Sandbox,
    client: WeChatPayClient,
    fast_client: WeChatPayClient,
    endpoint: str,
    kind: str,
) -> None:
    action = _prepare(sandbox, client, endpoint)
    before = _counts(sandbox)
    fault = _fault(sandbox, endpoint, kind, times=1)
    action(fast_client)  # succeeded
    assert fault.used == 1
    _ledger_effect(sandbox, endpoint, before)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("endpoint", IDEMPOTENT)
def test_persistent_fault_on_idempotent_call_ends_outcome_unknown(
    sandbox: Sandbox,
    client: WeChatPayClient,
    fast_client: WeChatPayClient,
    endpoint: str,
    kind: str,
) -> None:
    action = _prepare(sandbox, client, endpoint)
    before = _counts(sandbox)
    fault = _fault(sandbox, endpoint, kind, times=None)
    if endpoint == "pay/downloadbill" and kind == "bad_sign":
        # §3.8: a bill is plain text and not signed; there is no signature to spoil.
        action(fast_client)  # succeeded
        assert fault.used == 1
    else:
        with pytest.raises(
            PERSISTENT_ENDS[kind]
            if endpoint != "pay/downloadbill" or kind != "garbled"
            else GarbledResponse
        ) as caught:
            action(fast_client)
        assert isinstance(caught.value, OutcomeUnknown)
        assert caught.value.endpoint == endpoint
        assert fault.used == ATTEMPTS
    sandbox.faults.clear()
    action(client)  # the same call, once the fault is gone, succeeds
    _ledger_effect(sandbox, endpoint, before)


@pytest.mark.parametrize("kind", KINDS)
def test_micropay_fault_is_never_resent_and_query_tells_the_truth(
    sandbox: Sandbox, fast_client: WeChatPayClient, client: WeChatPayClient, kind: str
) -> None:
    number = "E2EMP" + secrets.token_hex(8)
    fault = _fault(sandbox, "pay/micropay", kind, times=None)
    with pytest.raises(PERSISTENT_ENDS[kind]) as caught:
        fast_client.micropay(
            out_trade_no=number,
            total_fee=1880,
            body="b",
            auth_code=auth_code("00"),
            spbill_create_ip="127.0.0.1",
        )
    assert isinstance(caught.value, OutcomeUnknown)
    assert fault.used == 1  # never resent: a second debit must be impossible
    if kind == "latency":
        # Let the held request end before asking what became of it.
        time.sleep(LATENCY - FAST_TIMEOUT + 0.2)
    sandbox.faults.clear()
    exists = sandbox.ledger.find_order(MCH_ID, number) is not None
    assert exists == (kind in PROCESSED)
    if exists:
        assert client.order_query(out_trade_no=number).trade_state is TradeState.SUCCESS
        assert sandbox.ledger.order(MCH_ID, number).state is TradeState.SUCCESS
    else:
        with pytest.raises(BusinessError, match="ORDERNOTEXIST"):
            client.order_query(out_trade_no=number)


def test_drop_after_on_unifiedorder_gives_the_same_code_url(
    sandbox: Sandbox, client: WeChatPayClient, deal: Deal
) -> None:
    """The brief's example, spelt out: the retry re-enters and gets the first code_url."""
    _fault(sandbox, "pay/unifiedorder", "drop_after", times=1)
    prepay = deal.order(client)
    (order,) = orders_of(sandbox, deal)
    assert prepay.code_url == order.code_url
    assert order.state is TradeState.NOTPAY
    sandbox.customer_scan(prepay.code_url, "pay")
    assert client.order_query(out_trade_no=deal.out_trade_no).trade_state is TradeState.SUCCESS


def test_drop_after_on_refund_gives_one_refund(sandbox: Sandbox, client: WeChatPayClient) -> None:
    deal, _ = paid_deal(sandbox, client)
    _fault(sandbox, "secapi/pay/refund", "drop_after", times=1)
    refund = client.refund(
        out_refund_no="RF" + deal.out_trade_no,
        total_fee=2550,
        refund_fee=2550,
        out_trade_no=deal.out_trade_no,
    )
    (kept,) = sandbox.ledger.order(MCH_ID, deal.out_trade_no).refunds
    assert kept.refund_id == refund.refund_id and kept.refund_fee == 2550

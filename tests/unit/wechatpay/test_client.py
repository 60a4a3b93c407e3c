"""The client on httpx.MockTransport: requests as sent, replies as read, errors, retries."""

from __future__ import annotations

import gzip
import json
import logging
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from helpers.certificates import self_signed

from pos.errors import (
    BadResponseSignature,
    BusinessError,
    ConfigError,
    DefinitelyFailed,
    GarbledResponse,
    OutcomeUnknown,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
)
from pos.wechatpay import xmlcodec
from pos.wechatpay.client import WeChatPayClient, client_ssl_context
from pos.wechatpay.signing import make_sign, verify_sign
from pos.wechatpay.types import (
    BEIJING,
    ClientCertificate,
    Merchant,
    MicropayOutcome,
    RefundStatus,
    ReportedTrade,
    ReportState,
    SignType,
    TradeState,
)

from .vectors import (
    APPID,
    BILL_ALL,
    CLOSEORDER_RESPONSE,
    MCH_ID,
    MICROPAY_PAID_RESPONSE,
    MICROPAY_USERPAYING_RESPONSE,
    ORDERQUERY_NOTPAY_RESPONSE,
    ORDERQUERY_PAID_RESPONSE,
    REFUND_RESPONSE,
    REFUNDQUERY_RESPONSE,
    REVERSE_RESPONSE,
    SIGN_ERROR_RESPONSE,
    TEST_KEY,
    UNIFIEDORDER_ORDERPAID_RESPONSE,
    UNIFIEDORDER_RESPONSE,
)

MERCHANT = Merchant(appid=APPID, mch_id=MCH_ID, api_key=TEST_KEY)
HMAC_MERCHANT = Merchant(
    appid=APPID, mch_id=MCH_ID, api_key=TEST_KEY, sign_type=SignType.HMAC_SHA256
)
START = datetime(2024, 6, 1, 12, 30, tzinfo=BEIJING)

Reply = bytes | httpx.Response | Exception


class FakeWeChat:
    """Records every request (decoded and checked) and answers from a script of replies."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []
        self.fields: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.fields.append(xmlcodec.decode(request.content))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, content=reply)


def signed(
    fields: dict[str, object], sign_type: SignType = SignType.MD5, key: str = TEST_KEY
) -> bytes:
    base: dict[str, object] = {
        "return_code": "SUCCESS",
        "return_msg": "OK",
        "appid": APPID,
        "mch_id": MCH_ID,
        "nonce_str": "n0nce",
        "result_code": "SUCCESS",
    }
    base.update(fields)
    base["sign"] = make_sign(base, key, sign_type)
    return xmlcodec.encode(base)


def business_error(code: str) -> bytes:
    return signed({"result_code": "FAIL", "err_code": code, "err_code_des": "x"})


def make_client(
    fake: FakeWeChat, merchant: Merchant = MERCHANT, **options: object
) -> tuple[WeChatPayClient, list[float]]:
    sleeps: list[float] = []
    client = WeChatPayClient(
        merchant, transport=httpx.MockTransport(fake), sleep=sleeps.append, **options
    )  # type: ignore[arg-type]
    return client, sleeps


def order(client: WeChatPayClient, **changes: object) -> object:
    params: dict[str, object] = {
        "out_trade_no": "POS20240601123000001",
        "total_fee": 2550,
        "body": "示例超市-收银台01-商品消费",
        "notify_url": "https://pos.example.com/wxpay/notify",
        "spbill_create_ip": "192.168.1.20",
        "time_start": START,
        "time_expire": START + timedelta(minutes=10),
        "device_info": "POS-01",
        "attach": "till=01&shift=A",
    }
    params.update(changes)
    return client.unified_order(**params)  # type: ignore[arg-type]


# -- requests as sent -----------------------------------------------------------------------------


def test_unified_order_sends_the_documented_request_and_reads_the_reply() -> None:
    fake = FakeWeChat(UNIFIEDORDER_RESPONSE)
    client, _ = make_client(fake)
    result = order(client)
    assert result.code_url == "weixin://wxpay/bizpayurl?pr=Ab3dE7q"  # type: ignore[attr-defined]
    assert result.prepay_id == "wx01123000512345f0c1d2e3a4b5c6d70000"  # type: ignore[attr-defined]
    request, sent = fake.requests[0], fake.fields[0]
    assert request.method == "POST"
    assert str(request.url) == "https://api.mch.weixin.qq.com/pay/unifiedorder"
    assert sent["trade_type"] == "NATIVE"
    assert sent["product_id"] == "POS20240601123000001"
    assert sent["total_fee"] == "2550"
    assert sent["time_start"] == "20240601123000" and sent["time_expire"] == "20240601124000"
    assert sent["attach"] == "till=01&shift=A"
    assert "sign_type" not in sent
    assert len(sent["nonce_str"]) == 32
    assert verify_sign(sent, TEST_KEY, SignType.MD5)
    # With the example's nonce, the request is the §3.1 example, sign for sign.
    example = {**sent, "nonce_str": "Kq3n8ZbT1xYw0PdL"}
    assert make_sign(example, TEST_KEY) == "CBCE5DC611603B19844DEF535001FBBB"


def test_times_in_another_zone_are_sent_in_beijing_time() -> None:
    fake = FakeWeChat(UNIFIEDORDER_RESPONSE)
    client, _ = make_client(fake)
    order(client, time_start=START.astimezone(UTC))
    assert fake.fields[0]["time_start"] == "20240601123000"


def test_hmac_merchant_sends_sign_type_and_verifies_reply_with_hmac() -> None:
    reply = signed(
        {"prepay_id": "wx1", "code_url": "weixin://x", "trade_type": "NATIVE"}, SignType.HMAC_SHA256
    )
    fake = FakeWeChat(reply)
    client, _ = make_client(fake, HMAC_MERCHANT)
    assert order(client).code_url == "weixin://x"  # type: ignore[attr-defined]
    sent = fake.fields[0]
    assert sent["sign_type"] == "HMAC-SHA256"
    assert len(sent["sign"]) == 64
    assert verify_sign(sent, TEST_KEY, SignType.HMAC_SHA256)


def test_hmac_request_refuses_an_md5_signed_reply() -> None:
    fake = FakeWeChat(UNIFIEDORDER_RESPONSE)
    client, _ = make_client(fake, HMAC_MERCHANT, max_attempts=1)
    with pytest.raises(BadResponseSignature):
        order(client)


def test_sandbox_prefix_changes_the_path_and_forces_md5() -> None:
    fake = FakeWeChat(ORDERQUERY_NOTPAY_RESPONSE)
    client, _ = make_client(
        fake, HMAC_MERCHANT, base_url="http://127.0.0.1:9/", path_prefix="sandboxnew"
    )
    client.order_query(out_trade_no="POS20240601123000001")
    assert str(fake.requests[0].url) == "http://127.0.0.1:9/sandboxnew/pay/orderquery"
    assert "sign_type" not in fake.fields[0]
    assert verify_sign(fake.fields[0], TEST_KEY, SignType.MD5)


# -- each endpoint against its recorded reply ------------------------------------------------------


def test_order_query_not_paid() -> None:
    client, _ = make_client(FakeWeChat(ORDERQUERY_NOTPAY_RESPONSE))
    status = client.order_query(out_trade_no="POS20240601123000001")
    assert status.trade_state is TradeState.NOTPAY
    assert status.trade_state_desc == "订单未支付"
    assert status.transaction_id is None and status.total_fee is None
    assert status.attach == "till=01&shift=A"


def test_order_query_paid() -> None:
    fake = FakeWeChat(ORDERQUERY_PAID_RESPONSE)
    client, _ = make_client(fake)
    status = client.order_query(transaction_id="4200001234202406011234567890")
    assert fake.fields[0]["transaction_id"] == "4200001234202406011234567890"
    assert "out_trade_no" not in fake.fields[0]
    assert status.trade_state is TradeState.SUCCESS and status.trade_state.is_paid
    assert status.total_fee == 2550 and status.cash_fee == 2550
    assert status.time_end == datetime(2024, 6, 1, 12, 31, 5, tzinfo=BEIJING)
    assert status.bank_type == "OTHERS" and status.trade_type == "NATIVE"
    assert status.openid == "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"


def test_order_query_needs_a_key() -> None:
    client, _ = make_client(FakeWeChat(ORDERQUERY_PAID_RESPONSE))
    with pytest.raises(ValueError):
        client.order_query()


def test_unknown_trade_state_is_garbled() -> None:
    client, _ = make_client(FakeWeChat(signed({"trade_state": "WEIRD"})), max_attempts=1)
    with pytest.raises(GarbledResponse):
        client.order_query(out_trade_no="X12345")


def test_close_order_success_closed_and_paid() -> None:
    client, _ = make_client(FakeWeChat(CLOSEORDER_RESPONSE))
    client.close_order("POS20240601124500002")
    client, _ = make_client(FakeWeChat(business_error("ORDERCLOSED")))
    client.close_order("POS20240601124500002")  # already closed counts as done
    client, _ = make_client(FakeWeChat(business_error("ORDERPAID")))
    with pytest.raises(BusinessError) as caught:
        client.close_order("POS20240601124500002")
    assert caught.value.err_code == "ORDERPAID"


def test_unified_order_orderpaid_is_a_business_error() -> None:
    fake = FakeWeChat(UNIFIEDORDER_ORDERPAID_RESPONSE)
    client, _ = make_client(fake)
    with pytest.raises(BusinessError) as caught:
        order(client)
    assert caught.value.err_code == "ORDERPAID"
    assert caught.value.out_trade_no == "POS20240601123000001"
    assert len(fake.requests) == 1


def test_refund_goes_to_secapi_and_reads_the_reply() -> None:
    fake = FakeWeChat(REFUND_RESPONSE)
    client, _ = make_client(fake)
    result = client.refund(
        out_refund_no="RF20240601130000001",
        total_fee=2550,
        refund_fee=550,
        out_trade_no="POS20240601123000001",
        refund_desc="部分退货",
        notify_url="https://pos.example.com/wxpay/refund-notify",
    )
    assert fake.requests[0].url.path == "/secapi/pay/refund"
    assert fake.fields[0]["refund_fee"] == "550" and fake.fields[0]["total_fee"] == "2550"
    assert result.refund_id == "50300001232024060112345678901"
    assert (result.refund_fee, result.total_fee, result.cash_refund_fee) == (550, 2550, 550)
    assert result.transaction_id == "4200001234202406011234567890"


def test_refund_query_reads_numbered_fields() -> None:
    fake = FakeWeChat(REFUNDQUERY_RESPONSE)
    client, _ = make_client(fake)
    result = client.refund_query(out_refund_no="RF20240601130000001")
    assert fake.fields[0]["out_refund_no"] == "RF20240601130000001"
    assert result.total_fee == 2550 and result.total_refund_count is None
    (refund,) = result.refunds
    assert refund.refund_fee == 550 and refund.status is RefundStatus.SUCCESS
    assert refund.success_time == datetime(2024, 6, 1, 13, 0, 12, tzinfo=BEIJING)
    assert refund.recv_account == "支付用户零钱" and refund.channel == "ORIGINAL"


def test_refund_query_sends_offset() -> None:
    fake = FakeWeChat(REFUNDQUERY_RESPONSE)
    client, _ = make_client(fake)
    client.refund_query(out_trade_no="POS20240601123000001", offset=10)
    assert fake.fields[0]["offset"] == "10"


def test_micropay_paid_and_userpaying() -> None:
    fake = FakeWeChat(MICROPAY_PAID_RESPONSE)
    client, _ = make_client(fake)
    paid = client.micropay(
        out_trade_no="POS20240601140000003",
        total_fee=1880,
        body="示例超市-收银台01-商品消费",
        auth_code="134567890123456789",
        spbill_create_ip="192.168.1.20",
        device_info="POS-01",
    )
    assert paid.outcome is MicropayOutcome.PAID
    assert paid.transaction_id == "4200001234202406011400000003" and paid.total_fee == 1880
    assert fake.fields[0]["auth_code"] == "134567890123456789"
    client, _ = make_client(FakeWeChat(MICROPAY_USERPAYING_RESPONSE))
    pending = client.micropay(
        out_trade_no="POS20240601140000003",
        total_fee=1880,
        body="b",
        auth_code="134567890123456789",
        spbill_create_ip="192.168.1.20",
    )
    assert pending.outcome is MicropayOutcome.USERPAYING and pending.transaction_id is None


def test_reverse_reads_recall() -> None:
    fake = FakeWeChat(REVERSE_RESPONSE)
    client, _ = make_client(fake)
    assert client.reverse(out_trade_no="POS20240601140000003").recall is False
    assert fake.requests[0].url.path == "/secapi/pay/reverse"
    client, _ = make_client(FakeWeChat(signed({"recall": "Y"})))
    assert client.reverse(out_trade_no="POS20240601140000003").recall is True


@pytest.mark.parametrize(
    ("prefix", "path"),
    [
        ("", "/sandboxnew/pay/getsignkey"),
        ("/sandboxnew", "/sandboxnew/pay/getsignkey"),
        ("/xdc/apiv2sandbox", "/xdc/apiv2getsignkey/sign/getsignkey"),
    ],
)
def test_sandbox_sign_key_is_asked_with_md5_and_the_unsigned_reply_is_read(
    prefix: str, path: str
) -> None:
    reply = (
        b"<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]>"
        b"</return_msg><mch_id>10000100</mch_id>"
        b"<sandbox_signkey><![CDATA[6a2d5c7e0b914f38a1c2e3d4f5061728]]></sandbox_signkey></xml>"
    )
    fake = FakeWeChat(reply)
    client, _ = make_client(fake, HMAC_MERCHANT, path_prefix=prefix)
    assert client.sandbox_sign_key() == "6a2d5c7e0b914f38a1c2e3d4f5061728"
    assert fake.requests[0].url.path == path
    sent = fake.fields[0]
    assert set(sent) == {"mch_id", "nonce_str", "sign"}
    assert verify_sign(sent, TEST_KEY, SignType.MD5)


# -- the bill --------------------------------------------------------------------------------------


def test_download_bill_text_and_gzip() -> None:
    fake = FakeWeChat(BILL_ALL.encode(), gzip.compress(BILL_ALL.encode()))
    client, _ = make_client(fake)
    bill = client.download_bill(date(2024, 6, 1))
    assert fake.fields[0]["bill_date"] == "20240601" and fake.fields[0]["bill_type"] == "ALL"
    assert "tar_type" not in fake.fields[0]
    assert len(bill.rows) == 2 and bill.summary.total_fee == 2550
    zipped = client.download_bill(date(2024, 6, 1), "ALL", gzip=True)
    assert fake.fields[1]["tar_type"] == "GZIP"
    assert zipped == bill


def test_download_bill_no_bill_is_rejected_with_error_code() -> None:
    reply = (
        b"<xml><return_code><![CDATA[FAIL]]></return_code>"
        b"<return_msg><![CDATA[No Bill Exist]]></return_msg>"
        b"<error_code><![CDATA[20002]]></error_code></xml>"
    )
    fake = FakeWeChat(reply)
    client, _ = make_client(fake)
    with pytest.raises(RequestRejected) as caught:
        client.download_bill(date(2024, 6, 2), "SUCCESS")
    assert caught.value.error_code == "20002"
    assert caught.value.return_msg == "No Bill Exist"
    assert len(fake.requests) == 1


def test_download_bill_garbled_text_is_outcome_unknown() -> None:
    client, _ = make_client(FakeWeChat(b"this is not a bill"), max_attempts=1)
    with pytest.raises(GarbledResponse):
        client.download_bill(date(2024, 6, 1))


# -- the error tree --------------------------------------------------------------------------------

REQUEST = httpx.Request("POST", "https://api.mch.weixin.qq.com/pay/orderquery")

UNKNOWN_CASES: dict[str, tuple[Reply, type[OutcomeUnknown]]] = {
    "read timeout": (httpx.ReadTimeout("slow", request=REQUEST), TransportError),
    "connect timeout": (httpx.ConnectTimeout("slow", request=REQUEST), TransportError),
    "connect error": (httpx.ConnectError("refused", request=REQUEST), TransportError),
    "dropped mid-response": (
        httpx.RemoteProtocolError("peer closed", request=REQUEST),
        TransportError,
    ),
    "read error": (httpx.ReadError("reset", request=REQUEST), TransportError),
    "http 500": (httpx.Response(500, content=b"oops"), TransportError),
    "http 502 html": (httpx.Response(502, content=b"<html>bad gateway</html>"), TransportError),
    "garbled": (b"\x00\x01garbage", GarbledResponse),
    "half a document": (ORDERQUERY_PAID_RESPONSE[:200], GarbledResponse),
    "html with 200": (b"<html><body>captive portal</body></html>", GarbledResponse),
    "no return_code": (b"<xml><a>1</a></xml>", GarbledResponse),
    "bad signature": (ORDERQUERY_PAID_RESPONSE.replace(b"2550", b"2551"), BadResponseSignature),
    "unsigned success": (
        b"<xml><return_code>SUCCESS</return_code><result_code>SUCCESS"
        b"</result_code><trade_state>SUCCESS</trade_state></xml>",
        BadResponseSignature,
    ),
    "signed with another key": (
        signed({"trade_state": "SUCCESS"}, key="0" * 32),
        BadResponseSignature,
    ),
    "SYSTEMERROR": (business_error("SYSTEMERROR"), RetryableBusinessError),
    "BANKERROR": (business_error("BANKERROR"), RetryableBusinessError),
    "BIZERR_NEED_RETRY": (business_error("BIZERR_NEED_RETRY"), RetryableBusinessError),
    "FREQUENCY_LIMITED": (business_error("FREQUENCY_LIMITED"), RetryableBusinessError),
    "INVALID_REQ_TOO_MUCH": (business_error("INVALID_REQ_TOO_MUCH"), RetryableBusinessError),
}


@pytest.mark.parametrize("case", sorted(UNKNOWN_CASES))
def test_unknown_outcomes_are_retried_then_raised(case: str) -> None:
    reply, expected = UNKNOWN_CASES[case]
    fake = FakeWeChat(reply)
    client, sleeps = make_client(fake, max_attempts=3, retry_backoff=0.5)
    with pytest.raises(expected) as caught:
        client.order_query(out_trade_no="POS20240601123000001")
    assert isinstance(caught.value, OutcomeUnknown)
    assert caught.value.endpoint == "pay/orderquery"
    assert len(fake.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_a_client_with_one_attempt_gives_up_after_the_first_timeout() -> None:
    fake = FakeWeChat(httpx.ReadTimeout("slow", request=REQUEST))
    client, sleeps = make_client(fake, max_attempts=3)
    once = client.with_attempts(1)
    with pytest.raises(TransportError, match="timed out"):
        once.order_query(out_trade_no="POS20240601123000001")
    assert len(fake.requests) == 1 and sleeps == []
    # The client it was made from keeps its retries, on the same connections.
    with pytest.raises(TransportError):
        client.order_query(out_trade_no="POS20240601123000001")
    assert len(fake.requests) == 4 and sleeps == [0.5, 1.0]
    assert once._http is client._http
    with pytest.raises(ValueError):
        client.with_attempts(0)


def test_http_status_is_kept_on_transport_errors() -> None:
    client, _ = make_client(FakeWeChat(httpx.Response(503)), max_attempts=1)
    with pytest.raises(TransportError) as caught:
        client.order_query(out_trade_no="X12345")
    assert caught.value.status_code == 503


DEFINITE_CASES: dict[str, tuple[bytes | httpx.Response, type[DefinitelyFailed], str]] = {
    "sign error": (SIGN_ERROR_RESPONSE, RequestRejected, "签名错误"),
    "param error": (
        "<xml><return_code>FAIL</return_code><return_msg>mch_id参数格式错误"
        "</return_msg></xml>".encode(),
        RequestRejected,
        "mch_id参数格式错误",
    ),
    "http 404": (httpx.Response(404, content=b"not found"), RequestRejected, "HTTP 404"),
    "ORDERNOTEXIST": (business_error("ORDERNOTEXIST"), BusinessError, "ORDERNOTEXIST"),
    "NOTENOUGH": (business_error("NOTENOUGH"), BusinessError, "NOTENOUGH"),
    "INVALID_REQUEST": (business_error("INVALID_REQUEST"), BusinessError, "INVALID_REQUEST"),
}


@pytest.mark.parametrize("case", sorted(DEFINITE_CASES))
def test_definite_failures_are_never_retried(case: str) -> None:
    reply, expected, text = DEFINITE_CASES[case]
    fake = FakeWeChat(reply)
    client, sleeps = make_client(fake)
    with pytest.raises(expected, match=text):
        client.order_query(out_trade_no="POS20240601123000001")
    assert len(fake.requests) == 1 and sleeps == []


def test_retry_resends_identical_business_parameters_with_fresh_nonce() -> None:
    fake = FakeWeChat(
        httpx.ReadTimeout("slow", request=REQUEST),
        business_error("SYSTEMERROR"),
        UNIFIEDORDER_RESPONSE,
    )
    client, sleeps = make_client(fake, retry_backoff=0.25)
    result = order(client)
    assert result.code_url == "weixin://wxpay/bizpayurl?pr=Ab3dE7q"  # type: ignore[attr-defined]
    assert len(fake.fields) == 3
    assert sleeps == [0.25, 0.5]

    def business(fields: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in fields.items() if k not in ("nonce_str", "sign")}

    assert business(fake.fields[0]) == business(fake.fields[1]) == business(fake.fields[2])
    assert len({f["nonce_str"] for f in fake.fields}) == 3
    assert all(verify_sign(f, TEST_KEY) for f in fake.fields)


@pytest.mark.parametrize("call", ["close", "refund", "refundquery", "bill", "reverse"])
def test_every_idempotent_call_retries(call: str) -> None:
    final = {
        "close": CLOSEORDER_RESPONSE,
        "refund": REFUND_RESPONSE,
        "refundquery": REFUNDQUERY_RESPONSE,
        "bill": BILL_ALL.encode(),
        "reverse": REVERSE_RESPONSE,
    }[call]
    fake = FakeWeChat(httpx.RemoteProtocolError("dropped", request=REQUEST), final)
    client, _ = make_client(fake)
    actions: dict[str, Callable[[], object]] = {
        "close": lambda: client.close_order("POS20240601124500002"),
        "refund": lambda: client.refund(
            out_refund_no="RF20240601130000001",
            total_fee=2550,
            refund_fee=550,
            out_trade_no="POS20240601123000001",
        ),
        "refundquery": lambda: client.refund_query(out_refund_no="RF20240601130000001"),
        "bill": lambda: client.download_bill(date(2024, 6, 1)),
        "reverse": lambda: client.reverse(out_trade_no="POS20240601140000003"),
    }
    actions[call]()
    assert len(fake.requests) == 2
    first, second = (
        {k: v for k, v in f.items() if k not in ("nonce_str", "sign")} for f in fake.fields
    )
    assert first == second


@pytest.mark.parametrize(
    "reply",
    [
        httpx.ReadTimeout("slow", request=REQUEST),
        httpx.RemoteProtocolError("dropped", request=REQUEST),
        business_error("SYSTEMERROR"),
        business_error("BANKERROR"),
    ],
)
def test_micropay_is_never_resent(reply: Reply) -> None:
    fake = FakeWeChat(reply, MICROPAY_PAID_RESPONSE)
    client, sleeps = make_client(fake)
    with pytest.raises(OutcomeUnknown):
        client.micropay(
            out_trade_no="POS20240601140000003",
            total_fee=1880,
            body="b",
            auth_code="134567890123456789",
            spbill_create_ip="192.168.1.20",
        )
    assert len(fake.requests) == 1 and sleeps == []


def test_real_timeout_over_a_mock_transport_is_transport_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.WriteTimeout("write", request=request)

    client = WeChatPayClient(
        MERCHANT, transport=httpx.MockTransport(slow), max_attempts=2, sleep=lambda _: None
    )
    with pytest.raises(TransportError, match="timed out"):
        client.close_order("X12345")


@pytest.mark.parametrize("total_fee", [0, -1, 25.5, True, "2550"])
def test_amounts_must_be_positive_int_fen(total_fee: object) -> None:
    fake = FakeWeChat(UNIFIEDORDER_RESPONSE)
    client, _ = make_client(fake)
    with pytest.raises(ValueError):
        order(client, total_fee=total_fee)
    assert fake.requests == []


def test_naive_times_are_refused() -> None:
    client, _ = make_client(FakeWeChat(UNIFIEDORDER_RESPONSE))
    with pytest.raises(ValueError):
        order(client, time_start=datetime(2024, 6, 1, 12, 30))


# -- logging ---------------------------------------------------------------------------------------


def test_one_log_line_per_call_without_key_or_sign(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeWeChat(httpx.ReadTimeout("slow", request=REQUEST), UNIFIEDORDER_RESPONSE)
    client, _ = make_client(fake)
    with caplog.at_level(logging.DEBUG, logger="pos.wechatpay.client"):
        order(client)
        with pytest.raises(BusinessError):
            client2, _ = make_client(FakeWeChat(business_error("ORDERPAID")))
            client2.close_order("POS20240601124500002")
    info = [
        r for r in caplog.records if r.levelno == logging.INFO and r.name == "pos.wechatpay.client"
    ]
    assert len(info) == 2
    first, second = (r.getMessage() for r in info)
    assert "pay/unifiedorder" in first and "POS20240601123000001" in first
    assert "outcome=ok" in first and "attempts=2" in first and "duration=" in first
    assert "pay/closeorder" in second and "BusinessError:ORDERPAID" in second
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert TEST_KEY not in everything
    for fields in fake.fields:
        assert fields["sign"] not in everything
    assert "1039E9E93B3374209AB0BA15B2A63A42" not in everything


def test_repr_and_errors_never_show_the_key() -> None:
    client, _ = make_client(FakeWeChat(SIGN_ERROR_RESPONSE))
    assert TEST_KEY not in repr(client) and TEST_KEY not in repr(MERCHANT)
    with pytest.raises(RequestRejected) as caught:
        client.close_order("X12345")
    assert TEST_KEY not in str(caught.value)


def test_context_manager_closes() -> None:
    fake = FakeWeChat(CLOSEORDER_RESPONSE)
    with make_client(fake)[0] as client:
        client.close_order("X12345")
    with pytest.raises(RuntimeError):
        client.close_order("X12345")


# -- the client certificate ------------------------------------------------------------------------


@pytest.fixture
def private_tmp(tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = str(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", folder)
    return folder


def test_pkcs12_certificate_loads_and_leaves_no_file(private_tmp: str) -> None:
    key, cert = self_signed("10000100")
    p12 = os.path.join(private_tmp, "apiclient_cert.p12")
    with open(p12, "wb") as handle:
        handle.write(
            pkcs12.serialize_key_and_certificates(
                b"m", key, cert, None, serialization.BestAvailableEncryption(b"10000100")
            )
        )
    before = set(os.listdir(private_tmp))
    context = client_ssl_context(ClientCertificate(p12_path=p12, password="10000100"))
    assert context.verify_mode.name == "CERT_REQUIRED"
    assert set(os.listdir(private_tmp)) == before


def test_pkcs12_wrong_password_is_config_error_without_the_password(private_tmp: str) -> None:
    key, cert = self_signed("10000100")
    p12 = os.path.join(private_tmp, "apiclient_cert.p12")
    with open(p12, "wb") as handle:
        handle.write(
            pkcs12.serialize_key_and_certificates(
                b"m", key, cert, None, serialization.BestAvailableEncryption(b"right-pass")
            )
        )
    certificate = ClientCertificate(p12_path=p12, password="wrong-secret-pass")
    assert "wrong-secret-pass" not in repr(certificate)
    with pytest.raises(ConfigError) as caught:
        client_ssl_context(certificate)
    assert "wrong-secret-pass" not in str(caught.value)


def test_pem_pair_loads_and_a_missing_file_is_config_error(private_tmp: str) -> None:
    key, cert = self_signed("10000100")
    cert_path = os.path.join(private_tmp, "apiclient_cert.pem")
    key_path = os.path.join(private_tmp, "apiclient_key.pem")
    with open(cert_path, "wb") as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as handle:
        handle.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    client_ssl_context(ClientCertificate(cert_pem_path=cert_path, key_pem_path=key_path))
    with pytest.raises(ConfigError):
        client_ssl_context(
            ClientCertificate(cert_pem_path=cert_path, key_pem_path=key_path + ".missing")
        )
    with pytest.raises(ConfigError):
        client_ssl_context(ClientCertificate())


def test_secapi_calls_use_the_certificate_client(private_tmp: str) -> None:
    key, cert = self_signed("10000100")
    p12 = os.path.join(private_tmp, "c.p12")
    with open(p12, "wb") as handle:
        handle.write(
            pkcs12.serialize_key_and_certificates(
                b"m", key, cert, None, serialization.NoEncryption()
            )
        )
    merchant = Merchant(
        appid=APPID, mch_id=MCH_ID, api_key=TEST_KEY, certificate=ClientCertificate(p12_path=p12)
    )
    # Nothing listens on port 9: the call fails at connect, after the context was built.
    client = WeChatPayClient(merchant, base_url="https://127.0.0.1:9", max_attempts=1, timeout=2.0)
    with pytest.raises(TransportError):
        client.reverse(out_trade_no="X12345")
    assert client._secure_http is not None and client._secure_http is not client._http
    client.close()


def test_oversized_reply_is_garbled_without_reading_it_all() -> None:
    huge = b"<xml><a>" + b"A" * (8 * 1024 * 1024) + b"</a></xml>"
    fake = FakeWeChat(huge)
    client, _ = make_client(fake, max_attempts=1)
    with pytest.raises(GarbledResponse, match="over"):
        client.order_query(out_trade_no="X12345")


def test_signed_xml_where_a_bill_was_due_is_garbled() -> None:
    client, _ = make_client(FakeWeChat(signed({})), max_attempts=1)
    with pytest.raises(GarbledResponse):
        client.download_bill(date(2024, 6, 1))


REPORT_TRADE = ReportedTrade(
    out_trade_no="POS20240601140000003",
    begin_time=datetime(2024, 6, 1, 14, 0, 0, tzinfo=BEIJING),
    end_time=datetime(2024, 6, 1, 14, 0, 2, tzinfo=BEIJING),
    state=ReportState.OK,
)


def test_report_sends_the_trades_as_json() -> None:
    unsigned = xmlcodec.encode(
        {"return_code": "SUCCESS", "return_msg": "OK", "result_code": "SUCCESS"}
    )
    fake = FakeWeChat(unsigned)
    client, _ = make_client(fake)
    failed = ReportedTrade(
        "POS20240601140000004",
        REPORT_TRADE.begin_time,
        REPORT_TRADE.end_time,
        ReportState.CANCELLED,
        "NOTENOUGH",
    )
    client.report([REPORT_TRADE, failed], user_ip="192.168.1.20", device_info="POS-01")
    assert fake.requests[0].url.path == "/payitil/report"
    sent = fake.fields[0]
    assert verify_sign(sent, TEST_KEY, SignType.MD5)
    assert sent["interface_url"] == "https://api.mch.weixin.qq.com/pay/batchreport/micropay/total"
    assert sent["user_ip"] == "192.168.1.20" and sent["device_info"] == "POS-01"
    assert json.loads(sent["trades"]) == [
        {
            "out_trade_no": "POS20240601140000003",
            "begin_time": "20240601140000",
            "end_time": "20240601140002",
            "state": "OK",
            "err_msg": "",
        },
        {
            "out_trade_no": "POS20240601140000004",
            "begin_time": "20240601140000",
            "end_time": "20240601140002",
            "state": "CANCLE",
            "err_msg": "NOTENOUGH",
        },
    ]


def test_report_accepts_a_signed_reply_only_when_it_verifies() -> None:
    client, _ = make_client(FakeWeChat(signed({})))
    client.report([REPORT_TRADE], user_ip="127.0.0.1")
    client, _ = make_client(FakeWeChat(signed({}, key="0" * 32)))
    with pytest.raises(BadResponseSignature):
        client.report([REPORT_TRADE], user_ip="127.0.0.1")


@pytest.mark.parametrize(
    "reply",
    [
        httpx.ReadTimeout("slow", request=REQUEST),
        xmlcodec.encode({"return_code": "FAIL", "return_msg": "缺少参数trades"}),
        xmlcodec.encode(
            {"return_code": "SUCCESS", "result_code": "FAIL", "err_code": "PARAM_ERROR"}
        ),
    ],
)
def test_report_is_sent_once_and_its_failures_raise(reply: Reply) -> None:
    fake = FakeWeChat(reply, signed({}))
    client, sleeps = make_client(fake)
    with pytest.raises((OutcomeUnknown, DefinitelyFailed)):
        client.report([REPORT_TRADE], user_ip="127.0.0.1")
    assert len(fake.requests) == 1 and sleeps == []

"""Helpers of the sandbox's end-to-end tests: a raw third-party client, a notify sink, asserts.

The client here is deliberately not pos.wechatpay.client: it is what any third
party would write with httpx, signing and xmlcodec.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from pos.asgi_server import BackgroundServer
from pos.sandbox import DEFAULT_MERCHANT, Sandbox
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY
from pos.wechatpay.signing import make_nonce, make_sign, verify_sign
from pos.wechatpay.types import Merchant, SignType, to_wire_time

KEY = DEFAULT_MERCHANT.api_key


@dataclass
class Answer:
    """One protocol reply: HTTP status, raw bytes and the decoded fields."""

    status: int
    raw: bytes
    fields: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.fields[name]

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)


class RawClient:
    """Signs and posts a dict as XML; decodes the reply. No retries, no cleverness."""

    def __init__(self, base_url: str, merchant: Merchant = DEFAULT_MERCHANT) -> None:
        self.base_url = base_url
        self.merchant = merchant
        self.http = httpx.Client(base_url=base_url, timeout=10, trust_env=False)

    def signed(
        self, fields: dict[str, str], *, key: str | None = None, sign_type: SignType = SignType.MD5
    ) -> dict[str, str]:
        body = {
            "appid": self.merchant.appid,
            "mch_id": self.merchant.mch_id,
            "nonce_str": make_nonce(),
            **fields,
        }
        if sign_type is SignType.HMAC_SHA256:
            body["sign_type"] = "HMAC-SHA256"
        body["sign"] = make_sign(body, key or self.merchant.api_key, sign_type)
        return body

    def post_raw(self, path: str, content: bytes) -> Answer:
        response = self.http.post(
            path, content=content, headers={"Content-Type": "text/xml; charset=utf-8"}
        )
        return Answer(response.status_code, response.content, xmlcodec.decode(response.content))

    def call(
        self,
        path: str,
        *,
        key: str | None = None,
        sign_type: SignType = SignType.MD5,
        **fields: str,
    ) -> Answer:
        return self.post_raw(
            path, xmlcodec.encode(self.signed(fields, key=key, sign_type=sign_type))
        )

    def order(
        self,
        out_trade_no: str,
        total_fee: int = 2550,
        notify_url: str = "",
        sign_type: SignType = SignType.MD5,
        **extra: str,
    ) -> Answer:
        fields = {
            "body": "示例超市-收银台01-商品消费",
            "out_trade_no": out_trade_no,
            "total_fee": str(total_fee),
            "spbill_create_ip": "127.0.0.1",
            "notify_url": notify_url or "http://127.0.0.1:9/notify",
            "trade_type": "NATIVE",
            "product_id": out_trade_no,
            **extra,
        }
        return self.call("/pay/unifiedorder", sign_type=sign_type, **fields)

    def close(self) -> None:
        self.http.close()


def assert_signed(answer: Answer, key: str = KEY, sign_type: SignType = SignType.MD5) -> None:
    assert answer.status == 200
    assert answer["return_code"] == "SUCCESS"
    assert "sign_type" not in answer.fields
    assert verify_sign(answer.fields, key, sign_type), answer.raw


def assert_protocol_fail(answer: Answer, message: str) -> None:
    """return_code=FAIL, unsigned, with the given return_msg (or its start)."""
    assert answer.status == 200
    assert answer["return_code"] == "FAIL", answer.raw
    assert answer["return_msg"].startswith(message), answer["return_msg"]
    assert "sign" not in answer.fields


def assert_business_fail(
    answer: Answer, code: str, key: str = KEY, sign_type: SignType = SignType.MD5
) -> None:
    assert_signed(answer, key, sign_type)
    assert answer["result_code"] == "FAIL"
    assert answer["err_code"] == code, answer.raw


@dataclass
class NotifySink:
    """A merchant's notify_url on loopback that records bodies and answers as told."""

    url: str = ""
    bodies: list[bytes] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    replies: list[bytes] = field(default_factory=list)  # consumed first; then `default`
    default: bytes = SUCCESS_REPLY
    delay: float = 0.0  # real seconds before answering
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_reply(self, body: bytes) -> bytes:
        with self.lock:
            self.bodies.append(body)
            self.times.append(time.monotonic())
            return self.replies.pop(0) if self.replies else self.default

    def wait_for(self, count: int, timeout: float = 10.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.bodies) >= count:
                    return list(self.bodies)
            time.sleep(0.01)
        raise AssertionError(f"{count} notifications expected, got {len(self.bodies)}")


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError("condition not met in time")


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime) -> None:
        self.moment = start
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        with self.lock:
            return self.moment

    def advance(self, **delta: float) -> None:
        with self.lock:
            self.moment += timedelta(**delta)


@dataclass
class Running:
    sandbox: Sandbox
    server: BackgroundServer
    client: RawClient

    @property
    def url(self) -> str:
        return self.server.url


def wire(moment: datetime) -> str:
    return to_wire_time(moment)

"""Per-call cost of the protocol layer: sign + encode a request, decode + verify its reply.

Ours (pos.wechatpay.signing / xmlcodec) side by side with wechatpy 1.8.18 doing the
same work the way its ``WeChatPay._request`` / ``_handle_result`` / ``check_signature``
do it, on a unifiedorder-sized document (the §3.1 request and its success reply), in
the same run. Best-of-N timing with :mod:`timeit`; the goal is ours/wechatpy ≤ 1.0.

Run: ``/work/venv/bin/python bench/protocol.py [--repeat N] [--number N]``.
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
import timeit
from collections.abc import Callable

import xmltodict
from wechatpy.pay.utils import _check_signature, calculate_signature, dict_to_xml

from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_sign, verify_sign
from pos.wechatpay.types import SignType

KEY = "192006250b4c09247ec02edce69f6a2d"

#: §3.1 request example (fields as the client holds them before signing).
REQUEST: dict[str, object] = {
    "appid": "wxd930ea5d5a258f4f",
    "mch_id": "10000100",
    "device_info": "POS-01",
    "nonce_str": "Kq3n8ZbT1xYw0PdL",
    "body": "示例超市-收银台01-商品消费",
    "attach": "till=01&shift=A",
    "out_trade_no": "POS20240601123000001",
    "total_fee": 2550,
    "spbill_create_ip": "192.168.1.20",
    "time_start": "20240601123000",
    "time_expire": "20240601124000",
    "notify_url": "https://pos.example.com/wxpay/notify",
    "trade_type": "NATIVE",
    "product_id": "POS20240601123000001",
}

#: §3.1 success reply, as the server sends it (compact, CDATA strings).
REPLY = (
    b"<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg>"
    b"<appid><![CDATA[wxd930ea5d5a258f4f]]></appid><mch_id><![CDATA[10000100]]></mch_id>"
    b"<device_info><![CDATA[POS-01]]></device_info>"
    b"<nonce_str><![CDATA[s1ZkXg8n0cYB3hQe]]></nonce_str>"
    b"<result_code><![CDATA[SUCCESS]]></result_code>"
    b"<prepay_id><![CDATA[wx01123000512345f0c1d2e3a4b5c6d70000]]></prepay_id>"
    b"<trade_type><![CDATA[NATIVE]]></trade_type>"
    b"<code_url><![CDATA[weixin://wxpay/bizpayurl?pr=Ab3dE7q]]></code_url>"
    b"<sign><![CDATA[1039E9E93B3374209AB0BA15B2A63A42]]></sign></xml>"
)


def ours_request() -> bytes:
    fields = dict(REQUEST)
    fields["sign"] = make_sign(fields, KEY, SignType.MD5)
    return xmlcodec.encode(fields)


def ours_reply() -> dict[str, str]:
    fields = xmlcodec.decode(REPLY)
    if not verify_sign(fields, KEY, SignType.MD5):
        raise AssertionError("our verify failed")
    return fields


def wechatpy_request() -> bytes:
    # WeChatPay._request: calculate_signature, dict_to_xml(data, sign), encode.
    data = dict(REQUEST)
    sign = calculate_signature(data, KEY)
    body: str = dict_to_xml(data, sign)
    return body.encode("utf-8")


def wechatpy_reply() -> dict[str, str]:
    # _handle_result: res.text (UTF-8), xmltodict.parse(xml)['xml']; then check_signature.
    data: dict[str, str] = xmltodict.parse(REPLY.decode("utf-8"))["xml"]
    if not _check_signature(data, KEY):
        raise AssertionError("wechatpy verify failed")
    return data


def ours_call() -> None:
    ours_request()
    ours_reply()


def wechatpy_call() -> None:
    wechatpy_request()
    wechatpy_reply()


def best(func: Callable[[], object], repeat: int, number: int) -> float:
    """Best per-call time in microseconds over ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(func, repeat=repeat, number=number)) / number * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args(argv)
    # wechatpy logs every signature at DEBUG; keep logging as a production app has it.
    logging.basicConfig(level=logging.WARNING)

    # Both sides must agree before being timed.
    assert xmlcodec.decode(ours_request())["sign"] == "CBCE5DC611603B19844DEF535001FBBB"
    assert xmltodict.parse(wechatpy_request())["xml"]["sign"] == (
        "CBCE5DC611603B19844DEF535001FBBB"
    )
    assert dict(ours_reply()) == dict(wechatpy_reply())

    print(
        f"python {platform.python_version()} on {platform.machine()}; "
        f"best of {args.repeat} x {args.number} calls; microseconds per call"
    )
    print(f"{'stage':<28}{'ours':>10}{'wechatpy':>10}{'ours/wechatpy':>15}")
    rows = [
        ("sign + encode (request)", ours_request, wechatpy_request),
        ("decode + verify (reply)", ours_reply, wechatpy_reply),
        ("whole call", ours_call, wechatpy_call),
    ]
    ratio = 0.0
    for name, ours, theirs in rows:
        mine = best(ours, args.repeat, args.number)
        other = best(theirs, args.repeat, args.number)
        ratio = mine / other
        print(f"{name:<28}{mine:>10.1f}{other:>10.1f}{ratio:>14.2f}x")
    verdict = "meets" if ratio <= 1.0 else "misses"
    print(f"goal ours/wechatpy <= 1.0x for the whole call: {verdict} ({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The sandbox's HTTP surface: the v2 paths of §1.1 with their aliases, and the control routes.

Protocol paths answer HTTP 200 with XML for every protocol and business error
(§1.3). The control routes are not WeChat's: ``POST /sandbox/scan`` (a phone that
pays or cancels), ``GET|POST /sandbox/pay`` (the same as a page a person can use),
``POST|DELETE /sandbox/faults`` and ``GET /sandbox/health``.

Unsigned ``return_code=FAIL`` texts: ``请使用post方法`` (REQUIRE_POST_METHOD),
``post数据为空`` (POST_DATA_EMPTY), ``XML格式错误`` (XML_FORMAT_ERROR, also for a body
over 64 KiB), ``编码格式错误，请使用UTF-8编码`` (NOT_UTF8), ``商户号mch_id不存在``
(MCHID_NOT_EXIST), ``签名错误``, ``缺少参数<field>``, ``<field>参数格式错误``.
A known merchant with an appid it is not bound to gets a signed
``result_code=FAIL`` ``APPID_MCHID_NOT_MATCH``.
"""

from __future__ import annotations

import asyncio
import html
import json
import time
from collections.abc import Mapping
from urllib.parse import parse_qs, quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from pos.errors import NotUtf8Error, XmlError
from pos.sandbox.faults import Fault
from pos.sandbox.handlers import (
    HANDLERS,
    BillFail,
    Call,
    Reply,
    business_fail,
    fail_reply,
    signed_reply,
)
from pos.sandbox.ledger import SCAN_ACTIONS
from pos.sandbox.records import BusinessFail, Order, ParamFail
from pos.sandbox.simulator import Simulator
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import verify_sign
from pos.wechatpay.types import Merchant, SignType

MAX_BODY = xmlcodec.MAX_XML_BYTES
#: A body over the cap is read and thrown away up to this much, so the client gets its reply.
DRAIN_LIMIT = 32 * 1024 * 1024
DRAIN_SECONDS = 3.0


# --- the protocol endpoint (raw ASGI: capped body, connection drops) --------------------------


async def read_capped(receive: Receive) -> tuple[bytes, bool]:
    """The body, or (first bytes, True) when over :data:`MAX_BODY`; the rest is thrown away."""
    chunks: list[bytes] = []
    size = 0
    too_big = False
    started = time.monotonic()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if not too_big:
            if size > MAX_BODY:
                too_big = True
                chunks.clear()
            else:
                chunks.append(chunk)
        if not message.get("more_body", False):
            break
        if too_big and (size > DRAIN_LIMIT or time.monotonic() - started > DRAIN_SECONDS):
            break
    return b"".join(chunks), too_big


class ProtocolEndpoint:
    """One v2 path: parsing, merchant and signature checks, faults, then the handler."""

    def __init__(
        self, sandbox: Simulator, name: str, *, is_sandbox_path: bool, is_signkey: bool = False
    ) -> None:
        self.sandbox = sandbox
        self.name = name
        self.is_sandbox_path = is_sandbox_path
        self.is_signkey = is_signkey

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = self.sandbox.faults.take(self.name)
        kinds = {fault.kind: fault for fault in faults}
        if "http_500" in kinds:
            await Response(
                b"<html><body>500 Internal Server Error</body></html>",
                status_code=500,
                media_type="text/html",
            )(scope, receive, send)
            return
        if "hang" in kinds:
            await self._hang(scope, receive, send)
            return
        if scope["method"] != "POST":
            reply = fail_reply("请使用post方法")
        else:
            body, too_big = await read_capped(receive)
            reply = self.process(body, too_big, kinds)
        # A slow WeChat Pay has still done the work: the latency comes after processing, so
        # a client that times out meanwhile faces a real unknown outcome (the order exists).
        for fault in faults:
            if fault.kind == "latency":
                await asyncio.sleep(fault.seconds)
        if "drop_after" in kinds:
            await self._drop(send, reply)
            return
        if "garbled" in kinds:
            reply = Reply(b"\x00\xffsystem busy <xml><return_code>SU", content_type="text/plain")
        elif "bad_sign" in kinds and reply.signed:
            reply = Reply(_break_signature(reply.body), signed=True)
        await Response(reply.body, status_code=reply.status, media_type=reply.content_type)(
            scope, receive, send
        )

    async def _hang(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A WeChat Pay that never answers: read the request, process nothing, send nothing,
        # until the client gives up and leaves (its own timeout ends the call). Clearing the
        # faults lifts the hang: HTTP 500, nothing processed, as if WeChat Pay came back.
        async def until_disconnect() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        faults = self.sandbox.faults
        cleared = faults.clear_count
        client_left = asyncio.ensure_future(until_disconnect())
        try:
            while not client_left.done():
                if faults.clear_count != cleared:
                    await Response(
                        b"<html><body>500 Internal Server Error</body></html>",
                        status_code=500,
                        media_type="text/html",
                    )(scope, receive, send)
                    return
                await asyncio.wait({client_left}, timeout=0.05)
        finally:
            client_left.cancel()

    async def _drop(self, send: Send, reply: Reply) -> None:
        # Start a reply that promises more bytes than it sends, then end the connection:
        # the client sees an incomplete read after the request was processed (§6 chaos).
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", reply.content_type.encode()),
                    (b"content-length", str(len(reply.body) + 64).encode()),
                ],
            }
        )
        await send(
            {
                "type": "http.response.body",
                "body": reply.body[: len(reply.body) // 2],
                "more_body": True,
            }
        )
        # Returning with the response incomplete makes uvicorn close the connection (it logs
        # one line, "ASGI callable returned without completing response").

    def process(self, body: bytes, too_big: bool, kinds: Mapping[str, Fault]) -> Reply:
        if too_big:
            return fail_reply("XML格式错误")
        if not body.strip():
            return fail_reply("post数据为空")
        try:
            fields = xmlcodec.decode(body)
        except NotUtf8Error:
            return fail_reply("编码格式错误，请使用UTF-8编码")
        except XmlError:
            return fail_reply("XML格式错误")
        mch_id = fields.get("mch_id", "")
        if not mch_id:
            return fail_reply("缺少参数mch_id")
        merchant = self.sandbox.merchant(mch_id)
        if merchant is None:
            return fail_reply("商户号mch_id不存在")
        if self.is_signkey:
            return self._signkey(fields, merchant)
        declared = fields.get("sign_type", "")
        try:
            sign_type = SignType(declared) if declared else SignType.MD5
        except ValueError:
            return fail_reply("sign_type参数格式错误")
        if self.is_sandbox_path and sign_type is not SignType.MD5:
            return fail_reply("仿真测试系统仅支持MD5签名")  # §2.2: the sandbox is MD5-only
        key = self.sandbox.sandbox_key(mch_id) if self.is_sandbox_path else merchant.api_key
        if not fields.get("sign"):
            return fail_reply("缺少参数sign")
        if not verify_sign(fields, key, sign_type):
            return fail_reply("签名错误")
        for name in ("appid", "nonce_str"):
            if not fields.get(name):
                return fail_reply(f"缺少参数{name}")
        if len(fields["nonce_str"]) > 32:
            return fail_reply("nonce_str参数格式错误")
        call = Call(self.sandbox, merchant, fields, sign_type, key, self.sandbox.now())
        if not self.sandbox.is_bound(mch_id, fields["appid"]):
            return business_fail(call, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配")
        if "system_error" in kinds:
            return business_fail(call, "SYSTEMERROR", "系统错误（模拟故障）")
        if "frequency_limited" in kinds:
            return business_fail(call, "FREQUENCY_LIMITED", "频率限制，请稍后再试（模拟故障）")
        self.sandbox.advance()
        try:
            result = HANDLERS[self.name](call)
        except ParamFail as exc:
            return fail_reply(exc.message)
        except BusinessFail as exc:
            return business_fail(call, exc.code, exc.description)
        except BillFail as exc:
            extra = {"error_code": exc.error_code} if exc.error_code else {}
            return fail_reply(exc.message, **extra)
        finally:
            # Before the answer leaves: what WeChat said happened survives a restart.
            self.sandbox.save_state()
        if isinstance(result, Reply):
            return result
        if isinstance(result, bytes):
            return Reply(result, content_type="text/plain; charset=utf-8")
        return signed_reply(call, result)

    def _signkey(self, fields: dict[str, str], merchant: Merchant) -> Reply:
        # §3.11: MD5 with the production key; the answer is documented unsigned.
        if not fields.get("sign"):
            return fail_reply("缺少参数sign")
        if not verify_sign(fields, merchant.api_key, SignType.MD5):
            return fail_reply("签名错误")
        return Reply(
            xmlcodec.encode(
                {
                    "return_code": "SUCCESS",
                    "return_msg": "OK",
                    "mch_id": merchant.mch_id,
                    "sandbox_signkey": self.sandbox.sandbox_key(merchant.mch_id),
                }
            )
        )


def _break_signature(body: bytes) -> bytes:
    fields = xmlcodec.decode(body)
    sign = fields["sign"]
    fields["sign"] = ("0" if sign[0] != "0" else "1") + sign[1:]
    return xmlcodec.encode({k: int(v) if _is_int_field(k, v) else v for k, v in fields.items()})


def _is_int_field(name: str, value: str) -> bool:
    return value.isascii() and value.isdigit() and ("fee" in name or name.endswith("count"))


# --- control routes ---------------------------------------------------------------------------


async def _capped_body(request: Request) -> bytes | None:
    """A control request's body, or None past :data:`MAX_BODY` (never buffered further)."""
    body, too_big = await read_capped(request.receive)
    return None if too_big else body


async def _form(request: Request) -> dict[str, str]:
    body = await _capped_body(request)
    if body is None:
        return {}
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(body)
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items()}


def build_app(sandbox: Simulator) -> Starlette:
    """The Starlette app of one sandbox: protocol paths, aliases and control routes."""

    async def scan(request: Request) -> Response:
        form = await _form(request)
        code_url = form.get("code_url", "")
        action = form.get("action", "pay")
        coupon_text = form.get("coupon_fee", "0") or "0"
        if action not in SCAN_ACTIONS or not coupon_text.isdigit():
            return JSONResponse(
                {"result": "error", "message": "bad action or coupon_fee"}, status_code=400
            )
        result = sandbox.customer_scan(code_url, action, coupon_fee=int(coupon_text))
        status = 409 if result["result"] == "refused" else 200
        return JSONResponse(result, status_code=status)

    async def pay_page(request: Request) -> Response:
        if request.method == "POST":
            form = await _form(request)
            code_url = form.get("code_url", "")
            action = form.get("action", "pay")
            if action not in ("pay", "cancel"):
                action = "cancel"
            result = sandbox.customer_scan(code_url, action)
            return HTMLResponse(_result_page(result))
        code_url = request.query_params.get("code_url", "")
        order = sandbox.ledger.order_by_code_url(code_url)
        return HTMLResponse(_pay_page(code_url, order))

    async def faults(request: Request) -> Response:
        if request.method == "DELETE":
            sandbox.faults.clear()
            return JSONResponse({"faults": []})
        if request.method == "GET":
            return JSONResponse({"faults": [f.as_dict() for f in sandbox.faults.active()]})
        body = await _capped_body(request)
        try:
            fault = Fault.from_json(json.loads(body or b"null"))
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        sandbox.faults.add(fault)
        return JSONResponse(fault.as_dict(), status_code=201)

    async def health(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "time": sandbox.now().isoformat(),
                "pending_notifications": sandbox.notifier.pending,
            }
        )

    routes: list[Route] = []
    for name in HANDLERS:
        routes.append(Route("/" + name, ProtocolEndpoint(sandbox, name, is_sandbox_path=False)))
        for prefix in ("/sandboxnew/", "/xdc/apiv2sandbox/"):
            routes.append(
                Route(prefix + name, ProtocolEndpoint(sandbox, name, is_sandbox_path=True))
            )
    # §1.1: sources disagree on the legacy sandbox refund path; serve both.
    routes.append(
        Route(
            "/sandboxnew/pay/refund",
            ProtocolEndpoint(sandbox, "secapi/pay/refund", is_sandbox_path=True),
        )
    )
    for path in ("/sandboxnew/pay/getsignkey", "/xdc/apiv2getsignkey/sign/getsignkey"):
        routes.append(
            Route(
                path, ProtocolEndpoint(sandbox, "getsignkey", is_sandbox_path=True, is_signkey=True)
            )
        )
    routes += [
        Route("/sandbox/scan", scan, methods=["POST"]),
        Route("/sandbox/pay", pay_page, methods=["GET", "POST"]),
        Route("/sandbox/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/sandbox/health", health, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=sandbox.lifespan)


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>微信支付 沙箱 / WeChat Pay sandbox</title>
<style>body{{font-family:sans-serif;max-width:28em;margin:2em auto;padding:0 1em}}
button{{font-size:1.2em;padding:.6em 1.4em;margin:.4em}}</style></head>
<body><h1>微信支付（沙箱） / WeChat Pay (sandbox)</h1>{content}</body></html>"""


def _pay_page(code_url: str, order: Order | None) -> str:
    if order is None:
        content = "<p>二维码无效 / Unknown QR code.</p>"
    else:
        amount = f"{order.total_fee // 100}.{order.total_fee % 100:02d}"
        code = html.escape(code_url, quote=True)
        content = (
            f"<p>{html.escape(order.body)}</p>"
            f"<p>金额 / Amount: <strong>¥{amount}</strong></p>"
            f"<p>订单 / Order: {html.escape(order.out_trade_no)}</p>"
            f'<form method="post" action="/sandbox/pay">'
            f'<input type="hidden" name="code_url" value="{code}">'
            '<button name="action" value="pay">支付 / Pay</button>'
            '<button name="action" value="cancel">取消 / Cancel</button></form>'
        )
    return _PAGE.format(content=content)


_RESULT_TEXT = {
    "paid": "支付成功 / Payment successful",
    "cancelled": "已取消 / Cancelled",
}


def _result_page(result: Mapping[str, str]) -> str:
    text = _RESULT_TEXT.get(result["result"])
    if text is None:
        text = "无法支付 / Cannot pay: " + result.get("message", result.get("reason", ""))
    return _PAGE.format(content=f"<p><strong>{html.escape(text)}</strong></p>")


def pay_page_url(base_url: str, code_url: str) -> str:
    """The URL of the phone page for a QR: what a demo can encode instead of ``code_url``."""
    return f"{base_url.rstrip('/')}/sandbox/pay?code_url={quote(code_url, safe='')}"

"""The Simulator: merchants, clock, ledger, faults and notifier, with no HTTP in it.

:mod:`pos.sandbox.app` puts the HTTP paths in front of it; :mod:`pos.sandbox.service` serves both.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pos.sandbox.codes import Report
from pos.sandbox.faults import Fault, FaultSet
from pos.sandbox.ledger import SCAN_ACTIONS, Ledger
from pos.sandbox.notifier import DeliveryAttempt, Notifier
from pos.sandbox.options import SandboxOptions
from pos.sandbox.records import BusinessFail, Event, Order, text_time
from pos.sandbox.state import read_state, set_aside, write_state
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import encrypt_req_info
from pos.wechatpay.signing import make_nonce, make_sign
from pos.wechatpay.types import BEIJING, Merchant, SignType, to_wire_time

log = logging.getLogger(__name__)

#: The documented test merchant and key of §2.3.
DEFAULT_MERCHANT = Merchant(
    appid="wxd930ea5d5a258f4f", mch_id="10000100", api_key="192006250b4c09247ec02edce69f6a2d"
)


def sandbox_key_for(api_key: str) -> str:
    """A stable 32-character sandbox key derived from the production key (§3.11)."""
    return hashlib.md5(("sandbox:" + api_key).encode("utf-8")).hexdigest()  # noqa: S324


class Simulator:
    """A local WeChat Pay v2 without its HTTP surface: the state, the clock and test controls.

    ``clock`` gives the current time (aware; naive values are read as Beijing time);
    ``time_scale`` makes simulated time run that many times faster than the clock,
    counted from the moment the sandbox was built, so the 24-hour notification
    schedule runs in seconds. With ``state_path`` the ledger (orders, refunds, used codes) is
    read from that file at start and written back after every change
    (:mod:`pos.sandbox.state`), so a restart forgets nothing WeChat would remember; pending
    notifications are not kept.
    """

    def __init__(
        self,
        merchants: Iterable[Merchant] = (DEFAULT_MERCHANT,),
        *,
        clock: Callable[[], datetime] | None = None,
        time_scale: float = 1.0,
        options: SandboxOptions | None = None,
        state_path: Path | None = None,
    ) -> None:
        if time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self.options = options or SandboxOptions()
        self._merchants: dict[str, Merchant] = {}
        self._appids: dict[str, set[str]] = {}
        for merchant in merchants:
            self._merchants.setdefault(merchant.mch_id, merchant)
            self._appids.setdefault(merchant.mch_id, set()).add(merchant.appid)
        if not self._merchants:
            raise ValueError("at least one merchant is needed")
        self._base_clock = clock
        self._time_scale = time_scale
        self._origin_mono = time.monotonic()
        self._origin = self._read_base()
        self.ledger = Ledger(self.options)
        self.state_path = state_path
        self._state_lock = threading.Lock()
        self._saved_revision = 0
        if state_path is not None:
            self._load_state(state_path)
        self.faults = FaultSet()
        self.notifier = Notifier(self.now, self.options)
        self._lock = threading.Lock()
        self._reports: list[Report] = []

    def reset(self, options: SandboxOptions | None = None) -> None:
        """Forget every order, refund, fault and delivery; optionally switch the options.

        For test suites that share one running sandbox between tests.
        """
        if options is not None:
            self.options = options
        self.ledger = Ledger(self.options)
        self._saved_revision = -1
        self.save_state()
        self.faults.clear()
        self.notifier.reset(self.options)
        with self._lock:
            self._reports.clear()

    # --- the state file -----------------------------------------------------------------------

    def _load_state(self, path: Path) -> None:
        data = read_state(path)
        if data is None:
            return
        try:
            self.ledger.restore(data)
        except ValueError as exc:
            set_aside(path, exc)
            self.ledger = Ledger(self.options)
        self._saved_revision = self.ledger.revision

    def save_state(self) -> bool:
        """Write the state file if the ledger changed since the last write; False when it
        could not be written (logged; tried again at the next change or tick)."""
        path = self.state_path
        if path is None:
            return True
        with self._state_lock:
            ledger = self.ledger
            revision = ledger.revision
            if revision == self._saved_revision:
                return True
            try:
                write_state(path, ledger.snapshot())
            except OSError as exc:
                log.warning("sandbox state not saved to %s: %s", path, exc.strerror or exc)
                return False
            self._saved_revision = revision
            return True

    # --- time ---------------------------------------------------------------------------------

    def _read_base(self) -> datetime:
        if self._base_clock is None:
            return datetime.now(BEIJING)
        moment = self._base_clock()
        return moment.replace(tzinfo=BEIJING) if moment.tzinfo is None else moment

    def now(self) -> datetime:
        """The simulated time (aware, Beijing)."""
        if self._base_clock is None:
            elapsed = (time.monotonic() - self._origin_mono) * self._time_scale
            return self._origin + timedelta(seconds=elapsed)
        base = self._read_base()
        if self._time_scale == 1.0:
            return base.astimezone(BEIJING)
        return (self._origin + (base - self._origin) * self._time_scale).astimezone(BEIJING)

    @property
    def time_scale(self) -> float:
        return self._time_scale

    # --- merchants ------------------------------------------------------------------------

    def merchant(self, mch_id: str) -> Merchant | None:
        return self._merchants.get(mch_id)

    def is_bound(self, mch_id: str, appid: str) -> bool:
        return appid in self._appids.get(mch_id, set())

    def sandbox_key(self, mch_id: str) -> str:
        """The key ``getsignkey`` returns and the sandbox paths verify with (stable)."""
        return sandbox_key_for(self._merchants[mch_id].api_key)

    # --- background work ------------------------------------------------------------------

    def advance(self) -> None:
        """Let simulated time act on the ledger and queue what it makes WeChat send."""
        for event in self.ledger.tick(self.now()):
            self.dispatch(event)
        self.save_state()

    def dispatch(self, event: Event) -> None:
        """Queue the notification of an event, applying the notify faults (§6)."""
        order = event.order
        if event.kind == "payment":
            url, key, endpoint = order.notify_url, order.out_trade_no, "pay_notify"
        else:
            assert event.refund is not None
            url, key = event.refund.notify_url or "", event.refund.out_refund_no
            endpoint = "refund_notify"
        if not url:
            return
        faults = self.faults.take(endpoint, notify=True)
        kinds = {fault.kind: fault for fault in faults}
        body = (
            self.payment_notification(
                order, bad_sign="notify_bad_sign" in kinds, wrong_fee="notify_wrong_fee" in kinds
            )
            if event.kind == "payment"
            else self.refund_notification(
                event, bad_sign="notify_bad_sign" in kinds, wrong_fee="notify_wrong_fee" in kinds
            )
        )
        if "notify_lose" in kinds:
            self.notifier.record_lost(event.kind, key, url, body)
            return
        delay = kinds["notify_delay"].seconds if "notify_delay" in kinds else 0.0
        held = kinds.get("notify_out_of_order")
        self.notifier.submit(
            event.kind,
            key,
            url,
            body,
            delay=delay,
            duplicate="notify_duplicate" in kinds,
            out_of_order=held is not None,
            hold_at_most=held.seconds if held is not None else 0.0,
        )

    def payment_notification(
        self, order: Order, *, bad_sign: bool = False, wrong_fee: bool = False
    ) -> bytes:
        """The §3.4 payload, signed with the order's algorithm (HMAC: no ``sign_type``)."""
        merchant = self._merchants[order.mch_id]
        fields: dict[str, str | int] = {
            "appid": order.appid,
            "attach": order.attach,
            "bank_type": order.bank_type,
            "cash_fee": order.cash_fee,
            "device_info": order.device_info,
            "fee_type": "CNY",
            "is_subscribe": order.is_subscribe,
            "mch_id": order.mch_id,
            "nonce_str": make_nonce(),
            "openid": order.openid,
            "out_trade_no": order.out_trade_no,
            "result_code": "SUCCESS",
            "return_code": "SUCCESS",
        }
        if order.coupon_fee:
            fields.update(
                {
                    "coupon_count": 1,
                    "coupon_fee": order.coupon_fee,
                    "coupon_fee_0": order.coupon_fee,
                    "coupon_id_0": order.coupon_id,
                    "coupon_type_0": "CASH",
                }
            )
        assert order.time_end is not None
        fields.update(
            {
                "time_end": to_wire_time(order.time_end),
                "total_fee": order.total_fee + (1 if wrong_fee else 0),
                "trade_type": order.trade_type,
                "transaction_id": order.transaction_id,
            }
        )
        if order.sign_type is SignType.MD5 and self.options.notify_md5_sign_type:
            fields["sign_type"] = "MD5"
        fields = {k: v for k, v in fields.items() if v != ""}
        sign = make_sign(fields, merchant.api_key, order.sign_type)
        if bad_sign:
            sign = _corrupt(sign)
        fields["sign"] = sign
        return xmlcodec.encode(fields)

    def refund_notification(
        self, event: Event, *, bad_sign: bool = False, wrong_fee: bool = False
    ) -> bytes:
        """The §3.7 envelope with ``req_info`` encrypted by the merchant key (AES-256-ECB)."""
        order, refund = event.order, event.refund
        assert refund is not None
        merchant = self._merchants[order.mch_id]
        inner: dict[str, str] = {
            "out_refund_no": refund.out_refund_no,
            "out_trade_no": order.out_trade_no,
            "refund_account": refund.refund_account,
            "refund_fee": str(refund.refund_fee + (1 if wrong_fee else 0)),
            "refund_id": refund.refund_id,
            "refund_recv_accout": refund.recv_account,
            "refund_request_source": "API",
            "refund_status": refund.status.value,
            "settlement_refund_fee": str(refund.refund_fee),
            "settlement_total_fee": str(order.total_fee),
            "success_time": text_time(refund.success_time) if refund.success_time else "",
            "total_fee": str(order.total_fee),
            "transaction_id": order.transaction_id,
        }
        plaintext = xmlcodec.encode({k: v for k, v in inner.items() if v}, root="root")
        key = merchant.api_key if not bad_sign else _corrupt(merchant.api_key)
        envelope = {
            "return_code": "SUCCESS",
            "appid": order.appid,
            "mch_id": order.mch_id,
            "nonce_str": make_nonce(),
            "req_info": encrypt_req_info(plaintext, key),
        }
        return xmlcodec.encode(envelope)

    def record_report(self, report: Report) -> None:
        """Keep a ``payitil/report`` request (in memory: a restart forgets them)."""
        with self._lock:
            self._reports.append(report)

    @property
    def reports(self) -> list[Report]:
        """Every ``payitil/report`` received so far (a snapshot), oldest first."""
        with self._lock:
            return list(self._reports)

    @property
    def deliveries(self) -> list[DeliveryAttempt]:
        """Every notification attempt so far (a snapshot), oldest first."""
        return self.notifier.attempts

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Any) -> AsyncIterator[None]:
        """Start the notifier and the ticker on the serving loop; stop them on shutdown."""
        await self.notifier.start()
        ticker = asyncio.get_running_loop().create_task(self._tick_forever())
        try:
            yield
        finally:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
            await self.notifier.stop()

    async def _tick_forever(self) -> None:
        while True:
            self.advance()
            next_due = self.notifier.pump()
            pause = self.options.tick_interval
            if next_due is not None:
                # Wake up right when the next attempt is due, on a scaled clock too.
                until = (next_due - self.now()).total_seconds() / self._time_scale
                pause = max(0.0, min(pause, until))
            await self.notifier.wait(pause)

    # --- the customer's phone -------------------------------------------------------------

    def customer_scan(
        self, code_url: str, action: str = "pay", *, coupon_fee: int = 0
    ) -> dict[str, str]:
        """A phone that scanned ``code_url`` and pays (``pay``), gives up (``cancel``), or
        keeps the password sheet open (``scan``: WeChat still answers NOTPAY meanwhile).

        Returns ``{"result": "paid", "transaction_id", "out_trade_no", "total_fee",
        "cash_fee"}``, ``{"result": "cancelled", ...}``, ``{"result": "waiting", ...}``, or
        ``{"result": "refused", "reason": CODE, "message": text}`` with CODE one of
        ``NOT_FOUND``, ``EXPIRED``, ``CLOSED``, ``ORDERPAID``, ``COUPON``;
        ValueError for an unknown action.
        """
        if action not in SCAN_ACTIONS:
            raise ValueError(f"action must be one of {', '.join(SCAN_ACTIONS)}, not {action!r}")
        if isinstance(coupon_fee, bool) or not isinstance(coupon_fee, int):
            raise TypeError("coupon_fee must be int fen")
        self.advance()
        now = self.now()
        try:
            if action == "cancel":
                order = self.ledger.check_scannable(code_url, now)
                return {"result": "cancelled", "out_trade_no": order.out_trade_no}
            if action == "scan":
                order = self.ledger.scan(code_url, now)
                self.save_state()
                return {"result": "waiting", "out_trade_no": order.out_trade_no}
            order, event = self.ledger.pay(code_url, now, coupon_fee=coupon_fee)
        except BusinessFail as fail:
            return {"result": "refused", "reason": fail.code, "message": fail.description}
        self.save_state()
        self.dispatch(event)
        return {
            "result": "paid",
            "transaction_id": order.transaction_id,
            "out_trade_no": order.out_trade_no,
            "total_fee": str(order.total_fee),
            "cash_fee": str(order.cash_fee),
        }

    def add_fault(self, fault: Fault) -> Fault:
        return self.faults.add(fault)


def _corrupt(text: str) -> str:
    """Change the first character so a signature or key is wrong but well-formed."""
    first = "0" if text[0] != "0" else "1"
    return first + text[1:]

"""Refunds of paid deals, Qt-free: stored before the first call, followed until final (§3.5–§3.7).

The rules this module keeps (protocol reference sections in brackets):

* the refund is stored PENDING with its ``out_refund_no`` *before* any network call, and the
  store refuses it first when it would refund more than what is left or be the 51st of the
  deal (§3.5, :class:`~pos.errors.RefundLimitError`): a refused refund never reaches WeChat;
* an unknown outcome (timeout, SYSTEMERROR...) is resent with the **same** ``out_refund_no``
  and the same amounts (§3.5, §4.4); a definite refusal is recorded FAILED with its err_code;
* the answer of ``secapi/pay/refund`` only means "accepted" (PROCESSING); the result comes
  from ``refundquery`` (§3.6) or from the refund notification (§3.7), whose ``req_info`` is
  decrypted with our own key and cross-checked with the stored refund before it counts;
* SUCCESS moves the deal to PARTIALLY_REFUNDED or REFUNDED (the store does it in the same
  transaction); REFUNDCLOSE is CLOSED, CHANGE needs the merchant platform (§4.3).

Each call to WeChat Pay is a step apart from the store's write of its answer (:meth:`Refunder.send`
then :meth:`Refunder.record_sent`, :meth:`Refunder.ask` then :meth:`Refunder.record_asked`), so
that the window makes the call on a network thread and writes on its database thread; the
one-call methods (:meth:`Refunder.submit`, :meth:`Refunder.refresh`) chain them for the
command line and the tests.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from pos.clock import Clock, Sleep, utc_now
from pos.errors import (
    BusinessError,
    DefinitelyFailed,
    NotificationError,
    OutcomeUnknown,
    RefundLimitError,
    RequestRejected,
    WeChatPayError,
)
from pos.store import NO_STAMP, Deal, PaymentMethod, Refund, RefundState, Stamp, Store
from pos.wechatpay.notify import MerchantLookup, parse_refund_notification
from pos.wechatpay.types import (
    BEIJING,
    RefundInfo,
    RefundQueryResult,
    RefundResult,
    RefundStatus,
)

__all__ = [
    "Asked",
    "RefundClient",
    "RefundProgress",
    "Refunder",
    "Sent",
    "new_out_refund_no",
    "refundable_fen",
]

log = logging.getLogger(__name__)


#: §4.3 refund_status → our stored state. UNKNOWN is not final: it is queried again.
_STATE_OF: dict[RefundStatus, RefundState] = {
    RefundStatus.PROCESSING: RefundState.PROCESSING,
    RefundStatus.SUCCESS: RefundState.SUCCESS,
    RefundStatus.REFUNDCLOSE: RefundState.CLOSED,
    RefundStatus.CHANGE: RefundState.CHANGE,
}
#: Refund states that will not change any more without a person (CHANGE: merchant platform).
FINAL_STATES = frozenset(
    {RefundState.SUCCESS, RefundState.CLOSED, RefundState.CHANGE, RefundState.FAILED}
)


class RefundClient(Protocol):
    """What refunds need of :class:`pos.wechatpay.client.WeChatPayClient`."""

    def refund(
        self,
        *,
        out_refund_no: str,
        total_fee: int,
        refund_fee: int,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        refund_desc: str | None = None,
        notify_url: str | None = None,
    ) -> RefundResult: ...

    def refund_query(
        self,
        *,
        out_refund_no: str | None = None,
        refund_id: str | None = None,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        offset: int | None = None,
    ) -> RefundQueryResult: ...


def new_out_refund_no(out_trade_no: str, number: int) -> str:
    """``<out_trade_no>R<nn><4 hex>``: readable (which deal, which refund), unique for ever.

    The deal's number is unique per merchant for ever (§1.5), ``number`` counts its refunds,
    and the random suffix keeps two managers refunding the same deal at once apart. At most
    32 + 1 + 2 + 4 = 39 of the 64 characters allowed (§3.5 ``out_refund_no`` String(64)).
    """
    return f"{out_trade_no}R{number:02d}{secrets.token_hex(2)}"


def refundable_fen(deal: Deal, refunds: list[Refund]) -> int:
    """What may still be refunded: the amount paid minus every refund that may still leave."""
    if not deal.state.is_paid:
        return 0
    return deal.amount_fen - sum(r.refund_fee for r in refunds if r.state.counts_against_limit)


@dataclass(frozen=True)
class Sent:
    """What ``secapi/pay/refund`` answered for a stored refund (:meth:`Refunder.send`), to be
    recorded by :meth:`Refunder.record_sent`. Neither ``result`` nor ``error``: not sent (the
    refund had moved on already)."""

    refund: Refund
    result: RefundResult | None = None
    #: DefinitelyFailed: final for these parameters; OutcomeUnknown: after every attempt
    error: WeChatPayError | None = None


@dataclass(frozen=True)
class Asked:
    """What ``refundquery`` answered for a stored refund (:meth:`Refunder.ask`), to be
    recorded by :meth:`Refunder.record_asked`. Neither: not asked (the refund is final)."""

    refund: Refund
    answer: RefundQueryResult | None = None
    error: WeChatPayError | None = None


@dataclass(frozen=True)
class RefundProgress:
    """Where a refund stands after a step; ``error`` is a short text safe to show."""

    refund: Refund
    deal: Deal
    error: str | None = None

    @property
    def is_final(self) -> bool:
        return self.refund.state in FINAL_STATES


class Refunder:
    """Refunds of one merchant over a client and the store. Synchronous: run it on a worker.

    ``notify_url`` is the refund notification URL sent with the request (the relay's
    ``/wechatpay/refund-notify``); None leaves WeChat to use the merchant platform's one.
    """

    def __init__(
        self,
        store: Store,
        client: RefundClient,
        *,
        clock: Clock = utc_now,
        notify_url: str | None = None,
        resend_attempts: int = 3,
        sleep: Sleep = time.sleep,
        resend_pause: float = 1.0,
    ) -> None:
        if resend_attempts < 1:
            raise ValueError("resend_attempts must be at least 1")
        self._store = store
        self._client = client
        self._clock = clock
        self._notify_url = notify_url
        self._resend_attempts = resend_attempts
        self._sleep = sleep
        self._resend_pause = resend_pause

    # -- reading -------------------------------------------------------------------------------

    def _deal(self, out_trade_no: str) -> Deal:
        deal = self._store.get_deal(out_trade_no)
        if deal is None:
            raise RefundLimitError(f"no deal {out_trade_no}")
        return deal

    def refundable(self, out_trade_no: str) -> int:
        """Fen that may still be refunded on this deal (0 when it is not paid)."""
        return refundable_fen(self._deal(out_trade_no), self._store.refunds_for(out_trade_no))

    def _progress(self, refund: Refund, error: str | None = None) -> RefundProgress:
        return RefundProgress(refund=refund, deal=self._deal(refund.out_trade_no), error=error)

    # -- asking ----------------------------------------------------------------------------------

    def prepare(
        self, out_trade_no: str, refund_fee: int, reason: str, *, stamp: Stamp = NO_STAMP
    ) -> Refund:
        """Store the refund PENDING (limits enforced by the store), stamped with the clerk
        and shift at the till; no network call yet. A cash sale is refused
        (RefundLimitError): it is refunded from the drawer (``pos.checkout.refund_cash``)."""
        deal = self._deal(out_trade_no)
        if deal.method is PaymentMethod.CASH:
            raise RefundLimitError(f"deal {out_trade_no} is a cash sale: refund it from the drawer")
        refunds = self._store.refunds_for(out_trade_no)
        left = refundable_fen(deal, refunds)
        # Checked here too so the message speaks of the deal; the store checks again inside
        # its transaction, which is what makes it safe against a second till.
        if deal.state.is_paid and refund_fee > left:
            raise RefundLimitError(
                f"deal {out_trade_no}: {refund_fee} fen asked, {left} fen left to refund"
            )
        number = new_out_refund_no(out_trade_no, len(refunds) + 1)
        return self._store.create_refund(
            out_trade_no, number, refund_fee, reason.strip(), self._clock(), stamp=stamp
        )

    def submit(self, out_refund_no: str) -> RefundProgress:
        """Send (or resend, identically) a stored refund; record what WeChat answered:
        :meth:`send`, then :meth:`record_sent`."""
        return self.record_sent(self.send(out_refund_no))

    def send(self, out_refund_no: str) -> Sent:
        """Call ``secapi/pay/refund`` for a stored refund; writes nothing (reads the store).

        An unknown outcome is resent with the same out_refund_no up to ``resend_attempts``
        times (the client already retries inside each attempt). A refund that is no longer
        PENDING or FAILED is not sent again.
        """
        refund = self._stored(out_refund_no)
        if refund.state not in (RefundState.PENDING, RefundState.FAILED):
            return Sent(refund)
        deal = self._deal(refund.out_trade_no)
        last: WeChatPayError | None = None
        for attempt in range(1, self._resend_attempts + 1):
            try:
                result = self._client.refund(
                    out_refund_no=refund.out_refund_no,
                    total_fee=deal.amount_fen,
                    refund_fee=refund.refund_fee,
                    out_trade_no=deal.out_trade_no,
                    transaction_id=None,
                    refund_desc=refund.reason or None,
                    notify_url=self._notify_url,
                )
            except OutcomeUnknown as exc:
                last = exc
                log.warning(
                    "refund %s attempt %d: outcome unknown (%s)",
                    out_refund_no,
                    attempt,
                    type(exc).__name__,
                )
                if attempt < self._resend_attempts:
                    self._sleep(self._resend_pause)
                continue
            except DefinitelyFailed as exc:
                return Sent(refund, error=exc)
            return Sent(refund, result=result)
        return Sent(refund, error=last)

    def record_sent(self, sent: Sent) -> RefundProgress:
        """Record what :meth:`send` brought back. Unknown after every attempt: the refund stays
        PENDING with ``last_error`` and :meth:`refresh` resolves it later."""
        refund, result = sent.refund, sent.result
        if isinstance(sent.error, DefinitelyFailed):
            return self._definitely_failed(refund, sent.error)
        if sent.error is not None:
            text = f"outcome unknown: {_describe(sent.error)}"
            return self._progress(self._note(refund, text), text)
        if result is None:
            return self._progress(refund)
        if result.out_refund_no != refund.out_refund_no or result.refund_fee != refund.refund_fee:
            # A signed answer about another refund or amount: not ours to record (§5.2).
            text = "the refund answer does not match the request"
            return self._progress(self._note(refund, text), text)
        updated = self._store.update_refund(
            refund.out_refund_no,
            state=RefundState.PROCESSING,
            now=self._clock(),
            refund_id=result.refund_id,
        )
        return self._progress(updated)

    def _note(self, refund: Refund, text: str) -> Refund:
        """Keep why the refund did not move on, as ``last_error``; its state stays."""
        return self._store.update_refund(
            refund.out_refund_no, state=refund.state, now=self._clock(), last_error=text
        )

    def _definitely_failed(self, refund: Refund, exc: DefinitelyFailed) -> RefundProgress:
        # Final for these parameters (§4.4: INVALID_REQUEST, NOTENOUGH, TRADE_OVERDUE...).
        # A FAILED refund no longer counts against what is left; resending the same
        # out_refund_no later (after NOTENOUGH is funded) is still allowed by the store.
        text = _describe(exc)
        updated = self._store.update_refund(
            refund.out_refund_no, state=RefundState.FAILED, now=self._clock(), last_error=text
        )
        return self._progress(updated, text)

    def refund(
        self, out_trade_no: str, refund_fee: int, reason: str, *, stamp: Stamp = NO_STAMP
    ) -> RefundProgress:
        """Prepare and submit: the manager's Refund button, in one call (run on a worker)."""
        refund = self.prepare(out_trade_no, refund_fee, reason, stamp=stamp)
        return self.submit(refund.out_refund_no)

    # -- following -------------------------------------------------------------------------------

    def refresh(self, out_refund_no: str) -> RefundProgress:
        """Ask ``refundquery`` once and record the answer (§3.6): :meth:`ask`, then
        :meth:`record_asked`; a PENDING refund WeChat Pay does not know is sent again."""
        progress = self.record_asked(self.ask(out_refund_no))
        return self.submit(out_refund_no) if progress is None else progress

    def ask(self, out_refund_no: str) -> Asked:
        """Call ``refundquery`` for a stored refund; writes nothing (reads the store). A refund
        already final (CHANGE aside, which a person may resolve) is not asked about."""
        refund = self._stored(out_refund_no)
        if refund.state in FINAL_STATES and refund.state is not RefundState.CHANGE:
            return Asked(refund)
        try:
            answer = self._client.refund_query(out_refund_no=out_refund_no)
        except WeChatPayError as exc:
            return Asked(refund, error=exc)
        return Asked(refund, answer=answer)

    def record_asked(self, asked: Asked) -> RefundProgress | None:
        """Record what :meth:`ask` brought back. None: WeChat Pay has no such refund and it is
        still PENDING, so the request never arrived: :meth:`send` it again, identically (§4.4)."""
        refund, error = asked.refund, asked.error
        if (
            isinstance(error, BusinessError)
            and error.err_code == "REFUNDNOTEXIST"
            and refund.state is RefundState.PENDING
        ):
            return None
        if error is not None:
            return self._progress(refund, _describe(error))
        if asked.answer is None:
            return self._progress(refund)
        number = refund.out_refund_no
        info = next((i for i in asked.answer.refunds if i.out_refund_no == number), None)
        if info is None:
            return self._progress(refund, "refundquery did not list this refund")
        return self._record(refund, info)

    def _record(self, refund: Refund, info: RefundInfo) -> RefundProgress:
        if info.refund_fee != refund.refund_fee:
            text = f"WeChat reports {info.refund_fee} fen for this refund, not {refund.refund_fee}"
            return self._progress(refund, text)
        state = _STATE_OF.get(info.status)
        if state is None:
            # §4.3: an unknown refund_status is "non-final, needs attention".
            return self._progress(refund, f"unknown refund status {info.status.value}")
        if state is refund.state and state is not RefundState.SUCCESS:
            return self._progress(refund)
        success = info.success_time if state is RefundState.SUCCESS else None
        if state is RefundState.SUCCESS and success is None:
            success = self._clock()
        updated = self._store.update_refund(
            refund.out_refund_no,
            state=state,
            now=self._clock(),
            refund_id=info.refund_id,
            success_time=success,
        )
        return self._progress(updated)

    def follow(
        self,
        out_refund_no: str,
        *,
        timeout: float = 60.0,
        interval: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> RefundProgress:
        """Query until the refund is final or ``timeout`` seconds passed (then not final)."""
        deadline = monotonic() + timeout
        progress = self.refresh(out_refund_no)
        while not progress.is_final and monotonic() < deadline:
            self._sleep(interval)
            progress = self.refresh(out_refund_no)
        return progress

    def refund_and_follow(
        self,
        out_trade_no: str,
        refund_fee: int,
        reason: str,
        *,
        timeout: float = 30.0,
        interval: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> RefundProgress:
        """The manager's Refund button, in one call (run it on a worker): store the refund,
        send it, then follow it with ``refundquery`` until it is final or ``timeout`` seconds
        passed (§3.5, §3.6). A refund WeChat refused, or that the store refused before
        anything was sent (:class:`~pos.errors.RefundLimitError`), is not followed."""
        progress = self.refund(out_trade_no, refund_fee, reason)
        if progress.is_final:
            return progress
        return self.follow(
            progress.refund.out_refund_no, timeout=timeout, interval=interval, monotonic=monotonic
        )

    def apply_notification(self, body: bytes, merchants: MerchantLookup) -> RefundProgress:
        """A refund notification (from WeChat, or passed on by the relay), decrypted with our
        own key (§3.7) and checked against the stored refund before it is recorded.

        NotificationError: not decryptable, not ours, or its amounts disagree with the store.
        """
        notice = parse_refund_notification(body, merchants)
        refund = self._store.get_refund(notice.out_refund_no)
        if refund is None:
            raise NotificationError("unknown out_refund_no")
        deal = self._deal(refund.out_trade_no)
        if (
            notice.out_trade_no != deal.out_trade_no
            or notice.refund_fee != refund.refund_fee
            or notice.total_fee != deal.amount_fen
        ):
            raise NotificationError("refund notification does not match the stored refund")
        info = RefundInfo(
            out_refund_no=notice.out_refund_no,
            refund_id=notice.refund_id,
            refund_fee=notice.refund_fee,
            status=notice.status,
            success_time=notice.success_time,
            recv_account=notice.recv_account,
        )
        return self._record(refund, info)

    def resume_unfinished(self) -> list[RefundProgress]:
        """At start-up: resend what may never have left, query what is being processed."""
        # refresh() resends a PENDING refund WeChat does not know (REFUNDNOTEXIST, §4.4).
        return [self.refresh(refund.out_refund_no) for refund in self._store.unfinished_refunds()]

    def _stored(self, out_refund_no: str) -> Refund:
        refund = self._store.get_refund(out_refund_no)
        if refund is None:
            raise RefundLimitError(f"no refund {out_refund_no}")
        return refund


def _describe(exc: WeChatPayError) -> str:
    """err_code (or return_msg) and its text; never a key or a request body (§5.3)."""
    if isinstance(exc, BusinessError):
        return f"{exc.err_code} {exc.err_code_des}".strip()
    if isinstance(exc, RequestRejected):
        return exc.return_msg
    code = getattr(exc, "err_code", None)
    return f"{type(exc).__name__}{' ' + code if code else ''}"


def beijing_text(moment: datetime | None) -> str:
    """``2026-11-24 13:00:12`` (Beijing), or "" — for messages and reports."""
    return "" if moment is None else moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")

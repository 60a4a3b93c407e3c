"""Runs one checkout's commands against a client and the store, synchronously."""

from __future__ import annotations

import heapq
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from pos.checkout import paycode
from pos.checkout.client import PayClient, order_body
from pos.checkout.code import CodeCheckout
from pos.checkout.messages import (
    NETWORK_COMMANDS,
    CheckoutConfig,
    CloseOrder,
    Command,
    CreateOrder,
    Event,
    Finish,
    Micropay,
    MicropayAnswered,
    MicropayFailed,
    NetworkCommand,
    Notice,
    OrderClosed,
    OrderCloseFailed,
    OrderCreated,
    OrderCreateFailed,
    OrderQueried,
    OrderQueryFailed,
    OrderReversed,
    OrderReverseFailed,
    QueryOrder,
    ReverseOrder,
    SendReport,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    State,
    Tick,
    Transition,
)
from pos.checkout.native import Checkout
from pos.clock import Clock, Sleep
from pos.errors import (
    PaymentCodeRefused,
    StoreError,
    WeChatPayError,
)
from pos.store import NO_STAMP, Deal, PaymentMethod, Stamp

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the window imports this package before its paint

log = logging.getLogger(__name__)


class Machine(Protocol):
    """What the session needs of a machine: :class:`Checkout` (the shop's QR) or
    :class:`~pos.checkout.code.CodeCheckout` (the customer's payment code)."""

    deal: Deal
    state: State
    clock: Clock
    #: when the clerk's wait ends (a Tick at or after it makes the machine act)
    deadline: datetime | None

    def start(self) -> list[Command]: ...

    def handle(self, event: Event) -> list[Command]: ...

    def is_current(self, command: NetworkCommand) -> bool: ...


# ------------------------------------------------------------------- session


class CheckoutSession:
    """Runs one machine (:class:`Checkout` or :class:`CodeCheckout`) against a client and the
    store, synchronously.

    Thread-safe: :meth:`handle` and :meth:`perform` may be called from different worker
    threads; the network call in :meth:`perform` runs outside the lock.
    """

    def __init__(
        self,
        machine: Machine,
        *,
        client: PayClient,
        store: Store,
        auth_code: str | None = None,
    ) -> None:
        self.machine = machine
        self.client = client
        self.store = store
        self._lock = threading.RLock()
        self._is_started = False
        # The scanned code, in memory only, until its one micropay takes it (a credential).
        self._auth_code = auth_code

    @classmethod
    def begin(
        cls,
        *,
        store: Store,
        client: PayClient,
        amount_fen: int,
        product: str,
        till_id: str,
        sign_type: str,
        config: CheckoutConfig,
        clock: Clock,
        stamp: Stamp = NO_STAMP,
    ) -> CheckoutSession:
        """Mint the out_trade_no and store the deal CREATED (no network yet), stamped with
        the clerk and shift at the till (``pos.shop.Desk.stamp``). Then :meth:`start`.

        time_start/time_expire are fixed here, in whole seconds as on the wire, and reused
        by every retry (§4.6). Raises ``StoreError`` (``DiskFullError``) if the deal could
        not be stored: then nothing was sent and nothing is owed.
        """
        now = clock().replace(microsecond=0)
        number = store.new_out_trade_no(till_id, now)
        deal = store.create_deal(
            out_trade_no=number,
            amount_fen=amount_fen,
            product=product,
            till_id=till_id,
            time_start=now,
            time_expire=now + config.order_validity(),
            sign_type=sign_type,
            now=now,
            stamp=stamp,
        )
        return cls(
            Checkout.for_new_deal(deal, config=config, clock=clock), client=client, store=store
        )

    @classmethod
    def begin_code(
        cls,
        *,
        store: Store,
        client: PayClient,
        amount_fen: int,
        product: str,
        till_id: str,
        sign_type: str,
        config: CheckoutConfig,
        clock: Clock,
        auth_code: str,
        stamp: Stamp = NO_STAMP,
    ) -> CheckoutSession:
        """The customer's payment code was scanned (or typed): the payment-code sibling of
        :meth:`begin`, called the same way. Then :meth:`start` sends its one micropay.

        The code is checked first: another wallet's code, something that is no code, or a
        code this till already took for another deal raise :class:`PaymentCodeRefused`
        (``reason`` is the Notice) with nothing stored or sent. Then the out_trade_no is
        minted and the deal stored CREATED (method MICROPAY) with the code masked and its
        salted fingerprint, never the code itself, which the session holds in memory for
        its one micropay. StoreError as :meth:`begin`; ``stamp`` as there.
        """
        code = auth_code.strip()
        refusal = paycode.refusal(code)
        if refusal is not None:
            raise PaymentCodeRefused(
                f"not a WeChat payment code ({paycode.classify(code)}): {paycode.mask(code)}",
                reason=refusal.value,
            )
        fingerprint = paycode.fingerprint(code, store.install_secret(paycode.SALT_SETTING))
        used = store.deal_with_code(fingerprint)
        if used is not None:
            raise PaymentCodeRefused(
                f"this payment code was already used for {used.out_trade_no}",
                reason=Notice.CODE_REUSED.value,
            )
        now = clock().replace(microsecond=0)
        number = store.new_out_trade_no(till_id, now)
        deal = store.create_deal(
            out_trade_no=number,
            amount_fen=amount_fen,
            product=product,
            till_id=till_id,
            time_start=now,
            # micropay sends no time_expire; this records how long the clerk waits at most.
            time_expire=now + timedelta(seconds=config.password_wait + config.reverse_min_age),
            sign_type=sign_type,
            now=now,
            method=PaymentMethod.MICROPAY,
            code_masked=paycode.mask(code),
            code_fingerprint=fingerprint,
            stamp=stamp,
        )
        machine = CodeCheckout.for_new_deal(deal, config=config, clock=clock)
        return cls(machine, client=client, store=store, auth_code=code)

    @classmethod
    def resume(
        cls, deal: Deal, *, store: Store, client: PayClient, config: CheckoutConfig, clock: Clock
    ) -> CheckoutSession:
        """A session for an unfinished deal found at start-up (starts in RECOVERING): the
        payment-code machine for a MICROPAY deal (query, then reverse if unpaid), the QR's
        for the others. The code is long gone: no micropay is ever sent again."""
        machine: Machine
        if deal.method is PaymentMethod.MICROPAY:
            machine = CodeCheckout.for_recovery(deal, config=config, clock=clock)
        else:
            machine = Checkout.for_recovery(deal, config=config, clock=clock)
        return cls(machine, client=client, store=store)

    @property
    def out_trade_no(self) -> str:
        return self.machine.deal.out_trade_no

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def deal(self) -> Deal:
        """The deal as last stored."""
        return self.machine.deal

    @property
    def is_finished(self) -> bool:
        return self.machine.state.is_final

    def start(self) -> list[Command]:
        """Start the machine; returns the commands for the caller (no Transition among them)."""
        with self._lock:
            if self._is_started:
                raise RuntimeError("this session has already started")
            self._is_started = True
            return self._apply(self.machine.start())

    def handle(self, event: Event) -> list[Command]:
        """Feed an event from outside (cancel, notification, tick); store writes are applied."""
        with self._lock:
            return self._apply(self.machine.handle(event))

    def perform(self, command: NetworkCommand, *, client: PayClient | None = None) -> list[Command]:
        """Carry out one network command now (its delay already waited) and feed the result
        back: :meth:`call`, then :meth:`handle`; returns the follow-up commands. A superseded
        command does nothing."""
        event = self.call(command, client=client)
        return [] if event is None else self.handle(event)

    def call(self, command: NetworkCommand, *, client: PayClient | None = None) -> Event | None:
        """Make the call of one network command and return WeChat Pay's answer as an event,
        for :meth:`handle`; None when the command was superseded (nothing is sent). Touches
        no store: the window calls on a network thread and records the answer on its database
        thread. ``client``: another client for this call (one that gives up sooner, for a deal
        in the background)."""
        with self._lock:
            if not self.machine.is_current(command):
                return None
            deal = self.machine.deal
            auth_code = None
            if isinstance(command, Micropay):
                # Taken under the lock: a second call of the command finds no code.
                auth_code, self._auth_code = self._auth_code, None
                if auth_code is None:
                    return None
        return self._call(command, deal, client or self.client, auth_code)

    def send_report(self, command: SendReport, *, client: PayClient | None = None) -> None:
        """Send ``payitil/report`` for the scan (run it in the background: nobody waits for
        it). Best effort: WeChat Pay's failure is logged, never raised; a bug still is."""
        try:
            (client or self.client).report([command.trade], device_info=self.deal.till_id)
        except WeChatPayError as exc:
            log.warning(
                "payitil/report not sent: %s",
                exc,
                extra={"out_trade_no": command.trade.out_trade_no},
            )

    def _call(
        self, command: NetworkCommand, deal: Deal, client: PayClient, auth_code: str | None
    ) -> Event:
        # Only WeChat Pay's outcomes (the PosError tree) become events. Anything else is a bug
        # and goes up to whoever runs the session: turned into "outcome unknown" it would be
        # asked again and again, a bug dressed as a network problem. The deal stays stored
        # unfinished; start-up recovery settles it.
        match command:
            case CreateOrder():
                try:
                    result = client.unified_order(
                        out_trade_no=deal.out_trade_no,
                        total_fee=deal.amount_fen,
                        body=order_body(deal.product),
                        time_start=deal.time_start,
                        time_expire=deal.time_expire,
                        device_info=deal.till_id,
                    )
                except WeChatPayError as exc:
                    return OrderCreateFailed(exc, command.seq)
                return OrderCreated(result, command.seq)
            case QueryOrder():
                try:
                    status = client.order_query(out_trade_no=deal.out_trade_no)
                except WeChatPayError as exc:
                    return OrderQueryFailed(exc, command.seq)
                return OrderQueried(status, command.seq)
            case CloseOrder():
                try:
                    client.close_order(out_trade_no=deal.out_trade_no)
                except WeChatPayError as exc:
                    return OrderCloseFailed(exc, command.seq)
                return OrderClosed(command.seq)
            case Micropay():
                assert auth_code is not None
                try:
                    charged = client.micropay(
                        out_trade_no=deal.out_trade_no,
                        total_fee=deal.amount_fen,
                        body=order_body(deal.product),
                        auth_code=auth_code,
                        device_info=deal.till_id,
                    )
                except WeChatPayError as exc:
                    return MicropayFailed(exc, command.seq)
                return MicropayAnswered(charged, command.seq)
            case ReverseOrder():
                try:
                    reversed_ = client.reverse(out_trade_no=deal.out_trade_no)
                except WeChatPayError as exc:
                    return OrderReverseFailed(exc, command.seq)
                return OrderReversed(reversed_.recall, command.seq)
        raise TypeError(f"not a network command: {command!r}")  # pragma: no cover

    def _apply(self, commands: list[Command]) -> list[Command]:
        """Write Transitions to the store (in order); hand the rest on with the fresh deal."""
        out: list[Command] = []
        for command in commands:
            match command:
                case Transition():
                    out += self._write(command)
                case ShowPaid():
                    out.append(ShowPaid(self.machine.deal))
                case ShowLatePayment():
                    out.append(ShowLatePayment(self.machine.deal))
                case Finish():
                    out.append(Finish(command.state, self.machine.deal))
                case _:
                    out.append(command)
        return out

    def _write(self, transition: Transition) -> list[Command]:
        deal = self.machine.deal
        try:
            self.machine.deal = self.store.transition(
                deal.out_trade_no,
                transition.to_state,
                reason=transition.reason,
                now=self.machine.clock(),
                **transition.changes,
            )
        except StoreError as exc:
            # The payment itself does not wait for the disk: the clerk still sees the truth,
            # and start-up recovery reconciles the stored deal with WeChat Pay later.
            fields = {k: v for k, v in transition.changes.items() if hasattr(deal, k)}
            self.machine.deal = replace(deal, state=transition.to_state, **fields)  # type: ignore[arg-type]
            return [
                ShowMessage(Notice.STORE_ERROR, f"Could not save the deal: {exc}", is_alarm=True)
            ]
        return []

    def run(
        self,
        *,
        sleep: Sleep,
        inbox: Callable[[], Sequence[Event]] | None = None,
        on_command: Callable[[Command], None] | None = None,
        commands: Sequence[Command] = (),
        max_steps: int = 100_000,
    ) -> Deal:
        """Run to the end: wait each network command's delay with ``sleep``, perform it, send
        each report once the commands with it are handed on, and pass every other command to
        ``on_command``. ``inbox`` is polled between steps for
        outside events (cancel, notifications). ``commands`` are those already returned by
        :meth:`start`/:meth:`handle`/:meth:`perform` and not yet carried out (for a session
        driven by hand so far, or one from :func:`recover_unfinished`); the session starts
        itself if nobody did. Returns the deal as last stored (final, unless ``max_steps``
        ran out first)."""
        pending: list[tuple[datetime, int, NetworkCommand]] = []
        order = 0

        def dispatch(commands: list[Command]) -> None:
            nonlocal order
            reports: list[SendReport] = []
            for command in commands:
                if isinstance(command, NETWORK_COMMANDS):
                    due = self.machine.clock() + timedelta(seconds=command.delay)
                    order += 1
                    heapq.heappush(pending, (due, order, command))
                elif isinstance(command, SendReport):
                    reports.append(command)
                elif on_command is not None:
                    on_command(command)
            for report in reports:
                self.send_report(report)

        def drain_inbox() -> None:
            if inbox is not None:
                for event in inbox():
                    dispatch(self.handle(event))

        dispatch(list(commands))
        if not self._is_started:
            dispatch(self.start())
        for _ in range(max_steps):
            drain_inbox()
            if self.is_finished or not pending:
                break
            due, _order, command = heapq.heappop(pending)
            wait = (due - self.machine.clock()).total_seconds()
            if wait > 0:
                sleep(wait)
                drain_inbox()
                dispatch(self.handle(Tick()))
            dispatch(self.perform(command))
        return self.deal

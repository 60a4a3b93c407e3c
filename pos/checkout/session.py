"""Runs one checkout's commands against a client and the store, synchronously."""

from __future__ import annotations

import heapq
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pos.checkout.client import PayClient, order_body
from pos.checkout.messages import (
    CheckoutConfig,
    CloseOrder,
    Command,
    CreateOrder,
    Event,
    Finish,
    NetworkCommand,
    Notice,
    OrderClosed,
    OrderCloseFailed,
    OrderCreated,
    OrderCreateFailed,
    OrderQueried,
    OrderQueryFailed,
    QueryOrder,
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
    StoreError,
    WeChatPayError,
)
from pos.store import NO_STAMP, Deal, Stamp

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the window imports this package before its paint

log = logging.getLogger(__name__)


# ------------------------------------------------------------------- session


class CheckoutSession:
    """Runs one :class:`Checkout` against a client and the store, synchronously.

    Thread-safe: :meth:`handle` and :meth:`perform` may be called from different worker
    threads; the network call in :meth:`perform` runs outside the lock.
    """

    def __init__(self, machine: Checkout, *, client: PayClient, store: Store) -> None:
        self.machine = machine
        self.client = client
        self.store = store
        self._lock = threading.RLock()
        self._is_started = False

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
    def resume(
        cls, deal: Deal, *, store: Store, client: PayClient, config: CheckoutConfig, clock: Clock
    ) -> CheckoutSession:
        """A session for an unfinished deal found at start-up (starts in RECOVERING)."""
        return cls(
            Checkout.for_recovery(deal, config=config, clock=clock), client=client, store=store
        )

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
        back; returns the follow-up commands. A superseded command does nothing. ``client``:
        another client for this call (one that gives up sooner, for a deal in the background)."""
        with self._lock:
            if not self.machine.is_current(command):
                return []
            deal = self.machine.deal
        event = self._call(command, deal, client or self.client)
        return self.handle(event)

    def _call(self, command: NetworkCommand, deal: Deal, client: PayClient) -> Event:
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
        """Run to the end: wait each network command's delay with ``sleep``, perform it, and
        pass every other command to ``on_command``. ``inbox`` is polled between steps for
        outside events (cancel, notifications). ``commands`` are those already returned by
        :meth:`start`/:meth:`handle`/:meth:`perform` and not yet carried out (for a session
        driven by hand so far, or one from :func:`recover_unfinished`); the session starts
        itself if nobody did. Returns the deal as last stored (final, unless ``max_steps``
        ran out first)."""
        pending: list[tuple[datetime, int, NetworkCommand]] = []
        order = 0

        def dispatch(commands: list[Command]) -> None:
            nonlocal order
            for command in commands:
                if isinstance(command, CreateOrder | QueryOrder | CloseOrder):
                    due = self.machine.clock() + timedelta(seconds=command.delay)
                    order += 1
                    heapq.heappush(pending, (due, order, command))
                elif on_command is not None:
                    on_command(command)

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

"""Tills' deals for the shop server's tests: stores filled with deals, a fake server, a clock."""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from pos.store import Deal, DealState, RefundState, Store
from pos.sync.wire import Ack, Batch, parse_batch

PG_URL = os.environ.get("POS_TEST_PG_URL", "")
#: The shop server's databases this machine has; PostgreSQL where POS_TEST_PG_URL names one.
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]
#: Noon in Beijing on a fixed day: every deal of a test falls in that business day.
NOON = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
_transactions = itertools.count(1)


def sell(
    store: Store,
    till: str,
    amount_fen: int = 2550,
    *,
    at: datetime = NOON,
    state: DealState = DealState.PAID,
) -> Deal:
    """One deal taken to ``state`` (PAID, CLOSED or left ORDERED) as a checkout would."""
    number = store.new_out_trade_no(till, at)
    store.create_deal(
        out_trade_no=number,
        amount_fen=amount_fen,
        product="咖啡",
        till_id=till,
        time_start=at,
        time_expire=at + timedelta(minutes=2),
        sign_type="MD5",
        now=at,
    )
    deal = store.transition(
        number, DealState.ORDERED, reason="ordered", now=at, code_url="weixin://wxpay/x"
    )
    if state is DealState.PAID:
        deal = store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=at + timedelta(seconds=5),
            transaction_id=f"42{next(_transactions):026d}",
            paid_at=at + timedelta(seconds=5),
        )
    elif state is DealState.CLOSED:
        deal = store.transition(number, DealState.CLOSED, reason="closed", now=at)
    return deal


def refund(store: Store, deal: Deal, fee: int, *, at: datetime = NOON) -> None:
    """A refund of ``fee`` that succeeds."""
    number = f"RF{deal.out_trade_no}{fee}"
    store.create_refund(deal.out_trade_no, number, fee, "退货", at)
    store.update_refund(
        number,
        state=RefundState.SUCCESS,
        now=at + timedelta(seconds=1),
        refund_id=f"50{next(_transactions):026d}",
        success_time=at + timedelta(seconds=1),
    )


MCH_ID = "10000100"
TOKEN = "till-secret-0123456789abcdef"


@dataclass
class FakeServer:
    """Answers each batch with an Ack of its highest sequences, or with ``status``."""

    status: int = 200
    batches: list[Batch] = field(default_factory=list)
    error: Exception | None = None
    body: bytes | None = None

    def handle(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        if self.error is not None:
            raise self.error
        if self.status != 200:
            return httpx.Response(self.status, json={"error": "refused for a reason"})
        batch = parse_batch(request.content)
        self.batches.append(batch)
        ack = Ack(
            history_seq=max((r.seq for r in batch.history), default=0),
            record_seq=max((r.seq for r in batch.records), default=0),
            deals=len(batch.deals),
        )
        return httpx.Response(200, content=self.body if self.body is not None else ack.to_json())


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """A fresh, empty relay database: a SQLite file, or a new PostgreSQL database."""
    if backend == "sqlite":
        yield str(folder / f"relay-{secrets.token_hex(4)}.db")
        return
    import psycopg

    name = f"shop_test_{secrets.token_hex(6)}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

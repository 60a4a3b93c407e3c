"""The shop server's routes for the tills' data: their batches in, the shop's day out.

``POST /till/v1/sync`` takes one till's batch (``pos.sync.wire``), authenticated by the
till's bearer token as ``/events`` is; ``GET /shop/v1/day`` and ``GET /shop/v1/records``
give the shop's day (every till of the caller's merchant). A till sends only its own data:
its own name and its own merchant, else 403 and nothing is stored. The database work runs
on threads of its own (one writer, one reader), never on the event loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import re
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, TypeVar

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pos.clock import BusinessDay
from pos.errors import StoreError
from pos.relay import paths
from pos.relay.shopdata import ShopData, day_rows
from pos.sync.wire import (
    KIND_FORM,
    Batch,
    WireError,
    parse_batch,
    time_text,
)

log = logging.getLogger("pos.relay")

_T = TypeVar("_T")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_JSON_HEADERS = {"Cache-Control": "no-store"}


class Till(Protocol):
    """A till as the relay knows it once its token is checked."""

    @property
    def name(self) -> str: ...

    @property
    def mch_id(self) -> str: ...


TillFinder = Callable[[Request], Till | None]


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def _unauthorized() -> JSONResponse:
    return _error(401, "unauthorized", **{"WWW-Authenticate": "Bearer"})


def refusal(till: Till, batch: Batch) -> str | None:
    """Why ``till`` may not send ``batch`` (another till's or merchant's data), or None."""
    if batch.till != till.name:
        return f"this token is till {till.name}'s, not {batch.till}'s"
    if batch.mch_id != till.mch_id:
        return f"till {till.name} sends for merchant {till.mch_id} only"
    stray = next((deal for deal in batch.deals if deal.mch_id != till.mch_id), None)
    if stray is not None:
        return f"deal {stray.out_trade_no} is another merchant's"
    return None


class ShopIntake:
    """The routes and their database threads; started and stopped with the relay."""

    def __init__(
        self, database_url: str, till_for: TillFinder, business_day: BusinessDay, max_bytes: int
    ) -> None:
        self.database_url = database_url
        self.till_for = till_for
        self.business_day = business_day
        self.max_bytes = max_bytes
        self.data: ShopData | None = None
        # Writes in one line (one transaction at a time, no lock waits); reads beside them.
        self._writer: concurrent.futures.ThreadPoolExecutor | None = None
        self._reader: concurrent.futures.ThreadPoolExecutor | None = None

    def routes(self) -> list[Route]:
        return [
            Route(paths.TILL_SYNC, self.sync, methods=["POST"]),
            Route(paths.SHOP_DAY, self.day, methods=["GET"]),
            Route(paths.SHOP_RECORDS, self.records, methods=["GET"]),
        ]

    async def start(self) -> None:
        self._writer = concurrent.futures.ThreadPoolExecutor(1, "relay-shop-writer")
        self._reader = concurrent.futures.ThreadPoolExecutor(1, "relay-shop-reader")
        data = ShopData(self.database_url)
        await self._run(self._writer, data.create_schema)
        self.data = data

    async def stop(self) -> None:
        data, self.data = self.data, None
        for pool in (self._writer, self._reader):
            if pool is None:
                continue
            if data is not None:
                # Peewee's connections are per thread: each closes its own.
                await self._run(pool, data.close)
            pool.shutdown(wait=True)
        self._writer = self._reader = None

    @staticmethod
    async def _run(
        pool: concurrent.futures.ThreadPoolExecutor | None,
        function: Callable[..., _T],
        *args: Any,
    ) -> _T:
        if pool is None:
            raise StoreError("the shop server is not running")
        return await asyncio.get_running_loop().run_in_executor(pool, function, *args)

    async def _body(self, request: Request) -> bytes | None:
        """The body, or None as soon as it is known to be over the cap (never buffer more)."""
        length = request.headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > self.max_bytes):
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def sync(self, request: Request) -> Response:
        till = self.till_for(request)
        if till is None:
            log.warning("relay sync refused till=unknown reason=bad-token")
            return _unauthorized()
        try:
            body = await self._body(request)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody to answer; the till sends it again
        if body is None:
            log.warning("relay sync refused till=%s reason=too-large", till.name)
            return _error(413, f"a batch is at most {self.max_bytes} bytes: send smaller ones")
        try:
            batch = parse_batch(body)
        except WireError as exc:
            log.warning("relay sync refused till=%s reason=malformed", till.name)
            return _error(400, str(exc))
        why = refusal(till, batch)
        if why is not None:
            log.warning("relay sync refused till=%s reason=not-its-own %s", till.name, why)
            return _error(403, why)
        data = self.data
        try:
            if data is None:
                raise StoreError("the shop server is not running")
            ack = await self._run(self._writer, data.take, till.name, batch)
        except StoreError as exc:
            log.error("relay sync not stored till=%s error=%s", till.name, exc)
            return _error(503, "the shop server cannot store it now: try again later")
        log.info(
            "relay sync stored till=%s history_seq=%d deals=%d refunds=%d records=%d stale=%d "
            "conflicts=%s",
            till.name,
            ack.history_seq,
            ack.deals,
            ack.refunds,
            len(batch.records),
            ack.stale,
            ",".join(ack.conflicts) or "-",
        )
        return Response(ack.to_json(), media_type="application/json", headers=_JSON_HEADERS)

    def _day_of(self, request: Request) -> date | None:
        text = request.query_params.get("date", "")
        if not _DATE.fullmatch(text):
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None

    async def day(self, request: Request) -> Response:
        till = self.till_for(request)
        if till is None:
            return _unauthorized()
        day = self._day_of(request)
        if day is None:
            return _error(400, "date must be a day in YYYY-MM-DD form")
        start, end = self.business_day.bounds(day)
        data = self.data
        try:
            if data is None:
                raise StoreError("the shop server is not running")
            deals = await self._run(self._reader, data.day, till.mch_id, start, end)
        except StoreError as exc:
            log.error("relay shop day not read till=%s error=%s", till.name, exc)
            return _error(503, "the shop server cannot read its data now: try again later")
        body = {
            "date": day.isoformat(),
            "mch_id": till.mch_id,
            "start": time_text(start),
            "end": time_text(end),
            "deals": day_rows(deals),
        }
        return JSONResponse(body, headers=_JSON_HEADERS)

    async def records(self, request: Request) -> Response:
        till = self.till_for(request)
        if till is None:
            return _unauthorized()
        day = self._day_of(request)
        kind = request.query_params.get("kind", "")
        if day is None or not KIND_FORM.fullmatch(kind):
            return _error(400, "kind (a record kind) and date (YYYY-MM-DD) are required")
        start, end = self.business_day.bounds(day)
        data = self.data
        try:
            if data is None:
                raise StoreError("the shop server is not running")
            rows = await self._run(self._reader, data.records, till.mch_id, kind, start, end)
        except StoreError as exc:
            log.error("relay shop records not read till=%s error=%s", till.name, exc)
            return _error(503, "the shop server cannot read its data now: try again later")
        body = {
            "date": day.isoformat(),
            "kind": kind,
            "records": [
                {
                    "till": row.till,
                    "kind": row.kind,
                    "key": row.key,
                    "at": time_text(row.at),
                    "payload": dict(row.payload),
                }
                for row in rows
            ],
        }
        return JSONResponse(body, headers=_JSON_HEADERS)

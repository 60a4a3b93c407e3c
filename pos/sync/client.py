"""ShopServerClient: the till's calls to the shop server (``pos relay``) over httpx.

Every failure is one of two (:mod:`pos.errors`): ShopServerUnreachable (no answer, a
timeout, a 5xx: the data stays in the outbox and goes later) or ShopServerRefused (401, 403,
400, 413: a setting to fix). The token goes in the Authorization header only, never in a
URL, a log line or an error.
"""

from __future__ import annotations

import logging
from datetime import date
from types import TracebackType

import httpx

from pos.errors import ShopServerRefused, ShopServerUnreachable
from pos.sync.wire import (
    DAY_PATH,
    RECORDS_PATH,
    SYNC_PATH,
    Ack,
    Batch,
    ShopDeal,
    ShopRecordRow,
    WireError,
    parse_ack,
    parse_day,
    parse_records,
)

log = logging.getLogger("pos.sync")

#: Seconds to connect, and to wait for an answer (a batch of 500 deals is committed in well
#: under a second; a server slower than this is treated as down, and the batch sent again).
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0

_REFUSALS = {
    400: "the shop server cannot read what this till sent",
    401: "the shop server does not know this till's token (settings: till token)",
    403: "the shop server refused this till's data (settings: till id and merchant)",
    404: "the shop server does not take tills' data (is it a relay of this version?)",
    413: "the shop server refused a batch as too large",
}


class ShopServerClient:
    """One till's connection to the shop server. Thread-safe (one httpx.Client)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout or httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            transport=transport,
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"<ShopServerClient {self.base_url}>"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> ShopServerClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, method: str, path: str, **options: object) -> httpx.Response:
        try:
            response = self._client.request(method, path, **options)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise ShopServerUnreachable(
                f"the shop server {self.base_url} cannot be reached: {type(exc).__name__}"
            ) from None
        status = response.status_code
        if status >= 500 or status in (408, 429):
            raise ShopServerUnreachable(
                f"the shop server {self.base_url} answered {status}: try again later",
                status_code=status,
            )
        if status != 200:
            reason = _REFUSALS.get(status, f"the shop server answered {status}")
            detail = _error_text(response)
            raise ShopServerRefused(
                f"{reason}{': ' + detail if detail else ''}", status_code=status
            )
        return response

    def push(self, batch: Batch) -> Ack:
        """Send one batch; the server's Ack once it is committed."""
        response = self._call(
            "POST",
            SYNC_PATH,
            content=batch.to_json(),
            headers={"Content-Type": "application/json"},
        )
        try:
            return parse_ack(response.content)
        except WireError as exc:
            # Not committed as far as we know: the batch stays, and is sent again (idempotent).
            raise ShopServerUnreachable(f"the shop server's answer is unreadable: {exc}") from None

    def day(self, day: date) -> list[ShopDeal]:
        """The shop's deals of ``day`` (the server's business day), every till."""
        response = self._call("GET", DAY_PATH, params={"date": day.isoformat()})
        try:
            return parse_day(response.content)
        except WireError as exc:
            raise ShopServerUnreachable(f"the shop server's day is unreadable: {exc}") from None

    def records(self, kind: str, day: date) -> list[ShopRecordRow]:
        """The shop records of ``kind`` made on ``day``, every till."""
        response = self._call("GET", RECORDS_PATH, params={"kind": kind, "date": day.isoformat()})
        try:
            return parse_records(response.content)
        except WireError as exc:
            raise ShopServerUnreachable(
                f"the shop server's records are unreadable: {exc}"
            ) from None


def _error_text(response: httpx.Response) -> str:
    """The server's one-line reason (``{"error": ...}``), cut short; never the request."""
    try:
        text = response.json().get("error", "")
    except (ValueError, AttributeError):
        return ""
    return " ".join(str(text).split())[:200]

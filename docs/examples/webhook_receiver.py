"""A receiver of the relay's webhooks (Starlette): checks signatures, refuses replays, dedupes.

Run it where the shop's other system lives (the secret is the one of ``[[relay.webhooks]]``)::

    WEBHOOK_SECRET=... python docs/examples/webhook_receiver.py --port 8080 --database seen.sqlite3

and point the relay at ``http://HOST:8080/webhooks/pos``. It needs only Starlette and uvicorn
(``pip install starlette uvicorn``); nothing of the cashier. What it does, in order:

1. reads the raw body (at most 64 KiB): the signature is over these bytes, not over parsed JSON;
2. refuses (401) a timestamp more than five minutes away from its clock: an old delivery
   captured on the way cannot be sent again later;
3. refuses (401) a signature that is not ``sha256=`` + HMAC-SHA256(secret, timestamp + "." +
   body), compared with :func:`hmac.compare_digest` (constant time);
4. handles each delivery id once: the id is recorded in the same SQLite transaction as the
   handling, so a repeat (the relay delivers at least once) is answered 200 and not handled
   again, and a handler that fails records nothing (answered 500: the relay tries again).

Put your own work in ``handle`` (update the ERP, tell the mini-program's backend); work done
in the same database as the recorded ids happens exactly once.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("webhook_receiver")

#: How far (seconds) a delivery's timestamp may be from this machine's clock.
TOLERANCE_SECONDS = 300
MAX_BODY_BYTES = 64 * 1024
PATH = "/webhooks/pos"

Handler = Callable[[sqlite3.Connection, dict[str, Any]], None]


def problem_with(
    secret: str, timestamp: str, body: bytes, signature: str, *, now: float, tolerance: float
) -> str | None:
    """Why this delivery must be refused, or None when it is genuine and recent."""
    if not (timestamp.isascii() and timestamp.isdigit()):
        return "no timestamp"
    if abs(now - int(timestamp)) > tolerance:
        return "timestamp too old (or too far ahead)"
    expected = hmac.new(
        secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256
    ).hexdigest()
    # Both sides as bytes: compare_digest refuses non-ASCII text, which a forger may send.
    if not hmac.compare_digest(("sha256=" + expected).encode(), signature.encode("utf-8")):
        return "bad signature"
    return None


class Deliveries:
    """The ids of the deliveries handled (SQLite), each recorded in its handling's transaction."""

    def __init__(self, path: str) -> None:
        # One connection, used under a lock: Starlette runs the handler on a thread pool.
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._connection.execute(
            "CREATE TABLE IF NOT EXISTS handled (id TEXT PRIMARY KEY, handled_at REAL NOT NULL)"
        )

    def handle_once(self, event: dict[str, Any], handle: Handler) -> bool:
        """Run ``handle`` for ``event`` unless its id was handled before; True if it ran."""
        with self._lock:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                cursor = connection.execute(
                    "INSERT OR IGNORE INTO handled (id, handled_at) VALUES (?, ?)",
                    (event["id"], time.time()),
                )
                if cursor.rowcount == 0:
                    connection.execute("ROLLBACK")
                    return False
                handle(connection, event)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return True

    def close(self) -> None:
        self._connection.close()


def create_app(
    secret: str,
    deliveries: Deliveries,
    handle: Handler,
    *,
    tolerance: float = TOLERANCE_SECONDS,
    clock: Callable[[], float] = time.time,
) -> Starlette:
    """The receiver: POST ``/webhooks/pos``."""

    async def receive(request: Request) -> JSONResponse:
        length = request.headers.get("content-length", "")
        if not length.isdigit():
            return JSONResponse({"error": "no Content-Length"}, status_code=411)
        if int(length) > MAX_BODY_BYTES:
            return JSONResponse({"error": "body too large"}, status_code=413)
        body = await request.body()
        problem = problem_with(
            secret,
            request.headers.get("x-pos-timestamp", ""),
            body,
            request.headers.get("x-pos-signature", ""),
            now=clock(),
            tolerance=tolerance,
        )
        if problem is not None:
            log.warning("webhook refused: %s", problem)
            return JSONResponse({"error": problem}, status_code=401)
        event = json.loads(body)
        # The id in the body is signed; the header is there to read without parsing.
        if request.headers.get("x-pos-delivery") != event.get("id"):
            return JSONResponse({"error": "X-POS-Delivery differs from the id"}, status_code=400)
        is_new = await run_in_threadpool(deliveries.handle_once, event, handle)
        return JSONResponse({"status": "handled" if is_new else "duplicate"})

    return Starlette(routes=[Route(PATH, receive, methods=["POST"])])


def print_event(connection: sqlite3.Connection, event: dict[str, Any]) -> None:
    """The example's handling: one line per notification (replace with the shop's own)."""
    amount = event.get("refund_fee" if event["kind"] == "refund" else "total_fee", 0)
    print(
        f"{event['kind']} {event['mch_id']} {event['out_trade_no']} "
        f"{amount // 100}.{amount % 100:02d} CNY",
        flush=True,
    )


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description="Receive the relay's webhooks.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--database", default="webhook-deliveries.sqlite3")
    args = parser.parse_args()
    secret = os.environ.get("WEBHOOK_SECRET", "")
    if not secret:
        raise SystemExit("set WEBHOOK_SECRET to the secret of the relay's [[relay.webhooks]]")
    logging.basicConfig(level=logging.INFO)
    app = create_app(secret, Deliveries(args.database), print_event)
    uvicorn.run(app, host=args.host, port=args.port)


if __name__ == "__main__":
    main()

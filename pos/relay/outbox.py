"""The webhooks' outbox: a delivery row per notification and endpoint, claimed one relay at a time.

Rows are added by the worker in the very transaction that stores their notification
(:meth:`pos.relay.storage.NotificationStore.insert`), so a notification answered SUCCESS
always has its deliveries, and a duplicate (not stored again) adds none. The dispatcher
(``webhooks.py``) claims due rows with a lease: ``next_attempt_at`` is pushed past the
attempt and ``claim`` names the claimer, so a relay that dies mid-attempt leaves rows that
come due again when the lease ends. On PostgreSQL the claim skips rows another relay is
claiming (``FOR UPDATE SKIP LOCKED``); on SQLite the write lock serialises claims. A row
ends ``delivered`` or ``dead`` (given up) and is kept either way.

Times are integer milliseconds since the epoch (UTC), the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

try:
    import psycopg
except ImportError:  # the till's embedded relay runs on SQLite: only a server needs the driver
    psycopg = None  # type: ignore[assignment]
from playhouse.sqlite_ext import AutoIncrementField

from pos.errors import StoreError
from pos.store import db as store_db

log = logging.getLogger("pos.relay")

TABLE = "relay_webhook_delivery"
PENDING = "pending"
DELIVERED = "delivered"
DEAD = "dead"

#: An endpoint, as rows name it: (mch_id, url).
Lane = tuple[str, str]

_COLUMNS = (
    "uid",
    "notification_id",
    "mch_id",
    "url",
    "state",
    "attempts",
    "next_attempt_at",
    "created_at",
)
_ERRORS: tuple[type[Exception], ...] = (
    (peewee.PeeweeException, sqlite3.Error)
    if psycopg is None
    else (peewee.PeeweeException, sqlite3.Error, psycopg.Error)
)
#: Rows per INSERT: SQLite binds at most 32,766 parameters in one statement.
_ROWS_PER_INSERT = 500


def model_for(db: peewee.Database, *, sqlite: bool) -> Any:
    """The outbox's Peewee model on ``db`` (for the schema; the queries are written out)."""
    # AUTOINCREMENT on SQLite: an id is never handed out twice, even after deletions.
    id_field = AutoIncrementField() if sqlite else peewee.BigAutoField()

    class Delivery(peewee.Model):
        id = id_field
        #: The delivery's id for receivers (X-POS-Delivery): a UUID, so that it stays unique
        #: when the relay moves to another database and its row ids start again. Not indexed:
        #: nothing looks a row up by it, and a random key's index cost the worker's commit
        #: 13 µs a row (bench: 34 → 21 µs per notification with a webhook).
        uid = peewee.TextField()
        notification_id = peewee.BigIntegerField()
        mch_id = peewee.TextField()
        url = peewee.TextField()
        state = peewee.TextField()
        attempts = peewee.IntegerField()
        #: When it is due; while claimed, when the claim's lease ends.
        next_attempt_at = peewee.BigIntegerField()
        created_at = peewee.BigIntegerField()
        delivered_at = peewee.BigIntegerField(null=True)
        claim = peewee.TextField(null=True)
        last_error = peewee.TextField(null=True)

        class Meta:
            database = db
            table_name = TABLE
            indexes = ((("state", "mch_id", "url", "next_attempt_at"), False),)

    return Delivery


# --- added with the notifications (the worker's transaction) ---------------------------------


def hooks_by_merchant(lanes: Iterable[Lane]) -> dict[str, tuple[str, ...]]:
    """mch_id -> the URLs its notifications go to."""
    table: dict[str, list[str]] = {}
    for mch_id, url in lanes:
        table.setdefault(mch_id, []).append(url)
    return {mch_id: tuple(urls) for mch_id, urls in table.items()}


def new_rows(
    added: Iterable[tuple[int, str]], hooks: Mapping[str, tuple[str, ...]], now_ms: int
) -> list[tuple[object, ...]]:
    """The delivery rows for newly stored notifications, given as (id, mch_id)."""
    rows: list[tuple[object, ...]] = []
    for notification_id, mch_id in added:
        for url in hooks.get(mch_id, ()):
            rows.append(
                (str(uuid.uuid4()), notification_id, mch_id, url, PENDING, 0, now_ms, now_ms)
            )
    return rows


def insert_rows(cursor: Any, mark: str, rows: Sequence[tuple[object, ...]]) -> None:
    """INSERT ``rows`` through the driver's ``cursor``, inside the caller's transaction."""
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        row = "(" + ", ".join([mark] * len(_COLUMNS)) + ")"
        # Only constants and placeholders go into the text; every value is a bound parameter.
        sql = f"INSERT INTO {TABLE} ({', '.join(_COLUMNS)}) VALUES " + ", ".join(  # noqa: S608
            [row] * len(chunk)
        )
        cursor.execute(sql, tuple(value for item in chunk for value in item))


# --- the dispatcher's side ------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """A delivery claimed for one attempt, with its notification's verified fields."""

    id: int
    uid: str
    claim: str
    mch_id: str
    url: str
    attempts: int  # before this attempt
    created_at: int
    event_id: int
    kind: str
    out_trade_no: str
    fields: dict[str, str]
    received_at: datetime  # naive UTC


@dataclass(frozen=True)
class Delivered:
    id: int
    claim: str
    at: int


@dataclass(frozen=True)
class Retry:
    id: int
    claim: str
    at: int  # when it is due again
    error: str


@dataclass(frozen=True)
class Dead:
    id: int
    claim: str
    error: str


@dataclass(frozen=True)
class Released:
    """Claimed but not attempted (the relay is stopping): due again at ``at``."""

    id: int
    claim: str
    at: int


Result = Delivered | Retry | Dead | Released

_DELIVERED_SQL = (
    f"UPDATE {TABLE} SET state = '{DELIVERED}', attempts = attempts + 1, delivered_at = {{0}}, "  # noqa: S608
    "claim = NULL, last_error = NULL WHERE id = {0} AND claim = {0}"
)
_RETRY_SQL = (
    f"UPDATE {TABLE} SET attempts = attempts + 1, next_attempt_at = {{0}}, claim = NULL, "  # noqa: S608
    "last_error = {0} WHERE id = {0} AND claim = {0}"
)
_DEAD_SQL = (
    f"UPDATE {TABLE} SET state = '{DEAD}', attempts = attempts + 1, claim = NULL, "  # noqa: S608
    "last_error = {0} WHERE id = {0} AND claim = {0}"
)
_RELEASED_SQL = (
    f"UPDATE {TABLE} SET next_attempt_at = {{0}}, claim = NULL WHERE id = {{0}} AND claim = {{0}}"  # noqa: S608
)
_HURRY_SQL = (
    f"UPDATE {TABLE} SET next_attempt_at = {{0}} WHERE state = '{PENDING}' AND mch_id = {{0}} "  # noqa: S608
    "AND url = {0} AND claim IS NULL AND next_attempt_at > {0}"
)
_DUE_SQL = (
    f"SELECT 1 FROM {TABLE} WHERE state = '{PENDING}' AND mch_id = {{0}} AND url = {{0}} "  # noqa: S608
    "AND next_attempt_at <= {0} LIMIT 1"
)
_CLAIM_SQL = (
    f"UPDATE {TABLE} SET claim = {{0}}, next_attempt_at = {{0}} WHERE id IN ("  # noqa: S608
    f"SELECT id FROM {TABLE} WHERE state = '{PENDING}' AND mch_id = {{0}} AND url = {{0}} "
    "AND next_attempt_at <= {0} ORDER BY next_attempt_at, id LIMIT {0}{1})"
)
_CLAIMED_SQL = (
    "SELECT d.id, d.uid, d.mch_id, d.url, d.attempts, d.created_at, n.id, n.kind, "  # noqa: S608
    f"n.out_trade_no, n.fields_json, n.received_at FROM {TABLE} AS d "
    "JOIN relay_notification AS n ON n.id = d.notification_id WHERE d.claim = {0} ORDER BY d.id"
)
_SUMMARY_SQL = (
    f"SELECT mch_id, url, state, count(*) FROM {TABLE} WHERE state IN ('{PENDING}', '{DEAD}') "  # noqa: S608
    "GROUP BY mch_id, url, state"
)


class Outbox:
    """The outbox through one connection: the dispatcher's, on its own thread."""

    def __init__(self, url: str) -> None:
        from pos.relay.database import open_database

        self.is_postgres = store_db.is_postgres_url(url)
        self.db = open_database(url)
        if not self.is_postgres:
            # What this connection writes (claims, results) need not reach the disk at each
            # commit: lost by a power cut, a row is claimed or delivered again (at least
            # once), and the worker's commits stay synced (FULL) and not kept waiting.
            try:
                self.db.pragma("synchronous", 1, permanent=True)
            except _ERRORS as exc:
                self._reset()
                raise StoreError(f"cannot open the webhooks' outbox: {type(exc).__name__}") from exc
        mark = self.db.param
        self._sql = {
            name: text.format(mark, " FOR UPDATE SKIP LOCKED" if self.is_postgres else "")
            for name, text in (
                ("delivered", _DELIVERED_SQL),
                ("retry", _RETRY_SQL),
                ("dead", _DEAD_SQL),
                ("released", _RELEASED_SQL),
                ("hurry", _HURRY_SQL),
                ("due", _DUE_SQL),
                ("claim", _CLAIM_SQL),
                ("claimed", _CLAIMED_SQL),
            )
        }

    def step(
        self,
        results: Sequence[Result],
        wants: Mapping[Lane, int],
        hurry: Sequence[Lane],
        now_ms: int,
        lease_ms: int,
    ) -> list[Claimed]:
        """Record ``results``, make ``hurry``'s waiting rows due now, and claim up to ``wants``
        due rows per endpoint, in one transaction; the claimed rows. StoreError if it failed
        (then nothing of it happened)."""
        try:
            due = [
                (lane, count)
                for lane, count in wants.items()
                if lane in hurry or self._is_due(lane, now_ms)
            ]
            if not (results or hurry or due):
                return []  # nothing to write: no write lock taken
            claim = uuid.uuid4().hex
            lock = {} if self.is_postgres else {"lock_type": "IMMEDIATE"}
            with self.db.atomic(**lock):
                self._record(results)
                cursor = self.db.cursor()
                for mch_id, url in hurry:
                    cursor.execute(self._sql["hurry"], (now_ms, mch_id, url, now_ms))
                for (mch_id, url), count in due:
                    cursor.execute(
                        self._sql["claim"], (claim, now_ms + lease_ms, mch_id, url, now_ms, count)
                    )
                rows = cursor.execute(self._sql["claimed"], (claim,)).fetchall() if due else []
        except _ERRORS as exc:
            self._reset()
            raise StoreError(f"cannot use the webhooks' outbox: {type(exc).__name__}") from exc
        return [_claimed(row, claim) for row in rows]

    def _is_due(self, lane: Lane, now_ms: int) -> bool:
        mch_id, url = lane
        cursor = self.db.execute_sql(self._sql["due"], (mch_id, url, now_ms))
        return cursor.fetchone() is not None

    def _record(self, results: Sequence[Result]) -> None:
        cursor = self.db.cursor()
        groups: dict[str, list[tuple[object, ...]]] = {}
        for result in results:
            if isinstance(result, Delivered):
                groups.setdefault("delivered", []).append((result.at, result.id, result.claim))
            elif isinstance(result, Retry):
                groups.setdefault("retry", []).append(
                    (result.at, result.error, result.id, result.claim)
                )
            elif isinstance(result, Dead):
                groups.setdefault("dead", []).append((result.error, result.id, result.claim))
            else:
                groups.setdefault("released", []).append((result.at, result.id, result.claim))
        for name, params in groups.items():
            cursor.executemany(self._sql[name], params)

    def summary(self) -> dict[tuple[str, str, str], int]:
        """(mch_id, url, state) -> how many rows are pending or dead."""
        try:
            rows = self.db.execute_sql(_SUMMARY_SQL).fetchall()
        except _ERRORS as exc:
            self._reset()
            raise StoreError(f"cannot read the webhooks' outbox: {type(exc).__name__}") from exc
        return {(mch_id, url, state): int(count) for mch_id, url, state, count in rows}

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def _reset(self) -> None:
        # After an error the connection may be unusable (a PostgreSQL restart): reconnect later.
        try:
            self.close()
        except peewee.PeeweeException:
            log.debug("closing a broken outbox connection failed", exc_info=True)


def _claimed(row: Sequence[Any], claim: str) -> Claimed:
    (
        row_id,
        uid,
        mch_id,
        url,
        attempts,
        created_at,
        event_id,
        kind,
        out_trade_no,
        fields_json,
        received_at,
    ) = row
    if isinstance(received_at, str):  # SQLite keeps the text Peewee wrote
        received_at = datetime.fromisoformat(received_at)
    return Claimed(
        id=int(row_id),
        uid=uid,
        claim=claim,
        mch_id=mch_id,
        url=url,
        attempts=int(attempts),
        created_at=int(created_at),
        event_id=int(event_id),
        kind=kind,
        out_trade_no=out_trade_no,
        fields=json.loads(fields_json),
        received_at=received_at,
    )

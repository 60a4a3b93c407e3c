"""The relay's own notifications table (Peewee: SQLite file or PostgreSQL URL).

Durability rule (§3.4, §5.2 step 8): a notification is answered SUCCESS only after the row is
committed. SQLite runs in WAL mode with ``synchronous=FULL`` so a commit survives a crash or a
power cut; PostgreSQL commits are durable by default. The relay's worker (``worker.py``)
commits whatever has queued up meanwhile in one transaction (group commit), so durability
does not cost one disk flush per request.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee

try:
    import psycopg
except ImportError:  # the till's embedded relay runs on SQLite: only a server needs the driver
    psycopg = None  # type: ignore[assignment]
from playhouse.sqlite_ext import AutoIncrementField

from pos.errors import StoreError
from pos.relay import outbox
from pos.relay.database import is_postgres_url, open_database
from pos.relay.events import PAYMENT, RelayEvent

log = logging.getLogger("pos.relay")

TABLE = "relay_notification"
#: The LISTEN/NOTIFY channel relays sharing one PostgreSQL database wake each other on.
NOTIFY_CHANNEL = "pos_relay_events"
# Advisory lock keys (arbitrary constants, unique to the relay): one serialises schema creation,
# the other serialises inserts so that event ids become visible in increasing order (a till
# that has seen id n can never later miss a smaller id committed by another relay).
_INSERT_COLUMNS = (
    "kind",
    "mch_id",
    "out_trade_no",
    "transaction_id",
    "out_refund_no",
    "refund_status",
    "raw_xml",
    "fields_json",
    "received_at",
)
_SCHEMA_LOCK = 0x706F7372_00000001
_INSERT_LOCK = 0x706F7372_00000002


def _model_for(db: peewee.Database, *, sqlite: bool) -> Any:
    # One model class per database, so several relays (tests, a bench) can live in one process.
    id_field = AutoIncrementField() if sqlite else peewee.BigAutoField()

    class Notification(peewee.Model):
        id = id_field  # only grows: SQLite AUTOINCREMENT, PostgreSQL BIGSERIAL
        kind = peewee.TextField()
        mch_id = peewee.TextField()
        out_trade_no = peewee.TextField()
        # Payments are unique by transaction_id (§5.2 step 7). NULL for refunds.
        transaction_id = peewee.TextField(null=True, unique=True)
        # Refunds are unique by merchant, out_refund_no and final status (§3.7).
        out_refund_no = peewee.TextField(null=True)
        refund_status = peewee.TextField(null=True)
        raw_xml = peewee.TextField()
        fields_json = peewee.TextField()
        received_at = peewee.DateTimeField()  # naive UTC

        class Meta:
            database = db
            table_name = TABLE
            indexes = ((("mch_id", "out_refund_no", "refund_status"), True),)

    return Notification


@dataclass(frozen=True)
class NewNotification:
    """A verified notification about to be stored."""

    kind: str
    mch_id: str
    out_trade_no: str
    transaction_id: str | None
    out_refund_no: str | None
    refund_status: str | None
    raw_xml: str
    fields: dict[str, str]

    @property
    def key(self) -> tuple[str, ...]:
        if self.kind == PAYMENT:
            return ("payment", self.transaction_id or "")
        return ("refund", self.mch_id, self.out_refund_no or "", self.refund_status or "")


_RETURNING = " RETURNING id, kind, mch_id, transaction_id, out_refund_no, refund_status"
_SQLITE_ADDED = (  # a constant table name; the id is a bound parameter
    "SELECT json_group_array(json_array(id, kind, mch_id, transaction_id, out_refund_no,"  # noqa: S608
    f" refund_status)) FROM {TABLE} WHERE id > ?"
)


_INSERT_ERRORS: tuple[type[Exception], ...] = (
    (peewee.PeeweeException, ValueError, sqlite3.Error)
    if psycopg is None
    else (peewee.PeeweeException, ValueError, sqlite3.Error, psycopg.Error)
)


def _execute(db: Any, sql: str, params: tuple[object, ...] = ()) -> Any:
    return db.execute_sql(sql, params)


def _connection(db: Any) -> Any:
    """The driver's own connection (opened on first use)."""
    return db.connection()


class NotificationStore:
    """The notifications table through one connection; use one per thread.

    ``webhooks`` lists the endpoints as (mch_id, url): :meth:`insert` adds a row to the
    webhooks' outbox (``outbox.py``) per new notification and endpoint of its merchant, in the
    same transaction.
    """

    def __init__(self, url: str, webhooks: Sequence[outbox.Lane] = ()) -> None:
        self.url = url
        self.is_postgres = is_postgres_url(url)
        self.db = open_database(url)
        self.model = _model_for(self.db, sqlite=not self.is_postgres)
        self.outbox_model = outbox.model_for(self.db, sqlite=not self.is_postgres)
        self.hooks = outbox.hooks_by_merchant(webhooks)

    def create_schema(self) -> None:
        try:
            with self.db.atomic():
                if self.is_postgres:
                    # Several relays may start at once on one database.
                    _execute(self.db, "SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                self.db.create_tables([self.model, self.outbox_model], safe=True)
        except peewee.PeeweeException as exc:
            raise StoreError(f"cannot create the relay schema: {type(exc).__name__}") from exc

    def insert(self, items: Sequence[NewNotification]) -> list[int | None]:
        """Store ``items`` in one committed transaction; per item its new id, or None if known."""
        if not items:
            return []
        # One multi-row INSERT written out by hand: this is the hot path, and Peewee's query
        # builder cost more CPU per row than the insert itself.
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        params: list[object] = []
        for item in items:
            params += [
                item.kind,
                item.mch_id,
                item.out_trade_no,
                item.transaction_id if item.kind == PAYMENT else None,
                item.out_refund_no,
                item.refund_status,
                item.raw_xml,
                json.dumps(item.fields, ensure_ascii=False, sort_keys=True),
                now,
            ]
        # Only constants and placeholders go into the text; every value is a bound parameter.
        mark = self.db.param
        row = "(" + ", ".join([mark] * len(_INSERT_COLUMNS)) + ")"
        sql = (
            f"INSERT INTO {TABLE} ({', '.join(_INSERT_COLUMNS)}) VALUES "  # noqa: S608
            + ", ".join([row] * len(items))
            + " ON CONFLICT DO NOTHING"
        )
        try:
            if self.is_postgres:
                returned = self._insert_postgres(sql, tuple(params))
            else:
                returned = self._insert_sqlite(sql, tuple(params))
        except _INSERT_ERRORS as exc:
            self._reset()
            raise StoreError(f"cannot store notifications: {type(exc).__name__}") from exc
        new_ids: dict[tuple[str, ...], int] = {}
        for row_id, kind, mch_id, transaction_id, out_refund_no, refund_status in returned:
            if kind == PAYMENT:
                new_ids[("payment", transaction_id)] = row_id
            else:
                new_ids[("refund", mch_id, out_refund_no, refund_status)] = row_id
        # A duplicate inside the same batch: the first one is the new row, the rest are known.
        result: list[int | None] = []
        for item in items:
            result.append(new_ids.pop(item.key, None))
        return result

    # The two inserts below talk to the driver's connection directly (both are in autocommit
    # mode under Peewee, which issues BEGIN itself): Peewee's transaction bookkeeping cost
    # more than the statements, and every call into the driver is one more hand-over of the
    # GIL between this thread and the event loop's.

    def _insert_sqlite(self, sql: str, params: tuple[object, ...]) -> list[Any]:
        cursor = _connection(self.db).cursor()
        # IMMEDIATE: take the write lock first (busy_timeout waits for it), as Peewee's
        # atomic() did not; the COMMIT is the durable point (WAL, synchronous=FULL).
        cursor.execute("BEGIN IMMEDIATE")
        try:
            # Under the write lock, the rows this INSERT adds are exactly those above the
            # highest id before it. They come back as one JSON array in one row: the sqlite3
            # module lets go of the GIL at every step, and a RETURNING clause costs a step
            # (and a wait for the event loop to hand the GIL back) per row.
            (before,) = cursor.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}").fetchone()  # noqa: S608
            cursor.execute(sql, params)
            (added,) = cursor.execute(_SQLITE_ADDED, (before,)).fetchone()
            rows: list[Any] = json.loads(added) if added else []
            self._add_deliveries(cursor, "?", rows)
            cursor.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                cursor.execute("ROLLBACK")
            raise
        return rows

    def _insert_postgres(self, sql: str, params: tuple[object, ...]) -> list[Any]:
        conn: psycopg.Connection[Any] = _connection(self.db)
        # Pipeline mode: BEGIN, the lock and the INSERT go in one round trip, the NOTIFY and
        # COMMIT in a second; still one transaction, committed before anyone is answered.
        # On any error the connection is closed (_reset), which rolls the transaction back.
        with conn.pipeline():
            conn.execute("BEGIN")
            # Serialises inserts across relays, so ids become visible in increasing order.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_INSERT_LOCK,))
            returned = conn.execute(sql + _RETURNING, params).fetchall()
            self._add_deliveries(conn, "%s", returned)
            if returned:
                # Delivered to listeners at COMMIT, never for a rolled-back insert.
                conn.execute(
                    "SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, str(max(r[0] for r in returned)))
                )
            conn.execute("COMMIT")
        return returned

    def _add_deliveries(self, cursor: Any, mark: str, added: Sequence[Any]) -> None:
        """The webhooks' deliveries of the rows just ``added``, in their transaction."""
        if not self.hooks or not added:
            return
        now_ms = int(time.time() * 1000)
        rows = outbox.new_rows(((row[0], row[2]) for row in added), self.hooks, now_ms)
        if rows:
            outbox.insert_rows(cursor, mark, rows)

    def events_after(self, after_id: int, limit: int = 500) -> list[RelayEvent]:
        """Stored notifications with an id above ``after_id``, in id order."""
        model = self.model
        try:
            rows = list(
                model.select(
                    model.id,
                    model.kind,
                    model.mch_id,
                    model.out_trade_no,
                    model.raw_xml,
                    model.fields_json,
                )
                .where(model.id > after_id)
                .order_by(model.id)
                .limit(limit)
                .tuples()
            )
        except peewee.PeeweeException as exc:
            self._reset()
            raise StoreError(f"cannot read notifications: {type(exc).__name__}") from exc
        return [
            RelayEvent(
                id=row_id,
                kind=kind,
                mch_id=mch_id,
                out_trade_no=out_trade_no,
                raw_xml=raw_xml,
                fields=json.loads(fields_json),
            )
            for row_id, kind, mch_id, out_trade_no, raw_xml, fields_json in rows
        ]

    def last_id(self) -> int:
        """The highest stored id, 0 for an empty table."""
        try:
            value = self.model.select(peewee.fn.MAX(self.model.id)).scalar()
        except peewee.PeeweeException as exc:
            self._reset()
            raise StoreError(f"cannot read notifications: {type(exc).__name__}") from exc
        return int(value or 0)

    def count(self) -> int:
        try:
            value = self.model.select().count()
        except peewee.PeeweeException as exc:
            self._reset()
            raise StoreError(f"cannot read notifications: {type(exc).__name__}") from exc
        return int(value)

    def ping(self) -> bool:
        try:
            _execute(self.db, "SELECT 1").fetchone()
        except peewee.PeeweeException:
            self._reset()
            return False
        return True

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def _reset(self) -> None:
        # After an error the connection may be unusable (a PostgreSQL restart): reconnect later.
        try:
            self.close()
        except peewee.PeeweeException:
            log.debug("closing a broken relay database connection failed", exc_info=True)

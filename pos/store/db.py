"""Connect to SQLite (a file) or PostgreSQL (a URL), set pragmas, migrate, wrap errors.

:func:`connect` is the one opener, for the till's store and the relay's notifications alike.

SQLite runs in WAL mode with ``synchronous=FULL``: a commit is on disk when it returns, so a
power cut or a killed process after commit loses nothing. PostgreSQL is reached with
psycopg 3 through Peewee's ``PostgresqlDatabase`` (Peewee 4) or ``Psycopg3Database``
(Peewee 3.17+).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import peewee

from pos import platform
from pos.errors import DiskFullError, StoreError
from pos.store.models import Models, outbox_tables

#: Seconds a writer waits for another connection's lock before giving up.
BUSY_TIMEOUT = 10.0

_PG_PREFIXES = ("postgresql://", "postgres://")
_SQLITE_URL_PREFIX = "sqlite:///"
#: A lock id for schema migration, shared by every process on one PostgreSQL database.
_PG_MIGRATION_LOCK = 0x504F5301

#: Peewee ships no type hints; its databases are handled as Any at this edge.
PeeweeDatabase = Any

_FULL_MARKERS = (
    "database or disk is full",
    "no space left on device",
    "disk full",
    "could not extend file",
)
#: PostgreSQL's SQLSTATE class 53: insufficient resources (53100 is disk_full).
_PG_DISK_FULL = "53100"


def is_postgres_url(url_or_path: str | Path) -> bool:
    return isinstance(url_or_path, str) and url_or_path.startswith(_PG_PREFIXES)


def sqlite_path(url_or_path: str | Path) -> str:
    """The file of a path or a ``sqlite:///PATH`` URL (``sqlite:////abs`` is ``/abs``)."""
    text = str(url_or_path)
    return text[len(_SQLITE_URL_PREFIX) :] if text.startswith(_SQLITE_URL_PREFIX) else text


def connect(
    url_or_path: str | Path, *, make_folder: bool = True, connect_timeout: int | None = None
) -> PeeweeDatabase:
    """A Peewee database for a file path / ``sqlite:///path`` or a ``postgresql://`` URL.

    A SQLite file is made private (0600, :mod:`pos.platform`) before SQLite creates it, at
    every connection; with ``make_folder`` its folder is made (0700) and the file created
    here, and a failure raises OSError; without, a missing folder is SQLite's to report.
    ``connect_timeout`` bounds how long PostgreSQL may take to answer (seconds).
    """
    if is_postgres_url(url_or_path):
        assert isinstance(url_or_path, str)
        return _postgres(url_or_path, connect_timeout)
    text = sqlite_path(url_or_path)
    if text != ":memory:" and make_folder:
        platform.private_file(Path(text), platform.SQLITE_SIDE_FILES)
    return _PrivateSqliteDatabase(
        text,
        timeout=BUSY_TIMEOUT,
        pragmas=[
            ("journal_mode", "wal"),
            # FULL: in WAL mode the log is synced at every commit, so a commit that returned
            # survives a power cut (NORMAL would only survive a process crash).
            ("synchronous", 2),
            ("foreign_keys", 1),
            ("busy_timeout", int(BUSY_TIMEOUT * 1000)),
        ],
    )


class _PrivateSqliteDatabase(peewee.SqliteDatabase):  # type: ignore[misc, unused-ignore]
    """Makes the file 0600 before SQLite creates it (its -wal and -shm take that mode)."""

    def _connect(self) -> Any:
        path = Path(self.database)
        if self.database != ":memory:" and path.parent.is_dir():
            # A missing folder, or a file we may not create, is SQLite's to report.
            with suppress(OSError):
                platform.private_file(path, platform.SQLITE_SIDE_FILES)
        return super()._connect()  # type: ignore[misc]  # Peewee has no stubs


def _postgres(url: str, connect_timeout: int | None) -> PeeweeDatabase:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    options: dict[str, Any] = {}
    if connect_timeout is not None:
        options["connect_timeout"] = connect_timeout
    if not hasattr(peewee, "Psycopg3Adapter"):  # Peewee 3.x: psycopg 3 lives in the playhouse
        from playhouse.psycopg3_ext import Psycopg3Database
        from psycopg.conninfo import conninfo_to_dict

        # Psycopg3Database passes its first argument as dbname only: split the URL.
        params = conninfo_to_dict(url)
        return Psycopg3Database(params.pop("dbname", None), **params, **options)
    return peewee.PostgresqlDatabase(url, prefer_psycopg3=True, **options)


def is_sqlite(database: PeeweeDatabase) -> bool:
    return isinstance(database, peewee.SqliteDatabase)


def _is_disk_full(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return True
        if getattr(current, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
            return True
        if getattr(current, "sqlstate", None) == _PG_DISK_FULL:
            return True
        for arg in (current, *getattr(current, "args", ())):
            if isinstance(arg, BaseException | str) and any(
                marker in str(arg).lower() for marker in _FULL_MARKERS
            ):
                return True
        current = current.__cause__ or current.__context__
    return False


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [peewee.PeeweeException, sqlite3.Error, OSError]
    try:
        import psycopg
    except ImportError:  # the PostgreSQL extra is optional
        pass
    else:
        errors.append(psycopg.Error)
    return tuple(errors)


_DATABASE_ERRORS = _database_errors()


@contextmanager
def wrapped_errors(what: str) -> Iterator[None]:
    """Turn driver and Peewee errors into ``StoreError`` / ``DiskFullError`` (STYLE rule 8).

    The message names what was being done and the database's own short reason; it never
    carries SQL parameters.
    """
    try:
        yield
    except _DATABASE_ERRORS as exc:
        if _is_disk_full(exc):
            raise DiskFullError(f"{what}: the disk or the database is full") from exc
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"{what}: {reason}") from exc


# ---------------------------------------------------------------- migrations


def _migrate_to_1(database: PeeweeDatabase, models: Models) -> None:
    database.create_tables(models.all(), safe=True)


def _add_column(database: PeeweeDatabase, table: str, column: str, definition: str) -> None:
    """``ALTER TABLE … ADD COLUMN`` unless the column is there (a fresh database is created
    by :func:`_migrate_to_1` from today's models, which already have it)."""
    present = {c.name for c in database.get_columns(table)}
    if column not in present:
        # Names and definitions are our own constants, never input.
        database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}')


def _migrate_to_2(database: PeeweeDatabase, models: Models) -> None:
    """Payment codes and cash: how each deal was paid (every deal before it was the QR)."""
    _add_column(database, "deal", "method", "VARCHAR(16) NOT NULL DEFAULT 'native'")


def _migrate_to_3(database: PeeweeDatabase, models: Models) -> None:
    """Payment codes: the code masked (wallet digits only) and its salted fingerprint, unique,
    so that a code already used is refused for another deal. The code itself is never kept."""
    _add_column(database, "deal", "code_masked", "VARCHAR(32)")
    _add_column(database, "deal", "code_fingerprint", "VARCHAR(64)")
    # NULLs never collide in a unique index (SQLite and PostgreSQL): "unique when set". The
    # name is the one Peewee gives the model's index, so a fresh database has it already.
    database.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "deal_code_fingerprint" ON "deal" ("code_fingerprint")'
    )


def _migrate_to_4(database: PeeweeDatabase, models: Models) -> None:
    """A shop: accounts, shifts, day closes and clerks' actions; each deal and refund stamped
    with its clerk and shift (older ones have neither), and a cash sale's money received."""
    database.create_tables(models.shop(), safe=True)
    # One open shift per till, even with two tills' connections on one PostgreSQL database.
    database.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "shift_open_per_till" ON "shift" ("till_id") '
        'WHERE "closed_at" IS NULL'
    )
    references = {"clerk_id": "account", "shift_id": "shift"}
    for table in ("deal", "refund"):
        for column, target in references.items():
            _add_column(
                database, table, column, f'INTEGER REFERENCES "{target}" ("id") ON DELETE RESTRICT'
            )
        for column in references:
            # The names Peewee gives the models' own indexes, so a fresh database and an
            # upgraded one are the same.
            database.execute_sql(
                f'CREATE INDEX IF NOT EXISTS "{table}_{column}" ON "{table}" ("{column}")'
            )
    _add_column(database, "deal", "cash_received_fen", "BIGINT")


def _migrate_to_5(database: PeeweeDatabase, models: Models) -> None:
    """The till's outbox to the shop server (pos.sync): its cursors, the shop records
    waiting to be sent, the refunds the server has (tables of pos.store.outbox)."""
    database.create_tables(outbox_tables(database).all(), safe=True)


#: MIGRATIONS[n] brings a schema at version n to n + 1. Each format change keeps a database
#: made by the release before it in tests/fixtures/ (till-v<n>.sqlite3); see test_upgrade.py.
MIGRATIONS: list[Callable[[PeeweeDatabase, Models], None]] = [
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
    _migrate_to_5,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _read_version(database: PeeweeDatabase) -> int:
    if is_sqlite(database):
        return int(database.execute_sql("PRAGMA user_version").fetchone()[0])
    database.execute_sql(
        "CREATE TABLE IF NOT EXISTS pos_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)"
    )
    row = database.execute_sql("SELECT value FROM pos_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _write_version(database: PeeweeDatabase, version: int) -> None:
    if is_sqlite(database):
        # PRAGMA takes no bound parameters; version is our own int.
        database.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    database.execute_sql(
        "INSERT INTO pos_meta (key, value) VALUES ('schema_version', %s) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        (str(version),),
    )


def migrate(database: PeeweeDatabase, models: Models) -> int:
    """Create or upgrade the schema to :data:`SCHEMA_VERSION`, in one transaction.

    Returns the version found before migrating. A database newer than this program is
    refused rather than touched.
    """
    with wrapped_errors("migrating the database"), write_transaction(database):
        if not is_sqlite(database):
            # Several relays and tills may open one PostgreSQL database at the same time.
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
        found = _read_version(database)
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {found}, newer than this "
                f"program's {SCHEMA_VERSION}; upgrade the program"
            )
        for version in range(found, SCHEMA_VERSION):
            MIGRATIONS[version](database, models)
        if found != SCHEMA_VERSION:
            _write_version(database, SCHEMA_VERSION)
        return found


def write_transaction(database: PeeweeDatabase) -> Any:
    # BEGIN IMMEDIATE takes SQLite's write lock up front, so a read-check-write sequence
    # cannot be overtaken by another connection (no lost update, no upgrade deadlock).
    if is_sqlite(database) and database.transaction_depth() == 0:
        return database.atomic(lock_type="IMMEDIATE")
    return database.atomic()

"""The relay's database: a PostgreSQL URL or an SQLite file, opened with the store's opener.

Shared by the notifications' table (``storage.py``), the webhooks' outbox (``outbox.py``) and
the shop's data (``shopdata.py``), none of which needs the others to open it.
"""

from __future__ import annotations

try:
    import psycopg
except ImportError:  # the till's embedded relay runs on SQLite: only a server needs the driver
    psycopg = None  # type: ignore[assignment]

from pos.errors import ConfigError
from pos.store import db as store_db


def is_postgres_url(url: str) -> bool:
    return store_db.is_postgres_url(url)


def open_database(url: str) -> store_db.PeeweeDatabase:
    """A Peewee database for ``url``: ``postgresql://...``, ``sqlite:///path`` or a plain path
    (the store's opener; the relay refuses an in-memory database and waits 5 s for PostgreSQL)."""
    if is_postgres_url(url):
        require_driver(url)
        # A server that does not answer must not hang a request for minutes (§3.4: 5 s).
        return store_db.connect(url, connect_timeout=5)
    path = store_db.sqlite_path(url)
    if not path or path == ":memory:" or path.startswith("file::memory:"):
        # Each thread has its own connection: an in-memory database would not be shared.
        raise ConfigError("the relay needs a database file or a PostgreSQL URL, not :memory:")
    return store_db.connect(path, make_folder=False)


def require_driver(url: str) -> None:
    """ConfigError, with what to install, if ``url`` is PostgreSQL and psycopg is missing."""
    if is_postgres_url(url) and psycopg is None:
        raise ConfigError(
            "a PostgreSQL database needs the psycopg driver: pip install 'wechatpay-pos[postgres]'"
        )

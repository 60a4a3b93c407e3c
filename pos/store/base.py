"""What every part of the store shares: the database, its models, one transaction per write."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from pos.store import db as dbmod
from pos.store.db import wrapped_errors, write_transaction
from pos.store.models import Models, time_to_db
from pos.store.records import DealState


def aware(moment: datetime, name: str) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return moment


def fen(value: object, name: str) -> int:
    # bool is an int subclass; True fen is a bug, not one fen.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int number of fen, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1 fen")
    return value


def detail_json(changes: dict[str, Any]) -> str:
    def plain(value: Any) -> Any:
        return time_to_db(value) if isinstance(value, datetime) else value

    return json.dumps({k: plain(v) for k, v in sorted(changes.items())}, ensure_ascii=False)


class StoreBase:
    """The database and its models, and the plumbing the deals' and refunds' methods share."""

    def __init__(self, database: dbmod.PeeweeDatabase, models: Models, *, description: str) -> None:
        self._db = database
        self._m = models
        self._is_sqlite = dbmod.is_sqlite(database)
        self.description = description

    @contextmanager
    def _write(self, what: str) -> Iterator[None]:
        with wrapped_errors(what), write_transaction(self._db):
            yield

    def _locked_deal(self, out_trade_no: str) -> Any:
        query = self._m.deal.select().where(self._m.deal.out_trade_no == out_trade_no)
        if not self._is_sqlite:
            query = query.for_update()
        return query.first()

    def _record(
        self,
        row: Any,
        from_state: DealState | None,
        to_state: DealState,
        *,
        reason: str,
        now: datetime,
        detail: str = "",
    ) -> None:
        self._m.deal_event.create(
            deal=row.id,
            at=now,
            from_state=None if from_state is None else from_state.value,
            to_state=to_state.value,
            reason=reason[:64],
            detail=detail,
        )

    def _rows(self, what: str, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """One parameterised SELECT through the driver; ``?`` marks a parameter."""
        # The driver's placeholder: "?" for sqlite3, "%s" for psycopg.
        text = sql.replace("?", self._db.param)
        with wrapped_errors(what):
            return list(self._db.execute_sql(text, params).fetchall())

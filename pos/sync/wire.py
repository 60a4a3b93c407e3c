"""The sync protocol's records and their JSON form, for the till (pos.sync) and the server.

The till sends a :class:`Batch` to ``POST /till/v1/sync``; the shop server answers an
:class:`Ack`. ``GET /shop/v1/day`` answers :class:`ShopDeal` rows, ``GET /shop/v1/records``
:class:`ShopRecordRow` rows. Money is integer fen on the wire too: a float, a bool or a
negative number where fen are expected is refused (:class:`WireError`), never rounded.
Times are ISO 8601 in UTC (``2026-11-24T04:52:15.000000Z``). docs/relay.md has the protocol.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from pos.store.records import DealState, RefundState

PROTOCOL = 1
# The same as pos.relay.paths (the server's side; the relay sits above the sync layer, which
# cannot import it): tests/unit/relay/test_relay_paths.py holds them together.
SYNC_PATH = "/till/v1/sync"
DAY_PATH = "/shop/v1/day"
RECORDS_PATH = "/shop/v1/records"
#: Items a batch may carry in each of its lists (the till sends 500 at most).
MAX_ITEMS = 2000
#: The largest amount anywhere on the wire: far above a till's limit, far below BIGINT's.
MAX_FEN = 10**15
#: A shop record's payload, as JSON text, at most.
MAX_PAYLOAD_CHARS = 64 * 1024
#: Kinds of shop records: shift, shift_close, clerk_action, day_close, and any later one.
KIND_FORM = re.compile(r"[a-z][a-z0-9_]{0,31}")
#: A deal's payment method: native (the shop's QR), micropay (the customer's code), cash...
METHOD_FORM = re.compile(r"[a-z][a-z0-9_]{0,15}")
ORIGIN_FORM = re.compile(r"[0-9a-f]{32}")
_OUT_TRADE_NO = re.compile(r"[A-Za-z0-9_\-|*]{1,32}")
_OUT_REFUND_NO = re.compile(r"[A-Za-z0-9_\-|*@]{1,64}")
_TILL = re.compile(r"[0-9A-Za-z_.-]{1,32}")
_MCH_ID = re.compile(r"[0-9]{1,32}")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

_T = TypeVar("_T")


class WireError(ValueError):
    """A document that is not a well-formed sync document; the message says where."""


def time_text(moment: datetime) -> str:
    """An aware time as the wire's fixed-width UTC text (sorts as it reads)."""
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


@dataclass(frozen=True)
class DealSnapshot:
    """A deal as its till has it now. ``version`` is the till's last history sequence of the
    deal: a snapshot with a lower version than the stored one is older and changes nothing."""

    out_trade_no: str
    mch_id: str
    amount_fen: int
    product: str
    state: DealState
    created_at: datetime
    version: int
    method: str = "native"
    paid_at: datetime | None = None
    transaction_id: str | None = None
    refunded_fen: int = 0
    clerk: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "out_trade_no": self.out_trade_no,
            "mch_id": self.mch_id,
            "amount_fen": self.amount_fen,
            "product": self.product,
            "state": self.state.value,
            "method": self.method,
            "created_at": time_text(self.created_at),
            "paid_at": None if self.paid_at is None else time_text(self.paid_at),
            "transaction_id": self.transaction_id,
            "refunded_fen": self.refunded_fen,
            "clerk": self.clerk,
            "version": self.version,
        }


@dataclass(frozen=True)
class ShopDeal(DealSnapshot):
    """A deal of the shop's day as the server answers it: a snapshot and the till it is from."""

    till: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"till": self.till, **super().to_dict()}


@dataclass(frozen=True)
class HistoryRow:
    """One state change of a deal; ``seq`` is its number in the till's history (only grows)."""

    seq: int
    out_trade_no: str
    at: datetime
    from_state: DealState | None
    to_state: DealState
    reason: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "out_trade_no": self.out_trade_no,
            "at": time_text(self.at),
            "from_state": None if self.from_state is None else self.from_state.value,
            "to_state": self.to_state.value,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class RefundSnapshot:
    """A refund as its till has it now."""

    out_refund_no: str
    out_trade_no: str
    refund_fee: int
    state: RefundState
    created_at: datetime
    updated_at: datetime
    reason: str = ""
    success_time: datetime | None = None
    refund_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "out_refund_no": self.out_refund_no,
            "out_trade_no": self.out_trade_no,
            "refund_fee": self.refund_fee,
            "state": self.state.value,
            "reason": self.reason,
            "created_at": time_text(self.created_at),
            "updated_at": time_text(self.updated_at),
            "success_time": None if self.success_time is None else time_text(self.success_time),
            "refund_id": self.refund_id,
        }


@dataclass(frozen=True)
class ShopRecord:
    """A shop record (a shift, a shift's close, a clerk's action, a day's close), kept by
    ``(till, kind, key)``: of two versions the one with the higher ``seq`` wins. ``payload``
    is the JSON object its maker gave, kept as it is."""

    seq: int
    kind: str
    key: str
    at: datetime
    payload: Mapping[str, Any] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "key": self.key,
            "at": time_text(self.at),
            "payload": dict(self.payload),
        }


@dataclass(frozen=True)
class ShopRecordRow:
    """A shop record as the server answers it (``GET /shop/v1/records``)."""

    till: str
    kind: str
    key: str
    at: datetime
    payload: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Batch:
    """What one till sends at once. ``origin`` names the till's database (made once, at
    random), so that a till whose database was made anew does not collide with its history."""

    till: str
    mch_id: str
    origin: str
    deals: tuple[DealSnapshot, ...] = ()
    history: tuple[HistoryRow, ...] = ()
    refunds: tuple[RefundSnapshot, ...] = ()
    records: tuple[ShopRecord, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.deals or self.history or self.refunds or self.records)

    def to_json(self) -> bytes:
        return dumps(
            {
                "protocol": PROTOCOL,
                "till": self.till,
                "mch_id": self.mch_id,
                "origin": self.origin,
                "deals": [deal.to_dict() for deal in self.deals],
                "history": [row.to_dict() for row in self.history],
                "refunds": [refund.to_dict() for refund in self.refunds],
                "records": [record.to_dict() for record in self.records],
            }
        )


@dataclass(frozen=True)
class Ack:
    """The server's answer to a batch: it is committed. ``history_seq``/``record_seq``: the
    highest sequence taken (0: none in the batch); ``stale``: snapshots older than the stored
    ones, ignored; ``conflicts``: numbers another till of the merchant already sent."""

    history_seq: int = 0
    record_seq: int = 0
    deals: int = 0
    refunds: int = 0
    stale: int = 0
    conflicts: tuple[str, ...] = ()

    def to_json(self) -> bytes:
        return dumps(
            {
                "history_seq": self.history_seq,
                "record_seq": self.record_seq,
                "deals": self.deals,
                "refunds": self.refunds,
                "stale": self.stale,
                "conflicts": list(self.conflicts),
            }
        )


def dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _no_constant(name: str) -> Any:
    raise WireError(f"{name} is not JSON")


def loads(body: bytes) -> Any:
    """The JSON document of ``body``; WireError if it is not UTF-8 JSON (NaN is not JSON)."""
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise WireError("the body is not UTF-8") from None
    except RecursionError:
        raise WireError("the body is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and integers of more than 4,300 digits
        if isinstance(exc, WireError):
            raise
        raise WireError(f"the body is not JSON: {exc}") from None


class _Fields:
    """Typed reads of one JSON object, each failure naming the field's path."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise WireError(f"{path} must be a JSON object")
        self.data: dict[str, Any] = value
        self.path = path

    def fail(self, name: str, what: str) -> WireError:
        return WireError(f"{self.path}.{name} must be {what}")

    def text(
        self, name: str, limit: int, form: re.Pattern[str] | None = None, *, empty: bool = False
    ) -> str:
        value = self.data.get(name)
        if not isinstance(value, str) or len(value) > limit or (not value and not empty):
            raise self.fail(name, f"a string of {0 if empty else 1} to {limit} characters")
        if form is not None and not form.fullmatch(value):
            raise self.fail(name, f"of the form {form.pattern}")
        return value

    def optional_text(self, name: str, limit: int) -> str | None:
        if self.data.get(name) is None:
            return None
        return self.text(name, limit)

    def number(self, name: str, *, low: int = 0, high: int = 2**62) -> int:
        value = self.data.get(name)
        # bool is an int to Python, a float may look whole: neither is a count of fen.
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(name, f"an integer from {low} to {high}")
        return value

    def fen(self, name: str, *, low: int = 0) -> int:
        value = self.data.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_FEN:
            raise self.fail(name, f"an integer number of fen from {low} to {MAX_FEN}")
        return value

    def time(self, name: str) -> datetime:
        value = self.data.get(name)
        try:
            moment = (
                datetime.fromisoformat(value)
                if isinstance(value, str) and len(value) <= 40
                else None
            )
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(name, "an ISO 8601 time with its offset (UTC: ...Z)")
        return moment.astimezone(UTC)

    def optional_time(self, name: str) -> datetime | None:
        return None if self.data.get(name) is None else self.time(name)

    def enum(self, name: str, kind: Callable[[str], _T]) -> _T:
        value = self.data.get(name)
        try:
            return kind(value) if isinstance(value, str) else kind("")
        except ValueError:
            raise self.fail(name, "a known state") from None

    def items(self, name: str) -> list[Any]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise self.fail(name, f"a list of at most {MAX_ITEMS} items")
        return value


def _deal(fields: _Fields) -> DealSnapshot:
    amount = fields.fen("amount_fen", low=1)
    refunded = fields.fen("refunded_fen")
    if refunded > amount:
        raise fields.fail("refunded_fen", "at most amount_fen")
    return DealSnapshot(
        out_trade_no=fields.text("out_trade_no", 32, _OUT_TRADE_NO),
        mch_id=fields.text("mch_id", 32, _MCH_ID),
        amount_fen=amount,
        product=fields.text("product", 128, empty=True),
        state=fields.enum("state", DealState),
        created_at=fields.time("created_at"),
        version=fields.number("version", low=1),
        method=fields.text("method", 16, METHOD_FORM),
        paid_at=fields.optional_time("paid_at"),
        transaction_id=fields.optional_text("transaction_id", 32),
        refunded_fen=refunded,
        clerk=fields.optional_text("clerk", 64),
    )


def _history(fields: _Fields) -> HistoryRow:
    from_state = (
        None if fields.data.get("from_state") is None else fields.enum("from_state", DealState)
    )
    return HistoryRow(
        seq=fields.number("seq", low=1),
        out_trade_no=fields.text("out_trade_no", 32, _OUT_TRADE_NO),
        at=fields.time("at"),
        from_state=from_state,
        to_state=fields.enum("to_state", DealState),
        reason=fields.text("reason", 64, empty=True),
        detail=fields.text("detail", 4096, empty=True),
    )


def _refund(fields: _Fields) -> RefundSnapshot:
    return RefundSnapshot(
        out_refund_no=fields.text("out_refund_no", 64, _OUT_REFUND_NO),
        out_trade_no=fields.text("out_trade_no", 32, _OUT_TRADE_NO),
        refund_fee=fields.fen("refund_fee", low=1),
        state=fields.enum("state", RefundState),
        created_at=fields.time("created_at"),
        updated_at=fields.time("updated_at"),
        reason=fields.text("reason", 80, empty=True),
        success_time=fields.optional_time("success_time"),
        refund_id=fields.optional_text("refund_id", 32),
    )


def _payload(fields: _Fields) -> dict[str, Any]:
    payload = fields.data.get("payload")
    if not isinstance(payload, dict):
        raise fields.fail("payload", "a JSON object")
    if len(dumps(payload)) > MAX_PAYLOAD_CHARS:
        raise fields.fail("payload", f"at most {MAX_PAYLOAD_CHARS} bytes of JSON")
    return payload


def _record(fields: _Fields) -> ShopRecord:
    return ShopRecord(
        seq=fields.number("seq", low=1),
        kind=fields.text("kind", 32, KIND_FORM),
        key=fields.text("key", 128),
        at=fields.time("at"),
        payload=_payload(fields),
    )


def parse_batch(body: bytes) -> Batch:
    """The batch in ``body``; WireError (its message fit for the answer) if malformed."""
    top = _Fields(loads(body), "batch")
    if top.data.get("protocol") != PROTOCOL:
        raise top.fail("protocol", str(PROTOCOL))

    def each(name: str, read: Callable[[_Fields], _T]) -> tuple[_T, ...]:
        return tuple(
            read(_Fields(item, f"{name}[{index}]")) for index, item in enumerate(top.items(name))
        )

    return Batch(
        till=top.text("till", 32, _TILL),
        mch_id=top.text("mch_id", 32, _MCH_ID),
        origin=top.text("origin", 32, ORIGIN_FORM),
        deals=each("deals", _deal),
        history=each("history", _history),
        refunds=each("refunds", _refund),
        records=each("records", _record),
    )


def parse_ack(body: bytes) -> Ack:
    top = _Fields(loads(body), "answer")
    conflicts = top.items("conflicts")
    if not all(isinstance(number, str) for number in conflicts):
        raise top.fail("conflicts", "a list of order numbers")
    return Ack(
        history_seq=top.number("history_seq"),
        record_seq=top.number("record_seq"),
        deals=top.number("deals"),
        refunds=top.number("refunds"),
        stale=top.number("stale"),
        conflicts=tuple(conflicts),
    )


def _shop_deal(fields: _Fields) -> ShopDeal:
    deal = _deal(fields)
    return ShopDeal(**{**deal.__dict__, "till": fields.text("till", 32, _TILL)})


def parse_day(body: bytes) -> list[ShopDeal]:
    """The deals of a ``GET /shop/v1/day`` answer."""
    top = _Fields(loads(body), "day")
    deals = top.data.get("deals")
    if not isinstance(deals, list):
        raise top.fail("deals", "a list")
    return [_shop_deal(_Fields(item, f"deals[{index}]")) for index, item in enumerate(deals)]


def parse_records(body: bytes) -> list[ShopRecordRow]:
    """The records of a ``GET /shop/v1/records`` answer."""
    top = _Fields(loads(body), "answer")
    records = top.data.get("records")
    if not isinstance(records, list):
        raise top.fail("records", "a list")
    rows = []
    for index, item in enumerate(records):
        fields = _Fields(item, f"records[{index}]")
        rows.append(
            ShopRecordRow(
                till=fields.text("till", 32, _TILL),
                kind=fields.text("kind", 32, KIND_FORM),
                key=fields.text("key", 128),
                at=fields.time("at"),
                payload=_payload(fields),
            )
        )
    return rows

"""What the sandbox's books give: the bill's rows of a day (§3.8), and what a restart keeps."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from pos.sandbox.options import SandboxOptions
from pos.sandbox.records import Order, Refund, items_of, order_data, order_from_data
from pos.wechatpay.types import BEIJING


class LedgerBooks:
    """The bill and the snapshot of :class:`~pos.sandbox.ledger.Ledger` (its state is the
    ledger's)."""

    options: SandboxOptions
    _lock: threading.RLock
    _sequence: int
    _orders: dict[tuple[str, str], Order]
    _by_code_url: dict[str, Order]
    _by_transaction: dict[tuple[str, str], Order]
    _refunds: dict[tuple[str, str], Refund]
    _refunds_by_id: dict[tuple[str, str], Refund]
    _used_auth_codes: dict[str, tuple[str, str]]

    # --- bill (§3.8) --------------------------------------------------------------------------

    def bill_rows(
        self, mch_id: str, day: date
    ) -> tuple[list[tuple[Order, datetime]], list[tuple[Order, Refund]]]:
        """Payments by success time and refunds by acceptance time, on a Beijing day."""

        def on_day(moment: datetime | None) -> bool:
            return moment is not None and moment.astimezone(BEIJING).date() == day

        with self._lock:
            payments = sorted(
                (
                    (o, o.time_end)
                    for o in self._orders.values()
                    if o.mch_id == mch_id and o.time_end is not None and on_day(o.time_end)
                ),
                key=lambda p: p[1],
            )
            refunds = sorted(
                (
                    (o, r)
                    for o in self._orders.values()
                    if o.mch_id == mch_id
                    for r in o.refunds
                    if on_day(r.accepted_at)
                ),
                key=lambda p: p[1].accepted_at,
            )
        return [(o, t) for o, t in payments if t is not None], refunds

    def fee(self, fen: int) -> int:
        """The service fee in fen: the rate, rounded half up to the fen (§3.8)."""
        exact = Decimal(fen) * self.options.fee_rate
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    # --- what a restart keeps (pos.sandbox.state) -------------------------------------------

    def snapshot(self) -> dict[str, object]:
        """Everything WeChat would remember, as JSON-ready data (times as ISO text)."""
        with self._lock:
            return {
                "sequence": self._sequence,
                "orders": [order_data(order) for order in self._orders.values()],
                "used_auth_codes": [
                    [code, mch_id, number]
                    for code, (mch_id, number) in self._used_auth_codes.items()
                ],
            }

    def restore(self, data: Mapping[str, object]) -> None:
        """Put back what :meth:`snapshot` returned (into an empty ledger); ValueError if the
        data is not such a snapshot."""
        try:
            orders = [order_from_data(item) for item in items_of(data["orders"])]
            codes = [(str(c), str(m), str(n)) for c, m, n in items_of(data["used_auth_codes"])]
            sequence = data["sequence"]
            if not isinstance(sequence, int):
                raise TypeError("sequence")
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a sandbox state: {exc!r}") from exc
        with self._lock:
            if self._orders:
                raise ValueError("restore() needs an empty ledger")
            self._sequence = sequence
            for order in orders:
                self._orders[(order.mch_id, order.out_trade_no)] = order
                if order.code_url:
                    self._by_code_url[order.code_url] = order
                if order.transaction_id:
                    self._by_transaction[(order.mch_id, order.transaction_id)] = order
                for refund in order.refunds:
                    self._refunds[(refund.mch_id, refund.out_refund_no)] = refund
                    self._refunds_by_id[(refund.mch_id, refund.refund_id)] = refund
            for code, mch_id, number in codes:
                self._used_auth_codes[code] = (mch_id, number)

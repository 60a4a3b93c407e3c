"""The day's close asks the shop server for the other tills' handovers, or waits for it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from pos.errors import ShiftError
from pos.shop import MethodTotals, ShiftSummary
from pos.store import PaymentMethod
from pos.sync import ShopServerClient
from pos.ui.shop_sync import other_tills_shifts

OPENED = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
SUMMARY = ShiftSummary(
    shift_no="S-T1",
    till_id="T1",
    clerk_number=2,
    clerk_name="小李",
    opened_at=OPENED,
    closed_at=OPENED + timedelta(hours=8),
    float_fen=20_000,
    counted_fen=23_000,
    totals=(
        MethodTotals(PaymentMethod.NATIVE, 12, 30_550, 1, 1000),
        MethodTotals(PaymentMethod.MICROPAY),
        MethodTotals(PaymentMethod.CASH, 2, 3550, 1, 500),
    ),
)


def _server(records: list[dict[str, object]] | None) -> ShopServerClient:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/shop/v1/records"
        assert request.url.params["kind"] == "shift"
        if records is None:
            return httpx.Response(503, json={"error": "down"})
        return httpx.Response(200, content=json.dumps({"records": records}).encode())

    return ShopServerClient("http://shop.test", "T2=secret", transport=httpx.MockTransport(handle))


def _record(till: str) -> dict[str, object]:
    payload = dict(SUMMARY.to_payload(), till_id=till, shift_no=f"S-{till}")
    return {
        "till": till,
        "kind": "shift",
        "key": f"S-{till}",
        "at": "2026-11-24T09:30:00Z",
        "payload": payload,
    }


def test_the_other_tills_handovers_come_from_the_server_and_this_tills_do_not() -> None:
    client = _server([_record("T1"), _record("T2"), _record("T3")])
    shifts = other_tills_shifts(client, date(2026, 11, 24), till="T2")
    assert sorted(s.till_id for s in shifts) == ["T1", "T3"]
    assert shifts[0].totals == SUMMARY.totals


def test_a_server_that_cannot_answer_holds_the_close_back() -> None:
    with pytest.raises(ShiftError, match="close the day when it answers"):
        other_tills_shifts(_server(None), date(2026, 11, 24), till="T2")

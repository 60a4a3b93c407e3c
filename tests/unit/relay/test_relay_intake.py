"""The shop server's intake: tills' batches in (idempotent, forward only, each till its own),
the shop's day out. Over loopback HTTP; on SQLite, and on PostgreSQL when POS_TEST_PG_URL is
set."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.shop_server import BACKENDS, fresh_database

from pos.asgi_server import BackgroundServer
from pos.relay.app import RelaySettings, create_app
from pos.relay.shopdata import ShopData
from pos.store import DealState, RefundState
from pos.sync.wire import (
    Batch,
    DealSnapshot,
    HistoryRow,
    RefundSnapshot,
    ShopRecord,
    parse_ack,
    parse_day,
)
from pos.wechatpay.types import Merchant

SHOP = Merchant("wxd930ea5d5a258f4f", "10000100", "192006250b4c09247ec02edce69f6a2d")
OTHER = Merchant("wx0123456789abcdef", "1900000110", "b2c3d4e5f60718293a4b5c6d7e8f9012")
TOKENS = {
    "POS-01": "till-one-secret-0123456789",
    "POS-02": "till-two-secret-0123456789",
    "POS-09": "other-shop-secret-01234567",
}
ORIGIN = "0" * 31 + "1"
NOON = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 12:00 in Beijing


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


class Server:
    """The relay on a loopback port (BackgroundServer), a client of it, and its shop tables."""

    def __init__(self, settings: RelaySettings) -> None:
        self.app = create_app(settings)
        self.server = BackgroundServer(self.app).start()
        self.client = httpx.Client(base_url=self.server.url, timeout=30)
        self.data = ShopData(settings.database_url)

    def stop(self) -> None:
        self.client.close()
        self.data.close()
        self.app.state.close_streams()
        self.server.stop()

    def post(self, batch: Batch | bytes, till: str = "POS-01", **headers: str) -> Any:
        body = batch if isinstance(batch, bytes) else batch.to_json()
        return self.client.post(
            "/till/v1/sync",
            content=body,
            headers={"Authorization": f"Bearer {TOKENS[till]}", **headers},
        )

    def get(self, path: str, till: str = "POS-01", **params: str) -> Any:
        return self.client.get(
            path, params=params, headers={"Authorization": f"Bearer {TOKENS[till]}"}
        )

    def day(self, date: str = "2026-11-24", till: str = "POS-01") -> list[Any]:
        response = self.get("/shop/v1/day", till, date=date)
        assert response.status_code == 200, response.text
        return parse_day(response.content)


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    settings = RelaySettings(
        database_url=database_url,
        merchants={SHOP.mch_id: SHOP, OTHER.mch_id: OTHER},
        till_tokens=dict(TOKENS),
        till_merchants={"POS-09": OTHER.mch_id},
        default_mch_id=SHOP.mch_id,
        max_sync_bytes=256 * 1024,
    )
    server = Server(settings)
    yield server
    server.stop()


def deal(number: str = "POS0100001", version: int = 2, **changes: Any) -> DealSnapshot:
    values: dict[str, Any] = {
        "out_trade_no": number,
        "mch_id": SHOP.mch_id,
        "amount_fen": 2550,
        "product": "咖啡",
        "state": DealState.ORDERED,
        "created_at": NOON,
        "version": version,
    }
    values.update(changes)
    return DealSnapshot(**values)


def paid(number: str = "POS0100001", version: int = 3, **changes: Any) -> DealSnapshot:
    values: dict[str, Any] = {
        "state": DealState.PAID,
        "transaction_id": "4200000001",
        "paid_at": NOON + timedelta(seconds=5),
    }
    return deal(number, version, **{**values, **changes})


def history(number: str, *seqs: int) -> tuple[HistoryRow, ...]:
    states = [DealState.CREATED, DealState.ORDERED, DealState.PAID]
    return tuple(
        HistoryRow(seq, number, NOON, None if i == 0 else states[i - 1], states[i], "r")
        for i, seq in enumerate(seqs)
    )


def batch(*deals: DealSnapshot, till: str = "POS-01", **parts: Any) -> Batch:
    return Batch(
        till=till, mch_id=parts.pop("mch_id", SHOP.mch_id), origin=ORIGIN, deals=deals, **parts
    )


def test_a_batch_is_stored_and_acknowledged_and_sending_it_again_changes_nothing(
    server: Server,
) -> None:
    sent = batch(
        paid("POS0100001"),
        paid("POS0100002", amount_fen=100),
        history=history("POS0100001", 1, 2, 3) + history("POS0100002", 4, 5, 6),
    )
    first = server.post(sent)
    assert first.status_code == 200, first.text
    ack = parse_ack(first.content)
    assert (ack.history_seq, ack.deals, ack.stale, ack.conflicts) == (6, 2, 0, ())
    before = server.data.counts()
    again = parse_ack(server.post(sent).content)
    assert again.history_seq == 6 and again.deals == 0 and again.stale == 2
    assert server.data.counts() == before == {"deals": 2, "history": 6, "refunds": 0, "records": 0}
    day = server.day()
    assert [(d.till, d.out_trade_no, d.amount_fen, d.state) for d in day] == [
        ("POS-01", "POS0100001", 2550, DealState.PAID),
        ("POS-01", "POS0100002", 100, DealState.PAID),
    ]
    assert server.data.history(SHOP.mch_id, "POS0100001") == [
        ("POS-01", 1, "CREATED"),
        ("POS-01", 2, "ORDERED"),
        ("POS-01", 3, "PAID"),
    ]


def test_an_older_batch_arriving_late_does_not_take_a_deal_back(server: Server) -> None:
    newer = batch(paid(version=3), history=history("POS0100001", 1, 2, 3))
    older = batch(deal(version=2), history=history("POS0100001", 1, 2))
    assert server.post(newer).status_code == 200
    ack = parse_ack(server.post(older).content)
    assert ack.stale == 1 and ack.deals == 0
    [stored] = server.day()
    assert stored.state is DealState.PAID and stored.version == 3
    assert stored.transaction_id == "4200000001"


def test_a_newer_version_whose_state_would_move_backward_is_ignored(server: Server) -> None:
    assert server.post(batch(paid(version=3))).status_code == 200
    backward = deal(version=9, state=DealState.CLOSED)  # PAID -> CLOSED is no move
    ack = parse_ack(server.post(batch(backward)).content)
    assert ack.stale == 1
    assert server.day()[0].state is DealState.PAID
    # A move forward with a newer version is taken: a refund after the payment.
    refunded = paid(version=4, state=DealState.PARTIALLY_REFUNDED, refunded_fen=550)
    assert parse_ack(server.post(batch(refunded)).content).deals == 1
    [stored] = server.day()
    assert (stored.state, stored.refunded_fen) == (DealState.PARTIALLY_REFUNDED, 550)


def test_batches_out_of_order_end_in_the_newest_state(server: Server) -> None:
    steps = [
        batch(deal(version=1, state=DealState.CREATED), history=history("POS0100001", 1)),
        batch(deal(version=2), history=history("POS0100001", 1, 2)[1:]),
        batch(paid(version=3), history=history("POS0100001", 1, 2, 3)[2:]),
    ]
    for step in (steps[2], steps[0], steps[1], steps[2]):
        assert server.post(step).status_code == 200
    [stored] = server.day()
    assert stored.state is DealState.PAID
    assert [s for _, s, _ in server.data.history(SHOP.mch_id, "POS0100001")] == [1, 2, 3]


def test_refunds_move_forward_only(server: Server) -> None:
    def refund(state: RefundState, minute: int) -> RefundSnapshot:
        at = NOON + timedelta(minutes=minute)
        return RefundSnapshot("RF1", "POS0100001", 550, state, NOON, at)

    assert server.post(batch(refunds=(refund(RefundState.SUCCESS, 2),))).status_code == 200
    ack = parse_ack(server.post(batch(refunds=(refund(RefundState.PENDING, 1),))).content)
    assert (ack.refunds, ack.stale) == (0, 1)
    with server.data.db.connection_context():
        row = server.data.t.refund.get()
    assert row.state == "SUCCESS" and row.refund_fee == 550


def test_shop_records_keep_the_newest_version_of_each_key(server: Server) -> None:
    def record(seq: int, cash: int) -> ShopRecord:
        return ShopRecord(seq, "shift", "POS-01/1", NOON, {"cash_fen": cash, "clerk": "王芳"})

    for seq, cash in ((2, 900), (1, 100), (3, 1200)):
        ack = parse_ack(server.post(batch(records=(record(seq, cash),))).content)
        assert ack.record_seq == seq
    response = server.get("/shop/v1/records", kind="shift", date="2026-11-24")
    assert response.status_code == 200
    assert response.json()["records"] == [
        {
            "till": "POS-01",
            "kind": "shift",
            "key": "POS-01/1",
            "at": "2026-11-24T04:00:00.000000Z",
            "payload": {"cash_fen": 1200, "clerk": "王芳"},
        }
    ]
    assert server.get("/shop/v1/records", kind="shift", date="2026-11-25").json()["records"] == []


@pytest.mark.parametrize(
    ("till", "make", "why"),
    [
        ("POS-02", lambda: batch(paid(), till="POS-01"), "not POS-01's"),
        ("POS-09", lambda: batch(paid(), till="POS-09"), "merchant 1900000110 only"),
        (
            "POS-01",
            lambda: batch(paid(), paid("POS0100002", mch_id=OTHER.mch_id)),
            "another merchant's",
        ),
        ("POS-01", lambda: batch(paid(), mch_id=OTHER.mch_id), "merchant 10000100 only"),
    ],
)
def test_a_till_sends_only_its_own_data_or_nothing_is_stored(
    server: Server, till: str, make: Callable[[], Batch], why: str
) -> None:
    response = server.post(make(), till=till)
    assert response.status_code == 403
    assert why in response.json()["error"]
    assert server.data.counts() == {"deals": 0, "history": 0, "refunds": 0, "records": 0}


def test_one_merchants_tills_never_see_anothers_day_and_a_number_stays_its_tills(
    server: Server,
) -> None:
    other = batch(paid("POS0900001", mch_id=OTHER.mch_id), till="POS-09", mch_id=OTHER.mch_id)
    assert server.post(other, till="POS-09").status_code == 200
    assert server.post(batch(paid("POS0100001"))).status_code == 200
    # POS-02 sends a number POS-01 already sent: kept as POS-01's, reported as a conflict.
    clash = parse_ack(server.post(batch(paid("POS0100001", 9), till="POS-02"), "POS-02").content)
    assert clash.conflicts == ("POS0100001",)
    assert [(d.till, d.out_trade_no) for d in server.day(till="POS-02")] == [
        ("POS-01", "POS0100001")
    ]
    assert [d.out_trade_no for d in server.day(till="POS-09")] == ["POS0900001"]


def test_a_bad_token_is_401_and_stores_nothing(server: Server) -> None:
    body = batch(paid()).to_json()
    for headers in ({}, {"Authorization": "Bearer not-a-till"}, {"Authorization": "Basic x"}):
        response = server.client.post("/till/v1/sync", content=body, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert server.client.get("/shop/v1/day", params={"date": "2026-11-24"}).status_code == 401
    assert server.data.counts()["deals"] == 0


def test_an_oversized_body_is_413_before_it_is_read_whole(server: Server) -> None:
    huge = batch(*(paid(f"POS01{n:05d}") for n in range(2000)))
    body = huge.to_json()
    assert len(body) > 256 * 1024
    response = server.post(body)
    assert response.status_code == 413
    assert "at most 262144 bytes" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        for first in range(0, len(body), 65536):
            yield body[first : first + 65536]

    streamed = server.client.post(
        "/till/v1/sync",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKENS['POS-01']}"},
    )
    assert streamed.status_code == 413
    assert server.data.counts()["deals"] == 0


def _document(**changes: Any) -> bytes:
    document = json.loads(batch(paid(), history=history("POS0100001", 1)).to_json())
    for path, value in changes.items():
        target = document
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "batch must be a JSON object"),
        (b'{"protocol": NaN}', "NaN is not JSON"),
        (_document(protocol=2), "batch.protocol must be 1"),
        (_document(deals__0__amount_fen=25.5), "deals[0].amount_fen must be an integer number"),
        (_document(deals__0__amount_fen=2550.0), "deals[0].amount_fen must be an integer number"),
        (_document(deals__0__amount_fen="2550"), "deals[0].amount_fen must be an integer number"),
        (_document(deals__0__amount_fen=True), "deals[0].amount_fen must be an integer number"),
        (_document(deals__0__refunded_fen=-1), "deals[0].refunded_fen must be an integer number"),
        (_document(deals__0__refunded_fen=9999), "deals[0].refunded_fen must be at most"),
        (_document(deals__0__state="SOLD"), "deals[0].state must be a known state"),
        (_document(deals__0__created_at="2026-11-24 12:00"), "deals[0].created_at must be an ISO"),
        (_document(history__0__seq=0), "history[0].seq must be an integer from 1"),
        (_document(deals__0__out_trade_no="a b"), "deals[0].out_trade_no must be of the form"),
        (_document(origin="x"), "batch.origin must be of the form"),
        (_document(records=[{"seq": 1}]), "records[0].kind must be"),
    ],
)
def test_a_malformed_batch_is_400_with_what_is_wrong_and_stores_nothing(
    server: Server, body: bytes, message: str
) -> None:
    response = server.post(body)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert server.data.counts() == {"deals": 0, "history": 0, "refunds": 0, "records": 0}


def test_the_day_is_the_shops_business_day(database_url: str) -> None:
    # Shanghai by default; a shop in Urumqi time (UTC+6) ends its day two hours later.
    settings = RelaySettings(
        database_url=database_url,
        merchants={SHOP.mch_id: SHOP},
        till_tokens={"POS-01": TOKENS["POS-01"]},
        time_zone="Asia/Urumqi",
    )
    late = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # 01:00 in Beijing, 23:00 in Urumqi
    server = Server(settings)
    try:
        sent = batch(paid("POS0100001", created_at=late), paid("POS0100002"))
        assert server.post(sent).status_code == 200
        assert [d.out_trade_no for d in server.day("2026-11-24")] == ["POS0100001", "POS0100002"][
            ::-1
        ]
        assert server.day("2026-11-25") == []
        assert server.get("/shop/v1/day", date="2026-02-30").status_code == 400
        assert server.get("/shop/v1/day").status_code == 400
    finally:
        server.stop()


def test_the_day_answer_is_what_was_sent(server: Server) -> None:
    sent = replace(paid(clerk="王芳", method="cash"), refunded_fen=0)
    assert server.post(batch(sent)).status_code == 200
    [got] = server.day()
    assert got.till == "POS-01"
    assert replace(got, till="").to_dict() == {"till": "", **sent.to_dict()}

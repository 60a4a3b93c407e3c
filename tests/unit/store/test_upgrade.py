"""A till database made by an earlier release opens, migrates and keeps every deal.

``till-v1.sqlite3`` is from the release before payment codes and the shop (clerks, shifts,
cash): it migrates through every step to today's schema.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from helpers.fakes import FakeClock

from pos.checkout import sell_for_cash
from pos.pin import hash_pin
from pos.reports.day import day_report
from pos.shop import FIRST_MANAGER_NAME, Accounts, Desk
from pos.store import SCHEMA_VERSION, DealState, PaymentMethod, RefundState, Store, StoreError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def v1_store(tmp_path: Path) -> Store:
    path = tmp_path / "till.sqlite3"
    shutil.copyfile(FIXTURES / "till-v1.sqlite3", path)
    store = Store.open(path)
    yield store
    store.close()


def test_v1_database_is_migrated_to_the_current_schema(v1_store: Store) -> None:
    assert v1_store.schema_version() == SCHEMA_VERSION


def test_v1_deals_keep_their_states_amounts_and_history(v1_store: Store) -> None:
    day = v1_store.deals_between(
        datetime(2026, 12, 4, 16, tzinfo=UTC), datetime(2026, 12, 5, 16, tzinfo=UTC)
    )
    assert [(d.out_trade_no, d.state, d.amount_fen) for d in day] == [
        ("T1V10001", DealState.PAID, 2550),
        ("T1V10002", DealState.REFUNDED, 1800),
        ("T1V10003", DealState.PARTIALLY_REFUNDED, 10000),
        ("T1V10004", DealState.CLOSED, 999),
        ("T1V10005", DealState.ORDERED, 1234),
    ]
    assert {d.method for d in day} == {PaymentMethod.NATIVE}
    assert [e.to_state for e in v1_store.events("T1V10004")] == [
        DealState.CREATED,
        DealState.ORDERED,
        DealState.CLOSING,
        DealState.CLOSED,
    ]
    assert [d.out_trade_no for d in v1_store.unfinished_deals()] == ["T1V10005"]
    paid = v1_store.get_deal("T1V10001")
    assert paid is not None and paid.transaction_id == f"4200{1:028d}"


def test_v1_refunds_and_settings_are_kept(v1_store: Store) -> None:
    refunds = v1_store.refunds_for("T1V10003")
    assert [(r.out_refund_no, r.refund_fee, r.state) for r in refunds] == [
        ("R1V10002", 2500, RefundState.SUCCESS)
    ]
    assert v1_store.get_setting("example") == "kept"
    assert [p.name for p in v1_store.products()] == ["咖啡", "奶茶", "蛋糕"]


def test_lines_of_a_migrated_database_carry_the_method(v1_store: Store) -> None:
    lines = list(
        v1_store.iter_deal_lines(
            datetime(2026, 12, 4, 16, tzinfo=UTC), datetime(2026, 12, 5, 16, tzinfo=UTC)
        )
    )
    assert len(lines) == 5
    assert all(line.method is PaymentMethod.NATIVE for line in lines)


def test_a_new_deal_after_the_upgrade_records_its_method(v1_store: Store) -> None:
    now = datetime(2026, 12, 6, 2, tzinfo=UTC)
    deal = v1_store.create_deal(
        out_trade_no="T1V20001",
        amount_fen=100,
        product="咖啡",
        till_id="till-1",
        time_start=now,
        time_expire=datetime(2026, 12, 6, 2, 5, tzinfo=UTC),
        sign_type="MD5",
        now=now,
        method=PaymentMethod.MICROPAY,
    )
    assert deal.method is PaymentMethod.MICROPAY
    again = v1_store.get_deal("T1V20001")
    assert again is not None and again.method is PaymentMethod.MICROPAY


def test_the_fixture_itself_is_still_version_1() -> None:
    import sqlite3

    with sqlite3.connect(FIXTURES / "till-v1.sqlite3") as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = {row[1] for row in raw.execute("PRAGMA table_info(deal)")}
    assert "method" not in columns


def test_v1_database_gains_the_payment_code_columns_and_their_unique_index(
    v1_store: Store,
) -> None:
    now = datetime(2026, 12, 6, 2, tzinfo=UTC)

    def code_deal(number: str, fingerprint: str) -> None:
        v1_store.create_deal(
            out_trade_no=number,
            amount_fen=100,
            product="咖啡",
            till_id="till-1",
            time_start=now,
            time_expire=datetime(2026, 12, 6, 2, 5, tzinfo=UTC),
            sign_type="MD5",
            now=now,
            method=PaymentMethod.MICROPAY,
            code_masked="13****************",
            code_fingerprint=fingerprint,
        )

    code_deal("T1V30001", "f" * 64)
    deal = v1_store.get_deal("T1V30001")
    assert deal is not None and deal.code_masked == "13****************"
    assert v1_store.deal_with_code("f" * 64) == deal
    with pytest.raises(StoreError, match="payment code was already used"):
        code_deal("T1V30002", "f" * 64)
    assert v1_store.get_deal("T1V30002") is None
    old = v1_store.get_deal("T1V10001")
    assert old is not None and old.code_masked is None


def test_a_version_2_database_gains_the_code_columns_on_either_backend(store_url: str) -> None:
    from pos.store import db as dbmod

    made = Store.open(store_url)
    raw = made._db
    raw.execute_sql('DROP INDEX "deal_code_fingerprint"')
    raw.execute_sql('ALTER TABLE "deal" DROP COLUMN "code_fingerprint"')
    raw.execute_sql('ALTER TABLE "deal" DROP COLUMN "code_masked"')
    dbmod._write_version(raw, 2)
    made.close()

    upgraded = Store.open(store_url)
    try:
        assert upgraded.schema_version() == SCHEMA_VERSION
        columns = {c.name for c in upgraded._db.get_columns("deal")}
        assert {"code_masked", "code_fingerprint"} <= columns
        indexes = {i.name: i.unique for i in upgraded._db.get_indexes("deal")}
        assert indexes["deal_code_fingerprint"] is True
    finally:
        upgraded.close()


def test_v1_day_keeps_its_totals_and_chart_after_the_shop_upgrade(v1_store: Store) -> None:
    report = day_report(v1_store, date(2026, 12, 5))
    assert (report.totals.count, report.totals.all_count) == (3, 5)
    assert (report.totals.gross_fen, report.totals.refunded_fen) == (14_350, 4300)
    assert report.by_method[PaymentMethod.NATIVE].gross_fen == 14_350
    assert report.by_method[PaymentMethod.CASH].all_count == 0
    assert report.hourly_fen[10] == 14_350  # paid 10:10–10:30 Beijing


def test_v1_deals_and_refunds_are_nobodys_after_the_upgrade(v1_store: Store) -> None:
    day = v1_store.deals_between(
        datetime(2026, 12, 4, 16, tzinfo=UTC), datetime(2026, 12, 5, 16, tzinfo=UTC)
    )
    assert {(d.clerk_id, d.shift_id, d.cash_received_fen) for d in day} == {(None, None, None)}
    refunds = v1_store.refunds_for("T1V10002") + v1_store.refunds_for("T1V10003")
    assert {(r.clerk_id, r.shift_id) for r in refunds} == {(None, None)}
    # No accounts yet: the till opens straight to the till, as before.
    assert not v1_store.has_accounts() and v1_store.accounts(include_inactive=True) == []


def test_an_upgraded_till_adopts_its_manager_pin_and_stamps_new_deals(v1_store: Store) -> None:
    clock = FakeClock(datetime(2026, 12, 6, 2, tzinfo=UTC))
    accounts = Accounts(v1_store, clock=clock)
    manager = accounts.adopt_manager_pin(hash_pin("8642"))  # the settings' old manager PIN
    assert manager is not None and manager.name == FIRST_MANAGER_NAME
    desk = Desk(v1_store, till_id="till-1", clock=clock, accounts=accounts)
    desk.login(1, "8642")
    shift = desk.open_shift(10_000)
    sale = sell_for_cash(
        v1_store,
        amount_fen=500,
        received_fen=1000,
        till_id="till-1",
        clock=clock,
        stamp=desk.stamp(),
    )
    assert (sale.deal.clerk_id, sale.deal.shift_id) == (manager.id, shift.id)
    assert desk.handover(10_500).difference_fen == 0


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns (name, NOT NULL, primary key), foreign keys and indexes."""
    import sqlite3

    with sqlite3.connect(path) as raw:
        tables = sorted(
            name
            for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        )
        schema: dict[str, object] = {}
        for table in tables:
            columns = {(r[1], r[3], r[5]) for r in raw.execute(f'PRAGMA table_info("{table}")')}
            keys = {(r[2], r[3], r[4]) for r in raw.execute(f'PRAGMA foreign_key_list("{table}")')}
            indexes = {
                (r[1], r[2]) for r in raw.execute(f'PRAGMA index_list("{table}")') if r[3] == "c"
            }
            schema[table] = (columns, keys, indexes)
    return schema


def test_an_upgraded_database_has_the_schema_of_a_new_one(v1_store: Store, tmp_path: Path) -> None:
    fresh = Store.open(tmp_path / "fresh.sqlite3")
    fresh.close()
    v1_store.close()
    upgraded, new = _schema(tmp_path / "till.sqlite3"), _schema(tmp_path / "fresh.sqlite3")
    assert upgraded == new
    assert "shift_open_per_till" in {name for name, _ in new["shift"][2]}  # type: ignore[index]

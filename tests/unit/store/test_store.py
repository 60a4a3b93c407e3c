"""The Store on every available backend: deals, forward-only states, history, numbers, refunds."""

from __future__ import annotations

import dataclasses
import re
import threading
from datetime import UTC, datetime, timedelta, timezone

import peewee
import pytest
from helpers.deals import add_deal, mark_ordered, mark_paid

from pos.store import (
    DEAL_TRANSITIONS,
    MAX_REFUNDS_PER_DEAL,
    SCHEMA_VERSION,
    Deal,
    DealState,
    PaymentMethod,
    RefundLimitError,
    RefundState,
    Store,
    StoreError,
)
from pos.store.models import build_models

NOW = datetime(2026, 11, 24, 4, 0, 0, tzinfo=UTC)
OUT_TRADE_NO = re.compile(r"[A-Za-z0-9_\-|*]{6,32}")


def make_deal(
    store: Store, *, amount_fen: int = 2550, at: datetime = NOW, till_id: str = "POS01"
) -> Deal:
    return add_deal(store, at, amount_fen=amount_fen, till_id=till_id)


def pay(store: Store, deal: Deal, transaction_id: str = "4200001") -> Deal:
    mark_ordered(store, deal.out_trade_no, NOW)
    return mark_paid(store, deal.out_trade_no, NOW, transaction_id)


#: How to bring a new deal to each state through allowed moves only.
ROUTES: dict[DealState, list[DealState]] = {
    DealState.CREATED: [],
    DealState.ORDERED: [DealState.ORDERED],
    DealState.PAID: [DealState.ORDERED, DealState.PAID],
    DealState.CLOSING: [DealState.ORDERED, DealState.CLOSING],
    DealState.CLOSED: [DealState.ORDERED, DealState.CLOSING, DealState.CLOSED],
    DealState.FAILED: [DealState.FAILED],
    DealState.PARTIALLY_REFUNDED: [DealState.ORDERED, DealState.PAID, DealState.PARTIALLY_REFUNDED],
    DealState.REFUNDED: [DealState.ORDERED, DealState.PAID, DealState.REFUNDED],
    DealState.REVERSING: [DealState.ORDERED, DealState.REVERSING],
    DealState.REVERSED: [DealState.ORDERED, DealState.REVERSING, DealState.REVERSED],
}


def deal_in(store: Store, state: DealState) -> Deal:
    deal = make_deal(store)
    for step in ROUTES[state]:
        changes: dict[str, object] = {}
        if step is DealState.PAID:
            changes = {"transaction_id": f"42{deal.id:026d}", "paid_at": NOW}
        deal = store.transition(deal.out_trade_no, step, reason="route", now=NOW, **changes)
    assert deal.state is state
    return deal


# ---------------------------------------------------------------- deals


def test_a_deal_round_trips_with_integer_money_and_aware_times(store: Store) -> None:
    deal = make_deal(store, amount_fen=1)
    assert deal.state is DealState.CREATED
    stored = store.get_deal(deal.out_trade_no)
    assert stored == deal
    assert type(stored.amount_fen) is int and stored.amount_fen == 1
    assert stored.time_start == NOW and stored.time_start.tzinfo is not None
    assert store.get_deal("POS01NOSUCHDEAL") is None


@pytest.mark.parametrize("amount", [25.5, 2550.0, True, "2550"])
def test_money_must_be_an_int(store: Store, amount: object) -> None:
    with pytest.raises(TypeError):
        add_deal(store, NOW, out_trade_no="POS01ABCDEF", amount_fen=amount)
    assert store.get_deal("POS01ABCDEF") is None


def test_money_must_be_positive_and_times_aware(store: Store) -> None:
    with pytest.raises(ValueError, match="at least 1 fen"):
        add_deal(store, NOW, out_trade_no="POS01ABCDEF", amount_fen=0)
    naive = datetime(2026, 11, 24, 4, 0, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        add_deal(store, NOW, out_trade_no="POS01ABCDEF", time_start=naive)


def test_out_trade_no_is_unique_and_well_formed(store: Store) -> None:
    numbers = {store.new_out_trade_no("POS01", NOW) for _ in range(300)}
    # The clock going back does not bring an old number back.
    numbers |= {store.new_out_trade_no("POS01", NOW - timedelta(days=1)) for _ in range(50)}
    assert len(numbers) == 350
    assert all(OUT_TRADE_NO.fullmatch(n) for n in numbers)
    long_till = store.new_out_trade_no("a very long till name with spaces@#", NOW)
    assert OUT_TRADE_NO.fullmatch(long_till)
    # §1.5 [DOC]: the number carries the Beijing wall time.
    assert store.new_out_trade_no("POS01", NOW)[5:19] == "20261124120000"


def test_out_trade_no_cannot_be_stored_twice(store: Store) -> None:
    deal = make_deal(store)
    with pytest.raises(StoreError, match="already used"):
        add_deal(store, NOW, out_trade_no=deal.out_trade_no, amount_fen=1)
    with pytest.raises(ValueError):
        add_deal(store, NOW, out_trade_no="bad no!", amount_fen=1)
    assert len(store.events(deal.out_trade_no)) == 1


def test_numbers_minted_from_threads_never_collide(store: Store) -> None:
    minted: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(4)

    def mint() -> None:
        try:
            ready.wait(timeout=30)  # all at once: the very first number is the contested one
            for _ in range(25):
                number = store.new_out_trade_no("POS01", NOW)
                with lock:
                    minted.append(number)
        finally:
            store.close()  # this thread's connection

    threads = [threading.Thread(target=mint) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(minted) == len(set(minted)) == 100


# ---------------------------------------------------------------- transitions


@pytest.mark.parametrize("from_state", list(DealState))
@pytest.mark.parametrize("to_state", list(DealState))
def test_only_the_moves_of_the_table_are_allowed(
    store: Store, from_state: DealState, to_state: DealState
) -> None:
    deal = deal_in(store, from_state)
    events = len(store.events(deal.out_trade_no))
    changes: dict[str, object] = {}
    if to_state is DealState.PAID and deal.transaction_id is None:
        changes = {"transaction_id": "4200009999", "paid_at": NOW}
    if from_state is to_state:
        assert store.transition(deal.out_trade_no, to_state, reason="again", now=NOW) == deal
        assert len(store.events(deal.out_trade_no)) == events
    elif to_state in DEAL_TRANSITIONS[from_state]:
        moved = store.transition(deal.out_trade_no, to_state, reason="move", now=NOW, **changes)
        assert moved.state is to_state
        last = store.events(deal.out_trade_no)[-1]
        assert (last.from_state, last.to_state, last.reason) == (from_state, to_state, "move")
    else:
        with pytest.raises(StoreError, match="not allowed"):
            store.transition(deal.out_trade_no, to_state, reason="back", now=NOW, **changes)
        assert store.get_deal(deal.out_trade_no) == deal
        assert len(store.events(deal.out_trade_no)) == events


def test_states_only_move_forward() -> None:
    # No cycles apart from staying: a deal can never come back to where it was.
    def reachable(state: DealState) -> set[DealState]:
        seen: set[DealState] = set()
        todo = [s for s in DEAL_TRANSITIONS[state] if s is not state]
        while todo:
            nxt = todo.pop()
            if nxt not in seen:
                seen.add(nxt)
                todo += [s for s in DEAL_TRANSITIONS[nxt] if s is not nxt]
        return seen

    for state in DealState:
        assert state not in reachable(state), state
    assert DealState.CREATED not in set().union(*DEAL_TRANSITIONS.values())


def test_history_is_complete(store: Store) -> None:
    deal = make_deal(store)
    store.transition(
        deal.out_trade_no,
        DealState.CREATED,
        reason="unifiedorder outcome unknown",
        now=NOW,
        last_error="TransportError: timed out",
    )
    mark_ordered(store, deal.out_trade_no, NOW)
    store.transition(deal.out_trade_no, DealState.CLOSING, reason="timeout", now=NOW)
    mark_paid(store, deal.out_trade_no, NOW, reason="late payment", is_late=True)
    events = store.events(deal.out_trade_no)
    assert [(e.from_state, e.to_state, e.reason) for e in events] == [
        (None, DealState.CREATED, "created"),
        (DealState.CREATED, DealState.CREATED, "unifiedorder outcome unknown"),
        (DealState.CREATED, DealState.ORDERED, "order created"),
        (DealState.ORDERED, DealState.CLOSING, "timeout"),
        (DealState.CLOSING, DealState.PAID, "late payment"),
    ]
    assert "timed out" in events[1].detail and '"is_late": true' in events[4].detail
    stored = store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.is_late and stored.transaction_id == "4200001"


def test_paid_data_is_set_once(store: Store) -> None:
    deal = pay(store, make_deal(store))
    # The same notification again changes nothing (§5.2 step 9).
    assert mark_paid(store, deal.out_trade_no, NOW, reason="dup") == deal
    with pytest.raises(StoreError, match="already set"):
        store.transition(
            deal.out_trade_no, DealState.PAID, reason="other", now=NOW, transaction_id="4200002"
        )
    other = make_deal(store)
    store.transition(other.out_trade_no, DealState.ORDERED, reason="x", now=NOW)
    with pytest.raises(StoreError, match="needs a transaction_id"):
        store.transition(other.out_trade_no, DealState.PAID, reason="x", now=NOW)
    with pytest.raises(StoreError, match="another deal"):
        store.transition(
            other.out_trade_no,
            DealState.PAID,
            reason="x",
            now=NOW,
            transaction_id="4200001",
            paid_at=NOW,
        )
    assert store.get_deal(other.out_trade_no).state is DealState.ORDERED  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="no deal"):
        store.transition("POS01NOSUCHDEAL", DealState.ORDERED, reason="x", now=NOW)
    with pytest.raises(TypeError):
        store.transition(other.out_trade_no, DealState.ORDERED, reason="x", now=NOW, amount_fen=1)
    assert store.get_deal_by_transaction_id("4200001") == deal


def test_unfinished_deals_and_deals_between(store: Store) -> None:
    created = make_deal(store, at=NOW)
    ordered = deal_in(store, DealState.ORDERED)
    closing = deal_in(store, DealState.CLOSING)
    deal_in(store, DealState.PAID)
    deal_in(store, DealState.FAILED)
    deal_in(store, DealState.CLOSED)
    reversing = deal_in(store, DealState.REVERSING)
    deal_in(store, DealState.REVERSED)
    later = make_deal(store, at=NOW + timedelta(days=1))
    assert [d.out_trade_no for d in store.unfinished_deals()] == [
        created.out_trade_no,
        ordered.out_trade_no,
        closing.out_trade_no,
        reversing.out_trade_no,
        later.out_trade_no,
    ]
    today = store.deals_between(NOW, NOW + timedelta(days=1))
    assert len(today) == 8 and later not in today
    assert store.deals_between(NOW + timedelta(days=1), NOW + timedelta(days=2)) == [later]
    # The same instant in another zone is the same instant.
    beijing = NOW.astimezone(timezone(timedelta(hours=8)))
    assert store.deals_between(beijing, beijing + timedelta(seconds=1)) == today


# ---------------------------------------------------------------- products


def test_products(store: Store) -> None:
    tea = store.save_product(name="Tea", price_fen=300, position=2)
    cake = store.save_product(name=" Cake ", position=1)
    assert cake.name == "Cake" and cake.price_fen is None
    assert [p.name for p in store.products()] == ["Cake", "Tea"]
    store.save_product(
        product_id=tea.id, name="Green tea", price_fen=350, position=2, is_active=False
    )
    assert [p.name for p in store.products()] == ["Cake"]
    assert [p.name for p in store.products(include_inactive=True)] == ["Cake", "Green tea"]
    store.delete_product(cake.id)
    assert store.products() == []
    with pytest.raises(StoreError):
        store.save_product(product_id=999, name="x")
    with pytest.raises(TypeError):
        store.save_product(name="x", price_fen=3.5)  # type: ignore[arg-type]


def test_replacing_the_products_keeps_ids_by_position_and_is_all_or_nothing(
    store: Store,
) -> None:
    first = store.replace_products(["Latte", "Bagel", "Tea"])
    assert [p.name for p in first] == ["Latte", "Bagel", "Tea"]
    assert [p.position for p in first] == [0, 1, 2]
    renamed = store.replace_products(["Flat white", "Bagel"])
    assert [p.name for p in renamed] == ["Flat white", "Bagel"]
    assert [p.id for p in renamed] == [first[0].id, first[1].id]  # renamed, not remade
    assert store.products(include_inactive=True) == renamed  # Tea is gone
    # A name the store refuses half way leaves the list as it was.
    with pytest.raises(ValueError, match="needs a name"):
        store.replace_products(["Cake", "  "])
    assert store.products() == renamed
    assert store.replace_products([]) == []


# ---------------------------------------------------------------- refunds


def test_refunds_never_exceed_what_was_paid(store: Store) -> None:
    deal = pay(store, make_deal(store, amount_fen=1000))
    first = store.create_refund(deal.out_trade_no, "R1", 600, "broken cup", NOW)
    assert first.state is RefundState.PENDING
    with pytest.raises(RefundLimitError, match="400 fen left"):
        store.create_refund(deal.out_trade_no, "R2", 401, "", NOW)
    # Sending the same refund again is the same refund (§1.5); another amount is refused.
    assert store.create_refund(deal.out_trade_no, "R1", 600, "broken cup", NOW) == first
    with pytest.raises(RefundLimitError, match="already used"):
        store.create_refund(deal.out_trade_no, "R1", 500, "", NOW)
    # A refund WeChat Pay closed gives its amount back to the limit.
    store.update_refund("R1", state=RefundState.PROCESSING, now=NOW, refund_id="5030001")
    store.update_refund("R1", state=RefundState.CLOSED, now=NOW)
    second = store.create_refund(deal.out_trade_no, "R2", 1000, "", NOW)
    assert second.refund_fee == 1000
    with pytest.raises(StoreError, match="not allowed"):
        store.update_refund("R1", state=RefundState.SUCCESS, now=NOW)
    assert [r.out_refund_no for r in store.refunds_for(deal.out_trade_no)] == ["R1", "R2"]


def test_refund_success_moves_the_deal(store: Store) -> None:
    deal = pay(store, make_deal(store, amount_fen=1000))
    store.create_refund(deal.out_trade_no, "R1", 300, "", NOW)
    store.create_refund(deal.out_trade_no, "R2", 700, "", NOW)
    refund = store.update_refund(
        "R1", state=RefundState.SUCCESS, now=NOW, refund_id="503", success_time=NOW
    )
    assert refund.success_time == NOW and refund.refund_id == "503"
    assert store.get_deal(deal.out_trade_no).state is DealState.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    # The refund notification repeats: nothing changes the second time.
    events = len(store.events(deal.out_trade_no))
    store.update_refund("R1", state=RefundState.SUCCESS, now=NOW, refund_id="503", success_time=NOW)
    assert len(store.events(deal.out_trade_no)) == events
    store.update_refund("R2", state=RefundState.SUCCESS, now=NOW)
    assert store.get_deal(deal.out_trade_no).state is DealState.REFUNDED  # type: ignore[union-attr]
    assert [e.to_state for e in store.events(deal.out_trade_no)][-2:] == [
        DealState.PARTIALLY_REFUNDED,
        DealState.REFUNDED,
    ]
    assert store.unfinished_refunds() == []


def test_at_most_fifty_refunds_per_deal(store: Store) -> None:
    deal = pay(store, make_deal(store, amount_fen=100))
    for n in range(MAX_REFUNDS_PER_DEAL):
        store.create_refund(deal.out_trade_no, f"R{n}", 1, "", NOW)
    with pytest.raises(RefundLimitError, match="50 refunds"):
        store.create_refund(deal.out_trade_no, "R50", 1, "", NOW)
    assert len(store.refunds_for(deal.out_trade_no)) == 50
    assert len(store.unfinished_refunds()) == 50


def test_only_paid_deals_can_be_refunded(store: Store) -> None:
    deal = deal_in(store, DealState.CLOSED)
    with pytest.raises(RefundLimitError, match="not paid"):
        store.create_refund(deal.out_trade_no, "R1", 1, "", NOW)
    with pytest.raises(RefundLimitError, match="no deal"):
        store.create_refund("POS01NOSUCHDEAL", "R1", 1, "", NOW)
    with pytest.raises(ValueError):
        store.create_refund(deal.out_trade_no, "R 1", 1, "", NOW)
    assert store.get_refund("R1") is None


def test_a_failed_refund_retried_later_is_checked_again(store: Store) -> None:
    deal = pay(store, make_deal(store, amount_fen=100))
    store.create_refund(deal.out_trade_no, "R1", 100, "", NOW)
    store.update_refund("R1", state=RefundState.FAILED, now=NOW, last_error="NOTENOUGH")
    store.create_refund(deal.out_trade_no, "R2", 100, "", NOW)
    with pytest.raises(RefundLimitError):
        store.update_refund("R1", state=RefundState.PROCESSING, now=NOW)
    assert store.get_refund("R1").state is RefundState.FAILED  # type: ignore[union-attr]


# ---------------------------------------------------------------- schema


def test_schema_version_and_reopen(store: Store, store_url: str) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    deal = make_deal(store)
    store.close()
    again = Store.open(store_url)
    try:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.get_deal(deal.out_trade_no) == deal
    finally:
        again.close()


def test_settings(store: Store) -> None:
    assert store.get_setting("theme") is None
    store.set_setting("theme", "dark")
    store.set_setting("theme", "light")
    assert store.get_setting("theme") == "light"


def test_the_repr_never_shows_a_url(store: Store) -> None:
    assert "://" not in repr(store) and "@" not in repr(store)


def test_the_deal_table_has_the_deal_record_s_fields_in_order() -> None:
    # The store reads deals by these names in this order (store._DEAL_COLUMNS): one list.
    models = build_models(peewee.SqliteDatabase(":memory:"))
    columns = [field.column_name for field in models.deal._meta.sorted_fields]
    assert columns == [field.name for field in dataclasses.fields(Deal)]


def test_the_install_secret_is_made_once_and_kept(store: Store, store_url: str) -> None:
    secret = store.install_secret("paycode_salt")
    assert len(secret) == 32
    assert store.install_secret("paycode_salt") == secret
    assert store.install_secret("another") != secret
    again = Store.open(store_url)
    try:
        assert again.install_secret("paycode_salt") == secret
    finally:
        again.close()


def test_a_payment_code_fingerprint_belongs_to_one_deal(store: Store) -> None:
    def code_deal(fingerprint: str) -> Deal:
        return store.create_deal(
            out_trade_no=store.new_out_trade_no("POS01", NOW),
            amount_fen=1880,
            product="咖啡",
            till_id="POS01",
            time_start=NOW,
            time_expire=NOW + timedelta(minutes=6),
            sign_type="MD5",
            now=NOW,
            method=PaymentMethod.MICROPAY,
            code_masked="13****************",
            code_fingerprint=fingerprint,
        )

    first = code_deal("a" * 64)
    assert first.method is PaymentMethod.MICROPAY and first.code_masked == "13****************"
    assert store.deal_with_code("a" * 64) == first
    assert store.deal_with_code("b" * 64) is None
    with pytest.raises(StoreError, match="payment code was already used"):
        code_deal("a" * 64)
    # Deals without a code (NULL) never collide with each other.
    assert make_deal(store).code_fingerprint is None
    assert make_deal(store).code_fingerprint is None
    assert code_deal("b" * 64).code_fingerprint == "b" * 64

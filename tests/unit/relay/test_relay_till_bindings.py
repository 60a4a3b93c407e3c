"""Tills of a relay: bound to a merchant, known by the hash of their secret only."""

from __future__ import annotations

import hashlib

import pytest

from pos.errors import ConfigError
from pos.relay.app import RelaySettings, create_app
from pos.relay.tills import till_with, tills_of
from pos.wechatpay.types import Merchant

ONE = Merchant("wxd930ea5d5a258f4f", "10000100", "192006250b4c09247ec02edce69f6a2d")
TWO = Merchant("wx0123456789abcdef", "1900000110", "b2c3d4e5f60718293a4b5c6d7e8f9012")
SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


def settings(**overrides: object) -> RelaySettings:
    values: dict[str, object] = {
        "database_url": "unused.db",
        "merchants": {ONE.mch_id: ONE},
        "till_tokens": {"POS-01": SECRET},
    }
    values.update(overrides)
    return RelaySettings(**values)  # type: ignore[arg-type]


def test_a_till_is_found_by_its_secret_and_the_relay_keeps_only_the_hash() -> None:
    tills = tills_of(settings())
    assert [(t.name, t.mch_id) for t in tills] == [("POS-01", ONE.mch_id)]
    assert tills[0].digest == hashlib.sha256(SECRET.encode()).digest()
    assert SECRET not in repr(tills) and SECRET not in repr(settings())
    found = till_with(tills, SECRET)
    assert found is not None and found.name == "POS-01"
    assert till_with(tills, "POS-01") is None


def test_a_secret_may_be_given_as_its_sha256() -> None:
    hashed = "sha256:" + hashlib.sha256(SECRET.encode()).hexdigest()
    tills = tills_of(settings(till_tokens={"POS-01": hashed}))
    found = till_with(tills, SECRET)
    assert found is not None and found.name == "POS-01"
    assert till_with(tills, hashed) is None


def test_tills_default_to_the_default_merchant_and_may_be_bound_to_another() -> None:
    tills = tills_of(
        settings(
            merchants={ONE.mch_id: ONE, TWO.mch_id: TWO},
            till_tokens={"POS-01": SECRET, "POS-09": SECRET[::-1]},
            till_merchants={"POS-09": TWO.mch_id},
            default_mch_id=ONE.mch_id,
        )
    )
    assert {t.name: t.mch_id for t in tills} == {"POS-01": ONE.mch_id, "POS-09": TWO.mch_id}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"merchants": {ONE.mch_id: ONE, TWO.mch_id: TWO}}, "till POS-01 has no merchant"),
        ({"till_merchants": {"POS-01": "1900000999"}}, "bound to merchant 1900000999, not served"),
        ({"till_merchants": {"POS-77": ONE.mch_id}}, "names till POS-77, which has no token"),
    ],
)
def test_a_till_bound_to_no_merchant_stops_the_start_in_one_line(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        create_app(settings(**overrides))
    assert SECRET not in str(raised.value)


def test_pos_relay_serves_the_settings_merchant_and_the_relay_merchants() -> None:
    from pos.config import Settings
    from pos.relay import settings_from

    settings = Settings(
        merchant=ONE,
        relay_till_tokens={"POS-01": SECRET},
        relay_till_merchants={"POS-01": TWO.mch_id},
        relay_merchants=[TWO],
        relay_replay_events=10,
    )
    relay = settings_from(settings, "relay.db")
    assert relay.merchants == {ONE.mch_id: ONE, TWO.mch_id: TWO}
    assert relay.default_mch_id == ONE.mch_id
    assert relay.till_tokens == {"POS-01": SECRET}
    assert relay.till_merchants == {"POS-01": TWO.mch_id}
    assert relay.replay_events == 10
    with pytest.raises(ConfigError, match="merchant 10000100 is given twice"):
        settings_from(Settings(merchant=ONE, relay_merchants=[ONE]), "relay.db")
    with pytest.raises(ConfigError, match="pos relay needs a merchant"):
        settings_from(Settings(), "relay.db")

"""The relay's paths are a public contract, stated once and served (see also test_relay_imports)."""

from __future__ import annotations

from pathlib import Path

from starlette.routing import Route

from pos.relay import create_app, paths
from pos.relay.app import RelaySettings


def test_the_paths_are_what_merchants_and_tills_are_configured_with() -> None:
    # WeChat Pay's merchant platform and the tills in shops hold these: a change breaks them.
    assert paths.PAYMENT_NOTIFY == "/wechatpay/notify"
    assert paths.REFUND_NOTIFY == "/wechatpay/refund-notify"
    assert paths.EVENTS == "/events"
    assert paths.HEALTH == "/health"
    assert paths.relay_url("https://relay.example.com/", paths.EVENTS) == (
        "https://relay.example.com/events"
    )


def test_the_relay_serves_every_path(tmp_path: Path) -> None:
    app = create_app(RelaySettings(f"sqlite:///{tmp_path / 'relay.sqlite3'}", {}))
    served = {route.path for route in app.routes if isinstance(route, Route)}
    assert served == {
        paths.PAYMENT_NOTIFY,
        paths.REFUND_NOTIFY,
        paths.EVENTS,
        paths.HEALTH,
        paths.TILL_SYNC,
        paths.SHOP_DAY,
        paths.SHOP_RECORDS,
    }


def test_the_tills_sync_names_the_servers_paths() -> None:
    from pos.sync import wire

    assert (wire.SYNC_PATH, wire.DAY_PATH, wire.RECORDS_PATH) == (
        paths.TILL_SYNC,
        paths.SHOP_DAY,
        paths.SHOP_RECORDS,
    )

"""The relay's URL paths, stated once for the server, the tills and the settings' defaults.

Importing this module loads nothing else (``pos.relay`` itself is lazy), so a till or the
command line can name a path without loading the server. The paths are a public contract:
WeChat Pay is configured with ``<relay>/wechatpay/notify`` on the merchant platform, and
tills already in shops follow ``/events``; changing one breaks them.
"""

from __future__ import annotations

#: WeChat Pay posts payment results here (§3.4): the ``notify_url`` of every order.
PAYMENT_NOTIFY = "/wechatpay/notify"
#: WeChat Pay posts refund results here (§3.7): the ``notify_url`` of every refund.
REFUND_NOTIFY = "/wechatpay/refund-notify"
#: Tills follow the stored notifications here (Server-Sent Events, bearer token).
EVENTS = "/events"
#: The relay's own health (database and worker), for a load balancer or a monitor.
HEALTH = "/health"
#: A till sends its deals, their history, refunds and shop records here (pos.sync).
TILL_SYNC = "/till/v1/sync"
#: The shop's business day, every till's deals (JSON).
SHOP_DAY = "/shop/v1/day"
#: The shop's records of a kind and a day (shifts, closes, clerks' actions).
SHOP_RECORDS = "/shop/v1/records"


def relay_url(base_url: str, path: str) -> str:
    """``path`` on the relay at ``base_url`` (a trailing slash of the base is ignored)."""
    return base_url.rstrip("/") + path

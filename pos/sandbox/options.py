"""The sandbox's switches: every behaviour of §6 that the reference leaves open or optional."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

#: §3.4: gaps between notification attempts after the first, immediate one (24 h 4 min in all).
NOTIFY_SCHEDULE: tuple[float, ...] = (
    15,
    15,
    30,
    3 * 60,
    10 * 60,
    20 * 60,
    30 * 60,
    30 * 60,
    30 * 60,
    60 * 60,
    3 * 3600,
    3 * 3600,
    3 * 3600,
    6 * 3600,
    6 * 3600,
)


@dataclass(frozen=True)
class SandboxOptions:
    """Switches of the simulator. Durations are in *simulated* seconds unless said otherwise.

    The defaults follow the reference; the switches reproduce the variants it reports.
    """

    #: §1.5: current docs say out_trade_no has at least 6 characters; older docs did not.
    out_trade_no_min_length: int = 6
    #: §4.5: ``time_expire`` must leave this many minutes (1 today; 5 in the old rule).
    min_expire_minutes: int = 1
    #: §4.6: err_code for a re-entry with different fields (``INVALID_REQUEST`` with the
    #: observed ``201 商户订单号重复``, or ``OUT_TRADE_NO_USED``).
    duplicate_err_code: str = "INVALID_REQUEST"
    #: §4.6: err_code for a re-entry on a closed order (``ORDERCLOSED`` or ``INVALID_REQUEST``).
    closed_reentry_err_code: str = "ORDERCLOSED"
    #: §3.3: refuse closeorder in the first 5 minutes (off: the v3 pages softened the rule).
    strict_close_5min: bool = False
    #: §4.5: code_url / prepay_id validity.
    code_url_lifetime: float = 2 * 3600
    #: §4.5 [OBS]: payments completing a little after time_expire; 0 = strict.
    late_payment_grace: float = 0.0
    #: §6: close unpaid orders this long after they expired; None = stay NOTPAY (default).
    auto_close_after: float | None = None
    #: §3.5: PROCESSING lasts this long before the refund reaches its final state.
    refund_delay: float = 3.0
    #: §4.3: the final state refunds reach: SUCCESS, CHANGE or REFUNDCLOSE.
    refund_outcome: str = "SUCCESS"
    #: §3.7: refund notifications go here when the refund request has no notify_url.
    refund_notify_url: str | None = None
    #: §3.5: minimum gap between two refunds of one order (0 = not enforced).
    refund_min_interval: float = 0.0
    #: §3.8: serve today's bill instead of ``Bill Creating`` (tests need it).
    bill_allow_today: bool = False
    #: §3.8: also answer ``Bill Creating`` for yesterday before 10:00 Beijing.
    bill_ready_at_10: bool = False
    #: §3.8: the fee rate of the bill (0.6 %).
    fee_rate: Decimal = Decimal("0.006")
    #: §3.9: how long a scripted USERPAYING lasts before it resolves.
    micropay_password_seconds: float = 10.0
    #: §4.5: WeChat reverses unpaid micropay orders by itself after 45 s.
    micropay_auto_revoke: float = 45.0
    #: §3.10: answer the first reverse of each order with ``recall=Y`` (and do nothing yet).
    reverse_recall_once: bool = False
    #: §3.4: the schedule of notification retries (gaps after the first attempt).
    notify_schedule: tuple[float, ...] = NOTIFY_SCHEDULE
    #: §3.4: a reply must come within 5 s. Real seconds: it is not scaled with the clock.
    notify_timeout: float = 5.0
    #: §6: MD5 orders' notifications carry ``sign_type=MD5`` (it is then part of the signature).
    notify_md5_sign_type: bool = False
    #: How often (real seconds) the sandbox looks for due notifications and settled refunds.
    tick_interval: float = 0.01

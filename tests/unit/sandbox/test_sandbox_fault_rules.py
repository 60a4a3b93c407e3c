"""Fault matching and counting, the sandbox clock and the command line, without a network."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pos.commands import run_sandbox
from pos.sandbox import DEFAULT_MERCHANT, Fault, Sandbox
from pos.sandbox.faults import FaultSet
from pos.wechatpay.types import BEIJING


def test_faults_match_endpoints_by_name_or_path() -> None:
    faults = FaultSet()
    faults.add(Fault(endpoint="orderquery", kind="latency", seconds=1))
    faults.add(Fault(endpoint="secapi/pay/refund", kind="http_500"))
    faults.add(Fault(endpoint="*", kind="garbled", times=1))
    assert [f.kind for f in faults.take("pay/orderquery")] == ["latency", "garbled"]
    assert [f.kind for f in faults.take("pay/orderquery")] == ["latency"]  # garbled used up
    assert [f.kind for f in faults.take("secapi/pay/refund")] == ["http_500"]
    assert faults.take("pay/closeorder") == []


def test_notify_faults_only_touch_notifications() -> None:
    faults = FaultSet()
    faults.add(Fault(endpoint="notify", kind="notify_lose", times=2))
    faults.add(Fault(endpoint="refund_notify", kind="notify_delay", seconds=5))
    faults.add(Fault(kind="system_error"))
    assert faults.take("pay/unifiedorder") == [Fault(kind="system_error")]
    assert [f.kind for f in faults.take("pay_notify", notify=True)] == ["notify_lose"]
    assert [f.kind for f in faults.take("refund_notify", notify=True)] == [
        "notify_lose",
        "notify_delay",
    ]
    assert [f.kind for f in faults.take("refund_notify", notify=True)] == ["notify_delay"]


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "latency", "seconds": -1},
        {"kind": "latency", "times": -1},
        {"kind": "notify_lose", "endpoint": "pay/orderquery"},
    ],
)
def test_bad_faults_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Fault(**bad)  # type: ignore[arg-type]


def test_time_scale_speeds_up_the_injected_clock() -> None:
    start = datetime(2026, 6, 1, 12, 0, tzinfo=BEIJING)
    moments = [start]
    sandbox = Sandbox(clock=lambda: moments[-1], time_scale=100)
    moments.append(start + timedelta(seconds=3))
    assert sandbox.now() == start + timedelta(seconds=300)


def test_naive_clock_is_beijing_time() -> None:
    sandbox = Sandbox(clock=lambda: datetime(2026, 6, 1, 12, 0))
    assert sandbox.now() == datetime(2026, 6, 1, 12, 0, tzinfo=BEIJING)


def test_sandbox_key_is_stable_and_secret_free_in_repr() -> None:
    one, two = Sandbox(), Sandbox()
    assert one.sandbox_key("10000100") == two.sandbox_key("10000100")
    assert DEFAULT_MERCHANT.api_key not in repr(DEFAULT_MERCHANT)


def test_cli_refuses_partial_merchants(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_sandbox("127.0.0.1", 0, "wx1", None, None) == 2
    assert run_sandbox("127.0.0.1", 0, "wx1", "1", "short") == 2
    err = capsys.readouterr().err
    assert "short" not in err and err.count("\n") == 2

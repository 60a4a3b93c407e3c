"""Fault injection (§6 "Chaos"): per-endpoint latency, drops, 5xx, SYSTEMERROR, and notify faults.

``Fault.endpoint`` is ``"*"``, an endpoint name (``"unifiedorder"`` or
``"pay/unifiedorder"``; sandbox prefixes are ignored), or for notifications
``"notify"`` (payment and refund), ``"pay_notify"`` or ``"refund_notify"``.
``times`` counts the requests (or notifications) a fault applies to; ``None``
keeps it until :meth:`FaultSet.clear`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

#: Faults of the API endpoints, applied to a request.
ENDPOINT_KINDS = frozenset(
    {
        "latency",  # process, sleep `seconds`, then answer (the work is done)
        "drop_after",  # process, then cut the connection in the middle of the reply
        "http_500",  # HTTP 500, nothing processed
        "system_error",  # result_code=FAIL err_code=SYSTEMERROR, nothing processed
        "garbled",  # process, then answer bytes that are not XML
        "bad_sign",  # process, then answer a valid reply with a wrong signature
        "frequency_limited",  # result_code=FAIL err_code=FREQUENCY_LIMITED, nothing processed
        "hang",  # never answer, nothing processed: open until the client gives up (or until
        # the faults are cleared: then HTTP 500, so a held call ends when the test lifts it)
    }
)
#: Faults of notifications, applied to one notification (all its attempts).
NOTIFY_KINDS = frozenset(
    {
        "notify_lose",  # never delivered
        "notify_delay",  # first attempt `seconds` (simulated) later
        "notify_duplicate",  # delivered once more after a SUCCESS reply
        "notify_out_of_order",  # held until the next one was attempted (or `seconds`, if > 0)
        "notify_bad_sign",  # a wrong signature (refunds: req_info encrypted with a wrong key)
        "notify_wrong_fee",  # total_fee (refunds: refund_fee) one fen more, correctly signed
    }
)
KINDS = ENDPOINT_KINDS | NOTIFY_KINDS
_NOTIFY_ENDPOINTS = frozenset({"notify", "pay_notify", "refund_notify"})


@dataclass
class Fault:
    """One injected fault. ``times=None``: until cleared."""

    endpoint: str = "*"
    kind: str = "latency"
    seconds: float = 0.0
    times: int | None = None
    used: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(KINDS)}")
        if self.times is not None and self.times < 0:
            raise ValueError("times must be >= 0 or None")
        if self.seconds < 0:
            raise ValueError("seconds must be >= 0")
        if self.kind in NOTIFY_KINDS and self.endpoint not in _NOTIFY_ENDPOINTS | {"*"}:
            raise ValueError(f"{self.kind} applies to endpoint 'notify', not {self.endpoint!r}")

    @classmethod
    def from_json(cls, data: Any) -> Fault:
        """From the JSON body of ``POST /sandbox/faults``; ValueError when malformed."""
        if not isinstance(data, dict):
            raise ValueError("a JSON object is expected")
        unknown = set(data) - {"endpoint", "kind", "seconds", "times"}
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        endpoint = data.get("endpoint", "*")
        kind = data.get("kind")
        seconds = data.get("seconds", 0)
        times = data.get("times")
        if not isinstance(endpoint, str) or not isinstance(kind, str):
            raise ValueError("endpoint and kind must be strings")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise ValueError("seconds must be a number")
        if times is not None and (isinstance(times, bool) or not isinstance(times, int)):
            raise ValueError("times must be an integer or null")
        return cls(endpoint=endpoint, kind=kind, seconds=float(seconds), times=times)

    def matches(self, endpoint: str, *, notify: bool) -> bool:
        if notify != (self.kind in NOTIFY_KINDS):
            return False
        if self.endpoint == "*":
            return True
        if notify:
            return self.endpoint == "notify" or self.endpoint == endpoint
        short = endpoint.rsplit("/", 1)[-1]
        wanted = self.endpoint.strip("/")
        return wanted in (endpoint, short)

    def as_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "kind": self.kind,
            "seconds": self.seconds,
            "times": self.times,
            "used": self.used,
        }


class FaultSet:
    """The active faults; thread-safe, since tests add them from their own thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        #: how many times :meth:`clear` was called (a held ``hang`` ends when it changes)
        self.clear_count = 0

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self.clear_count += 1

    def active(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, endpoint: str, *, notify: bool = False) -> list[Fault]:
        """The faults that apply to one request (or notification), consuming their ``times``."""
        taken: list[Fault] = []
        with self._lock:
            for fault in list(self._faults):
                if not fault.matches(endpoint, notify=notify):
                    continue
                if fault.times is not None and fault.used >= fault.times:
                    continue
                fault.used += 1
                taken.append(fault)
                if fault.times is not None and fault.used >= fault.times:
                    self._faults.remove(fault)
        return taken

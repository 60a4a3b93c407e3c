"""The one clock: what time it is, as the core and the window read it (tests inject a fake)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""

Sleep = Callable[[float], None]
"""Waits that many seconds (tests inject one that only advances a fake clock)."""


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)

"""The one clock and the shop's business day: what time it is, and which day a moment belongs to.

A shop's "today" is a calendar day in the shop's time zone (``time_zone`` in the settings,
``Asia/Shanghai`` by default), whatever zone the computer is set to: the till's list, the
manager's view and the exports all ask :class:`BusinessDay`, so they agree. WeChat Pay's
bills are by Beijing day whatever the shop's zone (§3.8), so reconciliation uses
:data:`BEIJING_DAY`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""

Sleep = Callable[[float], None]
"""Waits that many seconds (tests inject one that only advances a fake clock)."""

#: The shop's time zone unless the settings say otherwise: WeChat Pay's own.
DEFAULT_TIME_ZONE = "Asia/Shanghai"
#: China has had no daylight saving since 1991: a fixed +08:00 where the zone database is
#: missing (Windows without the tzdata package) is the same zone.
_BEIJING_FIXED = timezone(timedelta(hours=8), DEFAULT_TIME_ZONE)


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


def time_zone(name: str) -> tzinfo:
    """The zone called ``name`` (an IANA name such as ``Asia/Shanghai``).

    Raises ValueError for a name the zone database does not know.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name == DEFAULT_TIME_ZONE:
            return _BEIJING_FIXED
        raise ValueError(
            f"unknown time zone {name!r} (an IANA name such as Asia/Shanghai)"
        ) from exc


@dataclass(frozen=True)
class BusinessDay:
    """Which calendar day a moment belongs to in one time zone, and where a day begins."""

    zone: tzinfo

    @classmethod
    def named(cls, name: str) -> BusinessDay:
        return cls(time_zone(name))

    def local(self, moment: datetime) -> datetime:
        """``moment`` on the shop's wall clock."""
        return moment.astimezone(self.zone)

    def of(self, moment: datetime) -> date:
        return self.local(moment).date()

    def today(self, clock: Clock = utc_now) -> date:
        return self.of(clock())

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """``[start, end)`` of ``day``: its midnight and the next one, in UTC (so that ``end -
        start`` is the day's real length, 23 or 25 hours where the clocks change)."""
        start = datetime.combine(day, time(), tzinfo=self.zone)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=self.zone)
        return start.astimezone(UTC), end.astimezone(UTC)


#: WeChat Pay's day: its bills, and the default business day.
BEIJING_DAY = BusinessDay(time_zone(DEFAULT_TIME_ZONE))

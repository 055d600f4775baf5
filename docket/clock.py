"""The one place that knows what day it is.

Tests, demos and benchmarks need a fixed "today"; `DOCKET_TODAY=YYYY-MM-DD` in the
environment pins it for a whole process (CLI subprocess tests use that), and `Clock(fixed)`
pins it for one store or app.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta


class Clock:
    """Tells today's date and the current aware time, optionally pinned to a fixed day."""

    def __init__(self, fixed_today: date | None = None) -> None:
        if fixed_today is None:
            pinned = os.environ.get("DOCKET_TODAY", "").strip()
            if pinned:
                fixed_today = date.fromisoformat(pinned)
        self.fixed_today = fixed_today

    def today(self) -> date:
        if self.fixed_today is not None:
            return self.fixed_today
        return datetime.now().astimezone().date()

    def now(self) -> datetime:
        """Aware local time; on a pinned day, the current time of day on that day."""
        real = datetime.now().astimezone()
        if self.fixed_today is None:
            return real
        return datetime.combine(self.fixed_today, real.timetz())

    def utcnow_iso(self) -> str:
        return self.now().astimezone(UTC).isoformat(timespec="seconds")


def days_between(start: date, end: date) -> int:
    return (end - start).days


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0)).astimezone()


ONE_DAY = timedelta(days=1)

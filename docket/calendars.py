"""Court calendars: which days are legal holidays under FRCP 6(a)(6).

Federal holidays (with the days they are observed on) come from the `holidays` package, as do
a state's holidays for a state calendar such as `US-NM`. Days a President declares (a national
day of mourning) and days a court is closed are not in the package: the user adds them as
closures. `holidays` is imported only when a count first needs a year, because importing it
is slow and most app starts never count a deadline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache

from docket.dates import weekday_name
from docket.errors import InputError

CALENDAR_EXAMPLE = "US, US-NM, US-NY"
_CODE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?", re.ASCII)
_COUNTRY = "US"
UNNAMED_CLOSURE = "court closed"
"""The name a closure gets when the user gave none."""


def validate_calendar_code(code: str, *, field: str = "calendar") -> str:
    """Normalize a typed calendar code (`us-nm` → `US-NM`) or refuse it before it is stored.

    Only US calendars exist, because the counting rules are the federal ones.
    """
    cleaned = code.strip().upper().replace("_", "-")
    match = _CODE.fullmatch(cleaned)
    if not match:
        raise InputError(field, f"{code.strip()!r} is not a calendar code", CALENDAR_EXAMPLE)
    country, subdivision = match.groups()
    if country != _COUNTRY:
        raise InputError(
            field, f"{country} is not a supported country; only US calendars", CALENDAR_EXAMPLE
        )
    if subdivision is not None and subdivision not in _us_subdivisions():
        raise InputError(
            field, f"{subdivision} is not a US state or territory code", CALENDAR_EXAMPLE
        )
    return cleaned


def closure_name(text: str) -> str:
    """A closure's name as it will show in every count that skips the day: one short line."""
    name = text.strip()
    if not name:
        raise InputError("name", "is empty", "Court closed: snow")
    if len(name) > 200 or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise InputError("name", "must be one line of at most 200 characters", "Snow")
    return name


class CourtCalendar:
    """The days a court's deadlines may not end on, for one calendar code and its closures.

    Federal holidays and closures always count. A state's own holidays count only for periods
    counted forward: FRCP 6(a)(6)(C) names state holidays "for periods that are measured after
    an event", so a period counted backward from a hearing ignores them.
    """

    def __init__(
        self,
        code: str = "US",
        closures: Iterable[date] | Mapping[date, str] = (),
        *,
        state_court: bool = False,
    ) -> None:
        self.code = validate_calendar_code(code, field="calendar")
        self.subdivision = self.code.partition("-")[2] or None
        self.state_court = state_court and self.subdivision is not None
        """A state court keeps its state's holidays only, both ways: New Mexico's courts are
        open on the federal Washington's Birthday and closed the Friday after Thanksgiving."""
        if isinstance(closures, Mapping):
            named = {day: str(name).strip() or UNNAMED_CLOSURE for day, name in closures.items()}
        else:
            named = dict.fromkeys(closures, UNNAMED_CLOSURE)
        self.closures: dict[date, str] = named

    def __repr__(self) -> str:
        court = ", state_court=True" if self.state_court else ""
        return f"CourtCalendar({self.code!r}, closures={len(self.closures)}{court})"

    def legal_holiday(self, day: date, *, counting_forward: bool = True) -> str | None:
        """The name of the holiday or closure that makes `day` a legal holiday, if one does."""
        if day in self.closures:
            return self.closures[day]
        if self.state_court and self.subdivision is not None:
            return _in_year(self.subdivision, day.year).get(day)
        federal = _federal_holidays(day.year).get(day)
        if federal is not None:
            return federal
        if counting_forward and self.subdivision is not None:
            return _state_holidays(self.subdivision, day.year).get(day)
        return None

    @staticmethod
    def is_weekend(day: date) -> bool:
        return day.weekday() >= 5

    def is_excluded(self, day: date, counting_forward: bool = True) -> bool:
        """A day a period may not end on: FRCP 6(a)(1)(C) moves the end off it."""
        return self.is_weekend(day) or (
            self.legal_holiday(day, counting_forward=counting_forward) is not None
        )

    def reason(self, day: date, counting_forward: bool = True) -> str | None:
        """Why `day` is excluded, in words (`Saturday`, `Monday, Labor Day`), or None."""
        holiday = self.legal_holiday(day, counting_forward=counting_forward)
        if holiday is not None:
            return f"{weekday_name(day)}, {holiday}"
        if self.is_weekend(day):
            return weekday_name(day)
        return None


@cache
def _us_subdivisions() -> frozenset[str]:
    import holidays

    return frozenset(holidays.country_holidays(_COUNTRY).subdivisions)


@cache
def _raw_holidays(subdivision: str | None, year: int) -> dict[date, str]:
    import holidays

    try:
        found = holidays.country_holidays(_COUNTRY, subdiv=subdivision, years=year)
    except (NotImplementedError, KeyError, ValueError):
        # The code was validated; a year the package cannot compute simply has no holidays.
        return {}
    return dict(found)


def _in_year(subdivision: str | None, year: int) -> dict[date, str]:
    """Holidays whose day falls in `year`.

    An observed day can fall in the year before its holiday (New Year's Day 2022 was observed
    on Friday 31 December 2021), so the neighbouring years are read too.
    """
    merged: dict[date, str] = {}
    for source in (year - 1, year, year + 1):
        for day, name in _raw_holidays(subdivision, source).items():
            if day.year == year:
                merged.setdefault(day, name)
    return merged


@cache
def _federal_holidays(year: int) -> dict[date, str]:
    """Federal holidays falling in `year`."""
    return _in_year(None, year)


@cache
def _state_holidays(subdivision: str, year: int) -> dict[date, str]:
    """A state's holidays in `year` that are not federal ones, labelled with the state."""
    federal = _federal_holidays(year)
    return {
        day: f"{name} ({subdivision} state holiday)"
        for day, name in _in_year(subdivision, year).items()
        if day not in federal
    }

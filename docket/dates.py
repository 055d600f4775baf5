"""The one parser for every date and time a person types.

Forms, CLI flags and imports all come through here, so `1/5/22` means the same thing
everywhere: month first, as US courts write it. Whatever is typed, the only error that leaves
this module is `InputError`, naming the field and showing forms that work; a stray
`ValueError` from a parser would reach the user as a traceback.

Numeric dates are parsed by our own patterns rather than by dateutil, because dateutil quietly
swaps day and month when the first number is above 12 (`13/1/22` would become 13 January) and
a paralegal must hear about that instead. Dates with a month name go to dateutil, called twice
with different defaults so that a part nobody typed shows up as a difference, and is refused
rather than filled in.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from typing import TYPE_CHECKING

from docket.clock import Clock
from docket.errors import InputError

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

ACCEPTED_DATE_FORMS = "2022-01-05, 1/5/22, Jan 5 2022, today, +14, next friday"
"""Shown with every date error, so the user sees what to type instead."""

ACCEPTED_DATETIME_FORMS = "2022-01-05 10:30, 1/5/22 2:30pm, tomorrow 9:30am, next friday 14:00"
"""Shown with every date-and-time error."""

MIN_YEAR = 1900
MAX_YEAR = 2199
_MAX_TEXT = 64
"""Nothing anyone means as a date is longer; refusing early keeps the parsers fast."""

_WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_A = re.ASCII
_RELATIVE_WORD = {"today": 0, "tomorrow": 1, "yesterday": -1}
_OFFSET = re.compile(r"([+-])\s*(\d{1,6})\s*(d|days?|w|wks?|weeks?)?", _A)
_WEEKDAY = re.compile(r"(?:(next|last|this)\s+)?([a-z]+)", _A)
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", _A)
_US = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})", _A)
_NUMERIC_ONLY = re.compile(r"[\d\s/.\-+]*", _A)
_DIGIT_RUN = re.compile(r"\d+", _A)
_WORD = re.compile(r"[a-z]+", _A)

# A time of day at the end of what was typed: `14:00`, `2:30 pm`, `9am`, `10:30:00-07:00`, `noon`.
_TIME_TAIL = re.compile(
    r"""
    (?:^|\s+(?:at\s+)?|\s*,\s*|t)         # separated by space, comma, "at" or ISO's T
    (?:
        (?P<noon>noon|midnight)
      | (?P<hour>\d{1,2})
        (?: :(?P<minute>\d{2}) (?: :(?P<second>\d{2}) (?:\.(?P<fraction>\d{1,6}))? )? )?
        \s*(?P<ampm>[ap]\.?m\.?)?
    )
    \s*(?P<tz>z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?
    $
    """,
    re.VERBOSE | _A,
)


class _NotADate(Exception):
    """Why a piece of text is not a date, said in words; the caller adds field and example."""


_DEFAULT_A = datetime(2001, 1, 1, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1)


def parse_date(text: str, *, field: str = "date", today: date | None = None) -> date:
    """Read a date as a person types it, or say clearly why it is not one.

    Accepted: `2022-01-05`; month first `1/5/22`, `01/05/2022`, `1-5-2022`; `Jan 5 2022`,
    `January 5, 2022`, `5 Jan 2022`; `today`, `yesterday`, `tomorrow`; `+14`, `-3`, `+2w`
    (days or weeks from today); `friday` or `next friday` (the first Friday after today),
    `this friday` (today if it is Friday), `last monday` (the latest Monday before today).

    Without `today`, relative words count from `Clock().today()`, so `DOCKET_TODAY` pins them.

    Two-digit years 00-68 are read as 2000-2068 and 69-99 as 1969-1999, the POSIX pivot,
    so a paralegal typing `1/5/22` or `3/1/98` gets the year they mean. Years must fall
    within 1900-2199.
    """
    reference = today if today is not None else Clock().today()
    try:
        return _parse_day(text, reference)
    except _NotADate as problem:
        raise InputError(field, str(problem), ACCEPTED_DATE_FORMS) from None


def parse_datetime(
    text: str,
    *,
    field: str = "date and time",
    today: date | None = None,
    default_time: time | None = None,
    zone: tzinfo | None = None,
) -> datetime:
    """Read a date with a time of day and return it aware.

    `zone` is the court's time zone: a time typed without an offset is the court's wall
    time, whatever zone the machine is in (a Santa Fe hearing at 9:00 is 9:00 in Denver time
    on a laptop in New York). Without one, the local zone applies.

    The date part takes every form `parse_date` takes; the time may be `14:00`, `2pm`,
    `2:30 pm`, `9:30am`, `noon`, optionally with an offset (`-07:00`, `Z`). Without an offset
    the local zone applies, because hearings are typed in the court's local time. A date with
    no time is refused unless the caller has a sensible `default_time`: a hearing at midnight
    is never what was meant.
    """
    reference = today if today is not None else Clock().today()
    try:
        return _parse_moment(text, reference, default_time, zone)
    except _NotADate as problem:
        raise InputError(field, str(problem), ACCEPTED_DATETIME_FORMS) from None
    except _NeedsTime:
        raise InputError(field, "needs a time of day", "1/5/22 9:30am") from None


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 29 February falls back to the 28th in a common year
    (a year before 29 Feb 2024 is 28 Feb 2023, not an error)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def format_day(day: date) -> str:
    """`Wed 5 Jan 2022`: English names whatever the locale, as courts write them."""
    return f"{_DAY_ABBR[day.weekday()]} {day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"


def weekday_name(day: date) -> str:
    return _DAY_NAMES[day.weekday()]


def describe_date(day: date, today: date) -> str:
    """Preview shown beside a date field, so a mistyped date is caught before it is saved."""
    delta = (day - today).days
    if delta == 0:
        when = "today"
    elif delta == 1:
        when = "tomorrow"
    elif delta == -1:
        when = "yesterday"
    elif delta > 0:
        when = f"in {delta} days"
    else:
        when = f"{-delta} days ago"
    return f"{format_day(day)} · {when}"


# --- internals ---------------------------------------------------------------------------


class _NeedsTime(Exception):
    """A whole date was typed but no time of day."""


def _full_year(two_digits: int) -> int:
    return two_digits + (2000 if two_digits <= 68 else 1900)


def _normalize(text: str) -> str:
    cleaned = re.sub(r"\s+", " ", text).strip().lower()
    if not cleaned:
        raise _NotADate("is empty")
    if len(cleaned) > _MAX_TEXT:
        raise _NotADate("is too long to be a date")
    return cleaned


def _shown(text: str) -> str:
    return repr(text.strip()[:_MAX_TEXT])


def _in_range(day: date, typed: str) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise _NotADate(
            f"{_shown(typed)} is in {day.year}; years run from {MIN_YEAR} to {MAX_YEAR}"
        )
    return day


def _parse_day(text: str, today: date) -> date:
    cleaned = _normalize(text)
    relative = _relative_day(cleaned, today)
    if relative is not None:
        return _in_range(relative, text)
    if _NUMERIC_ONLY.fullmatch(cleaned):
        return _in_range(_numeric_day(cleaned, text), text)
    return _in_range(_named_month_day(cleaned, text), text)


def _relative_day(cleaned: str, today: date) -> date | None:
    if cleaned in _RELATIVE_WORD:
        return today + timedelta(days=_RELATIVE_WORD[cleaned])
    offset = _OFFSET.fullmatch(cleaned)
    if offset:
        sign, amount, unit = offset.groups()
        days = int(amount) * (7 if unit and unit.startswith("w") else 1)
        try:
            return today + timedelta(days=-days if sign == "-" else days)
        except OverflowError:
            raise _NotADate(f"{cleaned!r} is too far from today") from None
    named = _WEEKDAY.fullmatch(cleaned)
    if named and named.group(2) in _WEEKDAYS:
        which, name = named.groups()
        target = _WEEKDAYS[name]
        if which == "last":
            back = (today.weekday() - target) % 7 or 7
            return today - timedelta(days=back)
        ahead = (target - today.weekday()) % 7
        if ahead == 0 and which != "this":
            ahead = 7
        return today + timedelta(days=ahead)
    return None


def _numeric_day(cleaned: str, typed: str) -> date:
    iso = _ISO.fullmatch(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _build(year, month, day, typed)
    us = _US.fullmatch(cleaned)
    if us:
        month_text, _, day_text, year_text = us.groups()
        year = int(year_text) if len(year_text) == 4 else _full_year(int(year_text))
        return _build(year, int(month_text), int(day_text), typed)
    if len(_DIGIT_RUN.findall(cleaned)) < 3:
        raise _NotADate(f"{_shown(typed)} is not a whole date: it needs a month, a day and a year")
    raise _NotADate(f"{_shown(typed)} is not a date (month comes first: 1/5/22 is January 5)")


def _build(year: int, month: int, day: int, typed: str) -> date:
    if not 1 <= month <= 12:
        raise _NotADate(
            f"{_shown(typed)}: {month} is not a month (month comes first: 1/5/22 is January 5)"
        )
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _NotADate(f"{_shown(typed)}: years run from {MIN_YEAR} to {MAX_YEAR}")
    try:
        return date(year, month, day)
    except ValueError:
        raise _NotADate(
            f"{_shown(typed)}: {_MONTH_NAMES[month - 1]} {year} has no day {day}"
        ) from None


def _named_month_day(cleaned: str, typed: str) -> date:
    first = _dateutil(cleaned, _DEFAULT_A, typed)
    second = _dateutil(cleaned, _DEFAULT_B, typed)
    missing = [
        part
        for part, differs in (
            ("a month", first.month != second.month),
            ("a day", first.day != second.day),
            ("a year", first.year != second.year),
        )
        if differs
    ]
    if missing:
        needs = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
        raise _NotADate(f"{_shown(typed)} is not a whole date: it needs {needs}")
    if first.hour == second.hour or first.minute == second.minute:
        raise _NotADate(f"{_shown(typed)} has a time of day; type only the date")
    for run in _DIGIT_RUN.findall(cleaned):
        # dateutil reads `0001` as 2001; a long number that is not the year was a typo.
        if len(run) >= 3 and int(run) != first.year:
            raise _NotADate(f"{_shown(typed)}: years run from {MIN_YEAR} to {MAX_YEAR}")
    day = first.date()
    for word in _WORD.findall(cleaned):
        if word in _WEEKDAYS and _WEEKDAYS[word] != day.weekday():
            raise _NotADate(
                f"{_shown(typed)}: {format_day(day)[4:]} is a {weekday_name(day)}, "
                f"not a {_DAY_NAMES[_WEEKDAYS[word]]}"
            )
    return day


@cache
def _parserinfo() -> parserinfo:
    """dateutil's vocabulary, with two-digit years on the same pivot as numeric dates.

    Built on first use: importing dateutil's parser costs several milliseconds at app start.
    """
    from dateutil import parser

    class YearPolicy(parser.parserinfo):
        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                return _full_year(year)
            return year

    return YearPolicy()


def _dateutil(cleaned: str, default: datetime, typed: str) -> datetime:
    from dateutil import parser

    info = _parserinfo()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result: datetime = parser.parse(
                cleaned, default=default, dayfirst=False, ignoretz=True, parserinfo=info
            )
    except Exception as error:
        if "day is out of range" in str(error):
            raise _NotADate(f"{_shown(typed)} is not a date: that month has no such day") from None
        # dateutil signals odd input with ParserError, ValueError, OverflowError and, on some
        # inputs, TypeError or IndexError; to the user each simply means "not a date".
        raise _NotADate(f"{_shown(typed)} is not a date") from None
    return result


def _parse_moment(
    text: str, today: date, default_time: time | None, court_zone: tzinfo | None = None
) -> datetime:
    cleaned = _normalize(text)
    match = _TIME_TAIL.search(cleaned)
    if match is None or match.start() == 0 or not (match.group("minute") or _has_marker(match)):
        # No time typed (a bare trailing number such as the 22 in `5 jan 22` is a year).
        try:
            day = _parse_day(cleaned, today)
        except _NotADate:
            if match is not None and match.group("hour") and match.start() > 0:
                _parse_day(cleaned[: match.start()], today)
                hour = match.group("hour")
                forms = f"{hour}:00, {hour}am or {hour}pm" if 1 <= int(hour) <= 12 else f"{hour}:00"
                raise _NotADate(f"{_shown(text)}: write the time as {forms}") from None
            raise
        if default_time is None:
            raise _NeedsTime
        return _aware(datetime.combine(day, default_time), typed=text, wall_zone=court_zone)
    day = _parse_day(cleaned[: match.start()], today)
    moment = datetime.combine(day, _time_of(match, text))
    return _aware(moment, typed=text, zone=_zone_of(match.group("tz"), text), wall_zone=court_zone)


def _has_marker(match: re.Match[str]) -> bool:
    return bool(match.group("noon") or match.group("ampm"))


def _time_of(match: re.Match[str], typed: str) -> time:
    if match.group("noon"):
        return time(12, 0) if match.group("noon") == "noon" else time(0, 0)
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    micro = int((match.group("fraction") or "0").ljust(6, "0"))
    ampm = match.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            raise _NotADate(f"{_shown(typed)}: {hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _NotADate(f"{_shown(typed)}: that time of day does not exist")
    return time(hour, minute, second, micro)


def _zone_of(tz_text: str | None, typed: str) -> tzinfo | None:
    if not tz_text:
        return None
    if tz_text in ("z", "utc", "gmt"):
        return UTC
    sign = -1 if tz_text[0] == "-" else 1
    digits = tz_text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise _NotADate(f"{_shown(typed)}: {tz_text} is not a UTC offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _aware(
    moment: datetime,
    *,
    typed: str,
    zone: tzinfo | None = None,
    wall_zone: tzinfo | None = None,
) -> datetime:
    if zone is not None:
        return moment.replace(tzinfo=zone)
    if wall_zone is not None:
        placed = moment.replace(tzinfo=wall_zone)
        # A wall time the clocks skip does not survive a trip through UTC.
        if placed.astimezone(UTC).astimezone(wall_zone).replace(tzinfo=None) != moment:
            raise _NotADate(
                f"{_shown(typed)}: {moment:%H:%M} does not exist on "
                f"{format_day(moment.date())} in the court's time zone (the clocks go "
                "forward); type a time after the change or an offset"
            )
        # Stored with a fixed offset, as every other aware time is.
        offset = placed.utcoffset()
        assert offset is not None
        return moment.replace(tzinfo=timezone(offset))
    try:
        placed = moment.astimezone()
    except (OverflowError, ValueError, OSError):
        raise _NotADate(f"{_shown(typed)} cannot be placed in the local time zone") from None
    if placed.replace(tzinfo=None) != moment:
        # A wall time skipped when the clocks go forward: the zone would quietly shift it by
        # an hour (2:30am becomes 1:30am), and a hearing stored an hour early is missed.
        raise _NotADate(
            f"{_shown(typed)}: {moment:%H:%M} does not exist on {format_day(moment.date())} "
            "in local time (the clocks go forward); type a time after the change or an offset"
        )
    return placed

"""What a paralegal must look at today: the reminder list behind `docket remind`.

Pure: it takes the store's agenda items and attention rows as plain values (anything shaped
like them) and decides what shows and in which order. No I/O, no database.

Order, most urgent first, because the list is read top-down at the start of a day:
1. overdue deadlines, oldest first (the longest-missed is the worst);
2. today's deadlines, then today's hearings by time;
3. upcoming deadlines and hearings by date (deadlines before hearings on one day, since a
   deadline is missed silently while a hearing announces itself);
4. matters needing attention: follow-up dates reached (oldest first), then matters gone quiet
   (quiet longest first). They come after the dated items because nothing is lost today if
   they wait an hour, whereas a dated item may be.

Window: an item shows when it is overdue or today, or when it is no further away than
`max(within, its longest lead time)`: a deadline with a 30-day reminder shows a month ahead
even in a 14-day window. Each item says which lead time it has reached ("3-day reminder").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal, Protocol

from docket.models import DEFAULT_REMIND_DAYS
from docket.wording import days_away, plural

DEFAULT_WITHIN_DAYS = 14
HEARING_LEAD_DAYS = DEFAULT_REMIND_DAYS
MAX_LEAD_DAYS = 365
"""The longest lead time a deadline may carry; the store is asked this far ahead."""

Urgency = Literal["overdue", "today", "upcoming", "attention"]
_RANK: dict[str, int] = {"overdue": 0, "today": 1, "upcoming": 2}


class AgendaLike(Protocol):
    """A deadline or hearing as the store's agenda gives it."""

    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> int: ...
    @property
    def case_id(self) -> int: ...
    @property
    def case_number(self) -> str: ...
    @property
    def case_title(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def at(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def remind_days(self) -> Sequence[int]: ...
    @property
    def detail(self) -> str | None: ...


class AttentionLike(Protocol):
    """A matter needing attention as the store reports it."""

    @property
    def case_id(self) -> int: ...
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def last_activity_on(self) -> str | None: ...
    @property
    def follow_up_on(self) -> str | None: ...
    @property
    def reason(self) -> str: ...


@dataclass(frozen=True)
class Reminder:
    """One line of the reminder list."""

    urgency: Urgency
    kind: str
    """`deadline`, `hearing` or `case`."""
    case_id: int
    case_number: str
    case_title: str
    title: str
    """The deadline's title, the hearing's kind, or the matter's stage for a case."""
    day: date | None
    at: str | None
    days_until: int | None
    """Negative when overdue; None for a matter needing attention."""
    why: str
    """Why it is shown: `overdue by 3 days`, `due today`, `3-day reminder`, `follow-up due`..."""
    item_id: int | None = None
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = None if self.day is None else self.day.isoformat()
        return data


def horizon(within: int) -> int:
    """How many days ahead to ask the store for, so that long lead times are not missed."""
    return max(within, MAX_LEAD_DAYS)


def _lead_reached(days_until: int, leads: Sequence[int]) -> int | None:
    """The smallest lead time already reached: with 7, 3, 1 and 2 days left, the 3-day one."""
    reached = [lead for lead in leads if days_until <= lead]
    return min(reached) if reached else None


def _dated(item: AgendaLike, today: date, within: int) -> Reminder | None:
    if item.kind == "deadline" and item.status != "open":
        return None
    if item.kind == "hearing" and item.status != "scheduled":
        return None
    days_until = (item.day - today).days
    leads = tuple(item.remind_days) or (HEARING_LEAD_DAYS if item.kind == "hearing" else ())
    urgency: Urgency
    if days_until < 0:
        if item.kind != "deadline":
            return None  # a past hearing is history, not a reminder
        urgency = "overdue"
        why = f"overdue by {plural(-days_until, 'day')}"
    elif days_until == 0:
        urgency = "today"
        why = "due today" if item.kind == "deadline" else "today"
    else:
        if days_until > max(within, max(leads, default=0)):
            return None
        urgency = "upcoming"
        lead = _lead_reached(days_until, leads)
        when = days_away(days_until)
        why = f"{lead}-day reminder, {when}" if lead is not None else when
    return Reminder(
        urgency=urgency,
        kind=item.kind,
        case_id=item.case_id,
        case_number=item.case_number,
        case_title=item.case_title,
        title=item.title,
        day=item.day,
        at=item.at,
        days_until=days_until,
        why=why,
        item_id=item.id,
        detail=item.detail,
    )


def _attention(row: AttentionLike) -> Reminder:
    return Reminder(
        urgency="attention",
        kind="case",
        case_id=row.case_id,
        case_number=row.number,
        case_title=row.title,
        title=row.stage,
        day=None if not row.follow_up_on else date.fromisoformat(row.follow_up_on),
        at=None,
        days_until=None,
        why=row.reason,
    )


def _order(reminder: Reminder) -> tuple[Any, ...]:
    kind_rank = 0 if reminder.kind == "deadline" else 1
    return (_RANK[reminder.urgency], reminder.day, kind_rank, reminder.at or "", reminder.item_id)


def _attention_order(row: AttentionLike) -> tuple[Any, ...]:
    """Follow-ups first (oldest date first), then quiet matters (quiet longest first)."""
    follow_up = row.reason.startswith("follow-up")
    return (0 if follow_up else 1, row.follow_up_on or "", row.last_activity_on or "", row.case_id)


def build_reminders(
    agenda: Iterable[AgendaLike],
    attention: Iterable[AttentionLike],
    *,
    today: date,
    within: int = DEFAULT_WITHIN_DAYS,
) -> list[Reminder]:
    """The reminder list, most urgent first (see the module docstring for the order)."""
    if within < 0:
        raise ValueError("within must be 0 or more days")
    reminders = [r for item in agenda if (r := _dated(item, today, within)) is not None]
    reminders.sort(key=_order)
    return reminders + [_attention(row) for row in sorted(attention, key=_attention_order)]


def overdue_count(reminders: Iterable[Reminder]) -> int:
    return sum(1 for r in reminders if r.urgency == "overdue")

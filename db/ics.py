"""Hearings and open deadlines as an iCalendar file for the paralegal's own calendar.

- Hearings are timed events. Their start is written in UTC (`...Z`): the stored time keeps
  its offset, but a bare offset is not a time zone iCalendar can name, and UTC is the same
  instant in every client. No end recorded: one hour.
- Deadlines are all-day events on the due day; open ones carry an alarm at each lead time
  (`remind_days` 7, 3, 1 -> TRIGGER -P7D, -P3D, -P1D).
- UIDs are `hearing-<id>.<database id>@docket` and `deadline-<id>.<database id>@docket`, so
  importing a newer export updates the same events instead of adding copies, and two
  databases never share one. A hearing no longer scheduled and a deadline done, waived or
  withdrawn are written with STATUS:CANCELLED (no alarms) so the calendar drops them.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from db.store import Store
from docket.wording import due_phrase

if TYPE_CHECKING:
    from icalendar import Alarm

PRODID = "-//docket//docket tracker//EN"
DEFAULT_HEARING_LENGTH = timedelta(hours=1)


def _where(case_ids: list[int] | None, alias: str) -> tuple[str, list[Any]]:
    if case_ids is None:
        return "", []
    if not case_ids:
        return " AND 0", []
    marks = ", ".join("?" for _ in case_ids)
    return f" AND {alias}.case_id IN ({marks})", list(case_ids)


def _alarm(description: str, *, days: int) -> Alarm:
    """A reminder shown `days` days before the event starts."""
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", timedelta(days=-days))
    return alarm


def export_ics(store: Store, case_ids: list[int] | None = None) -> bytes:
    """The calendar for the given cases (all cases when None), as iCalendar bytes."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "docket")
    stamp = store.clock.now().astimezone(UTC).replace(microsecond=0)
    database = store.database_id[:12]

    where, params = _where(case_ids, "h")
    for row in store.query_rows(
        "SELECT h.id, c.number, c.title, h.starts_at, h.ends_at, h.kind, h.location, h.judge, "
        "h.status FROM hearings h JOIN cases c ON c.id = h.case_id "
        f"WHERE TRUE{where} ORDER BY h.starts_utc, h.id",
        params,
    ):
        hearing_id, number, title, starts_at, ends_at, kind, location, judge, status = row
        start = datetime.fromisoformat(starts_at)
        end = datetime.fromisoformat(ends_at) if ends_at else start + DEFAULT_HEARING_LENGTH
        event = Event()
        event.add("uid", f"hearing-{hearing_id}.{database}@docket")
        event.add("dtstamp", stamp)
        event.add("dtstart", start.astimezone(UTC))
        event.add("dtend", end.astimezone(UTC))
        event.add("summary", f"{number}: {kind} ({title})")
        if location:
            event.add("location", location)
        details = [f"Case {number}: {title}", f"Hearing: {kind}"]
        if judge:
            details.append(f"Judge: {judge}")
        event.add("description", "\n".join(details))
        event.add(
            "status",
            "CANCELLED" if status in {"vacated", "cancelled", "continued"} else "CONFIRMED",
        )
        if status == "scheduled":
            event.add_component(_alarm(f"{number}: {kind} tomorrow", days=1))
        calendar.add_component(event)

    where, params = _where(case_ids, "d")
    for row in store.query_rows(
        "SELECT d.id, c.number, c.title, d.due_on, d.title, d.citation, d.computation, "
        "d.remind_days, d.status FROM deadlines d JOIN cases c ON c.id = d.case_id "
        f"WHERE TRUE{where} ORDER BY d.due_on, d.id",
        params,
    ):
        deadline_id, number, case_title, due_on, title, citation, computation, remind = row[:8]
        is_open = row[8] == "open"
        due = date.fromisoformat(due_on)
        event = Event()
        event.add("uid", f"deadline-{deadline_id}.{database}@docket")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", f"{number}: {due_phrase(title)}")
        details = [f"Case {number}: {case_title}", f"Deadline: {title}", f"Due: {due_on}"]
        if citation:
            details.append(f"Rule: {citation}")
        details.extend(json.loads(computation or "[]"))
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")
        if not is_open:
            event.add("status", "CANCELLED")
            calendar.add_component(event)
            continue
        for days in sorted(set(json.loads(remind or "[]")), reverse=True):
            alarm = f"{number}: {due_phrase(title, int(days))}"
            event.add_component(_alarm(alarm, days=int(days)))
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data

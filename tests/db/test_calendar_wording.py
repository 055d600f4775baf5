"""Calendar and reminder text reads as a person writes it: no "DUE ... due", no "due due",
and one day is "tomorrow", never "in 1 days"."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from db.ics import export_ics
from db.store import Store
from docket.models import Case, CaseKind, Deadline
from docket.wording import due_phrase


def _calendar_text(store: Store, title: str, remind: list[int]) -> tuple[str, list[str], str]:
    case = store.add_case(Case(number="1:26-cv-9", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert case.id is not None
    store.add_deadline(case.id, Deadline(due_on=date(2026, 12, 9), title=title, remind_days=remind))
    event = next(iter(Calendar.from_ical(export_ics(store)).walk("VEVENT")))
    alarms = [str(alarm["DESCRIPTION"]) for alarm in event.walk("VALARM")]
    return str(event["SUMMARY"]), alarms, str(event["DESCRIPTION"])


def test_a_title_that_says_due_is_not_told_it_is_due_twice(store: Store) -> None:
    summary, alarms, description = _calendar_text(store, "Answer to complaint due", [7, 3, 1])
    assert summary == "1:26-cv-9: Answer to complaint due"
    assert alarms == [
        "1:26-cv-9: Answer to complaint due in 7 days",
        "1:26-cv-9: Answer to complaint due in 3 days",
        "1:26-cv-9: Answer to complaint due tomorrow",
    ]
    assert description.splitlines()[1:3] == ["Deadline: Answer to complaint due", "Due: 2026-12-09"]


def test_a_plain_title_gets_due_once_and_a_one_day_alarm_says_tomorrow(store: Store) -> None:
    summary, alarms, _ = _calendar_text(store, "Reply brief", [2, 1, 0])
    assert summary == "1:26-cv-9: Reply brief due"
    assert alarms == [
        "1:26-cv-9: Reply brief due in 2 days",
        "1:26-cv-9: Reply brief due tomorrow",
        "1:26-cv-9: Reply brief due today",
    ]


def test_a_limitation_period_ends_rather_than_falls_due(store: Store) -> None:
    summary, alarms, _ = _calendar_text(
        store, "Wrongful death complaint: limitation period ends", [90, 30, 7]
    )
    assert summary == "1:26-cv-9: Wrongful death complaint: limitation period ends"
    assert alarms[0] == "1:26-cv-9: Wrongful death complaint: limitation period ends in 90 days"


def test_due_phrase_is_singular_for_one_day_and_never_doubles_a_word() -> None:
    assert due_phrase("Exhibit list", 1) == "Exhibit list due tomorrow"
    assert due_phrase("Exhibit list", 2) == "Exhibit list due in 2 days"
    assert due_phrase("Exhibit list", -1) == "Exhibit list due yesterday"
    assert due_phrase("Exhibit list", -3) == "Exhibit list due 3 days ago"
    assert due_phrase("Response to motion due ", 7) == "Response to motion due in 7 days"
    assert due_phrase("Notice period expires", 0) == "Notice period expires today"

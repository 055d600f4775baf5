"""The reminder list a paralegal reads first thing: what shows, in which order, and why."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.rows import AgendaItem, AttentionRow
from docket.reminders import build_reminders, overdue_count
from tests.conftest import TODAY


def deadline(item_id: int, offset: int, leads: tuple[int, ...] = (7, 3, 1), status: str = "open"):
    day = TODAY + timedelta(days=offset)
    return AgendaItem(
        "deadline", item_id, 1, "CV-1", "A v. B", day, None, f"D{item_id}", status, leads, None
    )


def hearing(item_id: int, offset: int, hour: int = 9, status: str = "scheduled"):
    day = TODAY + timedelta(days=offset)
    at = f"{day.isoformat()}T{hour:02d}:00:00+00:00"
    return AgendaItem(
        "hearing", item_id, 2, "CR-2", "State v. C", day, at, f"H{item_id}", status, (7, 3, 1), None
    )


def test_most_urgent_first_overdue_oldest_then_today_then_upcoming_then_attention() -> None:
    agenda = [deadline(1, 5), hearing(2, 0, 14), deadline(3, -1), deadline(4, 0), deadline(5, -9)]
    attention = [
        AttentionRow(
            7, "INV-7", "", "Quiet one", "active", "2026-09-01", None, "quiet since 2026-09-01"
        ),
        AttentionRow(
            8,
            "INV-8",
            "",
            "Follow me",
            "open",
            "2026-11-01",
            "2026-11-20",
            "follow-up due 2026-11-20",
        ),
    ]
    reminders = build_reminders(agenda, attention, today=TODAY, within=14)
    assert [(r.urgency, r.title) for r in reminders] == [
        ("overdue", "D5"),
        ("overdue", "D3"),
        ("today", "D4"),
        ("today", "H2"),
        ("upcoming", "D1"),
        ("attention", "open"),
        ("attention", "active"),
    ]
    assert overdue_count(reminders) == 2
    assert reminders[0].why == "overdue by 9 days"
    assert reminders[1].why == "overdue by 1 day"


def test_each_item_says_which_lead_time_it_has_reached() -> None:
    reminders = build_reminders([deadline(1, 2), deadline(2, 1), deadline(3, 6)], [], today=TODAY)
    assert [r.why for r in reminders] == [
        "1-day reminder, tomorrow",
        "3-day reminder, in 2 days",
        "7-day reminder, in 6 days",
    ]


def test_a_long_lead_time_widens_the_window_for_that_deadline_only() -> None:
    agenda = [deadline(1, 20, leads=(30,)), deadline(2, 20)]
    shown = build_reminders(agenda, [], today=TODAY, within=14)
    assert [(r.title, r.why) for r in shown] == [("D1", "30-day reminder, in 20 days")]
    wider = build_reminders(agenda, [], today=TODAY, within=21)
    assert [(r.title, r.why) for r in wider] == [
        ("D1", "30-day reminder, in 20 days"),
        ("D2", "in 20 days"),
    ]


def test_window_zero_keeps_overdue_and_today_only() -> None:
    agenda = [deadline(1, -2), deadline(2, 0), deadline(3, 4, leads=())]
    assert [r.title for r in build_reminders(agenda, [], today=TODAY, within=0)] == ["D1", "D2"]


def test_done_deadlines_and_past_or_cancelled_hearings_are_not_reminders() -> None:
    agenda = [
        deadline(1, -3, status="done"),
        hearing(2, -1),
        hearing(3, 2, status="vacated"),
        hearing(4, 2),
    ]
    assert [r.title for r in build_reminders(agenda, [], today=TODAY)] == ["H4"]


def test_json_form_has_iso_dates() -> None:
    (reminder,) = build_reminders([deadline(1, -1)], [], today=TODAY)
    data = reminder.to_json()
    assert data["day"] == "2026-11-24"
    assert data["days_until"] == -1
    assert data["urgency"] == "overdue"


def test_negative_window_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or more days"):
        build_reminders([], [], today=TODAY, within=-1)


def test_quiet_matters_given_as_a_one_pass_iterable_still_order_by_last_activity() -> None:
    rows = [
        AttentionRow(
            1, "INV-1", "", "Lately", "active", "2026-10-01", None, "quiet since 2026-10-01"
        ),
        AttentionRow(
            2, "INV-2", "", "Longest", "active", "2026-06-01", None, "quiet since 2026-06-01"
        ),
    ]
    reminders = build_reminders([], (row for row in rows), today=TODAY)
    assert [r.case_number for r in reminders] == ["INV-2", "INV-1"]

"""Rollups, the attention rule, the Cases list (order, filter, keyset pages) and the agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from db.rows import CaseRow
from db.store import Store
from docket.models import HearingStatus
from tests.conftest import TODAY
from tests.db.builders import add_case, add_deadline, add_hearing, at, case_id


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def rollups(store: Store, case_number: str = "1:24-cv-01234") -> tuple[object, ...]:
    return tuple(
        store.conn.execute(
            "SELECT last_activity_on, next_deadline_on, next_hearing_at FROM cases "
            "WHERE number = ?",
            (case_number,),
        ).fetchone()
    )


# ---------------------------------------------------------------- last activity


def test_last_activity_of_a_new_case_is_its_opening_day(store: Store) -> None:
    add_case(store, opened_on=days_ago(12))
    assert rollups(store)[0] == days_ago(12).isoformat()


def test_a_note_is_activity(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(60))
    store.add_note(case_id(case), "Called the clerk: order expected next week", on=days_ago(3))
    assert rollups(store)[0] == days_ago(3).isoformat()


def test_a_status_change_is_activity(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(60))
    store.change_stage(case_id(case), "served", on=days_ago(5))
    assert rollups(store)[0] == days_ago(5).isoformat()


def test_a_held_hearing_is_activity_but_a_scheduled_one_is_not(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(60))
    add_hearing(store, case, days_ago(8), status=HearingStatus.HELD)
    add_hearing(store, case, TODAY + timedelta(days=4))
    assert rollups(store)[0] == days_ago(8).isoformat()


def test_last_activity_is_the_latest_of_note_and_status_change(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(60))
    store.change_stage(case_id(case), "served", on=days_ago(4))
    store.add_note(case_id(case), "Earlier call, entered late", on=days_ago(20))
    assert rollups(store)[0] == days_ago(4).isoformat()


# ---------------------------------------------------------------- next deadline and hearing


def test_next_deadline_is_the_earliest_open_one(store: Store) -> None:
    case = add_case(store)
    add_deadline(store, case, TODAY + timedelta(days=9), "Expert disclosures")
    add_deadline(store, case, TODAY + timedelta(days=2), "Exchange exhibits")
    assert rollups(store)[1] == (TODAY + timedelta(days=2)).isoformat()


def test_a_done_deadline_is_no_longer_next(store: Store) -> None:
    case = add_case(store)
    first = add_deadline(store, case, TODAY + timedelta(days=2), "Exchange exhibits")
    add_deadline(store, case, TODAY + timedelta(days=9), "Expert disclosures")
    assert first.id is not None
    store.complete_deadline(first.id)
    assert rollups(store)[1] == (TODAY + timedelta(days=9)).isoformat()


def test_next_hearing_is_the_earliest_scheduled_one(store: Store) -> None:
    case = add_case(store)
    add_hearing(store, case, TODAY + timedelta(days=20), kind="Pretrial conference")
    add_hearing(store, case, TODAY + timedelta(days=6), kind="Evidentiary hearing")
    assert datetime.fromisoformat(str(rollups(store)[2])) == at(TODAY + timedelta(days=6))


# ---------------------------------------------------------------- attention


def attention(store: Store, case_number: str = "1:24-cv-01234") -> str | None:
    case = store.find_case(case_number)
    return store.case_row(case_id(case)).attention


def test_quiet_case_with_nothing_scheduled_needs_attention(store: Store) -> None:
    add_case(store, opened_on=days_ago(40))
    assert attention(store) == f"quiet since {days_ago(40).isoformat()}, nothing scheduled"


def test_quiet_for_exactly_the_threshold_is_not_yet_attention(store: Store) -> None:
    add_case(store, opened_on=days_ago(30))
    assert attention(store) is None


def test_quiet_one_day_past_the_threshold_is_attention(store: Store) -> None:
    add_case(store, opened_on=days_ago(31))
    assert attention(store) == f"quiet since {days_ago(31).isoformat()}, nothing scheduled"


def test_an_open_deadline_keeps_a_quiet_case_off_the_attention_list(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(90))
    add_deadline(store, case, TODAY + timedelta(days=10))
    assert attention(store) is None


def test_an_upcoming_hearing_keeps_a_quiet_case_off_the_attention_list(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(90))
    add_hearing(store, case, TODAY + timedelta(days=10))
    assert attention(store) is None


def test_a_hearing_left_scheduled_in_the_past_does_not_count_as_upcoming(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(90))
    add_hearing(store, case, days_ago(45))
    assert attention(store) == f"quiet since {days_ago(90).isoformat()}, nothing scheduled"


def test_a_past_scheduled_hearing_does_not_hide_a_later_one(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(90))
    add_hearing(store, case, days_ago(45))
    add_hearing(store, case, TODAY + timedelta(days=20))
    assert attention(store) is None


def test_follow_up_day_reached_needs_attention_even_when_recent(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(2))
    store.set_follow_up(case_id(case), TODAY)
    assert attention(store) == f"follow-up due {TODAY.isoformat()}"


def test_follow_up_in_the_future_is_not_attention(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(2))
    store.set_follow_up(case_id(case), TODAY + timedelta(days=1))
    assert attention(store) is None


def test_a_resolved_case_never_needs_attention(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(200))
    store.change_stage(case_id(case), "closed", disposition="dismissed", on=days_ago(100))
    assert attention(store) is None


def test_recent_note_clears_attention(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(90))
    store.add_note(case_id(case), "Left a message for opposing counsel")
    assert attention(store) is None


def test_cases_needing_attention_lists_only_flagged_cases_with_reasons(store: Store) -> None:
    add_case(store, "A-1", opened_on=days_ago(50), title="Quiet matter")
    add_case(store, "A-2", opened_on=days_ago(2), title="Busy matter")
    followed = add_case(store, "A-3", opened_on=days_ago(3), title="Follow-up matter")
    store.set_follow_up(case_id(followed), days_ago(1))
    busy_but_old = add_case(store, "A-4", opened_on=days_ago(80), title="Deadline matter")
    add_deadline(store, busy_but_old, TODAY + timedelta(days=3))
    rows = store.cases_needing_attention()
    assert sorted((r.number, r.reason) for r in rows) == [
        ("A-1", f"quiet since {days_ago(50).isoformat()}, nothing scheduled"),
        ("A-3", f"follow-up due {days_ago(1).isoformat()}"),
    ]


def test_many_overdue_cases_ahead_in_urgency_do_not_hide_a_quiet_one(store: Store) -> None:
    # Overdue deadlines sort before the quiet case's attention date; none of them is an
    # attention case (their deadline is the agenda's business), so the list must look past them.
    for n in range(6):
        busy = add_case(store, f"B-{n}", opened_on=days_ago(200))
        add_deadline(store, busy, days_ago(150))
    add_case(store, "Q-1", opened_on=days_ago(60), title="Quiet matter")
    assert [row.number for row in store.cases_needing_attention(limit=1)] == ["Q-1"]


# ---------------------------------------------------------------- the Cases list


def test_unresolved_cases_come_first_then_the_most_urgent(store: Store) -> None:
    later = add_case(store, "C-1", title="Later deadline")
    add_deadline(store, later, TODAY + timedelta(days=20))
    closed = add_case(store, "C-2", title="Closed matter")
    store.change_stage(case_id(closed), "closed", disposition="settled")
    sooner = add_case(store, "C-3", title="Sooner deadline")
    add_deadline(store, sooner, TODAY + timedelta(days=2))
    overdue = add_case(store, "C-4", title="Overdue deadline")
    add_deadline(store, overdue, days_ago(1))
    assert [row.number for row in store.list_cases()] == ["C-4", "C-3", "C-1", "C-2"]


def test_open_only_leaves_resolved_cases_out(store: Store) -> None:
    add_case(store, "C-1")
    closed = add_case(store, "C-2")
    store.change_stage(case_id(closed), "closed", disposition="settled")
    assert [row.number for row in store.list_cases(open_only=True)] == ["C-1"]


def _many_cases(store: Store, n: int) -> None:
    for i in range(n):
        case = add_case(store, f"1:26-cv-{i:05d}", title=f"Plaintiff {i} v. Defendant Co")
        if i % 3 == 0:
            add_deadline(store, case, TODAY + timedelta(days=i % 7))
        if i % 5 == 0:
            store.change_stage(case_id(case), "closed", disposition="settled")


def every_page(fetch: Callable[[Any], list[CaseRow]], *, most: int = 30) -> list[str]:
    """Case numbers page after page, to the first empty page; paging that never ends fails."""
    numbers: list[str] = []
    after = None
    for _ in range(most):
        page = fetch(after)
        if not page:
            return numbers
        numbers += [row.number for row in page]
        after = page[-1].sort_key
    pytest.fail(f"still a next page after {most} pages: {numbers[-10:]}")


def test_keyset_pages_concatenate_to_the_whole_list(store: Store) -> None:
    _many_cases(store, 23)
    whole = store.list_cases(limit=1000)
    pages = every_page(lambda after: store.list_cases(after=after, limit=5))
    assert len(whole) == 23
    assert pages == [row.number for row in whole]
    assert len(set(pages)) == 23


def test_keyset_paging_with_a_filter_stays_within_the_filter(store: Store) -> None:
    _many_cases(store, 23)
    whole = [row.number for row in store.list_cases(text="Plaintiff 1", limit=1000)]
    pages = every_page(lambda after: store.list_cases(text="Plaintiff 1", after=after, limit=3))
    assert pages == whole
    assert sorted(whole) == ["1:26-cv-00001"] + [f"1:26-cv-{i:05d}" for i in range(10, 20)]


def test_filter_matches_title_or_number_case_insensitively(store: Store) -> None:
    add_case(store, "1:24-cv-01234", title="Smith v. Acme Corp")
    add_case(store, "2:25-CR-00077", title="United States v. Doe", kind="criminal")
    assert [r.number for r in store.list_cases(text="acme")] == ["1:24-cv-01234"]
    assert [r.number for r in store.list_cases(text="cr-000")] == ["2:25-CR-00077"]


def test_filter_percent_sign_is_literal(store: Store) -> None:
    add_case(store, "C-1", title="100% Juice Co v. Orchard Farms")
    add_case(store, "C-2", title="Smith v. Jones")
    assert [r.number for r in store.list_cases(text="%")] == ["C-1"]


def test_filter_underscore_is_literal(store: Store) -> None:
    add_case(store, "2021_0537", court="Sheriff", title="Burglary report", kind="investigation")
    add_case(store, "2021-0537", court="Police", title="Theft report", kind="investigation")
    assert [r.number for r in store.list_cases(text="1_0")] == ["2021_0537"]


def test_filter_with_backslash_is_literal(store: Store) -> None:
    add_case(store, "C-1", title=r"In re Estate of A\B Trust")
    add_case(store, "C-2", title="In re Estate of AB Trust")
    assert [r.number for r in store.list_cases(text="A\\B")] == ["C-1"]


def test_filter_with_no_match_is_an_empty_page(store: Store) -> None:
    add_case(store)
    assert store.list_cases(text="zzz-no-such") == []


# ---------------------------------------------------------------- agenda


def test_agenda_mixes_deadlines_and_hearings_soonest_first(store: Store) -> None:
    case = add_case(store)
    add_deadline(store, case, TODAY + timedelta(days=5), "Expert disclosures")
    add_hearing(store, case, TODAY + timedelta(days=2), kind="Status conference")
    add_deadline(store, case, days_ago(3), "Overdue: answer interrogatories")
    add_hearing(store, case, TODAY + timedelta(days=9), kind="Evidentiary hearing")
    assert [(item.kind, item.title) for item in store.agenda()] == [
        ("deadline", "Overdue: answer interrogatories"),
        ("hearing", "Status conference"),
        ("deadline", "Expert disclosures"),
        ("hearing", "Evidentiary hearing"),
    ]


def test_agenda_same_day_hearings_in_time_order(store: Store) -> None:
    case = add_case(store)
    day = TODAY + timedelta(days=1)
    store.add_hearing(case_id(case), _hearing(day, 14, "Afternoon hearing"))
    store.add_hearing(case_id(case), _hearing(day, 9, "Morning hearing"))
    assert [item.title for item in store.agenda()] == ["Morning hearing", "Afternoon hearing"]


def _hearing(day: date, hour: int, kind: str):  # type: ignore[no-untyped-def]
    from docket.models import Hearing

    return Hearing(starts_at=at(day, hour), kind=kind)


def test_agenda_leaves_out_done_deadlines_and_past_hearings(store: Store) -> None:
    case = add_case(store)
    done = add_deadline(store, case, TODAY + timedelta(days=1), "Already filed")
    assert done.id is not None
    store.complete_deadline(done.id)
    add_hearing(store, case, days_ago(2), kind="Old conference")
    add_deadline(store, case, TODAY + timedelta(days=3), "Still open")
    assert [item.title for item in store.agenda()] == ["Still open"]


def test_agenda_until_stops_at_that_day(store: Store) -> None:
    case = add_case(store)
    add_deadline(store, case, TODAY + timedelta(days=7), "This week")
    add_deadline(store, case, TODAY + timedelta(days=8), "Next week")
    add_hearing(store, case, TODAY + timedelta(days=8), kind="Next week hearing")
    until = TODAY + timedelta(days=7)
    assert [item.title for item in store.agenda(until=until)] == ["This week"]


def test_agenda_items_name_their_case(store: Store) -> None:
    case = add_case(store, "1:24-cv-01234", title="Smith v. Acme Corp")
    add_deadline(store, case, TODAY + timedelta(days=1))
    [item] = store.agenda()
    assert (item.case_number, item.case_title, item.day) == (
        "1:24-cv-01234",
        "Smith v. Acme Corp",
        TODAY + timedelta(days=1),
    )


def test_overdue_count_counts_open_deadlines_before_today(store: Store) -> None:
    case = add_case(store)
    add_deadline(store, case, days_ago(1))
    add_deadline(store, case, TODAY)
    add_deadline(store, case, days_ago(10))
    assert store.overdue_count() == 2


@pytest.mark.parametrize("hour", [0, 23])
def test_agenda_hearing_today_is_shown_whatever_the_hour(store: Store, hour: int) -> None:
    case = add_case(store)
    store.add_hearing(case_id(case), _hearing(TODAY, hour, "Today's hearing"))
    assert [item.title for item in store.agenda()] == ["Today's hearing"]


def test_keyset_pages_of_open_cases_skip_resolved_ones(store: Store) -> None:
    _many_cases(store, 23)
    whole = [row.number for row in store.list_cases(open_only=True, limit=1000)]
    pages = every_page(lambda after: store.list_cases(open_only=True, after=after, limit=4))
    assert pages == whole and len(whole) == 18


def test_due_soon_counts_what_the_agenda_shows_for_the_week(store: Store) -> None:
    case = add_case(store, opened_on=days_ago(10))
    add_deadline(store, case, days_ago(1))  # overdue: not "due soon"
    add_deadline(store, case, TODAY)
    add_deadline(store, case, TODAY + timedelta(days=7))
    add_deadline(store, case, TODAY + timedelta(days=8))
    add_hearing(store, case, TODAY + timedelta(days=3))
    week = [i for i in store.agenda(until=TODAY + timedelta(days=7)) if i.day >= TODAY]
    assert store.due_soon_count(7) == len(week) == 3

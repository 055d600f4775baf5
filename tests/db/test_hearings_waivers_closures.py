"""Store methods the CLI and the TUI share: continuances, waivers and court closures."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from db.store import Store
from docket.errors import InputError, NotFound, Refused
from docket.models import Case, CaseKind, Deadline, Hearing, HearingStatus

MOUNTAIN = timezone(timedelta(hours=-7))


@pytest.fixture
def case_id(store: Store) -> int:
    case = store.add_case(
        Case(number="CV-3", title="Court v. Calendar", kind=CaseKind.CIVIL, calendar="US-NM")
    )
    assert case.id is not None
    return case.id


def _audit_rows(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_a_continuance_keeps_the_old_row_and_schedules_the_new_one(
    store: Store, case_id: int
) -> None:
    starts = datetime(2026, 12, 10, 9, 30, tzinfo=MOUNTAIN)
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            kind="motion hearing",
            location="Courtroom 4",
            judge="Hon. A. Judge",
        ),
    )
    assert hearing.id is not None
    to = datetime(2027, 1, 14, 10, 0, tzinfo=MOUNTAIN)
    change = store.change_hearing(hearing.id, continued_to=to, outcome="defense asked for time")
    old, new = change.hearing, change.scheduled
    assert new is not None
    assert old.status == HearingStatus.CONTINUED and old.continued_to == to
    assert old.outcome == "defense asked for time"
    assert (new.status, new.starts_at, new.kind, new.location, new.judge) == (
        HearingStatus.SCHEDULED,
        to,
        "motion hearing",
        "Courtroom 4",
        "Hon. A. Judge",
    )
    assert new.ends_at == to + timedelta(hours=1)
    statuses = {(d.trigger_hearing_id, d.status.value) for d in store.deadlines(case_id)}
    assert statuses == {(old.id, "withdrawn"), (new.id, "open")}
    assert store.case_row(case_id).next_hearing_at == new.starts_at.isoformat()


def test_a_continuance_refuses_a_hearing_no_longer_scheduled(store: Store, case_id: int) -> None:
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(starts_at=datetime(2026, 12, 1, 9, tzinfo=MOUNTAIN), kind="status conference"),
    )
    assert hearing.id is not None
    store.update_hearing(hearing.model_copy(update={"status": HearingStatus.VACATED}))
    before = _audit_rows(store)
    with pytest.raises(Refused, match="is vacated"):
        store.change_hearing(hearing.id, continued_to=datetime(2026, 12, 8, 9, tzinfo=MOUNTAIN))
    same_time = datetime(2026, 12, 2, 9, tzinfo=MOUNTAIN)
    second, _ = store.add_hearing(case_id, Hearing(starts_at=same_time, kind="status"))
    assert second.id is not None
    with pytest.raises(InputError, match="present time") as refused:
        store.change_hearing(second.id, continued_to=same_time)
    assert refused.value.field == "continued_to"
    assert _audit_rows(store) == before + 1  # the second hearing's insert, nothing else
    assert [h.status for h in store.hearings(case_id)] == [
        HearingStatus.VACATED,
        HearingStatus.SCHEDULED,
    ]


def test_waive_deadline_notes_why_in_the_same_write(store: Store, case_id: int) -> None:
    deadline = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 1), title="Reply"))
    assert deadline.id is not None
    waived = store.waive_deadline(deadline.id, case_id=case_id, note="Parties stipulated")
    assert waived.status.value == "waived" and waived.done_on == date(2026, 11, 25)
    assert store.notes(case_id)[0].text == "Deadline #1 waived (Reply): Parties stipulated"
    assert store.case_row(case_id).next_deadline_on is None


def test_closures_apply_to_their_calendar_and_count_open_deadlines(
    store: Store, case_id: int
) -> None:
    other = store.add_case(Case(number="CV-4", title="Other", kind=CaseKind.CIVIL))
    assert other.id is not None
    day = date(2026, 12, 24)
    store.add_deadline(case_id, Deadline(due_on=day, title="Brief"))
    store.add_deadline(other.id, Deadline(due_on=day, title="Reply"))
    done = store.add_deadline(other.id, Deadline(due_on=day, title="Done already"))
    assert done.id is not None
    store.complete_deadline(done.id)
    store.add_closure(day, "Christmas Eve closure", "US-NM")
    store.add_closure(date(2026, 12, 31), "New Year's Eve closure")
    assert [(c.day, c.calendar) for c in store.closures()] == [
        (day, "US-NM"),
        (date(2026, 12, 31), ""),
    ]
    assert [c.name for c in store.closures("US")] == ["New Year's Eve closure"]
    assert len(store.closures("US-NM")) == 2
    assert store.open_deadlines_on(day) == 2
    assert store.open_deadlines_on(day, "US-NM") == 1
    assert store.open_deadlines_on(date(2026, 12, 23)) == 0
    audit = store.conn.execute(
        "SELECT after FROM audit_log WHERE entity = 'court_closures' ORDER BY id"
    ).fetchall()
    assert json.loads(audit[0][0])["name"] == "Christmas Eve closure"


def test_a_waiver_without_a_reason_is_still_noted(store: Store, case_id: int) -> None:
    deadline = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 1), title="Reply"))
    assert deadline.id is not None
    store.waive_deadline(deadline.id, case_id=case_id)
    assert [n.text for n in store.notes(case_id)] == ["Deadline #1 waived (Reply)"]


def test_a_blank_waiver_reason_is_refused_and_nothing_changes(store: Store, case_id: int) -> None:
    deadline = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 1), title="Reply"))
    assert deadline.id is not None
    with pytest.raises(InputError, match="note"):
        store.waive_deadline(deadline.id, case_id=case_id, note="  ")
    assert store.get_deadline(deadline.id).status.value == "open"
    assert store.notes(case_id) == []


def test_a_closure_is_refused_twice_for_the_same_calendar_and_kept_once(store: Store) -> None:
    store.add_closure(date(2026, 12, 24), "Court closed", "US-NM")
    with pytest.raises(Refused, match="already a closure for US-NM") as refused:
        store.add_closure(date(2026, 12, 24), "Again", "us-nm")
    assert refused.value.field == "day"
    assert [(c.day, c.calendar, c.name) for c in store.closures()] == [
        (date(2026, 12, 24), "US-NM", "Court closed")
    ]


@pytest.mark.parametrize(
    ("name", "calendar", "field"),
    [
        (" ", "", "name"),
        ("Snow\nday", "", "name"),
        ("x" * 201, "", "name"),
        ("Snow", "ZZ-9", "calendar"),
    ],
)
def test_a_closure_with_a_bad_name_or_calendar_writes_nothing(
    store: Store, name: str, calendar: str, field: str
) -> None:
    with pytest.raises(InputError) as refused:
        store.add_closure(date(2026, 12, 24), name, calendar)
    assert refused.value.field == field
    assert store.closures() == []


def test_moving_a_hearing_moves_its_end_with_it(store: Store, case_id: int) -> None:
    start = datetime(2026, 12, 1, 9, tzinfo=MOUNTAIN)
    hearing, _ = store.add_hearing(
        case_id, Hearing(starts_at=start, ends_at=start + timedelta(hours=2), kind="trial")
    )
    assert hearing.id is not None
    later = datetime(2026, 12, 3, 13, tzinfo=MOUNTAIN)
    change = store.change_hearing(hearing.id, starts_at=later)
    assert change.hearing.starts_at == later
    assert change.hearing.ends_at == datetime(2026, 12, 3, 15, tzinfo=MOUNTAIN)
    assert change.scheduled is None and change.withdrawn == []


def test_a_continuance_carries_a_corrected_place_to_the_new_hearing(
    store: Store, case_id: int
) -> None:
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(starts_at=datetime(2026, 12, 1, 9, tzinfo=MOUNTAIN), kind="status", location="A"),
    )
    assert hearing.id is not None
    to = datetime(2027, 1, 12, 9, 30, tzinfo=MOUNTAIN)
    change = store.change_hearing(
        hearing.id, location="Courtroom 4", outcome="defense asked", continued_to=to
    )
    assert change.hearing.status == HearingStatus.CONTINUED
    assert change.hearing.outcome == "defense asked" and change.hearing.continued_to == to
    assert change.scheduled is not None
    assert (change.scheduled.starts_at, change.scheduled.location) == (to, "Courtroom 4")
    assert [h.status for h in store.hearings(case_id)] == [
        HearingStatus.CONTINUED,
        HearingStatus.SCHEDULED,
    ]


def test_a_hearing_change_on_another_case_or_a_held_continuance_is_refused(
    store: Store, case_id: int
) -> None:
    hearing, _ = store.add_hearing(
        case_id, Hearing(starts_at=datetime(2026, 12, 1, 9, tzinfo=MOUNTAIN), kind="status")
    )
    assert hearing.id is not None
    before = _audit_rows(store)
    with pytest.raises(NotFound):
        store.change_hearing(hearing.id, case_id=case_id + 1, status=HearingStatus.HELD)
    to = datetime(2027, 1, 12, 9, 30, tzinfo=MOUNTAIN)
    with pytest.raises(InputError) as refused:
        store.change_hearing(hearing.id, status=HearingStatus.HELD, continued_to=to)
    assert refused.value.field == "continued_to"
    assert _audit_rows(store) == before
    assert store.get_hearing(hearing.id).status == HearingStatus.SCHEDULED

"""Store methods the CLI and the TUI share: continuances, waivers and court closures."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from db.store import Store
from docket.errors import InputError, Refused
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


def test_continue_hearing_keeps_the_old_row_and_schedules_the_new_one(
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
    old, new = store.continue_hearing(hearing.id, to, "defense asked for time")
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


def test_continue_hearing_refuses_a_hearing_no_longer_scheduled(store: Store, case_id: int) -> None:
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(starts_at=datetime(2026, 12, 1, 9, tzinfo=MOUNTAIN), kind="status conference"),
    )
    assert hearing.id is not None
    store.update_hearing(hearing.model_copy(update={"status": HearingStatus.VACATED}))
    before = _audit_rows(store)
    with pytest.raises(Refused, match="is vacated"):
        store.continue_hearing(hearing.id, datetime(2026, 12, 8, 9, tzinfo=MOUNTAIN))
    same_time = datetime(2026, 12, 2, 9, tzinfo=MOUNTAIN)
    second, _ = store.add_hearing(case_id, Hearing(starts_at=same_time, kind="status"))
    assert second.id is not None
    with pytest.raises(InputError, match="present time") as same:
        store.continue_hearing(second.id, same_time)
    assert same.value.field == "continued_to"
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

"""A deadline's life after it is set: met by an entry, reopened when that entry is voided,
withdrawn by a close and restored by a reopening, with every step in its history.

Today is Wed 25 Nov 2026. A complaint filed Mon 2 Nov 2026 sets the answer (FRCP 12(a),
21 days: Mon 23 Nov) and service (FRCP 4(m), 90 days: 29 left in Nov, 31 in Dec, 30 more is
Sun 31 Jan 2027, which runs to Mon 1 Feb).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from db.store import Store
from docket.clock import Clock
from docket.models import (
    Case,
    CaseKind,
    Deadline,
    DeadlineEvent,
    DeadlineStatus,
    DocType,
    Filing,
    Hearing,
    HearingStatus,
)

ANSWER_DUE = date(2026, 11, 23)
SERVICE_DUE = date(2027, 2, 1)


def civil_case_with_complaint(store: Store) -> int:
    case = store.add_case(
        Case(number="1:26-cv-7", title="A v. B", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 2))
    )
    assert case.id is not None
    store.add_filing(
        case.id, Filing(filed_on=date(2026, 11, 2), doc_type=DocType.COMPLAINT, title="Complaint")
    )
    return case.id


def answer(store: Store, case_id: int) -> Filing:
    saved, _ = store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 20), doc_type=DocType.ANSWER, title="Answer")
    )
    return saved


def states(store: Store, case_id: int) -> dict[str, DeadlineStatus]:
    return {d.title: d.status for d in store.deadlines(case_id)}


def the(store: Store, case_id: int, rule: str) -> Deadline:
    (found,) = [d for d in store.deadlines(case_id) if d.rule == rule]
    return found


def test_the_entry_that_met_a_deadline_names_it(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    filed = answer(store, case_id)
    assert filed.id is not None
    assert [(d.rule, d.due_on) for d in store.deadlines_met_by(filed.id)] == [
        ("frcp-12a-answer", ANSWER_DUE)
    ]


def test_voiding_the_answer_reopens_its_deadline_overdue_with_history(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    filed = answer(store, case_id)
    assert store.overdue_count() == 0
    store.void_filing(case_id, 2, "wrong case")
    reopened = the(store, case_id, "frcp-12a-answer")
    assert (reopened.status, reopened.done_on, reopened.satisfied_by_filing_id) == (
        DeadlineStatus.OPEN,
        None,
        None,
    )
    # Due Mon 23 Nov, today Wed 25 Nov: overdue again, as its date says.
    assert store.overdue_count() == 1
    assert store.deadlines_met_by(filed.id or 0) == []
    steps = [
        (h.event, h.happened_on, h.filing_id, h.detail)
        for h in store.deadline_history(reopened.id or 0)
    ]
    assert steps == [
        (DeadlineEvent.SATISFIED, date(2026, 11, 20), filed.id, None),
        (DeadlineEvent.REOPENED, date(2026, 11, 25), filed.id, "entry 2 voided"),
    ]
    (audited,) = store.conn.execute(
        "SELECT after FROM audit_log WHERE entity = 'deadlines' AND entity_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (reopened.id,),
    ).fetchall()
    assert json.loads(audited[0])["status"] == "open"


def test_reopening_restores_only_what_the_close_withdrew(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    # Withdrawn for another reason before the close: a motion hearing's FRCP 6(c) deadlines
    # come off with the vacated hearing; a waived deadline is the firm's decision.
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(
            starts_at=datetime(2026, 12, 17, 9, 30, tzinfo=ZoneInfo("America/Denver")),
            kind="motion hearing",
        ),
    )
    assert hearing.id is not None
    store.change_hearing(hearing.id, status=HearingStatus.VACATED, version=hearing.version)
    by_hearing = store.deadlines_set_by(hearing_id=hearing.id)
    assert by_hearing and {d.status for d in by_hearing} == {DeadlineStatus.WITHDRAWN}
    waived = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 4), title="Exhibits"))
    store.waive_deadline(waived.id or 0)

    closed = store.change_stage(case_id, "closed", disposition="settled", on=date(2026, 11, 25))
    assert closed.withdrawn_deadlines == 2  # answer and service
    reopened = store.change_stage(case_id, "reopen", note="settlement fell through")
    assert reopened.restored_deadlines == 2
    assert states(store, case_id) == {
        "Answer to complaint due": DeadlineStatus.OPEN,
        "Serve summons and complaint": DeadlineStatus.OPEN,
        "Exhibits": DeadlineStatus.WAIVED,
        **{d.title: DeadlineStatus.WITHDRAWN for d in by_hearing},
    }
    assert store.overdue_count() == 1  # the answer, due 23 Nov
    service = the(store, case_id, "frcp-4m-service")
    assert service.due_on == SERVICE_DUE
    steps = [(h.event, h.happened_on, h.detail) for h in store.deadline_history(service.id or 0)]
    assert steps == [
        (DeadlineEvent.WITHDRAWN, date(2026, 11, 25), "matter closed (settled)"),
        (DeadlineEvent.REOPENED, date(2026, 11, 25), "matter reopened"),
    ]
    # A second close and reopening withdraw and restore them again, no more.
    again = store.change_stage(case_id, "closed", disposition="settled")
    assert again.withdrawn_deadlines == 2
    assert store.change_stage(case_id, "reopen", note="again").restored_deadlines == 2


def test_a_deadline_whose_entry_was_voided_while_closed_stays_withdrawn(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    store.change_stage(case_id, "closed", disposition="dismissed")
    store.void_filing(case_id, 1, "filed in the wrong case")
    reopened = store.change_stage(case_id, "reopen", note="refiled")
    assert reopened.restored_deadlines == 0
    assert set(states(store, case_id).values()) == {DeadlineStatus.WITHDRAWN}


def test_voiding_a_met_entry_on_a_closed_matter_leaves_it_for_the_reopening(
    store: Store,
) -> None:
    case_id = civil_case_with_complaint(store)
    answer(store, case_id)
    # The close withdraws 4(m) and the two deadlines the answer set (15(a)(1)(B), 38(b)).
    assert store.change_stage(case_id, "closed", disposition="settled").withdrawn_deadlines == 3
    # Voiding the answer withdraws its own two for the void, not for the close.
    store.void_filing(case_id, 2, "wrong case")
    # Not open on a closed matter: withdrawn as the close would have withdrawn it.
    assert the(store, case_id, "frcp-12a-answer").status == DeadlineStatus.WITHDRAWN
    assert store.overdue_count() == 0
    reopened = store.change_stage(case_id, "reopen", note="settlement fell through")
    assert reopened.restored_deadlines == 2
    assert the(store, case_id, "frcp-12a-answer").status == DeadlineStatus.OPEN


def test_voiding_one_of_two_answers_leaves_the_deadline_met_by_the_other(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    first = answer(store, case_id)
    second, _ = store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 21), doc_type=DocType.ANSWER, title="Answer")
    )
    store.void_filing(case_id, 2, "entered twice")
    met = the(store, case_id, "frcp-12a-answer")
    assert (met.status, met.satisfied_by_filing_id, met.done_on) == (
        DeadlineStatus.SATISFIED,
        second.id,
        date(2026, 11, 21),
    )
    assert store.overdue_count() == 0
    last = store.deadline_history(met.id or 0)[-1]
    assert (last.event, last.filing_id, last.detail) == (
        DeadlineEvent.SATISFIED,
        second.id,
        "entry 2 voided; entry 3 meets it",
    )
    assert first.id is not None and store.deadlines_met_by(first.id) == []


def test_an_answer_docketed_while_closed_meets_the_deadline_the_reopening_restores(
    store: Store,
) -> None:
    case_id = civil_case_with_complaint(store)
    store.change_stage(case_id, "closed", disposition="settled")
    filed = answer(store, case_id)  # on a closed matter: nothing open for it to meet
    assert the(store, case_id, "frcp-12a-answer").status == DeadlineStatus.WITHDRAWN
    reopened = store.change_stage(case_id, "reopen", note="settlement fell through")
    assert reopened.restored_deadlines == 2
    # The answer's own two (38(b), 15(a)(1)(B)) were set when it was docketed and stay open.
    assert states(store, case_id) == {
        "Answer to complaint due": DeadlineStatus.SATISFIED,
        "Serve summons and complaint": DeadlineStatus.OPEN,
        "Jury demand due": DeadlineStatus.OPEN,
        "Last day to amend the pleading once as a matter of course": DeadlineStatus.OPEN,
    }
    assert the(store, case_id, "frcp-12a-answer").satisfied_by_filing_id == filed.id
    assert store.overdue_count() == 0


@pytest.mark.sqlite_only
def test_a_database_from_before_the_history_gets_its_met_deadlines_history(
    db_path: Path, clock: Clock
) -> None:
    with Store.open(db_path, clock=clock, user="tester") as older:
        case_id = civil_case_with_complaint(older)
        filed = answer(older, case_id)
        older.conn.execute("DROP TABLE deadline_history")
        older.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_deadline_history'")
        older.conn.commit()
    with Store.open(db_path, clock=clock, user="tester") as upgraded:
        met = the(upgraded, case_id, "frcp-12a-answer")
        steps = [
            (h.event, h.happened_on, h.filing_id) for h in upgraded.deadline_history(met.id or 0)
        ]
        assert steps == [(DeadlineEvent.SATISFIED, date(2026, 11, 20), filed.id)]
        assert upgraded.deadline_story(met.id or 0) == ["2026-11-20  satisfied by entry 2"]

"""Which deadlines an entry or a hearing sets, and when, checked against dates counted by hand.

Calendar notes used below (2026): Veterans Day Wed 11 Nov, Thanksgiving Thu 26 Nov, Easter
Sunday 5 Apr. Expected dates are written out, never computed by the engine under test.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from docket.calendars import CourtCalendar
from docket.models import (
    CaseKind,
    Deadline,
    DeadlineStatus,
    DocType,
    Filing,
    Hearing,
    HearingStatus,
    ServiceMethod,
)
from docket.triggers import (
    DeadlinePlan,
    TriggerChange,
    filing_change,
    filing_deadlines,
    filing_rules,
    hearing_change,
    hearing_deadlines,
    hearing_rules_for,
    recount_filing_deadlines,
    recount_hearing_deadlines,
    withdraw_open_deadlines,
)

US = CourtCalendar("US")
MOUNTAIN = timezone(timedelta(hours=-7))


def motion(**changes: object) -> Filing:
    """Docket entry 5 of case 1: a motion filed and served electronically on Mon 2 Nov 2026."""
    base = Filing(
        id=5,
        case_id=1,
        entry_no=3,
        filed_on=date(2026, 11, 2),
        doc_type=DocType.MOTION,
        title="Motion to dismiss",
        served_on=date(2026, 11, 2),
        service=ServiceMethod.ELECTRONIC,
    )
    return base.model_copy(update=changes)


def motion_hearing(day: int, **changes: object) -> Hearing:
    base = Hearing(
        id=9,
        case_id=1,
        starts_at=datetime(2026, 12, day, 10, 0, tzinfo=MOUNTAIN),
        kind="Motion hearing",
    )
    return base.model_copy(update=changes)


def set_by_entry(
    deadline_id: int, rule: str | None, status: DeadlineStatus = DeadlineStatus.OPEN
) -> Deadline:
    return Deadline(
        id=deadline_id,
        case_id=1,
        due_on=date(2026, 11, 16),
        title="Set earlier",
        rule=rule,
        trigger_filing_id=5,
        status=status,
    )


def new_deadlines(filing: Filing, kind: CaseKind, calendar: CourtCalendar = US) -> list[Deadline]:
    return filing_deadlines(filing, filing_rules(filing, kind), calendar)


# ---------------------------------------------------------------------- a new entry


def test_a_motion_served_electronically_sets_its_response_14_days_on() -> None:
    (deadline,) = new_deadlines(motion(), CaseKind.CIVIL)
    # Mon 2 Nov + 14 = Mon 16 Nov, a court day.
    assert deadline.due_on == date(2026, 11, 16)
    assert deadline.rule == "frcp-response-motion"
    assert deadline.title == "Response to motion due"
    assert (deadline.case_id, deadline.trigger_filing_id, deadline.trigger_hearing_id) == (
        1,
        5,
        None,
    )
    assert deadline.status == DeadlineStatus.OPEN
    assert "Due: Mon 16 Nov 2026" in deadline.computation


def test_mail_service_adds_three_days_then_moves_off_thanksgiving() -> None:
    filing = motion(served_on=date(2026, 11, 9), service=ServiceMethod.MAIL)
    (deadline,) = new_deadlines(filing, CaseKind.CIVIL)
    # Mon 9 Nov + 14 = Mon 23 Nov; + 3 for mail = Thu 26 Nov, Thanksgiving: Fri 27 Nov.
    assert deadline.due_on == date(2026, 11, 27)
    assert any("Thanksgiving" in step for step in deadline.computation)


def test_an_unknown_service_date_counts_from_filing() -> None:
    (deadline,) = new_deadlines(motion(filed_on=date(2026, 11, 3), served_on=None), CaseKind.CIVIL)
    # Tue 3 Nov + 14 = Tue 17 Nov.
    assert deadline.due_on == date(2026, 11, 17)


def test_a_court_closure_moves_the_last_day() -> None:
    closed = CourtCalendar("US", closures={date(2026, 11, 16): "Flooded courthouse"})
    (deadline,) = new_deadlines(motion(), CaseKind.CIVIL, closed)
    # Mon 16 Nov is closed: Tue 17 Nov.
    assert deadline.due_on == date(2026, 11, 17)


def test_a_complaint_sets_the_answer_and_the_service_deadline() -> None:
    complaint = motion(
        doc_type=DocType.COMPLAINT,
        title="Complaint",
        filed_on=date(2026, 1, 5),
        served_on=date(2026, 1, 7),
        service=ServiceMethod.MAIL,
    )
    due = {d.rule: d.due_on for d in new_deadlines(complaint, CaseKind.CIVIL)}
    assert due == {
        # Wed 7 Jan + 21 = Wed 28 Jan; a complaint served by mail gets no 3 days.
        "frcp-12a-answer": date(2026, 1, 28),
        # Mon 5 Jan + 90 = Sun 5 Apr (Easter): Mon 6 Apr.
        "frcp-4m-service": date(2026, 4, 6),
    }


def test_rules_apply_to_their_case_kinds_only() -> None:
    complaint = motion(doc_type=DocType.COMPLAINT, title="Complaint")
    assert filing_rules(complaint, CaseKind.CRIMINAL) == []
    assert filing_rules(complaint, CaseKind.INVESTIGATION) == []
    assert new_deadlines(motion(doc_type=DocType.EXHIBIT, title="Exhibit A"), CaseKind.CIVIL) == []


def test_a_voided_entry_sets_nothing() -> None:
    voided = motion(voided_at=datetime(2026, 11, 3, 9, 0, tzinfo=MOUNTAIN), void_reason="dup")
    assert filing_rules(voided, CaseKind.CIVIL) == []


def test_a_statutory_clock_is_not_moved_off_a_sunday() -> None:
    arrest = motion(doc_type=DocType.ARREST, title="Arrest", filed_on=date(2026, 1, 2))
    (deadline,) = new_deadlines(arrest, CaseKind.CRIMINAL)
    # Fri 2 Jan + 30 = Sun 1 Feb, kept: the Speedy Trial Act is not counted under FRCP 6.
    assert deadline.rule == "speedy-indictment"
    assert deadline.due_on == date(2026, 2, 1)


def test_an_import_sets_deadlines_before_a_day_as_past_at_import() -> None:
    judgment = motion(doc_type=DocType.JUDGMENT, title="Judgment", filed_on=date(2026, 1, 2))
    rules = filing_rules(judgment, CaseKind.CIVIL)
    every = {d.rule: d.due_on for d in filing_deadlines(judgment, rules, US)}
    assert every == {
        "frcp-59b-new-trial": date(2026, 1, 30),  # Fri 2 Jan + 28 = Fri 30 Jan
        "frap-4a-notice-of-appeal": date(2026, 2, 2),  # + 30 = Sun 1 Feb: Mon 2 Feb
        "frcp-59e-alter-amend": date(2026, 1, 30),  # + 28 = Fri 30 Jan
        "frcp-50b-renewed-jmol": date(2026, 1, 30),  # + 28 = Fri 30 Jan
        "frcp-52b-amend-findings": date(2026, 1, 30),  # + 28 = Fri 30 Jan
        "frcp-54d2-attorneys-fees": date(2026, 1, 16),  # + 14 = Fri 16 Jan
    }
    later = filing_deadlines(judgment, rules, US, due_from=date(2026, 2, 1))
    # Every rule is kept; only the notice of appeal (Mon 2 Feb) is due on or after Sun 1 Feb.
    assert {d.rule: d.due_on for d in later} == every
    assert [(d.rule, d.due_on) for d in later if d.status is DeadlineStatus.OPEN] == [
        ("frap-4a-notice-of-appeal", date(2026, 2, 2))
    ]
    assert {d.status for d in later if d.rule != "frap-4a-notice-of-appeal"} == {
        DeadlineStatus.LAPSED
    }


def test_an_unsaved_entry_cannot_set_deadlines() -> None:
    unsaved = motion(id=None)
    with pytest.raises(ValueError, match="saved"):
        new_deadlines(unsaved, CaseKind.CIVIL)


# ---------------------------------------------------------------------- a new hearing


def test_a_motion_hearing_counts_back_and_off_thanksgiving() -> None:
    hearing = motion_hearing(3)
    deadlines = hearing_deadlines(hearing, hearing_rules_for(hearing, CaseKind.CIVIL), US)
    due = {d.rule: d.due_on for d in deadlines}
    assert due == {
        # Thu 3 Dec - 14 = Thu 19 Nov, a court day.
        "frcp-6c-motion-before-hearing": date(2026, 11, 19),
        # Thu 3 Dec - 7 = Thu 26 Nov, Thanksgiving: back to Wed 25 Nov (FRCP 6(a)(5)).
        "frcp-6c-opposition": date(2026, 11, 25),
    }
    assert {(d.case_id, d.trigger_hearing_id, d.trigger_filing_id) for d in deadlines} == {
        (1, 9, None)
    }


def test_only_motion_hearings_in_civil_cases_set_deadlines() -> None:
    assert hearing_rules_for(motion_hearing(3, kind="Status conference"), CaseKind.CIVIL) == []
    assert hearing_rules_for(motion_hearing(3), CaseKind.CRIMINAL) == []
    assert len(hearing_rules_for(motion_hearing(3, kind="MOTION to compel"), CaseKind.CIVIL)) == 2


# ---------------------------------------------------------------------- a changed entry


def test_what_an_edit_changes() -> None:
    before = motion()
    assert filing_change(before, motion(title="Renamed")) == TriggerChange.NONE
    assert filing_change(before, motion(description="More words")) == TriggerChange.NONE
    assert filing_change(before, motion(served_on=date(2026, 11, 9))) == TriggerChange.RECOUNT
    assert filing_change(before, motion(service=ServiceMethod.MAIL)) == TriggerChange.RECOUNT
    assert filing_change(before, motion(filed_on=date(2026, 11, 1))) == TriggerChange.RECOUNT
    assert filing_change(before, motion(doc_type=DocType.ORDER)) == TriggerChange.RECOUNT
    voided = motion(voided_at=datetime(2026, 11, 3, 9, 0, tzinfo=MOUNTAIN), void_reason="dup")
    assert filing_change(before, voided) == TriggerChange.WITHDRAW


def test_a_new_service_date_recounts_the_open_deadline() -> None:
    moved = motion(served_on=date(2026, 11, 9), service=ServiceMethod.MAIL)
    plan = recount_filing_deadlines(
        moved, CaseKind.CIVIL, US, [set_by_entry(7, "frcp-response-motion")]
    )
    assert plan.create == () and plan.withdraw == ()
    (recount,) = plan.recount
    assert recount.deadline_id == 7
    assert recount.due.due == date(2026, 11, 27)
    assert "Due: Fri 27 Nov 2026" in recount.due.steps


def test_a_new_type_withdraws_the_old_rule_and_adds_the_new_ones() -> None:
    judged = motion(doc_type=DocType.JUDGMENT, title="Judgment", filed_on=date(2026, 1, 2))
    plan = recount_filing_deadlines(
        judged, CaseKind.CIVIL, US, [set_by_entry(7, "frcp-response-motion")]
    )
    assert plan.withdraw == (7,)
    assert plan.recount == ()
    # Fri 2 Jan 2026 + 28 = Fri 30 Jan; + 30 = Sun 1 Feb: Mon 2 Feb; + 14 = Fri 16 Jan.
    assert [(d.rule, d.due_on, d.trigger_filing_id) for d in plan.create] == [
        ("frcp-59b-new-trial", date(2026, 1, 30), 5),
        ("frap-4a-notice-of-appeal", date(2026, 2, 2), 5),
        ("frcp-59e-alter-amend", date(2026, 1, 30), 5),
        ("frcp-50b-renewed-jmol", date(2026, 1, 30), 5),
        ("frcp-52b-amend-findings", date(2026, 1, 30), 5),
        ("frcp-54d2-attorneys-fees", date(2026, 1, 16), 5),
    ]


def test_history_and_hand_entered_deadlines_are_left_alone() -> None:
    moved = motion(served_on=date(2026, 11, 9))
    existing = [
        set_by_entry(7, "frcp-response-motion", DeadlineStatus.DONE),
        set_by_entry(8, None),
        set_by_entry(10, "a-rule-since-removed"),
    ]
    # Done: history, and its rule gets no second deadline. Entered by hand: not the rules'.
    # A rule no longer in the rules file: its date stays as counted.
    assert recount_filing_deadlines(moved, CaseKind.CIVIL, US, existing) == DeadlinePlan()


def test_a_withdrawn_deadline_is_set_again_when_its_rule_applies_again() -> None:
    existing = [set_by_entry(7, "frcp-response-motion", DeadlineStatus.WITHDRAWN)]
    plan = recount_filing_deadlines(motion(), CaseKind.CIVIL, US, existing)
    assert (plan.recount, plan.withdraw) == ((), ())
    assert [(d.rule, d.due_on) for d in plan.create] == [
        ("frcp-response-motion", date(2026, 11, 16))
    ]


def test_voiding_withdraws_every_open_deadline_the_entry_set() -> None:
    existing = [
        set_by_entry(7, "frcp-response-motion"),
        set_by_entry(8, None),
        set_by_entry(10, "frcp-response-motion", DeadlineStatus.DONE),
        set_by_entry(11, "frcp-response-motion", DeadlineStatus.WITHDRAWN),
    ]
    assert withdraw_open_deadlines(existing) == DeadlinePlan(withdraw=(7, 8))


# ---------------------------------------------------------------------- a changed hearing


def test_what_a_hearing_change_does() -> None:
    before = motion_hearing(4)
    assert hearing_change(before, motion_hearing(4, outcome="Argued")) == TriggerChange.NONE
    assert hearing_change(before, motion_hearing(3)) == TriggerChange.RECOUNT
    for status in (HearingStatus.VACATED, HearingStatus.CONTINUED, HearingStatus.HELD):
        assert hearing_change(before, motion_hearing(4, status=status)) == TriggerChange.WITHDRAW


def test_a_moved_hearing_recounts_its_open_deadlines() -> None:
    def set_by_hearing(
        deadline_id: int, rule: str, status: DeadlineStatus = DeadlineStatus.OPEN
    ) -> Deadline:
        return Deadline(
            id=deadline_id,
            case_id=1,
            due_on=date(2026, 11, 20),
            title="Set earlier",
            rule=rule,
            trigger_hearing_id=9,
            status=status,
        )

    existing = [
        set_by_hearing(21, "frcp-6c-motion-before-hearing"),
        set_by_hearing(22, "frcp-6c-opposition"),
        set_by_hearing(23, "frcp-6c-opposition", DeadlineStatus.DONE),
        set_by_hearing(24, "a-rule-since-removed"),
    ]
    plan = recount_hearing_deadlines(motion_hearing(3), US, existing)
    assert (plan.create, plan.withdraw) == ((), ())
    assert [(r.deadline_id, r.due.due) for r in plan.recount] == [
        (21, date(2026, 11, 19)),
        (22, date(2026, 11, 25)),
    ]

"""The domain's two new decisions: which dates are questioned, and what a new court does to a
case's deadlines (dates counted by hand; today is Wed 25 Nov 2026)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from docket.calendars import CourtCalendar
from docket.doubts import (
    case_doubts,
    deadline_doubts,
    filing_doubts,
    hearing_doubts,
    touching,
)
from docket.models import Case, CaseKind, Deadline, DeadlineStatus, Filing, ServiceMethod
from docket.rules import CourtRules, counting_for, rule_set
from docket.triggers import recount_for_court

TODAY = date(2026, 11, 25)


def _filing(filed: date, served: date | None = None) -> Filing:
    return Filing(filed_on=filed, title="Motion", served_on=served)


def test_a_service_before_or_long_after_the_filing_is_questioned() -> None:
    assert filing_doubts(_filing(date(2026, 11, 2), date(2026, 11, 2)), TODAY) == []
    [before] = filing_doubts(_filing(date(2026, 11, 2), date(2026, 11, 1)), TODAY)
    assert (before.field, before.involves) == ("served_on", ("served_on", "filed_on"))
    # A year after 2 Nov 2025 is 2 Nov 2026: still fine; the day after is questioned.
    assert filing_doubts(_filing(date(2025, 11, 2), date(2026, 11, 2)), TODAY) == []
    [late] = filing_doubts(_filing(date(2025, 11, 2), date(2026, 11, 3)), TODAY)
    assert "more than a year after" in late.problem


def test_a_filing_or_an_opening_in_the_future_is_questioned() -> None:
    assert filing_doubts(_filing(TODAY), TODAY) == []
    [future] = filing_doubts(_filing(date(2026, 11, 26)), TODAY)
    assert future.field == "filed_on"
    case = Case(number="1", title="A", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 26))
    assert [d.field for d in case_doubts(case, TODAY)] == ["opened_on"]


def test_hearings_and_deadlines_decades_away_are_questioned() -> None:
    def at(day: date) -> datetime:
        return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)

    # Five years from 25 Nov 2026 is 25 Nov 2031; ten years back is 25 Nov 2016.
    assert hearing_doubts(at(date(2031, 11, 25)), TODAY) == []
    assert len(hearing_doubts(at(date(2031, 11, 26)), TODAY)) == 1
    assert hearing_doubts(at(date(2016, 11, 25)), TODAY) == []
    assert len(hearing_doubts(at(date(2016, 11, 24)), TODAY)) == 1
    assert deadline_doubts(date(2036, 11, 25), TODAY) == []
    assert [d.field for d in deadline_doubts(date(2036, 11, 26), TODAY)] == ["due_on"]


def test_an_edit_is_asked_only_about_what_it_changes() -> None:
    doubts = filing_doubts(_filing(date(2026, 11, 2), date(2026, 11, 1)), TODAY)
    assert touching(doubts, ["title"]) == []
    assert touching(doubts, ["filed_on"]) == doubts


def _nm() -> CourtRules:
    return CourtRules(
        rule_set("nm"), counting_for("nm", CaseKind.CIVIL), CourtCalendar("US-NM", state_court=True)
    )


def test_a_new_court_recounts_an_open_deadline_under_its_own_rule() -> None:
    complaint = Filing(
        id=7,
        case_id=1,
        filed_on=date(2026, 11, 2),
        doc_type="complaint",
        title="Complaint",
        served_on=date(2026, 11, 4),
        service=ServiceMethod.PERSONAL,
    )
    answer = Deadline(
        id=11,
        case_id=1,
        due_on=date(2026, 11, 25),
        title="Answer to complaint due",
        rule="frcp-12a-answer",
        citation="FRCP 12(a)(1)(A)(i)",
        trigger_filing_id=7,
    )
    service = answer.model_copy(
        update={"id": 12, "title": "Serve summons and complaint", "rule": "frcp-4m-service"}
    )
    plan = recount_for_court(CaseKind.CIVIL, _nm(), [(complaint, [answer, service])])
    [recount] = plan.recount
    # NMRA 1-012(A): 30 days after service on Wed 4 Nov 2026 is Fri 4 Dec 2026.
    assert (recount.deadline_id, recount.due.due) == (11, date(2026, 12, 4))
    assert recount.rule is not None and recount.rule.id == "nm-1-012a-answer"
    assert plan.withdraw == (12,)
    # New Mexico's rule set also starts the defendant's time to remove (28 U.S.C. 1446(b)):
    # 30 days after service on Wed 4 Nov 2026 is Fri 4 Dec 2026.
    assert [(d.rule, d.due_on) for d in plan.create] == [("usc-1446b-removal", date(2026, 12, 4))]
    # A trigger whose deadlines are all closed is history: nothing is recounted or added.
    met = answer.model_copy(update={"status": DeadlineStatus.SATISFIED})
    assert recount_for_court(CaseKind.CIVIL, _nm(), [(complaint, [met])]).recount == ()

"""New Mexico's rules beside the federal ones: which fire in a state court, and their dates.

Every expected date is counted by hand in the comment above it, from the rule's own text:
NMRA 1-006(A)(1) counts every day of a period of 11 days or more and moves a last day off
Saturdays, Sundays and legal holidays; 1-006(A)(2) leaves weekends and legal holidays out of
a period of 10 days or less. New Mexico's legal holidays are the state's: its courts sit on
the federal Washington's Birthday and close on the Friday after Thanksgiving (Presidents' Day).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from docket.calendars import CourtCalendar
from docket.deadlines import DueDate, compute_due_date
from docket.models import CaseKind, DocType, ServiceMethod
from docket.rules import (
    CourtRules,
    Rule,
    compute_rule_deadline,
    counting_for,
    hearing_rules,
    load_rules,
    rule_by_id,
    rule_set,
    rules_triggered_by,
)


def ids(rules: Iterable[Rule]) -> set[str]:
    return {rule.id for rule in rules}


def nm_court(kind: CaseKind = CaseKind.CIVIL) -> CourtRules:
    return CourtRules(
        rule_set("nm"),
        counting_for("nm", kind),
        CourtCalendar("US-NM", state_court=True),
        court="nm-dist-1 (First Judicial District Court)",
    )


def nmd_court(kind: CaseKind = CaseKind.CIVIL) -> CourtRules:
    return CourtRules(
        rule_set("federal"),
        counting_for("federal", kind),
        CourtCalendar("US-NM"),
        court="nmd (U.S. District Court for the District of New Mexico)",
    )


def count(
    rule_id: str,
    court: CourtRules,
    filed_on: date,
    *,
    served_on: date | None = None,
    service: ServiceMethod | None = None,
) -> DueDate:
    return compute_rule_deadline(
        rule_by_id(rule_id),
        filed_on=filed_on,
        served_on=served_on,
        service=service,
        calendar=court,
    )


@pytest.mark.parametrize(
    ("doc_type", "kind", "expected"),
    [
        # A federal statute that runs in a state case: removal to federal court.
        (DocType.COMPLAINT, CaseKind.CIVIL, {"nm-1-012a-answer", "usc-1446b-removal"}),
        (DocType.MOTION, CaseKind.CIVIL, {"nm-1-007.1-response"}),
        (DocType.RESPONSE, CaseKind.CIVIL, {"nm-1-007.1-reply"}),
        (DocType.DISCOVERY_REQUEST, CaseKind.CIVIL, {"nm-1-033-interrogatories"}),
        (
            DocType.JUDGMENT,
            CaseKind.CIVIL,
            {"nm-1-059-new-trial", "nm-1-059e-alter-amend", "nm-12-201-notice-of-appeal"},
        ),
        (DocType.JUDGMENT, CaseKind.CRIMINAL, {"nm-12-201-notice-of-appeal"}),
        (DocType.MOTION, CaseKind.CRIMINAL, {"nm-5-120-response"}),
        (DocType.AMENDED_COMPLAINT, CaseKind.CIVIL, {"nm-1-015a-amended-response"}),
        # No federal statute in a state prosecution: no Speedy Trial Act clock.
        (DocType.INFORMATION, CaseKind.CRIMINAL, set()),
        (DocType.INDICTMENT, CaseKind.CRIMINAL, set()),
        (DocType.ARREST, CaseKind.CRIMINAL, set()),
    ],
)
def test_new_mexico_rules_that_fire(doc_type: DocType, kind: CaseKind, expected: set[str]) -> None:
    assert ids(rules_triggered_by(doc_type, kind, "nm")) == expected


def test_no_federal_rule_in_a_state_rule_set_and_no_state_rule_in_the_federal_one() -> None:
    # The one federal law that runs in a state case: a defendant's time to remove it.
    runs_in_state_court = {"usc-1446b-removal"}
    for rule in load_rules():
        federal_cite = any(word in rule.citation for word in ("FRCP", "FRAP", "U.S.C."))
        if rule.id in runs_in_state_court:
            assert rule.rule_set == "nm" and federal_cite
            continue
        assert federal_cite == (rule.rule_set == "federal") or "Local rule" in rule.citation, (
            rule.id
        )
    assert hearing_rules(CaseKind.CIVIL, "nm") == []
    assert "speedy-trial" in ids(rules_triggered_by(DocType.INDICTMENT, CaseKind.CRIMINAL))


def test_criminal_cases_count_under_5_104_and_civil_under_1_006() -> None:
    assert counting_for("nm", CaseKind.CRIMINAL).name == "NMRA 5-104"
    assert counting_for("nm", CaseKind.CIVIL).name == "NMRA 1-006"
    assert counting_for("federal", CaseKind.CIVIL).name == "FRCP 6(a)"


def test_answer_is_30_days_and_skips_new_mexicos_presidents_day() -> None:
    # NMRA 1-012(A): served Wed 28 Oct 2026 + 30 = Fri 27 Nov, New Mexico's Presidents' Day;
    # Sat 28 and Sun 29 follow: Mon 30 Nov. Mail adds nothing (served under 1-004).
    due = count(
        "nm-1-012a-answer",
        nm_court(),
        date(2026, 10, 26),
        served_on=date(2026, 10, 28),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 11, 30)
    assert due.rule_set == "nm"
    assert "NMRA 1-006" in due.steps[-1] and "nm-dist-1" in due.steps[-1]
    # The same service in D.N.M. answers under FRCP 12(a)(1)(A)(i): Wed 28 Oct + 21 =
    # Wed 18 Nov, a court day: nine days earlier than New Mexico allows.
    federal = count(
        "frcp-12a-answer", nmd_court(), date(2026, 10, 26), served_on=date(2026, 10, 28)
    )
    assert federal.due == date(2026, 11, 18)


def test_motion_response_is_15_days_and_mail_adds_3_under_1_006_c() -> None:
    # NMRA 1-007.1(D): served by mail Fri 13 Nov 2026 + 15 = Sat 28 Nov -> Mon 30 Nov;
    # 1-006(C) adds 3: Thu 3 Dec, a court day.
    due = count(
        "nm-1-007.1-response",
        nm_court(),
        date(2026, 11, 13),
        served_on=date(2026, 11, 13),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 12, 3)
    assert any("NMRA 1-006(C)" in step for step in due.steps)


def test_reply_is_15_days_after_the_response() -> None:
    # NMRA 1-007.1(F): served electronically Thu 12 Nov 2026 + 15 = Fri 27 Nov, Presidents'
    # Day in New Mexico -> Mon 30 Nov; electronic service adds nothing.
    due = count(
        "nm-1-007.1-reply",
        nm_court(),
        date(2026, 11, 12),
        served_on=date(2026, 11, 12),
        service=ServiceMethod.ELECTRONIC,
    )
    assert due.due == date(2026, 11, 30)


def test_new_trial_motion_is_30_days_after_judgment() -> None:
    # NMRA 1-059: entered Fri 4 Dec 2026 + 30 = Sun 3 Jan 2027 -> Mon 4 Jan 2027.
    assert count("nm-1-059-new-trial", nm_court(), date(2026, 12, 4)).due == date(2027, 1, 4)


def test_notice_of_appeal_in_state_court_is_due_on_the_federal_washingtons_birthday() -> None:
    # NMRA 12-201(A): judgment filed Fri 15 Jan 2027 + 30 = Sun 14 Feb -> Mon 15 Feb 2027.
    # That Monday is Washington's Birthday, a federal holiday but not New Mexico's (the state
    # keeps it the day after Thanksgiving): the state notice is due that Monday.
    state = count("nm-12-201-notice-of-appeal", nm_court(), date(2027, 1, 15))
    assert state.due == date(2027, 2, 15)
    # FRAP 4(a)(1)(A) in D.N.M.: the same Sunday, then the federal holiday: Tue 16 Feb 2027.
    federal = count("frap-4a-notice-of-appeal", nmd_court(), date(2027, 1, 15))
    assert federal.due == date(2027, 2, 16)


def test_criminal_motion_response_counts_under_5_104() -> None:
    # NMRA 5-120(E): served Thu 10 Dec 2026 + 15 = Fri 25 Dec (Christmas) -> Sat, Sun ->
    # Mon 28 Dec 2026.
    due = count(
        "nm-5-120-response",
        nm_court(CaseKind.CRIMINAL),
        date(2026, 12, 10),
        served_on=date(2026, 12, 10),
    )
    assert due.due == date(2026, 12, 28)
    assert any("NMRA 5-104(A)(1)" in step for step in due.steps)
    assert "NMRA 5-104" in due.steps[-1]


def test_a_short_period_counted_back_skips_weekends_and_holidays() -> None:
    # 5 court days before Mon 30 Nov 2026 under 1-006(A)(2): Sun 29, Sat 28, Fri 27
    # (Presidents' Day) and Thu 26 (Thanksgiving) are left out; Wed 25 (1), Tue 24 (2),
    # Mon 23 (3), then the weekend, Fri 20 (4), Thu 19 (5).
    nm = nm_court()
    due = compute_due_date(
        date(2026, 11, 30), 5, before=True, calendar=nm.calendar, counting=nm.counting
    )
    assert due.due == date(2026, 11, 19)


def test_ten_days_is_short_and_eleven_is_not() -> None:
    nm = nm_court()
    # Fri 18 Dec 2026 + 10 court days: Mon 21 - Thu 24 (4), Fri 25 Christmas skipped,
    # Mon 28 - Thu 31 (8), Fri 1 Jan 2027 New Year's Day skipped, Mon 4 (9), Tue 5 Jan (10).
    ten = compute_due_date(date(2026, 12, 18), 10, calendar=nm.calendar, counting=nm.counting)
    assert ten.due == date(2027, 1, 5)
    # + 11 calendar days: Tue 29 Dec 2026, a court day.
    eleven = compute_due_date(date(2026, 12, 18), 11, calendar=nm.calendar, counting=nm.counting)
    assert eleven.due == date(2026, 12, 29)

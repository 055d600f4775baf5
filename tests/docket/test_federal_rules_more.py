"""The federal rules a litigation paralegal calendars most, each from its own text.

Every expected date is counted by hand in the comment above it: FRCP 6(a)(1) leaves out the
trigger day, counts every day and moves a last day off a weekend or legal holiday; 6(a)(5)
moves a backward count to the day before; 6(d) adds 3 days after that for mail, leaving it
with the clerk and other consented means. A federal court in New Mexico (`nmd`) also skips New
Mexico's holidays for forward periods (6(a)(6)(C)): the Friday after Thanksgiving is the
state's Presidents' Day. 2026: Mon 12 Oct Columbus Day, Wed 11 Nov Veterans Day, Thu 26 Nov
Thanksgiving, Fri 25 Dec Christmas, Fri 19 Jun Juneteenth, Mon 7 Sep Labor Day; 2027: Mon 18
Jan Martin Luther King Jr. Day.
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
    load_rule_book,
    local_rule,
    rule_by_id,
    rule_set,
    rules_triggered_by,
)


def ids(rules: Iterable[Rule]) -> set[str]:
    return {rule.id for rule in rules}


def federal(
    court_id: str = "nmd", calendar: str = "US-NM", *, us_party: bool = False
) -> CourtRules:
    return CourtRules(
        rule_set("federal"),
        counting_for("federal", CaseKind.CIVIL),
        CourtCalendar(calendar),
        court=court_id,
        court_id=court_id,
        united_states_party=us_party,
    )


def nm_district() -> CourtRules:
    return CourtRules(
        rule_set("nm"),
        counting_for("nm", CaseKind.CIVIL),
        CourtCalendar("US-NM", state_court=True),
        court="nm-dist-1",
        court_id="nm-dist-1",
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
    ("doc_type", "expected"),
    [
        (DocType.WAIVER_OF_SERVICE, {"frcp-12a1aii-waiver-answer"}),
        (DocType.WAIVER_OF_SERVICE_ABROAD, {"frcp-12a1aii-waiver-answer-abroad"}),
        (DocType.RULE_12_ORDER, {"frcp-12a4a-answer-after-order"}),
        (DocType.RULE_12_MOTION, {"frcp-response-motion", "frcp-15a1b-amend-as-of-course"}),
        (DocType.ANSWER, {"frcp-15a1b-amend-as-of-course", "frcp-38b-jury-demand"}),
        # An amended complaint never restarts service (4(m)) nor the original answer period.
        (DocType.AMENDED_COMPLAINT, {"frcp-15a3-amended-response"}),
        (
            DocType.DISCOVERY_CONFERENCE,
            {"frcp-26a1c-initial-disclosures", "frcp-26f2-discovery-plan"},
        ),
        (DocType.EXPERT_DISCLOSURE, {"frcp-26a2d-rebuttal-experts"}),
        (DocType.PRETRIAL_DISCLOSURE, {"frcp-26a3b-objections"}),
        (DocType.NOTICE_OF_REMOVAL, {"usc-1447c-remand"}),
        (DocType.JURY_DEMAND, set()),
    ],
)
def test_new_federal_triggers(doc_type: DocType, expected: set[str]) -> None:
    assert ids(rules_triggered_by(doc_type, CaseKind.CIVIL)) == expected


# ------------------------------------------------------------------ FRCP 12(a)(1)(A)(ii)


def test_answer_after_waiver_is_60_days_from_the_request_and_mail_adds_nothing() -> None:
    # Request sent Thu 13 Aug 2026 + 60 = Mon 12 Oct (Aug 13->31: 18, Sep: 30 -> 48,
    # Oct 1->12: 12 -> 60), Columbus Day -> Tue 13 Oct. The waiver came back by mail and was
    # filed 1 Sep: neither moves the day the period runs from.
    due = count(
        "frcp-12a1aii-waiver-answer",
        federal(),
        date(2026, 9, 1),
        served_on=date(2026, 8, 13),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 10, 13)
    assert any("waiver request was sent" in step for step in due.steps)


def test_answer_after_waiver_sent_abroad_is_90_days() -> None:
    # Request sent Thu 13 Aug 2026 + 90 = Wed 11 Nov (Aug: 18, Sep: 48, Oct: 79, Nov 1->11: 90),
    # Veterans Day -> Thu 12 Nov.
    due = count(
        "frcp-12a1aii-waiver-answer-abroad",
        federal(),
        date(2026, 9, 1),
        served_on=date(2026, 8, 13),
    )
    assert due.due == date(2026, 11, 12)


def test_a_waiver_without_the_request_date_warns_that_the_real_deadline_is_earlier() -> None:
    # Filed Tue 1 Sep 2026 + 60 = Sat 31 Oct -> Mon 2 Nov, counted from the wrong day, and said.
    due = count("frcp-12a1aii-waiver-answer", federal(), date(2026, 9, 1))
    assert due.due == date(2026, 11, 2)
    assert any("the real deadline is earlier" in step for step in due.steps)


# ------------------------------------------------------------------------- FRCP 12(a)(4)(A)


def test_answer_14_days_after_the_rule_12_order_skips_new_mexicos_presidents_day() -> None:
    # Order served electronically Fri 13 Nov 2026 + 14 = Fri 27 Nov: New Mexico's Presidents'
    # Day, a legal holiday in D.N.M. (6(a)(6)(C)); Sat 28, Sun 29 -> Mon 30 Nov.
    nmd = count(
        "frcp-12a4a-answer-after-order",
        federal(),
        date(2026, 11, 13),
        served_on=date(2026, 11, 13),
        service=ServiceMethod.ELECTRONIC,
    )
    assert nmd.due == date(2026, 11, 30)
    # In S.D.N.Y. Fri 27 Nov is a court day.
    nysd = count(
        "frcp-12a4a-answer-after-order",
        federal("nysd", "US-NY"),
        date(2026, 11, 13),
        served_on=date(2026, 11, 13),
    )
    assert nysd.due == date(2026, 11, 27)


def test_rule_12_order_served_by_mail_adds_3_after_the_period_ends() -> None:
    # Fri 13 Nov 2026 + 14 = Fri 27 Nov -> Mon 30 Nov (6(a)(1)(C)); + 3 (6(d)) = Thu 3 Dec.
    due = count(
        "frcp-12a4a-answer-after-order",
        federal(),
        date(2026, 11, 13),
        served_on=date(2026, 11, 13),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 12, 3)


# ------------------------------------------------------------------------------ FRCP 15(a)


def test_amend_as_of_course_21_days_after_the_answer_with_mail_over_christmas() -> None:
    # Answer served by mail Thu 3 Dec 2026 + 21 = Thu 24 Dec, a court day; + 3 = Sun 27 Dec
    # -> Mon 28 Dec.
    mailed = count(
        "frcp-15a1b-amend-as-of-course",
        federal(),
        date(2026, 12, 3),
        served_on=date(2026, 12, 3),
        service=ServiceMethod.MAIL,
    )
    assert mailed.due == date(2026, 12, 28)
    # Served electronically: Thu 24 Dec.
    electronic = count(
        "frcp-15a1b-amend-as-of-course",
        federal(),
        date(2026, 12, 3),
        served_on=date(2026, 12, 3),
        service=ServiceMethod.ELECTRONIC,
    )
    assert electronic.due == date(2026, 12, 24)


def test_response_to_amended_complaint_is_14_days_after_service() -> None:
    # Served electronically Tue 20 Oct 2026 + 14 = Tue 3 Nov.
    due = count(
        "frcp-15a3-amended-response",
        federal(),
        date(2026, 10, 20),
        served_on=date(2026, 10, 20),
        service=ServiceMethod.ELECTRONIC,
    )
    assert due.due == date(2026, 11, 3)
    assert rule_by_id("frcp-15a3-amended-response").later_of[0] == "frcp-12a-answer"


# --------------------------------------------------------------------------------- FRCP 26


def test_26f_conference_21_days_before_the_scheduling_conference_moves_back_off_mlk_day() -> None:
    # Scheduling conference Mon 8 Feb 2027 - 21 = Mon 18 Jan, Martin Luther King Jr. Day:
    # counting backward the period ends the day before, Sun 17, Sat 16 -> Fri 15 Jan.
    (rule,) = hearing_rules(CaseKind.CIVIL, hearing_kind="Rule 16 scheduling conference")
    due = compute_rule_deadline(
        rule, filed_on=date(2027, 2, 8), served_on=None, service=None, calendar=federal()
    )
    assert due.due == date(2027, 1, 15)


def test_initial_disclosures_and_discovery_plan_14_days_after_the_conference() -> None:
    # Conference held Fri 5 Jun 2026 + 14 = Fri 19 Jun, Juneteenth -> Mon 22 Jun.
    for rule_id in ("frcp-26a1c-initial-disclosures", "frcp-26f2-discovery-plan"):
        assert count(rule_id, federal(), date(2026, 6, 5)).due == date(2026, 6, 22)


def test_expert_disclosures_90_days_before_trial_move_back_off_christmas() -> None:
    # Trial Thu 25 Mar 2027 - 90: Mar 25->Feb 28 is 25 days, Feb: 28 -> 53, Jan: 31 -> 84,
    # Dec 31 - 6 = Fri 25 Dec 2026, Christmas -> back to Thu 24 Dec.
    due = count("frcp-26a2d-expert-disclosures", federal(), date(2027, 3, 25))
    assert due.due == date(2026, 12, 24)


def test_pretrial_disclosures_30_days_before_trial() -> None:
    # Trial Thu 25 Mar 2027 - 30: Mar 25->Feb 28 is 25 days, -5 = Tue 23 Feb, a court day.
    assert count("frcp-26a3b-pretrial-disclosures", federal(), date(2027, 3, 25)).due == date(
        2027, 2, 23
    )


def test_rebuttal_experts_30_days_after_the_disclosure_pass_labor_day() -> None:
    # Disclosure served electronically Fri 7 Aug 2026 + 30 = Sun 6 Sep; Mon 7 Sep Labor Day
    # -> Tue 8 Sep.
    due = count(
        "frcp-26a2d-rebuttal-experts",
        federal(),
        date(2026, 8, 7),
        served_on=date(2026, 8, 7),
        service=ServiceMethod.ELECTRONIC,
    )
    assert due.due == date(2026, 9, 8)


def test_objections_to_pretrial_disclosures_14_days_plus_3_for_mail() -> None:
    # Served by mail Mon 22 Feb 2027 + 14 = Mon 8 Mar, a court day; + 3 = Thu 11 Mar.
    due = count(
        "frcp-26a3b-objections",
        federal(),
        date(2027, 2, 22),
        served_on=date(2027, 2, 22),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2027, 3, 11)


# ---------------------------------------------------------------------------- FRCP 38(b)


def test_jury_demand_14_days_after_the_answer_passes_veterans_day() -> None:
    # Answer served electronically Wed 28 Oct 2026 + 14 = Wed 11 Nov, Veterans Day
    # -> Thu 12 Nov.
    due = count(
        "frcp-38b-jury-demand",
        federal(),
        date(2026, 10, 28),
        served_on=date(2026, 10, 28),
        service=ServiceMethod.ELECTRONIC,
    )
    assert due.due == date(2026, 11, 12)
    assert rule_by_id("frcp-38b-jury-demand").satisfied_by == (DocType.JURY_DEMAND,)


# ------------------------------------------------------------------------- FRAP 4(a)(1)(B)


def test_the_united_states_as_a_party_gives_60_days_to_appeal_instead_of_30() -> None:
    with_us = ids(rules_triggered_by(DocType.JUDGMENT, CaseKind.CIVIL, united_states_party=True))
    without = ids(rules_triggered_by(DocType.JUDGMENT, CaseKind.CIVIL))
    assert "frap-4a1b-united-states-party" in with_us and "frap-4a-notice-of-appeal" not in with_us
    assert "frap-4a-notice-of-appeal" in without and "frap-4a1b-united-states-party" not in without
    # Judgment entered Fri 11 Sep 2026 + 60 = Tue 10 Nov (Sep 11->30: 19, Oct: 50, Nov 1->10).
    assert count("frap-4a1b-united-states-party", federal(), date(2026, 9, 11)).due == date(
        2026, 11, 10
    )
    # Without the United States: + 30 = Sun 11 Oct; Mon 12 Oct Columbus Day -> Tue 13 Oct.
    assert count("frap-4a-notice-of-appeal", federal(), date(2026, 9, 11)).due == date(2026, 10, 13)


# ----------------------------------------------------------------- 28 U.S.C. 1446(b), 1447(c)


def test_remand_motion_30_days_after_removal_over_thanksgiving() -> None:
    # Notice of removal filed Tue 27 Oct 2026 + 30 = Thu 26 Nov, Thanksgiving; Fri 27 Nov is
    # New Mexico's Presidents' Day in D.N.M.; Sat, Sun -> Mon 30 Nov.
    assert count("usc-1447c-remand", federal(), date(2026, 10, 27)).due == date(2026, 11, 30)
    # In S.D.N.Y. the Friday after Thanksgiving is a court day: Fri 27 Nov.
    assert count("usc-1447c-remand", federal("nysd", "US-NY"), date(2026, 10, 27)).due == date(
        2026, 11, 27
    )


def test_removal_30_days_after_service_in_a_state_court_keeps_its_open_days() -> None:
    # Served Sat 17 Jan 2026 + 30 = Mon 16 Feb, the federal Washington's Birthday, on which
    # New Mexico's courts sit: counted under the state court's calendar it stays Mon 16 Feb,
    # never later than the federal court would count.
    assert ids(rules_triggered_by(DocType.COMPLAINT, CaseKind.CIVIL, "nm")) >= {"usc-1446b-removal"}
    due = count("usc-1446b-removal", nm_district(), date(2026, 1, 16), served_on=date(2026, 1, 17))
    assert due.due == date(2026, 2, 16)
    assert rule_by_id("usc-1446b-removal").satisfied_by == (DocType.NOTICE_OF_REMOVAL,)


# ----------------------------------------------------------------------------- local rules


def test_dnm_local_rule_sets_14_days_for_a_response_and_14_for_a_reply() -> None:
    assert local_rule(rule_by_id("frcp-response-motion"), "nmd").citation == (
        "D.N.M.LR-Civ. 7.4(a)"
    )
    # Motion served electronically Wed 4 Nov 2026 + 14 = Wed 18 Nov (D.N.M.LR-Civ. 7.4(a)).
    response = count(
        "frcp-response-motion",
        federal(),
        date(2026, 11, 4),
        served_on=date(2026, 11, 4),
        service=ServiceMethod.ELECTRONIC,
    )
    assert response.due == date(2026, 11, 18)
    assert response.steps[0] == "Rule: Response to motion due (D.N.M.LR-Civ. 7.4(a))"
    # Response served Thu 12 Nov 2026 + 14 = Thu 26 Nov, Thanksgiving; Fri 27 New Mexico's
    # Presidents' Day; Sat, Sun -> Mon 30 Nov: not the 7 days counted elsewhere.
    reply = count("reply-to-response", federal(), date(2026, 11, 12), served_on=date(2026, 11, 12))
    assert reply.due == date(2026, 11, 30)


def test_a_court_without_a_local_rule_says_no_federal_rule_sets_the_period() -> None:
    # S.D.N.Y. has no local rule encoded: the 7-day default, Thu 12 Nov 2026 + 7 = Thu 19 Nov.
    reply = count(
        "reply-to-response",
        federal("nysd", "US-NY"),
        date(2026, 11, 12),
        served_on=date(2026, 11, 12),
    )
    assert reply.due == date(2026, 11, 19)
    assert (
        reply.steps[0]
        == "Rule: Reply in support of motion due (Local rule (no federal rule sets this period))"
    )
    assert any(
        "No federal rule sets the time to reply" in s and "check the court's local rule" in s
        for s in reply.steps
    )


def test_every_local_rule_names_a_registered_court() -> None:
    from docket.courts import CourtRegistry

    registry = CourtRegistry()
    for court_id, _ in load_rule_book().local_rules:
        assert registry.get(court_id) is not None, court_id


# ---------------------------------------------------------------------------------- FRCP 6(d)


@pytest.mark.parametrize(
    ("service", "expected", "said"),
    [
        # Fri 5 Jun 2026 + 14 = Fri 19 Jun, Juneteenth -> Mon 22 Jun; + 3 = Thu 25 Jun.
        (ServiceMethod.MAIL, date(2026, 6, 25), "Served by mail: 3 days added (FRCP 6(d))"),
        (
            ServiceMethod.LEFT_WITH_CLERK,
            date(2026, 6, 25),
            "Left with the court clerk: 3 days added (FRCP 6(d))",
        ),
        (
            ServiceMethod.CONSENTED_MEANS,
            date(2026, 6, 25),
            "Served by other means consented to in writing: 3 days added (FRCP 6(d))",
        ),
        # Electronic service has added nothing since 1 December 2016: Mon 22 Jun.
        (ServiceMethod.ELECTRONIC, date(2026, 6, 22), "leaves out electronic service"),
        (ServiceMethod.PERSONAL, date(2026, 6, 22), "Served personally: nothing added"),
    ],
)
def test_6d_adds_three_days_for_mail_clerk_and_consented_means_only(
    service: ServiceMethod, expected: date, said: str
) -> None:
    due = compute_due_date(date(2026, 6, 5), 14, service=service, calendar=CourtCalendar("US"))
    assert due.due == expected
    assert any(said in step for step in due.steps)


def test_new_mexico_adds_three_days_for_mail_and_says_to_check_the_other_means() -> None:
    # NMRA 1-006: Fri 5 Jun 2026 + 15 = Sat 20 Jun -> Mon 22 Jun; left with the clerk adds
    # nothing here (not confirmed in 1-006(C)), so the earlier date is kept and named.
    counting = counting_for("nm", CaseKind.CIVIL)
    due = compute_due_date(
        date(2026, 6, 5),
        15,
        service=ServiceMethod.LEFT_WITH_CLERK,
        calendar=CourtCalendar("US-NM", state_court=True),
        counting=counting,
    )
    assert due.due == date(2026, 6, 22)
    assert any("check the rule" in step for step in due.steps)
    # By mail: Mon 22 Jun + 3 = Thu 25 Jun.
    mailed = compute_due_date(
        date(2026, 6, 5),
        15,
        service=ServiceMethod.MAIL,
        calendar=CourtCalendar("US-NM", state_court=True),
        counting=counting,
    )
    assert mailed.due == date(2026, 6, 25)


# ------------------------------------------------------------------ New Mexico citations


def test_new_mexico_citations_name_the_subsections() -> None:
    assert rule_by_id("nm-1-033-interrogatories").citation == "NMRA 1-033(C)(3)"
    assert rule_by_id("nm-1-059-new-trial").citation == "NMRA 1-059(B)"
    assert rule_by_id("nm-1-059e-alter-amend").citation == "NMRA 1-059(E)"
    assert rule_by_id("nm-12-201-notice-of-appeal").citation == "NMRA 12-201(A)(1)(b)"
    assert rule_by_id("nm-1-007.1-response").citation == "NMRA 1-007.1(D)"
    assert rule_by_id("nm-1-007.1-reply").citation == "NMRA 1-007.1(F)"


def test_new_mexico_alter_or_amend_30_days_skips_the_friday_after_thanksgiving() -> None:
    # Judgment filed Wed 28 Oct 2026 + 30 = Fri 27 Nov, New Mexico's Presidents' Day;
    # Sat, Sun -> Mon 30 Nov.
    assert count("nm-1-059e-alter-amend", nm_district(), date(2026, 10, 28)).due == date(
        2026, 11, 30
    )


def test_new_mexico_appeal_ends_on_washingtons_birthday_the_federal_one_after_it() -> None:
    # Judgment filed Fri 16 Jan 2026 + 30 = Sun 15 Feb -> Mon 16 Feb: New Mexico's courts sit
    # on the federal Washington's Birthday (NMRA 12-201(A)(1)(b)).
    assert count("nm-12-201-notice-of-appeal", nm_district(), date(2026, 1, 16)).due == date(
        2026, 2, 16
    )
    # In D.N.M. Mon 16 Feb is a federal holiday -> Tue 17 Feb (FRAP 4(a)(1)(A)).
    assert count("frap-4a-notice-of-appeal", federal(), date(2026, 1, 16)).due == date(2026, 2, 17)

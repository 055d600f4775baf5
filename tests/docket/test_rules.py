from collections.abc import Iterable
from datetime import UTC, date

import pytest

from docket.calendars import CourtCalendar
from docket.deadlines import DueDate
from docket.errors import NotFound
from docket.models import CaseKind, DocType, ServiceMethod
from docket.rules import (
    Rule,
    compute_rule_deadline,
    hearing_rules,
    load_rules,
    parse_rules,
    rule_by_id,
    rules_triggered_by,
)

US = CourtCalendar("US")
REQUIRED = {
    "frcp-12a-answer",
    "frcp-response-motion",
    "reply-to-response",
    "frap-4a-notice-of-appeal",
    "frap-4b-criminal-appeal",
    "frcp-59b-new-trial",
    "frcp-6c-opposition",
    "frcp-6c-motion-before-hearing",
    "speedy-trial",
    "speedy-indictment",
    "frcp-4m-service",
    "frcp-33-interrogatories",
    "frap-31-appellee-brief",
}


def ids(rules: Iterable[Rule]) -> set[str]:
    return {rule.id for rule in rules}


def count_rule(
    rule_id: str,
    filed_on: date,
    *,
    served_on: date | None = None,
    service: ServiceMethod | None = None,
    calendar: CourtCalendar = US,
) -> DueDate:
    return compute_rule_deadline(
        rule_by_id(rule_id),
        filed_on=filed_on,
        served_on=served_on,
        service=service,
        calendar=calendar,
    )


def test_shipped_rules_load_and_include_the_core_set() -> None:
    rules = load_rules()
    assert ids(rules) >= REQUIRED
    assert len({rule.id for rule in rules}) == len(rules)


@pytest.mark.parametrize(
    ("rule_id", "days", "direction", "citation"),
    [
        ("frcp-12a-answer", 21, "after", "FRCP 12(a)(1)(A)(i)"),
        ("frap-4a-notice-of-appeal", 30, "after", "FRAP 4(a)(1)(A)"),
        ("frap-4b-criminal-appeal", 14, "after", "FRAP 4(b)(1)(A)"),
        ("frcp-59b-new-trial", 28, "after", "FRCP 59(b)"),
        ("frcp-6c-opposition", 7, "before", "FRCP 6(c)(2)"),
        ("frcp-6c-motion-before-hearing", 14, "before", "FRCP 6(c)(1)"),
        ("speedy-trial", 70, "after", "18 U.S.C. § 3161(c)(1)"),
        ("speedy-indictment", 30, "after", "18 U.S.C. § 3161(b)"),
        ("frcp-4m-service", 90, "after", "FRCP 4(m)"),
        ("frcp-33-interrogatories", 30, "after", "FRCP 33(b)(2)"),
        ("frap-31-appellee-brief", 30, "after", "FRAP 31(a)(1)"),
    ],
)
def test_rule_periods_match_the_rule_books(
    rule_id: str, days: int, direction: str, citation: str
) -> None:
    rule = rule_by_id(rule_id)
    assert (rule.days, rule.direction, rule.citation) == (days, direction, citation)


def test_response_rule_says_it_is_a_local_rule_period() -> None:
    assert "local rule" in rule_by_id("frcp-response-motion").citation.lower()


def test_unknown_rule_id_is_not_found() -> None:
    with pytest.raises(NotFound, match="no-such-rule"):
        rule_by_id("no-such-rule")


@pytest.mark.parametrize(
    ("doc_type", "kind", "expected"),
    [
        (DocType.COMPLAINT, CaseKind.CIVIL, {"frcp-12a-answer", "frcp-4m-service"}),
        (DocType.COMPLAINT, CaseKind.CRIMINAL, set()),
        (
            DocType.JUDGMENT,
            CaseKind.CIVIL,
            {
                "frap-4a-notice-of-appeal",
                "frcp-59b-new-trial",
                "frcp-59e-alter-amend",
                "frcp-50b-renewed-jmol",
                "frcp-52b-amend-findings",
                "frcp-54d2-attorneys-fees",
            },
        ),
        (
            DocType.JUDGMENT,
            CaseKind.CRIMINAL,
            {"frap-4b-criminal-appeal", "frap-4b1b-government-appeal"},
        ),
        (DocType.COUNTERCLAIM, CaseKind.CIVIL, {"frcp-12a1b-counterclaim-answer"}),
        (DocType.SUBPOENA, CaseKind.CIVIL, {"frcp-45d2b-subpoena-objections"}),
        (DocType.NOTICE_OF_APPEAL, CaseKind.CIVIL, {"frap-4a3-cross-appeal"}),
        (DocType.INDICTMENT, CaseKind.CRIMINAL, {"speedy-trial"}),
        (DocType.INFORMATION, CaseKind.CRIMINAL, {"speedy-trial"}),
        (DocType.ARREST, CaseKind.CRIMINAL, {"speedy-indictment"}),
        (DocType.MOTION, CaseKind.CIVIL, {"frcp-response-motion"}),
        (DocType.RESPONSE, CaseKind.CIVIL, {"reply-to-response"}),
        (DocType.DISCOVERY_REQUEST, CaseKind.CIVIL, {"frcp-33-interrogatories"}),
        (DocType.BRIEF, CaseKind.APPEAL, {"frap-31-appellee-brief"}),
        (DocType.BRIEF, CaseKind.CIVIL, set()),
        (DocType.LETTER, CaseKind.CIVIL, set()),
    ],
)
def test_rules_triggered_by(doc_type: DocType, kind: CaseKind, expected: set[str]) -> None:
    assert ids(rules_triggered_by(doc_type, kind)) == expected


def test_hearing_rules() -> None:
    assert ids(hearing_rules(CaseKind.CIVIL, hearing_kind="Motion hearing")) == {
        "frcp-6c-opposition",
        "frcp-6c-motion-before-hearing",
    }
    assert ids(hearing_rules(CaseKind.CIVIL, hearing_kind="Jury trial")) == {
        "frcp-26a2d-expert-disclosures",
        "frcp-26a3b-pretrial-disclosures",
    }
    assert ids(hearing_rules(CaseKind.CIVIL, hearing_kind="Rule 16 scheduling conference")) == {
        "frcp-26f1-conference"
    }
    # A pretrial conference is not a trial.
    assert hearing_rules(CaseKind.CIVIL, hearing_kind="Final pretrial conference") == []
    assert hearing_rules(CaseKind.INVESTIGATION) == []


def test_answer_counts_from_service_and_mail_adds_nothing() -> None:
    # Served Wed 5 Jan 2022 + 21 = Wed 26 Jan. The complaint is served under Rule 4, so
    # 6(d)'s 3 days do not apply even when it went by mail.
    due = count_rule(
        "frcp-12a-answer", date(2022, 1, 3), served_on=date(2022, 1, 5), service=ServiceMethod.MAIL
    )
    assert due.due == date(2022, 1, 26)
    assert due.trigger == date(2022, 1, 5)
    assert due.steps[0] == "Rule: Answer to complaint due (FRCP 12(a)(1)(A)(i))"


def test_unserved_trigger_counts_from_filing_and_says_so() -> None:
    # Filed Mon 3 Jan 2022 + 21 = Mon 24 Jan.
    due = count_rule("frcp-12a-answer", date(2022, 1, 3))
    assert due.due == date(2022, 1, 24)
    assert any("Service date not entered" in step for step in due.steps)


def test_motion_response_served_by_mail_gets_three_days() -> None:
    # Wed 5 Jan 2022 + 14 = Wed 19 Jan; + 3 = Sat 22 Jan; runs to Mon 24 Jan.
    due = count_rule(
        "frcp-response-motion",
        date(2022, 1, 5),
        served_on=date(2022, 1, 5),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2022, 1, 24)
    assert due.service is ServiceMethod.MAIL


def test_filing_counted_rules_ignore_mail_service() -> None:
    # Judgment entered Wed 1 Dec 2021 + 30 = Fri 31 Dec 2021, observed New Year's Day:
    # the notice of appeal is due Mon 3 Jan 2022, mail or not.
    due = count_rule(
        "frap-4a-notice-of-appeal",
        date(2021, 12, 1),
        served_on=date(2021, 12, 1),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2022, 1, 3)
    assert due.service is None


def test_speedy_trial_clock_is_not_moved_to_a_court_day() -> None:
    # Arrest Wed 1 Dec 2021 + 30 = Fri 31 Dec 2021; the statutory clock stays there.
    due = count_rule("speedy-indictment", date(2021, 12, 1))
    assert due.due == date(2021, 12, 31)
    assert any("3161(h)" in step for step in due.steps)


def test_speedy_trial_seventy_days() -> None:
    # Indictment filed Wed 1 Dec 2021: 30 days to 31 Dec, 31 to 31 Jan, 9 to Wed 9 Feb 2022.
    due = count_rule("speedy-trial", date(2021, 12, 1))
    assert due.due == date(2022, 2, 9)


def test_opposition_counts_back_from_the_hearing() -> None:
    # Hearing Mon 10 Sep 2007 - 7 = Mon 3 Sep, Labor Day: back to Fri 31 Aug 2007.
    due = count_rule("frcp-6c-opposition", date(2007, 9, 10), service=ServiceMethod.MAIL)
    assert due.due == date(2007, 8, 31)
    assert due.before is True


def test_counterclaim_answer_is_21_days_and_mail_adds_3() -> None:
    # Served by mail Fri 6 Nov 2026 + 21 = Fri 27 Nov; FRCP 6(d) adds 3: Mon 30 Nov, a
    # court day on the federal calendar.
    due = count_rule(
        "frcp-12a1b-counterclaim-answer",
        date(2026, 11, 6),
        served_on=date(2026, 11, 6),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 11, 30)


def test_subpoena_objections_are_14_days_and_mail_adds_nothing() -> None:
    # Served by mail Mon 5 Jan 2026 + 14 = Mon 19 Jan, Martin Luther King Jr. Day: Tue 20 Jan.
    # A subpoena is served under Rule 45(b), not Rule 5: 6(d) adds nothing.
    due = count_rule(
        "frcp-45d2b-subpoena-objections",
        date(2026, 1, 5),
        served_on=date(2026, 1, 5),
        service=ServiceMethod.MAIL,
    )
    assert due.due == date(2026, 1, 20)


def test_cross_appeal_is_14_days_after_the_first_notice() -> None:
    # First notice filed Thu 21 May 2026 + 14 = Thu 4 Jun 2026, a court day.
    assert count_rule("frap-4a3-cross-appeal", date(2026, 5, 21)).due == date(2026, 6, 4)
    # Filed Fri 5 Jun 2026 + 14 = Fri 19 Jun, Juneteenth; then the weekend: Mon 22 Jun.
    assert count_rule("frap-4a3-cross-appeal", date(2026, 6, 5)).due == date(2026, 6, 22)


def test_post_judgment_motions_are_28_days_and_fees_14() -> None:
    # Judgment entered Tue 27 Oct 2026 + 28 = Tue 24 Nov 2026, a court day, for 50(b), 52(b)
    # and 59(e); + 14 = Tue 10 Nov for fees (Veterans Day is Wed 11 Nov, the day after).
    for rule_id in ("frcp-59e-alter-amend", "frcp-50b-renewed-jmol", "frcp-52b-amend-findings"):
        assert count_rule(rule_id, date(2026, 10, 27)).due == date(2026, 11, 24)
    assert count_rule("frcp-54d2-attorneys-fees", date(2026, 10, 27)).due == date(2026, 11, 10)
    # Entered Wed 28 Oct + 14 = Wed 11 Nov, Veterans Day: Thu 12 Nov.
    assert count_rule("frcp-54d2-attorneys-fees", date(2026, 10, 28)).due == date(2026, 11, 12)


def test_government_appeal_is_30_days_after_judgment() -> None:
    # Judgment entered Thu 5 Nov 2026 + 30 = Sat 5 Dec: Mon 7 Dec 2026.
    assert count_rule("frap-4b1b-government-appeal", date(2026, 11, 5)).due == date(2026, 12, 7)


def test_backward_rule_ignores_state_holidays() -> None:
    # Hearing Fri 2 Dec 2022 - 7 = Fri 25 Nov, a New Mexico holiday only: it stands.
    due = count_rule("frcp-6c-opposition", date(2022, 12, 2), calendar=CourtCalendar("US-NM"))
    assert due.due == date(2022, 11, 25)


_VALID = """
[[rule]]
id = "x"
title = "X due"
citation = "Rule X"
trigger = "motion"
counts_from = "served"
days = 5
direction = "after"
"""


def test_parse_rules_accepts_a_minimal_rule() -> None:
    (rule,) = parse_rules(_VALID)
    assert rule.trigger == ("motion",)
    assert rule.kinds == ()
    assert rule.court_day_adjust is True


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('trigger = "motion"', 'trigger = "motoin"'), "motoin"),
        (('counts_from = "served"', 'counts_from = "hearing"'), "go together"),
        (("days = 5", "days = -1"), "rule x"),
        (('direction = "after"', 'direction = "sideways"'), "rule x"),
    ],
)
def test_parse_rules_names_the_broken_rule(edit: tuple[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_rules(_VALID.replace(*edit))


def test_parse_rules_refuses_duplicate_ids() -> None:
    with pytest.raises(ValueError, match="twice"):
        parse_rules(_VALID + _VALID)


def test_a_trigger_reads_as_the_docket_shows_it() -> None:
    from datetime import datetime, timedelta, timezone

    from docket.models import Filing, Hearing, HearingStatus, ServiceMethod, trigger_text

    motion = Filing(
        entry_no=3,
        filed_on=date(2026, 11, 2),
        title="Motion to compel",
        served_on=date(2026, 11, 3),
        service=ServiceMethod.MAIL,
        voided_at=datetime(2026, 11, 5, tzinfo=UTC),
    )
    assert trigger_text(motion) == (
        "entry 3, Motion to compel, filed 2026-11-02, served 2026-11-03 (mail) [VOIDED]"
    )
    hearing = Hearing(
        id=4,
        starts_at=datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-7))),
        kind="motion hearing",
        status=HearingStatus.VACATED,
    )
    assert trigger_text(hearing) == "hearing #4, motion hearing at 2026-12-01 09:30 [vacated]"

"""Which open deadlines a new docket entry meets, from what each rule says satisfies it."""

from __future__ import annotations

from datetime import date

import pytest

from docket.models import Deadline, DeadlineStatus, DocType, Filing
from docket.rules import Rule, parse_rules, rule_by_id
from docket.triggers import satisfied_deadlines


def entry(doc_type: DocType, entry_id: int = 20) -> Filing:
    return Filing(id=entry_id, case_id=1, filed_on=date(2026, 11, 20), doc_type=doc_type, title="x")


def due(
    deadline_id: int,
    rule: str | None,
    trigger_filing_id: int | None = 5,
    status: DeadlineStatus = DeadlineStatus.OPEN,
) -> Deadline:
    return Deadline(
        id=deadline_id,
        case_id=1,
        due_on=date(2026, 11, 23),
        title="Due",
        rule=rule,
        trigger_filing_id=trigger_filing_id,
        status=status,
    )


# A complaint (entry 1) set the answer (11) and service (12) deadlines; a motion (entry 5) set
# the response one (13); a deadline entered by hand (14) has no rule.
OPEN = [
    due(11, "frcp-12a-answer", trigger_filing_id=1),
    due(12, "frcp-4m-service", trigger_filing_id=1),
    due(13, "frcp-response-motion"),
    due(14, None, trigger_filing_id=None),
]


def test_the_rules_name_what_meets_them() -> None:
    # The answer, or what replaces the answer period: a Rule 12 motion (12(a)(4)), a returned
    # waiver (12(a)(1)(A)(ii)), an amended complaint (15(a)(3)).
    assert rule_by_id("frcp-12a-answer").satisfied_by == (
        DocType.ANSWER,
        DocType.RULE_12_MOTION,
        DocType.WAIVER_OF_SERVICE,
        DocType.WAIVER_OF_SERVICE_ABROAD,
        DocType.AMENDED_COMPLAINT,
    )
    # Service, or its waiver; never an amended complaint.
    assert rule_by_id("frcp-4m-service").satisfied_by == (
        DocType.SUMMONS,
        DocType.WAIVER_OF_SERVICE,
        DocType.WAIVER_OF_SERVICE_ABROAD,
    )
    assert rule_by_id("frcp-response-motion").satisfied_by == (DocType.RESPONSE,)
    assert rule_by_id("reply-to-response").satisfied_by == (DocType.REPLY,)
    assert rule_by_id("frcp-59b-new-trial").satisfied_by == ()


def test_filing_the_answer_meets_the_answer_deadline_only() -> None:
    assert satisfied_deadlines(entry(DocType.ANSWER), OPEN) == (11,)


def test_a_summons_meets_rule_4m() -> None:
    assert satisfied_deadlines(entry(DocType.SUMMONS), OPEN) == (12,)


def test_a_response_meets_its_response_deadline() -> None:
    assert satisfied_deadlines(entry(DocType.RESPONSE), OPEN) == (13,)


def test_an_unrelated_entry_meets_nothing() -> None:
    assert satisfied_deadlines(entry(DocType.ORDER), OPEN) == ()


def test_deadlines_already_closed_or_set_by_the_entry_itself_stay_as_they_are() -> None:
    closed = [
        due(11, "frcp-12a-answer", trigger_filing_id=1, status=DeadlineStatus.DONE),
        due(15, "frcp-response-motion", trigger_filing_id=20),
    ]
    assert satisfied_deadlines(entry(DocType.ANSWER), closed) == ()
    assert satisfied_deadlines(entry(DocType.RESPONSE), closed) == ()


def test_a_rules_file_may_name_one_doc_type_or_several() -> None:
    text = """
[[rule]]
id = "x"
title = "X due"
citation = "Local rule"
trigger = "motion"
counts_from = "filed"
days = 7
direction = "after"
satisfied_by = "response"
"""
    (rule,) = parse_rules(text)
    assert rule.satisfied_by == (DocType.RESPONSE,)
    several: Rule = rule.model_copy(update={"satisfied_by": (DocType.RESPONSE, DocType.REPLY)})
    assert satisfied_deadlines(entry(DocType.REPLY), [due(1, "x")], [several]) == (1,)
    with pytest.raises(ValueError, match="rule x"):
        parse_rules(text.replace('"response"', '"nonsense"'))

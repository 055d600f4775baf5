"""Deadlines close when they are met, and closing a matter withdraws the rest, with history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from db.export import export_json, import_json
from db.store import Store
from docket.models import Case, CaseKind, DeadlineStatus, DocType, Filing


def civil_case_with_complaint(store: Store) -> int:
    """Complaint filed Mon 2 Nov 2026: answer due Mon 23 Nov, service due Mon 1 Feb 2027."""
    case = store.add_case(
        Case(number="1:26-cv-7", title="A v. B", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 2))
    )
    assert case.id is not None
    store.add_filing(
        case.id, Filing(filed_on=date(2026, 11, 2), doc_type=DocType.COMPLAINT, title="Complaint")
    )
    return case.id


def by_rule(
    store: Store, case_id: int
) -> dict[str, tuple[DeadlineStatus, date | None, int | None]]:
    return {
        d.rule or "": (d.status, d.done_on, d.satisfied_by_filing_id)
        for d in store.deadlines(case_id)
    }


def test_filing_the_answer_meets_the_answer_deadline_and_says_which_entry(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    answer, created = store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 20), doc_type=DocType.ANSWER, title="Answer")
    )
    # The answer starts the plaintiff's time to amend (FRCP 15(a)(1)(B)) and to demand a
    # jury (FRCP 38(b)); it meets only the answer deadline.
    assert [d.rule for d in created] == ["frcp-15a1b-amend-as-of-course", "frcp-38b-jury-demand"]
    assert by_rule(store, case_id) == {
        "frcp-12a-answer": (DeadlineStatus.SATISFIED, date(2026, 11, 20), answer.id),
        "frcp-4m-service": (DeadlineStatus.OPEN, None, None),
        "frcp-15a1b-amend-as-of-course": (DeadlineStatus.OPEN, None, None),
        "frcp-38b-jury-demand": (DeadlineStatus.OPEN, None, None),
    }
    audited = store.conn.execute(
        "SELECT after FROM audit_log WHERE entity = 'deadlines' AND action = 'update'"
    ).fetchall()
    assert len(audited) == 1
    assert json.loads(audited[0][0])["satisfied_by_filing_id"] == answer.id


def test_a_summons_meets_rule_4m(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    summons, _ = store.add_filing(
        case_id, Filing(filed_on=date(2026, 12, 1), doc_type=DocType.SUMMONS, title="Summons")
    )
    assert by_rule(store, case_id)["frcp-4m-service"] == (
        DeadlineStatus.SATISFIED,
        date(2026, 12, 1),
        summons.id,
    )
    assert by_rule(store, case_id)["frcp-12a-answer"][0] == DeadlineStatus.OPEN


def test_a_response_meets_its_deadline_and_starts_the_reply_period(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    store.add_filing(
        case_id,
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type=DocType.MOTION,
            title="Motion to dismiss",
            served_on=date(2026, 11, 2),
        ),
    )
    response, created = store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 9), doc_type=DocType.RESPONSE, title="Response")
    )
    assert [d.rule for d in created] == ["reply-to-response"]
    states = by_rule(store, case_id)
    assert states["frcp-response-motion"] == (
        DeadlineStatus.SATISFIED,
        date(2026, 11, 9),
        response.id,
    )
    assert states["reply-to-response"][0] == DeadlineStatus.OPEN


def test_closing_a_matter_withdraws_its_open_deadlines_and_counts_them(store: Store) -> None:
    case_id = civil_case_with_complaint(store)
    store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 20), doc_type=DocType.ANSWER, title="Answer")
    )
    # Open: service (4(m)) and the two periods the answer started (15(a)(1)(B), 38(b)); the
    # answer deadline is already satisfied.
    change = store.change_stage(case_id, "closed", disposition="settled", on=date(2026, 11, 26))
    assert change.withdrawn_deadlines == 3
    assert by_rule(store, case_id) == {
        "frcp-12a-answer": (DeadlineStatus.SATISFIED, date(2026, 11, 20), 2),
        "frcp-4m-service": (DeadlineStatus.WITHDRAWN, None, None),
        "frcp-15a1b-amend-as-of-course": (DeadlineStatus.WITHDRAWN, None, None),
        "frcp-38b-jury-demand": (DeadlineStatus.WITHDRAWN, None, None),
    }
    assert store.deadlines(case_id, include_closed=False) == []
    assert store.overdue_count() == 0
    history = store.status_history(case_id)
    assert history[-1].to_stage == "closed" and history[-1].withdrawn_deadlines == 0


def test_an_export_names_the_entry_that_met_a_deadline(store: Store, tmp_path: Path) -> None:
    case_id = civil_case_with_complaint(store)
    store.add_filing(
        case_id, Filing(filed_on=date(2026, 11, 20), doc_type=DocType.ANSWER, title="Answer")
    )
    document = export_json(store)
    (exported,) = document["cases"]
    met = [d["satisfied_by"] for d in exported["deadlines"]]
    # The answer deadline (met by entry 2) first, then 4(m), 15(a)(1)(B), 38(b), in id order.
    assert met == [{"entry_no": 2}, None, None, None]
    with Store.open(tmp_path / "other.db", clock=store.clock) as other:
        import_json(other, document)
        (copied,) = other.query_dicts("SELECT id FROM cases")
        answer = other.filing_by_entry(int(copied["id"]), 2)
        assert by_rule(other, int(copied["id"]))["frcp-12a-answer"] == (
            DeadlineStatus.SATISFIED,
            date(2026, 11, 20),
            answer.id,
        )

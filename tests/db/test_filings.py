"""Docket entries: numbering, voiding, the audit trail and the deadlines their rules set."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from db.store import Store
from docket.errors import InputError, NotFound, Refused
from docket.models import Filing
from tests.conftest import TODAY
from tests.db.builders import add_case, add_deadline, add_filing, case_id, count

NOV_9 = date(2026, 11, 9)  # a Monday; 14 days later is Mon 23 Nov, +3 is Thanksgiving


def entries(store: Store, case_id_: int) -> list[tuple[int, str, str | None]]:
    return store.conn.execute(
        "SELECT entry_no, title, voided_at FROM filings WHERE case_id = ? ORDER BY entry_no",
        (case_id_,),
    ).fetchall()


def test_entries_are_numbered_in_order_per_case(store: Store) -> None:
    first = add_case(store, "1:24-cv-01234")
    second = add_case(store, "1:25-cv-00077", title="Jones v. Beta")
    add_filing(store, first, "Complaint", filed_on=NOV_9, doc_type="other")
    add_filing(store, second, "Notice of appearance", filed_on=NOV_9)
    add_filing(store, first, "Civil cover sheet", filed_on=NOV_9)
    assert [(no, title) for no, title, _ in entries(store, case_id(first))] == [
        (1, "Complaint"),
        (2, "Civil cover sheet"),
    ]
    assert [no for no, _, _ in entries(store, case_id(second))] == [1]


def test_entry_number_is_not_reused_after_a_void(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    add_filing(store, case, "Exhibit B", filed_on=NOV_9)
    store.void_filing(case_id(case), 2, "Entered twice")
    add_filing(store, case, "Exhibit C", filed_on=NOV_9)
    assert [(no, title) for no, title, _ in entries(store, case_id(case))] == [
        (1, "Exhibit A"),
        (2, "Exhibit B"),
        (3, "Exhibit C"),
    ]


def test_void_keeps_the_row_with_its_reason(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    voided = store.void_filing(case_id(case), 1, "Filed in the wrong case")
    assert voided.voided and voided.void_reason == "Filed in the wrong case"
    assert store.conn.execute("SELECT title, void_reason FROM filings").fetchall() == [
        ("Exhibit A", "Filed in the wrong case")
    ]


def test_void_needs_a_reason(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, filed_on=NOV_9)
    with pytest.raises(InputError) as error:
        store.void_filing(case_id(case), 1, "   ")
    assert error.value.field == "void_reason"
    assert store.conn.execute("SELECT voided_at FROM filings").fetchone() == (None,)


def test_voiding_twice_is_refused(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, filed_on=NOV_9)
    store.void_filing(case_id(case), 1, "Entered twice")
    with pytest.raises(Refused, match="already voided"):
        store.void_filing(case_id(case), 1, "Again")


def test_a_voided_entry_cannot_be_edited(store: Store) -> None:
    case = add_case(store)
    filing = add_filing(store, case, filed_on=NOV_9)
    store.void_filing(case_id(case), 1, "Entered twice")
    with pytest.raises(Refused, match="voided"):
        store.update_filing(filing.model_copy(update={"title": "Renamed"}))


def test_deleting_an_entry_is_refused_by_the_database(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, filed_on=NOV_9)
    with pytest.raises(sqlite3.IntegrityError, match="voided, never deleted"):
        store.conn.execute("DELETE FROM filings")
    assert count(store, "SELECT count(*) FROM filings") == 1


def test_voided_entries_can_be_left_out_of_the_docket_page(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    add_filing(store, case, "Exhibit B", filed_on=NOV_9)
    store.void_filing(case_id(case), 1, "Entered twice")
    page = store.filings(case_id(case), include_voided=False)
    assert [f.title for f in page] == ["Exhibit B"]


def test_docket_pages_by_entry_number(store: Store) -> None:
    case = add_case(store)
    for i in range(7):
        add_filing(store, case, f"Exhibit {i + 1}", filed_on=NOV_9)
    first = store.filings(case_id(case), limit=3)
    second = store.filings(case_id(case), after_entry=first[-1].entry_no or 0, limit=3)
    assert [f.entry_no for f in first + second] == [1, 2, 3, 4, 5, 6]


def test_a_filing_is_activity(store: Store) -> None:
    case = add_case(store, opened_on=TODAY - timedelta(days=90))
    add_filing(store, case, filed_on=TODAY - timedelta(days=6))
    assert store.get_case(case_id(case)).last_activity_on == TODAY - timedelta(days=6)


def test_a_voided_filing_is_no_longer_activity(store: Store) -> None:
    case = add_case(store, opened_on=TODAY - timedelta(days=90))
    add_filing(store, case, filed_on=TODAY - timedelta(days=6))
    store.void_filing(case_id(case), 1, "Wrong case")
    assert store.get_case(case_id(case)).last_activity_on == TODAY - timedelta(days=90)


# ---------------------------------------------------------------- audit


def test_filing_insert_is_audited_with_the_new_row(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    row = store.conn.execute(
        "SELECT who, action, case_id, before, after FROM audit_log WHERE entity = 'filings'"
    ).fetchone()
    who, action, audited_case, before, after = row
    assert (who, action, audited_case, before) == ("tester", "insert", case_id(case), None)
    assert json.loads(after)["title"] == "Exhibit A"
    assert json.loads(after)["entry_no"] == 1


def test_void_is_audited_as_a_void_with_before_and_after(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    store.void_filing(case_id(case), 1, "Entered twice")
    before, after = store.conn.execute(
        "SELECT before, after FROM audit_log WHERE entity = 'filings' AND action = 'void'"
    ).fetchone()
    assert json.loads(before)["voided_at"] is None
    assert json.loads(after)["void_reason"] == "Entered twice"
    assert json.loads(after)["voided_at"] is not None


def test_filing_edit_is_audited_as_an_update(store: Store) -> None:
    case = add_case(store)
    filing = add_filing(store, case, "Exhibit A", filed_on=NOV_9)
    store.update_filing(filing.model_copy(update={"title": "Exhibit A (corrected)"}))
    before, after = store.conn.execute(
        "SELECT before, after FROM audit_log WHERE entity = 'filings' AND action = 'update'"
    ).fetchone()
    assert (json.loads(before)["title"], json.loads(after)["title"]) == (
        "Exhibit A",
        "Exhibit A (corrected)",
    )


def test_deadline_done_is_audited(store: Store) -> None:
    case = add_case(store)
    deadline = add_deadline(store, case, TODAY + timedelta(days=3))
    assert deadline.id is not None
    store.complete_deadline(deadline.id)
    before, after = store.conn.execute(
        "SELECT before, after FROM audit_log WHERE entity = 'deadlines' AND action = 'update'"
    ).fetchone()
    assert (json.loads(before)["status"], json.loads(after)["status"]) == ("open", "done")
    assert json.loads(after)["done_on"] == TODAY.isoformat()


# ---------------------------------------------------------------- rule-triggered deadlines


def motion(store: Store, **changes: object) -> tuple[Filing, list[object]]:
    # In S.D.N.Y.: New York keeps no holiday on the Friday after Thanksgiving, so these counts
    # see the federal holidays only (New Mexico's own Presidents' Day is tested below).
    case = add_case(store, court="nysd")
    values: dict[str, object] = {
        "filed_on": NOV_9,
        "served_on": NOV_9,
        "service": "mail",
        "doc_type": "motion",
        "title": "Motion to dismiss for lack of jurisdiction",
    }
    values.update(changes)
    saved, created = store.add_filing(case_id(case), Filing.model_validate(values))
    return saved, list(created)


def test_motion_served_by_mail_gets_a_response_deadline_off_the_holiday(store: Store) -> None:
    motion(store)
    [(due_on, rule, trigger, status)] = store.conn.execute(
        "SELECT due_on, rule, trigger_filing_id, status FROM deadlines"
    ).fetchall()
    # 14 days from Mon 9 Nov is Mon 23 Nov; mail adds 3: Thanksgiving, so Friday.
    assert (due_on, rule, trigger, status) == ("2026-11-27", "frcp-response-motion", 1, "open")


def test_in_new_mexico_the_friday_after_thanksgiving_is_a_holiday_too(store: Store) -> None:
    case = add_case(store, court="nmd")
    store.add_filing(
        case_id(case),
        Filing(
            filed_on=NOV_9,
            served_on=NOV_9,
            service="mail",
            doc_type="motion",
            title="Motion to dismiss",
        ),
    )
    # Mon 9 Nov + 14 = Mon 23 Nov; mail adds 3: Thu 26 Nov, Thanksgiving; Fri 27 Nov is New
    # Mexico's Presidents' Day, a legal holiday in D.N.M. by FRCP 6(a)(6)(C); then the weekend:
    # Mon 30 Nov.
    assert store.conn.execute("SELECT due_on FROM deadlines").fetchone() == ("2026-11-30",)


def test_the_deadline_stores_how_it_was_counted(store: Store) -> None:
    motion(store)
    steps = json.loads(store.conn.execute("SELECT computation FROM deadlines").fetchone()[0])
    text = "\n".join(steps)
    assert "14 days" in text and "6(d)" in text and "Thanksgiving" in text
    assert "Due: Fri 27 Nov 2026" in steps


def test_electronic_service_adds_no_days(store: Store) -> None:
    motion(store, service="electronic")
    assert store.conn.execute("SELECT due_on FROM deadlines").fetchone() == ("2026-11-23",)


def test_a_response_deadline_is_the_cases_next_deadline(store: Store) -> None:
    motion(store)
    case = store.find_case("1:24-cv-01234")
    assert store.case_row(case_id(case)).next_deadline_on == "2026-11-27"
    assert store.conn.execute("SELECT next_deadline_on FROM cases").fetchone() == ("2026-11-27",)


def test_changing_the_served_date_recomputes_the_deadline(store: Store) -> None:
    filing, _ = motion(store)
    _, recomputed = store.update_filing(filing.model_copy(update={"served_on": date(2026, 11, 12)}))
    # Thu 12 Nov + 14 = Thu 26 Nov (Thanksgiving) -> Fri 27; +3 mail = Mon 30 Nov.
    assert [d.due_on for d in recomputed] == [date(2026, 11, 30)]
    assert store.conn.execute("SELECT count(*), max(due_on) FROM deadlines").fetchone() == (
        1,
        "2026-11-30",
    )
    assert (
        "Thu 12 Nov 2026" in store.conn.execute("SELECT computation FROM deadlines").fetchone()[0]
    )


def test_editing_only_the_title_leaves_the_deadline_alone(store: Store) -> None:
    filing, _ = motion(store)
    _, recomputed = store.update_filing(filing.model_copy(update={"title": "Amended motion"}))
    assert recomputed == []
    assert store.conn.execute("SELECT due_on FROM deadlines").fetchone() == ("2026-11-27",)


def test_voiding_the_motion_withdraws_its_deadline_and_keeps_it(store: Store) -> None:
    motion(store)
    store.void_filing(1, 1, "Withdrawn by movant")
    assert store.conn.execute("SELECT status, due_on FROM deadlines").fetchall() == [
        ("withdrawn", "2026-11-27")
    ]
    assert store.conn.execute("SELECT next_deadline_on FROM cases").fetchone() == (None,)


def test_voiding_leaves_a_done_deadline_done(store: Store) -> None:
    _, created = motion(store)
    store.complete_deadline(1)
    store.void_filing(1, 1, "Withdrawn by movant")
    assert len(created) == 1
    assert store.conn.execute("SELECT status FROM deadlines").fetchone() == ("done",)


def test_a_notice_sets_no_deadline(store: Store) -> None:
    case = add_case(store)
    add_filing(store, case, "Notice of appearance", filed_on=NOV_9, doc_type="notice")
    assert count(store, "SELECT count(*) FROM deadlines") == 0


def test_a_failed_filing_writes_nothing(store: Store) -> None:
    case = add_case(store)
    audit_before = count(store, "SELECT count(*) FROM audit_log")
    with pytest.raises(NotFound):
        store.add_filing(case_id(case) + 99, Filing(filed_on=NOV_9, title="Stray"))
    assert count(store, "SELECT count(*) FROM filings") == 0
    assert count(store, "SELECT count(*) FROM audit_log") == audit_before


def test_changing_the_type_withdraws_rules_that_no_longer_apply_and_adds_new_ones(
    store: Store,
) -> None:
    filing, _ = motion(store)
    _, touched = store.update_filing(filing.model_copy(update={"doc_type": "judgment"}))
    rows = store.conn.execute("SELECT rule, status FROM deadlines ORDER BY id").fetchall()
    assert rows[0] == ("frcp-response-motion", "withdrawn")
    new_rules = {rule for rule, status in rows[1:] if status == "open"}
    assert "frap-4a-notice-of-appeal" in new_rules
    assert {d.rule for d in touched} == {rule for rule, _ in rows}


def test_changing_the_type_back_brings_the_rule_back_once(store: Store) -> None:
    filing, _ = motion(store)
    judged, _ = store.update_filing(filing.model_copy(update={"doc_type": "order"}))
    store.update_filing(judged.model_copy(update={"doc_type": "motion"}))
    assert store.conn.execute(
        "SELECT status, count(*) FROM deadlines WHERE rule = 'frcp-response-motion' "
        "GROUP BY status ORDER BY status"
    ).fetchall() == [("open", 1), ("withdrawn", 1)]


def test_a_motion_hearing_deadline_names_its_rule_in_how_it_was_counted(store: Store) -> None:
    from tests.db.builders import add_hearing

    case = add_case(store)
    hearing = add_hearing(store, case, date(2026, 12, 15), kind="Motion hearing")
    [opposition] = [d for d in store.deadlines(case_id(case)) if d.rule == "frcp-6c-opposition"]
    assert opposition.trigger_hearing_id == hearing.id
    assert opposition.computation[0].startswith("Rule: ")
    assert "6(c)" in opposition.computation[0]
    # 7 days before Tue 15 Dec 2026 is Tue 8 Dec, a court day.
    assert opposition.due_on == date(2026, 12, 8)


def test_a_vacated_hearing_returns_the_deadlines_it_withdrew(store: Store) -> None:
    from docket.models import DeadlineStatus, HearingStatus
    from tests.db.builders import add_hearing

    case = add_case(store)
    hearing = add_hearing(store, case, date(2026, 12, 15), kind="Motion hearing")
    set_by_it = {d.id for d in store.triggered_deadlines(hearing_id=hearing.id)}
    _, touched = store.update_hearing(hearing.model_copy(update={"status": HearingStatus.VACATED}))
    assert {d.id for d in touched} == set_by_it and set_by_it
    assert {d.status for d in touched} == {DeadlineStatus.WITHDRAWN}

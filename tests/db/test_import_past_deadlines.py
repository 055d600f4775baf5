"""Imports never drop a deadline silently: every rule deadline an imported entry sets is in the
report; those already past at import are recorded as past (not open, never overdue) and named
with their case, rule and date. Today is Wed 25 Nov 2026.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from db.csv_io import import_filings_csv
from db.pacer import import_notices, import_pacer
from db.store import Store
from docket.models import DeadlineStatus
from tests.conftest import NEF_SAMPLES, PACER_SAMPLES
from tests.db.builders import add_case, case_id


def csv_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "filings.csv"
    path.write_text("date,type,title\n" + "".join(f"{row}\n" for row in rows), "utf-8")
    return path


def test_a_past_answer_deadline_is_recorded_past_and_named(store: Store, tmp_path: Path) -> None:
    case = add_case(store, "1:26-cv-00001", court=None, title="Smith v. Jones")
    # Complaint filed Thu 1 Oct 2026: answer due Thu 22 Oct (21 days), already past today;
    # service due Wed 30 Dec (90 days: 30 to 31 Oct, 60 to 30 Nov, 90 to 30 Dec), ahead.
    path = csv_file(tmp_path, "2026-10-01,complaint,Complaint")
    report = import_filings_csv(store, path, case_id(case))
    assert (report.deadlines_added, report.deadlines_past) == (1, 1)
    assert [(d.case_number, d.entry_no, d.rule, d.due_on, d.status) for d in report.deadlines] == [
        ("1:26-cv-00001", 1, "frcp-12a-answer", date(2026, 10, 22), DeadlineStatus.LAPSED),
        ("1:26-cv-00001", 1, "frcp-4m-service", date(2026, 12, 30), DeadlineStatus.OPEN),
    ]
    (missed,) = report.not_calendared
    assert missed.line() == (
        "deadline 2026-10-22 past at import, not calendared: Answer to complaint due "
        "(frcp-12a-answer, FRCP 12(a)(1)(A)(i)) from 1:26-cv-00001 entry 1"
    )
    assert "1 deadline created; 1 already past at import (1 not calendared)" in report.summary()
    # Stored, shown as past at import, and never overdue.
    stored = {d.rule: d.status for d in store.deadlines(case_id(case))}
    assert stored["frcp-12a-answer"] is DeadlineStatus.LAPSED
    assert DeadlineStatus.LAPSED.label == "past at import"
    assert store.overdue_count() == 0


def test_a_later_row_that_meets_a_past_deadline_is_reported_as_met(
    store: Store, tmp_path: Path
) -> None:
    case = add_case(store, "1:26-cv-00001", court=None, title="Smith v. Jones")
    path = csv_file(tmp_path, "2026-10-01,complaint,Complaint", "2026-10-20,answer,Answer")
    report = import_filings_csv(store, path, case_id(case))
    answer = next(d for d in report.deadlines if d.rule == "frcp-12a-answer")
    assert (answer.status, answer.met_by_entry) == (DeadlineStatus.SATISFIED, 2)
    # The complaint's answer deadline is met, so it is not among those left uncalendared; the
    # answer's own, Tue 20 Oct 2026 + 14 = Tue 3 Nov (38(b)) and + 21 = Tue 10 Nov
    # (15(a)(1)(B)), had passed by the import and are.
    assert sorted((d.entry_no, d.rule, d.due_on) for d in report.not_calendared) == [
        (2, "frcp-15a1b-amend-as-of-course", date(2026, 11, 10)),
        (2, "frcp-38b-jury-demand", date(2026, 11, 3)),
    ]
    assert "met by entry 2" in answer.line()


def test_a_pacer_import_names_every_deadline_it_set(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "njd_509180.html", "njd")
    stored = store.query_rows(
        "SELECT d.rule, d.due_on, d.status, f.entry_no FROM deadlines d "
        "JOIN filings f ON f.id = d.trigger_filing_id ORDER BY d.id"
    )
    assert [
        (d.rule, d.due_on.isoformat(), d.status.value, d.entry_no) for d in report.deadlines
    ] == [tuple(row) for row in stored]
    assert report.deadlines_added == 0 and report.deadlines_past == len(stored)
    # The complaint (entry 1), filed Wed 1 Mar 2023: answer due 21 days later, Wed 22 Mar,
    # long past today: not calendared, and named.
    first = report.not_calendared[0]
    assert (first.case_number, first.entry_no, first.rule, first.due_on) == (
        "2:23-cv-01194",
        1,
        "frcp-12a-answer",
        date(2023, 3, 22),
    )
    assert all(d.status is DeadlineStatus.LAPSED for d in report.not_calendared)


def test_an_old_notice_sets_its_deadline_past_at_import(store: Store) -> None:
    report = import_notices(store, [NEF_SAMPLES / "nysd_1.eml"])
    # Motion served electronically Thu 4 Aug 2022: response due 14 days later, Thu 18 Aug.
    (only,) = report.deadlines
    assert (only.case_number, only.rule, only.due_on, only.status) == (
        "1:20-cv-08924",
        "frcp-response-motion",
        date(2022, 8, 18),
        DeadlineStatus.LAPSED,
    )
    assert report.deadlines_past == 1 and store.overdue_count() == 0


def test_voiding_the_entry_that_met_a_past_deadline_puts_it_back_as_past(
    store: Store, tmp_path: Path
) -> None:
    case = add_case(store, "1:26-cv-00001", court=None, title="Smith v. Jones")
    # Complaint Thu 1 Oct 2026: answer due Thu 22 Oct, past at import, met by the answer row.
    path = csv_file(tmp_path, "2026-10-01,complaint,Complaint", "2026-10-20,answer,Answer")
    import_filings_csv(store, path, case_id(case))
    store.void_filing(case_id(case), 2, "not our client's answer")
    (answer,) = [d for d in store.deadlines(case_id(case)) if d.rule == "frcp-12a-answer"]
    assert (answer.status, answer.satisfied_by_filing_id) == (DeadlineStatus.LAPSED, None)
    assert store.overdue_count() == 0

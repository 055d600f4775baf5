"""Store methods added for the TUI: which deadlines an entry or a hearing set."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.store import Store
from docket.models import Case, CaseKind, DeadlineStatus, DocType, Filing, Hearing


def test_triggered_deadlines_by_filing_and_hearing(store: Store) -> None:
    case = store.add_case(
        Case(number="1:26-cv-1", title="A v. B", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 2))
    )
    assert case.id is not None
    complaint, created = store.add_filing(
        case.id, Filing(filed_on=date(2026, 11, 2), doc_type=DocType.COMPLAINT, title="Complaint")
    )
    hearing, before = store.add_hearing(
        case.id, Hearing(starts_at=datetime(2026, 12, 15, 10).astimezone(), kind="motion hearing")
    )
    assert complaint.id is not None and hearing.id is not None
    by_filing = store.triggered_deadlines(filing_id=complaint.id)
    # Mon 2 Nov + 21 days is Mon 23 Nov; + 90 days is Mon 1 Feb 2027. Soonest first.
    assert [(d.title, d.due_on) for d in by_filing] == [
        ("Answer to complaint due", date(2026, 11, 23)),
        ("Serve summons and complaint", date(2027, 2, 1)),
    ]
    assert {d.id for d in by_filing} == {d.id for d in created}
    by_hearing = store.triggered_deadlines(hearing_id=hearing.id)
    assert sorted(d.rule or "" for d in by_hearing) == [
        "frcp-6c-motion-before-hearing",
        "frcp-6c-opposition",
    ]
    assert {d.id for d in by_hearing} == {d.id for d in before}
    store.void_filing(case.id, 1, "entered twice")
    assert store.triggered_deadlines(filing_id=complaint.id) == []
    withdrawn = store.triggered_deadlines(filing_id=complaint.id, open_only=False)
    assert {d.status for d in withdrawn} == {DeadlineStatus.WITHDRAWN}
    with pytest.raises(ValueError, match="exactly one of filing_id and hearing_id"):
        store.triggered_deadlines()
